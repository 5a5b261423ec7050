//! `dino pack list|show|check|doc|new`, as a user runs them.

use std::fs;

use crate::support::{dino, dino_in, root};

#[test]
fn list_shows_the_built_in_pack() {
    dino(&["--lang", "en", "pack", "list"])
        .code(0)
        .stdout_has("| dino ")
        .stdout_has(&format!("| {} ", crate::support::dino_version()))
        .stdout_has("built-in");
}

#[test]
fn list_finds_packs_in_folders_and_flags_broken_ones() {
    let run = dino(&[
        "--lang",
        "en",
        "pack",
        "list",
        "--pack",
        "examples/packs",
        "--pack",
        "tests/fixtures/broken/misspelt-key",
    ]);
    run.code(0)
        .stdout_has("| skolpilot ")
        .stdout_has("examples/packs/skolpilot")
        .stdout_has("3 problems; run dino pack check tests/fixtures/broken/misspelt-key");
}

#[test]
fn list_says_when_a_folder_holds_no_pack() {
    let empty = tempfile::tempdir().expect("temp dir");
    let path = empty.path().to_str().expect("UTF-8");
    dino(&["--lang", "en", "pack", "list", "--pack", path])
        .code(1)
        .stderr_has("no packs (folders with a pack.toml) in");
}

#[test]
fn show_lists_every_phase_in_english() {
    let run = dino(&["--lang", "en", "pack", "show", "dino"]);
    run.code(0);
    for phase in [
        "1. Initiation (initiering)",
        "2. Discover (forsta)",
        "3. Define (fokusera)",
        "4. Develop and test (ideer-test)",
        "5. Pilot and implement (pilot)",
        "6. Follow-up and learning (uppfoljning)",
    ] {
        run.stdout_has(phase);
    }
    run.stdout_has("Project profile")
        .stdout_has("decision_level == 'political'")
        .stdout_has("Readiness");
}

#[test]
fn show_speaks_swedish_by_default() {
    dino(&["pack", "show"])
        .code(0)
        .stdout_has("1. Initiering (initiering)")
        .stdout_has("Projektprofil");
}

#[test]
fn show_one_phase_in_full() {
    dino(&["--lang", "en", "pack", "show", "dino", "fokusera"])
        .code(0)
        .stdout_has("3. Define (fokusera)")
        .stdout_has("### How to run it")
        .stdout_has("Gate")
        .stdout_has("mandat_stamt_av");
}

#[test]
fn show_suggests_the_phase_meant() {
    dino(&["--lang", "en", "pack", "show", "dino", "fokus"])
        .code(1)
        .stderr_has("the pack has no phase `fokus`; did you mean `fokusera`?");
}

#[test]
fn show_a_pack_by_path_and_refuse_a_missing_one() {
    dino(&["--lang", "en", "pack", "show", "examples/packs/skolpilot"])
        .code(0)
        .stdout_has("School pilot (skolpilot 0.1.0)");
    dino(&["--lang", "en", "pack", "show", "nosuchpack"])
        .code(1)
        .stderr_has("nosuchpack: neither a built-in pack (dino) nor a folder");
}

#[test]
fn show_refuses_a_broken_pack_with_every_finding() {
    dino(&[
        "--lang",
        "en",
        "pack",
        "show",
        "tests/fixtures/broken/when-unknown-item",
    ])
    .code(1)
    .stderr_has("could not be loaded")
    .stderr_has(
        "start.toml:16:9: the phase `start` has no item `problme`; did you mean `start.problem`?",
    );
}

#[test]
fn check_passes_clean_packs_and_fails_broken_ones() {
    dino(&[
        "pack",
        "check",
        "dino",
        "phases/dino",
        "examples/packs/skolpilot",
    ])
    .code(0);
    dino(&[
        "pack",
        "check",
        "phases/dino",
        "tests/fixtures/broken/bad-ids",
    ])
    .code(3);
    dino(&["--lang", "en", "pack", "check", "no/such/folder"])
        .code(1)
        .stderr_has("no/such/folder: neither a built-in pack (dino) nor a folder");
    dino(&["--lang", "en", "pack", "check", "phases/dino/pack.toml"])
        .code(0)
        .stderr_has("phases/dino/pack.toml: ok (6 phases");
    dino(&["--lang", "en", "pack", "check", "phases/dino/forsta.toml"])
        .code(1)
        .stderr_has(
            "phases/dino/forsta.toml: is a file; name the pack's folder (the one with pack.toml)",
        );
}

#[test]
fn doc_writes_the_handbook_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = dino_in(
        dir.path(),
        &["--lang", "sv", "pack", "doc", "dino", "-o", "handbok.md"],
    );
    run.code(0).stderr_has("skrev handbok.md");
    let text = fs::read_to_string(dir.path().join("handbok.md")).expect("handbook written");
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("## 1. Initiering"));
    // A file named .html gets HTML, unless --format says otherwise.
    dino_in(dir.path(), &["pack", "doc", "-o", "handbok.html"]).code(0);
    let html = fs::read_to_string(dir.path().join("handbok.html")).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    dino_in(
        dir.path(),
        &["pack", "doc", "-o", "h.html", "--format", "md"],
    )
    .code(0);
    let md = fs::read_to_string(dir.path().join("h.html")).expect("written");
    assert!(md.starts_with("# "), "{md}");
}

#[test]
fn doc_writes_html_with_language_and_no_scripts() {
    let run = dino(&["--lang", "en", "pack", "doc", "dino", "--format", "html"]);
    run.code(0)
        .stdout_has("<html lang=\"en\">")
        .stdout_has("Content-Security-Policy")
        .stdout_has("<h2>1. Initiation</h2>");
    assert!(
        !run.stdout.contains("<script"),
        "no scripts in the handbook"
    );
}

#[test]
fn new_makes_a_pack_that_checks_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    dino_in(dir.path(), &["--lang", "en", "pack", "new", "Vår metod"])
        .code(0)
        .stderr_has("made the pack `var-metod` in Vår metod");
    let pack = fs::read_to_string(dir.path().join("Vår metod/pack.toml")).expect("pack.toml");
    assert!(pack.contains("id = \"var-metod\"\n"), "{pack}");
    assert!(pack.contains("title = \"Vår metod\"\n"), "{pack}");
    dino_in(dir.path(), &["pack", "check", "Vår metod"]).code(0);
    dino_in(dir.path(), &["--lang", "en", "pack", "show", "./Vår metod"])
        .code(0)
        .stdout_has("Vår metod (var-metod 0.1.0)");
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("keep.txt"), "mine").expect("write");
    let path = dir.path().to_str().expect("UTF-8");
    dino(&["--lang", "en", "pack", "new", path])
        .code(1)
        .stderr_has("exists already and is not empty");
    assert_eq!(
        fs::read_to_string(dir.path().join("keep.txt")).expect("kept"),
        "mine"
    );
    assert!(!dir.path().join("pack.toml").exists());
}

/// The commands every completion script and the man page must know.
const COMMANDS: [&str; 12] = [
    "new",
    "run",
    "status",
    "log",
    "note",
    "gate",
    "report",
    "check",
    "upgrade",
    "pack",
    "completions",
    "man",
];

/// What bash offers for the words typed so far, from the real script.
fn bash_completes(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let words_list: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
    let current = words.len() - 1;
    let previous = words[current.saturating_sub(1)];
    let program = format!(
        "source {script:?}; COMP_WORDS=({}); COMP_CWORD={current}; _dino dino {:?} {previous:?}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words_list.join(" "),
        words[current],
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_and_values_from_the_generated_script() {
    let dir = tempfile::tempdir().expect("temp");
    let script = dir.path().join("dino.bash");
    let run = dino(&["completions", "bash"]);
    run.code(0);
    fs::write(&script, &run.stdout).expect("write");
    assert_eq!(bash_completes(&script, &["dino", "up"]), ["upgrade"]);
    let all = bash_completes(&script, &["dino", ""]);
    for command in COMMANDS {
        assert!(all.iter().any(|c| c == command), "{command} in {all:?}");
    }
    assert_eq!(
        bash_completes(&script, &["dino", "report", "--format", ""]),
        ["md", "html", "json", "docx"]
    );
    assert_eq!(
        bash_completes(&script, &["dino", "gate", "--decision", ""]),
        ["go", "recycle", "pause", "stop"]
    );
    assert_eq!(
        bash_completes(&script, &["dino", "upgrade", "--co"]),
        ["--commit", "--color"]
    );
}

#[test]
fn every_shell_gets_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = dino(&["completions", shell]);
        run.code(0);
        // Options by their names: fish writes `-l redact`, the others `--redact`.
        for word in COMMANDS
            .iter()
            .chain(&["redact", "decision", "answers", "no-input"])
        {
            assert!(run.stdout.contains(word), "{shell} completes {word}");
        }
    }
    // Each in its shell's own form.
    dino(&["completions", "zsh"]).stdout_has("#compdef dino");
    dino(&["completions", "fish"]).stdout_has("complete -c dino");
    // Values are described in the language of the rest.
    dino(&["--lang", "sv", "completions", "fish"]).stdout_has("sv\\t'svenska'");
    dino(&["--lang", "en", "completions", "fish"]).stdout_has("sv\\t'Swedish'");
    dino(&["completions", "powershell"])
        .stdout_has("Register-ArgumentCompleter -Native -CommandName 'dino'");
}

/// The man page through groff with every warning on: none may come.
fn groff_reads(page: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("groff")
        // Plain text: no bold, underline or colour.
        .args(["-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("groff ends");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warns");
    // Justified lines widen their spaces: read them as one.
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .map(|line| {
            line.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_man_pages_render_without_warnings() {
    let languages = [
        (
            "en",
            [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "SUBCOMMANDS",
                "Exit status",
            ],
            "Create a workbook for a new project",
        ),
        (
            "sv",
            [
                "NAMN",
                "SYNOPSIS",
                "BESKRIVNING",
                "FLAGGOR",
                "KOMMANDON",
                "Slutstatus",
            ],
            // Read right by groff whatever encoding it expects.
            "Skapa en arbetsbok för ett nytt projekt",
        ),
    ];
    for (lang, sections, about) in languages {
        let run = dino(&["--lang", lang, "man"]);
        run.code(0).stdout_has(".TH dino 1");
        let text = groff_reads(&run.stdout);
        for section in sections {
            assert!(text.contains(section), "{section} in the man page:\n{text}");
        }
        assert!(text.contains(about), "{about} in the man page:\n{text}");
        for command in COMMANDS {
            let run = dino(&["--lang", lang, "man", command]);
            run.code(0).stdout_has(&format!(".TH dino-{command} 1"));
            groff_reads(&run.stdout);
        }
    }
    dino(&["man", "pack", "show"])
        .code(0)
        .stdout_has(".TH dino-pack-show 1");
    dino(&["--lang", "en", "man", "nope"])
        .code(1)
        .stderr_has("`dino` has no command `nope`");
}

#[test]
fn every_pack_shipped_checks_clean_in_both_languages() {
    let mut packs = vec![root().join("phases/dino")];
    for entry in fs::read_dir(root().join("examples/packs"))
        .expect("examples/packs")
        .flatten()
    {
        packs.push(entry.path());
    }
    for pack in packs {
        let path = pack.to_str().expect("UTF-8");
        for lang in ["sv", "en"] {
            dino(&["--lang", lang, "pack", "check", path]).code(0);
            dino(&["--lang", lang, "pack", "doc", path]).code(0);
            dino(&["--lang", lang, "pack", "show", path]).code(0);
        }
    }
}

#[test]
fn show_and_doc_default_to_the_pack_of_the_workbook_they_are_in() {
    let dir = tempfile::tempdir().expect("temp");
    let pack = root().join("examples/packs/skolpilot");
    crate::support::pinned(
        dir.path(),
        &[
            "new",
            "Prov",
            "--pack",
            pack.to_str().expect("UTF-8"),
            "--no-input",
        ],
    )
    .code(0);
    let wb = dir.path().join("prov");
    dino_in(&wb, &["pack", "show"])
        .code(0)
        .stdout_has("Skolpilot (skolpilot 0.1.0)");
    dino_in(&wb.join("log"), &["pack", "doc"])
        .code(0)
        .stdout_has("# Skolpilot");
    dino_in(dir.path(), &["pack", "show"])
        .code(0)
        .stdout_has(&format!("(dino {})", crate::support::dino_version()));
}

#[test]
fn check_looks_for_packs_in_a_folder_without_workbooks() {
    dino(&["--lang", "en", "check", "examples/packs"])
        .code(0)
        .stderr_has("1 checked: no problems");
    dino(&["--lang", "en", "check", "tests/fixtures/broken"])
        .code(3)
        .stdout_has("tests/fixtures/broken/wrong-types/start.toml:18:7:");
}
