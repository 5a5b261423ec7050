//! A reader that goes away (`dino log | head`, `dino gate | true`): every
//! command ends as if it had printed everything, with exit 0 and no panic,
//! and what it was asked to write is written once. A closed standard error
//! panics nothing either.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{copy_dir, pinned, root};

/// What a run whose standard output was closed did.
struct Ended {
    code: i32,
    stderr: String,
}

impl Ended {
    #[track_caller]
    fn as_if_read_to_the_end(&self) {
        assert!(
            !self.stderr.contains("panicked"),
            "a panic:\n{}",
            self.stderr
        );
        assert_eq!(self.code, 0, "exit code; stderr:\n{}", self.stderr);
    }
}

/// `dino` in `dir` with the clock and the user pinned, in English, and
/// standard input empty.
fn dino_command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("dino"));
    cmd.current_dir(dir)
        .args(args)
        .env("DINO_LANG", "en")
        .env("DINO_NOW", "2026-12-01T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    cmd
}

/// Runs `dino` with standard output a pipe whose reader is gone before it
/// writes.
fn with_stdout_closed(dir: &Path, args: &[&str]) -> Ended {
    let mut child = dino_command(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dino starts");
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr");
    }
    let status = child.wait().expect("dino ends");
    Ended {
        code: status.code().unwrap_or(-1),
        stderr,
    }
}

/// Runs `dino` with both standard output and standard error pipes whose
/// readers are gone; returns the exit code.
fn with_both_closed(dir: &Path, args: &[&str]) -> i32 {
    let mut child = dino_command(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dino starts");
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().expect("dino ends").code().unwrap_or(-1)
}

/// A copy of the example workbook in `dir`.
fn example_workbook(dir: &Path) -> PathBuf {
    let wb = dir.join("wb");
    copy_dir(
        &root().join("examples/workbooks/kompetenslyftet-i-norrdal"),
        &wb,
    );
    wb
}

/// A new workbook on the built-in pack in `dir`.
fn new_workbook(dir: &Path) -> PathBuf {
    pinned(dir, &["new", "Prov", "--no-input"]).code(0);
    dir.join("prov")
}

fn log_files(wb: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn long_documents_end_quietly_when_their_reader_goes_away() {
    let portfolio = root().join("examples/portfolio");
    let portfolio = portfolio.to_str().expect("UTF-8");
    for args in [
        &["pack", "show", "dino"][..],
        &["pack", "doc", "dino"],
        &["pack", "doc", "dino", "--format", "html"],
        &["pack", "list"],
        &["pack", "check", "dino"],
        &["report", portfolio],
        &["report", portfolio, "--format", "json"],
        &["status", portfolio],
        &["status", portfolio, "--format", "json"],
        &["check", portfolio],
        &["man"],
        &["completions", "bash"],
        &["--version"],
        &["--help"],
        &["run", "--help"],
    ] {
        let ended = with_stdout_closed(&root(), args);
        assert!(!ended.stderr.contains("panicked"), "{args:?}: a panic");
        assert_eq!(ended.code, 0, "{args:?}: {}", ended.stderr);
    }
}

#[test]
fn a_workbooks_log_ends_quietly_when_its_reader_goes_away() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = example_workbook(dir.path());
    for args in [
        &["log"][..],
        &["log", "--format", "json"],
        &["status"],
        &["report"],
        &["gate"],
    ] {
        let ended = with_stdout_closed(&wb, args);
        assert!(!ended.stderr.contains("panicked"), "{args:?}: a panic");
        assert_eq!(ended.code, 0, "{args:?}: {}", ended.stderr);
    }
}

#[test]
fn gate_with_its_reader_gone_ends_as_a_normal_run() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = new_workbook(dir.path());
    with_stdout_closed(&wb, &["gate"]).as_if_read_to_the_end();
}

#[test]
fn a_note_with_its_reader_gone_is_written_exactly_once() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = new_workbook(dir.path());
    let before = log_files(&wb);
    with_stdout_closed(&wb, &["note", "risk", "x"]).as_if_read_to_the_end();
    let after = log_files(&wb);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    // The same words again, once the first was done, are a note of their own.
    with_stdout_closed(&wb, &["note", "risk", "x"]).as_if_read_to_the_end();
    assert_eq!(log_files(&wb).len(), after.len() + 1, "written once more");
}

#[test]
fn a_decision_with_its_reader_gone_is_written_and_committed() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = new_workbook(dir.path());
    crate::support::git(&wb, &["init", "--quiet"]);
    let before = log_files(&wb);
    let args = [
        "gate",
        "--decision",
        "stop",
        "--why",
        "no budget",
        "--commit",
    ];
    with_stdout_closed(&wb, &args).as_if_read_to_the_end();
    let after = log_files(&wb);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    let tracked = crate::support::git(&wb, &["ls-files", "log"]);
    let newest = after.last().expect("an entry");
    assert!(
        tracked.contains(newest.as_str()),
        "not committed: {tracked}"
    );
}

#[test]
fn new_and_a_scripted_run_with_their_reader_gone_make_what_they_were_asked() {
    let dir = tempfile::tempdir().expect("temp");
    with_stdout_closed(dir.path(), &["new", "Prov", "--no-input"]).as_if_read_to_the_end();
    let wb = dir.path().join("prov");
    assert!(wb.join("workbook.toml").is_file());
    let answers = root().join("examples/answers/initiering.toml");
    let answers = answers.to_str().expect("UTF-8");
    let before = log_files(&wb);
    let args = ["run", "initiering", "--answers", answers];
    with_stdout_closed(&wb, &args).as_if_read_to_the_end();
    assert!(log_files(&wb).len() > before.len());
}

#[test]
fn an_upgrade_with_its_reader_gone_is_recorded() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = crate::upgrade::workbook_on_a_copy(dir.path());
    crate::upgrade::change_the_pack(&dir.path().join("pack"));
    with_stdout_closed(&wb, &["upgrade", "--yes"]).as_if_read_to_the_end();
    let recorded = std::fs::read_to_string(wb.join("workbook.toml")).expect("workbook.toml");
    assert!(recorded.contains("0.2.0"), "not upgraded:\n{recorded}");
}

#[test]
fn a_closed_standard_error_panics_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = new_workbook(dir.path());
    assert_eq!(with_both_closed(&wb, &["note", "risk", "x"]), 0);
    assert_eq!(with_both_closed(&wb, &["status", "nowhere"]), 1);
    assert_eq!(with_both_closed(&wb, &["gate", "--decision"]), 2);
}
