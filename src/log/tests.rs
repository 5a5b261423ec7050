//! The entry format held to its contract: every entry written reads back
//! equal, whatever its texts hold (property tests), and each kind's written
//! form is pinned by a golden file (insta snapshots).

use proptest::prelude::*;

use super::*;
use crate::finding::SourceText;
use crate::i18n::Lang;

fn stamp() -> Stamp {
    Stamp::parse("2026-03-02T09:15:00+01:00").expect("valid")
}

fn meta(kind: EntryKind, phase: Option<&str>) -> Meta {
    Meta {
        alone: false,
        kind,
        date: stamp(),
        phase: phase.map(String::from),
        by: Some("Anna Lind".into()),
        participants: vec![
            Participant {
                name: "Karim Haddad".into(),
                role: Some("Vägledare".into()),
            },
            Participant {
                name: "Eva Ström".into(),
                role: None,
            },
        ],
        pack: "dino".into(),
        pack_version: "1.0.0".into(),
        closes: Vec::new(),
        owner: None,
        due: None,
        mitigation: None,
        measure: None,
        roster: None,
        follows: Some(vec!["3f9a2c".into()]),
    }
}

fn read_back(text: &str) -> (Entry, Vec<crate::finding::Finding>) {
    let src = SourceText::new("log/x.md", text.to_string());
    let read = read_entry(&src, Lang::En);
    (read.entry.expect("front matter reads"), read.findings)
}

/// Writes an entry, reads it back, and checks it came back equal.
#[track_caller]
fn assert_round_trip(entry: &Entry, lang: Lang) -> String {
    let text = write_entry(entry, lang);
    let (back, findings) = read_back(&text);
    assert!(findings.is_empty(), "{findings:?}\n{text}");
    assert_eq!(&back, entry, "\n{text}");
    text
}

fn record(item: &str, prompt: &str, answer: Answer) -> Record {
    Record {
        item: item.into(),
        criterion: false,
        prompt: prompt.into(),
        answer,
        note: None,
        respondent: None,
        actions: Vec::new(),
    }
}

fn options(chosen: &[&str]) -> Answer {
    Answer::Options(
        [
            ("unit", "Enhetschef"),
            ("administration", "Förvaltningsledning"),
            ("political", "Nämnd eller politiker"),
        ]
        .iter()
        .map(|(id, label)| OptionMark {
            id: (*id).into(),
            label: (*label).into(),
            ticked: chosen.contains(id),
        })
        .collect(),
    )
}

fn session() -> Entry {
    let mut problem = record(
        "problem",
        "Vilket problem vill ni lösa?",
        Answer::Text(
            "Många som vill byta yrke hittar inte rätt utbildning.\nVägledarna hinner inte med."
                .into(),
        ),
    );
    problem.note = Some("Fråga Arbetsförmedlingen om deras siffror.".into());
    problem.actions = vec![crate::log::ActionMark {
        n: 1,
        text: "Hämta Arbetsförmedlingens siffror för Norrdal.".into(),
        owner: "Karin Lindqvist".into(),
        due: jiff::civil::date(2026, 3, 31),
    }];
    let mut upphandling = record(
        "upphandling",
        "Upphandlingsenheten är kontaktad",
        Answer::Check(CheckState::NotApplicable(
            "Vi köper inget i den här fasen.".into(),
        )),
    );
    upphandling.note = Some("Ta upp igen i piloten.".into());
    upphandling.actions = vec![crate::log::ActionMark {
        n: 2,
        text: "Boka ett samtal med upphandlingsenheten\ninför piloten.".into(),
        owner: "Eva Ström".into(),
        due: jiff::civil::date(2026, 9, 1),
    }];
    Entry {
        meta: meta(EntryKind::Session, Some("initiering")),
        title: "Initiering · 2026-03-02".into(),
        body: Body::Records(vec![
            problem,
            record("beslutsniva", "Vem beslutar?", options(&["political"])),
            record(
                "mandat",
                "Det finns ett uttalat mandat",
                Answer::Check(CheckState::Done),
            ),
            upphandling,
            record(
                "budget",
                "Finns budget?",
                Answer::Check(CheckState::NotDone),
            ),
            record(
                "malbild",
                "Hur samstämd är målbilden?",
                Answer::Text("4 av 5 · Stämmer delvis".into()),
            ),
            record(
                "start",
                "När startar piloten?",
                Answer::Text("2026-09-01".into()),
            ),
            record(
                "timmar",
                "Hur många timmar?",
                Answer::Text("12,5 timmar".into()),
            ),
            record(
                "aktorer",
                "Vilka aktörer deltar?",
                options(&["unit", "political"]),
            ),
            record(
                "dataskydd",
                "Hur hanteras personuppgifter?",
                Answer::NotApplicable("Inga personuppgifter.".into()),
            ),
        ]),
    }
}

/// A gate decision with a condition and the next gate's planned day.
fn gate() -> Entry {
    let mut decision = record(
        "decision",
        "Beslut",
        Answer::Options(
            crate::pack::model::Decision::ALL
                .iter()
                .map(|d| OptionMark {
                    id: d.id().into(),
                    label: d.label(Lang::Sv).into(),
                    ticked: d.id() == "go",
                })
                .collect(),
        ),
    );
    // A condition of the decision, and the next gate's planned day.
    decision.actions = vec![crate::log::ActionMark {
        n: 1,
        text: "Budgeten för piloten är beslutad i nämnden.".into(),
        owner: "Eva Ström".into(),
        due: jiff::civil::date(2026, 4, 30),
    }];
    Entry {
        meta: meta(EntryKind::Gate, Some("initiering")),
        title: "Beslutspunkt: Initiering".into(),
        body: Body::Records(vec![
            decision,
            record(
                "decided_by",
                "Vem beslutade?",
                Answer::Text("Eva Ström, enhetschef".into()),
            ),
            record(
                "motivation",
                "Varför?",
                Answer::Text("Behovet är tydligt och mandatet finns.".into()),
            ),
            record(
                "next_gate",
                "När är nästa beslutspunkt?",
                Answer::Text("2026-05-12".into()),
            ),
            criterion(
                "behovsagare",
                "Behovsägaren står bakom inriktningen.",
                Answer::Met,
            ),
            criterion("budget", "Budgeten är beslutad.", Answer::NotMet),
            Record {
                actions: vec![crate::log::ActionMark {
                    n: 2,
                    text: "Gör nollmätningen.".into(),
                    owner: "Karim Haddad".into(),
                    due: jiff::civil::date(2026, 4, 15),
                }],
                ..criterion("3", "Nollmätningen är gjord.", Answer::Deferred)
            },
            criterion(
                "risker",
                "Varje risk har en ägare.",
                Answer::NotApplicable("Inga risker | *än*\n- [x] se <!-- item: x -->".into()),
            ),
        ]),
    }
}

/// A gate criterion's record.
fn criterion(id: &str, text: &str, answer: Answer) -> Record {
    Record {
        criterion: true,
        ..record(id, text, answer)
    }
}

#[test]
fn every_kind_has_a_golden_file() {
    let session = assert_round_trip(&session(), Lang::Sv);
    insta::assert_snapshot!("session", session);

    insta::assert_snapshot!("gate", assert_round_trip(&gate(), Lang::Sv));

    let mut readiness_records = Vec::new();
    for (respondent, scores) in [("Rektor", ["4", "2"]), ("Projektgrupp", ["5", "3"])] {
        for (statement, score) in ["mandat.beslut", "trygghet.misstag"].iter().zip(scores) {
            let mut r = record(
                statement,
                "Påstående",
                Answer::Text(format!("{score} av 5")),
            );
            r.respondent = Some(respondent.into());
            readiness_records.push(r);
        }
    }
    let mut dont_know = record("samverkan.partner", "Partner deltar", Answer::DontKnow);
    dont_know.respondent = Some("Projektgrupp".into());
    readiness_records.push(dont_know);
    let readiness = Entry {
        meta: meta(EntryKind::Readiness, Some("initiering")),
        title: "Förutsättningar för innovation".into(),
        body: Body::Records(readiness_records),
    };
    insta::assert_snapshot!("readiness", assert_round_trip(&readiness, Lang::Sv));

    for kind in [
        EntryKind::Note,
        EntryKind::Decision,
        EntryKind::Risk,
        EntryKind::Insight,
        EntryKind::Lesson,
        EntryKind::Action,
        EntryKind::Done,
    ] {
        let mut meta = meta(kind, Some("forsta"));
        meta.participants.clear();
        if matches!(kind, EntryKind::Decision | EntryKind::Done) {
            meta.closes = vec!["b04e72".into()];
        }
        if kind.is_owned() {
            meta.owner = Some("Karin Lindqvist".into());
            meta.due = Some(jiff::civil::date(2026, 3, 31));
        }
        if kind == EntryKind::Risk {
            meta.mitigation = Some("Ring dem i veckan.".into());
        }
        let note = Entry {
            meta,
            title: kind.label(Lang::Sv).into(),
            body: Body::Text(
                "Vi riskerar att tappa arbetsgivarna.\n\nDe har inte svarat på två veckor.".into(),
            ),
        };
        insta::assert_snapshot!(kind.id(), assert_round_trip(&note, Lang::Sv));
    }
}

#[test]
fn english_labels_read_back_too() {
    assert_round_trip(&session(), Lang::En);
}

#[test]
fn a_hand_edited_entry_is_honoured() {
    let text = write_entry(&session(), Lang::Sv)
        // Tick a box.
        .replace("- [ ] Finns budget?", "- [x] Finns budget?")
        // Rewrite an answer, with emphasis and a second paragraph.
        .replace(
            "Många som vill byta yrke hittar inte rätt utbildning.\\\nVägledarna hinner inte med.",
            "Vuxna *hittar inte* rätt.\n\nAndra stycket.",
        )
        // Change a choice.
        .replace("* [x] Nämnd eller politiker", "* [ ] Nämnd eller politiker")
        .replace("* [ ] Förvaltningsledning", "* [x] Förvaltningsledning")
        // And save it from an editor on Windows.
        .replace('\n', "\r\n");
    let (entry, findings) = read_back(&text);
    assert!(findings.is_empty(), "{findings:?}");
    let Body::Records(records) = entry.body else {
        panic!("records")
    };
    let by_id = |id: &str| records.iter().find(|r| r.item == id).expect(id);
    assert_eq!(by_id("budget").answer, Answer::Check(CheckState::Done));
    assert_eq!(
        by_id("problem").answer,
        Answer::Text("Vuxna *hittar inte* rätt.\n\nAndra stycket.".into())
    );
    let Answer::Options(opts) = &by_id("beslutsniva").answer else {
        panic!("options")
    };
    let ticked: Vec<&str> = opts
        .iter()
        .filter(|o| o.ticked)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ticked, ["administration"]);
    assert_eq!(
        by_id("problem").note.as_deref(),
        Some("Fråga Arbetsförmedlingen om deras siffror.")
    );
}

#[test]
fn what_cannot_be_read_is_named_with_its_line() {
    let text = write_entry(&session(), Lang::Sv)
        .replace("**Svar:** 2026-09-01", "Svaret: 2026-09-01")
        .replace("- [x] Det finns", "- Det finns");
    let (_, findings) = read_back(&text);
    let lines: Vec<usize> = findings.iter().map(|f| f.line).collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    // The rewritten answer has no label but is the only text: it is read;
    // the checkbox that lost its box is named.
    let box_line = text
        .lines()
        .position(|l| l.starts_with("- Det finns"))
        .expect("line")
        + 1;
    assert_eq!(lines, [box_line]);

    let src = SourceText::new("x.md", "# no front matter\n");
    let read = read_entry(&src, Lang::En);
    assert!(read.entry.is_none());
    assert_eq!((read.findings[0].line, read.findings[0].col), (1, 1));

    let text = "+++\nkind = \"sesion\"\ndate = 2026-03-02T09:15:00+01:00\n+++\n";
    let src = SourceText::new("x.md", text);
    let read = read_entry(&src, Lang::En);
    assert!(read.entry.is_none());
    assert_eq!(read.findings[0].line, 2, "{:?}", read.findings);
}

/// Strings that stress the format: Markdown and HTML syntax, line ends,
/// whitespace at the edges, and Unicode of every sort.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "|",
        "- [x] ",
        "- [ ] ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "# ",
        "## ",
        "```",
        "~~~",
        "````",
        "`",
        "``",
        "+++",
        "---",
        "===",
        "***",
        "___",
        "> ",
        ">>",
        "<b>",
        "</style>",
        "<script>alert(1)</script>",
        "<!-- item: x -->",
        "<!-- option: y -->",
        "**Svar:**",
        "**Ej tillämplig:** ",
        "&amp;",
        "&#10;",
        "\\",
        "\\\\",
        "[a](javascript:x)",
        "![i](y)",
        "[^1]",
        "$x$",
        "~~s~~",
        "_u_",
        "*e*",
        "\r\n",
        "\n",
        "\r",
        "\t",
        " ",
        "  ",
        "\n\n",
        "å",
        "Ä",
        "ö",
        "مرحبا",
        "עברית",
        "\u{202e}",
        "\u{200f}",
        "e\u{301}",
        "👩‍👩‍👧",
        "☕",
        "\u{a0}",
        "\u{2028}",
        "\u{b}",
        "\u{c}",
        "\u{7f}",
        "\u{85}",
        "x",
        "ord",
        "0",
        "9.",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()),
        "\\PC{0,40}",
        any::<String>().prop_map(|s| s.replace('\0', "")),
    ]
}

/// One-line texts (prompts, labels): like `hostile`, without line breaks.
fn one_line() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| s.replace(['\n', '\r'], " "))
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        hostile().prop_map(Answer::Text),
        hostile().prop_map(Answer::NotApplicable),
        Just(Answer::DontKnow),
        prop::collection::vec((one_line(), any::<bool>()), 1..4).prop_map(|opts| {
            Answer::Options(
                opts.into_iter()
                    .enumerate()
                    .map(|(i, (label, ticked))| OptionMark {
                        id: format!("opt{i}"),
                        label,
                        ticked,
                    })
                    .collect(),
            )
        }),
        Just(Answer::Check(CheckState::Done)),
        Just(Answer::Check(CheckState::NotDone)),
        hostile().prop_map(|r| Answer::Check(CheckState::NotApplicable(r))),
        prop::collection::vec(hostile(), 8).prop_map(|values| {
            Answer::Fields(Field::INDICATOR.into_iter().zip(values).collect())
        }),
        prop::collection::vec(hostile(), 2..4).prop_map(|values| {
            Answer::Fields(Field::MEASUREMENT.into_iter().zip(values).collect())
        }),
    ]
}

/// Actions beside a record: any text and owner, a day in range.
fn actions() -> impl Strategy<Value = Vec<crate::log::ActionMark>> {
    prop::collection::vec((hostile(), hostile(), 0i32..3_000_000), 0..3).prop_map(|found| {
        found
            .into_iter()
            .enumerate()
            .map(|(i, (text, owner, day))| crate::log::ActionMark {
                n: i as u32 + 1,
                text,
                // An owner is never blank.
                owner: format!("O{owner}"),
                due: jiff::civil::date(1900, 1, 1)
                    .checked_add(jiff::Span::new().days(day))
                    .unwrap_or(jiff::civil::date(2026, 3, 31)),
            })
            .collect()
    })
}

/// Records; respondents, when there are any, answer every record (a
/// section without a respondent cannot follow one with).
fn records() -> impl Strategy<Value = Vec<Record>> {
    (
        any::<bool>(),
        prop::collection::vec(
            (
                one_line(),
                answer(),
                prop::option::of(hostile()),
                prop::sample::select(vec![Some("Rektor"), Some("Projekt | grupp <b>")]),
                actions(),
            ),
            0..6,
        ),
    )
        .prop_map(|(with_respondents, rows)| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (prompt, answer, note, respondent, actions))| Record {
                    item: format!("item{i}"),
                    criterion: false,
                    prompt,
                    answer,
                    note,
                    respondent: respondent.filter(|_| with_respondents).map(String::from),
                    actions,
                })
                .collect()
        })
}

fn participants() -> impl Strategy<Value = Vec<Participant>> {
    prop::collection::vec(
        (hostile(), prop::option::of(hostile()))
            .prop_map(|(name, role)| Participant { name, role }),
        0..3,
    )
}

proptest! {
    // 256 cases each; PROPTEST_CASES=20000 for a deeper run.
    #[test]
    fn any_session_reads_back_exactly(
        title in one_line(),
        by in prop::option::of(hostile()),
        participants in participants(),
        records in records(),
        english in any::<bool>(),
        follows in prop::option::of(prop::collection::vec("[0-9a-f]{6,8}", 0..3)),
    ) {
        let entry = Entry {
            meta: Meta { by, participants, follows, ..meta(EntryKind::Session, Some("initiering")) },
            title,
            body: Body::Records(records),
        };
        let lang = if english { Lang::En } else { Lang::Sv };
        let text = write_entry(&entry, lang);
        let (back, findings) = read_back(&text);
        prop_assert!(findings.is_empty(), "{:?}\n{}", findings, text);
        prop_assert_eq!(back, entry, "\n{}", text);
    }

    #[test]
    fn any_gate_criteria_read_back_exactly(
        rows in prop::collection::vec((one_line(), 0u8..4, hostile(), actions()), 0..5),
        english in any::<bool>(),
    ) {
        let records: Vec<Record> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (text, status, reason, mut actions))| {
                actions.truncate(1);
                let answer = match status {
                    0 => Answer::Met,
                    1 => Answer::NotMet,
                    2 if !actions.is_empty() => Answer::Deferred,
                    _ => Answer::NotApplicable(reason),
                };
                if answer != Answer::Deferred {
                    actions.clear();
                }
                criterion(&format!("k{i}"), &text, answer).with_actions(actions)
            })
            .collect();
        let entry = Entry {
            title: "Beslutspunkt".into(),
            body: Body::Records(records),
            ..gate()
        };
        let lang = if english { Lang::En } else { Lang::Sv };
        let text = write_entry(&entry, lang);
        let (back, findings) = read_back(&text);
        prop_assert!(findings.is_empty(), "{:?}\n{}", findings, text);
        prop_assert_eq!(back, entry, "\n{}", text);
    }

    #[test]
    fn any_note_reads_back_exactly(text in hostile(), by in prop::option::of(hostile())) {
        let entry = Entry {
            meta: Meta { by, participants: Vec::new(), ..meta(EntryKind::Risk, None) },
            title: "Risk".into(),
            body: Body::Text(text),
        };
        let written = write_entry(&entry, Lang::Sv);
        let (back, findings) = read_back(&written);
        prop_assert!(findings.is_empty(), "{:?}\n{}", findings, written);
        prop_assert_eq!(back, entry, "\n{}", written);
    }
}

#[test]
fn an_unfinished_merge_is_one_finding_at_its_first_marker() {
    let text = "+++\nkind = \"note\"\n<<<<<<< HEAD\ndate = 2026-03-02T10:00:00+01:00\n=======\ndate = 2026-03-02T11:00:00+01:00\n>>>>>>> theirs\n+++\n\n# N\n\nText.\n";
    let src = SourceText::new("log/x.md", text.to_string());
    let read = read_entry(&src, Lang::En);
    assert!(read.entry.is_none());
    let printed: Vec<String> = read.findings.iter().map(|f| f.in_words(Lang::En)).collect();
    assert_eq!(printed.len(), 1, "{printed:?}");
    assert!(
        printed[0].starts_with("log/x.md:3:1: an unfinished git merge"),
        "{printed:?}"
    );
}

#[test]
fn an_entry_nested_too_deep_is_a_finding_at_its_place_in_either_language() {
    let src = SourceText::new(
        "log/x.md",
        format!(
            "+++\nkind = \"note\"\ndate = 2026-03-02T10:00:00+01:00\npack = \"dino\"\npack_version = \"1\"\n+++\n\n# Note\n\n{} x\n",
            ">".repeat(20_000)
        ),
    );
    let read = crate::log::read_entry(&src, Lang::En);
    assert!(read.entry.is_none());
    let findings: Vec<String> = read.findings.iter().map(|f| f.in_words(Lang::En)).collect();
    assert_eq!(
        findings,
        [
            "log/x.md:10:33: the text nests deeper than 32 levels (quotes and lists inside one another), more than dino reads; make it flatter"
        ]
    );
    let read = crate::log::read_entry(&src, Lang::Sv);
    assert!(
        read.findings[0]
            .message
            .say(Lang::Sv)
            .starts_with("texten är nästlad djupare än 32 nivåer")
    );
}

#[test]
fn an_item_with_actions_and_no_answer_reads_back_unanswered() {
    let action = |n: u32, text: &str| crate::log::ActionMark {
        n,
        text: text.into(),
        owner: "Karin Lindqvist".into(),
        due: jiff::civil::date(2026, 3, 31),
    };
    let mut problem = record("problem", "Vilket problem?", Answer::Unanswered);
    problem.actions = vec![action(1, "Ta reda på siffrorna.")];
    // A check without an answer is a heading too, not an unticked box.
    let mut mandat = record("mandat", "Finns ett mandat?", Answer::Unanswered);
    mandat.actions = vec![action(2, "Fråga nämnden.")];
    let entry = Entry {
        meta: meta(EntryKind::Session, Some("initiering")),
        title: "Initiering · 2026-03-02".into(),
        body: Body::Records(vec![
            problem,
            record("budget", "Finns budget?", Answer::Check(CheckState::Done)),
            mandat,
        ]),
    };
    for lang in [Lang::Sv, Lang::En] {
        let text = assert_round_trip(&entry, lang);
        assert!(!text.contains("- [ ] Finns ett mandat?"), "{text}");
    }
    // Without its action, such a record is no answer at all: a finding.
    let text = write_entry(&entry, Lang::Sv);
    let bare = text.replace("> **Åtgärd:** Ta reda på siffrorna. <!-- action: 1 -->\n>\n> **Ansvarig:** Karin Lindqvist\n>\n> **Senast:** 2026-03-31\n", "");
    assert_ne!(bare, text, "{text}");
    let (_, findings) = read_back(&bare);
    assert_eq!(findings.len(), 1, "{findings:?}\n{bare}");
}

impl Record {
    fn with_actions(mut self, actions: Vec<crate::log::ActionMark>) -> Record {
        self.actions = actions;
        self
    }
}

#[test]
fn a_criterion_record_that_cannot_be_read_is_named_with_its_line() {
    let head = "+++\nkind = \"gate\"\nphase = \"p\"\ndate = 2026-03-02T09:15:00+01:00\npack = \"dino\"\npack_version = \"1\"\n+++\n\n# Beslutspunkt\n";
    let cases = [
        (
            "\n### A <!-- criterion: a -->\n\n**Svar:** ja\n",
            "criterion `a` has no status",
        ),
        (
            "\n### A <!-- criterion: a -->\n\n**Uppfyllt**\n\n**Skjuts upp**\n",
            "criterion `a` has more than one status",
        ),
        (
            "\n### A <!-- criterion: a -->\n\n**Skjuts upp**\n",
            "criterion `a` is deferred and needs exactly one action after it (`> **Action:** …`), not 0",
        ),
        (
            "\n### A <!-- criterion: a -->\n\n**Met**\n\n> **Åtgärd:** x <!-- action: 1 -->\n>\n> **Ansvarig:** E\n>\n> **Senast:** 2026-04-01\n",
            "criterion `a` has an action after it but is not deferred",
        ),
        (
            "\n### A <!-- item: a -->\n\n**Uppfyllt**\n\n**Svar:** ja\n",
            "`a` is an item: **Met**, **Not met** and **Deferred** belong to a gate's criteria",
        ),
    ];
    for (body, message) in cases {
        let text = format!("{head}{body}");
        let (_, findings) = read_back(&text);
        let said: Vec<String> = findings
            .iter()
            .map(|f| format!("{}:{}", f.line, f.message.say(Lang::En)))
            .collect();
        assert!(
            said.iter()
                .any(|s| s == &format!("11:{message}") || s.starts_with(&format!("11:{message}"))),
            "{said:?}\n{text}"
        );
    }
}

#[test]
fn an_indicator_and_a_measurement_read_back_field_by_field() {
    let hostile = "Väntetid | *dagar*\n<!-- item: x -->\n**Mål:** 3";
    let indicator = Answer::Fields(
        Field::INDICATOR
            .into_iter()
            .zip([
                hostile,
                "",
                "120",
                "2026-03-01",
                "Ärende|system <b>",
                "60,5",
                "2027-06-30",
                "Karin * Lindqvist\n",
            ])
            .map(|(f, v)| (f, v.to_string()))
            .collect(),
    );
    let measurement = Answer::Fields(vec![
        (Field::Value, "95".into()),
        (Field::Measured, "2026-09-01".into()),
    ]);
    let entry = Entry {
        meta: meta(EntryKind::Session, Some("test")),
        title: "Test".into(),
        body: Body::Records(vec![
            record("effekt", "Vilket mått?", indicator),
            record("matning", "Vad visar mätningen?", measurement),
        ]),
    };
    for lang in [Lang::Sv, Lang::En] {
        let text = assert_round_trip(&entry, lang);
        let target = match lang {
            Lang::Sv => "**Målet nås senast:** 2027-06-30",
            Lang::En => "**Target date:** 2027-06-30",
        };
        assert!(text.contains(target), "{text}");
    }
    let written = write_entry(&entry, Lang::Sv);
    assert!(
        written.contains("**Enhet:**\n\n**Utgångsläge:** 120\n"),
        "{written}"
    );
}

#[test]
fn a_field_written_twice_is_a_finding() {
    let text = "+++\nkind = \"session\"\nphase = \"test\"\ndate = 2026-03-02T09:15:00+01:00\npack = \"dino\"\npack_version = \"1.0.0\"\n+++\n# T\n\n### M <!-- item: matning -->\n\n**Värde:** 3\n\n**Värde:** 4\n";
    let (back, findings) = read_back(text);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].to_string().contains(":14:"), "{}", findings[0]);
    let Body::Records(records) = back.body else {
        panic!("records")
    };
    assert_eq!(
        records[0].answer,
        Answer::Fields(vec![(Field::Value, "3".into()), (Field::Value, "4".into())])
    );
}

/// The session entry as dino wrote it before checks were written as a tight
/// task list: a check's reason, note and actions each a block of its own
/// after a blank line, and a check that does not apply left unticked.
const SESSION_BEFORE_TIGHT_CHECKS: &str = r#"+++
kind = "session"
phase = "initiering"
date = 2026-03-02T09:15:00+01:00
facilitator = "Anna Lind"
participants = [
  { name = "Karim Haddad", role = "Vägledare" },
  { name = "Eva Ström" },
]
pack = "dino"
pack_version = "1.0.0"
follows = ["3f9a2c"]
+++

# Initiering · 2026-03-02

### Vilket problem vill ni lösa? <!-- item: problem -->

**Svar:** Många som vill byta yrke hittar inte rätt utbildning.\
Vägledarna hinner inte med.

> **Anteckning:** Fråga Arbetsförmedlingen om deras siffror.

> **Åtgärd:** Hämta Arbetsförmedlingens siffror för Norrdal. <!-- action: 1 -->
>
> **Ansvarig:** Karin Lindqvist
>
> **Senast:** 2026-03-31

### Vem beslutar? <!-- item: beslutsniva -->

* [ ] Enhetschef <!-- option: unit -->
* [ ] Förvaltningsledning <!-- option: administration -->
* [x] Nämnd eller politiker <!-- option: political -->

- [x] Det finns ett uttalat mandat <!-- item: mandat -->
- [ ] Upphandlingsenheten är kontaktad <!-- item: upphandling -->

  **Ej tillämplig:** Vi köper inget i den här fasen.

  > **Anteckning:** Ta upp igen i piloten.

  > **Åtgärd:** Boka ett samtal med upphandlingsenheten\
  > inför piloten. <!-- action: 2 -->
  >
  > **Ansvarig:** Eva Ström
  >
  > **Senast:** 2026-09-01

- [ ] Finns budget? <!-- item: budget -->

### Hur samstämd är målbilden? <!-- item: malbild -->

**Svar:** 4 av 5 · Stämmer delvis

### När startar piloten? <!-- item: start -->

**Svar:** 2026-09-01

### Hur många timmar? <!-- item: timmar -->

**Svar:** 12,5 timmar

### Vilka aktörer deltar? <!-- item: aktorer -->

* [x] Enhetschef <!-- option: unit -->
* [ ] Förvaltningsledning <!-- option: administration -->
* [x] Nämnd eller politiker <!-- option: political -->

### Hur hanteras personuppgifter? <!-- item: dataskydd -->

**Ej tillämplig:** Inga personuppgifter.
"#;

#[test]
fn checks_written_before_they_were_tight_read_as_they_did() {
    let (back, findings) = read_back(SESSION_BEFORE_TIGHT_CHECKS);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(back, session());
}

/// The HTML a GFM reader makes of an entry: tables, task lists and
/// strikethrough, as a forge renders them.
fn forge_html(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

/// The `<li>` of `html` that holds `text`, from its start tag to its end.
fn list_item_with<'h>(html: &'h str, text: &str) -> &'h str {
    let at = html
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} in\n{html}"));
    let start = html[..at].rfind("<li>").expect("an <li> before it");
    let end = start + html[start..].find("</li>").expect("its </li>");
    &html[start..end]
}

#[test]
fn a_check_shows_on_a_forge_as_one_item_its_box_beside_its_text() {
    let html = forge_html(&write_entry(&session(), Lang::Sv));
    // A tight list: the box and the text in the item itself, never a box
    // alone above a paragraph (GitHub puts the box before the first block).
    assert!(
        !html.contains("<li>\n<p>") && !html.contains("<li><p>"),
        "{html}"
    );
    let done = list_item_with(&html, "Det finns ett uttalat mandat");
    assert!(
        done.starts_with("<li><input") && done.contains("checked"),
        "{done}"
    );
    let open = list_item_with(&html, "Finns budget?");
    assert!(
        open.starts_with("<li><input") && !open.contains("checked"),
        "{open}"
    );
    // Not applicable: ticked, struck through, the reason on the item, then
    // the note and the action in one quote inside it.
    let not_applicable = list_item_with(&html, "Upphandlingsenheten");
    assert!(not_applicable.starts_with("<li><input"), "{not_applicable}");
    assert!(not_applicable.contains("checked"), "{not_applicable}");
    let order = [
        "<del>Upphandlingsenheten är kontaktad</del>",
        "<br />",
        "<strong>Ej tillämplig:</strong> Vi köper inget i den här fasen.",
        "<blockquote>",
        "<strong>Anteckning:</strong> Ta upp igen i piloten.",
        "<strong>Åtgärd:</strong> Boka ett samtal",
        "<strong>Senast:</strong> 2026-09-01",
    ];
    let mut from = 0;
    for part in order {
        let found = not_applicable[from..].find(part);
        let found = found.unwrap_or_else(|| panic!("{part:?} after {from} in\n{not_applicable}"));
        from += found + part.len();
    }
    assert_eq!(
        not_applicable.matches("<blockquote>").count(),
        1,
        "{not_applicable}"
    );
}

#[test]
fn a_check_whose_prompt_cannot_be_struck_through_stays_unticked_and_reads_back() {
    for prompt in ["", " kontaktad", "kontaktad\u{a0}", "~", "a~", "\\"] {
        let mut check = record(
            "upphandling",
            prompt,
            Answer::Check(CheckState::NotApplicable("Inget köps.".into())),
        );
        check.note = Some("Senare.".into());
        let entry = Entry {
            body: Body::Records(vec![check]),
            ..session()
        };
        assert_round_trip(&entry, Lang::En);
    }
}
