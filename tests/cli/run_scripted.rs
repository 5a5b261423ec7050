//! `dino run` without a terminal: scripted from an answers file, or a clear
//! message on how to script it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_env, dino_in, git, pinned, pull};

fn workbook(dir: &Path, personal_data: bool) -> PathBuf {
    crate::support::skolpilot(dir, personal_data)
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
    .stderr_has("error: svar.toml:4:1: the session was written")
    .stderr_has(
        "the gate is not ready (requirements are open), so the decision in [gate] was not written",
    );
    assert_eq!(written(&wb).len(), 1, "the session is written");
    dino_in(&wb, &["check"]).code(0);
}

#[test]
fn commit_commits_exactly_the_new_entries() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    git(&wb, &["init", "--quiet"]);
    git(&wb, &["config", "user.name", "Anna Lind"]);
    git(&wb, &["config", "user.email", "anna@example.org"]);
    git(&wb, &["add", "."]);
    git(&wb, &["commit", "--quiet", "-m", "start"]);
    // Something else changed that is not dino's to commit.
    fs::write(wb.join("anteckningar.txt"), "mina egna").expect("write");
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\ncriteria = { behovsagare = \"met\", tid = \"met\" }\n",
    )
    .expect("write");
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "start",
            "--answers",
            "svar.toml",
            "--commit",
        ],
    )
    .code(0)
    .stderr_has("committed: dino: Prov: session of Start");
    let files = git(&wb, &["show", "--name-only", "--format=%an|%s", "HEAD"]);
    let mut lines = files.lines().filter(|l| !l.is_empty());
    assert_eq!(lines.next(), Some("Anna Lind|dino: Prov: session of Start"));
    let committed: Vec<&str> = lines.collect();
    assert_eq!(committed.len(), 2, "{committed:?}");
    assert!(
        committed.iter().all(|f| f.starts_with("log/")),
        "{committed:?}"
    );
    let status = git(&wb, &["status", "--porcelain"]);
    assert!(
        status.contains("anteckningar.txt") && status.contains("svar.toml"),
        "{status}"
    );
}

#[test]
fn commit_outside_a_repository_still_writes_and_says_why_not() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"x\"\n").expect("write");
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "start",
            "--answers",
            "svar.toml",
            "--commit",
        ],
    )
    .code(0)
    .stderr_has("is not in a git repository; the files are written but not committed");
    assert_eq!(written(&wb).len(), 1);
}

#[test]
fn a_scripted_readiness_assessment_records_each_respondent() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    fs::write(
        wb.join("r.toml"),
        "[[respondents]]\nname = \"Rektor\"\nanswers = { \"mandat.beslut\" = 4 }\n\n[[respondents]]\nname = \"Lärare\"\nanswers = { \"mandat.beslut\" = \"dont_know\" }\n",
    )
    .expect("write");
    pinned(&wb, &["run", "readiness", "--answers", "r.toml"]).code(0);
    let log = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let entry = &doc["entries"][0];
    assert_eq!(entry["kind"], "readiness");
    assert_eq!(entry["records"][0]["respondent"], "Rektor");
    assert_eq!(entry["records"][0]["answer"]["text"], "4 av 5");
    assert_eq!(entry["records"][1]["answer"]["dont_know"], true);
    dino_in(&wb, &["check"]).code(0);

    fs::write(
        wb.join("r.toml"),
        "[[respondents]]\nname = \"Rektor\"\nanswers = { \"mandat.beslutt\" = 9 }\n",
    )
    .expect("write");
    pinned(&wb, &["--lang", "en", "run", "readiness", "--answers", "r.toml"])
        .code(1)
        .stderr_has("r.toml:3:13: the phase `readiness` has no item `mandat.beslutt`; did you mean `mandat.beslut`?");
}

#[test]
fn answers_files_refuse_empty_answers_and_repeated_respondents() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"  \"\n").expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("svar.toml:2:11: an empty answer");
    fs::write(
        wb.join("r.toml"),
        "[answers]\n\"mandat.beslut\" = \"dont_know\"\n\n[[respondents]]\nname = \"Rektor\"\n\n[[respondents]]\nname = \"Rektor\"\n",
    )
    .expect("write");
    pinned(
        &wb,
        &["--lang", "en", "run", "readiness", "--answers", "r.toml"],
    )
    .code(1)
    .stderr_has("r.toml:8:8: the respondent `Rektor` is there already");
    assert!(written(&wb).is_empty());
}

#[test]
fn new_and_note_commit_what_they_wrote() {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "--quiet"]);
    git(dir.path(), &["config", "user.name", "Anna Lind"]);
    git(dir.path(), &["config", "user.email", "anna@example.org"]);
    pinned(
        dir.path(),
        &["--lang", "en", "new", "Delad", "--no-input", "--commit"],
    )
    .code(0)
    .stderr_has("committed: dino: Delad: new workbook");
    let files = git(dir.path(), &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        files.trim(),
        "delad/log/.gitkeep\ndelad/pack-snapshot.toml\ndelad/workbook.toml"
    );
    let wb = dir.path().join("delad");
    pinned(
        &wb,
        &["--lang", "en", "note", "risk", "Lokalerna", "--commit"],
    )
    .code(0)
    .stderr_has("committed: dino: Delad: risk: Lokalerna");
    let files = git(dir.path(), &["show", "--name-only", "--format=%s", "HEAD"]);
    let lines: Vec<&str> = files.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[1].starts_with("delad/log/2026-03-02-0915-risk-"),
        "{lines:?}"
    );
    assert_eq!(git(dir.path(), &["status", "--porcelain"]), "");
}

#[test]
fn log_shows_who_committed_each_entry_where_git_knows_it() {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "--quiet"]);
    git(dir.path(), &["config", "user.name", "Omar Said"]);
    git(dir.path(), &["config", "user.email", "omar@example.org"]);
    pinned(dir.path(), &["new", "Delad", "--no-input", "--commit"]).code(0);
    let wb = dir.path().join("delad");
    pinned(&wb, &["note", "risk", "Lokalerna", "--commit"]).code(0);
    crate::support::dino_env(
        &wb,
        &["note", "insight", "Ej incheckad"],
        &[("DINO_NOW", "2026-03-03T09:00:00+01:00")],
    )
    .code(0);
    let run = dino_in(&wb, &["--lang", "en", "log"]);
    run.code(0).stdout_has("| Commit ").stdout_has("| – ");
    let json = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(doc["entries"][0]["committed_by"], "Omar Said");
    let head = git(&wb, &["rev-parse", "--short", "HEAD"]);
    assert_eq!(doc["entries"][0]["commit"], head.trim());
    assert!(run.stdout.contains(head.trim()), "{}", run.stdout);
    assert_eq!(doc["entries"][1]["committed_by"], serde_json::Value::Null);
    assert_eq!(doc["entries"][1]["commit"], serde_json::Value::Null);
    // A workbook git does not know: the same log, without the column.
    let plain = workbook(&dir.path().join("utan").tap(), false);
    dino_in(&plain, &["log"]).code(0);
    assert!(
        !dino_in(&plain, &["--lang", "en", "log"])
            .stdout
            .contains("| Commit ")
    );
}

trait Tap {
    fn tap(self) -> Self;
}

impl Tap for PathBuf {
    fn tap(self) -> Self {
        fs::create_dir_all(&self).expect("mkdir");
        self
    }
}

/// A workbook on a shared bare repository, cloned twice: Anna works in
/// `a`, Omar in `b`. Returns both workbooks.
fn two_clones(dir: &Path) -> (PathBuf, PathBuf) {
    let origin = dir.join("origin.git");
    git(
        dir,
        &["init", "--quiet", "--bare", origin.to_str().expect("UTF-8")],
    );
    let a = dir.join("a");
    fs::create_dir(&a).expect("mkdir");
    git(&a, &["init", "--quiet", "-b", "main"]);
    git(&a, &["config", "user.name", "Anna Lind"]);
    git(&a, &["config", "user.email", "anna@example.org"]);
    let wb_a = workbook(&a, false);
    git(&a, &["add", "."]);
    git(&a, &["commit", "--quiet", "-m", "start"]);
    git(
        &a,
        &["remote", "add", "origin", origin.to_str().expect("UTF-8")],
    );
    git(&a, &["push", "--quiet", "origin", "main"]);
    let b = dir.join("b");
    git(
        dir,
        &[
            "clone",
            "--quiet",
            "-b",
            "main",
            origin.to_str().expect("UTF-8"),
            "b",
        ],
    );
    git(&b, &["config", "user.name", "Omar Said"]);
    git(&b, &["config", "user.email", "omar@example.org"]);
    let wb_b = b.join("prov");
    (wb_a, wb_b)
}

#[test]
fn two_clones_of_a_workbook_merge_without_conflict() {
    let dir = tempfile::tempdir().expect("temp");
    let (wb_a, wb_b) = two_clones(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    // Both run the same phase and write notes, at the same minute.
    fs::write(
        wb_a.join("svar.toml"),
        "[answers]\nproblem = \"Frånvaro\"\n",
    )
    .expect("write");
    pinned(
        &wb_a,
        &["run", "start", "--answers", "svar.toml", "--commit"],
    )
    .code(0);
    pinned(&wb_a, &["note", "risk", "Budget", "--commit"]).code(0);
    fs::write(wb_b.join("svar.toml"), "[answers]\nlosning = \"nej\"\n").expect("write");
    pinned(
        &wb_b,
        &["run", "start", "--answers", "svar.toml", "--commit"],
    )
    .code(0);
    pinned(&wb_b, &["note", "insight", "Eleverna vill", "--commit"]).code(0);
    git(&a, &["push", "--quiet", "origin", "main"]);
    pull(&b, false);
    // No conflict, and both sets of answers are there.
    assert_eq!(
        git(&b, &["status", "--porcelain"]).trim(),
        "?? prov/svar.toml"
    );
    let run = dino_in(&wb_b, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let answers = &doc["workbooks"][0]["answers"];
    assert_eq!(answers["start.problem"]["value"], "Frånvaro");
    assert_eq!(answers["start.losning"]["value"], "nej");
    dino_in(&wb_b, &["check"]).code(0);
    assert_eq!(
        dino_in(&wb_b, &["log", "--format", "json"])
            .stdout
            .matches("\"kind\"")
            .count(),
        4
    );
}

/// Runs `start` with this answer to `problem`, at this time, and commits.
fn answer_problem(wb: &Path, at: &str, problem: &str) {
    fs::write(
        wb.join("svar.toml"),
        format!("[answers]\nproblem = {problem:?}\n"),
    )
    .expect("write");
    crate::support::dino_env(
        wb,
        &["run", "start", "--answers", "svar.toml", "--commit"],
        &[("DINO_NOW", at), ("DINO_USER", "Facilitator")],
    )
    .code(0);
}

#[test]
fn the_same_item_answered_on_two_branches_is_shown_until_settled() {
    let dir = tempfile::tempdir().expect("temp");
    let (wb_a, wb_b) = two_clones(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    // Anna answers and pushes; Omar, not having pulled, answers later.
    answer_problem(&wb_a, "2026-03-02T09:15:00+01:00", "Frånvaro");
    git(&a, &["push", "--quiet", "origin", "main"]);
    answer_problem(&wb_b, "2026-03-02T10:00:00+01:00", "Trivsel");
    // Omar rebases onto Anna's work: a straight history, and no conflict.
    pull(&b, true);
    assert_eq!(
        git(&b, &["status", "--porcelain"]).trim(),
        "?? prov/svar.toml"
    );
    assert_eq!(
        git(&b, &["rev-list", "--merges", "--count", "HEAD"]).trim(),
        "0"
    );

    // The later answer counts, and the other is shown beside it.
    let run = dino_in(&wb_b, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let wb = &doc["workbooks"][0];
    assert_eq!(wb["answers"]["start.problem"]["value"], "Trivsel");
    let d = &wb["disagreements"][0];
    assert_eq!(d["item"], "start.problem");
    assert_eq!(d["phase"], "start");
    assert_eq!(d["kept"]["answer"]["text"], "Trivsel");
    assert_eq!(d["set_aside"][0]["answer"]["text"], "Frånvaro");
    dino_in(&wb_b, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("Answered differently, with neither having seen the other's answer")
        .stdout_has("      counts: “Trivsel” (2026-03-02 10:00, Facilitator)\n      set aside: “Frånvaro” (2026-03-02 09:15, Facilitator)")
        .stdout_has("`dino run start` and a new answer to the item settle it.");
    dino_in(&wb_b, &["--lang", "en", "check"])
        .code(3)
        .stdout_has("`problem` was answered differently in 2026-03-02-0915-start-");

    // Anna merges Omar's work in: the same state, byte for byte.
    git(&b, &["push", "--quiet", "origin", "main"]);
    pull(&a, false);
    let on_a = dino_in(&wb_a, &["status", "--format", "json"]).stdout;
    assert_eq!(on_a.replace("/a/", "/b/"), run.stdout.replace("/a/", "/b/"));

    // Running the phase again after the merge settles it.
    answer_problem(&wb_a, "2026-03-03T09:00:00+01:00", "Frånvaro");
    dino_in(&wb_a, &["check"]).code(0);
    let settled = dino_in(&wb_a, &["status", "--format", "json"]).stdout;
    let doc: serde_json::Value = serde_json::from_str(&settled).expect("JSON");
    assert_eq!(doc["workbooks"][0]["disagreements"], serde_json::json!([]));
    assert_eq!(
        doc["workbooks"][0]["answers"]["start.problem"]["value"],
        "Frånvaro"
    );
}

#[test]
fn two_branches_of_one_repository_merge_and_show_their_disagreement() {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "--quiet", "-b", "main"]);
    let wb = workbook(dir.path(), false);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "start"]);
    git(dir.path(), &["checkout", "--quiet", "-b", "omar"]);
    answer_problem(&wb, "2026-03-02T10:00:00+01:00", "Trivsel");
    git(dir.path(), &["checkout", "--quiet", "main"]);
    answer_problem(&wb, "2026-03-02T09:30:00+01:00", "Frånvaro");
    pinned(&wb, &["note", "insight", "Eleverna vill mer", "--commit"]).code(0);
    git(dir.path(), &["merge", "--quiet", "--no-edit", "omar"]);
    assert_eq!(
        git(dir.path(), &["status", "--porcelain"]).trim(),
        "?? prov/svar.toml"
    );
    let run = dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let d = &doc["workbooks"][0]["disagreements"];
    assert_eq!(d.as_array().map(Vec::len), Some(1), "{d}");
    assert_eq!(d[0]["kept"]["answer"]["text"], "Trivsel");
    dino_in(&wb, &["check"]).code(3);
}

#[test]
fn a_refused_decision_fixed_and_run_again_later_writes_the_decision_alone() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    let answers = |tid: &str| {
        format!(
            "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[notes]\nproblem = \"Från elevhälsan.\"\n\n\
             [[actions]]\nitem = \"problem\"\ntext = \"Hämta elevhälsans siffror.\"\nowner = \"Karin\"\ndue = 2026-03-31\n\n\
             [gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\n\
             criteria = {{ behovsagare = \"met\", tid = \"{tid}\" }}\n"
        )
    };
    let at = |now: &str| {
        let file = [("DINO_NOW", now), ("DINO_USER", "Anna Lind")];
        dino_env(
            &wb,
            &["--lang", "en", "run", "start", "--answers", "svar.toml"],
            &file,
        )
    };
    fs::write(wb.join("svar.toml"), answers("not_met")).expect("write");
    at("2026-03-02T09:15:00+01:00")
        .code(1)
        .stderr_has("the session was written")
        .stderr_has("but the decision was not: going on needs every criterion met")
        .stderr_has(
            "Fix [gate] and run the same file again (the session is not written twice), \
             or record the decision with `dino gate start --decision … --criterion …`",
        );
    fs::write(wb.join("svar.toml"), answers("met")).expect("write");
    at("2026-03-02T09:20:00+01:00").code(0);
    let names = written(&wb);
    let sessions = names
        .iter()
        .filter(|n| n.contains("-start-") && !n.contains("-gate-"))
        .count();
    let gates = names.iter().filter(|n| n.contains("-gate-start-")).count();
    assert_eq!((sessions, gates), (1, 1), "{names:?}");
    let due = dino_env(
        &wb,
        &["--lang", "en", "due", "--format", "json"],
        &[("DINO_NOW", "2026-03-02T10:00:00+01:00")],
    );
    due.code(0);
    assert_eq!(
        due.stdout.matches("Hämta elevhälsans siffror.").count(),
        1,
        "{}",
        due.stdout
    );
    // Once more: nothing is written again.
    at("2026-03-02T09:30:00+01:00").code(0);
    assert_eq!(written(&wb), names);
}

#[test]
fn open_with_an_answers_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"x\"\n").expect("write");
    dino_in(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "start",
            "--open",
            "--answers",
            "svar.toml",
        ],
    )
    .code(2)
    .stderr_has("--open")
    .stderr_has("--answers");
    assert!(written(&wb).is_empty(), "nothing written");
}
