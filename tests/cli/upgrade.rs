//! A pack that changes under a workbook: what `dino status` says, and
//! `dino upgrade`, which records the new version and never touches the log.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_in, git, pinned, root};

/// A copy of the example pack `skolpilot` in `dir/pack`, and a workbook on
/// it with the phase `start` answered.
pub fn workbook_on_a_copy(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    fs::create_dir(&pack).expect("mkdir");
    for file in ["pack.toml", "start.toml", "test.toml"] {
        fs::copy(
            root().join("examples/packs/skolpilot").join(file),
            pack.join(file),
        )
        .expect("copy");
    }
    fs::write(dir.join("p.toml"), "personal_data = true\n").expect("write");
    pinned(
        dir,
        &[
            "new",
            "Prov",
            "--pack",
            "pack",
            "--profile",
            "p.toml",
            "--no-input",
        ],
    )
    .code(0);
    let wb = dir.join("prov");
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"Frånvaro\"\nlosning = \"nej\"\ndataskydd = true\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    wb
}

/// Edits a file of the pack: each (from, to) replaced once.
fn edit(path: &Path, changes: &[(&str, &str)]) {
    let mut text = fs::read_to_string(path).expect("read");
    for (from, to) in changes {
        assert!(text.contains(from), "{from:?} not in {}", path.display());
        text = text.replacen(from, to, 1);
    }
    fs::write(path, text).expect("write");
}

/// The next version of the pack: one item reworded, one removed, one added,
/// an option added, and a new profile question with a default.
pub fn change_the_pack(pack: &Path) {
    edit(
        &pack.join("start.toml"),
        &[
            (
                "sv = \"Vilket problem, och för vem?\"",
                "sv = \"Vilket problem har vi, och för vem?\"",
            ),
            (
                "id = \"dataskydd\"\nkind = \"check\"\nrequired = true\nwhen = \"personal_data\"\nprompt = { sv = \"Dataskyddet är genomgånget.\", en = \"Data protection is reviewed.\" }",
                "id = \"behovsagare\"\nkind = \"text\"\nrequired = true\nprompt = { sv = \"Vem äger behovet?\", en = \"Who owns the need?\" }",
            ),
            (
                "lean = \"innovation\" },\n",
                "lean = \"innovation\" },\n  { id = \"delvis\", label = { sv = \"Delvis\", en = \"Partly\" } },\n",
            ),
        ],
    );
    edit(
        &pack.join("pack.toml"),
        &[
            ("version = \"0.1.0\"", "version = \"0.2.0\""),
            (
                "[readiness]",
                "[[profile]]\nid = \"partners\"\nkind = \"check\"\nprompt = { sv = \"Har vi partner?\", en = \"Do we have partners?\" }\ndefault = true\n\n[readiness]",
            ),
        ],
    );
}

/// Every file under `dir`, by path, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.insert(path.clone(), fs::read(&path).expect("read"));
        }
    }
    out
}

/// A workbook on a copied pack, whose pack then changed: 2 added, 1
/// removed, 1 reworded, 1 changed.
fn workbook_whose_pack_changed(dir: &Path) -> PathBuf {
    let wb = workbook_on_a_copy(dir);
    assert!(
        wb.join("pack-snapshot.toml").is_file(),
        "new writes a snapshot"
    );
    dino_in(&wb, &["status"]).code(0);
    assert!(
        !dino_in(&wb, &["status"]).stdout.contains("har ändrats"),
        "nothing changed yet"
    );
    change_the_pack(&dir.join("pack"));
    wb
}

#[test]
fn status_says_what_changed_in_the_pack() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_whose_pack_changed(dir.path());
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("The pack skolpilot has changed since the workbook recorded it (0.1.0 → 0.2.0): 2 added, 1 removed, 1 reworded, 1 changed")
        .stdout_has("+ partners: new profile question, “Har vi partner?”")
        .stdout_has("~ start.problem: “Vilket problem, och för vem?” → “Vilket problem har vi, och för vem?”")
        .stdout_has("~ start.losning: options: added delvis")
        .stdout_has("+ start.behovsagare: new item, “Vem äger behovet?”")
        .stdout_has("− start.dataskydd: item removed, “Dataskyddet är genomgånget.”")
        .stdout_has("Answers to items the pack no longer has: start.dataskydd");
    let json = dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let pack = &doc["workbooks"][0]["pack"];
    assert_eq!(pack["version"], "0.1.0");
    assert_eq!(pack["current_version"], "0.2.0");
    assert_eq!(pack["changed"], true);
    assert_eq!(pack["changes"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        pack["changes"][1],
        serde_json::json!({
            "area": "item", "place": "start.problem", "change": "reworded",
            "from": "Vilket problem, och för vem?", "to": "Vilket problem har vi, och för vem?"
        })
    );
    // The portfolio view names it too.
    dino_in(dir.path(), &["--lang", "en", "status", "."])
        .code(0)
        .stdout_has("Their pack has changed since they recorded it: Prov");
}

#[test]
fn a_session_follows_a_changed_pack_as_it_is_and_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_whose_pack_changed(dir.path());
    fs::write(
        wb.join("mer.toml"),
        "[answers]\nbehovsagare = \"Rektorn\"\n",
    )
    .expect("write");
    dino_in(&wb, &["--lang", "en", "run", "start", "--answers", "mer.toml"])
        .code(0)
        .stderr_has("note: the pack skolpilot has changed since the workbook recorded it; the session follows it as it is now (0.2.0)");
}

#[test]
fn upgrade_records_a_changed_pack_without_touching_the_log() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_whose_pack_changed(dir.path());
    // Without a terminal, upgrade shows the changes and records nothing.
    let before = files_under(&wb);
    dino_in(&wb, &["--lang", "en", "upgrade"])
        .code(1)
        .stdout_has("~ start.problem:")
        .stdout_has("1 answer in the log is to a removed item; it stays, shown as removed.")
        .stderr_has(
            "nothing was recorded; `dino upgrade --yes` records the new version without asking",
        );
    assert_eq!(files_under(&wb), before);

    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(0)
        .stderr_has("recorded skolpilot 0.2.0 in workbook.toml; the log is unchanged");
    let after = files_under(&wb);
    let log_of = |files: &BTreeMap<PathBuf, Vec<u8>>| -> Vec<(PathBuf, Vec<u8>)> {
        files
            .iter()
            .filter(|(p, _)| p.starts_with(wb.join("log")))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    };
    assert_eq!(log_of(&after), log_of(&before), "the log is untouched");
    let toml = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    assert!(toml.contains("version = \"0.2.0\""), "{toml}");
    assert!(toml.contains("path = \"../pack\""), "{toml}");
    assert!(
        toml.contains("partners = true"),
        "the new question's default: {toml}"
    );
    let snapshot = fs::read_to_string(wb.join("pack-snapshot.toml")).expect("read");
    assert!(snapshot.contains("version = \"0.2.0\"") && snapshot.contains("behovsagare"));

    // Now nothing has changed; the removed item's answer is still shown,
    // and, removed by a newer version, it is no problem for `check`.
    let status = dino_in(&wb, &["--lang", "en", "status"]);
    status
        .code(0)
        .stdout_has("Answers to items the pack no longer has: start.dataskydd");
    assert!(!status.stdout.contains("has changed"), "{}", status.stdout);
    dino_in(&wb, &["check"]).code(0);
    dino_in(&wb, &["--lang", "en", "upgrade"])
        .code(0)
        .stderr_has("nothing to upgrade");
}

#[test]
fn a_new_version_of_the_built_in_pack_is_shown_against_the_recorded_one() {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["new", "Prov", "--no-input"]).code(0);
    let wb = dir.path().join("prov");
    let now = format!("version = \"{}\"", crate::support::dino_version());
    // Make the workbook look as if it was made with an older built-in pack:
    // one item it did not have, one it had that is gone, one worded
    // differently.
    edit(
        &wb.join("workbook.toml"),
        &[
            (now.as_str(), "version = \"0.9.0\""),
            ("hash = \"sha256:", "hash = \"sha256:0"),
        ],
    );
    let snapshot = wb.join("pack-snapshot.toml");
    let text = fs::read_to_string(&snapshot).expect("read");
    let first_item = text.find("[[phase.item]]").expect("an item");
    let next_item = first_item
        + 1
        + text[first_item + 1..]
            .find("[[phase.item]]")
            .expect("a second");
    let removed = &text[first_item..next_item];
    let id = removed.lines().nth(1).expect("id line").to_string();
    let older = text.replacen(
        removed,
        "[[phase.item]]\nid = \"gammal\"\nkind = \"check\"\nprompt = \"En gammal punkt\"\n\n",
        1,
    );
    fs::write(&snapshot, older.replacen(&now, "version = \"0.9.0\"", 1)).expect("write");

    let id = id.trim_start_matches("id = ").trim_matches('"');
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has(&format!(
            "The pack dino has changed since the workbook recorded it (0.9.0 → {}): 1 added, 1 removed",
            crate::support::dino_version()
        ))
        .stdout_has(&format!("+ initiering.{id}: new item"))
        .stdout_has("− initiering.gammal: item removed, “En gammal punkt”");
    dino_in(&wb, &["upgrade", "--yes"]).code(0);
    let toml = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    assert!(toml.contains(&now), "{toml}");
    assert_eq!(
        fs::read_to_string(&snapshot).expect("read"),
        text,
        "the snapshot is the built-in pack's again"
    );
}

#[test]
fn without_a_snapshot_the_change_is_named_and_upgrade_records_one() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    fs::remove_file(wb.join("pack-snapshot.toml")).expect("rm");
    // Nothing changed: upgrade writes the missing snapshot.
    dino_in(&wb, &["--lang", "en", "upgrade"])
        .code(0)
        .stderr_has("wrote a new snapshot of it (pack-snapshot.toml)");
    fs::remove_file(wb.join("pack-snapshot.toml")).expect("rm");
    change_the_pack(&dir.path().join("pack"));
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("(0.1.0 → 0.2.0). The workbook has no snapshot of the pack (pack-snapshot.toml), so what changed cannot be shown.");
    dino_in(&wb, &["upgrade", "--yes"]).code(0);
    assert!(wb.join("pack-snapshot.toml").is_file());
}

#[test]
fn a_damaged_snapshot_is_named_by_check_with_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    let snapshot = wb.join("pack-snapshot.toml");
    let good = fs::read_to_string(&snapshot).expect("read");
    edit(&snapshot, &[("\nversion = ", "\nversoin = ")]);
    dino_in(&wb, &["--lang", "en", "check"]).code(3).stdout_has(
        "pack-snapshot.toml:6:1: the snapshot of the pack could not be read (`version = …`?)",
    );
    // Status counts it among the problems, as check does.
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("1 problem in the workbook");

    // Damage further down shows once the pack changes and it is read whole.
    fs::write(&snapshot, good.replacen("[[phase]]", "[[phse]]", 1)).expect("write");
    dino_in(&wb, &["check"]).code(0);
    change_the_pack(&dir.path().join("pack"));
    dino_in(&wb, &["--lang", "en", "check"]).code(3).stdout_has(
        "pack-snapshot.toml:56:3: the snapshot of the pack could not be read (duplicate key)",
    );
}

#[test]
fn a_snapshot_out_of_step_with_workbook_toml_is_found_and_rewritten() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    // As if a merge took workbook.toml from one branch and the snapshot
    // from another.
    edit(
        &wb.join("pack-snapshot.toml"),
        &[("version = \"0.1.0\"", "version = \"0.2.0\"")],
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has("pack-snapshot.toml:6:11: the snapshot is of version 0.2.0, but workbook.toml records 0.1.0");
    dino_in(&wb, &["--lang", "en", "upgrade"])
        .code(0)
        .stderr_has("wrote a new snapshot of it");
    dino_in(&wb, &["check"]).code(0);
}

#[test]
fn upgrade_commit_makes_one_commit_of_the_two_files() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    git(dir.path(), &["init", "--quiet", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "start"]);
    change_the_pack(&dir.path().join("pack"));
    git(dir.path(), &["commit", "--quiet", "-am", "pack 0.2.0"]);
    dino_in(&wb, &["upgrade", "--yes", "--commit"])
        .code(0)
        .stderr_has("incheckat: dino: Prov: arbetsboken följer skolpilot 0.2.0");
    let files = git(dir.path(), &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "prov/pack-snapshot.toml\nprov/workbook.toml");
    assert_eq!(git(dir.path(), &["status", "--porcelain"]).trim(), "");
}

#[test]
fn an_answer_a_later_version_no_longer_takes_is_shown_not_reported() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    let pack = dir.path().join("pack");
    edit(
        &pack.join("start.toml"),
        &[(
            "  { id = \"nej\", label = { sv = \"Nej\", en = \"No\" }, lean = \"innovation\" },\n",
            "  { id = \"kanske\", label = { sv = \"Kanske\", en = \"Maybe\" } },\n",
        )],
    );
    edit(
        &pack.join("pack.toml"),
        &[("version = \"0.1.0\"", "version = \"0.2.0\"")],
    );
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("~ start.losning: options: added kanske; removed nej")
        .stdout_has("Answers that no longer fit their item (the pack changed it): start.losning");
    dino_in(&wb, &["check"]).code(0);
    let json = dino_in(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["outdated_answers"],
        serde_json::json!(["start.losning"])
    );
    // The same answer in an entry written with this very version is a mistake.
    let log = wb.join("log");
    let entry = fs::read_dir(&log)
        .expect("log")
        .flatten()
        .next()
        .expect("an entry")
        .path();
    edit(
        &entry,
        &[("pack_version = \"0.1.0\"", "pack_version = \"0.2.0\"")],
    );
    dino_in(&wb, &["--lang", "en", "check"])
        .code(3)
        .stdout_has("`losning`:");
}

#[test]
fn line_ends_texts_and_older_versions_are_told_apart_from_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    let pack = dir.path().join("pack");
    // A checkout with CRLF line ends is the same pack.
    for file in ["pack.toml", "start.toml", "test.toml"] {
        let text = fs::read_to_string(pack.join(file)).expect("read");
        fs::write(pack.join(file), text.replace('\n', "\r\n")).expect("write");
    }
    let status = dino_in(&wb, &["--lang", "en", "status"]);
    assert!(!status.stdout.contains("has changed"), "{}", status.stdout);

    // Guidance is not in the snapshot: the change is named, not listed.
    edit(
        &pack.join("start.toml"),
        &[("Börja med problemet", "Börja alltid med problemet")],
    );
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has("(0.1.0, new content), but only in texts the snapshot does not keep (guidance, help, criteria).");

    // An older version than the workbook follows: update dino, not the workbook.
    edit(
        &wb.join("workbook.toml"),
        &[("version = \"0.1.0\"", "version = \"0.3.0\"")],
    );
    dino_in(&wb, &["--lang", "en", "status"])
        .code(0)
        .stdout_has(
            "The workbook follows skolpilot 0.3.0, but only 0.1.0, an older version, is here",
        );
    let before = fs::read(wb.join("workbook.toml")).expect("read");
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(1)
        .stderr_has("a newer version than this one (0.1.0); update dino (or the pack) instead");
    assert_eq!(fs::read(wb.join("workbook.toml")).expect("read"), before);
}

#[test]
fn upgrade_takes_new_and_no_longer_fitting_profile_answers_from_a_file() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_on_a_copy(dir.path());
    let pack = dir.path().join("pack");
    edit(
        &pack.join("pack.toml"),
        &[
            ("version = \"0.1.0\"", "version = \"0.2.0\""),
            // The workbook answered `none`, which goes.
            ("default = \"none\"", "default = \"maybe\""),
            (
                "  { id = \"none\", label = { sv = \"Nej\", en = \"No\" } },\n",
                "",
            ),
            (
                "[readiness]",
                "[[profile]]\nid = \"budget\"\nkind = \"number\"\nrequired = true\nprompt = { sv = \"Budget?\", en = \"Budget?\" }\n\n[readiness]",
            ),
        ],
    );
    edit(
        &pack.join("test.toml"),
        &[("procurement != 'none'", "procurement != 'maybe'")],
    );
    dino_in(&wb, &["--lang", "en", "upgrade", "--yes"])
        .code(1)
        .stderr_has("the profile answer no longer fits")
        .stderr_has("the profile questions budget have no answer and no default");
    assert!(
        fs::read_to_string(wb.join("workbook.toml"))
            .expect("read")
            .contains("0.1.0")
    );
    fs::write(dir.path().join("mer.toml"), "budget = 150000\n").expect("write");
    let file = dir.path().join("mer.toml");
    dino_in(
        &wb,
        &[
            "upgrade",
            "--yes",
            "--profile",
            file.to_str().expect("UTF-8"),
        ],
    )
    .code(0);
    let toml = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    assert!(toml.contains("budget = 150000"), "{toml}");
    assert!(
        toml.contains("procurement = \"maybe\""),
        "the default now: {toml}"
    );
    dino_in(&wb, &["check"]).code(0);
}

/// The example workbook as it stood before its gates were recorded anew
/// under pack 2.0.0: its latest decisions are those of pack 1.0.0, whose
/// criteria had no ids and were recorded by number.
fn norrdal_before_criteria_by_id(dir: &Path) -> PathBuf {
    let wb = dir.join("norrdal");
    crate::support::copy_dir(
        &root().join("examples/workbooks/kompetenslyftet-i-norrdal"),
        &wb,
    );
    for entry in fs::read_dir(wb.join("log")).expect("log").flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("2026-05-18-")
        {
            fs::remove_file(entry.path()).expect("remove");
        }
    }
    wb
}

/// Runs `dino` in `wb` as of a day after the example's last entry.
fn in_may(wb: &Path, args: &[&str]) -> crate::support::Run {
    crate::support::dino_env(
        wb,
        args,
        &[
            ("DINO_NOW", "2026-05-20T09:00:00+02:00"),
            ("DINO_USER", "Anna Lind"),
        ],
    )
}

#[test]
fn criteria_recorded_by_number_under_an_earlier_pack_are_read_by_their_text_or_named() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = norrdal_before_criteria_by_id(dir.path());
    let gate_file = "log/2026-03-03-1400-gate-initiering-d1b2d2.md";
    // Criterion 1 reads as the criterion with its text now; criterion 2
    // was reworded, so nothing takes it: a finding at its record.
    let run = in_may(&wb, &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has(&format!(
            "{gate_file}:37:1: criterion `2` was recorded by its number in version 1.0.0 of the pack, and no criterion of the gate of phase `initiering` has that text any more; it does not count. Record the criteria anew: `dino gate initiering --decision … --criterion ID=…`"
        ))
        .stdout_lacks(&format!("{gate_file}:33:"))
        .stdout_lacks("gate-forsta");
    let doc: serde_json::Value =
        serde_json::from_str(&in_may(&wb, &["status", "--format", "json"]).stdout).expect("JSON");
    let phases = &doc["workbooks"][0]["phases"];
    let status_of = |phase: usize, id: &str| {
        phases[phase]["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["status"].clone())
    };
    assert_eq!(status_of(0, "behovsagare_star_bakom"), Some("met".into()));
    assert_eq!(status_of(0, "risker_har_agare"), Some("unrecorded".into()));
    // Both of the discovery gate's criteria read as they were written.
    assert_eq!(status_of(1, "bygger_pa_anvandare"), Some("met".into()));
    assert_eq!(status_of(1, "behovsagare_sett_fynd"), Some("met".into()));
    assert_eq!(status_of(1, "luckor_namngivna"), Some("unrecorded".into()));
    // `dino gate` shows the one no longer taken beside the gate's own.
    in_may(&wb, &["--lang", "en", "gate", "initiering"])
        .code(0)
        .stdout_has("(behovsagare_star_bakom) — Met\n")
        .stdout_has("  • Varje risk från förutsättningsmätningen har en ägare och en åtgärd. — Met · no longer taken by the gate (no. 2 in version 1.0.0 of the pack); not counted\n");
    // A decision that records the criteria by id settles it.
    in_may(
        &wb,
        &[
            "gate",
            "initiering",
            "--decision",
            "pause",
            "--why",
            "Kriterierna prövas igen",
            "--criterion",
            "risker_har_agare=met",
        ],
    )
    .code(0);
    in_may(&wb, &["check"]).code(0);
}
