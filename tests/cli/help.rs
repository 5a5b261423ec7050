//! Help, usage errors, man pages and completions speak the language of the
//! run: `--lang`, else `DINO_LANG`, else the workbook's language, else the
//! locale, else Swedish.

use std::path::{Path, PathBuf};

use crate::support::{Run, dino, dino_env, dino_in, pinned, root};

/// What only English help says.
const ENGLISH: [&str; 7] = [
    "Usage:",
    "Commands:",
    "Arguments:",
    "Options:",
    "Print help",
    "[default:",
    "ossible values",
];

#[track_caller]
fn swedish_help(run: &Run) {
    run.code(0).stdout_has("Användning: dino");
    for english in ENGLISH {
        run.stdout_lacks(english);
    }
}

#[track_caller]
fn english_help(run: &Run) {
    run.code(0)
        .stdout_has("Usage: dino")
        .stdout_lacks("Användning");
}

#[test]
fn help_is_in_swedish_when_asked_for() {
    let run = dino(&["--lang", "sv", "--help"]);
    swedish_help(&run);
    run.stdout_has("Användning: dino [FLAGGOR] <KOMMANDO>")
        .stdout_has("\nKommandon:\n  new          Skapa en arbetsbok för ett nytt projekt\n")
        .stdout_has(
            "\nGlobala flaggor:\n  -C <MAPP>\n          Kör som om dino hade startats i MAPP",
        )
        .stdout_has("\nFlaggor:\n  -h, --help\n          Visa hjälpen")
        .stdout_has("          [förval: auto]\n          [möjliga värden: auto, always, never]")
        .stdout_has("          - sv: svenska\n")
        .stdout_has("\nSlutstatus: 0 klart; 1 fel; 2 felaktig användning;");
    swedish_help(&dino(&["--lang=sv", "pack", "show", "-h"]));
}

#[test]
fn a_commands_help_is_in_swedish_with_its_values_explained() {
    let run = dino(&["--lang", "sv", "gate", "--help"]);
    swedish_help(&run);
    run.stdout_has(
        "Visa beslutspunkten för en fas, kontrollera den i CI eller registrera ett beslut\n",
    )
    .stdout_has("\nAnvändning: dino gate [FLAGGOR] [FAS]\n")
    .stdout_has("\nArgument:\n  [FAS]\n          Fasens id [förval: den aktuella fasen]\n")
    .stdout_has("\nFlaggor:\n      --check\n")
    .stdout_has("      --decision <BESLUT>\n")
    .stdout_has("          Möjliga värden:\n          - go (fortsätt, fortsatt):  Fortsätt till nästa fas\n")
    .stdout_has("\nGlobala flaggor:\n")
    .stdout_has("\nFör CI (docs/ci.md): dino -C ARBETSBOK gate FAS --check");
    // A global option after the command counts as well, and wins over DINO_LANG.
    swedish_help(&dino_env(
        &root(),
        &["gate", "--help", "--lang", "sv"],
        &[("DINO_LANG", "en")],
    ));
}

#[test]
fn dues_help_names_everything_it_lists() {
    // Help wraps its lines; the words are read as one line.
    let one_line = |run: &Run| run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    let run = dino(&["--lang", "sv", "due", "--help"]);
    swedish_help(&run);
    assert!(one_line(&run).contains(
        "Visa vad som står på tur eller är försenat: åtgärder, risker, uppskjutna kriterier, mätningar, indikatorers mål och nästa beslutspunkt "
    ));
    let run = dino(&["--lang", "en", "due", "--help"]);
    english_help(&run);
    assert!(one_line(&run).contains(
        "Show what is next or overdue: actions, risks, deferred criteria, measurements, indicator targets and the next gate "
    ));
}

#[test]
fn help_is_in_english_when_the_environment_asks_for_it() {
    let run = dino_env(&root(), &["--help"], &[("DINO_LANG", "en")]);
    english_help(&run);
    run.stdout_has("Usage: dino [OPTIONS] <COMMAND>")
        .stdout_has("\nOptions:\n")
        .stdout_has("\nGlobal options:\n")
        .stdout_has("Create a workbook for a new project");
    english_help(&dino_env(
        &root(),
        &["gate", "--help"],
        &[("LANG", "en_US.UTF-8")],
    ));
    english_help(&dino(&["--lang", "en", "note", "-h"]));
}

#[test]
fn help_is_in_swedish_by_default() {
    swedish_help(&dino(&["--help"]));
    swedish_help(&dino_env(&root(), &["-h"], &[("LANG", "de_DE.UTF-8")]));
    // Without a command, the help goes to stderr, as a usage error.
    let run = dino(&[]);
    run.code(2)
        .stderr_has("Användning: dino [FLAGGOR] <KOMMANDO>");
}

/// A workbook made in English, in a temporary folder.
fn english_workbook() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["--lang", "en", "new", "Prov", "--no-input"]).code(0);
    let wb = dir.path().join("prov");
    (dir, wb)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8")
}

#[test]
fn help_follows_the_workbook_it_is_asked_in() {
    let (_dir, wb) = english_workbook();
    english_help(&dino_in(&wb, &["status", "--help"]));
    english_help(&dino_in(&wb.join("log"), &["--help"]));
    english_help(&dino(&["-C", path(&wb), "gate", "--help"]));
    swedish_help(&dino_in(&wb, &["--lang", "sv", "--help"]));
    swedish_help(&dino_env(&wb, &["--help"], &[("DINO_LANG", "sv")]));
}

#[test]
fn usage_errors_are_told_in_the_language_of_help() {
    let run = dino(&["--lang", "sv", "status", "--formt", "json"]);
    run.code(2);
    assert!(
        run.stderr.starts_with(
            "fel: okänt argument `--formt`\n\n  tips: det finns en liknande flagga: `--format`\n\n\
             Användning: dino status"
        ),
        "{}",
        run.stderr
    );
    run.stderr_has("\n\nSe `--help` för mer information.\n");
    dino(&["--lang", "sv", "report", "--format", "pdf"])
        .code(2)
        .stderr_has(
            "fel: ogiltigt värde `pdf` för `--format <FORMAT>`\n  [möjliga värden: md, html, json, docx]",
        );
    dino(&["--lang", "en", "status", "--formt", "json"])
        .code(2)
        .stderr_has("error: unexpected argument '--formt' found")
        .stderr_has("Usage: dino status");
    // An unknown language falls back on the environment, and is named.
    dino(&["--lang", "fi", "status"])
        .code(2)
        .stderr_has("fel: ogiltigt värde `fi` för `--lang <SPRÅK>`");
}

#[test]
fn man_pages_and_completions_follow_the_language() {
    let run = dino(&["man"]);
    run.code(0)
        .stdout_has(".SH NAMN\n")
        .stdout_has(".SH BESKRIVNING\n")
        .stdout_has(".SH KOMMANDON\n")
        .stdout_has(".SH \"GLOBALA FLAGGOR\"\n")
        .stdout_has("Slutstatus:")
        .stdout_lacks("Exit status");
    dino(&["--lang", "en", "man", "gate"])
        .code(0)
        .stdout_has(".SH NAME\n")
        .stdout_has("Record this decision");
    dino(&["completions", "fish"])
        .code(0)
        .stdout_has("Skapa en arbetsbok f");
    dino(&["--lang", "en", "completions", "fish"])
        .code(0)
        .stdout_has("Create a workbook for a new project");
}
