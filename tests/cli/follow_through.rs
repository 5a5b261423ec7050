//! Actions with owners and due dates, closing them, and what is due: as a
//! facilitator and a CI job would use them, with the real binary and, for
//! merges, real git.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, git, pinned};

/// A new workbook on the built-in pack in `dir`, its log empty.
fn workbook(dir: &Path) -> PathBuf {
    pinned(dir, &["new", "Prov", "--no-input"]).code(0);
    dir.join("prov")
}

/// The entries in `log/`.
fn entries(wb: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// The id of the entry whose file name has `what` in it.
fn id_of(wb: &Path, what: &str) -> String {
    let name = entries(wb)
        .into_iter()
        .find(|n| n.contains(what))
        .expect("the entry");
    name.trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("an id")
        .to_string()
}

/// Notes an action with its owner and due day; its id.
fn add_action(wb: &Path, text: &str, owner: &str, due: &str) -> String {
    let before = entries(wb);
    pinned(
        wb,
        &["note", "action", text, "--owner", owner, "--due", due],
    )
    .code(0);
    let name = entries(wb)
        .into_iter()
        .find(|n| !before.contains(n))
        .expect("a new entry");
    name.trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("an id")
        .to_string()
}

/// `dino due` as of a day, in English.
fn due_on(wb: &Path, day: &str, args: &[&str]) -> crate::support::Run {
    let now = format!("{day}T09:00:00+02:00");
    let mut all = vec!["--lang", "en", "due"];
    all.extend_from_slice(args);
    dino_env(wb, &all, &[("DINO_NOW", &now), ("DINO_USER", "Anna Lind")])
}

#[test]
fn an_action_is_written_with_its_owner_and_due_day_and_read_back() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let args = [
        "note",
        "action",
        "Boka möte med AF",
        "--owner",
        "Karin Lindqvist",
        "--due",
        "2026-03-31",
    ];
    pinned(&wb, &args).code(0);
    let name = entries(&wb)
        .into_iter()
        .find(|n| n.contains("-action-"))
        .expect("written");
    let text = std::fs::read_to_string(wb.join("log").join(&name)).expect("read");
    assert!(text.contains("kind = \"action\"\n"), "{text}");
    assert!(
        text.contains("owner = \"Karin Lindqvist\"\ndue = 2026-03-31\n"),
        "{text}"
    );
    assert!(text.ends_with("Boka möte med AF\n"), "{text}");
    let log = pinned(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let entry = &doc["entries"][0];
    assert_eq!(entry["kind"], "action");
    assert_eq!(entry["owner"], "Karin Lindqvist");
    assert_eq!(entry["due"], "2026-03-31");
    pinned(&wb, &["check"]).code(0);
}

#[test]
fn a_risk_takes_an_owner_a_due_day_and_a_mitigation() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let args = [
        "note",
        "risk",
        "Piloten saknar lärare",
        "--owner",
        "Eva",
        "--due",
        "2026-04-15",
        "--mitigation",
        "Fråga Komvux",
    ];
    pinned(&wb, &args).code(0);
    let log = pinned(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    assert_eq!(doc["entries"][0]["mitigation"], "Fråga Komvux");
    assert_eq!(doc["entries"][0]["due"], "2026-04-15");
}

#[test]
fn a_wrong_action_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let cases: [(&[&str], &str); 5] = [
        (
            &["note", "action", "x", "--owner", "Eva"],
            "an action has an owner and a due day",
        ),
        (
            &["note", "action", "x", "--owner", " ", "--due", "2026-03-31"],
            "the owner (--owner) is empty",
        ),
        (
            &[
                "note",
                "action",
                "x",
                "--owner",
                "Eva",
                "--due",
                "2026-02-30",
            ],
            "`2026-02-30` is not a date",
        ),
        (
            &["note", "action", "x", "--owner", "Eva", "--due", "31/3"],
            "`31/3` is not a date",
        ),
        (
            &["note", "insight", "x", "--owner", "Eva"],
            "--owner does not belong to a note of kind `insight`",
        ),
    ];
    for (args, says) in cases {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        pinned(&wb, &all)
            .code(1)
            .stderr_has(says)
            .stderr_has("nothing was written");
    }
    assert!(entries(&wb).is_empty(), "{:?}", entries(&wb));
}

#[test]
fn done_closes_an_action_once_with_an_entry_of_its_own() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let id = add_action(&wb, "Boka möte", "Eva", "2026-03-31");
    let before = std::fs::read_to_string(wb.join("log").join(&entries(&wb)[0])).expect("read");
    pinned(&wb, &["done", &id, "Mötet hölls"]).code(0);
    // The action's entry is as it was; a `done` entry closes it.
    let after = std::fs::read_to_string(wb.join("log").join(&entries(&wb)[0])).expect("read");
    assert_eq!(before, after);
    let done = entries(&wb)
        .into_iter()
        .find(|n| n.contains("-done-"))
        .expect("written");
    let text = std::fs::read_to_string(wb.join("log").join(done)).expect("read");
    assert!(text.contains(&format!("closes = [\"{id}\"]")), "{text}");
    // Closing it again, an unknown id, or something that is no action.
    let count = entries(&wb).len();
    pinned(&wb, &["--lang", "en", "done", &id])
        .code(1)
        .stderr_has(&format!("`{id}` is closed already, by `"));
    pinned(&wb, &["--lang", "en", "done", "abcdef"])
        .code(1)
        .stderr_has("no action or risk has the id `abcdef`");
    pinned(&wb, &["note", "insight", "Eleverna vill"]).code(0);
    let insight = id_of(&wb, "-insight-");
    pinned(&wb, &["--lang", "en", "done", &insight])
        .code(1)
        .stderr_has("is an entry of kind `insight`, not an action or a risk");
    assert_eq!(entries(&wb).len(), count + 1);
    due_on(&wb, "2026-04-20", &[])
        .code(0)
        .stdout_has("As of 2026-04-20: nothing to follow up.");
}

#[test]
fn due_lists_by_date_with_the_overdue_first_and_marked() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    for (text, owner, day) in [
        ("Skriv planen", "Anna", "2026-05-01"),
        ("Boka möte", "Eva", "2026-04-01"),
    ] {
        add_action(&wb, text, owner, day);
    }
    let risk = [
        "note",
        "risk",
        "Budgeten",
        "--owner",
        "Eva",
        "--due",
        "2026-04-25",
    ];
    pinned(&wb, &risk).code(0);
    pinned(&wb, &["note", "risk", "Utan datum"]).code(0);
    let run = due_on(&wb, "2026-04-20", &[]);
    run.code(0)
        .stdout_has("As of 2026-04-20: 3 to follow up, 1 overdue.");
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("| 2026"))
        .collect();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(
        rows[0].contains("2026-04-01") && rows[0].contains("overdue"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("Budgeten") && !rows[1].contains("overdue"),
        "{rows:?}"
    );
    assert!(rows[2].contains("Skriv planen"), "{rows:?}");
    // A CI job fails when anything is overdue, and passes when nothing is.
    due_on(&wb, "2026-04-20", &["--check"]).code(3);
    due_on(&wb, "2026-03-20", &["--check"]).code(0);
    // Within ten days, and one owner's.
    let soon = due_on(&wb, "2026-04-20", &["--within", "10"]);
    assert!(!soon.stdout.contains("Skriv planen"), "{}", soon.stdout);
    assert!(soon.stdout.contains("Budgeten"), "{}", soon.stdout);
    let eva = due_on(&wb, "2026-04-20", &["--owner", "eva", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&eva.stdout).expect("JSON");
    let owners: Vec<&str> = doc["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["owner"].as_str())
        .collect();
    assert_eq!(owners, ["Eva", "Eva"]);
    assert_eq!(doc["as_of"], "2026-04-20");
    assert_eq!(doc["items"][0]["overdue"], true);
    // Status says the day it describes, and what is to follow up.
    let now = [("DINO_NOW", "2026-04-20T09:00:00+02:00")];
    let status = dino_env(&wb, &["--lang", "en", "status"], &now);
    status
        .code(0)
        .stdout_has(" · as of 2026-04-20\n")
        .stdout_has("To follow up:\n");
    assert!(
        status
            .stdout
            .contains("  • 2026-04-01 overdue · Eva: Boka möte ["),
        "{}",
        status.stdout
    );
    let json = dino_env(&wb, &["status", "--format", "json"], &now);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(doc["workbooks"][0]["as_of"], "2026-04-20");
    assert_eq!(doc["workbooks"][0]["due"].as_array().map(Vec::len), Some(3));
}

#[test]
fn due_across_a_portfolio_names_each_workbook() {
    let dir = tempfile::tempdir().expect("temp");
    for name in ["Alfa", "Beta"] {
        pinned(dir.path(), &["new", name, "--no-input"]).code(0);
        let wb = dir.path().join(name.to_lowercase());
        add_action(&wb, &format!("Åtgärd i {name}"), "Eva", "2026-04-01");
    }
    let run = due_on(dir.path(), "2026-04-20", &["."]);
    run.code(0)
        .stdout_has("| Workbook")
        .stdout_has("Åtgärd i Alfa")
        .stdout_has("Åtgärd i Beta");
    run.stdout_has("2 to follow up, 2 overdue");
}

#[test]
fn the_calendar_parses_and_its_uids_stay_the_same() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let id = add_action(&wb, "Boka möte; med AF, snart", "Eva", "2026-04-01");
    let first = due_on(&wb, "2026-04-20", &["--format", "ics"]);
    first.code(0);
    let again = due_on(&wb, "2026-04-20", &["--format", "ics"]);
    assert_eq!(first.stdout, again.stdout, "the same calendar every time");
    assert!(first.stdout.contains("\r\n"), "RFC 5545 lines end in CRLF");
    let mut reader = ical::IcalParser::new(first.stdout.as_bytes());
    let calendar = reader.next().expect("a calendar").expect("it parses");
    assert!(reader.next().is_none(), "one calendar");
    assert_eq!(calendar.todos.len(), 1);
    let value = |name: &str| {
        calendar.todos[0]
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(value("UID"), format!("{id}@prov.dino"));
    assert_eq!(value("DUE"), "20260401");
    assert_eq!(value("SUMMARY"), "Boka möte\\; med AF\\, snart");
    assert_eq!(value("STATUS"), "NEEDS-ACTION");
}

#[test]
fn actions_and_closings_on_two_branches_merge_without_conflict() {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "--quiet", "-b", "main"]);
    let wb = workbook(dir.path());
    let id = add_action(&wb, "Boka möte", "Eva", "2026-04-01");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "start"]);
    // Both branches close the same action and raise one of their own.
    let at = |wb: &Path, now: &str, args: &[&str]| {
        dino_env(wb, args, &[("DINO_NOW", now), ("DINO_USER", "Omar")]).code(0);
    };
    git(dir.path(), &["checkout", "--quiet", "-b", "omar"]);
    at(
        &wb,
        "2026-03-10T10:00:00+01:00",
        &["done", &id, "Bokat", "--commit"],
    );
    at(
        &wb,
        "2026-03-10T10:05:00+01:00",
        &[
            "note",
            "action",
            "Skriv inbjudan",
            "--owner",
            "Omar",
            "--due",
            "2026-03-20",
            "--commit",
        ],
    );
    git(dir.path(), &["checkout", "--quiet", "main"]);
    at(
        &wb,
        "2026-03-10T11:00:00+01:00",
        &["done", &id, "Bokat av mig", "--commit"],
    );
    at(
        &wb,
        "2026-03-10T11:05:00+01:00",
        &[
            "note",
            "action",
            "Ring Komvux",
            "--owner",
            "Eva",
            "--due",
            "2026-03-25",
            "--commit",
        ],
    );
    git(dir.path(), &["merge", "--quiet", "--no-edit", "omar"]);
    assert_eq!(git(dir.path(), &["status", "--porcelain"]).trim(), "");
    // Closed once is closed; no disagreement, and both new actions are due.
    crate::support::dino_in(&wb, &["check"]).code(0);
    let status = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    assert_eq!(doc["workbooks"][0]["disagreements"], serde_json::json!([]));
    let due = due_on(&wb, "2026-03-15", &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&due.stdout).expect("JSON");
    let texts: Vec<&str> = doc["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["text"].as_str())
        .collect();
    assert_eq!(texts, ["Skriv inbjudan", "Ring Komvux"]);
    crate::support::dino_in(&wb, &["--lang", "en", "done", &id])
        .code(1)
        .stderr_has("is closed already");
}

#[test]
fn status_names_low_readiness_until_an_open_risk_names_it() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = dir.path().join("kompetenslyftet");
    let example = crate::support::root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let copied = std::process::Command::new("cp")
        .args([
            "-r",
            &example.display().to_string(),
            &wb.display().to_string(),
        ])
        .status()
        .expect("cp runs");
    assert!(copied.success());
    let now = [
        ("DINO_NOW", "2026-05-20T09:00:00+02:00"),
        ("DINO_USER", "Anna Lind"),
    ];
    let status = |wb: &Path| dino_env(wb, &["--lang", "en", "status", "--format", "json"], &now);
    let low = |run: crate::support::Run| -> Vec<String> {
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        doc["workbooks"][0]["low_readiness_without_risk"]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|d| d["dimension"].as_str().map(String::from))
            .collect()
    };
    let before = low(status(&wb));
    assert!(before.len() >= 2, "{before:?}");
    dino_env(&wb, &["--lang", "en", "status"], &now)
        .code(0)
        .stdout_has("Low readiness that no open risk names: ");
    // A risk that names the first one (by its title) takes it off the list.
    let names = dino_env(&wb, &["--lang", "sv", "status"], &now).stdout;
    let line = names
        .lines()
        .find(|l| l.starts_with("Förutsättningar med låg skattning"))
        .expect("the line");
    let first_title = line
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(" (").next())
        .expect("a title")
        .to_string();
    let risk = [
        "note",
        "risk",
        &format!("{first_title} är svag i projektet"),
        "--owner",
        "Eva",
        "--due",
        "2026-06-30",
    ];
    dino_env(&wb, &risk, &now).code(0);
    let after = low(status(&wb));
    assert_eq!(after.len(), before.len() - 1, "{before:?} -> {after:?}");
    assert!(!after.contains(&before[0]), "{after:?}");
}

/// A gate decision for `initiering`, written by hand as dino writes one:
/// go, with one condition and the next gate planned.
const GATE_WITH_CONDITION: &str = "+++
kind = \"gate\"
phase = \"initiering\"
date = 2026-03-10T10:00:00+01:00
facilitator = \"Anna Lind\"
pack = \"dino\"
pack_version = \"1.0.0\"
+++

# Beslutspunkt: Initiering

### Beslut <!-- item: decision -->

* [x] Fortsätt <!-- option: go -->
* [ ] Gör om <!-- option: recycle -->
* [ ] Pausa <!-- option: pause -->
* [ ] Avsluta <!-- option: stop -->

> **Åtgärd:** Budgeten för piloten är beslutad i nämnden. <!-- action: 1 -->
>
> **Ansvarig:** Eva Ström
>
> **Senast:** 2026-04-30

### Vem beslutade? <!-- item: decided_by -->

**Svar:** Eva Ström

### Varför? <!-- item: motivation -->

**Svar:** Behovet är tydligt.

### När är nästa beslutspunkt? <!-- item: next_gate -->

**Svar:** 2026-06-01
";

#[test]
fn a_gates_condition_and_next_gate_are_followed_up_and_on_the_managers_page() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let name = "2026-03-10-1000-gate-initiering-abc123.md";
    std::fs::write(wb.join("log").join(name), GATE_WITH_CONDITION).expect("write");
    crate::support::dino_env(
        &wb,
        &["check"],
        &[("DINO_NOW", "2026-03-10T12:00:00+01:00")],
    )
    .code(0);
    let due = due_on(&wb, "2026-05-20", &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&due.stdout).expect("JSON");
    let kinds: Vec<(&str, &str, bool)> = doc["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let (kind, id) = (
                i["kind"].as_str().unwrap_or(""),
                i["id"].as_str().unwrap_or(""),
            );
            (kind, id, i["overdue"] == true)
        })
        .collect();
    assert_eq!(
        kinds,
        [("condition", "abc123-1", true), ("gate", "abc123", false)]
    );
    let now = [
        ("DINO_NOW", "2026-05-20T09:00:00+02:00"),
        ("DINO_USER", "Anna Lind"),
    ];
    let page = dino_env(&wb, &["--lang", "en", "report", "--summary"], &now);
    page.code(0)
        .stdout_has("Budgeten för piloten är beslutad i nämnden. · Eva Ström, due 2026-04-30 · open \\[abc123-1\\]")
        .stdout_has("## Next gate\n\nDiscover · 2026-06-01\n");
    // Closing the condition: done on the page, gone from what is due.
    dino_env(&wb, &["done", "abc123-1", "Beslutat 28 april"], &now).code(0);
    let page = dino_env(&wb, &["--lang", "en", "report", "--summary"], &now);
    page.stdout_has("· done \\[abc123-1\\]");
    let due = due_on(&wb, "2026-05-20", &[]);
    assert!(!due.stdout.contains("abc123-1"), "{}", due.stdout);
    let ics = due_on(&wb, "2026-05-20", &["--format", "ics"]);
    let calendar = ical::IcalParser::new(ics.stdout.as_bytes())
        .next()
        .expect("a calendar")
        .expect("it parses");
    assert_eq!(calendar.events.len(), 1, "the planned gate is an event");
}
