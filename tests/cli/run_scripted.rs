//! `dino run` without a terminal: scripted from an answers file, or a clear
//! message on how to script it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_in, pinned, root};

fn workbook(dir: &Path, personal_data: bool) -> PathBuf {
    fs::write(
        dir.join("p.toml"),
        format!("personal_data = {personal_data}\n"),
    )
    .expect("write");
    let pack = root().join("examples/packs/skolpilot");
    pinned(
        dir,
        &[
            "new",
            "Prov",
            "--pack",
            pack.to_str().expect("UTF-8"),
            "--profile",
            "p.toml",
            "--no-input",
        ],
    )
    .code(0);
    dir.join("prov")
}

/// The files in `log/` and `.dino/`, but the lock and ignore file.
fn written(wb: &Path) -> Vec<String> {
    let mut out: Vec<String> = ["log", ".dino"]
        .iter()
        .flat_map(|d| fs::read_dir(wb.join(d)).into_iter().flatten().flatten())
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), ".gitkeep" | "lock" | ".gitignore"))
        .collect();
    out.sort();
    out
}

#[test]
fn without_a_terminal_run_says_how_to_script_it() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    dino_in(&wb, &["--lang", "en", "run"])
        .code(1)
        .stderr_has("dino run asks its questions at a terminal, and there is none here; in a script, write the answers in a TOML file and run `dino run PHASE --answers FILE` (see docs/answers-format.md)");
    assert!(written(&wb).is_empty());
}

#[test]
fn a_wrong_answers_file_is_named_line_by_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    fs::write(
        wb.join("svar.toml"),
        "facilitatr = \"Anna\"\n\n[answers]\nproblm = \"x\"\nlosning = \"kanske\"\n\n[not_applicable]\nproblem = \"\"\n\n[gate]\ndecision = \"maybe\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\n",
    )
    .expect("write");
    let run = pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    );
    run.code(1);
    insta::assert_snapshot!("answers_file_errors", run.transcript());
    assert!(written(&wb).is_empty());

    // Out of range, wrong kind, and an item that does not apply here.
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = 7\ndataskydd = true\n",
    )
    .expect("write");
    let run = pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    );
    run.code(1)
        .stderr_has("svar.toml:2:11: `problem` of a text item must be a string");
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\ndataskydd = true\n",
    )
    .expect("write");
    let run = pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    );
    run.code(1)
        .stderr_has("svar.toml:3:1: `dataskydd` does not apply to this project (its condition `personal_data` is false)");
    assert!(written(&wb).is_empty());
}

#[test]
fn a_scripted_gate_needs_a_ready_gate() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), true);
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\n",
    )
    .expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("the gate is not ready (requirements are open), so the decision was not written");
    assert_eq!(written(&wb).len(), 1, "the session is written");
    dino_in(&wb, &["check"]).code(0);
}
