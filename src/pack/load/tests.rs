//! The loader on small packs written to a temporary folder: what loads, and
//! the exact place and wording of what does not.

use std::fs;

use super::load;
use crate::i18n::Lang;
use crate::pack::condition::{Name, Value};
use crate::pack::source::PackSource;
use crate::pack::{Kind, builtin};

const PACK: &str = r#"id = "mini"
version = "1.2.3"
title = "Mini"
languages = ["en"]
phases = ["a.toml", "b.toml"]

[[profile]]
id = "procurement"
kind = "choice"
prompt = "Buy?"
default = "no"
options = [{ id = "no", label = "No" }, { id = "yes", label = "Yes" }]
"#;

const PHASE_A: &str = r#"id = "a"
title = "A"
purpose = "Why."
guidance = "How."

[[items]]
id = "first"
kind = "scale"
min = 1
max = 5
labels = { 1 = "Low", 5 = "High" }
prompt = "How much?"

[[items]]
id = "second"
kind = "check"
required = true
when = "procurement == 'yes' and a.first in [4, 5]"
prompt = "Done?"
"#;

const PHASE_B: &str = r#"id = "b"
title = "B"
purpose = "Why."
guidance = "How."

[[items]]
id = "only"
kind = "text"
when = "a.second"
prompt = "Say."
"#;

/// Writes a pack with files replaced as given, and loads it in English.
fn load_with(replace: &[(&str, &str)]) -> Result<crate::pack::Pack, Vec<String>> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        ("pack.toml", PACK),
        ("a.toml", PHASE_A),
        ("b.toml", PHASE_B),
    ] {
        let text = replace
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(text, |(_, t)| t);
        fs::write(dir.path().join(name), text).expect("write");
    }
    let root = dir.path().to_path_buf();
    load(&PackSource::Dir(root.clone()), Lang::En).map_err(|findings| {
        findings
            .iter()
            .map(|f| {
                let text = f.in_words(Lang::En);
                let prefix = format!("{}/", root.display());
                text.strip_prefix(&prefix).unwrap_or(&text).to_string()
            })
            .collect()
    })
}

#[track_caller]
fn fails_with(replace: &[(&str, &str)], expected: &[&str]) {
    let findings = load_with(replace).expect_err("the pack should not load");
    assert_eq!(findings, expected);
}

#[test]
fn a_valid_pack_loads_with_everything_in_place() {
    let pack = load_with(&[]).expect("loads");
    assert_eq!((pack.id.as_str(), pack.version.as_str()), ("mini", "1.2.3"));
    assert_eq!(pack.phases.len(), 2);
    assert_eq!(pack.profile[0].default, Some(Value::Str("no".into())));
    let first = &pack.phases[0].items[0];
    let Kind::Scale(scale) = &first.kind else {
        panic!("a scale")
    };
    assert_eq!((scale.min, scale.max, scale.labels.len()), (1, 5, 2));
    let second = &pack.phases[0].items[1];
    assert!(second.required);
    assert_eq!(
        second.when.as_ref().map(|w| w.source.as_str()),
        Some("procurement == 'yes' and a.first in [4, 5]")
    );
    assert_eq!(pack.content_hash.len(), 64);
    let name = Name {
        phase: Some("b".into()),
        item: "only".into(),
    };
    assert!(pack.item(&name).is_some());
}

#[test]
fn the_content_hash_follows_the_text() {
    let one = load_with(&[]).expect("loads").content_hash;
    let same = load_with(&[]).expect("loads").content_hash;
    let other = load_with(&[("b.toml", &PHASE_B.replace("Say.", "Tell."))])
        .expect("loads")
        .content_hash;
    assert_eq!(one, same);
    assert_ne!(one, other);
}

#[test]
fn a_misspelt_key_names_the_valid_one() {
    fails_with(
        &[(
            "a.toml",
            &PHASE_A.replace("required = true", "requird = true"),
        )],
        &["a.toml:17:1: unknown key `requird`; did you mean `required`?"],
    );
}

#[test]
fn condition_errors_point_inside_the_string() {
    // `when = "` is eight characters, so the condition starts at column 9.
    fails_with(
        &[("b.toml", &PHASE_B.replace("a.second", "a.secnd"))],
        &["b.toml:9:9: the phase `a` has no item `secnd`; did you mean `a.second`?"],
    );
    fails_with(
        &[("b.toml", &PHASE_B.replace("a.second", "a.second or zz"))],
        &["b.toml:9:21: unknown profile question `zz`"],
    );
    fails_with(
        &[("b.toml", &PHASE_B.replace("a.second", "a.second ==="))],
        &["b.toml:9:20: condition: `=` alone means nothing; did you mean `==`?"],
    );
}

#[test]
fn a_condition_with_escapes_points_at_its_string() {
    fails_with(
        &[(
            "b.toml",
            &PHASE_B.replace("\"a.second\"", "\"procurement == \\\"yes\\\" or nope\""),
        )],
        &["b.toml:9:8: unknown profile question `nope`"],
    );
}

#[test]
fn conditions_cannot_look_ahead() {
    fails_with(
        &[(
            "a.toml",
            &PHASE_A.replace(
                "prompt = \"How much?\"",
                "prompt = \"How much?\"\nwhen = \"b.only\"",
            ),
        )],
        &[
            "a.toml:13:9: `b.only` belongs to a later phase; a condition can only read answers given before it",
        ],
    );
    fails_with(
        &[(
            "a.toml",
            &PHASE_A.replace(
                "prompt = \"How much?\"",
                "prompt = \"How much?\"\nwhen = \"a.second\"",
            ),
        )],
        &[
            "a.toml:13:9: `a.second` comes later in the phase (or is this item); a condition can only read answers given before it",
        ],
    );
}

#[test]
fn defaults_must_fit_their_kind() {
    fails_with(
        &[(
            "pack.toml",
            &PACK.replace("default = \"no\"", "default = \"maybe\""),
        )],
        &["pack.toml:11:11: `maybe` is not one of the options (no, yes)"],
    );
    fails_with(
        &[(
            "pack.toml",
            &PACK.replace("default = \"no\"", "default = 3"),
        )],
        &["pack.toml:11:11: `default` of a choice item must be an option id"],
    );
}

#[test]
fn texts_must_carry_the_packs_languages() {
    let two = PACK.replace("languages = [\"en\"]", "languages = [\"sv\", \"en\"]");
    // Plain strings serve every language; tables must hold them all.
    assert!(load_with(&[("pack.toml", &two)]).is_ok());
    fails_with(
        &[(
            "pack.toml",
            &two.replace("title = \"Mini\"", "title = { sv = \"Mini\" }"),
        )],
        &["pack.toml:3:9: `title` lacks the language en"],
    );
}

#[test]
fn many_problems_are_reported_at_once_in_file_order() {
    let findings = load_with(&[
        (
            "pack.toml",
            &PACK.replace("version = \"1.2.3\"", "version = \"one\""),
        ),
        (
            "b.toml",
            &PHASE_B.replace("kind = \"text\"", "kind = \"txt\""),
        ),
        ("a.toml", &PHASE_A.replace("min = 1", "min = 9")),
    ])
    .expect_err("three problems");
    assert_eq!(
        findings,
        [
            "pack.toml:2:11: `version` is written MAJOR.MINOR.PATCH, e.g. \"1.0.0\", not \"one\"",
            "a.toml:9:7: the scale's bounds are reversed or equal: `min` (9) must be below `max` (5)",
            "b.toml:8:8: unknown kind `txt`; did you mean `text`? (kinds: check, text, choice, multi, scale, date, number, indicator, measurement)",
        ]
    );
}

#[test]
fn the_built_in_pack_loads_in_both_languages() {
    for lang in Lang::ALL {
        let source = builtin::source("dino").expect("the built-in pack");
        let pack = load(&source, lang).unwrap_or_else(|f| panic!("{f:?}"));
        assert_eq!(pack.phases.len(), 6);
        assert_eq!(pack.languages, vec![Lang::Sv, Lang::En]);
        let profile: Vec<&str> = pack.profile.iter().map(|i| i.id.as_str()).collect();
        for id in [
            "procurement",
            "decision_level",
            "personal_data",
            "external_funding",
            "org_kind",
        ] {
            assert!(profile.contains(&id), "the profile asks {id}");
        }
        let readiness = pack.readiness.as_ref().expect("readiness");
        assert!(readiness.dimensions.len() >= 10);
        assert!(
            readiness
                .dimensions
                .iter()
                .all(|d| (2..=3).contains(&d.statements.len()))
        );
        let diagnostic = pack.diagnostic.as_ref().expect("diagnostic");
        assert!(
            diagnostic
                .items
                .iter()
                .all(|n| n.phase.as_deref() == Some("initiering"))
        );
        for phase in &pack.phases {
            let guidance = phase.guidance.get(Lang::En);
            assert!(
                guidance.contains("### "),
                "{} has guidance with sections",
                phase.id
            );
        }
    }
}

#[test]
fn number_bounds_must_be_finite() {
    let phase = PHASE_B.replace(
        "kind = \"text\"",
        "kind = \"number\"\nmin = -inf\nmax = nan",
    );
    let errors = load_with(&[("b.toml", &phase)]).expect_err("not finite");
    assert_eq!(
        errors,
        [
            "b.toml:9:7: `min` must be a finite number, not -inf",
            "b.toml:10:7: `max` must be a finite number, not NaN"
        ]
    );
}

#[test]
fn control_characters_in_texts_are_named() {
    fails_with(
        &[(
            "b.toml",
            &PHASE_B.replace("\"Say.\"", r#""Say\u001b]0;PWNED\u0007.""#),
        )],
        &[
            "b.toml:10:10: `prompt` holds the control character U+001B, which can take over a terminal; remove it",
        ],
    );
    fails_with(
        &[(
            "a.toml",
            &PHASE_A.replace("\"How.\"", "\"\"\"\nHow\r\nto\\u0007\"\"\""),
        )],
        &[
            "a.toml:4:12: `guidance` holds the control character U+0007, which can take over a terminal; remove it",
        ],
    );
    // Line ends (either kind) and tabs are text.
    load_with(&[(
        "a.toml",
        &PHASE_A.replace("\"How.\"", "\"\"\"\nHow\r\nto\n\tgo\"\"\""),
    )])
    .expect("loads");
}

#[test]
fn conditions_too_deep_or_too_long_are_named_in_the_file() {
    let deep = format!("{}a.second{}", "(".repeat(7_000), ")".repeat(7_000));
    fails_with(
        &[("b.toml", &PHASE_B.replace("a.second", &deep))],
        &[
            "b.toml:9:41: condition: the condition nests deeper than 32 levels (parentheses and `not`); simplify it",
        ],
    );
    let long = vec!["a.second"; 47_500].join(" and ");
    let findings =
        load_with(&[("b.toml", &PHASE_B.replace("a.second", &long))]).expect_err("too long");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].starts_with("b.toml:9:"), "{findings:?}");
    assert!(
        findings[0].contains("more than 256 names and values"),
        "{findings:?}"
    );
}

#[test]
fn markdown_texts_nested_too_deep_are_named() {
    let deep = format!("\"{}x\\n{}\"", "- ".repeat(20_000), "+++\\n".repeat(20_000));
    fails_with(
        &[("a.toml", &PHASE_A.replace("\"How.\"", &deep))],
        &[
            "a.toml:4:12: `guidance` nests deeper than 32 levels (quotes and lists inside one another); make it flatter",
        ],
    );
}

/// Phase B with an indicator, a date and a measurement of it.
fn with_indicator(measurement: &str) -> String {
    format!(
        "{PHASE_B}\n[[items]]\nid = \"effect\"\nkind = \"indicator\"\nunit = \"days\"\nprompt = \"Which measure?\"\n\n[[items]]\nid = \"next\"\nkind = \"date\"\nprompt = \"When?\"\n\n[[items]]\nid = \"measured\"\nkind = \"measurement\"\n{measurement}\nprompt = \"What now?\"\n"
    )
}

#[test]
fn a_measurement_names_an_earlier_indicator_and_date() {
    let b = with_indicator("indicator = \"b.effect\"\ndue = \"b.next\"");
    let pack = load_with(&[("b.toml", &b)]).expect("loads");
    let item = &pack.phases[1].items[3];
    let Kind::Measurement { indicator, due } = &item.kind else {
        panic!("a measurement")
    };
    assert_eq!(indicator.to_string(), "b.effect");
    assert_eq!(
        due.as_ref().map(ToString::to_string).as_deref(),
        Some("b.next")
    );
    // Line 26 is the measurement's `indicator`, line 27 its `due`.
    fails_with(
        &[("b.toml", &with_indicator("indicator = \"b.next\""))],
        &["b.toml:26:13: the item `b.next` is of kind date, not indicator"],
    );
    fails_with(
        &[("b.toml", &with_indicator("indicator = \"b.efect\""))],
        &["b.toml:26:13: the phase `b` has no item `efect`; did you mean `b.effect`?"],
    );
    fails_with(
        &[("b.toml", &with_indicator("indicator = \"b.measured\""))],
        &[
            "b.toml:26:13: `b.measured` comes later (or is this item); a measurement can only name an item before it",
        ],
    );
    fails_with(
        &[(
            "b.toml",
            &with_indicator("indicator = \"b.effect\"\ndue = \"b.effect\""),
        )],
        &["b.toml:27:7: the item `b.effect` is of kind indicator, not date"],
    );
    fails_with(
        &[("b.toml", &with_indicator("due = \"effect\""))],
        &[
            "b.toml:23:1: missing key `indicator`",
            "b.toml:26:7: `effect` names no item; write `phase.item`",
        ],
    );
}

#[test]
fn a_condition_cannot_read_an_indicator() {
    let b = with_indicator("indicator = \"b.effect\"").replace(
        "prompt = \"What now?\"",
        "prompt = \"What now?\"\nwhen = \"b.effect\"",
    );
    fails_with(
        &[("b.toml", &b)],
        &[
            "b.toml:28:9: a condition cannot read `b.effect`: its answer (kind indicator) has fields of its own",
        ],
    );
}

const TERMS: &str = r#"
[terms.styrelse]
by = "procurement"
default = "the committee"
values = { yes = "the board" }
"#;

#[test]
fn terms_bind_to_the_profile_and_default_without_one() {
    let pack = load_with(&[
        ("pack.toml", &format!("{PACK}{TERMS}")),
        (
            "b.toml",
            &PHASE_B.replace("Say.", "Ask {styrelse} {{now}}."),
        ),
    ])
    .expect("loads");
    assert_eq!(pack.terms.len(), 1);
    assert!(pack.braces && !pack.bound);
    let prompt = |p: &crate::pack::Pack| p.phases[1].items[0].prompt.get(Lang::En).to_string();
    assert_eq!(prompt(&pack), "Ask {styrelse} {{now}}.");
    let plain = pack.adapted(&Default::default());
    assert_eq!(prompt(&plain), "Ask the committee {now}.");
    let profile = [("procurement".to_string(), Value::Str("yes".into()))].into();
    let board = pack.adapted(&profile);
    assert_eq!(prompt(&board), "Ask the board {now}.");
    // Bound once: binding again changes nothing, not even `{now}`.
    assert_eq!(
        prompt(&board.adapted(&Default::default())),
        "Ask the board {now}."
    );
}

#[test]
fn terms_are_checked_with_their_places() {
    let terms = format!(
        "{}[terms.Bad]\nby = \"procurement\"\ndefault = \"x\"\n",
        TERMS.replace("by = \"procurement\"", "by = \"procuremnt\"")
    );
    fails_with(
        &[
            ("pack.toml", &format!("{PACK}{terms}")),
            ("b.toml", &PHASE_B.replace("Say.", "Ask {styrelsen} {.")),
        ],
        &[
            "pack.toml:15:6: the term `styrelse` depends on `procuremnt`, which is no profile question; did you mean `procurement`?",
            "pack.toml:18:8: `Bad` is not a valid id: start with a–z, then a–z, 0–9, `_` or `-`, at most 64 characters",
            "b.toml:10:10: `prompt` has a `{` that no `}` closes; write a term as `{id}` and a brace as `{{`",
        ],
    );
    fails_with(
        &[
            (
                "pack.toml",
                &format!("{PACK}{}", TERMS.replace("{ yes =", "{ maybe =")),
            ),
            ("b.toml", &PHASE_B.replace("Say.", "Ask {styrelsen}.")),
        ],
        &[
            "pack.toml:17:12: `maybe` is none of the options of `procurement` (no, yes)",
            "b.toml:10:10: `{styrelsen}` is none of the pack's terms; did you mean `{styrelse}`?",
        ],
    );
    fails_with(
        &[
            (
                "pack.toml",
                &format!(
                    "{PACK}{}",
                    TERMS.replace("\"the board\"", "\"the {board}\"")
                ),
            ),
            ("b.toml", &PHASE_B.replace("Say.", "a } b")),
        ],
        &[
            "pack.toml:17:18: `values.yes` is a term's words, used as written; it may hold no brace",
            "b.toml:10:10: `prompt` has a `}` that no `{` opens; write a brace as `}}`",
        ],
    );
}

#[test]
fn the_track_is_a_choice_item_and_ask_again_an_option_flag() {
    let diagnostic = "\n[diagnostic]\ntitle = \"D\"\nitems = [\"a.pick\"]\ntrack = \"a.first\"\n";
    let phase_a = format!(
        "{PHASE_A}\n[[items]]\nid = \"pick\"\nkind = \"choice\"\nprompt = \"P\"\noptions = [{{ id = \"x\", label = \"X\", lean = \"innovation\" }}, {{ id = \"y\", label = \"Y\", ask_again = true }}]\n"
    );
    fails_with(
        &[
            ("pack.toml", &format!("{PACK}{diagnostic}")),
            ("a.toml", &phase_a),
        ],
        &["pack.toml:17:9: the diagnostic's `track` is a choice item; `a.first` is a scale item"],
    );
    let pack = load_with(&[
        (
            "pack.toml",
            &format!("{PACK}{}", diagnostic.replace("a.first", "a.pick")),
        ),
        ("a.toml", &phase_a),
    ])
    .expect("loads");
    let track = pack.diagnostic.and_then(|d| d.track).expect("a track");
    assert_eq!(track.to_string(), "a.pick");
    let options = pack.phases[0].items[2].kind.options();
    assert!(!options[0].ask_again && options[1].ask_again);
}

#[test]
fn a_criterion_may_have_a_condition_on_the_items_of_its_phase() {
    let gate = "\n[gate]\ncriteria = [{ id = \"sagt\", text = \"Sagt.\", when = \"WHEN\" }]\n";
    let with = |when: &str| format!("{PHASE_B}{}", gate.replace("WHEN", when));
    let pack = load_with(&[("b.toml", &with("b.only"))]).expect("loads");
    let criterion = &pack.phases[1].gate.criteria[0];
    assert_eq!(
        criterion.when.as_ref().map(|w| w.source.as_str()),
        Some("b.only")
    );
    // The name is checked as an item's would be, and named where it is.
    let findings = load_with(&[("b.toml", &with("b.nosuch"))]).expect_err("no such item");
    assert!(
        findings
            .iter()
            .any(|f| f == "b.toml:13:52: the phase `b` has no item `nosuch`"),
        "{findings:?}"
    );
}
