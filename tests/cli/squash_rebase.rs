//! A workbook's branches joined the ways teams join them on a forge:
//! rebased onto main commit by commit, or squashed into one commit. Entries
//! dino writes never conflict either way, the state is the one a plain
//! merge gives, and `dino log` still names who wrote each entry, not who
//! squashed.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, git, pinned};

/// A workbook `Delad` on the built-in pack, committed on `main`.
fn workbook(dir: &Path) -> PathBuf {
    git(dir, &["init", "--quiet", "-b", "main"]);
    pinned(dir, &["new", "Delad", "--no-input"]).code(0);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "start"]);
    dir.join("delad")
}

/// Runs dino as `who` at `now`, committing as `who` too.
fn as_person(wb: &Path, who: &str, now: &str, args: &[&str]) {
    let email = format!("{}@example.org", who.split(' ').next().unwrap_or(who));
    dino_env(
        wb,
        args,
        &[
            ("DINO_NOW", now),
            ("DINO_USER", who),
            ("GIT_AUTHOR_NAME", who),
            ("GIT_AUTHOR_EMAIL", &email),
            ("GIT_COMMITTER_NAME", who),
            ("GIT_COMMITTER_EMAIL", &email),
        ],
    )
    .code(0);
}

/// Runs `initiering` from an answers file as `who`, committing the session.
fn session(wb: &Path, who: &str, now: &str, answers: &str) {
    let file = wb.join("..").join(format!("svar-{}.toml", who.len()));
    std::fs::write(&file, format!("facilitator = \"{who}\"\n\n{answers}")).expect("answers");
    let file_arg = file.to_str().expect("UTF-8").to_string();
    as_person(
        wb,
        who,
        now,
        &["run", "initiering", "--answers", &file_arg, "--commit"],
    );
    std::fs::remove_file(file).expect("answers removed");
}

/// Work on two branches from one start: Bo on `bo` (a session, a risk, an
/// action and its closing, four commits), and Anna on `main` meanwhile (a
/// session of her own and a note), each committed by dino.
fn diverged(dir: &Path, wb: &Path) {
    git(dir, &["switch", "--quiet", "-c", "bo"]);
    session(
        wb,
        "Bo Ek",
        "2026-03-03T10:00:00+01:00",
        "[answers]\nproblem = \"Många avbryter kursen\"\n",
    );
    as_person(
        wb,
        "Bo Ek",
        "2026-03-03T10:30:00+01:00",
        &["note", "risk", "Lokalerna räcker inte", "--commit"],
    );
    as_person(
        wb,
        "Bo Ek",
        "2026-03-03T10:40:00+01:00",
        &[
            "note",
            "action",
            "Boka lokal",
            "--owner",
            "Bo Ek",
            "--due",
            "2026-03-20",
            "--commit",
        ],
    );
    let action = only_open_action(wb);
    as_person(
        wb,
        "Bo Ek",
        "2026-03-04T08:00:00+01:00",
        &["done", &action, "Lokal bokad", "--commit"],
    );
    git(dir, &["switch", "--quiet", "main"]);
    session(
        wb,
        "Anna Lind",
        "2026-03-03T11:00:00+01:00",
        "[answers]\nmalbild = 4\n",
    );
    as_person(
        wb,
        "Anna Lind",
        "2026-03-03T11:30:00+01:00",
        &[
            "note",
            "insight",
            "Eleverna vill ha kvällstider",
            "--commit",
        ],
    );
}

/// The id of the one open action of the workbook.
fn only_open_action(wb: &Path) -> String {
    let out = dino_env(
        wb,
        &["due", "--format", "json"],
        &[("DINO_NOW", "2026-03-03T11:00:00+01:00")],
    );
    out.code(0);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let items = doc["items"].as_array().expect("items");
    let actions: Vec<_> = items.iter().filter(|i| i["kind"] == "action").collect();
    assert_eq!(actions.len(), 1, "{}", out.stdout);
    actions[0]["id"].as_str().expect("id").to_string()
}

/// The workbook's folded state, as `status --format json` gives it.
fn state(wb: &Path) -> serde_json::Value {
    let out = dino_env(
        wb,
        &["status", "--format", "json"],
        &[("DINO_NOW", "2026-03-05T09:00:00+01:00")],
    );
    out.code(0);
    let mut doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    // The path differs between the repositories compared.
    doc["workbooks"][0]["path"] = serde_json::Value::Null;
    doc
}

/// A repository `name` in `root` whose workbook has diverged as in
/// [`diverged`]: the repository and the workbook.
fn diverged_in(root: &Path, name: &str) -> (PathBuf, PathBuf) {
    let dir = root.join(name);
    std::fs::create_dir(&dir).expect("mkdir");
    let wb = workbook(&dir);
    diverged(&dir, &wb);
    (dir, wb)
}

/// The same work merged with a merge commit, as the state to compare with.
fn merged_state(root: &Path) -> serde_json::Value {
    let (dir, wb) = diverged_in(root, "merged");
    git(&dir, &["merge", "--quiet", "--no-edit", "bo"]);
    state(&wb)
}

/// `dino log` as a table, and the row of Bo's risk in it, which names Bo
/// as its writer.
fn log_and_risk_row(wb: &Path) -> (String, String) {
    let log = dino_env(wb, &["--lang", "en", "log"], &[("COLUMNS", "200")]);
    log.code(0);
    let risk_row = log
        .stdout
        .lines()
        .find(|l| l.contains("Lokalerna"))
        .expect("the risk's row")
        .to_string();
    assert!(risk_row.contains("Bo Ek"), "{risk_row}");
    (log.stdout, risk_row)
}

#[test]
fn a_branch_squashed_into_main_joins_without_conflict_and_keeps_who_wrote_what() {
    let root = tempfile::tempdir().expect("temp");
    let expected = merged_state(root.path());
    let (dir, wb) = diverged_in(root.path(), "squashed");

    // Per squashes Bo's four commits into one on main.
    git(&dir, &["merge", "--squash", "bo"]);
    assert_eq!(git(&dir, &["diff", "--name-only", "--diff-filter=U"]), "");
    std::process::Command::new("git")
        .current_dir(&dir)
        .args(["commit", "--quiet", "-m", "Bo's work, squashed"])
        .env("GIT_AUTHOR_NAME", "Per Holm")
        .env("GIT_AUTHOR_EMAIL", "per@example.org")
        .env("GIT_COMMITTER_NAME", "Per Holm")
        .env("GIT_COMMITTER_EMAIL", "per@example.org")
        .status()
        .expect("git commit");

    assert_eq!(state(&wb), expected);
    dino_env(
        &wb,
        &["check", "--history"],
        &[("DINO_NOW", "2026-03-05T09:00:00+01:00")],
    )
    .code(0);

    // The log names each entry's writer; only the commit is Per's.
    let (log, risk_row) = log_and_risk_row(&wb);
    let squashed = git(&dir, &["rev-parse", "--short", "HEAD"]);
    assert!(risk_row.contains(squashed.trim()), "{risk_row}");
    assert!(!log.contains("Per Holm"), "{log}");
    let json = dino_env(&wb, &["log", "--format", "json"], &[]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let risk = doc["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["kind"] == "risk")
        .expect("the risk");
    assert_eq!(risk["by"], "Bo Ek");
    assert_eq!(risk["committed_by"], "Per Holm");
    assert_eq!(risk["commit"], squashed.trim());
}

#[test]
fn a_branch_rebased_onto_main_joins_without_conflict_commit_by_commit() {
    let root = tempfile::tempdir().expect("temp");
    let expected = merged_state(root.path());
    let (dir, wb) = diverged_in(root.path(), "rebased");

    // Bo rebases his branch onto Anna's main, then main moves forward.
    git(&dir, &["switch", "--quiet", "bo"]);
    git(&dir, &["rebase", "--quiet", "main"]);
    git(&dir, &["switch", "--quiet", "main"]);
    git(&dir, &["merge", "--quiet", "--ff-only", "bo"]);
    assert_eq!(
        git(&dir, &["rev-list", "--merges", "--count", "HEAD"]).trim(),
        "0"
    );

    assert_eq!(state(&wb), expected);
    dino_env(
        &wb,
        &["check", "--history"],
        &[("DINO_NOW", "2026-03-05T09:00:00+01:00")],
    )
    .code(0);
    log_and_risk_row(&wb);
}
