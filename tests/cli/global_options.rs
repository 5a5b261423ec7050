//! The options every command takes: -C, --lang, --no-input, --color, -q,
//! and the exit codes.

use crate::support::{dino, dino_env, root};

#[test]
fn dash_c_runs_as_if_started_in_that_folder() {
    dino(&[
        "-C",
        "examples/packs",
        "--lang",
        "en",
        "pack",
        "check",
        "skolpilot",
    ])
    .code(0)
    .stderr_has("skolpilot: ok (2 phases, 11 items)");
    dino(&["-C", "no/such/dir", "--lang", "en", "pack", "list"])
        .code(1)
        .stderr_has("error: cannot change to the folder no/such/dir (-C): it does not exist");
    dino(&["-C", "no/such/dir", "pack", "list"])
        .code(1)
        .stderr_has("fel: kan inte gå till mappen no/such/dir (-C)");
}

#[test]
fn language_comes_from_the_flag_then_the_environment() {
    let here = root();
    dino_env(
        &here,
        &["pack", "check", "dino"],
        &[("LANG", "en_GB.UTF-8")],
    )
    .code(0)
    .stderr_has("dino: ok (6 phases");
    dino_env(
        &here,
        &["pack", "check", "dino"],
        &[("LANG", "en_GB.UTF-8"), ("DINO_LANG", "sv")],
    )
    .code(0)
    .stderr_has("dino: ok (6 faser");
    dino_env(
        &here,
        &["--lang", "en", "pack", "check", "dino"],
        &[("DINO_LANG", "sv")],
    )
    .code(0)
    .stderr_has("(6 phases");
}

#[test]
fn quiet_keeps_only_results_and_errors() {
    let run = dino(&["-q", "pack", "check", "dino"]);
    run.code(0);
    assert_eq!(run.stderr, "");
    let run = dino(&[
        "-q",
        "--lang",
        "en",
        "pack",
        "check",
        "tests/fixtures/broken/bad-ids",
    ]);
    run.code(3).stdout_has("is not a valid id");
    assert_eq!(run.stderr, "");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let colored = dino(&["--color", "always", "pack", "show", "dino"]);
    assert!(colored.stdout.contains('\u{1b}'), "colour when asked for");
    let plain = dino(&["--color", "never", "pack", "show", "dino"]);
    assert!(!plain.stdout.contains('\u{1b}'), "no colour when refused");
    let piped = dino_env(&root(), &["pack", "show", "dino"], &[("NO_COLOR", "1")]);
    assert!(!piped.stdout.contains('\u{1b}'), "no colour with NO_COLOR");
}

#[test]
fn no_input_is_accepted_everywhere() {
    dino(&["--no-input", "pack", "list"]).code(0);
    dino(&["pack", "list", "--no-input"]).code(0);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    dino(&["pack", "frobnicate"])
        .code(2)
        .stderr_has("frobnicate");
    dino(&["--lang", "fi", "pack", "list"]).code(2);
    dino(&["--help"]).code(0).stdout_has("Användning: dino");
    dino(&["pack", "doc", "--help"])
        .code(0)
        .stdout_has("--format");
    dino(&["--version"]).code(0).stdout_has("dino ");
}
