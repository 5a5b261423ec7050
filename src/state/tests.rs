//! Folding a log into its state, on workbooks written to temporary folders.

use std::fs;
use std::path::Path;

use super::*;
use crate::i18n::Lang;
use crate::workbook::Workbook;

/// A workbook on the example pack `skolpilot`, with these entries.
fn workbook(dir: &Path, personal_data: bool, entries: &[(&str, &str)]) -> Workbook {
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/skolpilot");
    fs::create_dir_all(dir.join("log")).expect("mkdir");
    fs::write(
        dir.join("workbook.toml"),
        format!(
            "name = \"Prov\"\nid = \"prov\"\ncreated = 2026-03-01T09:00:00+01:00\nlanguage = \"sv\"\n\n[pack]\nid = \"skolpilot\"\nversion = \"0.1.0\"\npath = {:?}\n\n[profile]\nprocurement = \"maybe\"\npersonal_data = {personal_data}\n",
            pack.display().to_string()
        ),
    )
    .expect("write");
    for (name, text) in entries {
        fs::write(dir.join("log").join(name), text).expect("write");
    }
    Workbook::open(dir, Lang::Sv).expect("opens")
}

fn session(phase: &str, date: &str, body: &str) -> String {
    format!("+++\nkind = \"session\"\nphase = \"{phase}\"\ndate = {date}\n+++\n\n# S\n{body}")
}

fn gate(phase: &str, date: &str, decision: &str) -> String {
    let options: String = ["go", "recycle", "pause", "stop"]
        .iter()
        .map(|d| {
            let tick = if *d == decision { 'x' } else { ' ' };
            format!("* [{tick}] {d} <!-- option: {d} -->\n")
        })
        .collect();
    format!(
        "+++\nkind = \"gate\"\nphase = \"{phase}\"\ndate = {date}\n+++\n\n# G\n\n### Beslut <!-- item: decision -->\n\n{options}"
    )
}

const START_DONE: &str = "
### P <!-- item: problem -->

**Svar:** Frånvaro.

### L <!-- item: losning -->

* [ ] Ja <!-- option: ja -->
* [x] Nej <!-- option: nej -->
";

#[test]
fn the_latest_answer_wins_and_conditions_decide_what_counts() {
    let dir = tempfile::tempdir().expect("temp");
    let first = session(
        "start",
        "2026-03-02T09:00:00+01:00",
        "\n### P <!-- item: problem -->\n\n**Svar:** Första.\n",
    );
    let later = session("start", "2026-03-03T09:00:00+01:00", START_DONE);
    // Without personal data, `dataskydd` does not apply: two of two done.
    let wb = workbook(
        dir.path(),
        false,
        &[("a-x-111111.md", &later), ("b-x-222222.md", &first)],
    );
    let state = fold(&wb);
    let start = &state.phases[0];
    assert_eq!((start.done, start.required), (2, 2));
    assert_eq!(start.gate, GateState::Ready);
    let latest = &state.answers[&("start".to_string(), "problem".to_string())];
    assert_eq!(latest.given, Given::Value(Value::Str("Frånvaro.".into())));
    assert!(state.findings.is_empty(), "{:?}", state.findings);

    // With personal data it applies, and is open.
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), true, &[("a-x-111111.md", &later)]);
    let state = fold(&wb);
    assert_eq!((state.phases[0].done, state.phases[0].required), (2, 3));
    assert_eq!(state.phases[0].open, ["dataskydd"]);
}

#[test]
fn entries_at_the_same_moment_are_read_in_file_name_order() {
    let dir = tempfile::tempdir().expect("temp");
    let at = "2026-03-02T09:00:00+01:00";
    let one = session(
        "start",
        at,
        "\n### P <!-- item: problem -->\n\n**Svar:** Ett.\n",
    );
    let two = session(
        "start",
        at,
        "\n### P <!-- item: problem -->\n\n**Svar:** Två.\n",
    );
    let wb = workbook(
        dir.path(),
        false,
        &[("x-b-222222.md", &two), ("x-a-111111.md", &one)],
    );
    let state = fold(&wb);
    let latest = &state.answers[&("start".to_string(), "problem".to_string())];
    assert_eq!(latest.given, Given::Value(Value::Str("Två.".into())));
}

#[test]
fn gates_move_the_project_on_hold_it_or_end_it() {
    let dir = tempfile::tempdir().expect("temp");
    let done = session("start", "2026-03-02T09:00:00+01:00", START_DONE);
    let go = gate("start", "2026-03-03T09:00:00+01:00", "go");
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &done), ("b-g-222222.md", &go)],
    );
    let state = fold(&wb);
    assert!(state.phases[0].passed());
    assert_eq!(state.current, Current::Phase(1));

    let dir = tempfile::tempdir().expect("temp");
    let stop = gate("start", "2026-03-03T09:00:00+01:00", "stop");
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &done), ("b-g-222222.md", &stop)],
    );
    assert_eq!(fold(&wb).current, Current::Stopped(0));

    // Recycle stands until the phase is worked on again.
    let dir = tempfile::tempdir().expect("temp");
    let recycle = gate("start", "2026-03-03T09:00:00+01:00", "recycle");
    let again = session(
        "start",
        "2026-03-04T09:00:00+01:00",
        "\n### P <!-- item: problem -->\n\n**Svar:** Omformulerat.\n",
    );
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &done), ("b-g-222222.md", &recycle)],
    );
    assert!(matches!(
        fold(&wb).phases[0].gate,
        GateState::Decided {
            decision: Decision::Recycle,
            ..
        }
    ));
    fs::write(dir.path().join("log/c-s-333333.md"), &again).expect("write");
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let state = fold(&wb);
    assert_eq!(state.phases[0].gate, GateState::Ready);
    assert_eq!(state.current, Current::Phase(0));
}

#[test]
fn answers_to_removed_items_are_kept_and_bad_values_named() {
    let dir = tempfile::tempdir().expect("temp");
    let old = session(
        "start",
        "2026-03-02T09:00:00+01:00",
        "\n### En gammal fråga <!-- item: gammal -->\n\n**Svar:** Kvar.\n",
    );
    let bad = session(
        "test",
        "2026-03-03T09:00:00+01:00",
        "\n### Nytta <!-- item: nytta -->\n\n**Svar:** 9 av 5\n\n### Klart <!-- item: klart -->\n\n**Svar:** 2026-02-30\n",
    );
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &old), ("b-t-222222.md", &bad)],
    );
    let state = fold(&wb);
    assert_eq!(state.orphans.len(), 1);
    assert_eq!(state.orphans[0].prompt, "En gammal fråga");
    let lines: Vec<(usize, String)> = state
        .findings
        .iter()
        .map(|f| (f.line, f.message.say(Lang::En)))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0].0, 9);
    assert!(lines[0].1.contains("no item `gammal`"), "{lines:?}");
    assert_eq!(lines[1].0, 9);
    assert!(lines[1].1.contains("integer from 1 to 5"), "{lines:?}");
    assert_eq!(lines[2].0, 13);
    assert!(lines[2].1.contains("not a date"), "{lines:?}");
}

/// A workbook on `skolpilot` (no personal data) with these entries; the
/// folder lives as long as the first value.
fn on_skolpilot(files: &[(&str, &str)]) -> (tempfile::TempDir, Workbook) {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false, files);
    (dir, wb)
}

/// A session on `start` answering `problem`, with a `follows` key (or none).
fn answer_at(date: &str, follows: Option<&[&str]>, problem: &str) -> String {
    let follows = match follows {
        Some(ids) => {
            let ids: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
            format!("follows = [{}]\n", ids.join(", "))
        }
        None => String::new(),
    };
    format!(
        "+++\nkind = \"session\"\nphase = \"start\"\ndate = {date}\n{follows}+++\n\n# S\n\n### P <!-- item: problem -->\n\n**Svar:** {problem}\n"
    )
}

#[test]
fn answers_given_without_seeing_each_other_disagree_until_a_later_session_settles_it() {
    let base = answer_at("2026-03-02T09:00:00+01:00", Some(&[]), "Bas.");
    // Two branches, both after `base`, answer differently.
    let ours = answer_at("2026-03-03T09:00:00+01:00", Some(&["aaaaaa"]), "Vår.");
    let theirs = answer_at("2026-03-03T10:00:00+01:00", Some(&["aaaaaa"]), "Deras.");
    let files = [
        ("2026-03-02-0900-session-start-aaaaaa.md", base.as_str()),
        ("2026-03-03-0900-session-start-bbbbbb.md", ours.as_str()),
        ("2026-03-03-1000-session-start-cccccc.md", theirs.as_str()),
    ];
    let (_dir, wb) = on_skolpilot(&files);
    let state = fold(&wb);
    let latest = &state.answers[&("start".to_string(), "problem".to_string())];
    assert_eq!(latest.given, Given::Value(Value::Str("Deras.".into())));
    assert_eq!(state.disagreements.len(), 1, "{:?}", state.disagreements);
    let d = &state.disagreements[0];
    assert_eq!(
        (d.phase.as_str(), d.item.as_deref()),
        ("start", Some("problem"))
    );
    assert_eq!(wb.entries[d.kept.entry].id, "cccccc");
    assert_eq!(d.kept.answer, Answer::Text("Deras.".into()));
    let aside: Vec<&str> = d
        .set_aside
        .iter()
        .map(|s| wb.entries[s.entry].id.as_str())
        .collect();
    assert_eq!(aside, ["bbbbbb"]);
    // `dino check` names it at the answer that counts.
    let found: Vec<&Finding> = state
        .findings
        .iter()
        .filter(|f| f.message.say(Lang::Sv).contains("besvarades annorlunda"))
        .collect();
    assert_eq!(found.len(), 1, "{:?}", state.findings);
    assert!(found[0].file.ends_with("cccccc.md"));
    assert_eq!(found[0].line, 10);
    assert!(
        found[0].message.say(Lang::Sv).contains("bbbbbb.md"),
        "{}",
        found[0].message
    );
    assert_eq!(lineage::heads_of(&wb.entries), ["bbbbbb", "cccccc"]);

    // A session after both settles it, whatever it answers.
    let settled = answer_at(
        "2026-03-04T09:00:00+01:00",
        Some(&["bbbbbb", "cccccc"]),
        "Vår.",
    );
    let mut all = files.to_vec();
    all.push(("2026-03-04-0900-session-start-dddddd.md", &settled));
    let (_dir, wb) = on_skolpilot(&all);
    let state = fold(&wb);
    assert!(state.disagreements.is_empty(), "{:?}", state.disagreements);
    assert_eq!(lineage::heads_of(&wb.entries), ["dddddd"]);

    // One that follows only its own branch does not: the other answer
    // still stands beside it.
    let one_sided = answer_at("2026-03-04T09:00:00+01:00", Some(&["bbbbbb"]), "Vår igen.");
    let mut all = files.to_vec();
    all.push(("2026-03-04-0900-session-start-dddddd.md", &one_sided));
    let (_dir, wb) = on_skolpilot(&all);
    let state = fold(&wb);
    assert_eq!(state.disagreements.len(), 1);
    assert_eq!(wb.entries[state.disagreements[0].kept.entry].id, "dddddd");
}

#[test]
fn corrections_and_agreements_are_not_disagreements() {
    // A later answer that had seen the earlier one corrects it.
    let first = answer_at("2026-03-02T09:00:00+01:00", Some(&[]), "Först.");
    let second = answer_at("2026-03-03T09:00:00+01:00", Some(&["aaaaaa"]), "Sedan.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-02-0900-session-start-aaaaaa.md", &first),
        ("2026-03-03-0900-session-start-bbbbbb.md", &second),
    ]);
    assert!(fold(&wb).disagreements.is_empty());

    // Two branches giving the same answer agree.
    let a = answer_at("2026-03-03T09:00:00+01:00", Some(&[]), "Samma.");
    let b = answer_at("2026-03-03T10:00:00+01:00", Some(&[]), "Samma.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-0900-session-start-aaaaaa.md", &a),
        ("2026-03-03-1000-session-start-bbbbbb.md", &b),
    ]);
    assert!(fold(&wb).disagreements.is_empty());

    // Entries without `follows` (by hand, or older) follow all before them.
    let a = answer_at("2026-03-03T09:00:00+01:00", None, "Ett.");
    let b = answer_at("2026-03-03T10:00:00+01:00", None, "Två.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-0900-session-start-aaaaaa.md", &a),
        ("2026-03-03-1000-session-start-bbbbbb.md", &b),
    ]);
    assert!(fold(&wb).disagreements.is_empty());
    assert_eq!(lineage::heads_of(&wb.entries), ["bbbbbb"]);
}

#[test]
fn a_tie_in_time_resolves_by_file_name_on_every_machine() {
    let at = "2026-03-03T09:00:00+01:00";
    let a = answer_at(at, Some(&[]), "A.");
    let b = answer_at(at, Some(&[]), "B.");
    // Whatever order the files are written (and listed) in.
    for files in [
        [
            ("2026-03-03-0900-session-start-aaaaaa.md", &a),
            ("2026-03-03-0900-session-start-bbbbbb.md", &b),
        ],
        [
            ("2026-03-03-0900-session-start-bbbbbb.md", &b),
            ("2026-03-03-0900-session-start-aaaaaa.md", &a),
        ],
    ] {
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let (_dir, wb) = on_skolpilot(&files);
        let state = fold(&wb);
        let latest = &state.answers[&("start".to_string(), "problem".to_string())];
        assert_eq!(latest.given, Given::Value(Value::Str("B.".into())));
        assert_eq!(state.disagreements.len(), 1);
    }
}

#[test]
fn a_cycle_of_follows_written_by_hand_ends() {
    let a = answer_at("2026-03-03T09:00:00+01:00", Some(&["bbbbbb"]), "A.");
    let b = answer_at("2026-03-03T10:00:00+01:00", Some(&["aaaaaa"]), "B.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-0900-session-start-aaaaaa.md", &a),
        ("2026-03-03-1000-session-start-bbbbbb.md", &b),
    ]);
    let state = fold(&wb);
    assert!(state.disagreements.is_empty());
    assert_eq!(lineage::heads_of(&wb.entries), ["bbbbbb"]);
}

#[test]
fn a_correction_counts_even_when_its_clock_or_file_name_puts_it_first() {
    // Three answers in one second, each following the one before; their
    // file names sort the other way round.
    let at = "2026-03-03T09:00:00+01:00";
    let one = answer_at(at, Some(&[]), "Ett.");
    let two = answer_at(at, Some(&["cccccc"]), "Två.");
    let three = answer_at(at, Some(&["bbbbbb"]), "Tre.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-0900-session-start-cccccc.md", &one),
        ("2026-03-03-0900-session-start-bbbbbb.md", &two),
        ("2026-03-03-0900-session-start-aaaaaa.md", &three),
    ]);
    let ids: Vec<&str> = wb.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["cccccc", "bbbbbb", "aaaaaa"],
        "in the order they follow"
    );
    let state = fold(&wb);
    let latest = &state.answers[&("start".to_string(), "problem".to_string())];
    assert_eq!(latest.given, Given::Value(Value::Str("Tre.".into())));
    assert!(state.disagreements.is_empty(), "{:?}", state.disagreements);

    // A clock that ran behind: the correction is dated before what it
    // corrects, and still comes after it.
    let first = answer_at("2026-03-03T10:00:00+01:00", Some(&[]), "Först.");
    let behind = answer_at("2026-03-03T09:58:00+01:00", Some(&["aaaaaa"]), "Sedan.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-1000-session-start-aaaaaa.md", &first),
        ("2026-03-03-0958-session-start-bbbbbb.md", &behind),
    ]);
    let state = fold(&wb);
    let latest = &state.answers[&("start".to_string(), "problem".to_string())];
    assert_eq!(latest.given, Given::Value(Value::Str("Sedan.".into())));
    assert!(state.disagreements.is_empty(), "{:?}", state.disagreements);
}

#[test]
fn an_entry_that_follows_a_removed_one_has_seen_all_before_it() {
    let first = answer_at("2026-03-03T09:00:00+01:00", Some(&[]), "Först.");
    // It followed a note that was deleted since.
    let second = answer_at("2026-03-03T11:00:00+01:00", Some(&["dddddd"]), "Sedan.");
    let (_dir, wb) = on_skolpilot(&[
        ("2026-03-03-0900-session-start-aaaaaa.md", &first),
        ("2026-03-03-1100-session-start-bbbbbb.md", &second),
    ]);
    let state = fold(&wb);
    assert!(state.disagreements.is_empty(), "{:?}", state.disagreements);
    assert_eq!(state.findings.len(), 1, "{:?}", state.findings);
    assert!(
        state.findings[0]
            .message
            .say(Lang::Sv)
            .contains("`follows` nämner `dddddd`")
    );
}

/// A gate entry for `start`, with a `follows` key.
fn gate_after(date: &str, follows: &[&str], decision: &str) -> String {
    let ids: Vec<String> = follows.iter().map(|id| format!("{id:?}")).collect();
    gate("start", date, decision).replacen(
        &format!("date = {date}\n"),
        &format!("date = {date}\nfollows = [{}]\n", ids.join(", ")),
        1,
    )
}

#[test]
fn gate_decisions_taken_on_two_branches_disagree_until_a_new_one() {
    let done = session("start", "2026-03-02T09:00:00+01:00", START_DONE).replacen(
        "+++\n\n",
        "follows = []\n+++\n\n",
        1,
    );
    let go = gate_after("2026-03-03T09:00:00+01:00", &["aaaaaa"], "go");
    let recycle = gate_after("2026-03-03T10:00:00+01:00", &["aaaaaa"], "recycle");
    let mut files = vec![
        ("2026-03-02-0900-session-start-aaaaaa.md", done.clone()),
        ("2026-03-03-0900-gate-start-bbbbbb.md", go),
        ("2026-03-03-1000-gate-start-cccccc.md", recycle),
    ];
    let view = |files: &[(&str, String)]| {
        let list: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let (dir, wb) = on_skolpilot(&list);
        let state = fold(&wb);
        (dir, wb, state)
    };
    let (_dir, wb, state) = view(&files);
    assert_eq!(state.disagreements.len(), 1, "{:?}", state.disagreements);
    let d = &state.disagreements[0];
    assert_eq!((d.phase.as_str(), d.item.as_deref()), ("start", None));
    assert_eq!(wb.entries[d.kept.entry].id, "cccccc");
    assert!(
        state.findings.iter().any(|f| f
            .message
            .say(Lang::En)
            .contains("the gate of `start` was decided differently")),
        "{:?}",
        state.findings
    );
    // A decision after both settles it.
    files.push((
        "2026-03-04-0900-gate-start-dddddd.md",
        gate_after("2026-03-04T09:00:00+01:00", &["bbbbbb", "cccccc"], "go"),
    ));
    let (_dir, _wb, state) = view(&files);
    assert!(state.disagreements.is_empty(), "{:?}", state.disagreements);
    assert!(state.phases[0].passed());
}

#[test]
fn a_gate_without_a_decision_is_named_at_the_decision_or_the_kind() {
    let done = session("start", "2026-03-02T09:00:00+01:00", START_DONE);
    let none = gate("start", "2026-03-03T09:00:00+01:00", "none");
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &done), ("b-g-222222.md", &none)],
    );
    let state = fold(&wb);
    let decision_line = none
        .lines()
        .position(|l| l.contains("<!-- item: decision -->"))
        .expect("a decision")
        + 1;
    let problem = state
        .findings
        .iter()
        .find(|f| {
            f.message
                .say(Lang::En)
                .contains("lacks one (and only one) ticked decision")
        })
        .expect("named");
    assert_eq!((problem.line, problem.col), (decision_line, 1), "{problem}");

    // No decision heading at all: at the entry's `kind`.
    let bare =
        "+++\nkind = \"gate\"\nphase = \"start\"\ndate = 2026-03-03T09:00:00+01:00\n+++\n\n# G\n";
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(
        dir.path(),
        false,
        &[("a-s-111111.md", &done), ("b-g-222222.md", bare)],
    );
    let state = fold(&wb);
    let problem = state
        .findings
        .iter()
        .find(|f| f.message.say(Lang::En).contains("ticked decision"))
        .expect("named");
    assert_eq!((problem.line, problem.col), (2, 8), "{problem}");
}

/// An action's block, as the writer puts it beside a record.
fn action_block(n: u32, text: &str, owner: &str, due: &str) -> String {
    format!(
        "\n> **Åtgärd:** {text} <!-- action: {n} -->\n>\n> **Ansvarig:** {owner}\n>\n> **Senast:** {due}\n"
    )
}

#[test]
fn actions_raised_in_a_session_and_at_a_gate_are_due_until_closed() {
    let dir = tempfile::tempdir().expect("temp");
    let body = format!(
        "{START_DONE}{}",
        action_block(1, "Ring rektorn", "Eva", "2026-03-20")
    );
    let decided = format!(
        "{}{}\n### N <!-- item: next_gate -->\n\n**Svar:** 2026-04-30\n",
        gate("start", "2026-03-10T10:00:00+01:00", "go"),
        action_block(1, "Budget beslutad", "Omar", "2026-04-01")
    );
    let closing = "+++\nkind = \"done\"\ndate = 2026-03-15T10:00:00+01:00\ncloses = [\"aaaaaa-1\"]\n+++\n\n# Klart\n\nRingt.\n";
    let entries = [
        (
            "2026-03-02-0900-start-aaaaaa.md",
            session("start", "2026-03-02T09:00:00+01:00", &body),
        ),
        ("2026-03-10-1000-gate-start-bbbbbb.md", decided),
    ];
    let listed: Vec<(&str, &str)> = entries.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let wb = workbook(dir.path(), false, &listed);
    let state = fold(&wb);
    assert!(state.findings.is_empty(), "{:?}", state.findings);
    let as_of = jiff::civil::date(2026, 4, 5);
    let due = follow_up::due(&wb, &state, as_of);
    let seen: Vec<(&str, follow_up::DueKind, bool)> = due
        .iter()
        .map(|d| (d.id.as_str(), d.kind, d.overdue))
        .collect();
    assert_eq!(
        seen,
        [
            ("aaaaaa-1", follow_up::DueKind::Action, true),
            ("bbbbbb-1", follow_up::DueKind::Condition, true),
            ("bbbbbb", follow_up::DueKind::Gate, false),
        ]
    );
    assert_eq!(due[2].day, jiff::civil::date(2026, 4, 30));
    assert_eq!(due[0].owner.as_deref(), Some("Eva"));
    // A `done` that names the action closes it, and nothing else.
    let closed = [
        listed[0],
        listed[1],
        ("2026-03-15-1000-done-cccccc.md", closing),
    ];
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false, &closed);
    let state = fold(&wb);
    assert!(state.findings.is_empty(), "{:?}", state.findings);
    let ids: Vec<String> = follow_up::due(&wb, &state, as_of)
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, ["bbbbbb-1", "bbbbbb"]);
    assert_eq!(state.closed.get("aaaaaa-1"), Some(&2));
}

#[test]
fn the_latest_gate_decision_carries_its_criteria_and_an_older_one_none() {
    let dir = tempfile::tempdir().expect("temp");
    let older = gate("start", "2026-03-03T09:00:00+01:00", "pause");
    let later = format!(
        "{}\n### Behovsägaren <!-- criterion: behovsagare -->\n\n**Ej tillämplig:** Rektorn beslutar.\n\n### Tid <!-- criterion: tid -->\n\n**Skjuts upp**\n{}\n### Budget <!-- criterion: budget -->\n\n**Uppfyllt**\n",
        gate("start", "2026-03-04T09:00:00+01:00", "go"),
        action_block(1, "Boka tid", "Eva", "2026-04-01"),
    );
    let session = session("start", "2026-03-02T09:00:00+01:00", START_DONE);
    let wb = workbook(
        dir.path(),
        false,
        &[
            ("a-start-111111.md", &session),
            ("b-gate-start-222222.md", &older),
        ],
    );
    // A decision written before criteria were recorded: each unrecorded.
    let state = fold(&wb);
    let statuses: Vec<&CriterionStatus> =
        state.phases[0].criteria.iter().map(|c| &c.status).collect();
    assert_eq!(
        statuses,
        [&CriterionStatus::Unrecorded, &CriterionStatus::Unrecorded]
    );
    assert!(
        state.phases[1].criteria.is_empty(),
        "no decision, no criteria"
    );

    fs::write(dir.path().join("log/c-gate-start-333333.md"), &later).expect("write");
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let state = fold(&wb);
    let criteria = &state.phases[0].criteria;
    assert_eq!(criteria[0].id, "behovsagare");
    assert_eq!(
        criteria[0].status,
        CriterionStatus::NotApplicable("Rektorn beslutar.".into())
    );
    assert_eq!(
        criteria[1].status,
        CriterionStatus::Deferred {
            action: "333333-1".into()
        }
    );
    // A criterion the gate does not have is named where it is written.
    let line = 1 + later[..later.find("### Budget").expect("budget")]
        .matches('\n')
        .count();
    let said: Vec<(usize, String)> = state
        .findings
        .iter()
        .map(|f| (f.line, f.message.say(Lang::En)))
        .collect();
    assert!(
        said.iter()
            .any(|(l, m)| *l == line && m.contains("has no criterion `budget`")),
        "{said:?}"
    );
    let due = follow_up::due(&wb, &state, jiff::civil::date(2026, 3, 10));
    assert!(
        due.iter()
            .any(|d| d.id == "333333-1" && d.kind == follow_up::DueKind::Criterion),
        "{due:?}"
    );
}

const INDICATOR: &str = "
### E <!-- item: effekt -->

**Indikator:** Väntetid

**Enhet:** dagar

**Utgångsläge:** 120

**Uppmätt:** 2026-03-01

**Källa:** Ärendesystemet

**Mål:** 60

**Målet nås senast:** 2027-06-30

**Ansvarig:** Karin

### U <!-- item: uppfoljning -->

**Svar:** 2026-09-01
";

fn measure(date: &str, value: &str, measured: &str) -> String {
    format!(
        "+++\nkind = \"measure\"\ndate = {date}\nindicator = \"test.effekt\"\nvalue = {value}\nmeasured = {measured}\n+++\n\n# M\n\nV\n"
    )
}

#[test]
fn an_indicator_gathers_its_measurements_by_day_and_says_what_is_due() {
    let dir = tempfile::tempdir().expect("temp");
    let defined = session("test", "2026-03-02T09:00:00+01:00", INDICATOR);
    let in_session = session(
        "test",
        "2026-08-05T09:00:00+02:00",
        "\n### M <!-- item: matning -->\n\n**Värde:** 110\n\n**Uppmätt:** 2026-06-01\n",
    );
    let wb = workbook(
        dir.path(),
        false,
        &[
            ("a-x-111111.md", &defined),
            (
                "b-x-222222.md",
                &measure("2026-08-01T09:00:00+02:00", "100", "2026-07-31"),
            ),
        ],
    );
    let state = fold(&wb);
    assert!(state.findings.is_empty(), "{:?}", state.findings);
    let all = indicators::indicators(&wb, &state);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].indicator.name, "Väntetid");
    let values: Vec<f64> = all[0].measurements.iter().map(|m| m.value).collect();
    assert_eq!(values, [100.0]);
    // Measured 32 days before the due day: still due, and so is the target.
    let due: Vec<(Option<String>, String)> = indicators::due_measurements(&wb, &state)
        .into_iter()
        .map(|d| (d.item, d.day.to_string()))
        .collect();
    assert_eq!(
        due,
        [
            (Some("test.matning".into()), "2026-09-01".into()),
            (None, "2027-06-30".into())
        ]
    );

    // The item answered in a session: no longer due, and its value comes
    // first by the day measured, though written later.
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(
        dir.path(),
        false,
        &[
            ("a-x-111111.md", &defined),
            (
                "b-x-222222.md",
                &measure("2026-08-01T09:00:00+02:00", "100", "2026-07-31"),
            ),
            ("c-x-333333.md", &in_session),
            (
                "d-x-444444.md",
                &measure("2027-07-01T09:00:00+02:00", "55.5", "2027-07-01"),
            ),
        ],
    );
    let state = fold(&wb);
    assert!(state.findings.is_empty(), "{:?}", state.findings);
    let all = indicators::indicators(&wb, &state);
    let values: Vec<f64> = all[0].measurements.iter().map(|m| m.value).collect();
    assert_eq!(values, [110.0, 100.0, 55.5]);
    assert!(indicators::due_measurements(&wb, &state).is_empty());
}

fn profile_entry(date: &str, body: &str) -> String {
    format!(
        "+++\nkind = \"profile\"\ndate = {date}\nauthor = \"Anna\"\n+++\n\n# Projektprofil\n{body}"
    )
}

#[test]
fn a_measurement_after_its_entry_or_before_the_baseline_is_a_finding_at_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    let defined = session("test", "2026-03-02T09:00:00+01:00", INDICATOR);
    let future = session(
        "test",
        "2026-03-05T09:00:00+01:00",
        "\n### M <!-- item: matning -->\n\n**Värde:** 110\n\n**Uppmätt:** 2026-06-01\n",
    );
    let wb = workbook(
        dir.path(),
        false,
        &[
            ("a-x-111111.md", &defined),
            ("b-x-222222.md", &future),
            (
                "c-x-333333.md",
                &measure("2026-03-06T09:00:00+01:00", "100", "2026-02-01"),
            ),
        ],
    );
    let state = fold(&wb);
    let found: Vec<(String, usize, String)> = state
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.message.say(Lang::En)))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.ends_with("b-x-222222.md"), "{found:?}");
    assert!(
        found[0].2.contains(
            "a measurement cannot be dated in the future: 2026-06-01 is after 2026-03-05"
        ),
        "{found:?}"
    );
    assert!(found[1].0.ends_with("c-x-333333.md"), "{found:?}");
    assert_eq!(found[1].1, 6, "{found:?}");
    assert!(
        found[1]
            .2
            .contains("is before the indicator's baseline day (2026-03-01)"),
        "{found:?}"
    );
}

#[test]
fn profile_entries_change_the_profile_in_log_order() {
    let dir = tempfile::tempdir().expect("temp");
    let yes = profile_entry(
        "2026-03-02T10:00:00+01:00",
        "\n### Köpa? <!-- item: procurement -->\n\n* [ ] Nej <!-- option: none -->\n* [ ] Kanske <!-- option: maybe -->\n* [x] Ja <!-- option: yes -->\n\n> **Anteckning:** En tjänst.\n",
    );
    let data = profile_entry(
        "2026-03-03T10:00:00+01:00",
        "\n- [x] Personuppgifter? <!-- item: personal_data -->\n\n### Okänd <!-- item: procuremnt -->\n\n**Svar:** ja\n\n### Köpa? <!-- item: procurement -->\n\n* [x] Nej <!-- option: none -->\n* [x] Ja <!-- option: yes -->\n",
    );
    let mut wb = workbook(
        dir.path(),
        false,
        &[
            ("2026-03-03-1000-profile-bbbbbb.md", &data),
            ("2026-03-02-1000-profile-aaaaaa.md", &yes),
        ],
    );
    profile::bind(&mut wb);
    assert_eq!(wb.profile["procurement"], Value::Str("yes".into()));
    assert_eq!(wb.profile["personal_data"], Value::Bool(true));
    let later = wb
        .entries
        .iter()
        .position(|e| e.id == "bbbbbb")
        .expect("read");
    let earlier = wb
        .entries
        .iter()
        .position(|e| e.id == "aaaaaa")
        .expect("read");
    assert_eq!(
        wb.profile_from["procurement"],
        crate::workbook::ProfileSource::Entry(earlier)
    );
    assert_eq!(
        wb.profile_from["personal_data"],
        crate::workbook::ProfileSource::Entry(later)
    );
    let found: Vec<String> = wb.findings.iter().map(|f| f.in_words(Lang::En)).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("profile-bbbbbb.md:11:1: the profile has no question `procuremnt`; did you mean `procurement`?"), "{found:?}");
    assert!(
        found[1].contains("profile-bbbbbb.md:15:1: `procurement`: several options are ticked"),
        "{found:?}"
    );
    // The profile now says personal data: the check applies.
    let state = fold(&wb);
    assert_eq!(state.phases[0].required, 3);
}

#[test]
fn profile_changes_on_two_branches_that_differ_are_named() {
    let dir = tempfile::tempdir().expect("temp");
    let change = |date: &str, option: &str| {
        let ticks = |id: &str| if id == option { 'x' } else { ' ' };
        format!(
            "+++\nkind = \"profile\"\ndate = {date}\nauthor = \"Anna\"\nfollows = []\n+++\n\n# P\n\n### Köpa? <!-- item: procurement -->\n\n* [{}] Nej <!-- option: none -->\n* [{}] Ja <!-- option: yes -->\n",
            ticks("none"),
            ticks("yes")
        )
    };
    let mut wb = workbook(
        dir.path(),
        false,
        &[
            (
                "2026-03-02-1000-profile-aaaaaa.md",
                &change("2026-03-02T10:00:00+01:00", "yes"),
            ),
            (
                "2026-03-03-1000-profile-bbbbbb.md",
                &change("2026-03-03T10:00:00+01:00", "none"),
            ),
        ],
    );
    profile::bind(&mut wb);
    assert_eq!(wb.profile["procurement"], Value::Str("none".into()));
    let found: Vec<String> = wb.findings.iter().map(|f| f.in_words(Lang::En)).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("profile-bbbbbb.md:10:1: the profile's `procurement` was changed differently in 2026-03-02-1000-profile-aaaaaa.md (Anna)"),
        "{found:?}"
    );
}
