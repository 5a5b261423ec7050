//! `dino roster`: the people carried from the log, corrected, added and
//! removed by entries of their own; redaction that honours a correction; a
//! merge of two branches' changes; and the roster offered at a terminal.

use std::path::{Path, PathBuf};

use crate::screen::{SIZES, Screen, keys};
use crate::support::{dino_in, git, pinned, skolpilot};

/// The name as it was typed at the session: a name and a role in one.
const TYPED: &str = "Amina Hassan, enhetschef Komvux";

/// A workbook whose first session (an answers file) had Karim Haddad and
/// Eva Ström, and `typed` as it was typed: the comma split undone in the
/// entry, as an older dino wrote it.
fn first_session(dir: &Path) -> PathBuf {
    let wb = skolpilot(dir, false);
    std::fs::write(
        wb.join("svar.toml"),
        "facilitator = \"Anna Lind\"\n\
         participants = [\n\
           { name = \"Karim Haddad\", role = \"Vägledare\" },\n\
           { name = \"Eva Ström\", role = \"Enhetschef\" },\n\
           { name = \"Amina Hassan\", role = \"enhetschef Komvux\" },\n\
         ]\n\
         [answers]\nproblem = \"Komvux har långa köer; Amina Hassan vet varför.\"\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let entry = session_entries(&wb).pop().expect("a session entry");
    let text = std::fs::read_to_string(&entry).expect("read");
    let undone = text.replace(
        "{ name = \"Amina Hassan\", role = \"enhetschef Komvux\" }",
        &format!("{{ name = \"{TYPED}\" }}"),
    );
    assert_ne!(text, undone, "{text}");
    std::fs::write(&entry, undone).expect("write");
    wb
}

/// The session entries in `log/`, by name.
fn session_entries(wb: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("-start-"))
        .collect();
    files.sort();
    files
}

/// The `roster` entries in `log/`, their text.
fn roster_entries(wb: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("-roster-"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("read"))
        .collect()
}

fn roster_json(wb: &Path) -> serde_json::Value {
    let run = dino_in(wb, &["roster", "--format", "json"]);
    run.code(0);
    serde_json::from_str(&run.stdout).expect("JSON")
}

fn names(doc: &serde_json::Value, key: &str) -> Vec<String> {
    doc[key]
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| p["name"].as_str().expect("a name").to_string())
        .collect()
}

#[test]
fn the_roster_lists_everyone_with_their_role_and_where_last_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    let run = dino_in(&wb, &["--lang", "en", "roster"]);
    run.code(0)
        .stdout_has("Karim Haddad")
        .stdout_has("Vägledare")
        .stdout_has(TYPED)
        .stdout_has("2026-03-02 · Session");
    let doc = roster_json(&wb);
    assert_eq!(doc["schema"], 1);
    assert_eq!(
        names(&doc, "people"),
        ["Anna Lind", "Karim Haddad", "Eva Ström", TYPED]
    );
    assert_eq!(doc["people"][1]["role"], "Vägledare");
    assert_eq!(doc["people"][1]["last_seen"]["kind"], "session");
    assert_eq!(
        doc["people"][1]["last_seen"]["date"],
        "2026-03-02T09:15:00+01:00"
    );
}

#[test]
fn a_correction_is_an_entry_of_its_own_and_the_roster_reads_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    let before = std::fs::read_to_string(session_entries(&wb)[0].clone()).expect("read");
    pinned(
        &wb,
        &[
            "roster",
            "fix",
            TYPED,
            "--name",
            "Amina Hassan",
            "--role",
            "enhetschef Komvux",
            "--reason",
            "Namn och roll skrevs ihop",
        ],
    )
    .code(0);
    let written = roster_entries(&wb);
    assert_eq!(written.len(), 1);
    let entry = &written[0];
    for line in [
        "kind = \"roster\"",
        "author = \"Anna Lind\"",
        "change = \"correct\"",
        "name = \"Amina Hassan\"",
        "role = \"enhetschef Komvux\"",
        &format!("was = \"{TYPED}\""),
        "# Deltagare",
        "Namn och roll skrevs ihop",
    ] {
        assert!(entry.contains(line), "{line}\n{entry}");
    }
    // The session's entry stays as it was written.
    let after = std::fs::read_to_string(session_entries(&wb)[0].clone()).expect("read");
    assert_eq!(before, after);
    let doc = roster_json(&wb);
    assert_eq!(
        names(&doc, "people"),
        ["Anna Lind", "Karim Haddad", "Eva Ström", "Amina Hassan"]
    );
    assert_eq!(doc["people"][3]["role"], "enhetschef Komvux");
    assert_eq!(doc["corrections"][0]["was"], TYPED);
    dino_in(&wb, &["check"]).code(0);
    // The Swedish name of the subcommand does the same; nothing left to fix.
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "roster",
            "rätta",
            TYPED,
            "--name",
            "Amina Hassan",
        ],
    )
    .code(1)
    .stderr_has("already reads as “Amina Hassan”")
    .stderr_has("nothing was written");
    assert_eq!(roster_entries(&wb).len(), 1);
}

#[test]
fn add_and_remove_change_who_is_offered_and_keep_the_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    pinned(&wb, &["roster", "add", "Leila Berg", "--role", "Rektor"]).code(0);
    pinned(&wb, &["roster", "ta-bort", "eva ström"]).code(0);
    let doc = roster_json(&wb);
    assert_eq!(
        names(&doc, "people"),
        ["Anna Lind", "Karim Haddad", TYPED, "Leila Berg"]
    );
    assert_eq!(names(&doc, "removed"), ["Eva Ström"]);
    assert_eq!(doc["people"][3]["last_seen"]["kind"], "roster");
    let written = roster_entries(&wb).join("\n");
    assert!(written.contains("change = \"add\""), "{written}");
    assert!(
        written.contains("change = \"remove\"\nname = \"Eva Ström\""),
        "{written}"
    );
    // The session that had her still has her.
    let session = std::fs::read_to_string(session_entries(&wb)[0].clone()).expect("read");
    assert!(session.contains("Eva Ström"));
    pinned(&wb, &["--lang", "en", "roster", "add", "Leila Berg"])
        .code(1)
        .stderr_has("Leila Berg is on the roster already");
}

#[test]
fn a_name_nobody_has_is_refused_with_the_closest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "roster",
            "fix",
            "Karim Hadad",
            "--role",
            "x",
        ],
    )
    .code(1)
    .stderr_has("nobody on the roster is called “Karim Hadad”; did you mean “Karim Haddad”?")
    .stderr_has("nothing was written");
    pinned(&wb, &["--lang", "en", "roster", "remove", "Nobody Atall"])
        .code(1)
        .stderr_has("nobody on the roster is called “Nobody Atall”");
    pinned(&wb, &["--lang", "en", "roster", "add", "  "])
        .code(1)
        .stderr_has("empty");
    assert!(roster_entries(&wb).is_empty());
}

#[test]
fn a_roster_entry_with_a_bad_key_is_a_finding_at_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    let bad = "+++\nkind = \"roster\"\ndate = 2026-03-03T10:00:00+01:00\nauthor = \"Anna Lind\"\n\
               change = \"correct\"\nname = \"Amina Hassan\"\n+++\n# Deltagare\n\nx\n";
    std::fs::write(wb.join("log/2026-03-03-1000-roster-aaaaaa.md"), bad).expect("write");
    let odd = "+++\nkind = \"roster\"\ndate = 2026-03-03T11:00:00+01:00\nauthor = \"Anna Lind\"\n\
               change = \"rename\"\nname = \"Amina Hassan\"\n+++\n# Deltagare\n\nx\n";
    std::fs::write(wb.join("log/2026-03-03-1100-roster-bbbbbb.md"), odd).expect("write");
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    assert_ne!(run.code, 0, "{}", run.stdout);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("log/2026-03-03-1000-roster-aaaaaa.md:5:10")
            && all.contains("missing key `was`"),
        "{all}"
    );
    assert!(
        all.contains("log/2026-03-03-1100-roster-bbbbbb.md:5:10")
            && all.contains("unknown `change` `rename`"),
        "{all}"
    );
}

#[test]
fn redaction_honours_a_correction_and_leaves_the_role_words_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    pinned(
        &wb,
        &[
            "note",
            "insight",
            &format!("{TYPED} sa: Komvux behöver fler lärare."),
        ],
    )
    .code(0);
    let check = |wb: &Path| {
        let run = dino_in(wb, &["report", "--redact"]);
        run.code(0)
            .stdout_lacks("Amina")
            .stdout_lacks("Hassan")
            .stdout_has("Komvux har långa köer")
            .stdout_has("Komvux behöver fler lärare");
        run.stdout
    };
    // Read as a name and its role even before it is corrected.
    let before = check(&wb);
    assert!(before.contains("\\[enhetschef Komvux\\]"), "{before}");
    pinned(
        &wb,
        &[
            "roster",
            "fix",
            TYPED,
            "--name",
            "Amina Hassan",
            "--role",
            "Rektor Komvux",
        ],
    )
    .code(0);
    let after = check(&wb);
    assert!(after.contains("\\[Rektor Komvux\\] sa:"), "{after}");
    assert!(after.contains("\\[Rektor Komvux\\] vet varför"), "{after}");
}

#[test]
fn commit_commits_the_roster_entry_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    git(&wb, &["init", "-q", "-b", "main"]);
    git(&wb, &["add", "-A"]);
    git(&wb, &["commit", "-qm", "start"]);
    std::fs::write(wb.join("other.txt"), "not dino's").expect("write");
    pinned(&wb, &["roster", "add", "Leila Berg", "--commit"]).code(0);
    let shown = git(&wb, &["show", "--stat", "--format=%s", "HEAD"]);
    assert!(shown.contains("-roster-"), "{shown}");
    assert!(!shown.contains("other.txt"), "{shown}");
    let status = git(&wb, &["status", "--porcelain"]);
    assert_eq!(status.trim(), "?? other.txt");
}

#[test]
fn two_branches_each_changing_the_roster_merge_without_conflict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = first_session(dir.path());
    git(&wb, &["init", "-q", "-b", "main"]);
    git(&wb, &["add", "-A"]);
    git(&wb, &["commit", "-qm", "start"]);
    git(&wb, &["checkout", "-q", "-b", "other"]);
    pinned(
        &wb,
        &[
            "roster",
            "add",
            "Leila Berg",
            "--role",
            "Rektor",
            "--commit",
        ],
    )
    .code(0);
    git(&wb, &["checkout", "-q", "main"]);
    pinned(
        &wb,
        &[
            "roster",
            "fix",
            TYPED,
            "--name",
            "Amina Hassan",
            "--role",
            "enhetschef Komvux",
            "--commit",
        ],
    )
    .code(0);
    git(&wb, &["merge", "-q", "--no-edit", "other"]);
    assert_eq!(roster_entries(&wb).len(), 2);
    let doc = roster_json(&wb);
    assert_eq!(
        names(&doc, "people"),
        [
            "Anna Lind",
            "Karim Haddad",
            "Eva Ström",
            "Amina Hassan",
            "Leila Berg"
        ]
    );
    dino_in(&wb, &["check"]).code(0);
}

/// A workbook whose first session (an answers file) was led by Karin
/// Lindqvist with Karim Haddad and Eva Ström.
fn karin_led_the_first(dir: &Path) -> PathBuf {
    let wb = skolpilot(dir, false);
    std::fs::write(
        wb.join("svar.toml"),
        "facilitator = \"Karin Lindqvist\"\n\
         participants = [\n\
           { name = \"Karim Haddad\", role = \"Vägledare\" },\n\
           { name = \"Eva Ström\", role = \"Enhetschef\" },\n\
         ]\n\
         [answers]\nproblem = \"x\"\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    wb
}

/// At the people: Karin as offered, the roster ticked as it was, Eva
/// unticked; Omar added with his name and role asked separately, and Sara
/// typed with a comma, split.
fn pick_people(s: &mut Screen) {
    // The facilitator of the last session, not the user.
    s.wait_for("Facilitator");
    s.wait_for("Karin Lindqvist");
    s.press(keys::ENTER);
    s.wait_for("Who is here today?");
    for offered in ["Karim Haddad (Vägledare)", "Eva Ström (Enhetschef)"] {
        assert!(s.contents().contains(offered), "{}", s.contents());
    }
    // Eva is second: untick her.
    s.press(keys::DOWN).press(" ").press(keys::ENTER);
    s.wait_for("Participant: name");
    s.send("Omar Said\r");
    s.wait_for("Role of Omar Said");
    s.send("Rektor\r");
    s.wait_for("Participant: name");
    s.send("Sara Ek, lärare Komvux\r");
    s.wait_for("Split it into the name “Sara Ek” and the role “lärare Komvux”?");
    s.press(keys::ENTER);
    s.wait_for("Participant: name");
    s.press(keys::ENTER);
}

/// The one open item answered, then the gate decided by Leila Berg: no
/// decider is filled in, since no gate was decided before.
fn answer_and_decide(s: &mut Screen) {
    s.press(keys::DOWN).press(keys::ENTER);
    s.wait_for("Does the project profile still hold?");
    s.press(keys::ENTER);
    s.wait_for("What do you decide?");
    s.press(keys::ENTER);
    for criterion in ["Criterion: Problemet", "Criterion: Lärarna"] {
        s.wait_for(criterion);
        s.press(keys::ENTER);
    }
    s.wait_for("Who decided?");
    assert!(
        !s.contents().contains("Who decided? (filled in"),
        "{}",
        s.contents()
    );
    s.send("Leila Berg\r");
    s.wait_for("Why?");
    s.send("Klart\r");
    s.wait_for("Next gate");
    s.press(keys::ENTER);
    s.wait_for("Run it now?");
    s.press(keys::DOWN).press(keys::ENTER);
}

/// The second session at a terminal: the roster carried from the first is
/// offered, one removed from the session and two added; the entry's
/// participants say so, and the one left out is still on the roster.
#[test]
fn a_second_session_offers_the_roster_and_adds_someone() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = karin_led_the_first(dir.path());
        let first = session_entries(&wb);
        let mut s = Screen::spawn(&wb, &["--lang", "en", "run", "start"], size, &[]);
        s.wait_for("Which items do you go through?");
        s.press(keys::DOWN).press(keys::ENTER);
        pick_people(&mut s);
        s.wait_for("Vet vi hur");
        let fits = |r: &String| r.chars().count() <= usize::from(size.0);
        assert!(s.rows().iter().all(fits), "{}", s.contents());
        answer_and_decide(&mut s);
        assert_eq!(s.exit_code(), 0);
        let second = session_entries(&wb)
            .into_iter()
            .find(|f| !first.contains(f) && !f.to_string_lossy().contains("-gate-"))
            .expect("the second session");
        let entry = std::fs::read_to_string(second).expect("read");
        let front = entry.split("+++").nth(1).expect("front matter").to_string();
        for line in [
            "facilitator = \"Karin Lindqvist\"",
            "  { name = \"Karim Haddad\", role = \"Vägledare\" },",
            "  { name = \"Omar Said\", role = \"Rektor\" },",
            "  { name = \"Sara Ek\", role = \"lärare Komvux\" },",
        ] {
            assert!(front.contains(line), "{size:?}: {line}\n{front}");
        }
        assert!(!front.contains("Eva Ström"), "{front}");
        // Eva left the session, not the project.
        let doc = roster_json(&wb);
        assert!(names(&doc, "people").contains(&"Eva Ström".to_string()));
    }
}

/// At a gate, who decided the last gate is filled in, and the prompt says
/// so; not the facilitator.
#[test]
fn the_decider_offered_is_who_decided_the_last_gate() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = crate::support::skolpilot_ready(dir.path());
        pinned(
            &wb,
            &[
                "gate",
                "start",
                "--decision",
                "go",
                "--by",
                "Eva Ström",
                "--why",
                "Klart",
                "--criterion",
                "behovsagare=met",
                "--criterion",
                "tid=met",
            ],
        )
        .code(0);
        let mut s = Screen::spawn(&wb, &["--lang", "en", "gate", "start"], size, &[]);
        s.wait_for("Does the project profile still hold?");
        s.press(keys::ENTER);
        s.wait_for("What do you decide?");
        s.press(keys::ENTER);
        for criterion in ["Criterion: Problemet", "Criterion: Lärarna"] {
            s.wait_for(criterion);
            s.press(keys::ENTER);
        }
        s.wait_for("Who decided? (filled in: who decided at the last gate)");
        s.wait_for("Eva Ström");
        s.send(keys::CTRL_C);
        assert_eq!(s.exit_code(), 130);
    }
}
