//! `dino new`, `status`, `log`, `note` and `check` on real workbooks in
//! temporary folders, as a user runs them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_in, pinned, root};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A workbook on the small example pack, with personal data in its profile.
fn skolpilot_workbook(dir: &Path) -> PathBuf {
    let profile = dir.join("profil.toml");
    fs::write(&profile, "personal_data = true\nprocurement = \"maybe\"\n").expect("write");
    let pack = root().join("examples/packs/skolpilot");
    pinned(
        dir,
        &[
            "new",
            "Elevhälsa 2026",
            "--pack",
            pack.to_str().expect("UTF-8"),
            "--profile",
            "profil.toml",
            "--no-input",
        ],
    )
    .code(0);
    dir.join("elevhalsa-2026")
}

/// A session on the skolpilot pack's first phase, as a person might have
/// written or edited it.
const SESSION: &str = "+++
kind = \"session\"
phase = \"start\"
date = 2026-03-02T10:00:00+01:00
facilitator = \"Anna Lind\"
participants = [{ name = \"Omar Said\", role = \"Rektor\" }]
pack = \"skolpilot\"
pack_version = \"0.1.0\"
+++

# Start

### Vilket problem, och för vem? <!-- item: problem -->

**Svar:** Elever hoppar av i årskurs 8.

### Vet vi hur lösningen ser ut? <!-- item: losning -->

* [ ] Ja <!-- option: ja -->
* [x] Nej <!-- option: nej -->

- [ ] Dataskyddet är genomgånget. <!-- item: dataskydd -->
";

fn write_entry(wb: &Path, name: &str, text: &str) -> PathBuf {
    let path = wb.join("log").join(name);
    fs::write(&path, text).expect("write entry");
    path
}

#[test]
fn new_makes_a_folder_named_by_the_slug() {
    let dir = temp();
    let run = pinned(dir.path(), &["new", "Välfärd & lärande", "--no-input"]);
    run.code(0);
    assert_eq!(run.stdout, "valfard-larande\n");
    let wb = dir.path().join("valfard-larande");
    assert!(wb.join("log/.gitkeep").is_file());
    let file = fs::read_to_string(wb.join("workbook.toml")).expect("workbook.toml");
    insta::assert_snapshot!("new_workbook_toml", file);
}

#[test]
fn new_refuses_bad_names_and_existing_folders() {
    let dir = temp();
    let run = pinned(dir.path(), &["--lang", "en", "new", "!!!", "--no-input"]);
    run.code(1).stderr_has("gives no folder name");
    pinned(dir.path(), &["new", "Projekt", "--no-input"]).code(0);
    pinned(
        dir.path(),
        &["--lang", "en", "new", "projekt", "--no-input"],
    )
    .code(1)
    .stderr_has("projekt/ exists already");
    pinned(
        dir.path(),
        &["--lang", "en", "new", "x", "--pack", "nosuch", "--no-input"],
    )
    .code(1)
    .stderr_has("neither a built-in pack");
    // A name that tries to leave the folder stays inside it.
    pinned(dir.path(), &["new", "../../utanför", "--no-input"]).code(0);
    assert!(dir.path().join("utanfor/workbook.toml").is_file());
}

#[test]
fn new_reads_a_profile_file_and_names_its_mistakes() {
    let dir = temp();
    fs::write(
        dir.path().join("bad.toml"),
        "org_kind = \"region\"\nprocurment = \"yes\"\ndecision_level = \"king\"\n",
    )
    .expect("write");
    let run = pinned(
        dir.path(),
        &[
            "--lang",
            "en",
            "new",
            "P",
            "--profile",
            "bad.toml",
            "--no-input",
        ],
    );
    run.code(1);
    insta::assert_snapshot!("new_bad_profile", run.transcript());
    assert!(!dir.path().join("p").exists(), "nothing is made on error");

    fs::write(
        dir.path().join("ok.toml"),
        "org_kind = \"region\"\npartners = [\"employers\"]\n",
    )
    .expect("write");
    pinned(
        dir.path(),
        &["new", "P", "--profile", "ok.toml", "--no-input"],
    )
    .code(0);
    let file = fs::read_to_string(dir.path().join("p/workbook.toml")).expect("file");
    assert!(file.contains("org_kind = \"region\""), "{file}");
    assert!(file.contains("partners = [\"employers\"]"), "{file}");
}

#[test]
fn new_without_input_needs_a_default_for_every_required_question() {
    let dir = temp();
    let pack = dir.path().join("metod");
    fs::create_dir(&pack).expect("mkdir");
    for file in ["pack.toml", "start.toml", "test.toml"] {
        let text =
            fs::read_to_string(root().join("examples/packs/skolpilot").join(file)).expect("read");
        let text = text.replace(
            "[readiness]",
            "[[profile]]\nid = \"owner\"\nkind = \"text\"\nrequired = true\nprompt = \"Vem äger behovet?\"\n\n[readiness]",
        );
        fs::write(pack.join(file), text).expect("write");
    }
    pinned(
        dir.path(),
        &[
            "--lang",
            "en",
            "new",
            "P",
            "--pack",
            "./metod",
            "--no-input",
        ],
    )
    .code(1)
    .stderr_has("the profile questions owner have no answer and no default");
}

#[test]
fn a_custom_pack_is_found_from_inside_the_workbook() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let file = fs::read_to_string(wb.join("workbook.toml")).expect("file");
    assert!(file.contains("path = \""), "{file}");
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("Elevhälsa 2026 · skolpilot 0.1.0")
        .stdout_has("Start");
}

#[test]
fn status_shows_phases_progress_and_open_items() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    write_entry(&wb, "2026-03-02-1000-start-a1b2c3.md", SESSION);
    let run = pinned(&wb, &["status"]);
    run.code(0);
    insta::assert_snapshot!("status_one_workbook", run.stdout);

    let run = dino_in(&wb, &["status", "--format", "json"]);
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["schema"], 1);
    let w = &doc["workbooks"][0];
    assert_eq!(w["current_phase"], "start");
    assert_eq!(w["phases"][0]["required"], 3);
    assert_eq!(w["phases"][0]["done"], 2);
    assert_eq!(w["phases"][0]["open"][0], "dataskydd");
    assert_eq!(w["answers"]["start.losning"]["value"], "nej");
}

#[test]
fn a_hand_edit_is_honoured_and_a_broken_one_is_named_with_its_line() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    // Tick the box, rewrite the answer, and save with CRLF line ends.
    let edited = SESSION
        .replace("- [ ] Dataskyddet", "- [x] Dataskyddet")
        .replace(
            "Elever hoppar av i årskurs 8.",
            "Elever *slutar* komma.\n\nOch föräldrarna oroar sig.",
        )
        .replace('\n', "\r\n");
    write_entry(&wb, "2026-03-02-1000-start-a1b2c3.md", &edited);
    let run = dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["phases"][0]["done"], 3, "{}", run.stdout);
    assert_eq!(w["phases"][0]["gate"]["state"], "ready");
    assert_eq!(
        w["answers"]["start.problem"]["value"],
        "Elever *slutar* komma.\n\nOch föräldrarna oroar sig."
    );
    dino_in(&wb, &["check"]).code(0);

    // Two boxes ticked on a one-answer question is named, with its line.
    let broken = SESSION.replace("* [ ] Ja", "* [x] Ja");
    write_entry(&wb, "2026-03-02-1000-start-a1b2c3.md", &broken);
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    run.code(3);
    assert_eq!(
        run.stdout,
        "./log/2026-03-02-1000-start-a1b2c3.md:17:1: `losning`: several options are ticked, but the question takes one\n"
    );
}

#[test]
fn a_note_reads_back_exactly_in_log_and_json() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let text = "Arbetsgivarna | - [x] <b> svarar inte\n\n```sh\necho ```` här\n```\n+++\n# rubrik";
    let run = pinned(&wb, &["note", "risk", text]);
    run.code(0);
    let path = run.stdout.trim().to_string();
    assert!(path.starts_with("./log/2026-03-02-0915-risk-"), "{path}");
    let written = fs::read_to_string(wb.join(&path)).expect("entry");
    insta::assert_snapshot!("note_entry", written);

    let run = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["entries"][0]["text"], text);
    assert_eq!(doc["entries"][0]["by"], "Anna Lind");
    dino_in(&wb, &["log"])
        .code(0)
        .stdout_has("| 2026-03-02 09:15 | Risk | Start | Arbetsgivarna | - [x] <b> svarar inte |");
}

#[test]
fn a_note_needs_its_text_when_no_editor_can_open() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    pinned(&wb, &["--lang", "en", "--no-input", "note", "insight"])
        .code(1)
        .stderr_has("no text: give it as an argument, `dino note insight \"TEXT\"`");
    pinned(&wb, &["--lang", "en", "note", "lesson", "  "])
        .code(1)
        .stderr_has("the text is empty");
    assert_eq!(
        fs::read_dir(wb.join("log")).expect("log").count(),
        1,
        "only .gitkeep"
    );
}

#[test]
fn a_risk_stays_open_until_a_later_note_closes_it() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let run = pinned(&wb, &["note", "risk", "Budgeten kan dras in"]);
    let risk = run
        .stdout
        .trim()
        .rsplit('-')
        .next()
        .expect("id")
        .trim_end_matches(".md")
        .to_string();
    let open = |wb: &Path| -> serde_json::Value {
        let run = dino_in(wb, &["status", "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&run.stdout).expect("JSON")["workbooks"][0]["open_risks"].clone()
    };
    assert_eq!(open(&wb), 1);
    pinned(
        &wb,
        &[
            "--lang", "en", "note", "decision", "x", "--closes", "nosuch",
        ],
    )
    .code(1)
    .stderr_has("no entry has the id `nosuch`");
    crate::support::dino_env(
        &wb,
        &[
            "note",
            "decision",
            "Budgeten är beslutad",
            "--closes",
            &risk,
        ],
        &[("DINO_NOW", "2026-03-03T09:00:00+01:00")],
    )
    .code(0);
    assert_eq!(open(&wb), 0);
}

#[test]
fn check_names_every_problem_and_goes_on_past_a_broken_workbook() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    write_entry(
        &wb,
        "2026-03-02-1000-start-a1b2c3.md",
        &SESSION.replace("phase = \"start\"", "phase = \"strat\""),
    );
    write_entry(&wb, "2026-03-02-1100-note-d4e5f6.md", "# no front matter\n");
    write_entry(
        &wb,
        "2026-03-02-1200-note-a1b2c3.md",
        "+++\nkind = \"note\"\ndate = 2026-03-02T12:00:00\n+++\n\n# Note\n\nText\n",
    );
    fs::write(wb.join("log/anteckningar.txt"), "x").expect("write");
    // A second workbook that cannot be opened at all.
    let broken = dir.path().join("trasig");
    fs::create_dir_all(broken.join("log")).expect("mkdir");
    fs::write(broken.join("workbook.toml"), "name = \"Trasig\"\nid = 7\n").expect("write");
    let run = dino_in(dir.path(), &["--lang", "en", "check"]);
    run.code(3);
    insta::assert_snapshot!("check_findings", run.transcript());
}

#[test]
fn status_of_a_portfolio_has_one_row_per_workbook() {
    let dir = temp();
    for name in ["Alfa", "Beta"] {
        pinned(dir.path(), &["new", name, "--no-input"]).code(0);
    }
    pinned(
        &dir.path().join("beta"),
        &["note", "risk", "Lokalerna räcker inte"],
    )
    .code(0);
    let run = pinned(dir.path(), &["--lang", "en", "status"]);
    run.code(0);
    insta::assert_snapshot!("status_portfolio", run.stdout);
    // A broken workbook is named on stderr; the rest are still shown.
    fs::create_dir_all(dir.path().join("gamma")).expect("mkdir");
    fs::write(dir.path().join("gamma/workbook.toml"), "name = ").expect("write");
    let run = dino_in(dir.path(), &["--lang", "en", "status", "."]);
    run.code(1)
        .stdout_has("| Alfa (./alfa)")
        .stderr_has("gamma/workbook.toml:1:");
}

#[test]
fn commands_find_the_workbook_from_a_subfolder_or_with_c() {
    let dir = temp();
    pinned(dir.path(), &["new", "Alfa", "--no-input"]).code(0);
    dino_in(&dir.path().join("alfa/log"), &["--lang", "en", "status"])
        .code(0)
        .stdout_has(&format!("Alfa · dino {}", crate::support::dino_version()));
    dino_in(dir.path(), &["--lang", "en", "-C", "alfa", "log"]).code(0);
    dino_in(dir.path(), &["--lang", "en", "log"])
        .code(1)
        .stderr_has("not in a workbook");
}

/// Every key of an object, at any depth.
fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                out.insert(key.clone());
                keys(inner, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

#[test]
fn every_json_key_is_documented() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    write_entry(&wb, "2026-03-02-1000-start-a1b2c3.md", SESSION);
    pinned(&wb, &["note", "risk", "Budgeten"]).code(0);
    let action = [
        "note",
        "action",
        "Boka möte",
        "--owner",
        "Eva",
        "--due",
        "2026-03-01",
    ];
    pinned(&wb, &action).code(0);
    let doc = fs::read_to_string(root().join("docs/json.md")).expect("docs/json.md");
    let mut found = std::collections::BTreeSet::new();
    for args in [
        &["status", "--format", "json"][..],
        &["log", "--format", "json"],
        &["due", "--format", "json"],
        &["report", "--format", "json"],
        &["report", "--summary", "--format", "json"],
    ] {
        let run = dino_in(&wb, args);
        run.code(0);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(value["schema"], 1);
        keys(&value, &mut found);
    }
    // Answer keys are item ids, and profile keys question ids: data, not shape.
    let undocumented: Vec<&String> = found
        .iter()
        .filter(|k| !k.contains('.') && !["personal_data", "procurement"].contains(&k.as_str()))
        .filter(|k| !doc.contains(&format!("`{k}`")) && !doc.contains(&format!("\"{k}\"")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in docs/json.md: {undocumented:?}"
    );
}

#[test]
fn a_note_closes_a_risk_written_in_the_same_second() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let run = pinned(&wb, &["note", "risk", "Risk 1"]);
    let id = run
        .stdout
        .trim()
        .trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("id")
        .to_string();
    pinned(&wb, &["note", "decision", "Stänger", "--closes", &id]).code(0);
    dino_in(&wb, &["check"]).code(0);
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("Open risks: 0");
}

#[test]
fn new_refuses_a_workbook_inside_a_workbook_and_names_with_control_characters() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    pinned(
        &wb.join("log"),
        &["--lang", "en", "new", "Inre", "--no-input"],
    )
    .code(1)
    .stderr_has("you are inside the workbook");
    pinned(
        dir.path(),
        &["--lang", "en", "new", "Rad\nbrytning", "--no-input"],
    )
    .code(1)
    .stderr_has("control characters");
}

#[test]
fn control_characters_in_a_log_never_reach_the_terminal_but_stay_in_json() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let text = "\u{1b}[31mRÖD\u{1b}[0m \u{1b}]0;titel\u{7}";
    pinned(&wb, &["note", "note", text]).code(0);
    let run = dino_in(&wb, &["log"]);
    run.code(0);
    assert!(
        !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'),
        "{:?}",
        run.stdout
    );
    assert!(run.stdout.contains("�[31mRÖD"), "{}", run.stdout);
    let run = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["entries"][0]["text"], text);
}

#[test]
fn hand_edits_that_would_be_misread_are_named() {
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    // A misspelt label, and a quote of one's own, which is kept with its `>`.
    let edited = SESSION.replace(
        "**Svar:** Elever hoppar av i årskurs 8.",
        "**Svar:** Elever hoppar av.\n\n> Citat från rektorn\n\n**Anteckningar:** fel etikett",
    );
    write_entry(&wb, "2026-03-02-1000-start-a1b2c3.md", &edited);
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    run.code(3);
    assert_eq!(
        run.stdout,
        "./log/2026-03-02-1000-start-a1b2c3.md:19:1: unknown label **Anteckningar:**; the labels are **Answer:**, **Not applicable:**, **Don't know**, **Note:**\n"
    );
    let run = dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["answers"]["start.problem"]["value"],
        "Elever hoppar av.\n\n> Citat från rektorn\n\n**Anteckningar:** fel etikett"
    );
    // A file copied by a sync tool, and a session turned into a note.
    fs::write(wb.join("log/2026-03-02-1000-start-a1b2c3 (1).md"), SESSION).expect("copy");
    write_entry(
        &wb,
        "2026-03-02-1000-start-a1b2c3.md",
        &SESSION.replace("kind = \"session\"", "kind = \"note\""),
    );
    let run = dino_in(&wb, &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has("start-a1b2c3 (1).md: the name does not follow YYYY-MM-DD-HHMM-WHAT-ID.md")
        .stdout_has(
            "start-a1b2c3.md:2:8: the file name says `start`, but the front matter says `note`",
        );
}

#[test]
fn gate_check_and_decision_give_ci_its_exit_codes() {
    let wb = root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let path = wb.to_str().expect("UTF-8");
    // As docs/ci.md says: 0 when passed, 3 when not, 1 for no such phase.
    dino_in(&root(), &["-C", path, "gate", "initiering", "--check"]).code(0);
    dino_in(
        &root(),
        &["--lang", "en", "-C", path, "gate", "fokusera", "--check"],
    )
    .code(3)
    .stderr_has("the gate after Fokusera is not passed: 3 of 15 requirements done");
    dino_in(
        &root(),
        &["--lang", "en", "-C", path, "gate", "nosuch", "--check"],
    )
    .code(1);
    dino_in(
        &root(),
        &["check", "examples/workbooks", "examples/portfolio"],
    )
    .code(0);
    let doc = fs::read_to_string(root().join("docs/ci.md")).expect("docs/ci.md");
    assert!(doc.contains("dino check .") && doc.contains("gate fokusera --check"));

    // Recording a decision: a reason is needed, and going on needs the
    // requirements met.
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    pinned(&wb, &["--lang", "en", "gate", "start", "--decision", "go"])
        .code(1)
        .stderr_has("a decision needs a reason");
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "gate",
            "start",
            "--decision",
            "go",
            "--why",
            "x",
        ],
    )
    .code(1)
    .stderr_has("has open requirements");
    write_entry(
        &wb,
        "2026-03-02-1000-start-a1b2c3.md",
        &SESSION.replace("- [ ] Dataskyddet", "- [x] Dataskyddet"),
    );
    pinned(
        &wb,
        &[
            "gate",
            "start",
            "--decision",
            "go",
            "--why",
            "Klart",
            "--by",
            "Eva Ström",
            "--criterion",
            "behovsagare=met",
            "--criterion",
            "tid=met",
        ],
    )
    .code(0);
    dino_in(&wb, &["gate", "start", "--check"]).code(0);
    dino_in(&wb, &["check"]).code(0);
}

#[test]
fn a_note_reads_its_text_from_standard_input_with_a_dash() {
    use std::io::Write;
    let dir = temp();
    let wb = skolpilot_workbook(dir.path());
    let note = |input: &[u8]| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dino"))
            .current_dir(&wb)
            .args(["--lang", "en", "note", "insight", "-"])
            .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
            .env("DINO_USER", "Anna Lind")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("dino starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write");
        child.wait_with_output().expect("dino ends")
    };
    let out = note("Eleverna vill *mer* praktik.\n\n- en\n- två\n".as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = dino_in(&wb, &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc["entries"][0]["text"],
        "Eleverna vill *mer* praktik.\n\n- en\n- två"
    );
    let out = note(b"caf\xe9\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("standard input is not UTF-8 (at byte 3); nothing was written"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
