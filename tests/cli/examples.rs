//! The example workbook and portfolio read cleanly and show what they are
//! meant to show: a project midway, and projects at different stages.

use crate::support::dino;

#[test]
fn the_examples_check_clean() {
    dino(&["check", "examples/workbooks", "examples/portfolio"]).code(0);
}

#[test]
fn the_example_workbook_is_midway() {
    // As of a day in its focus phase, so that the output stays the same.
    let run = crate::support::dino_env(
        &crate::support::root(),
        &["status", "examples/workbooks/kompetenslyftet-i-norrdal"],
        &[("DINO_NOW", "2026-05-20T09:00:00+02:00")],
    );
    run.code(0);
    insta::assert_snapshot!("example_workbook_status", run.stdout);
    // Who committed the examples depends on the clone; leave git out.
    let run = crate::support::dino_env(
        &crate::support::root(),
        &["log", "examples/workbooks/kompetenslyftet-i-norrdal"],
        &[("GIT_DIR", "/nonexistent")],
    );
    run.code(0);
    insta::assert_snapshot!("example_workbook_log", run.stdout);
    let run = dino(&[
        "status",
        "--format",
        "json",
        "examples/workbooks/kompetenslyftet-i-norrdal",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["current_phase"], "fokusera");
    assert_eq!(w["phases"][0]["gate"]["decision"], "go");
    assert_eq!(w["phases"][1]["gate"]["decision"], "go");
    assert_eq!(w["open_risks"], 3);
    assert_eq!(w["problems"], 0);
}

/// `dino due` on the examples as of a pinned day, as JSON.
fn due_as_of(day: &str, paths: &[&str]) -> serde_json::Value {
    let mut args = vec!["due", "--format", "json"];
    args.extend_from_slice(paths);
    let run = crate::support::dino_env(&crate::support::root(), &args, &[("DINO_NOW", day)]);
    run.code(0);
    serde_json::from_str(&run.stdout).expect("JSON")
}

#[test]
fn the_example_workbook_has_actions_and_risks_to_follow_up() {
    let doc = due_as_of(
        "2026-05-20T09:00:00+02:00",
        &["examples/workbooks/kompetenslyftet-i-norrdal"],
    );
    let items = doc["items"].as_array().expect("items");
    let count =
        |key: &str, value: serde_json::Value| items.iter().filter(|i| i[key] == value).count();
    assert_eq!(items.len(), 8, "{doc}");
    assert_eq!(count("kind", "action".into()), 4);
    assert_eq!(count("kind", "risk".into()), 2);
    // The initiation gate, recorded anew under pack 2.0.0, left one
    // criterion for later, with its owner and day.
    assert_eq!(count("kind", "criterion".into()), 1);
    // The decision at Förstå's gate planned Fokusera's.
    assert_eq!(count("kind", "gate".into()), 1);
    assert_eq!(count("overdue", true.into()), 2);
    // Closed ones are not listed: three `done` entries closed two actions
    // and a risk.
    let log = dino(&[
        "log",
        "--format",
        "json",
        "examples/workbooks/kompetenslyftet-i-norrdal",
    ]);
    let log: serde_json::Value = serde_json::from_str(&log.stdout).expect("JSON");
    let entries = log["entries"].as_array().expect("entries");
    let closed: Vec<&str> = entries
        .iter()
        .filter(|e| e["kind"] == "done")
        .flat_map(|e| e["closes"].as_array().expect("closes"))
        .map(|id| id.as_str().expect("id"))
        .collect();
    assert_eq!(closed.len(), 3);
    for id in closed {
        assert!(items.iter().all(|i| i["id"] != id), "{id} is closed");
    }
}

#[test]
fn the_example_portfolio_has_owned_actions_and_risks_some_overdue() {
    let doc = due_as_of("2026-05-20T09:00:00+02:00", &["examples/portfolio"]);
    let items = doc["items"].as_array().expect("items");
    let workbooks: std::collections::BTreeSet<&str> = items
        .iter()
        .map(|i| i["workbook"].as_str().expect("workbook"))
        .collect();
    assert_eq!(
        workbooks.len(),
        4,
        "every example project follows something up"
    );
    for item in items.iter().filter(|i| i["kind"] != "gate") {
        let owner = item["owner"].as_str().unwrap_or("");
        assert!(!owner.trim().is_empty(), "no owner: {item}");
        assert!(item["due"].is_string(), "no due day: {item}");
    }
    // Two projects under way have planned their next gate.
    let gates = items.iter().filter(|i| i["kind"] == "gate").count();
    assert_eq!(gates, 2, "{items:?}");
    let overdue: Vec<&serde_json::Value> = items.iter().filter(|i| i["overdue"] == true).collect();
    assert!(
        (1..items.len() / 2).contains(&overdue.len()),
        "some overdue, most not: {overdue:?}"
    );
    assert!(items.iter().any(|i| i["kind"] == "action"));
    assert!(items.iter().any(|i| i["kind"] == "risk"));
    // The same day, `--check` fails on what is overdue; a day before the
    // earliest due day, nothing is.
    crate::support::dino_env(
        &crate::support::root(),
        &["due", "--check", "examples/portfolio"],
        &[("DINO_NOW", "2026-05-20T09:00:00+02:00")],
    )
    .code(3);
    let early = due_as_of("2026-01-01T09:00:00+01:00", &["examples/portfolio"]);
    let early = early["items"].as_array().expect("items");
    assert!(early.iter().all(|i| i["overdue"] == false), "{early:?}");
    // Every workbook has closed something with a `done` entry.
    for wb in std::fs::read_dir(crate::support::root().join("examples/portfolio"))
        .expect("portfolio")
        .flatten()
    {
        let run = dino(&[
            "log",
            "--format",
            "json",
            wb.path().to_str().expect("UTF-8"),
        ]);
        let log: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let entries = log["entries"].as_array().expect("entries");
        assert!(
            entries.iter().any(|e| e["kind"] == "done"),
            "nothing closed in {}",
            wb.path().display()
        );
    }
}

#[test]
fn the_example_portfolio_has_projects_at_every_stage() {
    // As of a day, so that whether a workbook is stale stays the same.
    let run = crate::support::dino_env(
        &crate::support::root(),
        &["--lang", "en", "status", "examples/portfolio"],
        &[("DINO_NOW", "2026-05-20T09:00:00+02:00")],
    );
    run.code(0);
    insta::assert_snapshot!("example_portfolio_status", run.stdout);
    let run = dino(&["status", "--format", "json", "examples/portfolio"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let phases: Vec<(&str, bool)> = doc["workbooks"]
        .as_array()
        .expect("workbooks")
        .iter()
        .map(|w| {
            (
                w["current_phase"].as_str().unwrap_or("-"),
                w["stopped"] == true,
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            ("initiering", true),
            ("pilot", false),
            ("initiering", false),
            ("forsta", false)
        ]
    );
}

#[test]
fn the_example_answers_file_runs_the_first_phase_of_a_new_workbook() {
    let dir = tempfile::tempdir().expect("temp");
    crate::support::pinned(dir.path(), &["new", "Prov", "--no-input"]).code(0);
    let wb = dir.path().join("prov");
    let answers = crate::support::root().join("examples/answers/initiering.toml");
    crate::support::pinned(
        &wb,
        &[
            "run",
            "initiering",
            "--answers",
            answers.to_str().expect("UTF-8"),
        ],
    )
    .code(0);
    let run = crate::support::dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let initiering = &doc["workbooks"][0]["phases"][0];
    assert_eq!(initiering["done"], initiering["required"]);
    assert_eq!(initiering["gate"]["decision"], "go");
    crate::support::dino_in(&wb, &["check"]).code(0);
}
