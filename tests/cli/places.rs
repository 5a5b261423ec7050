//! Every problem in a file the user can fix is named at its place,
//! `file:line:col:`: the value in `workbook.toml`, the conflict marker of an
//! unfinished merge, the decision of a gate entry; and TOML's own syntax
//! errors are told in Swedish when dino speaks Swedish.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Run, dino_env, pinned, root};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A new workbook on the built-in pack, in English.
fn workbook(dir: &Path) -> PathBuf {
    pinned(dir, &["--lang", "en", "new", "Proj", "--no-input"]).code(0);
    dir.join("proj")
}

/// Runs `dino` in `lang` with the clock pinned.
fn dino_lang(dir: &Path, lang: &str, args: &[&str]) -> Run {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    dino_env(dir, &all, &[("DINO_NOW", "2026-03-02T09:15:00+01:00")])
}

/// Replaces `from` by `to` in the file at `path`, once.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The line (1-based) of the first line of `path` holding `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(path).expect("read");
    text.lines()
        .position(|l| l.contains(needle))
        .expect("the needle is there")
        + 1
}

/// How many printed lines hold `needle`.
fn lines_with(text: &str, needle: &str) -> usize {
    text.lines().filter(|l| l.contains(needle)).count()
}

/// A conflict as `git merge` leaves it, between `ours` and `theirs`.
fn conflict(ours: &str, theirs: &str) -> String {
    format!("<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> their-branch\n")
}

#[test]
fn a_pack_workbook_toml_names_is_found_at_its_value() {
    let dir = temp();
    let wb = workbook(dir.path());
    let file = wb.join("workbook.toml");
    edit(&file, "id = \"dino\"", "id = \"dinox\"");
    dino_lang(&wb, "en", &["check"])
        .code(3)
        .stdout_has("./workbook.toml:7:6: the pack `dinox` is not built in (dino)");
    dino_lang(&wb, "en", &["status"])
        .code(1)
        .stderr_has("./workbook.toml:7:6: the pack `dinox` is not built in");
    edit(
        &file,
        "id = \"dinox\"",
        "id = \"dino\"\npath = \"no-such-pack\"",
    );
    dino_lang(&wb, "en", &["check"]).code(3).stdout_has(
        "./workbook.toml:8:8: `path` under [pack] points to ./no-such-pack: neither a built-in pack (dino) nor a folder",
    );
    edit(&file, "\"no-such-pack\"", "\"log\"");
    dino_lang(&wb, "sv", &["upgrade"]).code(1).stderr_has(
        "./workbook.toml:8:8: `path` under [pack] pekar på ./log: mappen har ingen pack.toml",
    );
}

#[test]
fn a_gate_entry_without_a_decision_is_named_where_the_decision_goes() {
    let dir = temp();
    let wb = workbook(dir.path());
    let answers = root().join("examples/answers/initiering.toml");
    let answers = answers.to_str().expect("a UTF-8 path");
    pinned(&wb, &["run", "initiering", "--answers", answers]).code(0);
    let gate = fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("-gate-"))
        .expect("a gate entry");
    edit(&gate, "* [x] ", "* [ ] ");
    let line = line_of(&gate, "<!-- item: decision -->");
    let name = gate
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    dino_lang(&wb, "en", &["check"])
        .code(3)
        .stdout_has(&format!(
            "./log/{name}:{line}:1: the gate entry lacks one (and only one) ticked decision"
        ));
}

#[test]
fn an_unfinished_merge_in_workbook_toml_is_one_finding_at_its_marker() {
    let dir = temp();
    let wb = workbook(dir.path());
    let file = wb.join("workbook.toml");
    edit(
        &file,
        "language = \"en\"\n",
        &conflict("language = \"en\"\n", "language = \"sv\"\n"),
    );
    let run = dino_lang(&wb, "en", &["check"]);
    run.code(3)
        .stdout_has("./workbook.toml:4:1: an unfinished git merge: conflict markers")
        .stdout_has("`git add` the file")
        .stdout_lacks("invalid TOML");
    assert_eq!(
        lines_with(&run.stdout, "workbook.toml"),
        1,
        "{}",
        run.stdout
    );
    dino_lang(&wb, "sv", &["status"])
        .code(1)
        .stderr_has("./workbook.toml:4:1: en ofullbordad git-sammanslagning");
}

#[test]
fn an_unfinished_merge_in_an_entry_is_one_finding_at_its_marker() {
    let dir = temp();
    let wb = workbook(dir.path());
    let name = "2026-03-02-1000-note-aaaaaa.md";
    let text = format!(
        "+++\nkind = \"note\"\ndate = 2026-03-02T10:00:00+01:00\npack = \"dino\"\npack_version = \"1.0.0\"\n+++\n\n# Note\n\n{}",
        conflict("Ours.\n\n- a point\n", "Theirs.\n\n> a quote\n")
    );
    fs::write(wb.join("log").join(name), text).expect("write");
    let run = dino_lang(&wb, "en", &["check"]);
    run.code(3)
        .stdout_has(&format!("./log/{name}:10:1: an unfinished git merge"))
        .stdout_lacks("outside an item");
    assert_eq!(lines_with(&run.stdout, name), 1, "{}", run.stdout);
}

#[test]
fn an_unfinished_merge_in_the_snapshot_is_named_at_its_marker() {
    let dir = temp();
    let wb = workbook(dir.path());
    let file = wb.join("pack-snapshot.toml");
    let line = line_of(&file, "version = ");
    let now = format!("version = \"{}\"\n", crate::support::dino_version());
    edit(&file, &now, &conflict(&now, "version = \"0.9.0\"\n"));
    dino_lang(&wb, "en", &["check"])
        .code(3)
        .stdout_has(&format!(
            "./pack-snapshot.toml:{line}:1: an unfinished git merge"
        ));
}

#[test]
fn an_unfinished_merge_in_an_answers_file_writes_nothing() {
    let dir = temp();
    let wb = workbook(dir.path());
    let text = fs::read_to_string(root().join("examples/answers/initiering.toml")).expect("read");
    let merged = text.replacen(
        "mandat = true\n",
        &conflict("mandat = true\n", "mandat = false\n"),
        1,
    );
    fs::write(wb.join("answers.toml"), &merged).expect("write");
    let line = line_of(&wb.join("answers.toml"), "<<<<<<<");
    let run = pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "initiering",
            "--answers",
            "answers.toml",
        ],
    );
    run.code(1)
        .stderr_has(&format!("answers.toml:{line}:1: an unfinished git merge"))
        .stderr_lacks("invalid TOML");
    let entries = fs::read_dir(wb.join("log")).expect("log/").flatten();
    assert_eq!(
        entries
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .count(),
        0
    );
}

#[test]
fn toml_syntax_errors_are_told_in_swedish_with_their_place() {
    let dir = temp();
    let wb = workbook(dir.path());
    let file = wb.join("workbook.toml");
    let mut text = fs::read_to_string(&file).expect("read");
    text.push_str("x = [1, 2\n");
    fs::write(&file, &text).expect("write");
    let line = text.lines().count();
    dino_lang(&wb, "sv", &["check"])
        .code(3)
        .stdout_has(&format!(
            "./workbook.toml:{line}:10: ogiltig TOML: listan avslutas inte; här väntades `]`"
        ))
        .stdout_lacks("unclosed");
    dino_lang(&wb, "en", &["check"])
        .code(3)
        .stdout_has(&format!(
            "./workbook.toml:{line}:10: invalid TOML: unclosed array, expected `]`"
        ));
}

#[test]
fn a_value_of_the_wrong_kind_is_named_in_swedish() {
    let dir = temp();
    let wb = workbook(dir.path());
    edit(&wb.join("workbook.toml"), "name = \"Proj\"", "name = 3");
    dino_lang(&wb, "sv", &["check"])
        .code(3)
        .stdout_has("./workbook.toml:1:8: `name` ska vara en sträng, inte ett heltal");
    dino_lang(&wb, "en", &["check"])
        .code(3)
        .stdout_has("./workbook.toml:1:8: `name` must be a string, not integer");
}

#[test]
fn a_note_with_a_line_like_a_conflict_marker_is_refused_before_writing() {
    let dir = temp();
    let wb = workbook(dir.path());
    pinned(&wb, &["--lang", "en", "note", "note", "a\n<<<<<<< HEAD\nb"])
        .code(1)
        .stderr_has("line 2 of the text starts like a git conflict marker")
        .stderr_has("nothing was written");
    let entries = fs::read_dir(wb.join("log")).expect("log/").flatten();
    let md = entries.filter(|e| e.path().extension().is_some_and(|x| x == "md"));
    assert_eq!(md.count(), 0);
    // A heading underlined with `=======` is Markdown, not a conflict.
    pinned(
        &wb,
        &["--lang", "en", "note", "note", "Title\n=======\n\nText."],
    )
    .code(0);
    dino_lang(&wb, "en", &["check"]).code(0);
}
