//! What dino writes, it reads back, and nothing a user gave is lost on the
//! way: entries past the read limit are refused before anything is written;
//! a draft keeps answers to items its pack has since dropped; a draft
//! already handed over to the log is not written twice; an upgrade stopped
//! half-way is finished by the next.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{copy_dir, dino_env, dino_in, pinned, root};
use crate::terminal::{DOWN, ENTER, decline_readiness, session};

/// A folder with a copy of the example pack (`metod`) and a workbook `prov`
/// on it, where every item of the first phase applies.
fn workbook_on_a_pack_copy(dir: &Path) -> PathBuf {
    copy_dir(&root().join("examples/packs/skolpilot"), &dir.join("metod"));
    fs::write(dir.join("p.toml"), "personal_data = true\n").expect("write");
    pinned(
        dir,
        &[
            "new",
            "Prov",
            "--pack",
            "metod",
            "--profile",
            "p.toml",
            "--no-input",
        ],
    )
    .code(0);
    dir.join("prov")
}

/// The entries in `log/`, by name.
fn entries(wb: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    out.sort();
    out
}

/// Changes a file of the pack copy beside the workbook.
fn edit_pack(wb: &Path, file: &str, from: &str, to: &str) {
    let path = wb.join("../metod").join(file);
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} holds {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

const ANSWERS: &str =
    "[answers]\nproblem = \"Elever hoppar av\"\nlosning = \"nej\"\ndataskydd = true\n";

#[test]
fn an_answers_file_that_would_make_an_unreadable_entry_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    // 4.6 MiB of `*`, each written escaped as `\*`: a 9.2 MiB entry.
    let stars = "*".repeat(4_823_449);
    fs::write(
        wb.join("svar.toml"),
        format!("[answers]\nproblem = \"{stars}\"\nlosning = \"nej\"\n"),
    )
    .expect("write");
    dino_in(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has(
        "the entry would be 9.2 MiB, but dino reads files of at most 8 MiB; nothing was written",
    );
    assert!(entries(&wb).is_empty());
    assert!(!wb.join(".dino/draft.md").exists());
    dino_in(
        &wb,
        &["--lang", "sv", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("posten skulle bli 9,2 MiB, men dino läser filer på högst 8 MiB; inget skrevs");
    dino_in(&wb, &["check"]).code(0);
}

#[test]
fn a_note_over_the_read_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    let text = "Lång anteckning. ".repeat(600_000);
    let mut cmd = assert_cmd::Command::cargo_bin("dino").expect("built");
    let out = cmd
        .current_dir(&wb)
        .args(["--lang", "en", "note", "note", "-"])
        .env("LANG", "C")
        .env_remove("DINO_LANG")
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the text is larger than dino can read back: an entry holds at most 8 MiB; nothing was written"
        ),
        "{stderr}"
    );
    assert!(entries(&wb).is_empty());
}

#[test]
fn a_draft_resumed_after_its_pack_dropped_an_item_writes_every_answer() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    // A session of three answers, stopped before its end: its draft.
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let [entry] = entries(&wb).try_into().expect("one entry");
    fs::rename(&entry, wb.join(".dino/draft.md")).expect("move");
    // The pack's next version drops `dataskydd`.
    edit_pack(
        &wb,
        "pack.toml",
        "version = \"0.1.0\"",
        "version = \"0.2.0\"",
    );
    edit_pack(
        &wb,
        "start.toml",
        "[[items]]\nid = \"dataskydd\"",
        "[[dropped]]\nid = \"dataskydd\"",
    );
    let start = wb.join("../metod/start.toml");
    let text = fs::read_to_string(&start).expect("read");
    let kept = text
        .split("[[dropped]]")
        .next()
        .expect("before")
        .to_string();
    let gate = text.split("[gate]").nth(1).expect("the gate");
    fs::write(&start, format!("{kept}[gate]{gate}")).expect("write");

    let mut p = session(&wb, &["--lang", "en", "run"]);
    p.expect("stopped with 3 answers. Go on with it?")
        .expect("offered");
    p.send(ENTER).expect("yes");
    crate::terminal::profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");

    let [entry] = entries(&wb).try_into().expect("one entry");
    let text = fs::read_to_string(&entry).expect("entry");
    for item in ["problem", "losning", "dataskydd"] {
        assert!(
            text.contains(&format!("<!-- item: {item} -->")),
            "{item}:\n{text}"
        );
    }
    assert!(text.contains("pack_version = \"0.1.0\""), "{text}");
    assert!(!wb.join(".dino/draft.md").exists());
    // Shown as an answer to a removed item; no finding.
    dino_in(&wb, &["check"]).code(0);
    let run = dino_in(&wb, &["status", "--format", "json"]);
    assert!(run.stdout.contains("dataskydd"), "{}", run.stdout);
}

/// The state a run leaves when it is stopped after writing its entry and
/// before removing the draft: the entry in the log, and the draft holding
/// the same text.
fn handed_over_but_not_removed(wb: &Path) -> PathBuf {
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let [entry] = entries(wb).try_into().expect("one entry");
    fs::copy(&entry, wb.join(".dino/draft.md")).expect("copy");
    entry
}

#[test]
fn a_scripted_run_again_after_a_stop_at_the_hand_over_writes_nothing_twice() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    let entry = handed_over_but_not_removed(&wb);
    let run = pinned(&wb, &["run", "start", "--answers", "svar.toml"]);
    run.code(0)
        .stdout_has(&entry.file_name().expect("name").to_string_lossy());
    assert_eq!(entries(&wb), std::slice::from_ref(&entry));
    assert!(!wb.join(".dino/draft.md").exists());
    // Later, on another day: still the same session, not written again.
    fs::copy(&entry, wb.join(".dino/draft.md")).expect("copy");
    dino_env(
        &wb,
        &["run", "start", "--answers", "svar.toml"],
        &[("DINO_NOW", "2026-03-05T10:00:00+01:00")],
    )
    .code(0);
    assert_eq!(entries(&wb), [entry]);
    assert!(!wb.join(".dino/draft.md").exists());
}

#[test]
fn a_terminal_run_after_a_stop_at_the_hand_over_says_so_and_offers_no_resume() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    let entry = handed_over_but_not_removed(&wb);
    let mut p = session(&wb, &["--lang", "en", "run"]);
    p.expect("is in the log already").expect("told");
    p.expect("its draft was removed").expect("told");
    // Every requirement is met: straight to the gate is offered, not the
    // draft.
    p.expect("Go straight to the gate?").expect("the gate");
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
    assert_eq!(entries(&wb), [entry]);
    assert!(!wb.join(".dino/draft.md").exists());
}

#[test]
fn an_upgrade_stopped_between_its_two_writes_is_finished_by_the_next_upgrade() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    let old_snapshot = fs::read(wb.join("pack-snapshot.toml")).expect("snapshot");
    edit_pack(
        &wb,
        "pack.toml",
        "version = \"0.1.0\"",
        "version = \"0.2.0\"",
    );
    edit_pack(&wb, "test.toml", "id = \"klart\"", "id = \"slut\"");
    // The change list, before.
    dino_in(&wb, &["--lang", "en", "status"])
        .stdout_has("klart")
        .stdout_has("slut");
    // workbook.toml is written first; stopped before the snapshot.
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"]).code(0);
    fs::write(wb.join("pack-snapshot.toml"), old_snapshot).expect("write");
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has("`dino upgrade` writes a new one");
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(0)
        .stderr_has("wrote a new snapshot");
    dino_in(&wb, &["check"]).code(0);
    dino_in(&wb, &["--lang", "en", "status"]).stdout_lacks("slut");
}

#[test]
fn the_same_note_written_again_after_the_first_was_done_is_a_note_of_its_own() {
    // A weekly "meeting held", a risk said again a month later: each time
    // is an entry. Only a run that was stopped is not written twice
    // (tests/cli/crash_points.rs).
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_pack_copy(dir.path());
    let note = ["--lang", "en", "note", "insight", "Veckomöte hållet."];
    pinned(&wb, &note)
        .code(0)
        .stderr_has("wrote the insight to the log");
    crate::support::dino_env(&wb, &note, &[("DINO_NOW", "2027-01-05T10:00:00+01:00")])
        .code(0)
        .stderr_has("wrote the insight to the log");
    assert_eq!(entries(&wb).len(), 2);
    pinned(&wb, &note).code(0);
    assert_eq!(entries(&wb).len(), 3);
}
