//! Adaptation to the project profile on the real binary: a pack's terms in
//! the words of the organisation, the profile changed by a `profile` entry
//! (`dino profile`), the diagnostic's track, and unsettled answers at a gate.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_in, pinned, root};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The fixture pack with a term, a track and an unsettled option.
fn pack() -> String {
    root()
        .join("tests/fixtures/adapted")
        .to_str()
        .expect("UTF-8")
        .to_string()
}

/// A workbook on the fixture pack, with this profile file.
fn workbook(dir: &Path, profile: &str) -> PathBuf {
    fs::write(dir.join("p.toml"), profile).expect("write");
    pinned(
        dir,
        &[
            "new",
            "Prov",
            "--pack",
            &pack(),
            "--profile",
            "p.toml",
            "--no-input",
        ],
    )
    .code(0);
    dir.join("prov")
}

#[test]
fn pack_show_reads_each_term_as_its_default_and_braces_as_written() {
    let dir = temp();
    let run = dino_in(dir.path(), &["pack", "show", &pack(), "start"]);
    run.code(0)
        .stdout_has("Försöket är förankrat hos nämnden.")
        .stdout_has("Problemet är förankrat hos behovsägaren och nämnden.")
        .stdout_lacks("{styrelse}");
    let run = dino_in(
        dir.path(),
        &["pack", "show", &pack(), "start", "--lang", "en"],
    );
    run.code(0)
        .stdout_has("The trial is anchored with the committee.");
    let doc = dino_in(dir.path(), &["pack", "doc", &pack()]);
    doc.code(0)
        .stdout_has("nämnden")
        // Each option's words by its label, in the question's order.
        .stdout_has("Region: regionstyrelsen; Myndighet: myndighetsledningen")
        .stdout_has("{ÅÅÅÅ-MM-DD}")
        .stdout_lacks("{styrelse}");
}

#[test]
fn a_workbook_reads_the_words_of_its_organisation() {
    let dir = temp();
    let region = workbook(dir.path(), "org_kind = \"region\"\n");
    pinned(&region, &["status"])
        .code(0)
        .stdout_has("Försöket är förankrat hos regionstyrelsen.");
    let snapshot = fs::read_to_string(region.join("pack-snapshot.toml")).expect("snapshot");
    assert!(
        snapshot.contains("Försöket är förankrat hos regionstyrelsen."),
        "{snapshot}"
    );

    let other = temp();
    let agency = workbook(other.path(), "org_kind = \"agency\"\n");
    pinned(&agency, &["status"])
        .code(0)
        .stdout_has("Försöket är förankrat hos myndighetsledningen.");
    // A session records the prompt as the team read it.
    fs::write(agency.join("a.toml"), "[answers]\nforankrat = true\n").expect("write");
    pinned(&agency, &["run", "start", "--answers", "a.toml"]).code(0);
    let log = fs::read_dir(agency.join("log"))
        .expect("log")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("entry");
    let entry = fs::read_to_string(log.path()).expect("read");
    assert!(
        entry.contains("Försöket är förankrat hos myndighetsledningen."),
        "{entry}"
    );
}

#[test]
fn dino_profile_set_changes_what_applies_and_where_it_came_from() {
    let dir = temp();
    let wb = workbook(dir.path(), "org_kind = \"region\"\n");
    pinned(&wb, &["status"])
        .code(0)
        .stdout_lacks("Dataskyddet är genomgånget.");
    pinned(&wb, &["profile"])
        .code(0)
        .stdout_has("Hanterar vi personuppgifter? (personal_data)\n  Nej  · workbook.toml");

    let run = pinned(
        &wb,
        &[
            "profile",
            "set",
            "personal_data",
            "true",
            "--reason",
            "Vi samlar in elevernas namn.",
        ],
    );
    run.code(0).stdout_has("profile-");
    let status = pinned(&wb, &["status"]);
    status.code(0).stdout_has("Dataskyddet är genomgånget.");
    pinned(&wb, &["profile"])
        .code(0)
        .stdout_has("  Ja  · post ");
    let workbook_toml = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    assert!(
        !workbook_toml.contains("personal_data = true"),
        "{workbook_toml}"
    );

    // Terms follow the profile as it stands.
    pinned(&wb, &["profile", "set", "org_kind", "agency"]).code(0);
    pinned(&wb, &["status"])
        .code(0)
        .stdout_has("Försöket är förankrat hos myndighetsledningen.");
    pinned(&wb, &["check"]).code(0);

    // The same answer again writes nothing.
    pinned(&wb, &["profile", "set", "org_kind", "agency"])
        .code(0)
        .stderr_has("profilen är oförändrad; inget skrevs");
}

#[test]
fn dino_profile_set_refuses_what_does_not_fit_and_names_the_closest() {
    let dir = temp();
    let wb = workbook(dir.path(), "");
    pinned(&wb, &["profile", "set", "org_kid", "region"])
        .code(1)
        .stderr_has("profilen har ingen fråga `org_kid`; menade du `org_kind`?");
    pinned(&wb, &["profile", "set", "org_kind", "regon"])
        .code(1)
        .stderr_has("`org_kind` har inget alternativ `regon`; menade du `region`? (alternativen: ");
    // Nothing close: no suggestion, and no stray mark before the options.
    pinned(&wb, &["profile", "set", "org_kind", "landsting"])
        .code(1)
        .stderr_has("`org_kind` har inget alternativ `landsting` (alternativen: ");
    pinned(&wb, &["profile", "set", "personal_data", "kanske"])
        .code(1)
        .stderr_has("true eller false");
    pinned(&wb, &["profile", "--review"])
        .code(1)
        .stderr_has("--review frågar vid en terminal");
    let entries = fs::read_dir(wb.join("log")).expect("log").flatten();
    assert_eq!(
        entries
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .count(),
        0
    );
}

#[test]
fn dino_check_names_a_profile_entry_that_does_not_fit() {
    let dir = temp();
    let wb = workbook(dir.path(), "");
    fs::write(
        wb.join("log/2026-03-03-1000-profile-abcdef.md"),
        "+++\nkind = \"profile\"\ndate = 2026-03-03T10:00:00+01:00\nauthor = \"Anna Lind\"\n+++\n\n# Projektprofil\n\n### Sort? <!-- item: org_knd -->\n\n* [x] Region <!-- option: region -->\n\n### Inköp? <!-- item: procurement -->\n\n* [x] Nej <!-- option: none -->\n* [x] Ja <!-- option: yes -->\n",
    )
    .expect("write");
    let run = pinned(&wb, &["check"]);
    run.code(3)
        .stdout_has("log/2026-03-03-1000-profile-abcdef.md:9:1: profilen har ingen fråga `org_knd`; menade du `org_kind`?")
        .stdout_has("log/2026-03-03-1000-profile-abcdef.md:13:1: `procurement`:");
}

#[test]
fn the_report_names_the_track_chosen_beside_the_verdict() {
    let dir = temp();
    let wb = workbook(dir.path(), "");
    fs::write(
        wb.join("a.toml"),
        "[answers]\nlosning = \"ja\"\nspar = \"latt\"\nplan = \"Tre möten.\"\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "a.toml"]).code(0);
    pinned(&wb, &["report"])
        .code(0)
        .stdout_has("Svaren lutar åt verksamhetsutveckling")
        .stdout_has("Teamets val (Vilket spår väljer vi): Lätt spår: en kort plan.");
}

#[test]
fn a_decision_without_a_terminal_reminds_of_an_unsettled_answer() {
    let dir = temp();
    let wb = workbook(dir.path(), "procurement = \"maybe\"\n");
    let run = pinned(&wb, &["gate", "--decision", "pause", "--why", "Vi väntar"]);
    run.code(0)
        .stderr_has("påminnelse: ”Behöver vi köpa in något?” är fortfarande ”Kanske”");
    pinned(&wb, &["profile", "set", "procurement", "yes"]).code(0);
    pinned(
        &wb,
        &["gate", "--decision", "pause", "--why", "Vi väntar igen"],
    )
    .code(0)
    .stderr_lacks("påminnelse");
}

#[test]
fn a_scripted_run_reminds_of_an_unsettled_answer_before_its_decision() {
    let dir = temp();
    let wb = workbook(dir.path(), "procurement = \"maybe\"\n");
    let answers = "[answers]\nproblem = \"Frånvaro\"\nlosning = \"nej\"\nspar = \"innovation\"\nforankrat = true\n";
    // Each file decides with its own motivation, so each writes a decision.
    let with_gate = |file: &str, why: &str| {
        let gate = format!(
            "[gate]\ndecision = \"pause\"\ndecided_by = \"Anna Lind\"\nmotivation = \"{why}\"\ncriteria = {{ 1 = \"met\" }}\n"
        );
        fs::write(wb.join(file), format!("{answers}\n{gate}")).expect("write");
    };
    // A session without `[gate]` decides nothing and reminds of nothing.
    fs::write(wb.join("plain.toml"), answers).expect("write");
    pinned(&wb, &["run", "start", "--answers", "plain.toml"])
        .code(0)
        .stderr_lacks("påminnelse");
    with_gate("a.toml", "Vi väntar");
    pinned(&wb, &["run", "start", "--answers", "a.toml"])
        .code(0)
        .stderr_has("påminnelse: ”Behöver vi köpa in något?” är fortfarande ”Kanske”; ");
    with_gate("b.toml", "We wait");
    pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "b.toml"],
    )
    .code(0)
    .stderr_has("reminder: “Will we need to buy anything?” is still “Maybe”; ");
    // Settled, a file decides without a word about it.
    pinned(&wb, &["profile", "set", "procurement", "yes"]).code(0);
    with_gate("c.toml", "Vi väntar ännu");
    pinned(&wb, &["run", "start", "--answers", "c.toml"])
        .code(0)
        .stderr_lacks("påminnelse");
    let gates = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("-gate-"))
        .count();
    assert_eq!(gates, 3);
    pinned(&wb, &["check"]).code(0);
}

#[test]
fn the_gate_at_a_terminal_asks_about_the_profile_and_an_unsettled_answer_again() {
    use crate::terminal::{DOWN, ENTER, no_next_gate, session};
    let dir = temp();
    let wb = workbook(dir.path(), "procurement = \"maybe\"\n");
    fs::write(
        wb.join("a.toml"),
        "[answers]\nproblem = \"Frånvaro\"\nlosning = \"nej\"\nspar = \"innovation\"\nforankrat = true\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "a.toml"]).code(0);
    let mut p = session(&wb, &["--lang", "en", "gate"]);
    p.expect("The project profile:").expect("shown");
    p.expect("Will we need to buy anything?: Maybe")
        .expect("its answer");
    p.expect("Does the project profile still hold?")
        .expect("asked");
    p.send(ENTER).expect("yes");
    // Maybe is unsettled: asked again, with Maybe chosen.
    p.expect("Will we need to buy anything?")
        .expect("asked again");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("yes");
    p.expect("profile-").expect("the profile entry written");
    p.expect("What do you decide?").expect("then the gate");
    p.send(ENTER).expect("go on");
    p.expect("Criterion: Problemet").expect("the criterion");
    p.send(ENTER).expect("met");
    p.expect("Who decided?").expect("decider");
    // No gate decided before: nobody is filled in.
    p.send("Anna Lind\r").expect("key");
    p.expect("Why?").expect("why");
    p.send("Klart\r").expect("why");
    no_next_gate(&mut p);
    p.expect(expectrl::Eof).expect("ends");
    pinned(&wb, &["profile"])
        .code(0)
        .stdout_has("Behöver vi köpa in något? (procurement)\n  Ja (yes)  · post ");
    let names: Vec<String> = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    pinned(&wb, &["check"]).code(0);
}

#[test]
fn profile_review_at_a_terminal_writes_only_what_changed() {
    use crate::terminal::{DOWN, ENTER, session};
    let dir = temp();
    let wb = workbook(dir.path(), "org_kind = \"region\"\n");
    let mut p = session(&wb, &["--lang", "en", "profile", "--review"]);
    p.expect("Will we need to buy anything?").expect("first");
    p.send(ENTER).expect("kept");
    p.expect("What kind of organisation are you?")
        .expect("second");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("agency");
    p.expect("Will we handle personal data?").expect("third");
    p.send(ENTER).expect("kept");
    p.expect(expectrl::Eof).expect("ends");
    let entries: Vec<String> = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| fs::read_to_string(p).expect("read"))
        .collect();
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0].contains("<!-- item: org_kind -->"),
        "{}",
        entries[0]
    );
    assert!(
        !entries[0].contains("<!-- item: procurement -->"),
        "{}",
        entries[0]
    );
    pinned(&wb, &["status"])
        .code(0)
        .stdout_has("Försöket är förankrat hos myndighetsledningen.");
}

#[test]
fn dino_profile_set_takes_an_options_label_and_names_every_option_by_id_and_label() {
    let dir = temp();
    let wb = workbook(dir.path(), "org_kind = \"region\"\n");
    pinned(&wb, &["profile", "set", "org_kind", "kommunen"])
        .code(1)
        .stderr_has("`org_kind` har inget alternativ `kommunen`")
        .stderr_has(
            " (alternativen: `municipality` (Kommun), `region` (Region), \
             `agency` (Myndighet)); inget skrevs",
        )
        .stderr_lacks(";  (")
        .stderr_lacks("; (");
    pinned(
        &wb,
        &["--lang", "en", "profile", "set", "org_kind", "xyzzy-foo"],
    )
    .code(1)
    .stderr_has("(the options: `municipality` (Municipality), `region` (Region),");
    pinned(&wb, &["profile"])
        .code(0)
        .stdout_has("  Region (region)  · workbook.toml");

    pinned(&wb, &["profile", "set", "org_kind", "Kommun"]).code(0);
    pinned(&wb, &["profile"])
        .code(0)
        .stdout_has("  Kommun (municipality)  · post ");
    pinned(&wb, &["profile", "set", "org_kind", "AGENCY"]).code(0);
    pinned(&wb, &["--lang", "en", "profile"])
        .code(0)
        .stdout_has("  Agency (agency)  · entry ");
}
