//! Hostile and damaged input, as a cloned workbook or a forged pack may
//! carry it: nesting deep enough to exhaust a stack, terminal escapes in
//! texts, a clock that entries cannot record. Every case ends in a clear
//! message naming the file and line, never an abort.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_env, dino_in, pinned, root};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A new workbook on the built-in pack, in English.
fn workbook(dir: &Path, name: &str) -> PathBuf {
    pinned(dir, &["--lang", "en", "new", name, "--no-input"]).code(0);
    dir.join(name.to_lowercase())
}

/// A note as dino writes it, with `body` as its text.
fn note_entry(body: &str) -> String {
    format!(
        "+++\nkind = \"note\"\ndate = 2026-03-02T10:00:00+01:00\npack = \"dino\"\npack_version = \"1.0.0\"\n+++\n\n# Note\n\n{body}\n"
    )
}

/// How many entries the log holds.
fn entry_count(wb: &Path) -> usize {
    fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .count()
}

/// Runs `dino note note -` with `input` on standard input.
fn note_from_stdin(wb: &Path, input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dino"))
        .current_dir(wb)
        .args(["--lang", "en", "note", "note", "-"])
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dino starts");
    let mut stdin = child.stdin.take().expect("stdin");
    // dino may refuse before reading it all; a broken pipe is no failure.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("dino ends")
}

#[test]
fn a_note_nested_too_deep_is_refused_before_anything_is_written() {
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    for text in [
        format!("{} x", ">".repeat(5_000)),
        format!("first line\n\n{}x", "- ".repeat(20_000)),
    ] {
        let out = note_from_stdin(&wb, &text);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("nests deeper than 32 levels")
                && stderr.contains("nothing was written"),
            "{stderr}"
        );
        assert_eq!(entry_count(&wb), 0);
    }
    let out = note_from_stdin(&wb, &format!("{}x", "- ".repeat(20_000)));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("at line 1, column 65"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Up to the limit is fine, and reads back.
    let out = note_from_stdin(&wb, &format!("{} x", ">".repeat(32)));
    assert_eq!(out.status.code(), Some(0));
    dino_in(&wb, &["check"]).code(0);
}

#[test]
fn an_entry_nested_too_deep_is_a_finding_in_every_command_not_an_abort() {
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    let quotes = "2026-03-02-1000-note-a1b2c3.md";
    let lists = "2026-03-02-1001-note-d4e5f6.md";
    fs::write(
        wb.join("log").join(quotes),
        note_entry(&format!("{} x", ">".repeat(20_000))),
    )
    .expect("write");
    fs::write(
        wb.join("log").join(lists),
        note_entry(&format!("{}x", "- ".repeat(20_000))),
    )
    .expect("write");
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has(&format!(
            "./log/{quotes}:10:33: the text nests deeper than 32 levels"
        ))
        .stdout_has(&format!(
            "./log/{lists}:10:65: the text nests deeper than 32 levels"
        ));
    let run = dino_in(&wb, &["--lang", "sv", "check"]);
    run.code(3).stdout_has(&format!(
        "./log/{quotes}:10:33: texten är nästlad djupare än 32 nivåer"
    ));
    for args in [
        &["status"][..],
        &["log"],
        &["report"],
        &["report", "--format", "html"],
        &["report", "--format", "json"],
        &["gate", "initiering"],
    ] {
        let run = dino_in(&wb, args);
        assert!(
            run.code == 0 || run.code == 3,
            "{args:?}: {}",
            run.transcript()
        );
        assert!(!run.stderr.contains("overflow"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn one_deep_entry_does_not_stop_the_status_of_a_portfolio() {
    let dir = temp();
    workbook(dir.path(), "Alfa");
    let beta = workbook(dir.path(), "Beta");
    fs::write(
        beta.join("log/2026-03-02-1000-note-a1b2c3.md"),
        note_entry(&format!("{} x", ">".repeat(20_000))),
    )
    .expect("write");
    let run = dino_in(dir.path(), &["--lang", "en", "status"]);
    run.code(0).stdout_has("Alfa").stdout_has("Beta");
    let run = dino_in(dir.path(), &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has("beta/log/2026-03-02-1000-note-a1b2c3.md:10:33: the text nests deeper");
}

/// The example pack, copied to be broken.
fn scratch_pack() -> tempfile::TempDir {
    let dir = temp();
    let example = root().join("examples/packs/skolpilot");
    for entry in fs::read_dir(example).expect("example pack").flatten() {
        fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}

/// Replaces the `when` of the example pack's `dataskydd` item.
fn with_condition(pack: &Path, when: &str) {
    let path = pack.join("start.toml");
    let text = fs::read_to_string(&path).expect("start.toml");
    let text = text.replace("when = \"personal_data\"", &format!("when = \"{when}\""));
    fs::write(&path, text).expect("write");
}

#[test]
fn a_condition_nested_or_chained_too_far_is_a_finding_not_an_abort() {
    let deep = "the condition nests deeper than 32 levels (parentheses and `not`); simplify it";
    let long = "the condition has more than 256 names and values; split it over several items";
    for (when, message, col) in [
        (
            format!("{}personal_data{}", "(".repeat(7_000), ")".repeat(7_000)),
            deep,
            8 + 32,
        ),
        (
            format!("{}personal_data", "not ".repeat(200_000)),
            deep,
            8 + 4 * 32,
        ),
        (
            vec!["personal_data"; 47_500].join(" and "),
            long,
            8 + 18 * 256,
        ),
    ] {
        let pack = scratch_pack();
        with_condition(pack.path(), &when);
        let run = dino_in(pack.path(), &["--lang", "en", "pack", "check", "."]);
        run.code(3).stdout_has(&format!(
            "./start.toml:39:{}: condition: {message}",
            col + 1
        ));
        dino_in(pack.path(), &["--lang", "en", "pack", "show", "."]).code(1);
        let dir = temp();
        let run = pinned(
            dir.path(),
            &[
                "--lang",
                "en",
                "new",
                "X",
                "--no-input",
                "--pack",
                pack.path().to_str().expect("UTF-8"),
            ],
        );
        run.code(1).stderr_has("condition: the condition");
    }
}

/// TOML nested 100,000 levels deep, as an array, an inline table and a
/// dotted key.
fn deep_toml() -> [String; 3] {
    let n = 100_000;
    [
        format!("deep = {}{}\n", "[".repeat(n), "]".repeat(n)),
        format!("deep = {}1{}\n", "{a=".repeat(n), "}".repeat(n)),
        format!("deep{} = 1\n", ".a".repeat(n)),
    ]
}

#[test]
fn toml_nested_too_deep_is_an_error_in_every_file_dino_reads() {
    for deep in deep_toml() {
        let dir = temp();
        let wb = workbook(dir.path(), "Alfa");
        let answers = dir.path().join("svar.toml");
        fs::write(&answers, format!("{deep}[answers]\n")).expect("write");
        let run = pinned(
            &wb,
            &[
                "--lang",
                "en",
                "run",
                "initiering",
                "--answers",
                answers.to_str().expect("UTF-8"),
            ],
        );
        run.code(1)
            .stderr_has("svar.toml:1:")
            .stderr_has("invalid TOML");
        assert_eq!(entry_count(&wb), 0);

        let snapshot = wb.join("pack-snapshot.toml");
        let kept = fs::read_to_string(&snapshot).expect("snapshot");
        fs::write(&snapshot, format!("{kept}\n{deep}")).expect("write");
        for args in [&["status"][..], &["check"], &["upgrade"]] {
            let run = dino_in(&wb, args);
            assert!(!run.stderr.contains("overflow"), "{args:?}: {}", run.stderr);
            assert!(
                run.code != 134 && run.code != -1,
                "{args:?}: {}",
                run.transcript()
            );
        }
        fs::write(&snapshot, kept).expect("write");

        let file = wb.join("workbook.toml");
        let kept = fs::read_to_string(&file).expect("workbook.toml");
        fs::write(&file, format!("{deep}{kept}")).expect("write");
        for args in [&["status"][..], &["log"], &["report"]] {
            let run = dino_in(&wb, &[&["--lang", "en"][..], args].concat());
            run.code(1)
                .stderr_has("workbook.toml:1:")
                .stderr_has("invalid TOML");
        }
        dino_in(&wb, &["--lang", "en", "check"])
            .code(3)
            .stdout_has("workbook.toml:1:");

        let pack = scratch_pack();
        let file = pack.path().join("pack.toml");
        let kept = fs::read_to_string(&file).expect("pack.toml");
        fs::write(&file, format!("{deep}{kept}")).expect("write");
        dino_in(pack.path(), &["--lang", "en", "pack", "check", "."])
            .code(3)
            .stdout_has("./pack.toml:1:")
            .stdout_has("invalid TOML");
    }
}

#[test]
fn a_pinned_clock_entries_cannot_record_is_refused_before_writing() {
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    for now in [
        "2026-03-02T09:15:00+25:00",
        "2026-03-02T09:15:00+01:00:30",
        "-002026-03-02T09:15:00+01:00",
    ] {
        let env = [("DINO_NOW", now)];
        let run = dino_env(&wb, &["--lang", "en", "note", "note", "hej"], &env);
        run.code(1)
            .stderr_has(&format!("DINO_NOW = {now} cannot be written into an entry"));
        let run = dino_env(&wb, &["--lang", "sv", "note", "note", "hej"], &env);
        run.code(1).stderr_has("kan inte skrivas i en post");
        assert_eq!(entry_count(&wb), 0);
        let run = dino_env(
            dir.path(),
            &["--lang", "en", "new", "Beta", "--no-input"],
            &env,
        );
        run.code(1).stderr_has("cannot be written into an entry");
        assert!(!dir.path().join("beta/workbook.toml").exists());
    }
    let env = [("DINO_NOW", "2026-03-02T09:15:00-23:59")];
    dino_env(&wb, &["note", "note", "hej"], &env).code(0);
    dino_in(&wb, &["check"]).code(0);
}

/// What must never reach a terminal from a colleague's text: escapes,
/// the bell, a one-character CSI and NEL, and bidirectional overrides and
/// isolates (which show text in another order than it is written).
const ESCAPES: [char; 7] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{85}', '\u{202e}', '\u{2066}', '\u{8}',
];

#[track_caller]
fn no_escapes(what: &str, text: &str) {
    assert!(!text.contains(ESCAPES), "{what}: {text:?}");
}

#[test]
fn a_pack_text_with_terminal_escapes_is_named_and_never_printed() {
    let pack = scratch_pack();
    let path = pack.path().join("start.toml");
    let text = fs::read_to_string(&path).expect("start.toml");
    let text = text.replace(
        "en = \"Data protection is reviewed.\"",
        r#"en = "Data protection\u001b]0;PWNED\u0007 is reviewed.""#,
    );
    fs::write(&path, text).expect("write");
    let run = dino_in(pack.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3).stdout_has(
        "./start.toml:40:53: `prompt.en` holds the control character U+001B, which can take over a terminal; remove it",
    );
    no_escapes("pack check", &run.stdout);
    let run = dino_in(pack.path(), &["--lang", "sv", "pack", "check", "."]);
    run.code(3)
        .stdout_has("./start.toml:40:53: `prompt.en` innehåller styrtecknet U+001B");
    for args in [
        &["pack", "show", "."][..],
        &["pack", "doc", "."],
        &["pack", "doc", ".", "--format", "html"],
    ] {
        let run = dino_in(pack.path(), &[&["--lang", "en"][..], args].concat());
        run.code(1).stderr_has("./start.toml:40:53:");
        no_escapes("stdout", &run.stdout);
        no_escapes("stderr", &run.stderr);
    }
    // Nor can a workbook be made on it, or run with it.
    let dir = temp();
    let pack_arg = pack.path().to_str().expect("UTF-8");
    let run = pinned(
        dir.path(),
        &["--lang", "en", "new", "X", "--no-input", "--pack", pack_arg],
    );
    run.code(1).stderr_has("start.toml:40:53:");
    no_escapes("new", &run.stderr);
}

/// A workbook whose answers, names, a note and the workbook's own name
/// hold terminal escapes, bidirectional controls and C1 controls.
fn workbook_full_of_escapes(dir: &Path) -> PathBuf {
    let wb = workbook(dir, "Alfa");
    let answers = dir.join("svar.toml");
    fs::write(
        &answers,
        concat!(
            "facilitator = \"Anna\\u001b]0;PWNED\\u0007 Lind\"\n",
            "participants = [{ name = \"Omar\\u009b2J Said\", role = \"Rek\\u001b[31mtor\" }]\n",
            "[answers]\nproblem = \"Elever\\u001b]0;PWNED\\u0007 hoppar av.\"\n",
            "behovsagare = \"Eva\\u202e\\u0085\\u0008 \\u2066Ek\"\n",
        ),
    )
    .expect("write");
    let run = pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "initiering",
            "--answers",
            answers.to_str().expect("UTF-8"),
        ],
    );
    run.code(0);
    no_escapes("run", &run.stdout);
    no_escapes("run", &run.stderr);
    pinned(&wb, &["note", "risk", "Risk\u{1b}]0;PWNED\u{7} här"]).code(0);
    let file = wb.join("workbook.toml");
    let text = fs::read_to_string(&file).expect("workbook.toml");
    fs::write(
        &file,
        text.replace("name = \"Alfa\"", r#"name = "Alfa\u001b[2J\u202e\u009b""#),
    )
    .expect("write");
    wb
}

#[test]
fn escapes_in_answers_names_and_notes_never_reach_the_terminal() {
    let dir = temp();
    let wb = workbook_full_of_escapes(dir.path());
    for args in [
        &["status"][..],
        &["log"],
        &["gate", "initiering"],
        &["check"],
        &["report"],
        &["report", "--format", "html"],
        &["report", "-o", "-"],
        &["status", "--format", "json"],
        &["log", "--format", "json"],
        &["report", "--format", "json"],
        &["status", ".."],
        &["report", ".."],
    ] {
        let run = dino_in(&wb, &[&["--lang", "en"][..], args].concat());
        assert!(
            run.code == 0 || run.code == 3,
            "{args:?}: {}",
            run.transcript()
        );
        no_escapes(&format!("{args:?}"), &run.stdout);
        no_escapes(&format!("{args:?}"), &run.stderr);
    }
    let run = dino_in(&wb, &["--lang", "en", "report"]);
    run.stdout_has("Elever\u{fffd}\\]0;PWNED\u{fffd} hoppar av.");
    // A report written to a file is as clean; JSON keeps the text exact.
    dino_in(&wb, &["report", "-o", "rapport.md"]).code(0);
    no_escapes(
        "rapport.md",
        &fs::read_to_string(wb.join("rapport.md")).expect("report"),
    );
    // dino's own colours still show.
    let run = dino_in(&wb, &["--color", "always", "--lang", "en", "pack", "show"]);
    assert!(run.stdout.contains("\u{1b}["), "{:?}", run.stdout);
}

#[test]
fn json_keeps_escapes_in_answers_and_names_exact() {
    let dir = temp();
    let wb = workbook_full_of_escapes(dir.path());
    let run = dino_in(&wb, &["report", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        doc.to_string()
            .contains("Elever\\u001b]0;PWNED\\u0007 hoppar av."),
        "{}",
        run.stdout
    );
    // Nor JSON, which keeps every text exact all the same.
    for args in [&["status"][..], &["report"]] {
        let run = dino_in(&wb, &[args, &["--format", "json"]].concat());
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let exact = doc.to_string();
        assert!(
            exact.contains("Alfa\\u001b[2J\u{202e}\u{9b}"),
            "{args:?}: {exact}"
        );
    }
    let run = dino_in(&wb, &["log", "--format", "json"]);
    assert!(
        run.stdout.contains(r"Eva\u202e\u0085\b \u2066Ek"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_flood_of_lines_after_deep_nesting_or_of_toml_errors_is_read_quickly() {
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    let name = "2026-03-02-1000-note-a1b2c3.md";
    let body = format!("{}x\n{}", "- ".repeat(20_000), "+++\n".repeat(50_000));
    fs::write(wb.join("log").join(name), note_entry(&body)).expect("write");
    let start = std::time::Instant::now();
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has(&format!(
            "./log/{name}:10:65: the text nests deeper than 32 levels"
        ));
    assert!(start.elapsed() < std::time::Duration::from_secs(20));

    let pack = scratch_pack();
    let file = pack.path().join("pack.toml");
    let kept = fs::read_to_string(&file).expect("pack.toml");
    fs::write(&file, format!("{kept}{}", "+++\n".repeat(20_000))).expect("write");
    let start = std::time::Instant::now();
    let run = dino_in(pack.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3)
        .stdout_has("invalid TOML: and 19981 more errors from here; correct the first ones first")
        .stderr_has("21 problems found");
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn escapes_in_an_earlier_session_never_reach_the_terminal_of_the_next_run() {
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    fs::write(
        wb.join("svar.toml"),
        concat!(
            "facilitator = \"Anna\\u001b]0;PWNED\\u0007 Lind\"\n",
            "participants = [{ name = \"Omar\\u202e\\u001b]0;PWNED\\u0007 Said\", role = \"Rektor\" }]\n",
            "[answers]\nproblem = \"Elever\\u001b]0;PWNED\\u0007 hoppar av.\"\n",
            "behovsagare = \"Eva\\u202e\\u0085\\u0008 \\u2066Ek\"\n",
        ),
    )
    .expect("write");
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "run",
            "initiering",
            "--answers",
            "svar.toml",
        ],
    )
    .code(0);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dino"));
    cmd.current_dir(&wb)
        .args(["--lang", "en", "run", "initiering"])
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env_remove("DINO_LANG")
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind");
    let mut p = expectrl::Session::spawn(cmd).expect("dino starts in a pty");
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    let mut seen = Vec::new();
    // The phase has answers: every item, or only the open ones?
    let found = p.expect("Which items do you go through?").expect("offered");
    seen.extend_from_slice(found.before());
    p.send("\r").expect("every item");
    let found = p.expect("Lind").expect("the facilitator, as last time");
    seen.extend_from_slice(found.before());
    seen.extend_from_slice(found.as_bytes());
    p.send("\r").expect("key");
    let found = p.expect("Said").expect("the participants, as last time");
    seen.extend_from_slice(found.before());
    seen.extend_from_slice(found.as_bytes());
    let shown = String::from_utf8_lossy(&seen);
    assert!(
        !shown.contains("\u{1b}]0;") && !shown.contains(['\u{7}', '\u{202e}']),
        "{shown:?}"
    );
    assert!(
        shown.contains("Anna\u{fffd}]0;PWNED\u{fffd} Lind"),
        "{shown:?}"
    );
    p.send("\x03").expect("Ctrl-C");
}

#[test]
fn an_error_is_labelled_in_the_language_of_its_message() {
    // The workbook is English, the locale is not asked for (Swedish by
    // default): the message is the workbook's, and so is its label.
    let dir = temp();
    let wb = workbook(dir.path(), "Alfa");
    let run = pinned(&wb, &["note", "note", &format!("{} x", ">".repeat(5000))]);
    run.code(1)
        .stderr_has("error: the text nests deeper than 32 levels");
    assert!(!run.stderr.contains("fel:"), "{}", run.stderr);
    // Asked for, a language labels every message.
    pinned(
        &wb,
        &[
            "--lang",
            "sv",
            "note",
            "note",
            &format!("{} x", ">".repeat(5000)),
        ],
    )
    .code(1)
    .stderr_has("fel: texten");
    // Outside any workbook, the locale's; a folder not there, named so.
    pinned(dir.path(), &["-C", "inte-här", "status"])
        .code(1)
        .stderr_has("fel: kan inte gå till mappen inte-här (-C)");
    pinned(&wb, &["-C", "inte-här", "status"])
        .code(1)
        .stderr_has("fel: kan inte gå till mappen inte-här (-C)");
}
