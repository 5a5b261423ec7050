//! Entries written by hand (a forge's web editor, a text editor) in a
//! workbook kept in git: one without `follows` overrules nothing it did not
//! see, one with a mistyped date does not outrank the sessions after it,
//! and `dino check` names both.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, git, pinned};

/// A session entry for `initiering` answering `problem`, as a person
/// would write it by hand: no `follows`.
fn by_hand(date: &str, answer: &str) -> String {
    format!(
        "+++\nkind = \"session\"\nphase = \"initiering\"\ndate = {date}\nfacilitator = \"Per Holm\"\npack = \"dino\"\npack_version = \"2.0.0\"\n+++\n\n# Initiering\n\n### Vilket problem vill ni lösa, och vilka drabbas av det? <!-- item: problem -->\n\n**Svar:** {answer}\n"
    )
}

/// A workbook `Hand` on the built-in pack in a repository of its own.
fn workbook(dir: &Path) -> PathBuf {
    git(dir, &["init", "--quiet", "-b", "main"]);
    pinned(dir, &["new", "Hand", "--no-input"]).code(0);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "start"]);
    dir.join("hand")
}

/// Runs `initiering` from an answers file giving `problem`, at `now`.
fn session(wb: &Path, now: &str, who: &str, problem: &str) {
    run_file(
        wb,
        now,
        who,
        &format!("[answers]\nproblem = \"{problem}\"\n"),
    );
}

fn problem_in_status(wb: &Path, now: &str) -> String {
    let out = dino_env(
        wb,
        &["--lang", "en", "status", "--format", "json"],
        &[("DINO_NOW", now)],
    );
    out.code(0);
    out.stdout
}

#[test]
fn a_hand_entry_dated_ahead_does_not_outrank_the_sessions_after_it() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    session(&wb, "2026-03-02T09:15:00+01:00", "Anna Lind", "Ett");
    // Typed 2062 for 2026, by hand, with no `follows`.
    std::fs::write(
        wb.join("log/2026-03-03-1000-initiering-aaaaaa.md"),
        by_hand("2062-03-03T10:00:00+01:00", "Handskrivet"),
    )
    .expect("hand entry");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "by hand"]);
    // The next session has seen the hand entry: its answer counts.
    session(&wb, "2026-03-10T09:00:00+01:00", "Anna Lind", "Fyra");
    let entry = std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("2026-03-10"))
        .expect("the new session");
    let text = std::fs::read_to_string(entry).expect("read");
    assert!(
        text.contains("\"aaaaaa\""),
        "it follows the hand entry: {text}"
    );
    let status = problem_in_status(&wb, "2026-03-10T10:00:00+01:00");
    assert!(status.contains("Fyra"), "{status}");
    let json: serde_json::Value = serde_json::from_str(&status).expect("json");
    assert!(
        json.to_string().contains("\"Fyra\""),
        "the later session's answer counts: {json}"
    );
    assert!(!json.to_string().contains("Handskrivet"), "{json}");
    dino_env(
        &wb,
        &["--lang", "en", "check"],
        &[("DINO_NOW", "2026-03-10T10:00:00+01:00")],
    )
    .code(3)
    .stdout_has("2026-03-03-1000-initiering-aaaaaa.md:4:8: dated 2062-03-03T10:00:00+01:00, more than a day after now")
    .stdout_has("written without `follows` after entries that have it");
}

#[test]
fn a_hand_entry_on_another_branch_does_not_settle_a_disagreement() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    session(&wb, "2026-03-02T09:15:00+01:00", "Anna Lind", "Ett");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "first"]);
    // Two branches answer differently, neither having seen the other.
    git(dir.path(), &["switch", "--quiet", "-c", "a"]);
    session(&wb, "2026-03-03T09:00:00+01:00", "Anna Lind", "Från A");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "a"]);
    git(dir.path(), &["switch", "--quiet", "-c", "b", "main"]);
    session(&wb, "2026-03-03T10:00:00+01:00", "Bo Ek", "Från B");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "b"]);
    // A third branch adds an entry by hand, dated after both.
    git(dir.path(), &["switch", "--quiet", "-c", "c", "main"]);
    std::fs::write(
        wb.join("log/2026-03-04-0800-initiering-cccccc.md"),
        by_hand("2026-03-04T08:00:00+01:00", "Från C"),
    )
    .expect("hand entry");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "c"]);
    git(dir.path(), &["switch", "--quiet", "main"]);
    for branch in ["a", "b", "c"] {
        git(dir.path(), &["merge", "--quiet", "--no-edit", branch]);
    }
    let out = dino_env(
        &wb,
        &["--lang", "en", "check"],
        &[("DINO_NOW", "2026-03-05T10:00:00+01:00")],
    );
    out.code(3)
        .stdout_has("was answered differently")
        .stdout_has("written without `follows`");
    // The disagreement still stands: A's and B's answers are both shown.
    let status = problem_in_status(&wb, "2026-03-05T10:00:00+01:00");
    assert!(
        status.contains("Från A") && status.contains("Från B"),
        "{status}"
    );
}

/// Two branches from `main` each run `initiering` from a file: `a` at 09:00
/// by Anna Lind, `b` at 10:00 by Bo Ek; then both are merged into `main`.
fn two_branches(dir: &Path, wb: &Path, a: &str, b: &str) {
    git(dir, &["switch", "--quiet", "-c", "a"]);
    run_file(wb, "2026-03-03T09:00:00+01:00", "Anna Lind", a);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "a"]);
    git(dir, &["switch", "--quiet", "-c", "b", "main"]);
    run_file(wb, "2026-03-03T10:00:00+01:00", "Bo Ek", b);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "b"]);
    git(dir, &["switch", "--quiet", "main"]);
    git(dir, &["merge", "--quiet", "--no-edit", "a"]);
    git(dir, &["merge", "--quiet", "--no-edit", "b"]);
}

/// Runs `initiering` from an answers file with `text` as it is.
fn run_file(wb: &Path, now: &str, who: &str, text: &str) {
    let file = wb.join("..").join("answers.toml");
    std::fs::write(&file, format!("facilitator = \"{who}\"\n\n{text}")).expect("answers");
    dino_env(
        wb,
        &[
            "run",
            "initiering",
            "--answers",
            file.to_str().expect("utf-8"),
        ],
        &[("DINO_NOW", now), ("DINO_USER", who)],
    )
    .code(0);
    std::fs::remove_file(file).expect("answers removed");
}

#[test]
fn answers_that_differ_only_at_their_ends_are_shown_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let long = "Vi söker medel från regionens utvecklingsfond: 150 000 kronor, till och med";
    two_branches(
        dir.path(),
        &wb,
        &format!("[answers]\nproblem = \"{long} december\"\n"),
        &format!("[answers]\nproblem = \"{long} juni\"\n"),
    );
    let now = [("DINO_NOW", "2026-03-04T09:00:00+01:00")];
    dino_env(&wb, &["--lang", "en", "status"], &now)
        .code(0)
        .stdout_has(&format!("counts: “{long} juni” (2026-03-03 10:00, Bo Ek)"))
        .stdout_has(&format!(
            "set aside: “{long} december” (2026-03-03 09:00, Anna Lind)"
        ));
    dino_env(&wb, &["--lang", "en", "check"], &now)
        .code(3)
        .stdout_has(&format!(
            "this later answer counts: “{long} juni”; set aside: “{long} december”"
        ));
    // The report shows each answer whole too, and says how to settle it.
    let md = dino_env(&wb, &["--lang", "en", "report", "--format", "md"], &now);
    md.code(0)
        .stdout_has("## Answered differently on two branches")
        .stdout_has("settles it: dino resolve ITEM (or")
        .stdout_has(&format!("| {long} juni |"))
        .stdout_has(&format!("| {long} december |"));
    let html = dino_env(&wb, &["--lang", "en", "report", "--format", "html"], &now);
    html.code(0)
        .stdout_has(&format!("{long} juni"))
        .stdout_has(&format!("{long} december"));
    let json = dino_env(&wb, &["report", "--format", "json"], &now);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let sides = &doc["workbooks"][0]["disagreements"][0]["sides"];
    assert_eq!(sides[0]["counts"], true);
    assert_eq!(sides[0]["answer"], format!("{long} juni"));
    assert_eq!(sides[1]["by"], "Anna Lind");
}

#[test]
fn the_same_answer_with_two_notes_keeps_both_notes() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    two_branches(
        dir.path(),
        &wb,
        "[answers]\nproblem = \"Samma\"\n\n[notes]\nproblem = \"Enligt Anna: siffror från 2025\"\n",
        "[answers]\nproblem = \"Samma\"\n\n[notes]\nproblem = \"Enligt Bo: gäller även Komvux\"\n",
    );
    let now = [("DINO_NOW", "2026-03-04T09:00:00+01:00")];
    let json = dino_env(&wb, &["--lang", "en", "report", "--format", "json"], &now);
    json.code(0);
    let report = dino_env(&wb, &["--lang", "en", "report", "--format", "md"], &now);
    report.code(0);
    for out in [&json.stdout, &report.stdout] {
        assert!(out.contains("Enligt Anna: siffror från 2025"), "{out}");
        assert!(out.contains("Enligt Bo: gäller även Komvux"), "{out}");
    }
}

#[test]
fn a_note_is_titled_in_the_workbooks_language_whatever_the_users() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    pinned(&wb, &["--lang", "en", "note", "insight", "Ett fynd"]).code(0);
    let note = std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("insight"))
        .expect("the note");
    let text = std::fs::read_to_string(note).expect("read");
    assert!(text.contains("\n# Insikt\n"), "{text}");
}

#[test]
fn a_note_nobody_can_be_named_for_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let home = tempfile::tempdir().expect("home");
    let home = home.path().to_str().expect("utf-8");
    let before = std::fs::read_dir(wb.join("log")).expect("log/").count();
    dino_env(
        &wb,
        &["--lang", "en", "note", "insight", "Ett fynd"],
        &[
            ("DINO_NOW", "2026-03-02T09:15:00+01:00"),
            ("DINO_USER", ""),
            ("HOME", home),
            ("XDG_CONFIG_HOME", home),
            ("GIT_CONFIG_GLOBAL", "/nonexistent-dino-test"),
            ("GIT_CONFIG_NOSYSTEM", "1"),
            ("USER", ""),
            ("LOGNAME", ""),
            ("USERNAME", ""),
        ],
    )
    .code(1)
    .stderr_has("who is writing?")
    .stderr_has("nothing was written");
    assert_eq!(
        std::fs::read_dir(wb.join("log")).expect("log/").count(),
        before
    );
}

#[test]
fn log_item_lists_every_value_an_item_has_had_with_its_commit() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    session(&wb, "2026-03-02T09:15:00+01:00", "Anna Lind", "Ett");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "first"]);
    let commit = git(dir.path(), &["rev-parse", "--short", "HEAD"]);
    two_branches(
        dir.path(),
        &wb,
        "[answers]\nproblem = \"Från A\"\n",
        "[answers]\nproblem = \"Från B\"\n",
    );
    let now = [("DINO_NOW", "2026-03-04T09:00:00+01:00")];
    let table = dino_env(&wb, &["--lang", "en", "log", "--item", "problem"], &now);
    table.code(0);
    let rows: Vec<&str> = table
        .stdout
        .lines()
        .filter(|l| l.contains("2026-03-0"))
        .collect();
    assert_eq!(rows.len(), 3, "{}", table.stdout);
    assert!(
        rows[0].contains("Ett") && rows[0].contains("replaced"),
        "{rows:?}"
    );
    assert!(rows[0].contains(commit.trim()), "{rows:?}");
    assert!(
        rows[1].contains("Från A") && rows[1].contains("set aside"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("Från B") && rows[2].contains("counts"),
        "{rows:?}"
    );
    let json = dino_env(
        &wb,
        &["log", "--item", "initiering.problem", "--format", "json"],
        &now,
    );
    json.code(0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let stands: Vec<&str> = doc["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v["stands"].as_str().expect("stands"))
        .collect();
    assert_eq!(stands, ["replaced", "set_aside", "counts"]);
    assert_eq!(doc["values"][0]["commit"], commit.trim());
    dino_env(&wb, &["--lang", "en", "log", "--item", "problme"], &now)
        .code(1)
        .stderr_has("did you mean `initiering.problem`?");
}

/// A workbook in git whose `problem` two branches answered differently.
fn in_disagreement(dir: &Path) -> PathBuf {
    let wb = workbook(dir);
    session(&wb, "2026-03-02T09:15:00+01:00", "Anna Lind", "Ett");
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "first"]);
    two_branches(
        dir,
        &wb,
        "[answers]\nproblem = \"Från A\"\n",
        "[answers]\nproblem = \"Från B\"\n",
    );
    wb
}

/// The id of the entry (of the log in `wb`) whose file holds `text`.
fn entry_holding(wb: &Path, text: &str) -> String {
    std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .map(|e| e.expect("entry").path())
        .find(|p| std::fs::read_to_string(p).expect("read").contains(text))
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .and_then(|stem| stem.rsplit('-').next().map(str::to_string))
        .expect("an entry holding the text")
}

#[test]
fn resolve_keeps_one_side_and_settles_the_disagreement() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = in_disagreement(dir.path());
    let now = [
        ("DINO_NOW", "2026-03-04T09:00:00+01:00"),
        ("DINO_USER", "Eva Ström"),
    ];
    let a = entry_holding(&wb, "Från A");
    dino_env(
        &wb,
        &[
            "--lang", "en", "resolve", "problem", "--keep", &a, "--commit",
        ],
        &now,
    )
    .code(0)
    .stderr_has("committed: dino: Hand: disagreement settled: initiering.problem");
    let status = dino_env(&wb, &["status", "--format", "json"], &now);
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    assert_eq!(
        doc["workbooks"][0]["answers"]["initiering.problem"]["value"],
        "Från A"
    );
    assert_eq!(doc["workbooks"][0]["disagreements"], serde_json::json!([]));
    dino_env(&wb, &["--lang", "en", "check"], &now).code(0);
    // Nothing left to settle.
    dino_env(
        &wb,
        &["--lang", "en", "resolve", "problem", "--take", "x"],
        &now,
    )
    .code(1)
    .stderr_has("is in no disagreement");
}

#[test]
fn resolve_takes_a_new_answer_and_refuses_what_is_not_a_side() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = in_disagreement(dir.path());
    let now = [("DINO_NOW", "2026-03-04T09:00:00+01:00")];
    dino_env(
        &wb,
        &["--lang", "en", "resolve", "problem", "--keep", "abcdef"],
        &now,
    )
    .code(1)
    .stderr_has("--keep abcdef: none of the sides of the disagreement");
    dino_env(&wb, &["--lang", "en", "resolve", "problem"], &now)
        .code(1)
        .stderr_has("without a terminal: give `--keep ENTRY`");
    dino_env(
        &wb,
        &["resolve", "initiering.problem", "--take", "Från A och B"],
        &now,
    )
    .code(0);
    let status = dino_env(&wb, &["status", "--format", "json"], &now);
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    assert_eq!(
        doc["workbooks"][0]["answers"]["initiering.problem"]["value"],
        "Från A och B"
    );
    assert_eq!(doc["workbooks"][0]["disagreements"], serde_json::json!([]));
}

#[test]
fn resolve_at_a_terminal_shows_both_answers_whole_and_writes_the_one_chosen() {
    for size in crate::screen::SIZES {
        let dir = tempfile::tempdir().expect("temp");
        let wb = in_disagreement(dir.path());
        let mut s = crate::screen::Screen::spawn(
            &wb,
            &["--lang", "en", "resolve", "problem"],
            size,
            &[("DINO_NOW", "2026-03-04T09:00:00+01:00")],
        );
        s.wait_for("Which answer is to count for initiering.problem?");
        let screen = s.contents();
        assert!(
            screen.contains("“Från B” (2026-03-03 10:00, Bo Ek"),
            "{screen}"
        );
        assert!(
            screen.contains("“Från A” (2026-03-03 09:00, Anna Lind"),
            "{screen}"
        );
        // The second: Anna's.
        s.press(crate::screen::keys::DOWN)
            .press(crate::screen::keys::ENTER);
        assert_eq!(s.exit_code(), 0);
        let status = dino_env(
            &wb,
            &["status", "--format", "json"],
            &[("DINO_NOW", "2026-03-04T09:00:00+01:00")],
        );
        let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
        assert_eq!(
            doc["workbooks"][0]["answers"]["initiering.problem"]["value"],
            "Från A"
        );
    }
}

#[test]
fn check_names_a_committed_entry_changed_later() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    session(&wb, "2026-03-02T09:15:00+01:00", "Anna Lind", "Ett");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "first"]);
    let entry = std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("the session");
    let name = entry
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let text = std::fs::read_to_string(&entry).expect("read");
    std::fs::write(&entry, text.replace("**Svar:** Ett", "**Svar:** Ändrat")).expect("edit");
    let now = [("DINO_NOW", "2026-03-04T09:00:00+01:00")];
    dino_env(&wb, &["--lang", "en", "check"], &now)
        .code(3)
        .stdout_has(&format!(
            "{name}:1:1: the entry was changed after it was committed (the change is not committed)"
        ));
    git(dir.path(), &["commit", "--quiet", "-am", "edited by hand"]);
    let commit = git(dir.path(), &["rev-parse", "--short", "HEAD"]);
    // Committed, it is named when git's history is asked.
    dino_env(&wb, &["--lang", "en", "check"], &now).code(0);
    dino_env(&wb, &["--lang", "en", "check", "--history"], &now)
        .code(3)
        .stdout_has(&format!(
            "the entry was changed after it was committed (last in {} by Anna Lind)",
            commit.trim()
        ));
}
