//! Values typed on the command line in Swedish: the kinds of `dino note`,
//! the decisions of `dino gate --decision` and the criteria's statuses of
//! `--criterion`, beside the English ones, with and without diacritics.

use std::fs;
use std::path::Path;

use crate::support::{dino_in, pinned, skolpilot, skolpilot_ready as ready};

fn status(wb: &Path) -> serde_json::Value {
    let run = dino_in(wb, &["status", "--format", "json"]);
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// The `kind` of every entry `dino log --format json` lists.
fn kinds(wb: &Path) -> Vec<String> {
    let run = dino_in(wb, &["log", "--format", "json"]);
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let entries = doc["entries"].as_array().expect("entries");
    entries
        .iter()
        .map(|e| e["kind"].as_str().expect("a kind").to_string())
        .collect()
}

#[test]
fn a_note_is_written_by_its_swedish_kind() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = skolpilot(dir.path(), false);
    let owned = ["--owner", "Eva", "--due", "2026-04-01"];
    let cases: [(&str, &str, &[&str]); 8] = [
        ("beslut", "decision", &[]),
        ("risk", "risk", &[]),
        ("insikt", "insight", &[]),
        ("lärdom", "lesson", &[]),
        ("lardom", "lesson", &[]),
        ("anteckning", "note", &[]),
        ("åtgärd", "action", &owned),
        ("atgard", "action", &owned),
    ];
    for (swedish, english, more) in cases {
        let mut args = vec!["note", swedish, "Skrivet på svenska"];
        args.extend_from_slice(more);
        pinned(&wb, &args)
            .code(0)
            .stdout_has(&format!("-{english}-"));
    }
    let mut written = kinds(&wb);
    written.retain(|k| k != "session");
    assert_eq!(
        written,
        [
            "decision", "risk", "insight", "lesson", "lesson", "note", "action", "action"
        ]
    );
    dino_in(&wb, &["--lang", "en", "note", "beslutet", "x"])
        .code(2)
        .stderr_has("beslutet");
}

#[test]
fn the_help_lists_the_swedish_kinds_and_decisions() {
    let dir = tempfile::tempdir().expect("temp");
    dino_in(dir.path(), &["--lang", "sv", "note", "--help"])
        .code(0)
        .stdout_has("decision (beslut):")
        .stdout_has("lesson (lärdom, lardom):")
        .stdout_has("action (åtgärd, atgard):");
    dino_in(dir.path(), &["--lang", "sv", "note", "-h"])
        .code(0)
        .stdout_has("insight (insikt)");
    dino_in(dir.path(), &["--lang", "sv", "gate", "--help"])
        .code(0)
        .stdout_has("go (fortsätt, fortsatt):")
        .stdout_has("recycle (gör-om, gor-om):")
        .stdout_has("ID=skjuts-upp");
    dino_in(dir.path(), &["--lang", "en", "note", "--help"])
        .code(0)
        .stdout_has("(in Swedish: anteckning)");
    dino_in(dir.path(), &["--lang", "en", "gate", "--help"])
        .code(0)
        .stdout_has("(in Swedish: pausa)")
        .stdout_has("ID=inte-uppfyllt");
}

#[test]
fn a_gate_is_decided_with_swedish_decisions_and_statuses() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready(dir.path());
    let gate = |more: &[&str]| {
        let mut args = vec!["gate", "start", "--why", "Klart"];
        args.extend_from_slice(more);
        pinned(&wb, &args)
    };
    gate(&["--decision", "pausa", "--criterion", "tid=inte-uppfyllt"]).code(0);
    let criteria = &status(&wb)["workbooks"][0]["phases"][0]["criteria"];
    assert_eq!(criteria[1]["status"], "not_met");

    gate(&[
        "--decision",
        "gör-om",
        "--criterion",
        "behovsagare=uppfyllt",
    ])
    .code(0);
    gate(&["--decision", "gor-om"]).code(0);
    gate(&["--decision", "fortsätt", "--criterion", "tid=inte_uppfyllt"])
        .code(1)
        .stderr_has("tid");
    gate(&["--decision", "fortsatt", "--criterion", "tid=kanske"])
        .code(1)
        .stderr_has("skjuts-upp");
    let args = [
        "--decision",
        "fortsatt",
        "--criterion",
        "behovsagare=ej:Rektorn beslutar",
        "--criterion",
        "tid=skjuts-upp:Boka tid med lärarlagen",
        "--owner",
        "Eva Ström",
        "--due",
        "2026-04-01",
    ];
    gate(&args).code(0);
    let doc = status(&wb);
    let phase = &doc["workbooks"][0]["phases"][0];
    assert_eq!(phase["criteria"][0]["status"], "not_applicable");
    assert_eq!(phase["criteria"][0]["reason"], "Rektorn beslutar");
    assert_eq!(phase["criteria"][1]["status"], "deferred");

    let other = tempfile::tempdir().expect("temp");
    let wb = ready(other.path());
    pinned(
        &wb,
        &["gate", "start", "--decision", "avsluta", "--why", "Klart"],
    )
    .code(0);
    let decisions: Vec<String> = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-gate-"))
        .collect();
    assert_eq!(decisions.len(), 1);
    let text = fs::read_to_string(wb.join("log").join(&decisions[0])).expect("read");
    assert!(text.contains("[x] Avsluta <!-- option: stop -->"), "{text}");
}
