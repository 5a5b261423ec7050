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
    assert_eq!(w["open_risks"], 1);
    assert_eq!(w["problems"], 0);
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
