//! Interactive flows in a real pseudo-terminal: the dialoguer widgets as a
//! person at a terminal meets them.

use std::process::Command;
use std::time::Duration;

use expectrl::Session;

pub(crate) const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
pub(crate) const ENTER: &str = "\r";

pub(crate) fn session(dir: &std::path::Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dino"));
    cmd.env("PATH", crate::support::path_with_dino());
    cmd.current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env_remove("DINO_LANG")
        .env_remove("LC_ALL")
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind");
    let mut session = Session::spawn(cmd).expect("dino starts in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn new_asks_the_profile_questions_at_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = session(dir.path(), &["--lang", "en", "new", "Pty prov"]);
    p.expect("What kind of organisation")
        .expect("first question");
    // Region is one below the default, Municipality.
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("key");
    p.expect("Who decides").expect("second question");
    p.send(DOWN).expect("key");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("key");
    p.expect("buying services").expect("third question");
    p.send(ENTER).expect("key");
    p.expect("personal data").expect("fourth question");
    // A yes-or-no list, Yes first chosen as the default: take it.
    p.send(ENTER).expect("key");
    p.expect("funded").expect("fifth question");
    p.send(ENTER).expect("key");
    p.expect("partners do you expect").expect("sixth question");
    // Tick the first partner, then accept.
    p.send(" ").expect("key");
    p.send(ENTER).expect("key");
    p.expect("Start the first phase now?").expect("offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("no");
    p.expect("Next: `cd pty-prov` and `dino run`")
        .expect("done");
    let file =
        std::fs::read_to_string(dir.path().join("pty-prov/workbook.toml")).expect("workbook.toml");
    assert!(file.contains("org_kind = \"region\""), "{file}");
    assert!(file.contains("decision_level = \"political\""), "{file}");
    assert!(file.contains("procurement = \"maybe\""), "{file}");
    assert!(file.contains("personal_data = true"), "{file}");
    assert!(file.contains("external_funding = false"), "{file}");
    assert!(!file.contains("partners = []"), "{file}");
}

#[test]
fn note_without_text_opens_the_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::support::pinned(dir.path(), &["new", "Alfa", "--no-input"]).code(0);
    let wb = dir.path().join("alfa");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dino"));
    cmd.env("PATH", crate::support::path_with_dino());
    cmd.current_dir(&wb)
        .args(["--lang", "en", "note", "insight"])
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env_remove("VISUAL")
        .env(
            "EDITOR",
            "sh -c 'printf \"Vägledarna vet mer än vi trodde.\\n\\n- [x] det här är text\\n\" > \"$0\"'",
        )
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind");
    let mut p = Session::spawn(cmd).expect("dino starts in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p.expect("wrote the insight to the log").expect("written");
    let run = crate::support::dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc["entries"][0]["text"],
        "Vägledarna vet mer än vi trodde.\n\n- [x] det här är text"
    );
}

/// A workbook on the example pack where every item of its first phase
/// applies, made in a temp folder.
fn skolpilot(dir: &std::path::Path) -> std::path::PathBuf {
    crate::support::skolpilot(dir, true)
}

/// A session of `start` once its required items are done by an answers
/// file, gone straight to the gate.
fn straight_to_the_gate(wb: &std::path::Path) -> Session {
    std::fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\ndataskydd = true\n",
    )
    .expect("write");
    crate::support::pinned(wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let mut p = run_session(wb);
    p.expect("Go straight to the gate?").expect("offered");
    p.send(ENTER).expect("yes");
    p
}

/// Answers each of the example pack's two criteria at the gate: met (the
/// first choice).
fn criteria_met(p: &mut Session) {
    for criterion in ["Criterion: Problemet", "Criterion: Lärarna"] {
        p.expect(criterion).expect("a criterion");
        p.send(ENTER).expect("met");
    }
}

fn run_session(wb: &std::path::Path) -> Session {
    session(wb, &["--lang", "en", "run"])
}

/// Goes through the people questions: the facilitator as suggested, one
/// participant.
/// Before a decision: the profile is said to hold still.
pub(crate) fn profile_holds(p: &mut Session) {
    p.expect("Does the project profile still hold?")
        .expect("the profile asked");
    p.send(ENTER).expect("yes");
}

fn people(p: &mut Session) {
    p.expect("Facilitator").expect("facilitator");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send("Omar Said\r").expect("name");
    p.expect("Role of Omar Said").expect("role");
    p.send("Rektor\r").expect("role");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("done");
}

#[test]
fn a_whole_phase_run_at_the_terminal_writes_one_entry_and_the_gate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    // The pack's texts are in the workbook's language, the menus in --lang.
    p.expect("Ringa in problemet")
        .expect("the purpose is shown");
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    // A long text: one line here, the first choice (the editor is second).
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line input");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("No");
    p.expect("Dataskyddet är genomgånget").expect("third item");
    p.send(ENTER).expect("Done");
    p.expect("Summary").expect("summary");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    p.send(ENTER).expect("Go on");
    criteria_met(&mut p);
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Problemet är tydligt\r").expect("why");
    no_next_gate(&mut p);
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["phases"][0]["done"], 3, "{}", run.stdout);
    assert_eq!(w["phases"][0]["gate"]["decision"], "go");
    assert_eq!(w["current_phase"], "test");
    assert_eq!(w["answers"]["start.problem"]["value"], "Elever hoppar av");
    let log = crate::support::dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    assert_eq!(doc["entries"][0]["participants"][0]["role"], "Rektor");
}

/// The answers an interactive run gives in
/// `a_whole_phase_run_at_the_terminal_writes_one_entry_and_the_gate`.
const SAME_ANSWERS: &str = r#"facilitator = "Anna Lind"
participants = [{ name = "Omar Said", role = "Rektor" }]

[answers]
problem = "Elever hoppar av"
losning = "nej"
dataskydd = true

[gate]
decision = "go"
decided_by = "Anna Lind"
motivation = "Problemet är tydligt"
criteria = { behovsagare = "met", tid = "met" }
"#;

/// The log's files, name and text.
fn log_files(wb: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .filter(|f| f.file_name().to_string_lossy().ends_with(".md"))
        .map(|f| {
            (
                f.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(f.path()).expect("entry"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn an_answers_file_writes_the_same_entries_as_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let interactive = skolpilot(&dir.path().join("a").tap_mkdir());
    let mut p = run_session(&interactive);
    people(&mut p);
    p.expect("Vilket problem").expect("first");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("key");
    p.expect("Dataskyddet").expect("third");
    p.send(ENTER).expect("key");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("gate");
    p.send(ENTER).expect("key");
    criteria_met(&mut p);
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Problemet är tydligt\r").expect("why");
    no_next_gate(&mut p);
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");

    let scripted = skolpilot(&dir.path().join("b").tap_mkdir());
    std::fs::write(scripted.join("svar.toml"), SAME_ANSWERS).expect("write");
    crate::support::pinned(&scripted, &["run", "start", "--answers", "svar.toml"]).code(0);
    let (a, b) = (log_files(&interactive), log_files(&scripted));
    assert_eq!(a.len(), 2, "a session and a gate");
    assert_eq!(a, b);
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for std::path::PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).expect("mkdir");
        self
    }
}

/// Waits until the list on screen is drawn in full and dino reads keys, so
/// that a signal meets the widget and not the moment between two.
fn settle(p: &mut Session) {
    p.expect("More").expect("the list is drawn");
    std::thread::sleep(Duration::from_millis(300));
}

/// Plans no next gate: an empty line.
pub(crate) fn no_next_gate(p: &mut Session) {
    p.expect("Next gate").expect("the next gate is asked");
    p.send(ENTER).expect("none");
}

/// Says no when the pack offers its readiness assessment after the phase.
pub(crate) fn decline_readiness(p: &mut Session) {
    p.expect("Run it now?").expect("the assessment is offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("no");
}

/// Everything dino prints until it ends.
fn to_end(p: &mut Session) -> String {
    let found = p.expect(expectrl::Eof).expect("ends");
    let mut bytes = found.before().to_vec();
    for matched in found.matches() {
        bytes.extend_from_slice(matched);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// How the process ended.
fn ended(p: &mut Session) -> expectrl::WaitStatus {
    p.get_process().wait().expect("dino ends")
}

#[test]
fn ctrl_c_mid_phase_keeps_every_answer_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    settle(&mut p);
    p.send("\x03").expect("Ctrl-C");
    let rest = to_end(&mut p);
    assert!(
        rest.contains("Every answer is saved in the draft"),
        "told: {rest:?}"
    );
    let status = ended(&mut p);
    assert!(
        matches!(status, expectrl::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    assert!(wb.join(".dino/draft.md").is_file());

    let mut p = run_session(&wb);
    p.expect("Go on with it?").expect("offered");
    p.send(ENTER).expect("yes");
    // On where it stopped, with the first answer kept.
    p.expect("Vet vi hur").expect("second item");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("No");
    p.expect("Dataskyddet").expect("third item");
    p.send(ENTER).expect("Done");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["answers"]["start.problem"]["value"], "Elever hoppar av");
    assert_eq!(w["phases"][0]["gate"]["state"], "ready");
    assert!(
        !wb.join(".dino/draft.md").exists(),
        "the draft became the entry"
    );
}

#[test]
fn a_closed_terminal_keeps_the_draft_and_shows_the_cursor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    settle(&mut p);
    p.get_process_mut()
        .signal(expectrl::Signal::SIGHUP)
        .expect("hang up");
    let rest = to_end(&mut p);
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    let status = ended(&mut p);
    assert!(
        matches!(status, expectrl::WaitStatus::Exited(_, 129)),
        "{status:?}"
    );
    let draft = std::fs::read_to_string(wb.join(".dino/draft.md")).expect("draft");
    assert!(draft.contains("**Svar:** Elever hoppar av"), "{draft}");
}

#[test]
fn stepping_back_through_the_menu_changes_an_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line");
    p.send("Fel svar\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    // Esc opens the menu; "Back to the previous item" is second.
    p.send("\x1b").expect("Esc");
    p.expect("What do you want to do?").expect("menu");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("back");
    p.expect("Vilket problem").expect("first item again");
    // A long answer given before is kept with one key; change it instead.
    p.expect("Keep: Fel svar").expect("keep offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("change");
    p.expect("Write one line here").expect("how to write");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("Fel svar")
        .expect("the answer given is offered to edit");
    // Erase it and write the right answer.
    p.send("\x7f".repeat("Fel svar".len())).expect("erase");
    p.send("Rätt svar\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    p.send(ENTER).expect("Yes");
    p.expect("Dataskyddet").expect("third item");
    p.send(ENTER).expect("Done");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["answers"]["start.problem"]["value"],
        "Rätt svar"
    );
}

#[test]
fn a_second_session_in_the_same_workbook_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    p.expect("Facilitator").expect("running");
    std::fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"x\"\n").expect("write");
    crate::support::pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    )
    .code(1)
    .stderr_has("a session is already running in this workbook: Anna Lind since 2026-03-02 09:15");
    p.send("\x03").expect("Ctrl-C");
    ended(&mut p);
}

#[test]
fn new_at_a_terminal_goes_straight_on_into_the_first_phase() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = session(dir.path(), &["--lang", "en", "new", "Rakt in"]);
    for _ in 0..6 {
        p.expect("›").expect("a profile question");
        p.send(ENTER).expect("default");
    }
    p.expect("Start the first phase now?").expect("offered");
    p.send(ENTER).expect("yes");
    p.expect("Initiation")
        .expect("the first phase, in the workbook's language");
    p.expect("Facilitator").expect("people");
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").expect("Ctrl-C");
    let rest = to_end(&mut p);
    assert!(
        rest.contains("Every answer is saved in the draft"),
        "{rest:?}"
    );
    assert!(dir.path().join("rakt-in/workbook.toml").is_file());
}

#[test]
fn a_readiness_assessment_with_two_respondents_shows_its_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = session(&wb, &["--lang", "en", "run", "readiness"]);
    p.expect("Facilitator").expect("people");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("none");
    p.expect("Who answers?").expect("respondents");
    p.send("Rektor\r").expect("one");
    p.expect("Respondent").expect("next");
    p.send("Lärare\r").expect("two");
    p.expect("Respondent").expect("next");
    p.send(ENTER).expect("done");
    p.expect("Answering now: Rektor").expect("first respondent");
    p.expect("beslut som ger oss utrymme")
        .expect("the statement");
    for _ in 0..3 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("4");
    p.expect("Hand over to Lärare, press Enter when ready")
        .expect("handed over");
    p.send(ENTER).expect("ready");
    p.expect("Answering now: Lärare")
        .expect("second respondent");
    p.expect("Don't know").expect("offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("2");
    let rest = to_end(&mut p);
    assert!(rest.contains("Mandat"), "{rest:?}");
    assert!(rest.contains("3.0"), "the mean of 4 and 2: {rest:?}");
    assert!(rest.contains("spread 2.0"), "{rest:?}");
    let log = crate::support::dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let records = &doc["entries"][0]["records"];
    assert_eq!(records[0]["respondent"], "Rektor");
    assert_eq!(records[1]["respondent"], "Lärare");
    assert_eq!(records[1]["answer"]["text"], "2 av 5");
    crate::support::dino_in(&wb, &["check"]).code(0);
}

#[test]
fn a_low_dimension_is_noted_as_a_risk_with_owner_and_due_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = session(&wb, &["--lang", "en", "run", "readiness"]);
    p.expect("Facilitator").expect("people");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("none");
    p.expect("Who answers?").expect("respondents");
    p.send("Rektor\r").expect("one");
    p.expect("Respondent").expect("next");
    p.send(ENTER).expect("done");
    p.expect("beslut som ger oss utrymme")
        .expect("the statement");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("2, below the risk line of 2.5");
    p.expect("Mandat is below the risk line (2.0). Note it as a risk?")
        .expect("offered");
    p.send(UP).expect("key");
    p.send(ENTER).expect("yes");
    p.expect("empty line: cancel").expect("the risk's text");
    p.expect("Mandat ligger under risklinjen")
        .expect("offered as written");
    p.send(ENTER).expect("the text as offered");
    p.expect("Owner").expect("the owner");
    p.send(ENTER).expect("the facilitator");
    p.expect("Due (YYYY-MM-DD)").expect("the due day");
    p.send("2026-04-15\r").expect("due");
    let rest = to_end(&mut p);
    assert!(rest.contains("wrote the risk to the log"), "{rest:?}");
    let log = crate::support::dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let risk = doc["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["kind"] == "risk")
        .expect("the risk is in the log");
    assert_eq!(risk["owner"], "Anna Lind", "{risk}");
    assert_eq!(risk["due"], "2026-04-15", "{risk}");
    assert_eq!(risk["by"], "Anna Lind", "{risk}");
    assert!(
        risk["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Mandat ligger under risklinjen")),
        "{risk}"
    );
    let status = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["low_readiness_without_risk"],
        serde_json::json!([]),
        "{doc}"
    );
    crate::support::dino_in(&wb, &["check"]).code(0);
}

#[test]
fn a_ready_phase_goes_straight_to_the_gate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = straight_to_the_gate(&wb);
    p.expect("Facilitator").expect("people");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("none");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    p.send(ENTER).expect("go on");
    criteria_met(&mut p);
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Klart\r").expect("why");
    no_next_gate(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["workbooks"][0]["phases"][0]["gate"]["decision"], "go");
}

#[test]
fn without_colour_the_current_line_is_marked_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dino"));
    cmd.env("PATH", crate::support::path_with_dino());
    cmd.current_dir(dir.path())
        .args(["--lang", "en", "new", "Utan färg"])
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00");
    let mut p = Session::spawn(cmd).expect("dino starts in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p.expect("What kind of organisation")
        .expect("first question");
    p.expect("> Municipality")
        .expect("the current line is marked with >");
    p.send("\x03").expect("Ctrl-C");
    let rest = to_end(&mut p);
    assert!(!rest.contains("\x1b[3"), "no colour codes: {rest:?}");
}

#[test]
fn upgrade_at_a_terminal_asks_before_recording_and_asks_new_profile_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = crate::upgrade::workbook_on_a_copy(dir.path());
    crate::upgrade::change_the_pack(&dir.path().join("pack"));
    let mut p = session(&wb, &["--lang", "en", "upgrade"]);
    p.expect("~ start.problem").expect("the changes first");
    p.expect("Record skolpilot 0.2.0 in workbook.toml?")
        .expect("asked");
    p.send(ENTER).expect("yes");
    p.expect("Do we have partners?").expect("the new question");
    // A yes-or-no list with the pack's default, Yes, chosen: take No.
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("no");
    p.expect("recorded skolpilot 0.2.0 in workbook.toml; the log is unchanged")
        .expect("done");
    p.expect(expectrl::Eof).expect("ends");
    let file = std::fs::read_to_string(wb.join("workbook.toml")).expect("workbook.toml");
    assert!(file.contains("version = \"0.2.0\""), "{file}");
    assert!(file.contains("partners = false"), "{file}");
}

#[test]
fn a_phase_with_answers_from_two_branches_goes_through_its_items_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    // Two sessions that had not seen each other, with every requirement met.
    for (at, problem) in [("09:00", "Frånvaro"), ("10:00", "Trivsel")] {
        std::fs::write(
            wb.join("svar.toml"),
            format!("[answers]\nproblem = {problem:?}\nlosning = \"nej\"\ndataskydd = true\n"),
        )
        .expect("write");
        crate::support::dino_env(
            &wb,
            &["run", "start", "--answers", "svar.toml"],
            &[
                ("DINO_NOW", &format!("2026-03-02T{at}:00+01:00")),
                ("DINO_USER", "Anna Lind"),
            ],
        )
        .code(0);
    }
    for entry in std::fs::read_dir(wb.join("log")).expect("log").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let alone = as_if_seeing_nothing(&text);
        std::fs::write(entry.path(), alone).expect("write");
    }
    let mut p = run_session(&wb);
    p.expect("were answered differently on two branches")
        .expect("told");
    // Not offered the gate: straight on to the people and the items.
    p.expect("Facilitator").expect("the session starts");
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
}

/// The entry with `follows = []`, as if written without seeing the others.
fn as_if_seeing_nothing(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("follows = ") {
                "follows = []"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Opens the item menu from a list widget (Esc) and picks "New action".
fn new_action_from_menu(p: &mut Session) {
    settle(p);
    p.send("\x1b").expect("Esc");
    p.expect("What do you want to do?").expect("the menu");
    // Answer, Back (not on the first item, but in its place), Skip, Not
    // applicable, Help, Note, New action.
    for _ in 0..6 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("New action");
}

/// Types an action: its text, the owner chosen from the people (`down`
/// steps in the list), a due day that is no day first, then a real one.
fn type_action(p: &mut Session, text: &str, down: usize, due: &str) {
    p.expect("empty line: cancel").expect("the action's text");
    p.send(format!("{text}\r")).expect("text");
    p.expect("Owner").expect("the owner");
    for _ in 0..down {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("owner");
    p.expect("Due (YYYY-MM-DD)").expect("the due day");
    p.send("2026-02-30\r").expect("no day");
    p.expect("is not a date").expect("told, and asked again");
    // The rejected text stays in the line: clear it first.
    for _ in 0.."2026-02-30".len() {
        p.send("\x7f").expect("backspace");
    }
    p.send(format!("{due}\r")).expect("due");
}

/// The id of the entry in `log/` whose name has `what` in it.
fn entry_named(wb: &std::path::Path, what: &str) -> (String, String) {
    log_files(wb)
        .into_iter()
        .find(|(n, _)| n.contains(what) && !n.contains("gate-"))
        .expect("the entry")
}

#[test]
fn an_action_raised_from_the_item_menu_is_written_beside_the_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    new_action_from_menu(&mut p);
    // Omar Said, the participant, is second after the facilitator.
    type_action(&mut p, "Hämta elevhälsans siffror", 1, "2026-03-31");
    p.expect("The action is saved beside the item")
        .expect("saved");
    // Asked again: now answered.
    p.expect("Actions beside the item: 1").expect("shown");
    p.expect("Vilket problem").expect("the item again");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line input");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("No");
    p.expect("Dataskyddet").expect("third item");
    p.send(ENTER).expect("Done");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let (name, text) = entry_named(&wb, "start");
    let problem = text.find("<!-- item: problem -->").expect("problem");
    let action = text.find("<!-- action: 1 -->").expect("the action");
    let losning = text.find("<!-- item: losning -->").expect("losning");
    assert!(problem < action && action < losning, "{text}");
    assert!(text.contains("Elever hoppar av"), "{text}");
    assert!(text.contains("Omar Said"), "{text}");
    assert!(text.contains("2026-03-31"), "{text}");
    crate::support::dino_in(&wb, &["check"]).code(0);
    let id = name.trim_end_matches(".md").rsplit('-').next().expect("id");
    let due = crate::support::dino_env(
        &wb,
        &["--lang", "en", "due"],
        &[("DINO_NOW", "2026-03-20T09:00:00+01:00")],
    );
    due.code(0)
        .stdout_has("Hämta elevhälsans siffror")
        .stdout_has("Omar Said")
        .stdout_has(&format!("{id}-1"));
}

#[test]
fn ctrl_c_after_raising_an_action_keeps_it_and_the_resumed_run_writes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Vilket problem").expect("first item");
    new_action_from_menu(&mut p);
    type_action(&mut p, "Fråga elevhälsan", 0, "2026-04-01");
    p.expect("The action is saved beside the item")
        .expect("saved");
    p.expect("Vilket problem").expect("the item again");
    settle(&mut p);
    p.send("\x03").expect("Ctrl-C");
    let rest = to_end(&mut p);
    assert!(rest.contains("saved in the draft"), "told: {rest:?}");
    let draft = std::fs::read_to_string(wb.join(".dino/draft.md")).expect("the draft");
    assert!(draft.contains("Fråga elevhälsan"), "{draft}");

    let mut p = run_session(&wb);
    p.expect("Go on with it?").expect("offered");
    p.send(ENTER).expect("yes");
    // The item is still unanswered: asked, with its action shown.
    p.expect("Actions beside the item: 1").expect("kept");
    p.expect("Vilket problem").expect("first item");
    p.send(ENTER).expect("one line here, the first choice");
    p.expect("empty line: more").expect("line input");
    p.send("Elever hoppar av\r").expect("answer");
    p.expect("Vet vi hur").expect("second item");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("No");
    p.expect("Dataskyddet").expect("third item");
    p.send(ENTER).expect("Done");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let (_, text) = entry_named(&wb, "start");
    assert!(text.contains("Fråga elevhälsan"), "{text}");
    assert!(text.contains("Anna Lind"), "{text}");
    assert!(text.contains("<!-- action: 1 -->"), "{text}");
    assert!(!wb.join(".dino/draft.md").exists());
    crate::support::dino_in(&wb, &["check"]).code(0);
}

#[test]
fn a_recycle_at_the_terminal_asks_its_conditions_and_the_next_gate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = straight_to_the_gate(&wb);
    p.expect("Facilitator").expect("people");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send("Eva Ström\r").expect("name");
    p.expect("Role of Eva Ström").expect("role");
    p.send(ENTER).expect("no role");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("done");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("recycle");
    // A recycle may leave a criterion unrecorded: the first is not met,
    // the second left out (the last choice).
    p.expect("Criterion: Problemet")
        .expect("the first criterion");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("not met");
    p.expect("Criterion: Lärarna")
        .expect("the second criterion");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("leave unrecorded");
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Problemet är oklart\r").expect("why");
    p.expect("Set conditions for the decision?").expect("asked");
    p.send(ENTER).expect("yes");
    // Eva Ström is second; the facilitator first.
    type_action(&mut p, "Intervjua fem elever", 1, "2026-04-15");
    p.expect("Another condition?").expect("asked again");
    // No is the default once one is set.
    p.send(ENTER).expect("no");
    p.expect("Next gate").expect("the next gate");
    p.send("2026-13-01\r").expect("no day");
    p.expect("is not a date").expect("told");
    for _ in 0.."2026-13-01".len() {
        p.send("\x7f").expect("backspace");
    }
    p.send("2026-05-20\r").expect("a day");
    p.expect(expectrl::Eof).expect("ends");
    let (_, text) = log_files(&wb)
        .into_iter()
        .find(|(n, _)| n.contains("gate-start"))
        .expect("the gate");
    let decision = text.find("<!-- item: decision -->").expect("decision");
    let condition = text.find("<!-- action: 1 -->").expect("condition");
    let decided_by = text.find("<!-- item: decided_by -->").expect("decided_by");
    assert!(decision < condition && condition < decided_by, "{text}");
    assert!(text.contains("Eva Ström"), "{text}");
    assert!(text.contains("<!-- item: next_gate -->"), "{text}");
    assert!(text.contains("2026-05-20"), "{text}");
    crate::support::dino_in(&wb, &["check"]).code(0);
    let due = crate::support::dino_env(
        &wb,
        &["--lang", "en", "due"],
        &[("DINO_NOW", "2026-03-20T09:00:00+01:00")],
    );
    due.code(0)
        .stdout_has("Intervjua fem elever")
        .stdout_has("2026-05-20");
}

#[test]
fn a_go_defers_a_criterion_as_an_action_that_done_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    let mut p = straight_to_the_gate(&wb);
    p.expect("Facilitator").expect("people");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("none");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("the gate");
    p.send(ENTER).expect("go on");
    p.expect("Criterion: Problemet")
        .expect("the first criterion");
    p.send(ENTER).expect("met");
    p.expect("Criterion: Lärarna")
        .expect("the second criterion");
    // Not met is refused with a go, and the criterion asked again.
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("not met");
    p.expect("Going on needs the criterion met").expect("told");
    p.expect("Criterion: Lärarna").expect("asked again");
    p.send(DOWN).expect("key");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("deferred");
    // The criterion's own text is offered as the action's.
    p.expect("empty line: cancel").expect("the action's text");
    p.send(ENTER).expect("as offered");
    p.expect("Owner").expect("the owner");
    p.send(ENTER).expect("the facilitator");
    p.expect("Due (YYYY-MM-DD)").expect("the due day");
    p.send("2026-04-15\r").expect("due");
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Tiden ordnas\r").expect("why");
    no_next_gate(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let (name, text) = log_files(&wb)
        .into_iter()
        .find(|(n, _)| n.contains("gate-start"))
        .expect("the gate");
    assert!(
        text.contains("<!-- criterion: tid -->\n\n**Skjuts upp**\n\n> **Åtgärd:** Lärarna har fått tid avsatt för piloten. <!-- action: 1 -->"),
        "{text}"
    );
    let entry_id = name
        .trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("an id");
    let id = format!("{entry_id}-1");
    crate::support::dino_in(&wb, &["check"]).code(0);
    crate::support::dino_in(&wb, &["--lang", "en", "due"])
        .code(0)
        .stdout_has("criterion")
        .stdout_has(&id);
    crate::support::pinned(&wb, &["done", &id, "Schemat är lagt"]).code(0);
    crate::support::dino_in(&wb, &["--lang", "en", "due"])
        .code(0)
        .stdout_lacks(&id);
}

#[test]
fn an_indicator_and_a_measurement_are_asked_field_by_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    std::fs::write(
        wb.join("start.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\ndataskydd = true\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"Klart.\"\n[gate.criteria]\nbehovsagare = \"met\"\ntid = \"met\"\n",
    )
    .expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Var testade vi?").expect("kanaler");
    p.send(ENTER).expect("none");
    p.expect("Hur stor nytta").expect("nytta");
    p.send(ENTER).expect("1");
    p.expect("Hur många deltog?").expect("deltagare");
    p.send("12\r").expect("12");
    p.expect("När var testet klart?").expect("klart");
    p.send("2026-05-01\r").expect("day");
    p.expect("Vilket mått").expect("the indicator");
    p.expect("Indicator").expect("its name");
    p.send("Väntetid | *dagar*\r").expect("name");
    // The unit the pack offers is kept with Enter.
    p.expect("Unit").expect("unit");
    p.send(ENTER).expect("dagar");
    p.expect("Baseline").expect("baseline");
    // A value that is no number is refused where it is typed.
    p.send("många\r").expect("wrong");
    p.expect("write a number").expect("refused");
    p.send("\x15120\r").expect("baseline");
    p.expect("Measured").expect("baseline day");
    p.send("2026-03-01\r").expect("day");
    p.expect("Source").expect("source");
    p.send("Ärendesystemet\r").expect("source");
    p.expect("Target").expect("target");
    p.send("60\r").expect("target");
    p.expect("Target date").expect("target day");
    p.send("2027-06-30\r").expect("day");
    p.expect("Owner").expect("owner");
    p.send("Karin Lindqvist\r").expect("owner");
    p.expect("När mäter vi").expect("uppfoljning");
    p.send("2026-09-01\r").expect("day");
    p.expect("Vad visar mätningen?").expect("the measurement");
    p.expect("Value").expect("value");
    p.send("95,5\r").expect("value");
    p.expect("Measured").expect("day");
    p.send("2026-09-01\r").expect("day");
    p.expect("Source").expect("source");
    p.send(ENTER).expect("none");
    // A day after the session's (2026-03-02) is refused, and it is asked
    // again.
    p.expect("a measurement cannot be dated in the future: 2026-09-01 is after 2026-03-02")
        .expect("refused");
    p.expect("Value").expect("value");
    p.send("95,5\r").expect("value");
    p.expect("Measured").expect("day");
    p.send("2026-03-02\r").expect("day");
    p.expect("Source").expect("source");
    p.send(ENTER).expect("none");
    profile_holds(&mut p);
    p.expect("What do you decide?").expect("gate");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    p.expect(expectrl::Eof).expect("ends");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let answers = &doc["workbooks"][0]["answers"];
    let indicator = &answers["test.effekt"]["indicator"];
    assert_eq!(indicator["name"], "Väntetid | *dagar*", "{}", run.stdout);
    assert_eq!(indicator["unit"], "dagar");
    assert_eq!(indicator["baseline"], 120.0);
    assert_eq!(indicator["owner"], "Karin Lindqvist");
    let measured = &answers["test.matning"]["measurement"];
    assert_eq!(measured["value"], 95.5);
    assert_eq!(measured["source"], serde_json::Value::Null);
}

/// A profile question's help, opened from its list at a terminal of
/// `cols` × `rows`: shown, then the question asked again.
#[cfg(unix)]
fn profile_help_at(cols: u16, rows: u16) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = session(dir.path(), &["--lang", "en", "new", "Hjälp prov"]);
    p.get_process_mut()
        .set_window_size(cols, rows)
        .expect("window size");
    p.expect("What kind of organisation")
        .expect("first question");
    p.expect("Show the help")
        .expect("offered beside the answers");
    // Up from the first answer wraps round to the last entry, the help.
    p.send(UP).expect("key");
    p.send(ENTER).expect("key");
    p.expect("Choose the organisation that owns the project")
        .expect("the help");
    p.expect("What kind of organisation").expect("asked again");
    p.send(ENTER).expect("key");
    p.expect("Who decides").expect("second question");
    p.send(ENTER).expect("key");
    p.expect("buying services").expect("third question");
    p.send(ENTER).expect("key");
    p.expect("personal data").expect("fourth question");
    // A yes-or-no question offers its help too, after Yes and No.
    p.send(UP).expect("key");
    p.send(ENTER).expect("key");
    p.expect("The answer is nearly always yes")
        .expect("the help");
    p.expect("personal data").expect("asked again");
    p.send(ENTER).expect("key");
    p.expect("funded").expect("fifth question");
    p.send(ENTER).expect("key");
    p.expect("partners do you expect").expect("sixth question");
    p.send(ENTER).expect("key");
    p.expect("Start the first phase now?").expect("offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("no");
    p.expect("Next: `cd hjalp-prov` and `dino run`")
        .expect("done");
    let file = std::fs::read_to_string(dir.path().join("hjalp-prov/workbook.toml"))
        .expect("workbook.toml");
    assert!(file.contains("org_kind = \"municipality\""), "{file}");
    assert!(file.contains("personal_data = true"), "{file}");
}

#[cfg(unix)]
#[test]
fn a_profile_questions_help_opens_from_its_list_at_80_by_24() {
    profile_help_at(80, 24);
}

#[cfg(unix)]
#[test]
fn a_profile_questions_help_opens_from_its_list_at_120_by_40() {
    profile_help_at(120, 40);
}

/// A session of `start` with its first item answered (by an answers file)
/// and two items open, run again with `--open` in a window of
/// `cols`×`rows`: only the two open items are asked, and the entry
/// written records only them.
fn only_the_open_items_at(cols: u16, rows: u16) {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    std::fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"Frånvaro\"\n").expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let before: Vec<String> = log_files(&wb).into_iter().map(|(n, _)| n).collect();
    let mut p = session(&wb, &["--lang", "en", "run", "start", "--open"]);
    p.get_process_mut()
        .set_window_size(cols, rows)
        .expect("window size");
    people(&mut p);
    let found = p.expect("Vet vi hur").expect("the first open item");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Vilket problem"), "asked: {shown:?}");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("No");
    let found = p.expect("Dataskyddet").expect("the second open item");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Vilket problem"), "asked: {shown:?}");
    p.send(ENTER).expect("Done");
    profile_holds(&mut p);
    let found = p.expect("What do you decide?").expect("gate");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Vilket problem"), "asked: {shown:?}");
    for _ in 0..4 {
        p.send(DOWN).expect("key");
    }
    p.send(ENTER).expect("decide later");
    decline_readiness(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    let written: Vec<(String, String)> = log_files(&wb)
        .into_iter()
        .filter(|(n, _)| !before.contains(n))
        .collect();
    assert_eq!(written.len(), 1, "one entry: {written:?}");
    let entry = &written[0].1;
    assert!(entry.contains("Vet vi hur"), "{entry}");
    assert!(entry.contains("Dataskyddet"), "{entry}");
    assert!(!entry.contains("Vilket problem"), "{entry}");
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["answers"]["start.problem"]["value"], "Frånvaro");
    assert_eq!(w["phases"][0]["gate"]["state"], "ready");
}

#[cfg(unix)]
#[test]
fn run_open_asks_only_the_open_items_at_80_by_24() {
    only_the_open_items_at(80, 24);
}

#[cfg(unix)]
#[test]
fn run_open_asks_only_the_open_items_at_120_by_40() {
    only_the_open_items_at(120, 40);
}

#[test]
fn a_phase_with_answers_offers_only_its_open_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    std::fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"Frånvaro\"\n").expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let mut p = run_session(&wb);
    p.expect("Which items do you go through?").expect("offered");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("only the open items");
    people(&mut p);
    let found = p.expect("Vet vi hur").expect("the first open item");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Vilket problem"), "asked: {shown:?}");
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
}

#[test]
fn a_resumed_run_goes_on_after_the_last_item_answered_not_at_one_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    std::fs::write(
        wb.join("start.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\ndataskydd = true\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"Klart.\"\n[gate.criteria]\nbehovsagare = \"met\"\ntid = \"met\"\n",
    )
    .expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    let mut p = run_session(&wb);
    people(&mut p);
    p.expect("Var testade vi?").expect("item 1");
    p.send(ENTER).expect("none");
    p.expect("Hur stor nytta").expect("item 2");
    // Esc opens the menu; "Skip" is third, after "Back".
    p.send("\x1b").expect("Esc");
    p.expect("What do you want to do?").expect("menu");
    p.send(DOWN).expect("key");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("skip");
    p.expect("Hur många deltog?").expect("item 3");
    p.send("12\r").expect("12");
    p.expect("När var testet klart?").expect("item 4");
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
    assert!(wb.join(".dino/draft.md").is_file());

    let mut p = run_session(&wb);
    p.expect("Go on with it?").expect("offered");
    p.send(ENTER).expect("yes");
    let found = p.expect("När var testet klart?").expect("item 4");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Hur stor nytta"), "asked first: {shown:?}");
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
    let draft = std::fs::read_to_string(wb.join(".dino/draft.md")).expect("draft kept");
    assert!(draft.contains("12"), "{draft}");
}

#[test]
fn run_open_with_nothing_open_says_so_and_offers_the_gate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path());
    std::fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\ndataskydd = true\n",
    )
    .expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let mut p = session(&wb, &["--lang", "en", "run", "start", "--open"]);
    p.expect("No item of the phase is open.").expect("told");
    p.expect("Facilitator").expect("who decides");
    p.send(ENTER).expect("key");
    p.expect("Participant").expect("participant");
    p.send(ENTER).expect("none");
    profile_holds(&mut p);
    let found = p.expect("What do you decide?").expect("the gate");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(!shown.contains("Vilket problem"), "asked: {shown:?}");
    p.send("\x03").expect("Ctrl-C");
    p.expect(expectrl::Eof).expect("ends");
}
