//! What a report says as of its day: the day itself in every format, a
//! stale workbook (and a paused one that is not), what is to follow up
//! with owners (redacted when asked), and the one page for a manager.

use std::path::{Path, PathBuf};

use crate::support::{dino_env, pinned, root};

const EXAMPLE: &str = "examples/workbooks/kompetenslyftet-i-norrdal";

/// Runs `dino` in `dir` as of `day` (noon, Swedish summer time).
fn as_of(dir: &Path, day: &str, args: &[&str]) -> crate::support::Run {
    let now = format!("{day}T12:00:00+02:00");
    dino_env(dir, args, &[("DINO_NOW", now.as_str())])
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        let (path, target) = (entry.path(), to.join(entry.file_name()));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The example workbook in `dir`, with two actions and a risk to follow up
/// as of 2026-05-20: one overdue, owned by Gunilla Strand.
fn example_with_actions(dir: &Path) -> PathBuf {
    let wb = dir.join("norrdal");
    copy_dir(&root().join(EXAMPLE), &wb);
    // Only this test's own follow-up: the example's is left out.
    for entry in std::fs::read_dir(wb.join("log")).expect("log/").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let followed = ["kind = \"action\"", "kind = \"done\"", "\nowner = "];
        if followed.iter().any(|key| text.contains(key)) {
            std::fs::remove_file(entry.path()).expect("remove");
        }
    }
    let notes: [&[&str]; 3] = [
        &[
            "note",
            "action",
            "Boka möte med vuxenutbildningen",
            "--owner",
            "Gunilla Strand",
            "--due",
            "2026-05-10",
        ],
        &[
            "note",
            "action",
            "Skicka enkäten",
            "--owner",
            "Omar Haddad",
            "--due",
            "2026-06-15",
        ],
        &[
            "note",
            "risk",
            "Budgeten räcker inte",
            "--owner",
            "Omar Haddad",
            "--due",
            "2026-06-01",
        ],
    ];
    for args in notes {
        pinned(&wb, args).code(0);
    }
    wb
}

/// A new workbook on the built-in pack, with one note written 2026-03-02.
fn quiet_workbook(dir: &Path, name: &str) -> PathBuf {
    pinned(dir, &["new", name, "--no-input"]).code(0);
    let wb = dir.join(name.to_lowercase());
    pinned(&wb, &["note", "insight", "Vi börjar"]).code(0);
    wb
}

#[test]
fn every_report_says_the_day_it_describes() {
    let portfolio = "examples/portfolio";
    for summary in [false, true] {
        for path in [EXAMPLE, portfolio] {
            let mut args = vec!["report", path];
            if summary {
                args.push("--summary");
            }
            for (lang, said) in [("sv", "Per 2026-05-20"), ("en", "As of 2026-05-20")] {
                for format in ["md", "html"] {
                    let args = [&["--lang", lang][..], &args, &["--format", format]].concat();
                    let run = as_of(&root(), "2026-05-20", &args);
                    run.code(0);
                    assert!(unspanned(&run.stdout).contains(said), "{}", run.stdout);
                }
            }
            let json = [&args[..], &["--format", "json"]].concat();
            let run = as_of(&root(), "2026-05-20", &json);
            run.code(0);
            let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
            assert_eq!(doc["as_of"], "2026-05-20", "{path} {summary}");
            for wb in doc["workbooks"].as_array().expect("workbooks") {
                assert_eq!(wb["as_of"], "2026-05-20", "{path} {summary}");
            }
        }
    }
    // Without DINO_NOW, today.
    let run = crate::support::dino(&["report", EXAMPLE, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let day: jiff::civil::Date = doc["as_of"]
        .as_str()
        .expect("as_of")
        .parse()
        .expect("a day");
    let now = jiff::Timestamp::now();
    let here = jiff::tz::TimeZone::system()
        .to_offset(now)
        .to_datetime(now)
        .date();
    assert_eq!(day, here);
}

#[test]
fn a_workbook_with_nothing_written_for_long_is_stale_everywhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wb = quiet_workbook(dir.path(), "Tyst");
    // 60 days after the note it is not stale yet; 61 days after, it is.
    as_of(&wb, "2026-05-01", &["--lang", "en", "status"])
        .code(0)
        .stdout_lacks("Stale");
    as_of(&wb, "2026-05-02", &["--lang", "en", "status"])
        .code(0)
        .stdout_has("Stale. Nothing written since 2026-03-02; the pack calls a workbook stale after 60 days.");
    as_of(&wb, "2026-05-02", &["status"])
        .code(0)
        .stdout_has("Avstannad. Inget skrivet sedan 2026-03-02; paketet räknar en arbetsbok som avstannad efter 60 dagar.");
    let json = |day: &str, args: &[&str]| -> serde_json::Value {
        let run = as_of(dir.path(), day, args);
        run.code(0);
        serde_json::from_str(&run.stdout).expect("JSON")
    };
    let status = ["status", "tyst", "--format", "json"];
    assert_eq!(json("2026-05-01", &status)["workbooks"][0]["stale"], false);
    assert_eq!(json("2026-05-02", &status)["workbooks"][0]["stale"], true);
    let report = ["report", "tyst", "--format", "json"];
    let doc = json("2026-05-02", &report);
    assert_eq!(doc["workbooks"][0]["stale"], true);
    assert_eq!(doc["workbooks"][0]["stale_after_days"], 60);
    assert_eq!(doc["workbooks"][0]["last_activity"], "2026-03-02");
    as_of(dir.path(), "2026-05-02", &["--lang", "en", "report", "tyst"])
        .code(0)
        .stdout_has("| Stale | Nothing written since 2026-03-02; the pack calls a workbook stale after 60 days. |");
    let html = as_of(
        &wb,
        "2026-05-02",
        &["--lang", "en", "report", "--summary", "--format", "html"],
    );
    html.code(0);
    assert!(unspanned(&html.stdout).contains("Nothing written since 2026-03-02"));
}

/// Three workbooks in `dir` with nothing written since 2026-03-02: one
/// going on (Tyst), one paused (Paus), one stopped (Stopp).
fn quiet_paused_and_stopped(dir: &Path) {
    quiet_workbook(dir, "Tyst");
    let paused = quiet_workbook(dir, "Paus");
    let pause = [
        "gate",
        "initiering",
        "--decision",
        "pause",
        "--why",
        "Väntar på budget",
    ];
    pinned(&paused, &pause).code(0);
    let stopped = quiet_workbook(dir, "Stopp");
    let stop = [
        "gate",
        "initiering",
        "--decision",
        "stop",
        "--why",
        "Inget mandat",
    ];
    pinned(&stopped, &stop).code(0);
}

#[test]
fn in_a_portfolio_the_stale_are_marked_and_the_paused_and_stopped_are_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    quiet_paused_and_stopped(dir.path());
    let run = as_of(dir.path(), "2026-09-01", &["--lang", "en", "status"]);
    run.code(0);
    let line = |name: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in\n{}", run.stdout))
            .to_string()
    };
    assert!(line("Tyst").contains("· stale"), "{}", run.stdout);
    assert!(!line("Paus").contains("stale"), "{}", run.stdout);
    assert!(!line("Stopp").contains("stale"), "{}", run.stdout);
    let paused = dir.path().join("paus");
    as_of(&paused, "2026-09-01", &["--lang", "en", "status"])
        .code(0)
        .stdout_lacks("Stale");
    let run = as_of(dir.path(), "2026-09-01", &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let stale: Vec<(&str, bool)> = doc["workbooks"]
        .as_array()
        .expect("workbooks")
        .iter()
        .map(|w| (w["name"].as_str().unwrap_or(""), w["stale"] == true))
        .collect();
    assert_eq!(stale, [("Paus", false), ("Stopp", false), ("Tyst", true)]);
    for summary in [&[][..], &["--summary"][..]] {
        let args = [&["--lang", "en", "report", "."][..], summary].concat();
        let run = as_of(dir.path(), "2026-09-01", &args);
        run.code(0);
        let row = |name: &str| {
            run.stdout
                .lines()
                .find(|l| {
                    l.starts_with(&format!("| {name} ")) || l.starts_with(&format!("| [{name}]("))
                })
                .unwrap_or_else(|| panic!("{name} in\n{}", run.stdout))
                .to_string()
        };
        assert!(
            row("Tyst").ends_with("| 2026-03-02 · stale |"),
            "{}",
            row("Tyst")
        );
        assert!(row("Paus").ends_with("| 2026-03-02 |"), "{}", row("Paus"));
    }
}

#[test]
fn each_workbooks_status_line_says_where_it_stands_in_a_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    quiet_paused_and_stopped(dir.path());
    // Each workbook's status line says where it stands in a word.
    let run = as_of(dir.path(), "2026-09-01", &["--lang", "en", "report", "."]);
    let status = |name: &str| {
        let section = run
            .stdout
            .split("</a>")
            .find(|s| s.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in\n{}", run.stdout));
        section
            .lines()
            .find(|l| l.starts_with("**Status:**"))
            .expect("a status line")
            .to_string()
    };
    assert!(
        status("Tyst").contains(" · stale · last active 2026-03-02. Nothing written since"),
        "{}",
        status("Tyst")
    );
    assert!(
        status("Paus").contains(" · paused · last active "),
        "{}",
        status("Paus")
    );
    assert!(
        status("Stopp").starts_with("**Status:** stopped at "),
        "{}",
        status("Stopp")
    );
    assert!(
        !status("Stopp").contains("· stopped"),
        "{}",
        status("Stopp")
    );
}

#[test]
fn a_pack_says_after_how_many_days_a_workbook_is_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = dir.path().join("skolpilot");
    copy_dir(&root().join("examples/packs/skolpilot"), &pack);
    let toml = std::fs::read_to_string(pack.join("pack.toml")).expect("pack.toml");
    let with = |days: &str| {
        let text = toml.replacen(
            "languages =",
            &format!("stale_after_days = {days}\nlanguages ="),
            1,
        );
        std::fs::write(pack.join("pack.toml"), text).expect("write");
    };
    with("0");
    as_of(
        dir.path(),
        "2026-03-02",
        &["--lang", "en", "pack", "check", "skolpilot"],
    )
    .code(3)
    .stdout_has("pack.toml:")
    .stdout_has("`stale_after_days` is a whole number of days, 1 or more, not 0");
    with("10");
    pinned(
        dir.path(),
        &["new", "Kort", "--pack", "skolpilot", "--no-input"],
    )
    .code(0);
    let wb = dir.path().join("kort");
    pinned(&wb, &["note", "insight", "Vi börjar"]).code(0);
    as_of(&wb, "2026-03-12", &["--lang", "en", "status"]).stdout_lacks("Stale");
    as_of(&wb, "2026-03-13", &["--lang", "en", "status"])
        .stdout_has("the pack calls a workbook stale after 10 days");
}

#[test]
fn a_workbook_report_lists_what_is_to_follow_up_overdue_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wb = example_with_actions(dir.path());
    let run = as_of(&wb, "2026-05-20", &["--lang", "en", "report"]);
    run.code(0)
        .stdout_has("## To follow up")
        .stdout_has(
            "| 2026-05-10 · overdue | Action: Boka möte med vuxenutbildningen | Gunilla Strand |",
        )
        .stdout_has("| 2026-06-01 | Risk: Budgeten räcker inte | Omar Haddad |")
        .stdout_has("| 2026-06-15 | Action: Skicka enkäten | Omar Haddad |");
    let html = as_of(&wb, "2026-05-20", &["report", "--format", "html"]);
    html.code(0).stdout_has("<h2>Att följa upp</h2>");
    assert!(unspanned(&html.stdout).contains("2026-05-10 · försenad"));
    let run = as_of(&wb, "2026-05-20", &["report", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(w["overdue"], 1);
    assert_eq!(w["next_due"], "2026-05-10");
    let first = &w["follow_up"][0];
    assert_eq!(first["kind"], "action");
    assert_eq!(first["owner"], "Gunilla Strand");
    assert_eq!(first["due"], "2026-05-10");
    assert_eq!(first["overdue"], true);
    assert_eq!(w["follow_up"][1]["kind"], "risk");
    assert_eq!(w["follow_up"][1]["overdue"], false);
    // A week earlier nothing is overdue yet.
    let run = as_of(&wb, "2026-05-09", &["--lang", "en", "report"]);
    run.code(0).stdout_lacks("overdue");
}

#[test]
fn an_owner_is_redacted_like_every_other_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wb = example_with_actions(dir.path());
    for format in ["md", "html", "json"] {
        for summary in [&[][..], &["--summary"][..]] {
            let args = [&["report", "--redact", "--format", format][..], summary].concat();
            let run = as_of(&wb, "2026-05-20", &args);
            run.code(0)
                .stdout_lacks("Gunilla")
                .stdout_lacks("Strand")
                .stdout_lacks("Omar")
                .stdout_lacks("Haddad")
                .stdout_has("Ansvarig");
        }
    }
}

#[test]
fn the_managers_page_of_a_workbook_has_its_parts_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wb = example_with_actions(dir.path());
    let run = as_of(&wb, "2026-05-20", &["report", "--summary"]);
    run.code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let headings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Kompetenslyftet i Norrdal",
            "## Problem",
            "## Senaste beslut",
            "## Nästa beslutspunkt",
            "## Beslutslogg",
            "## Att följa upp",
            "## Riskregister",
            "## Förutsättningar för innovation",
            "### Alla skattningar",
        ],
        "{}",
        run.stdout
    );
    // Made where it stands, the workbook's folder is no part of the
    // subtitle: not "· .".
    run.stdout_has("*DINO – innovation i offentlig sektor · dino 2.0.1*\n\n*Per 2026-05-20.*")
        .stdout_has("Äldreomsorgen i Norrdal saknar undersköterskor")
        .stdout_has("**Läge:** Fokusera (fas 3 av 6) · 30 av 77 krav klara · försenat · senast aktiv 2026-05-18")
        .stdout_has("Förstå: Fortsätt (2026-05-18)")
        .stdout_has(
            "| 2026-05-10 · försenad | Åtgärd: Boka möte med vuxenutbildningen | Gunilla Strand |",
        )
        .stdout_has("| Dimension | Medelvärde | Skillnad mellan svaren |")
        .stdout_lacks("Faser");
}

#[test]
fn the_managers_page_in_html_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wb = example_with_actions(dir.path());
    // The same order in HTML, one page.
    let html = as_of(
        &wb,
        "2026-05-20",
        &["--lang", "en", "report", "--summary", "--format", "html"],
    );
    html.code(0);
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&html.stdout, opts).expect("well-formed");
    let titles: Vec<String> = doc
        .descendants()
        .filter(|n| matches!(n.tag_name().name(), "h1" | "h2"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "Kompetenslyftet i Norrdal",
            "Problem",
            "Last decision",
            "Next gate",
            "Decision log",
            "To follow up",
            "Risk register",
            "Readiness for innovation",
        ]
    );
    // JSON: the page's parts, not the phases, notes, profile or diagnostic.
    let run = as_of(
        &wb,
        "2026-05-20",
        &["report", "--summary", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    for kept in [
        "name",
        "problem",
        "current",
        "stale",
        "last_decision",
        "follow_up",
        "readiness",
        "as_of",
    ] {
        assert!(w.get(kept).is_some(), "{kept} in {w}");
    }
    for gone in ["profile", "phases", "notes", "diagnostic"] {
        assert!(w.get(gone).is_none(), "{gone} in {w}");
    }
    assert!(
        w["problem"]["answer"]
            .as_str()
            .expect("problem")
            .starts_with("Äldreomsorgen")
    );
    assert_eq!(w["last_decision"]["date"], "2026-05-18");
}

#[test]
fn a_portfolios_summary_has_each_workbooks_overdue_count_and_next_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    example_with_actions(dir.path());
    quiet_workbook(dir.path(), "Tyst");
    let run = as_of(
        dir.path(),
        "2026-05-20",
        &["--lang", "en", "report", "--summary"],
    );
    run.code(0)
        .stdout_has("| Workbook | Current phase | Requirements done | Open risks | Overdue | Next due | Last activity |")
        .stdout_has("| 2 | 1 | 2026-05-10 | 2026-05-18 |")
        .stdout_has("| 0 | – | – | 2026-03-02 · stale |");
    let run = as_of(
        dir.path(),
        "2026-05-20",
        &["report", "--summary", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let w = &doc["workbooks"][0];
    assert_eq!(
        (
            w["overdue"].clone(),
            w["next_due"].clone(),
            w["stale"].clone()
        ),
        (1.into(), "2026-05-10".into(), false.into())
    );
    assert!(w.get("follow_up").is_none(), "{w}");
}

/// An HTML report's text with the spans that keep days and numbers whole
/// taken out, so that a sentence reads as it stands.
fn unspanned(html: &str) -> String {
    html.replace("<span class=\"nw\">", "")
        .replace("</span>", "")
}
