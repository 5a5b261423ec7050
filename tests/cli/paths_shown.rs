//! The paths dino prints of what it wrote read from where the user
//! stands: under `-C DIR` they start with DIR, without it they are as
//! they were (`./log/….md`).

use std::path::Path;

use crate::support::{pinned, skolpilot};

/// The one line `run` printed on stdout.
fn printed(run: &crate::support::Run) -> String {
    run.code(0);
    run.stdout.trim_end().to_string()
}

#[test]
fn a_path_written_under_dash_c_starts_with_the_folder_given() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = skolpilot(dir.path(), false);
    let here = dir.path();

    let note = printed(&pinned(here, &["-C", "prov", "note", "risk", "x"]));
    assert!(
        note.starts_with("prov/log/") && note.ends_with(".md"),
        "{note}"
    );
    assert!(here.join(&note).is_file(), "{note} is no file from here");

    let note = printed(&pinned(&wb, &["note", "risk", "y"]));
    assert!(note.starts_with("./log/"), "{note}");

    let sub = here.join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let action = printed(&pinned(
        &sub,
        &[
            "-C",
            "../prov",
            "note",
            "action",
            "z",
            "--owner",
            "Eva",
            "--due",
            "2026-04-01",
        ],
    ));
    assert!(action.starts_with("../prov/log/"), "{action}");
    assert!(sub.join(&action).is_file(), "{action} is no file from sub/");

    std::fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n",
    )
    .expect("write");
    let session = printed(&pinned(
        here,
        &["-C", "prov", "run", "start", "--answers", "svar.toml"],
    ));
    assert!(session.starts_with("prov/log/"), "{session}");
    assert!(here.join(&session).is_file(), "{session}");

    let gate = printed(&pinned(
        here,
        &[
            "-C",
            "./prov/",
            "gate",
            "start",
            "--decision",
            "pause",
            "--why",
            "Vänta",
        ],
    ));
    assert!(gate.starts_with("prov/log/"), "{gate}");
    assert!(here.join(&gate).is_file(), "{gate}");

    let report = pinned(
        here,
        &["--lang", "en", "-C", "prov", "report", "-o", "rapport.md"],
    );
    report.code(0).stderr_has("wrote prov/rapport.md");
    assert!(Path::new(&here.join("prov/rapport.md")).is_file());
}

#[test]
fn a_new_workbook_under_dash_c_is_named_from_where_the_user_stands() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("projekt")).expect("mkdir");
    let run = pinned(
        dir.path(),
        &[
            "--lang",
            "en",
            "-C",
            "projekt",
            "new",
            "Välfärd",
            "--no-input",
        ],
    );
    run.code(0).stderr_has("`cd projekt/valfard`");
    assert_eq!(run.stdout.trim_end(), "projekt/valfard");
    assert!(dir.path().join("projekt/valfard/workbook.toml").is_file());
}
