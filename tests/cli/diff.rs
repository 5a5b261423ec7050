//! `dino diff`: what a branch changes in a workbook, read from real git
//! repositories in temporary folders by the real binary, in each format.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Run, git, pinned, skolpilot};

/// A repository in `dir/repo` whose `main` holds a new workbook on the
/// example pack, with the branch `feature` checked out; returns the
/// repository and the workbook.
fn repository(dir: &Path) -> (PathBuf, PathBuf) {
    let repo = dir.join("repo");
    fs::create_dir_all(&repo).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    let wb = skolpilot(&repo, false);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Arbetsboken"]);
    git(&repo, &["switch", "-q", "-c", "feature"]);
    (repo, wb)
}

const ANSWERS: &str = r#"[answers]
problem = "Elever hoppar av"
losning = "nej"

[[actions]]
item = "problem"
text = "Hämta elevhälsans siffror"
owner = "Karin Lindqvist"
due = 2026-03-31
"#;

const READINESS: &str = "[[respondents]]\nname = \"Rektor\"\nanswers = { \"mandat.beslut\" = 4 }\n";

/// On the branch: the phase's items answered with an action raised, the
/// gate decided, an action noted and closed, a risk, and a readiness
/// assessment; committed.
fn branch_work(repo: &Path, wb: &Path) {
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let gate = [
        "gate",
        "start",
        "--decision",
        "go",
        "--by",
        "Eva Ström",
        "--why",
        "Problemet är tydligt",
        "--criterion",
        "behovsagare=met",
        "--criterion",
        "tid=met",
    ];
    pinned(wb, &gate).code(0);
    let note = [
        "note",
        "action",
        "Boka möte med rektorerna",
        "--owner",
        "Anna Lind",
        "--due",
        "2026-03-20",
    ];
    pinned(wb, &note).code(0);
    let action = only_id(wb, "action");
    pinned(wb, &["done", &action]).code(0);
    let risk = ["note", "risk", "Lokalerna räcker inte", "--owner", "Eva"];
    pinned(wb, &risk).code(0);
    fs::write(wb.join("r.toml"), READINESS).expect("write");
    pinned(wb, &["run", "readiness", "--answers", "r.toml"]).code(0);
    for file in ["svar.toml", "r.toml"] {
        fs::remove_file(wb.join(file)).expect("rm");
    }
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "Start"]);
}

/// The id of the one entry whose file name says `what`.
fn only_id(wb: &Path, what: &str) -> String {
    let names: Vec<String> = fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(&format!("-{what}-")))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    names[0]
        .trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("an id")
        .to_string()
}

fn diff(wb: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "en", "diff"];
    all.extend_from_slice(args);
    pinned(wb, &all)
}

fn json(wb: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = diff(wb, &all);
    run.code(0);
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// The output with the commits' hashes replaced by names, for snapshots.
fn without_hashes(text: &str, repo: &Path) -> String {
    let mut out = text.to_string();
    for rev in ["main", "HEAD"] {
        let full = git(repo, &["rev-parse", rev]).trim().to_string();
        out = out.replace(&full, &format!("<{rev}>"));
        out = out.replace(&full[..7], &format!("<{rev}>"));
    }
    out
}

#[test]
fn a_branchs_changes_are_shown_in_each_format() {
    let dir = tempfile::tempdir().expect("temp");
    let (repo, wb) = repository(dir.path());
    branch_work(&repo, &wb);

    let table = diff(&wb, &["main"]);
    table
        .code(0)
        .stdout_has("From main (")
        .stdout_has("to the working tree: 2 answers, 1 gate, 2 actions, 1 risk, readiness.")
        .stdout_has("Elever hoppar av")
        .stdout_has("open")
        .stdout_has("decided: Go on (2026-03-02)")
        .stdout_has("Hämta elevhälsans siffror")
        .stdout_has("raised and closed")
        .stdout_has("Lokalerna räcker inte")
        .stdout_has("Readiness (assessments: 0 → 1)");
    insta::assert_snapshot!("diff_table", without_hashes(&table.stdout, &repo));

    let md = diff(&wb, &["main", "--format", "md"]);
    md.code(0)
        .stdout_has("## dino diff: Prov\n")
        .stdout_has("### Answers\n\n| Phase | Item | Change | Before | After |\n| --- |")
        .stdout_has("### Gates")
        .stdout_has("### Actions")
        .stdout_has("### Risks")
        .stdout_has("### Readiness (assessments: 0 → 1)");
    insta::assert_snapshot!("diff_md", without_hashes(&md.stdout, &repo));

    let doc = json(&wb, &["main"]);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["workbook"], "Prov");
    assert_eq!(doc["from"]["rev"], "main");
    assert_eq!(doc["to"]["rev"], serde_json::Value::Null);
    let answers = doc["answers"].as_array().expect("answers");
    assert!(answers.iter().any(|a| a["item"] == "problem"
        && a["change"] == "added"
        && a["new"] == "Elever hoppar av"));
    let gate = &doc["gates"][0];
    assert_eq!(gate["phase"], "start");
    assert_eq!(gate["old"]["state"], "open");
    assert_eq!(gate["new"]["state"], "decided");
    assert_eq!(gate["new"]["decision"], "go");
    let changes: Vec<&str> = doc["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["change"].as_str().expect("a change"))
        .collect();
    assert!(changes.contains(&"raised"), "{changes:?}");
    assert!(changes.contains(&"raised_and_closed"), "{changes:?}");
    assert_eq!(doc["risks"][0]["change"], "raised");
    assert_eq!(doc["readiness"]["old_assessments"], 0);
    assert_eq!(doc["readiness"]["new_assessments"], 1);
    assert_eq!(
        doc["readiness"]["dimensions"][0]["old"],
        serde_json::Value::Null
    );
}

#[test]
fn a_gate_decided_on_a_second_branch_reads_from_ready_to_decided_and_closing_an_action_reads_closed()
 {
    let dir = tempfile::tempdir().expect("temp");
    let (repo, wb) = repository(dir.path());
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    fs::remove_file(wb.join("svar.toml")).expect("rm");
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Svar"]);
    let raised = format!("{}-1", only_id(&wb, "start"));
    pinned(&wb, &["done", &raised]).code(0);
    let gate = [
        "gate",
        "start",
        "--decision",
        "pause",
        "--by",
        "Eva",
        "--why",
        "Vänta",
    ];
    pinned(&wb, &gate).code(0);
    let doc = json(&wb, &["HEAD"]);
    assert_eq!(doc["gates"][0]["old"]["state"], "ready");
    assert_eq!(doc["gates"][0]["new"]["decision"], "pause");
    assert_eq!(doc["actions"][0]["id"], raised.as_str());
    assert_eq!(doc["actions"][0]["change"], "closed");
    assert!(doc["answers"].as_array().expect("answers").is_empty());
}

#[test]
fn by_default_the_range_starts_where_the_branch_left_its_upstream_and_takes_uncommitted_entries() {
    let dir = tempfile::tempdir().expect("temp");
    let hub = dir.path().join("hub.git");
    git(
        dir.path(),
        &["init", "-q", "--bare", "-b", "main", "hub.git"],
    );
    let (repo, wb) = repository(dir.path());
    git(
        &repo,
        &["remote", "add", "origin", hub.to_str().expect("UTF-8")],
    );
    git(&repo, &["push", "-q", "origin", "main"]);
    git(&repo, &["branch", "-q", "--set-upstream-to", "origin/main"]);
    branch_work(&repo, &wb);
    // Written, not committed.
    pinned(
        &wb,
        &["note", "risk", "Ingen lokal i juni", "--owner", "Eva"],
    )
    .code(0);

    let run = diff(&wb, &[]);
    run.code(0)
        .stdout_has("From the merge base with origin/main (")
        .stdout_has("to the working tree")
        .stdout_has("Ingen lokal i juni")
        .stdout_has("Elever hoppar av")
        .stdout_lacks("no upstream");
    let doc = json(&wb, &[]);
    let base = git(&repo, &["merge-base", "HEAD", "origin/main"]);
    assert_eq!(doc["from"]["commit"], base.trim());
    assert_eq!(doc["risks"].as_array().expect("risks").len(), 2);

    // From a revision to the working tree: the same range here.
    let one = json(&wb, &["main"]);
    assert_eq!(one["risks"].as_array().expect("risks").len(), 2);
    // Between two revisions: what is not committed is not in it.
    let two = json(&wb, &["main", "HEAD"]);
    assert_eq!(two["to"]["rev"], "HEAD");
    let risks = two["risks"].as_array().expect("risks");
    assert_eq!(risks.len(), 1);
    assert_eq!(risks[0]["text"], "Lokalerna räcker inte");
    // Nothing in the index or the working tree moved.
    let status = git(&repo, &["status", "--porcelain"]);
    assert_eq!(status.lines().count(), 1, "{status}");
}

#[test]
fn without_an_upstream_the_range_starts_at_head_and_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let (_repo, wb) = repository(dir.path());
    pinned(
        &wb,
        &["note", "risk", "Ingen lokal i juni", "--owner", "Eva"],
    )
    .code(0);
    diff(&wb, &[])
        .code(0)
        .stdout_has("From HEAD (")
        .stdout_has("the branch has no upstream: comparing from HEAD")
        .stdout_has("Ingen lokal i juni");
}

#[test]
fn a_workbook_that_was_not_there_at_the_first_revision_is_all_new() {
    let dir = tempfile::tempdir().expect("temp");
    let repo = dir.path().join("repo");
    fs::create_dir_all(&repo).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    fs::write(repo.join("README.md"), "Projekt\n").expect("write");
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Först"]);
    let wb = skolpilot(&repo, false);
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    fs::remove_file(wb.join("svar.toml")).expect("rm");
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Arbetsboken"]);
    diff(&wb, &["HEAD~1", "HEAD"])
        .code(0)
        .stdout_has("(the workbook was not there: everything is new)")
        .stdout_has("Elever hoppar av");
    let doc = json(&wb, &["HEAD~1", "HEAD"]);
    assert_eq!(doc["from"]["present"], false);
    assert_eq!(doc["to"]["present"], true);
    assert_eq!(doc["answers"].as_array().expect("answers").len(), 2);
    assert_eq!(doc["profile"].as_array().expect("profile").len(), 2);
}

#[test]
fn an_unknown_revision_is_named_with_gits_words() {
    let dir = tempfile::tempdir().expect("temp");
    let (_repo, wb) = repository(dir.path());
    diff(&wb, &["inte-en-gren"])
        .code(1)
        .stderr_has("unknown revision `inte-en-gren` (git: fatal: bad revision");
    diff(&wb, &["main", "--", "--output=x"])
        .code(1)
        .stderr_has("unknown revision `--output=x`");
    assert!(!wb.join("x").exists());
}

#[test]
fn outside_a_repository_or_with_a_workbook_outside_it_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = skolpilot(dir.path(), false);
    diff(&wb, &[])
        .code(1)
        .stderr_has("is not in a git repository")
        .stderr_lacks("panicked");
    let other = tempfile::tempdir().expect("temp");
    let (repo, _) = repository(other.path());
    let elsewhere = wb.to_str().expect("UTF-8");
    diff(&repo, &["main", "--workbook", elsewhere])
        .code(1)
        .stderr_has("is outside the git repository at");
}

#[cfg(unix)]
#[test]
fn a_link_committed_in_log_is_left_out_and_named_never_followed() {
    let dir = tempfile::tempdir().expect("temp");
    let (repo, wb) = repository(dir.path());
    // An entry outside the workbook that would read, were the link followed.
    let outside = dir.path().join("2026-03-02-0915-risk-abcdef.md");
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    fs::remove_file(wb.join("svar.toml")).expect("rm");
    let entry = fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .next()
        .expect("an entry")
        .path();
    fs::rename(&entry, &outside).expect("move the entry out");
    let link = wb.join("log").join("2026-03-02-0915-start-abcdef.md");
    std::os::unix::fs::symlink(&outside, &link).expect("symlink");
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "En länk"]);
    let run = diff(&wb, &["main", "HEAD"]);
    run.code(0)
        .stdout_has("is a symbolic link in the revision; left out, not followed")
        .stdout_has("no changes")
        .stdout_lacks("Elever hoppar av");
}

#[test]
fn an_answer_with_markdown_and_html_stays_text_in_the_comment() {
    let dir = tempfile::tempdir().expect("temp");
    let (_repo, wb) = repository(dir.path());
    let hostile = ANSWERS.replace(
        "Elever hoppar av",
        "<script>alert(1)</script> | [klicka](https://evil.example) ![x](y) **fet**",
    );
    fs::write(wb.join("svar.toml"), hostile).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let md = diff(&wb, &["main", "--format", "md"]);
    md.code(0)
        .stdout_has("\\<script\\>alert(1)\\</script\\> \\| \\[klicka\\](https://evil.example) \\!\\[x\\](y) \\*\\*fet\\*\\*")
        .stdout_lacks("<script>")
        .stdout_lacks("[klicka](");
    let row = md
        .stdout
        .lines()
        .find(|l| l.contains("alert"))
        .expect("the answer's row");
    assert_eq!(row.matches(" | ").count(), 4, "{row}");
}

#[test]
fn the_comparison_is_in_swedish_in_a_swedish_workbook() {
    let dir = tempfile::tempdir().expect("temp");
    let (repo, wb) = repository(dir.path());
    branch_work(&repo, &wb);
    pinned(&wb, &["diff", "main"])
        .code(0)
        .stdout_has("Från main (")
        .stdout_has("till arbetskopian: 2 svar, 1 beslutspunkt, 2 åtgärder, 1 risk, mognad.")
        .stdout_has("beslutad: Fortsätt (2026-03-02)");
}

#[test]
fn a_pack_folder_beside_the_workbook_is_read_from_the_working_tree_and_that_is_said() {
    let dir = tempfile::tempdir().expect("temp");
    let repo = dir.path().join("repo");
    fs::create_dir_all(&repo).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    crate::support::copy_dir(
        &crate::support::root().join("examples/packs/skolpilot"),
        &repo.join("packs/skolpilot"),
    );
    fs::write(repo.join("p.toml"), "personal_data = false\n").expect("write");
    let new = [
        "new",
        "Prov",
        "--pack",
        "packs/skolpilot",
        "--profile",
        "p.toml",
        "--no-input",
    ];
    pinned(&repo, &new).code(0);
    let wb = repo.join("prov");
    let file = fs::read_to_string(wb.join("workbook.toml")).expect("workbook.toml");
    assert!(file.contains("path = \"../packs/skolpilot\""), "{file}");
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Arbetsboken"]);
    fs::write(wb.join("svar.toml"), ANSWERS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let run = diff(&wb, &["HEAD"]);
    run.code(0)
        .stdout_has("Elever hoppar av")
        .stdout_has("The pack is read from the working tree: ")
        .stdout_lacks("snapshot");
}

#[test]
fn a_merge_that_answers_an_item_twice_shows_a_new_disagreement_and_a_profile_change_shows_too() {
    let dir = tempfile::tempdir().expect("temp");
    let (repo, wb) = repository(dir.path());
    let answer = |text: &str, message: &str| {
        fs::write(
            wb.join("svar.toml"),
            ANSWERS.replace("Elever hoppar av", text),
        )
        .expect("write");
        pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
        fs::remove_file(wb.join("svar.toml")).expect("rm");
        git(&repo, &["add", "-A"]);
        git(&repo, &["commit", "-q", "-m", message]);
    };
    answer("Elever hoppar av", "Ett svar");
    git(&repo, &["switch", "-q", "-c", "other", "main"]);
    answer("Lärare slutar", "Ett annat svar");
    git(&repo, &["switch", "-q", "feature"]);
    git(&repo, &["merge", "-q", "--no-edit", "other"]);
    pinned(
        &wb,
        &[
            "profile",
            "set",
            "personal_data",
            "true",
            "--reason",
            "Elevdata",
        ],
    )
    .code(0);

    let doc = json(&wb, &["main"]);
    let disagreement = &doc["disagreements"][0];
    assert_eq!(disagreement["item"], "problem");
    assert_eq!(disagreement["change"], "new");
    let profile = &doc["profile"][0];
    assert_eq!(profile["id"], "personal_data");
    assert_eq!(
        (&profile["old"], &profile["new"]),
        (&"No".into(), &"Yes".into())
    );
    diff(&wb, &["main"])
        .code(0)
        .stdout_has("Disagreements")
        .stdout_has("Profile");

    // Settled by the merge's own later answer: from the merge to here.
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "Profil"]);
    answer("Elever och lärare", "Avgjort");
    let settled = json(&wb, &["HEAD~1", "HEAD"]);
    assert_eq!(settled["disagreements"][0]["change"], "settled");
    assert_eq!(settled["answers"][0]["change"], "changed");
}
