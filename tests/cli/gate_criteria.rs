//! A gate records its criteria: met, not met, deferred (an action) or not
//! applicable (a reason). A go needs each one met, deferred or not
//! applicable; the record reads back exactly, and a deferred one is
//! followed up and closed like any action.

use std::fs;
use std::path::Path;

use crate::support::{dino_in, pinned, root, skolpilot, skolpilot_ready as ready};

fn gate(wb: &Path, more: &[&str]) -> crate::support::Run {
    let mut args = vec!["--lang", "en", "gate", "start", "--why", "Klart"];
    args.extend_from_slice(more);
    pinned(wb, &args)
}

fn gates(wb: &Path) -> Vec<String> {
    fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-gate-"))
        .collect()
}

fn status(wb: &Path) -> serde_json::Value {
    let run = dino_in(wb, &["status", "--format", "json"]);
    serde_json::from_str(&run.stdout).expect("JSON")
}

#[test]
fn a_go_is_refused_with_a_criterion_not_met_or_unrecorded_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready(dir.path());
    let cases: [(&[&str], &str); 7] = [
        (
            &["--decision", "go"],
            "not recorded: Problemet är förankrat hos behovsägaren. (behovsagare); Lärarna har fått tid avsatt för piloten. (tid)",
        ),
        (
            &[
                "--decision",
                "go",
                "--criterion",
                "behovsagare=met",
                "--criterion",
                "tid=not-met",
            ],
            "going on needs every criterion met, deferred (as an action) or not applicable; not met: Lärarna har fått tid avsatt för piloten. (tid)",
        ),
        (
            &["--decision", "go", "--criterion", "behovsagar=met"],
            "the gate has no criterion `behovsagar`; did you mean `behovsagare`? (its criteria: behovsagare, tid)",
        ),
        (
            &["--decision", "go", "--criterion", "tid=deferred"],
            "--criterion tid=deferred: a deferred criterion needs an owner",
        ),
        (
            &[
                "--decision",
                "go",
                "--criterion",
                "tid=deferred",
                "--owner",
                "Eva",
            ],
            "--criterion tid=deferred: a deferred criterion needs a due day",
        ),
        (
            &["--decision", "go", "--criterion", "tid=kanske"],
            "--criterion tid=kanske: unknown status",
        ),
        (
            &["--decision", "go", "--criterion", "tid=na: "],
            "a criterion not applicable needs a reason",
        ),
    ];
    for (args, message) in cases {
        gate(&wb, args).code(1).stderr_has(message);
    }
    assert!(gates(&wb).is_empty());
}

#[test]
fn a_go_with_deferred_and_not_applicable_criteria_records_each_and_the_action_is_followed_up() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready(dir.path());
    // A pause may leave a criterion not met, and another unrecorded.
    gate(&wb, &["--decision", "pause", "--criterion", "tid=not-met"]).code(0);
    let doc = status(&wb);
    let criteria = &doc["workbooks"][0]["phases"][0]["criteria"];
    assert_eq!(criteria[0]["status"], "unrecorded");
    assert_eq!(criteria[1]["status"], "not_met");

    let reason = "Rektorn | beslutar *inte*\n- [x] här <!-- item: x -->\n";
    let na = format!("behovsagare=na:{reason}");
    let args = [
        "--decision",
        "go",
        "--criterion",
        na.as_str(),
        "--criterion",
        "tid=deferred:Boka tid med lärarlagen",
        "--condition",
        "Förankra med rektorerna",
        "--owner",
        "Anna Lind",
        "--due",
        "2026-03-20",
        "--owner",
        "Eva Ström",
        "--due",
        "2026-04-01",
    ];
    gate(&wb, &args).code(0);
    dino_in(&wb, &["check"]).code(0);
    let doc = status(&wb);
    let criteria = &doc["workbooks"][0]["phases"][0]["criteria"];
    // The reason is trimmed as given, then read back exactly.
    assert_eq!(criteria[0]["status"], "not_applicable");
    assert_eq!(criteria[0]["reason"], reason.trim());
    assert_eq!(criteria[1]["status"], "deferred");
    let action = criteria[1]["action"]
        .as_str()
        .expect("an action")
        .to_string();
    assert!(
        action.ends_with("-2"),
        "numbered after the condition: {action}"
    );

    let run = dino_in(&wb, &["--lang", "en", "due", "--format", "json"]);
    let due: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let item = due["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == action.as_str())
        .expect("the deferred criterion is due");
    assert_eq!(item["kind"], "criterion");
    assert_eq!(item["owner"], "Eva Ström");
    assert_eq!(item["due"], "2026-04-01");
    assert_eq!(item["text"], "Boka tid med lärarlagen");

    shows_each_criterion(&wb, &action);
    pinned(&wb, &["done", &action, "Schemat är lagt"]).code(0);
    dino_in(&wb, &["--lang", "en", "due"])
        .code(0)
        .stdout_lacks(&action);
}

/// Status, the report, `dino gate` and the log show the criteria recorded
/// by the go of the test above; the report redacted names no owner.
fn shows_each_criterion(wb: &Path, action: &str) {
    dino_in(wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("Criteria at the gate after Start:")
        .stdout_has("Lärarna har fått tid avsatt för piloten. — Deferred [")
        .stdout_has("Problemet är förankrat hos behovsägaren. — Not applicable: Rektorn");
    dino_in(wb, &["--lang", "en", "report"])
        .code(0)
        .stdout_has("| Criterion | Status |")
        .stdout_has(&format!(
            "| The teachers have time set aside for the pilot. | Deferred: Boka tid med lärarlagen (Eva Ström, 2026-04-01) \\[{action}\\] |"
        ));
    let log = dino_in(wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let records = &doc["entries"][2]["records"];
    let tid = records
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["item"] == "tid" && r["criterion"] == true)
        .expect("the criterion's record");
    assert_eq!(tid["answer"]["criterion"], "deferred");

    // The owner of the deferred criterion is someone the report names.
    dino_in(wb, &["report", "--redact"])
        .code(0)
        .stdout_lacks("Eva Ström");
    // `dino gate` gives the reason on one line, and the deferred one's
    // action to close; in Swedish with the log's label.
    dino_in(wb, &["--lang", "en", "gate", "start"])
        .code(0)
        .stdout_has(&format!("Criteria:\n  • Problemet är förankrat hos behovsägaren. (behovsagare) — Not applicable: Rektorn | beslutar *inte* ⏎ - [x] här <!-- item: x -->\n  • Lärarna har fått tid avsatt för piloten. (tid) — Deferred (action {action})\n"));
    dino_in(wb, &["gate", "start"])
        .code(0)
        .stdout_has("(behovsagare) — Ej tillämplig: Rektorn | beslutar")
        .stdout_has(&format!("(tid) — Skjuts upp (åtgärd {action})\n"));
}

#[test]
fn an_answers_files_criteria_are_checked_at_their_place() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = skolpilot(dir.path(), false);
    let text = "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\n\n[gate.criteria]\nbehovsagar = \"met\"\ntid = \"kanske\"\n";
    fs::write(wb.join("svar.toml"), text).expect("write");
    pinned(&wb, &["--lang", "en", "run", "start", "--answers", "svar.toml"])
        .code(1)
        .stderr_has("svar.toml:11:1: the gate of phase `start` has no criterion `behovsagar`; did you mean `behovsagare`?")
        .stderr_has("svar.toml:12:7: a criterion's status is \"met\", \"not_met\"");
    let text = "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\ncriteria = { behovsagare = { not_applicable = \" \" }, tid = { deferred = \"\", owner = \"Eva\" } }\n";
    fs::write(wb.join("svar.toml"), text).expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("svar.toml:9:47: `not_applicable` must be a text that is not empty")
    .stderr_has("svar.toml:9:60: missing key `due`");
    assert!(!wb.join("log").read_dir().expect("log").any(|f| {
        f.expect("file")
            .file_name()
            .to_string_lossy()
            .ends_with(".md")
    }));

    // Deferred with no text of its own takes the criterion's.
    let text = text
        .replace("{ not_applicable = \\\" \\\" }", "\"met\"")
        .replace("{ not_applicable = \" \" }", "\"met\"")
        .replace("owner = \"Eva\" }", "owner = \"Eva\", due = 2026-04-01 }");
    fs::write(wb.join("svar.toml"), text).expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(0);
    let name = gates(&wb).pop().expect("the gate");
    let entry = fs::read_to_string(wb.join("log").join(name)).expect("entry");
    assert!(
        entry.contains(
            "### Lärarna har fått tid avsatt för piloten. <!-- criterion: tid -->\n\n**Skjuts upp**\n\n> **Åtgärd:** Lärarna har fått tid avsatt för piloten. <!-- action: 1 -->\n>\n> **Ansvarig:** Eva\n>\n> **Senast:** 2026-04-01\n"
        ),
        "{entry}"
    );
}

#[test]
fn a_deferred_criterion_whose_text_holds_nul_is_refused_at_its_place() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = skolpilot(dir.path(), false);
    let text = "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\ncriteria = { behovsagare = \"met\", tid = { deferred = \"a\\u0000b\", owner = \"Eva\", due = 2026-04-01 } }\n";
    fs::write(wb.join("svar.toml"), text).expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("svar.toml:9:54: the text holds NUL (U+0000)");
    assert!(gates(&wb).is_empty());
}

#[test]
fn an_unreadable_criterion_record_is_a_finding_at_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready(dir.path());
    gate(
        &wb,
        &["--decision", "pause", "--criterion", "behovsagare=met"],
    )
    .code(0);
    let name = gates(&wb).pop().expect("the gate");
    let path = wb.join("log").join(&name);
    let text = fs::read_to_string(&path).expect("entry");
    let broken = format!(
        "{text}\n### Lärarna <!-- criterion: tid -->\n\n**Uppfyllt**\n\n**Inte uppfyllt**\n\n### Okänt <!-- criterion: budget -->\n\n**Skjuts upp**\n"
    );
    fs::write(&path, &broken).expect("write");
    let line = |needle: &str| {
        1 + broken[..broken.find(needle).expect(needle)]
            .matches('\n')
            .count()
    };
    let (tid, budget) = (line("### Lärarna"), line("### Okänt"));
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has(&format!(
            "{name}:{tid}:1: criterion `tid` has more than one status; the first is read"
        ))
        .stdout_has(&format!(
            "{name}:{budget}:1: criterion `budget` is deferred and needs exactly one action after it"
        ));
}

#[test]
fn a_packs_criterion_ids_are_unique_and_never_a_place() {
    let dir = tempfile::tempdir().expect("temp");
    let pack = dir.path().join("pack");
    crate::support::copy_dir(&root().join("examples/packs/skolpilot"), &pack);
    let start = pack.join("start.toml");
    let text = fs::read_to_string(&start).expect("start.toml");
    // An id by place beside ids of their own; one id twice; an id that is
    // a number, which would be taken for a place.
    let changed = text.replace(
        "  { id = \"tid\", text",
        "  \"Budgeten är klar.\",\n  { id = \"behovsagare\", text = \"Igen.\" },\n  { id = \"3\", text = \"Tre.\" },\n  { id = \"tid\", text",
    );
    assert_ne!(text, changed);
    fs::write(&start, &changed).expect("write");
    let line = |needle: &str| {
        1 + changed[..changed.find(needle).expect(needle)]
            .matches('\n')
            .count()
    };
    let first = line("  { id = \"behovsagare\"");
    let (again, number) = (
        line("  { id = \"behovsagare\", text = \"Igen"),
        line("  { id = \"3\""),
    );
    let run = dino_in(dir.path(), &["--lang", "en", "pack", "check", "pack"]);
    run.code(3)
        .stdout_has(&format!("start.toml:{again}:10: "))
        .stdout_has(&format!("line {first}"))
        .stdout_has(&format!("start.toml:{number}:10: `3` is not a valid id"))
        .stdout_lacks("Budgeten");
}

#[test]
fn a_criterion_whose_condition_is_false_is_not_the_gates() {
    let dir = tempfile::tempdir().expect("temp");
    let pack = dir.path().join("pack");
    crate::support::copy_dir(&root().join("examples/packs/skolpilot"), &pack);
    let start = pack.join("start.toml");
    let text = fs::read_to_string(&start).expect("read");
    let tid = "{ id = \"tid\", text = { sv = \"Lärarna har fått tid avsatt för piloten.\", en = \"The teachers have time set aside for the pilot.\" } }";
    assert!(text.contains(tid), "the example pack's criterion");
    let conditional = tid.replace(" } }", " }, when = \"start.losning == 'ja'\" }");
    fs::write(&start, text.replace(tid, &conditional)).expect("write");
    let made = |name: &str, losning: &str| {
        let args = [
            "new",
            name,
            "--pack",
            pack.to_str().expect("UTF-8"),
            "--no-input",
        ];
        pinned(dir.path(), &args).code(0);
        let wb = dir.path().join(name);
        let answers = format!("[answers]\nproblem = \"x\"\nlosning = \"{losning}\"\n");
        fs::write(wb.join("svar.toml"), answers).expect("write");
        pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
        wb
    };
    // The solution is not known: the teachers' time is not asked for.
    let wb = made("nej", "nej");
    gate(&wb, &["--decision", "go", "--criterion", "behovsagare=met"]).code(0);
    let criteria = &status(&wb)["workbooks"][0]["phases"][0]["criteria"];
    assert_eq!(criteria.as_array().map(Vec::len), Some(1), "{criteria}");
    // It is known: going on needs it.
    let wb = made("ja", "ja");
    gate(&wb, &["--decision", "go", "--criterion", "behovsagare=met"])
        .code(1)
        .stderr_has("(tid)");
    assert!(gates(&wb).is_empty());
}
