//! `--commit` with real git: what would make the commit fail is found
//! before anything is written, a commit that fails all the same ends the
//! command with an error and leaves nothing staged, and the commit's
//! subject says what was written in which workbook.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, git, pinned};

/// A workbook `Delad` in a repository of its own, committed.
fn committed_workbook(dir: &Path) -> PathBuf {
    git(dir, &["init", "--quiet", "-b", "main"]);
    pinned(dir, &["new", "Delad", "--no-input"]).code(0);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "start"]);
    dir.join("delad")
}

fn entries(wb: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

fn status(dir: &Path) -> String {
    git(dir, &["status", "--porcelain"])
}

#[test]
fn a_failing_hook_ends_with_an_error_and_leaves_the_note_written_not_staged() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    let hook = dir.path().join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\necho 'the hook says no' >&2\nexit 1\n").expect("hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("mode");
    }
    pinned(
        &wb,
        &["--lang", "en", "note", "risk", "Lokalerna", "--commit"],
    )
    .code(1)
    .stderr_has("git could not commit the files")
    .stderr_has("the hook says no")
    .stderr_has("not staged");
    assert_eq!(entries(&wb).len(), 1, "the note is written");
    let st = status(dir.path());
    assert!(st.starts_with("?? delad/log/"), "written, not staged: {st}");
    assert_eq!(git(dir.path(), &["log", "--oneline"]).lines().count(), 1);
}

#[test]
fn a_merge_under_way_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    std::fs::write(dir.path().join("notes.txt"), "a\n").expect("file");
    git(dir.path(), &["add", "notes.txt"]);
    git(dir.path(), &["commit", "--quiet", "-m", "a"]);
    git(dir.path(), &["switch", "--quiet", "-c", "other", "HEAD~1"]);
    std::fs::write(dir.path().join("notes.txt"), "b\n").expect("file");
    git(dir.path(), &["add", "notes.txt"]);
    git(dir.path(), &["commit", "--quiet", "-m", "b"]);
    let merge = std::process::Command::new("git")
        .current_dir(dir.path())
        .args(["merge", "--quiet", "main"])
        .output()
        .expect("git merge");
    assert!(!merge.status.success(), "the merge stops at a conflict");
    let before = entries(&wb);
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "note",
            "decision",
            "Vi går vidare",
            "--commit",
        ],
    )
    .code(1)
    .stderr_has("a merge is under way")
    .stderr_has("nothing is written");
    assert_eq!(entries(&wb), before, "nothing was written");
    git(dir.path(), &["merge", "--abort"]);
    assert_eq!(entries(&wb), before);
}

#[test]
fn a_log_folder_git_ignores_is_refused_with_the_rule_named() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    std::fs::write(dir.path().join(".gitignore"), "target/\nlog/\n").expect("ignore");
    git(dir.path(), &["add", ".gitignore"]);
    git(dir.path(), &["commit", "--quiet", "-m", "ignore"]);
    let before = entries(&wb);
    pinned(&wb, &["--lang", "en", "note", "insight", "Ett", "--commit"])
        .code(1)
        .stderr_has("git ignores")
        .stderr_has(".gitignore:2:log/")
        .stderr_has("nothing is written");
    assert_eq!(entries(&wb), before);
    // Without --commit the note is written as ever.
    pinned(&wb, &["--lang", "en", "note", "insight", "Ett"]).code(0);
    assert_eq!(entries(&wb).len(), before.len() + 1);
}

#[test]
fn no_identity_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    git(dir.path(), &["config", "user.useConfigOnly", "true"]);
    let home = tempfile::tempdir().expect("home");
    let before = entries(&wb);
    dino_env(
        &wb,
        &["--lang", "en", "note", "insight", "Ett", "--commit"],
        &[
            ("DINO_NOW", "2026-03-02T09:15:00+01:00"),
            ("DINO_USER", "Anna Lind"),
            ("HOME", home.path().to_str().expect("utf-8")),
            ("XDG_CONFIG_HOME", home.path().to_str().expect("utf-8")),
            ("GIT_CONFIG_GLOBAL", "/nonexistent-dino-test"),
            ("GIT_CONFIG_NOSYSTEM", "1"),
        ],
    )
    .code(1)
    .stderr_has("git does not know who commits")
    .stderr_has("git config user.name");
    assert_eq!(entries(&wb), before);
}

#[test]
fn a_detached_head_is_said_and_the_commit_made() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    git(dir.path(), &["switch", "--quiet", "--detach", "HEAD"]);
    pinned(&wb, &["--lang", "en", "note", "insight", "Ett", "--commit"])
        .code(0)
        .stderr_has("detached HEAD")
        .stderr_has("committed: dino: Delad: insight: Ett");
    assert_eq!(status(dir.path()).trim(), "");
}

#[test]
fn commit_subjects_name_the_workbook_and_what_was_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "note",
            "risk",
            "Lokalerna räcker inte\n\nVi behöver fler rum.",
            "--commit",
        ],
    )
    .code(0);
    let subject = git(dir.path(), &["log", "-1", "--format=%s"]);
    assert_eq!(subject.trim(), "dino: Delad: risk: Lokalerna räcker inte");
}

#[test]
fn a_session_refused_its_gate_is_still_committed() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = committed_workbook(dir.path());
    // A go in [gate] while the phase's requirements are open.
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "facilitator = \"Anna Lind\"\n\n[answers]\nproblem = \"Långa köer\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva Ström\"\nmotivation = \"Vi vill vidare\"\n",
    )
    .expect("answers");
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "initiering",
            "--answers",
            answers.to_str().expect("utf-8"),
            "--commit",
        ],
    )
    .code(1)
    .stderr_has("the gate is not ready")
    .stderr_has("committed: dino: Delad: session of");
    assert_eq!(status(dir.path()).trim(), "?? answers.toml");
}

#[test]
fn upgrade_commit_refuses_hand_edits_it_would_take_along() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = crate::upgrade::workbook_on_a_copy(dir.path());
    git(dir.path(), &["init", "--quiet", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "start"]);
    crate::upgrade::change_the_pack(&dir.path().join("pack"));
    git(dir.path(), &["commit", "--quiet", "-am", "pack 0.2.0"]);
    let file = wb.join("workbook.toml");
    let edited = format!(
        "# Projektet leds av Eva.\n{}",
        std::fs::read_to_string(&file).expect("workbook.toml")
    );
    std::fs::write(&file, &edited).expect("edit");
    crate::support::dino_in(&wb, &["--lang", "en", "upgrade", "--yes", "--commit"])
        .code(1)
        .stderr_has("has changes that are not committed")
        .stderr_has("nothing is written");
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), edited);
    // Committed, the comment is named as one the upgrade does not keep.
    git(dir.path(), &["commit", "--quiet", "-am", "a comment"]);
    crate::support::dino_in(&wb, &["--lang", "en", "upgrade", "--yes", "--commit"])
        .code(0)
        .stderr_has("the comments on line 1 are not kept");
    assert_eq!(status(dir.path()).trim(), "");
}
