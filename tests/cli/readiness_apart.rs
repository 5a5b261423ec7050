//! The readiness assessment answered apart: each person alone with
//! `dino run readiness --respondent NAME` (in their own clone, merged
//! through git; nobody sees the others' answers), or in turn at one
//! terminal with the screen cleared and handed over between them; the
//! answers compared by respondent and by role in `dino status` and
//! `dino report`, with the spread said in words; respondents registered
//! and not begun kept over Ctrl-C and a resume, with a true hint.

use std::path::{Path, PathBuf};

use crate::screen::{SIZES, Screen, keys};
use crate::support::{dino_in, git, skolpilot};

/// The one statement of the example pack's readiness assessment.
const STATEMENT: &str = "beslut som ger oss utrymme";

/// Picks `score` (1–5) on the scale shown, starting at 1.
fn score(screen: &mut Screen, score: usize) {
    screen.wait_for(STATEMENT);
    for _ in 1..score {
        screen.send(keys::DOWN);
    }
    screen.send(keys::ENTER);
}

/// The environment of one person at their machine, on `day`.
fn person(name: &str, day: &str) -> Vec<(String, String)> {
    vec![
        ("DINO_NOW".into(), format!("{day}T09:15:00+01:00")),
        ("DINO_USER".into(), name.into()),
        ("GIT_AUTHOR_NAME".into(), name.into()),
        ("GIT_AUTHOR_EMAIL".into(), "x@example.org".into()),
        ("GIT_COMMITTER_NAME".into(), name.into()),
        ("GIT_COMMITTER_EMAIL".into(), "x@example.org".into()),
    ]
}

/// `name` answers alone in `wb` on `day` as `role`, scoring `points`, at a
/// terminal of `size`; returns the screen as it was at the end.
fn answer_alone(
    wb: &Path,
    name: &str,
    role: &str,
    day: &str,
    points: usize,
    size: (u16, u16),
) -> String {
    let env = person(name, day);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let args = [
        "--lang",
        "en",
        "run",
        "readiness",
        "--respondent",
        name,
        "--commit",
    ];
    let mut screen = Screen::spawn(wb, &args, size, &env);
    screen.wait_for("Your role in the project");
    screen.send(&format!("{role}\r"));
    score(&mut screen, points);
    screen.wait_for("`dino report` show the answers compared");
    let shown = screen.contents();
    assert_eq!(screen.exit_code(), 0);
    shown
}

/// A workbook on the example pack in a git repository of its own.
fn workbook_in_git(dir: &Path) -> PathBuf {
    let wb = skolpilot(dir, false);
    if !wb.join(".git").exists() {
        git(&wb, &["init", "--quiet", "-b", "main"]);
    }
    git(&wb, &["add", "-A"]);
    git(&wb, &["commit", "--quiet", "-m", "start", "--allow-empty"]);
    wb
}

#[test]
fn three_respondents_alone_in_their_own_clones_are_compared_by_respondent_and_role() {
    let dir = tempfile::tempdir().expect("temp dir");
    let eva = answered_in_three_clones(dir.path());
    status_compares(&eva);
    report_compares(&eva);
}

/// Eva, Karim and Anna each answer alone in a clone of their own, on
/// three days, and push through a bare hub; returns Eva's clone, pulled.
fn answered_in_three_clones(dir: &Path) -> PathBuf {
    let wb = workbook_in_git(dir);
    let hub = dir.join("hub.git");
    git(
        dir,
        &[
            "clone",
            "--quiet",
            "--bare",
            wb.to_str().expect("UTF-8"),
            "hub.git",
        ],
    );
    let hub = hub.to_str().expect("UTF-8");
    let people = [
        ("Eva", "Rektor", "2026-03-02", 2, SIZES[0]),
        ("Karim", "Lärare", "2026-03-05", 4, SIZES[1]),
        ("Anna", "Lärare", "2026-03-12", 5, SIZES[0]),
    ];
    // Each clones before anyone has answered: no coordination.
    let clones: Vec<PathBuf> = people
        .iter()
        .map(|(name, ..)| {
            git(dir, &["clone", "--quiet", hub, name]);
            dir.join(name)
        })
        .collect();
    for ((name, role, day, points, size), clone) in people.iter().zip(&clones) {
        let shown = answer_alone(clone, name, role, day, *points, *size);
        assert!(shown.contains(&format!("Your answers, {name}:")), "{shown}");
        for (other, other_role, ..) in people.iter().filter(|p| p.0 != *name) {
            assert!(
                !shown.contains(other),
                "{other} is not on {name}'s screen:\n{shown}"
            );
            if other_role != role {
                assert!(!shown.contains(other_role), "{shown}");
            }
        }
        git(
            clone,
            &[
                "pull",
                "--quiet",
                "--no-rebase",
                "--no-edit",
                "origin",
                "main",
            ],
        );
        git(clone, &["push", "--quiet", "origin", "HEAD:main"]);
    }
    let eva = clones[0].clone();
    git(
        &eva,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    let entries: Vec<_> = std::fs::read_dir(eva.join("log"))
        .expect("log")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("readiness"))
        .collect();
    assert_eq!(entries.len(), 3, "one entry per person");
    for entry in &entries {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        assert!(text.contains("\nalone = true\n"), "{text}");
        assert!(text.contains("<!-- respondent -->"), "{text}");
    }
    dino_in(&eva, &["check"]).code(0);
    eva
}

/// `dino status` compares the three by respondent and by role, and says
/// what the spread is.
fn status_compares(eva: &Path) {
    let status = dino_in(eva, &["--lang", "en", "status"]);
    status.code(0);
    let out = &status.stdout;
    assert!(
        out.contains("Readiness · 2026-03-02: 3 respondents, each alone"),
        "{out}"
    );
    assert!(out.contains("Dimension / respondent"), "{out}");
    assert!(out.contains("Eva (Rektor)"), "{out}");
    assert!(out.contains("Karim (Lärare)"), "{out}");
    assert!(out.contains("2.0 (lowest)"), "Eva's 2 is the lowest: {out}");
    assert!(out.contains("Dimension / role"), "{out}");
    assert!(out.contains("4.5"), "the teachers' 4 and 5 together: {out}");
    assert!(
        out.contains("Spread is the distance between the highest and the lowest respondent"),
        "{out}"
    );
    assert!(
        out.contains("talk about it before you act on the mean"),
        "{out}"
    );
}

/// `dino report` compares them too, in Markdown, JSON and HTML.
fn report_compares(eva: &Path) {
    let report = dino_in(eva, &["--lang", "en", "report"]);
    report.code(0);
    let md = &report.stdout;
    assert!(
        md.contains("| Dimension / respondent | Eva (Rektor) | Karim (Lärare) | Anna (Lärare) |"),
        "{md}"
    );
    assert!(
        md.contains("| Mandate | 2.0 (lowest) | 4.0 | 5.0 |"),
        "{md}"
    );
    assert!(
        md.contains("| Dimension / role | Rektor | Lärare |"),
        "{md}"
    );
    assert!(md.contains("| Mandate | 2.0 (lowest) | 4.5 |"), "{md}");
    assert!(
        md.contains("A large spread means you see the situation differently"),
        "{md}"
    );
    assert!(
        md.contains("| Mandate | 3.7 | 3.0 |"),
        "mean 11/3, spread 5 − 2: {md}"
    );

    let json = dino_in(eva, &["report", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let rd = &doc["workbooks"][0]["readiness"];
    assert_eq!(rd["assessments"], 1, "{rd}");
    assert_eq!(rd["respondents"][0]["name"], "Eva", "{rd}");
    assert_eq!(rd["respondents"][0]["lowest"][0], true, "{rd}");
    assert_eq!(rd["roles"][1]["name"], "Lärare", "{rd}");
    assert_eq!(rd["roles"][1]["of"], "Karim, Anna", "{rd}");

    let html = dino_in(eva, &["--lang", "en", "report", "--format", "html"]);
    assert!(
        html.stdout.contains("\">By respondent</caption>"),
        "{}",
        html.stdout
    );
}

#[test]
fn a_respondent_alone_sees_only_their_own_answers() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = skolpilot(dir.path(), false);
        answer_alone(&wb, "Eva Ström", "Rektor", "2026-03-02", 1, size);
        let env = person("Karim", "2026-03-03");
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let args = ["--lang", "en", "run", "readiness", "--respondent", "Karim"];
        let mut screen = Screen::spawn(&wb, &args, size, &env);
        screen.wait_for("Your role in the project, Karim");
        let asked = screen.contents();
        screen.send("\r");
        score(&mut screen, 4);
        screen.wait_for("`dino report` show the answers compared");
        let shown = screen.contents();
        for screen_text in [&asked, &shown] {
            assert!(!screen_text.contains("Eva"), "{screen_text}");
            assert!(!screen_text.contains("Rektor"), "{screen_text}");
            assert!(
                !screen_text.contains("spread"),
                "no comparison: {screen_text}"
            );
        }
        assert!(shown.contains("Your answers, Karim:"), "{shown}");
        assert!(shown.contains("4 av 5"), "their own answer: {shown}");
        assert!(shown.contains("`dino status`"), "{shown}");
        assert!(
            screen
                .rows()
                .iter()
                .all(|r| r.chars().count() <= usize::from(size.0)),
            "{shown}"
        );
        assert_eq!(screen.exit_code(), 0);
        let status = dino_in(&wb, &["--lang", "en", "status"]);
        assert!(
            status.stdout.contains("2 respondents, each alone"),
            "{}",
            status.stdout
        );
    }
}

#[test]
fn in_turn_the_screen_holds_nothing_of_the_one_before() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = skolpilot(dir.path(), false);
        let mut screen = Screen::spawn(&wb, &["--lang", "en", "run", "readiness"], size, &[]);
        register(&mut screen, &["Rektor", "Lärare"]);
        screen.wait_for("Answering now: Rektor");
        score(&mut screen, 4);
        screen.wait_for("Hand over to Lärare, press Enter when ready");
        let handing = screen.contents();
        assert!(!handing.contains("Rektor"), "{handing}");
        assert!(!handing.contains("4 av 5"), "{handing}");
        assert!(!handing.contains(STATEMENT), "{handing}");
        screen.send(keys::ENTER);
        screen.wait_for("Answering now: Lärare");
        screen.wait_for(STATEMENT);
        let second = screen.contents();
        assert!(!second.contains("Rektor"), "{second}");
        assert!(!second.contains("Hand over"), "cleared again: {second}");
        screen.send(keys::DOWN).send(keys::ENTER);
        screen.wait_for("spread 2.0");
        assert!(
            screen
                .rows()
                .iter()
                .all(|r| r.chars().count() <= usize::from(size.0)),
            "{}",
            screen.contents()
        );
        // Mandat at 3.0 is no risk; nothing more is asked.
        assert_eq!(screen.exit_code(), 0);
    }
}

/// Takes the facilitator and participants as offered, then registers
/// `respondents`.
fn register(screen: &mut Screen, respondents: &[&str]) {
    screen.wait_for("Facilitator");
    screen.send(keys::ENTER);
    screen.wait_for("Participant");
    screen.send(keys::ENTER);
    screen.wait_for("Who answers?");
    for name in respondents {
        screen.wait_for("Respondent");
        screen.send(&format!("{name}\r"));
    }
    screen.wait_for("Respondent");
    screen.send(keys::ENTER);
}

#[test]
fn respondents_registered_and_not_begun_are_kept_over_ctrl_c_and_the_hint_is_true() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = skolpilot(dir.path(), false);
        let mut screen = Screen::spawn(&wb, &["--lang", "en", "run", "readiness"], size, &[]);
        register(&mut screen, &["Rektor", "Lärare", "Elevhälsa"]);
        score(&mut screen, 3);
        screen.wait_for("Hand over to Lärare");
        screen.send(keys::ENTER);
        screen.wait_for(STATEMENT);
        screen.send(keys::CTRL_C);
        screen.wait_for("Interrupted.");
        screen.settle();
        let said = screen.contents();
        assert!(
            said.contains("`dino run readiness` goes on with the assessment where you stopped"),
            "{said}"
        );
        assert!(!said.contains("gate"), "no gate here: {said}");
        assert_eq!(screen.exit_code(), 130);

        let mut screen = Screen::spawn(&wb, &["--lang", "en", "run", "readiness"], size, &[]);
        screen.wait_for("stopped with 1 answers. Go on with it?");
        screen.send(keys::ENTER);
        screen.wait_for("Who answers?");
        screen.wait_for("Respondent");
        let listed = screen.contents();
        for name in ["Rektor", "Lärare", "Elevhälsa"] {
            assert!(
                listed.contains(&format!("• {name}")),
                "{name} is still in: {listed}"
            );
        }
        screen.send(keys::ENTER);
        // Rektor answered every statement already and is not asked again.
        screen.wait_for("Answering now: Lärare");
        score(&mut screen, 5);
        screen.wait_for("Hand over to Elevhälsa");
        screen.send(keys::ENTER);
        screen.wait_for("Answering now: Elevhälsa");
        score(&mut screen, 4);
        screen.wait_for("spread 2.0");
        assert_eq!(screen.exit_code(), 0);
        let log = dino_in(&wb, &["log", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
        let records = doc["entries"][0]["records"]
            .as_array()
            .expect("records")
            .clone();
        let who: Vec<&str> = records
            .iter()
            .filter_map(|r| r["respondent"].as_str())
            .collect();
        assert_eq!(who, ["Rektor", "Lärare", "Elevhälsa"]);
        assert!(!wb.join(".dino/readiness-respondents.txt").exists());
    }
}

/// A workbook on the example pack with a second statement in its
/// readiness assessment, so that one can stop between the two.
fn two_statements(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    crate::support::copy_dir(
        &crate::support::root().join("examples/packs/skolpilot"),
        &pack,
    );
    let toml = std::fs::read_to_string(pack.join("pack.toml")).expect("read");
    let second = "  { id = \"tid\", text = { sv = \"Vi har tid avsatt.\", en = \"We have time set aside.\" } },\n]";
    let toml = toml.replacen(
        "\n]\n\n[diagnostic]",
        &format!("\n{second}\n\n[diagnostic]"),
        1,
    );
    std::fs::write(pack.join("pack.toml"), toml).expect("write");
    let pack = pack.to_str().expect("UTF-8");
    crate::support::pinned(dir, &["new", "Prov", "--pack", pack, "--no-input"]).code(0);
    dir.join("prov")
}

#[test]
fn one_alone_goes_on_with_their_own_draft_and_no_one_else_takes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = two_statements(dir.path());
    let args = ["--lang", "en", "run", "readiness", "--respondent", "Eva"];
    let mut screen = Screen::spawn(&wb, &args, SIZES[0], &[]);
    screen.wait_for("Your role in the project");
    screen.send("Rektor\r");
    score(&mut screen, 2);
    screen.wait_for("Vi har tid avsatt");
    screen.send(keys::CTRL_C);
    screen.wait_for("`dino run readiness` goes on with the assessment");
    assert_eq!(screen.exit_code(), 130);
    assert!(wb.join(".dino/draft.md").exists());

    let other = ["--lang", "en", "run", "readiness", "--respondent", "Karim"];
    let mut screen = Screen::spawn(&wb, &other, SIZES[1], &[]);
    screen.wait_for("not yours");
    screen.settle();
    let said = screen.contents();
    assert!(!said.contains("2 av 5"), "nothing of Eva's answers: {said}");
    assert!(said.contains("--respondent \"Eva\""), "{said}");
    assert_eq!(screen.exit_code(), 1);

    let mut screen = Screen::spawn(&wb, &args, SIZES[1], &[]);
    screen.wait_for("Eva's own answers to the readiness assessment");
    screen.send(keys::ENTER);
    screen.wait_for("Vi har tid avsatt");
    screen.send(keys::ENTER);
    screen.wait_for("Your answers, Eva:");
    assert_eq!(screen.exit_code(), 0);
    let log = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let records = doc["entries"][0]["records"]
        .as_array()
        .expect("records")
        .clone();
    assert_eq!(records.len(), 2, "{records:?}");
    assert!(
        records.iter().all(|r| r["respondent"] == "Eva"),
        "{records:?}"
    );
}

#[test]
fn respondent_needs_a_terminal_and_the_readiness_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path(), false);
    let run = dino_in(
        &wb,
        &["--lang", "en", "run", "readiness", "--respondent", "Eva"],
    );
    run.code(1)
        .stderr_has(
            "--respondent lets one person answer the readiness assessment alone at a terminal",
        )
        .stderr_has("dino run readiness --respondent \"Eva\"");
    let run = dino_in(
        &wb,
        &["--lang", "en", "run", "start", "--respondent", "Eva"],
    );
    run.code(1)
        .stderr_has("--respondent is for the readiness assessment, not the phase start");
    let run = dino_in(
        &wb,
        &[
            "run",
            "readiness",
            "--respondent",
            "Eva",
            "--answers",
            "x.toml",
        ],
    );
    run.code(2);
    assert!(!wb.join(".dino/draft.md").exists());
}
