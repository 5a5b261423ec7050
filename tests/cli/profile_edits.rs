//! `dino check` names an answer of `workbook.toml`'s `[profile]` edited by
//! hand: the snapshot records what dino last wrote there, and the profile
//! changes only by a `profile` entry (docs/log-format.md, "Profile
//! changes").

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_in, pinned};
use crate::upgrade::{change_the_pack, workbook_on_a_copy};

/// A workbook on the built-in pack, its profile the defaults.
fn workbook(dir: &Path) -> PathBuf {
    pinned(dir, &["new", "Prov", "--no-input"]).code(0);
    dir.join("prov")
}

/// Replaces `from` by `to` once in `path`, which must hold it.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The line `workbook.toml` has `start` on, from 1.
fn line_of(wb: &Path, start: &str) -> usize {
    let text = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    1 + text
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{start:?} not in workbook.toml"))
}

#[test]
fn new_records_the_profile_it_wrote_and_check_is_clean() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let snapshot = fs::read_to_string(wb.join("pack-snapshot.toml")).expect("read");
    assert!(
        snapshot.contains("\n[profile_answers]\ndecision_level = \"unit\"\n"),
        "{snapshot}"
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("1 checked: no problems");
}

#[test]
fn a_changed_and_a_removed_answer_are_named_at_their_lines() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let toml = wb.join("workbook.toml");
    let original = fs::read_to_string(&toml).expect("read");
    let changed_at = line_of(&wb, "decision_level");
    let table_at = line_of(&wb, "[profile]");
    edit(
        &toml,
        "decision_level = \"unit\"",
        "decision_level = \"political\"",
    );
    edit(&toml, "partners = []\n", "");
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has(&format!(
            "./workbook.toml:{changed_at}:1: the profile answer `decision_level` was edited by hand: dino wrote `decision_level = \"unit\"`, the file has \"political\""
        ))
        .stdout_has("`dino profile set decision_level political --reason …`")
        .stdout_has(&format!(
            "./workbook.toml:{table_at}:1: the profile answer `partners` was taken out by hand (dino wrote `partners = []`)"
        ))
        .stderr_has("1 checked, 2 problems");
    dino_in(&wb, &["check"])
        .code(3)
        .stdout_has("profilsvaret `decision_level` har ändrats för hand")
        .stdout_has("profilen ändras bara genom en post i loggen");
    // The edit undone: clean again.
    fs::write(&toml, original).expect("write");
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("no problems");
}

#[test]
fn a_change_by_an_entry_is_no_finding() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let before = fs::read(wb.join("workbook.toml")).expect("read");
    pinned(
        &wb,
        &[
            "profile",
            "set",
            "decision_level",
            "political",
            "--reason",
            "Nämnden beslutar",
        ],
    )
    .code(0);
    assert_eq!(fs::read(wb.join("workbook.toml")).expect("read"), before);
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("no problems");
    dino_in(&wb, &["--lang", "en", "profile"])
        .code(0)
        .stdout_has("political");
}

#[test]
fn an_answer_added_by_hand_is_named_and_upgrade_does_not_take_it_in() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    // The pack asks a new question; its answer is written in by hand
    // rather than by `dino upgrade`.
    change_the_pack(&dir.path().join("pack"));
    let toml = wb.join("workbook.toml");
    let mut text = fs::read_to_string(&toml).expect("read");
    text.push_str("partners = false\n");
    fs::write(&toml, text).expect("write");
    let at = line_of(&wb, "partners");
    let added = format!(
        "./workbook.toml:{at}:1: the profile answer `partners` was added by hand (dino wrote no answer to it); the profile changes only by an entry in the log: take the line out, then run `dino profile set partners false --reason …`"
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has(&added);
    // The upgrade keeps the answer as the file has it, and the snapshot
    // still says dino never wrote it.
    dino_in(&wb, &["upgrade", "--yes"]).code(0);
    let at = line_of(&wb, "partners");
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has(&format!(
            "./workbook.toml:{at}:1: the profile answer `partners` was added by hand"
        ));
}

#[test]
fn upgrade_records_the_answers_of_the_pack_it_moves_to() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    change_the_pack(&dir.path().join("pack"));
    dino_in(&wb, &["upgrade", "--yes"]).code(0);
    let snapshot = fs::read_to_string(wb.join("pack-snapshot.toml")).expect("read");
    assert!(
        snapshot.contains(
            "[profile_answers]\npartners = true\npersonal_data = true\nprocurement = \"none\"\n"
        ),
        "{snapshot}"
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("no problems");
}

/// The snapshot as an older dino wrote it: no `[profile_answers]`.
fn forget_the_recorded_profile(wb: &Path) {
    let path = wb.join("pack-snapshot.toml");
    let text = fs::read_to_string(&path).expect("read");
    let start = text.find("\n[profile_answers]\n").expect("recorded");
    let end = start + 1 + text[start + 1..].find("\n\n").expect("a blank line after");
    fs::write(&path, format!("{}{}", &text[..start], &text[end..])).expect("write");
    assert!(
        !fs::read_to_string(&path)
            .expect("read")
            .contains("\n[profile_answers]\n")
    );
}

#[test]
fn an_older_workbook_is_not_flagged_until_upgrade_records_its_profile() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    forget_the_recorded_profile(&wb);
    let toml = wb.join("workbook.toml");
    edit(
        &toml,
        "decision_level = \"unit\"",
        "decision_level = \"political\"",
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("no problems");
    // The pack has not changed: upgrade writes the snapshot anew, with the
    // profile as workbook.toml has it now.
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(0)
        .stderr_has("wrote a new snapshot");
    let snapshot = fs::read_to_string(wb.join("pack-snapshot.toml")).expect("read");
    assert!(
        snapshot.contains("[profile_answers]\ndecision_level = \"political\"\n"),
        "{snapshot}"
    );
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(0)
        .stderr_has("nothing to upgrade");
    // From then on an edit is named.
    edit(
        &toml,
        "org_kind = \"municipality\"",
        "org_kind = \"region\"",
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has("the profile answer `org_kind` was edited by hand");
}

#[test]
fn crlf_line_ends_compare_equal_and_edits_keep_their_lines() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let toml = wb.join("workbook.toml");
    let text = fs::read_to_string(&toml).expect("read");
    fs::write(&toml, text.replace('\n', "\r\n")).expect("write");
    dino_in(&wb, &["--lang", "en", "check"])
        .code(0)
        .stderr_has("no problems");
    let at = line_of(&wb, "org_kind");
    edit(
        &toml,
        "org_kind = \"municipality\"",
        "org_kind = \"agency\"",
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has(&format!(
            "./workbook.toml:{at}:1: the profile answer `org_kind` was edited by hand"
        ));
}
