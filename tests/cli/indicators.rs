//! Indicators and their measurements, with the real binary: answered from
//! an answers file, measured by `dino measure`, listed by `dino due`, drawn
//! in reports; and what is refused, with its place.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_env, pinned, skolpilot};

const START: &str = r#"[answers]
problem = "Elever hoppar av"
losning = "nej"
[gate]
decision = "go"
decided_by = "Eva Ström"
motivation = "Tydligt."
criteria = { behovsagare = "met", tid = "met" }
"#;

const TEST: &str = r#"[answers]
nytta = 4
effekt = { name = "Väntetid | *till* vägledning <!--", unit = "dagar", baseline = 120, baseline_date = 2026-03-01, source = "Ärende|system", target = 60, target_date = 2027-06-30, owner = "Karin *Lindqvist*" }
uppfoljning = 2026-09-01
"#;

/// A workbook on the example pack with its indicator defined and the next
/// measurement due on 2026-09-01.
fn defined(dir: &Path) -> PathBuf {
    let wb = skolpilot(dir, false);
    fs::write(wb.join("start.toml"), START).expect("write");
    fs::write(wb.join("test.toml"), TEST).expect("write");
    pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    pinned(&wb, &["run", "test", "--answers", "test.toml"]).code(0);
    wb
}

/// Runs `dino` on `day` at nine, as Anna Lind.
fn on(day: &str, wb: &Path, args: &[&str]) -> crate::support::Run {
    let now = format!("{day}T09:00:00+02:00");
    dino_env(wb, args, &[("DINO_NOW", &now), ("DINO_USER", "Anna Lind")])
}

/// `dino due --format json` as of a day: each item's kind, id, owner, day.
fn due(wb: &Path, day: &str) -> Vec<(String, String, String, String)> {
    let now = format!("{day}T09:00:00+02:00");
    let run = dino_env(wb, &["due", "--format", "json"], &[("DINO_NOW", &now)]);
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    doc["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or("").to_string();
            (s("kind"), s("id"), s("owner"), s("due"))
        })
        .collect()
}

#[test]
fn an_indicator_is_written_and_read_back_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    let json = pinned(&wb, &["status", "--format", "json"]);
    json.code(0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let answer = &doc["workbooks"][0]["answers"]["test.effekt"]["indicator"];
    assert_eq!(answer["name"], "Väntetid | *till* vägledning <!--");
    assert_eq!(answer["owner"], "Karin *Lindqvist*");
    assert_eq!(answer["source"], "Ärende|system");
    assert_eq!(answer["baseline"], 120.0);
    assert_eq!(answer["target_date"], "2027-06-30");
    pinned(&wb, &["check"]).code(0);
    // Left out, the unit is the pack's.
    fs::write(
        wb.join("again.toml"),
        TEST.replace("unit = \"dagar\", ", "").replace("dagar", "x"),
    )
    .expect("write");
    pinned(&wb, &["run", "test", "--answers", "again.toml"]).code(0);
    let json = pinned(&wb, &["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["answers"]["test.effekt"]["indicator"]["unit"],
        "dagar"
    );
}

#[test]
fn a_measurement_is_due_until_one_is_made_near_its_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    let owner = "Karin *Lindqvist*".to_string();
    assert_eq!(
        due(&wb, "2026-09-02"),
        vec![
            (
                "measurement".into(),
                "test.effekt".into(),
                owner.clone(),
                "2026-09-01".into()
            ),
            (
                "target".into(),
                "test.effekt".into(),
                owner.clone(),
                "2027-06-30".into()
            ),
        ]
    );
    let run = dino_env(
        &wb,
        &["due", "--check"],
        &[("DINO_NOW", "2026-09-02T09:00:00+02:00")],
    );
    run.code(3).stdout_has("mätning");
    // Measured more than 30 days early: still due.
    on(
        "2026-09-02",
        &wb,
        &["measure", "effekt", "100", "--date", "2026-07-31"],
    )
    .code(0);
    assert_eq!(due(&wb, "2026-09-02").len(), 2);
    // Within 30 days of its day: settled; the target stays.
    on(
        "2026-09-02",
        &wb,
        &[
            "measure",
            "test.effekt",
            "95,5",
            "--date",
            "2026-08-02",
            "--source",
            "Rapport | Q3",
        ],
    )
    .code(0);
    assert_eq!(
        due(&wb, "2026-09-02"),
        vec![(
            "target".into(),
            "test.effekt".into(),
            owner,
            "2027-06-30".into()
        )]
    );
    let ics = dino_env(
        &wb,
        &["due", "--format", "ics"],
        &[("DINO_NOW", "2026-09-02T09:00:00+02:00")],
    );
    ics.code(0)
        .stdout_has("target-test.effekt-2027-06-30@prov.dino");
    dino_env(
        &wb,
        &["check"],
        &[("DINO_NOW", "2026-09-02T09:00:00+02:00")],
    )
    .code(0);
}

#[test]
fn dino_measure_writes_an_entry_that_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    pinned(
        &wb,
        &[
            "measure",
            "effekt",
            "95",
            "--source",
            "Ärendesystemet \"Q3\"",
        ],
    )
    .code(0)
    .stderr_has("skrev mätning i loggen");
    let entry = fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains("-measure-"))
        .expect("a measure entry");
    let text = fs::read_to_string(entry.path()).expect("read");
    for line in [
        "kind = \"measure\"",
        "indicator = \"test.effekt\"",
        "value = 95",
        // The day defaults to the pinned clock's.
        "measured = 2026-03-02",
        "source = \"Ärendesystemet \\\"Q3\\\"\"",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let log = pinned(&wb, &["log", "--format", "json"]);
    log.code(0).stdout_has("\"measured\": \"2026-03-02\"");
    let report = pinned(&wb, &["report"]);
    report
        .code(0)
        .stdout_has(
            "Från 120 dagar (2026-03-01) till 95 dagar (2026-03-02); målet är 60 dagar senast 2027-06-30.",
        )
        .stdout_has("| 2026-03-02 | 95 dagar | mätning | Ärendesystemet \"Q3\" |");
}

#[test]
fn dino_measure_refuses_what_it_cannot_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path(), false);
    pinned(&wb, &["measure", "effekt", "95"])
        .code(1)
        .stderr_has("indikatorn `test.effekt` är inte definierad än");
    let other = tempfile::tempdir().expect("temp dir");
    let wb = defined(other.path());
    pinned(&wb, &["measure", "efekt", "95"])
        .code(1)
        .stderr_has("ingen indikator heter `efekt`; menar du `test.effekt`?");
    pinned(&wb, &["measure", "effekt", "många"])
        .code(1)
        .stderr_has("`många` är inget tal");
    pinned(&wb, &["measure", "effekt", "9", "--date", "2026-02-30"])
        .code(1)
        .stderr_has("`2026-02-30` är inget datum");
    pinned(&wb, &["--lang", "en", "measure", "nope", "9"])
        .code(1)
        .stderr_has("no indicator is called `nope`");
}

#[test]
fn a_report_draws_the_indicator_with_a_text_alternative() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    on(
        "2026-09-01",
        &wb,
        &["measure", "effekt", "95", "--date", "2026-09-01"],
    )
    .code(0);
    let html = pinned(&wb, &["--lang", "en", "report", "--format", "html"]);
    html.code(0)
        .stdout_has("Indicators</h2>")
        .stdout_has("role=\"img\" class=\"chart\" width=\"100%\"")
        .stdout_has("<desc id=\"indicator-0-0-d\">From 120 dagar (2026-03-01) to 95 dagar (2026-09-01); target 60 dagar by 2027-06-30.</desc>")
        .stdout_has("stroke-dasharray=\"6 4\"")
        .stdout_has("Väntetid | *till* vägledning &lt;!--");
    let chart = html
        .stdout
        .split("<figure>")
        .find(|f| f.contains("indicator-0-0"))
        .and_then(|f| f.split("</figure>").next())
        .expect("the indicator's figure");
    insta::assert_snapshot!("indicator_chart", chart.replace("><", ">\n<"));
    let md = pinned(&wb, &["report"]);
    insta::assert_snapshot!(
        "indicator_markdown",
        md.stdout
            .split("## Indikatorer")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("an indicators section")
    );
    pinned(&wb, &["status"])
        .code(0)
        .stdout_has("Indikatorer:\n  • Väntetid | *till* vägledning <!--: 95 dagar (2026-09-01) · mål 60 senast 2027-06-30 [test.effekt]");
}

#[test]
fn an_answers_file_names_each_wrong_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path(), false);
    fs::write(wb.join("start.toml"), START).expect("write");
    pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    fs::write(
        wb.join("bad.toml"),
        "[answers]\neffekt = { name = \"V\", baseline = \"120\", baseline_date = \"2026-02-30\", source = \"S\", target = 60, target_date = 2027-06-30, owner = \"\", colour = 1 }\nmatning = 95\n",
    )
    .expect("write");
    let run = pinned(
        &wb,
        &["--lang", "en", "run", "test", "--answers", "bad.toml"],
    );
    run.code(1)
        .stderr_has("bad.toml:2:35: `baseline` must be a number, not string")
        .stderr_has("bad.toml:2:58: `baseline_date` must be a day the calendar has")
        .stderr_has("bad.toml:2:133: `owner` must be a text that is not empty")
        .stderr_has("bad.toml:2:137: unknown key `colour`")
        .stderr_has("bad.toml:3:11: `matning` is answered with a table: { value, date, source }");
}

#[test]
fn a_measure_entry_with_bad_values_is_a_finding_with_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    fs::write(
        wb.join("log/2026-03-03-0900-measure-abc123.md"),
        "+++\nkind = \"measure\"\ndate = 2026-03-03T09:00:00+01:00\nindicator = \"test.effekt\"\nvalue = \"nittio\"\nmeasured = \"2026-13-01\"\npack = \"skolpilot\"\npack_version = \"0.1.0\"\nfollows = []\n+++\n# Mätning\n\nV: 90\n",
    )
    .expect("write");
    let run = pinned(&wb, &["--lang", "en", "check"]);
    run.code(3)
        .stdout_has("log/2026-03-03-0900-measure-abc123.md:5:9:")
        .stdout_has("log/2026-03-03-0900-measure-abc123.md:6:12:");
    fs::write(
        wb.join("log/2026-03-03-0900-measure-abc123.md"),
        "+++\nkind = \"measure\"\ndate = 2026-03-03T09:00:00+01:00\nindicator = \"test.efekt\"\nvalue = 90\nmeasured = 2026-03-01\npack = \"skolpilot\"\npack_version = \"0.1.0\"\nfollows = []\n+++\n# Mätning\n\nV: 90\n",
    )
    .expect("write");
    pinned(&wb, &["--lang", "en", "check"]).code(3).stdout_has(
        "log/2026-03-03-0900-measure-abc123.md:4:13: `indicator` names `test.efekt`, which is no indicator of the pack; did you mean `test.effekt`?",
    );
}

#[test]
fn a_redacted_report_names_the_indicators_owner_by_role() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = skolpilot(dir.path(), false);
    fs::write(wb.join("start.toml"), START).expect("write");
    fs::write(
        wb.join("test.toml"),
        TEST.replace("Karin *Lindqvist*", "Karin Lindqvist"),
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    pinned(&wb, &["run", "test", "--answers", "test.toml"]).code(0);
    for format in ["md", "html", "json"] {
        let run = pinned(&wb, &["report", "--redact", "--format", format]);
        run.code(0).stdout_lacks("Karin").stdout_lacks("Lindqvist");
    }
    pinned(&wb, &["report", "--redact"]).stdout_has("*Ansvarig: \\[Ansvarig\\] · mät med");
}

#[test]
fn a_stopped_project_has_no_measurements_due() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    assert!(!due(&wb, "2026-03-10").is_empty());
    pinned(
        &wb,
        &[
            "gate",
            "test",
            "--decision",
            "stop",
            "--why",
            "Pengarna tog slut.",
        ],
    )
    .code(0);
    assert_eq!(due(&wb, "2026-03-10"), []);
}

#[test]
fn the_reports_notes_leave_out_measurements_and_show_changes_of_the_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    pinned(&wb, &["measure", "effekt", "95"]).code(0);
    pinned(
        &wb,
        &[
            "profile",
            "set",
            "procurement",
            "maybe",
            "--reason",
            "Vi behöver en enkättjänst.",
        ],
    )
    .code(0);
    let report = pinned(&wb, &["report"]);
    report.code(0);
    let notes = report
        .stdout
        .split("## Beslut, risker, insikter och lärdomar")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the notes section");
    assert!(!notes.contains("Mätning"), "{notes}");
    assert!(notes.contains("### Projektprofil · 2026-03-02"), "{notes}");
    assert!(
        notes.contains("Behöver vi köpa in något?: Nej → Kanske"),
        "{notes}"
    );
    assert!(notes.contains("Vi behöver en enkättjänst."), "{notes}");
    // The measurement stays in the indicators' section.
    report.stdout_has("| 2026-03-02 | 95 dagar | mätning |");
    let html = pinned(&wb, &["--lang", "en", "report", "--format", "html"]);
    html.code(0)
        .stdout_has("Project profile · 2026-03-02")
        .stdout_has("?: No → Maybe");
}

/// The entries in `log/` whose names hold `kind`.
fn entries_of(wb: &Path, kind: &str) -> Vec<PathBuf> {
    fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(&format!("-{kind}-")))
        .collect()
}

#[test]
fn dino_measure_refuses_a_day_in_the_future_or_before_the_baseline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    on(
        "2026-08-20",
        &wb,
        &["measure", "effekt", "70", "--date", "2027-01-15"],
    )
    .code(1)
    .stderr_has(
        "en mätning kan inte dateras i framtiden: 2027-01-15 är efter 2026-08-20; inget skrevs",
    );
    on(
        "2026-08-20",
        &wb,
        &["--lang", "en", "measure", "effekt", "70", "--date", "2026-02-28"],
    )
    .code(1)
    .stderr_has(
        "the day measured, 2026-02-28, is before the indicator's baseline day (2026-03-01); nothing was written",
    );
    assert!(entries_of(&wb, "measure").is_empty());
    on(
        "2026-08-20",
        &wb,
        &["measure", "effekt", "70", "--date", "2026-08-20"],
    )
    .code(0);
    on(
        "2026-08-20",
        &wb,
        &["measure", "effekt", "71", "--date", "2026-03-01"],
    )
    .code(0);
    assert_eq!(entries_of(&wb, "measure").len(), 2);
}

#[test]
fn an_answers_file_refuses_days_that_cannot_be_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    let sessions = entries_of(&wb, "test").len();
    let refused = |answers: &str, message: &str| {
        fs::write(wb.join("bad.toml"), answers).expect("write");
        pinned(
            &wb,
            &["--lang", "en", "run", "test", "--answers", "bad.toml"],
        )
        .code(1)
        .stderr_has(message);
    };
    // The session's day is 2026-03-02; the baseline day 2026-03-01.
    refused(
        "[answers]\nmatning = { value = 90, date = 2026-03-05 }\n",
        "bad.toml:2:11: a measurement cannot be dated in the future: 2026-03-05 is after 2026-03-02",
    );
    refused(
        "[answers]\nmatning = { value = 90, date = 2026-02-01 }\n",
        "bad.toml:2:11: the day measured, 2026-02-01, is before the indicator's baseline day (2026-03-01)",
    );
    refused(
        &TEST.replace("baseline_date = 2026-03-01", "baseline_date = 2026-04-01"),
        "a baseline cannot be dated in the future: 2026-04-01 is after 2026-03-02",
    );
    refused(
        &TEST.replace("target_date = 2027-06-30", "target_date = 2026-03-01"),
        "the target day 2026-03-01 must be after the baseline day (2026-03-01)",
    );
    assert_eq!(entries_of(&wb, "test").len(), sessions);
    fs::write(
        wb.join("good.toml"),
        "[answers]\nmatning = { value = 90, date = 2026-03-02 }\n",
    )
    .expect("write");
    pinned(&wb, &["run", "test", "--answers", "good.toml"]).code(0);
}

#[test]
fn dino_check_finds_a_measured_day_after_its_entry_or_before_the_baseline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = defined(dir.path());
    let measure = |measured: &str| {
        format!(
            "+++\nkind = \"measure\"\ndate = 2026-03-03T09:00:00+01:00\nindicator = \"test.effekt\"\nvalue = 90\nmeasured = {measured}\npack = \"skolpilot\"\npack_version = \"0.1.0\"\nfollows = []\n+++\n# Mätning\n\nV: 90\n"
        )
    };
    let file = wb.join("log/2026-03-03-0900-measure-abc123.md");
    fs::write(&file, measure("2026-03-04")).expect("write");
    pinned(&wb, &["--lang", "en", "check"]).code(3).stdout_has(
        "log/2026-03-03-0900-measure-abc123.md:6:12: `test.effekt`: a measurement cannot be dated in the future: 2026-03-04 is after 2026-03-03",
    );
    fs::write(&file, measure("2026-02-27")).expect("write");
    pinned(&wb, &["--lang", "en", "check"]).code(3).stdout_has(
        "log/2026-03-03-0900-measure-abc123.md:6:12: `test.effekt`: the day measured, 2026-02-27, is before the indicator's baseline day (2026-03-01)",
    );
    fs::write(&file, measure("2026-03-03")).expect("write");
    pinned(&wb, &["check"]).code(0);

    // A session's measurement, edited by hand to a day after the session.
    fs::remove_file(&file).expect("remove");
    fs::write(
        wb.join("m.toml"),
        "[answers]\nmatning = { value = 90, date = 2026-03-02 }\n",
    )
    .expect("write");
    pinned(&wb, &["run", "test", "--answers", "m.toml"]).code(0);
    let session = entries_of(&wb, "test")
        .into_iter()
        .find(|p| {
            fs::read_to_string(p)
                .expect("read")
                .contains("<!-- item: matning -->")
        })
        .expect("the session");
    let text = fs::read_to_string(&session).expect("read");
    let edited = text.replace("**Uppmätt:** 2026-03-02", "**Uppmätt:** 2026-03-09");
    assert_ne!(text, edited, "{text}");
    fs::write(&session, edited).expect("write");
    let check = pinned(&wb, &["--lang", "en", "check"]);
    check.code(3).stdout_has(
        "`matning`: a measurement cannot be dated in the future: 2026-03-09 is after 2026-03-02",
    );
}
