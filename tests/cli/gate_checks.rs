//! Gates after branches are joined, with real git: a disputed decision and
//! a passed gate whose requirements a merge reopened are not passed for
//! `gate --check`, a go is refused while a requirement is open however the
//! gate was decided before, and running the phase again from an answers
//! file settles a dispute.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, git, skolpilot_ready};

const GO: [&str; 9] = [
    "gate",
    "start",
    "--decision",
    "go",
    "--criterion",
    "behovsagare=met",
    "--criterion",
    "tid=met",
    "--why=Klart",
];

fn at(wb: &Path, now: &str, args: &[&str]) -> crate::support::Run {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    dino_env(wb, &all, &[("DINO_NOW", now), ("DINO_USER", "Anna Lind")])
}

/// The example workbook with its first gate ready, committed on `main`.
fn ready_in_git(dir: &Path) -> PathBuf {
    let wb = skolpilot_ready(dir);
    git(dir, &["init", "--quiet", "-b", "main"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "ready"]);
    wb
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", message]);
}

#[test]
fn a_disputed_gate_is_not_passed_and_a_phase_run_again_settles_it() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready_in_git(dir.path());
    // The later decision, go, counts: the gate looks passed.
    git(dir.path(), &["switch", "--quiet", "-c", "a"]);
    at(
        &wb,
        "2026-03-03T09:00:00+01:00",
        &["gate", "start", "--decision", "pause", "--why=Vänta"],
    )
    .code(0);
    commit_all(dir.path(), "pause");
    git(dir.path(), &["switch", "--quiet", "-c", "b", "main"]);
    at(&wb, "2026-03-03T10:00:00+01:00", &GO).code(0);
    commit_all(dir.path(), "go");
    git(dir.path(), &["switch", "--quiet", "main"]);
    git(dir.path(), &["merge", "--quiet", "--no-edit", "b"]);
    git(dir.path(), &["merge", "--quiet", "--no-edit", "a"]);
    let now = "2026-03-04T09:00:00+01:00";
    at(&wb, now, &["gate", "start", "--check"])
        .code(3)
        .stderr_has("the decision is disputed");
    // The phase run again from a file, its [gate] a go: the gate was
    // decided before and nothing is open, so the decision is taken.
    std::fs::write(
        dir.path().join("again.toml"),
        "[answers]\nproblem = \"x\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"Vi är överens\"\ncriteria = { behovsagare = \"met\", tid = \"met\" }\n",
    )
    .expect("answers");
    let file = dir.path().join("again.toml");
    at(
        &wb,
        now,
        &["run", "start", "--answers", file.to_str().expect("utf-8")],
    )
    .code(0)
    .stderr_lacks("requirements are open");
    at(
        &wb,
        "2026-03-04T10:00:00+01:00",
        &["gate", "start", "--check"],
    )
    .code(0);
}

#[test]
fn a_passed_gate_a_merge_reopened_is_not_passed_and_refuses_a_go() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = ready_in_git(dir.path());
    git(dir.path(), &["switch", "--quiet", "-c", "profile"]);
    // On a branch: the log will hold personal data, which makes the data
    // protection item required.
    at(
        &wb,
        "2026-03-03T09:00:00+01:00",
        &[
            "profile",
            "set",
            "personal_data",
            "true",
            "--reason",
            "Vi samlar namn",
        ],
    )
    .code(0);
    commit_all(dir.path(), "profile");
    git(dir.path(), &["switch", "--quiet", "main"]);
    at(&wb, "2026-03-03T10:00:00+01:00", &GO).code(0);
    commit_all(dir.path(), "go");
    git(dir.path(), &["merge", "--quiet", "--no-edit", "profile"]);
    let now = "2026-03-04T09:00:00+01:00";
    at(&wb, now, &["gate", "start", "--check"])
        .code(3)
        .stderr_has("the decision was go, but 1 of 3 requirements are open again");
    at(&wb, now, &GO)
        .code(1)
        .stderr_has("has open requirements (2 of 3 done)");
}
