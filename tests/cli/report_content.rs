//! What a report says: in one language, a stopped or paused project's
//! later phases as not reached, the diagnostic worded from its answers,
//! every readiness assessment, the risk register, the decision log, who
//! took part, a status per workbook, and all of it redacted when asked.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{dino_env, pinned, root};

const EXAMPLE: &str = "examples/workbooks/kompetenslyftet-i-norrdal";
const PORTFOLIO_WB: &str = "examples/portfolio/karriarvaxling-i-region-vasterdals-vard";

/// Runs `dino` in the repository as of 2026-05-20.
fn as_of(args: &[&str]) -> crate::support::Run {
    dino_env(&root(), args, &[("DINO_NOW", "2026-05-20T12:00:00+02:00")])
}

/// The first workbook of a JSON report.
fn json_report(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = as_of(&all);
    run.code(0);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    doc["workbooks"][0].clone()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Every text of the report that the pack words: titles, prompts, the
/// answers that are not people's own, dimensions, criteria.
fn pack_texts(r: &Value) -> Vec<String> {
    let mut out = vec![r["pack"]["title"].as_str().unwrap_or("").to_string()];
    let mut lines = |lines: &Value| {
        for l in lines.as_array().into_iter().flatten() {
            out.push(l["prompt"].as_str().unwrap_or("").to_string());
            if l["written"] == false {
                out.push(l["answer"].as_str().unwrap_or("").to_string());
            }
        }
    };
    lines(&r["profile"]);
    lines(&r["diagnostic"]["answers"]);
    for p in r["phases"].as_array().expect("phases") {
        lines(&p["answers"]);
    }
    out.push(r["diagnostic"]["title"].as_str().unwrap_or("").into());
    out.push(r["readiness"]["title"].as_str().unwrap_or("").into());
    for p in r["phases"].as_array().expect("phases") {
        out.push(p["title"].as_str().unwrap_or("").into());
        out.extend(strings(&p["open"]).into_iter().map(str::to_string));
        for c in p["decision"]["criteria"].as_array().into_iter().flatten() {
            out.push(c["text"].as_str().unwrap_or("").into());
        }
    }
    for d in r["readiness"]["dimensions"].as_array().expect("dimensions") {
        out.push(d["title"].as_str().unwrap_or("").into());
    }
    for d in r["decisions"].as_array().expect("decisions") {
        out.push(d["phase"].as_str().unwrap_or("").into());
        out.push(d["label"].as_str().unwrap_or("").into());
    }
    out.push(r["status"]["phase"].as_str().unwrap_or("").into());
    out
}

/// Words only Swedish has, from the built-in pack's Swedish texts.
const SWEDISH: [&str; 16] = [
    "Initiering",
    "Förstå",
    "Fokusera",
    "Idéer",
    "Uppföljning",
    "Förutsättningar",
    "Mandat",
    "Delvis",
    "Stämmer",
    "Kommun",
    "Ja",
    "Nej",
    "och",
    "av",
    "är",
    "Fortsätt",
];

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

#[test]
fn an_english_report_takes_every_pack_text_from_the_packs_english() {
    let r = json_report(&[EXAMPLE, "--lang", "en"]);
    let texts = pack_texts(&r);
    assert!(texts.len() > 60, "{}", texts.len());
    for text in &texts {
        for word in words(text) {
            assert!(!SWEDISH.contains(&word), "{word:?} in {text:?}");
        }
    }
    let titles: Vec<&str> = r["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .filter_map(|p| p["title"].as_str())
        .collect();
    assert_eq!(titles[0], "Initiation");
    assert!(texts.iter().any(|t| t == "Partly"), "a diagnostic answer");
    assert!(texts.iter().any(|t| t == "Mandate"), "a dimension");
    // What people wrote stays as written, in the workbook's language.
    assert_eq!(r["language"], "sv");
    let problem = &r["problem"];
    assert_eq!(problem["written"], true);
    assert!(
        words(problem["answer"].as_str().expect("an answer")).any(|w| w == "och"),
        "{problem}"
    );
    // The Markdown says the same.
    let md = as_of(&["report", EXAMPLE, "--lang", "en"]);
    md.code(0)
        .stdout_has("Initiation")
        .stdout_lacks("Initiering ·");
}

#[test]
fn a_swedish_report_of_the_same_workbook_is_swedish_throughout() {
    let r = json_report(&[EXAMPLE, "--lang", "sv"]);
    assert_eq!(r["phases"][0]["title"], "Initiering");
    let texts = pack_texts(&r);
    for english in ["Initiation", "Partly", "Mandate", "Go on"] {
        assert!(!texts.iter().any(|t| t == english), "{english}");
    }
    assert!(texts.iter().any(|t| t == "Delvis"));
}

/// A workbook on the built-in pack with a risk, stopped (or paused) at
/// its first gate on 2026-03-02 by Eva Holm.
fn decided(dir: &Path, decision: &str) -> PathBuf {
    pinned(dir, &["new", "Prov", "--no-input"]).code(0);
    let wb = dir.join("prov");
    pinned(
        &wb,
        &[
            "gate",
            "initiering",
            "--decision",
            decision,
            "--why",
            "Ingen budget i år",
            "--by",
            "Eva Holm",
        ],
    )
    .code(0);
    wb
}

fn report_of(wb: &Path, args: &[&str]) -> crate::support::Run {
    let mut all = vec!["report"];
    all.extend(args);
    dino_env(wb, &all, &[("DINO_NOW", "2026-03-10T12:00:00+01:00")])
}

fn json_of(wb: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = report_of(wb, &all);
    run.code(0);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    doc["workbooks"][0].clone()
}

/// A report's text as a reader sees it: an HTML page's tags taken out and
/// its white space made single; Markdown as it is.
fn readable(format: &str, out: &str) -> String {
    if format != "html" {
        return out.to_string();
    }
    let body = out.split("<body").nth(1).unwrap_or(out);
    let mut text = String::new();
    let mut tag: Option<String> = None;
    for c in body.chars() {
        match (c, tag.as_mut()) {
            ('<', None) => tag = Some(String::new()),
            ('>', Some(name)) => {
                // A block or a cell ends a word; a span inside text does not.
                let name = name.trim_start_matches('/');
                if !["span", "a ", "a>", "strong", "em"]
                    .iter()
                    .any(|inline| name.starts_with(inline))
                {
                    text.push(' ');
                }
                tag = None;
            }
            (_, Some(name)) => name.push(c),
            (_, None) => text.push(c),
        }
    }
    let text = text.replace("&amp;", "&").replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of `text` from `start` to the next `end` after it.
fn part<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{text}"));
    let rest = &text[from..];
    let to = rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| i + start.len());
    &rest[..to]
}

#[test]
fn a_stopped_projects_later_phases_read_not_reached() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = decided(dir.path(), "stop");
    let r = json_of(&wb, &["--lang", "en"]);
    let phases = r["phases"].as_array().expect("phases");
    assert_eq!(phases[0]["not_reached"], Value::Null);
    for p in &phases[1..] {
        assert_eq!(p["not_reached"]["reason"], "stopped", "{p}");
        assert_eq!(p["not_reached"]["date"], "2026-03-02", "{p}");
        assert_eq!(p["open"], serde_json::json!([]), "{p}");
    }
    assert_eq!(r["status"]["state"], "stopped");
    assert_eq!(r["status"]["since"], "2026-03-02");
    let md = report_of(&wb, &["--lang", "en"]);
    md.code(0)
        .stdout_has(
            "### Discover · 0 of 7 required · not reached: the project was stopped (2026-03-02)",
        )
        .stdout_lacks("gate open");
    let sv = report_of(&wb, &["--lang", "sv"]);
    sv.code(0)
        .stdout_has("inte nådd: projektet avslutades (2026-03-02)")
        .stdout_lacks("beslutspunkt öppen");
    // A later phase says so in its detail, with no answers awaited and no
    // requirements open.
    for format in ["md", "html"] {
        let run = report_of(&wb, &["--lang", "en", "--format", format]);
        run.code(0);
        let text = readable(format, &run.stdout);
        let discover = part(&text, "Discover · 0 of 7 required", "Define");
        assert!(
            discover.contains("Not reached: the project was stopped (2026-03-02)."),
            "{format}: {discover}"
        );
        assert!(!discover.contains("No answers yet"), "{format}: {discover}");
        assert!(
            !discover.contains("Open requirements"),
            "{format}: {discover}"
        );
    }
}

#[test]
fn a_paused_projects_later_phases_read_paused() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = decided(dir.path(), "pause");
    let r = json_of(&wb, &["--lang", "en"]);
    let phases = r["phases"].as_array().expect("phases");
    assert_eq!(phases[0]["not_reached"], Value::Null);
    assert_eq!(phases[1]["not_reached"]["reason"], "paused");
    assert_eq!(r["status"]["state"], "paused");
    assert_eq!(r["status"]["phase"], "Initiation");
    report_of(&wb, &["--lang", "en"])
        .code(0)
        .stdout_has("not reached: the project is paused (2026-03-02)");
}

#[test]
fn the_diagnostic_of_partly_answers_is_no_break_with_todays_way_of_working() {
    // The example answered two of four "Partly".
    let r = json_report(&[EXAMPLE, "--lang", "en"]);
    let d = &r["diagnostic"];
    assert_eq!(d["between"], 2, "{d}");
    let verdict = d["verdict"].as_str().expect("a verdict");
    assert!(!verdict.contains("a break with"), "{verdict}");
    assert!(verdict.contains("though some are in between"), "{verdict}");
    as_of(&["report", EXAMPLE, "--lang", "en"])
        .code(0)
        .stdout_has("2 in between")
        .stdout_lacks("a break with today's way of working");
}

#[test]
fn every_readiness_assessment_is_kept_and_drawn() {
    // The example's assessment of 2026-02-17, then one by the group and
    // one by Eva Holm alone: three in all.
    let dir = tempfile::tempdir().expect("temp");
    let wb = dir.path().join("norrdal");
    crate::support::copy_dir(&root().join(EXAMPLE), &wb);
    let answers = [
        (
            "2026-04-01T10:00:00+02:00",
            "[answers]\n\"mandat.beslut\" = 5\n",
        ),
        (
            "2026-05-01T10:00:00+02:00",
            "[[respondents]]\nname = \"Eva Holm\"\nanswers = { \"mandat.beslut\" = 2 }\n",
        ),
    ];
    for (now, text) in answers {
        std::fs::write(wb.join("r.toml"), text).expect("write");
        dino_env(
            &wb,
            &["run", "readiness", "--answers", "r.toml"],
            &[("DINO_NOW", now)],
        )
        .code(0);
    }
    let run = |format: &str| {
        dino_env(
            &wb,
            &["report", "--lang", "en", "--format", format],
            &[("DINO_NOW", "2026-05-20T12:00:00+02:00")],
        )
    };
    let json = run("json");
    json.code(0);
    let doc: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let rd = &doc["workbooks"][0]["readiness"];
    assert_eq!(rd["assessments"], 3);
    let history = rd["history"].as_array().expect("history");
    let days: Vec<&str> = history.iter().filter_map(|a| a["date"].as_str()).collect();
    assert_eq!(days, ["2026-02-17", "2026-04-01", "2026-05-01"]);
    let mandate: Vec<&Value> = history.iter().map(|a| &a["means"][2]).collect();
    assert_eq!(mandate[1], 5.0);
    assert_eq!(mandate[2], 2.0);
    assert_eq!(history[0]["respondents"][0]["name"], "Projektgrupp");
    assert_eq!(history[1]["respondents"], serde_json::json!([]));
    assert_eq!(history[2]["respondents"][0]["name"], "Eva Holm");
    // The first and latest stay, the ends of the history.
    let dimension = &rd["dimensions"][2];
    assert_eq!(dimension["title"], "Mandate");
    assert_eq!(&dimension["first"], mandate[0]);
    assert_eq!(dimension["latest"], 2.0);
    // The chart draws each of them; its description says every value.
    // The chart's legend wraps its lines: read as a reader sees them.
    let html = run("html");
    html.code(0);
    let seen = readable("html", &html.stdout);
    for needle in [
        "Earlier assessments, oldest first: 2026-02-17, 2026-04-01",
        "Latest assessment 2026-05-01",
        "Mandate: 3.2 → 5.0 → 2.0",
    ] {
        assert!(seen.contains(needle), "lacks {needle}: {seen}");
    }
    // The readiness section lists every assessment and who answered it.
    for format in ["md", "html"] {
        let run = run(format);
        run.code(0);
        let text = readable(format, &run.stdout);
        let every = part(&text, "Every assessment", "Summary");
        for needle in [
            "2026-02-17",
            "Projektgrupp",
            "2026-04-01",
            "the group together",
            "2026-05-01",
            "Eva Holm",
            "Mandate",
        ] {
            assert!(every.contains(needle), "{format} lacks {needle}: {every}");
        }
    }
}

#[test]
fn the_risk_register_shows_risks_closed_by_done_and_by_closes() {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["new", "Prov", "--no-input"]).code(0);
    let wb = dir.path().join("prov");
    let risk = |text: &str| {
        pinned(
            &wb,
            &[
                "note",
                "risk",
                text,
                "--owner",
                "Eva Holm",
                "--due",
                "2026-04-01",
                "--mitigation",
                "Söka medel",
            ],
        )
        .code(0);
    };
    risk("Budgeten räcker inte");
    risk("Ingen tar över driften");
    risk("Juristen hinner inte");
    let log = dino_env(&wb, &["log", "--format", "json"], &[]);
    let doc: Value = serde_json::from_str(&log.stdout).expect("JSON");
    let ids: Vec<String> = doc["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["kind"] == "risk")
        .map(|e| e["id"].as_str().expect("id").to_string())
        .collect();
    dino_env(
        &wb,
        &["done", &ids[0], "Kommunen sköt till medel."],
        &[
            ("DINO_NOW", "2026-03-05T10:00:00+01:00"),
            ("DINO_USER", "Karim Said"),
        ],
    )
    .code(0);
    pinned(
        &wb,
        &["note", "note", "Juristen är med nu.", "--closes", &ids[2]],
    )
    .code(0);
    let r = json_of(&wb, &["--lang", "en"]);
    let risks = r["risks"].as_array().expect("risks");
    assert_eq!(risks.len(), 3);
    let first = &risks[0];
    assert_eq!(first["text"], "Budgeten räcker inte");
    assert_eq!(first["owner"], "Eva Holm");
    assert_eq!(first["mitigation"], "Söka medel");
    assert_eq!(first["due"], "2026-04-01");
    assert_eq!(first["raised"], "2026-03-02");
    assert_eq!(first["raised_by"], "Anna Lind");
    assert_eq!(first["open"], false);
    assert_eq!(first["closed"]["date"], "2026-03-05");
    assert_eq!(first["closed"]["by"], "Karim Said");
    assert_eq!(first["closed"]["text"], "Kommunen sköt till medel.");
    assert_eq!(risks[1]["open"], true);
    assert_eq!(risks[1]["closed"], Value::Null);
    assert_eq!(risks[2]["open"], false);
    assert_eq!(risks[2]["closed"]["text"], "Juristen är med nu.");
    assert_eq!(r["open_risks"], 1);
    register_shows_closed_risks_closed(&wb);
}

/// The report's register in Markdown and HTML shows the three risks of
/// the test above, the closed ones closed with when, who and how.
fn register_shows_closed_risks_closed(wb: &Path) {
    for format in ["md", "html"] {
        let run = report_of(wb, &["--lang", "en", "--format", format]);
        run.code(0);
        let text = readable(format, &run.stdout);
        let register = part(&text, "Risk register", "Readiness");
        for needle in [
            "Budgeten räcker inte",
            "closed 2026-03-05, Karim Said: Kommunen sköt till medel.",
            "Ingen tar över driften",
            "open",
            "Juristen hinner inte",
            "Juristen är med nu.",
            "Söka medel",
            "Eva Holm",
        ] {
            assert!(
                register.contains(needle),
                "{format} lacks {needle}: {register}"
            );
        }
    }
}

#[test]
fn the_decision_log_lists_every_gate_decision_with_conditions_and_criteria() {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["new", "Prov", "--no-input"]).code(0);
    let wb = dir.path().join("prov");
    pinned(
        &wb,
        &[
            "gate",
            "initiering",
            "--decision",
            "recycle",
            "--why",
            "Problemet är oklart",
            "--by",
            "Eva Holm",
            "--condition",
            "Beskriv problemet",
            "--owner",
            "Karim Said",
            "--due",
            "2026-03-20",
        ],
    )
    .code(0);
    dino_env(
        &wb,
        &[
            "gate",
            "initiering",
            "--decision",
            "pause",
            "--why",
            "Vänta på budget",
            "--by",
            "Eva Holm",
        ],
        &[
            ("DINO_NOW", "2026-04-02T09:15:00+02:00"),
            ("DINO_USER", "Anna Lind"),
        ],
    )
    .code(0);
    let r = json_of(&wb, &["--lang", "en"]);
    let decisions = r["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 2, "{decisions:?}");
    let first = &decisions[0];
    assert_eq!(first["phase"], "Initiation");
    assert_eq!(first["date"], "2026-03-02");
    assert_eq!(first["decision"], "recycle");
    assert_eq!(first["decided_by"], "Eva Holm");
    assert_eq!(first["motivation"], "Problemet är oklart");
    let condition = &first["conditions"][0];
    assert_eq!(condition["text"], "Beskriv problemet");
    assert_eq!(condition["owner"], "Karim Said");
    assert_eq!(condition["due"], "2026-03-20");
    assert_eq!(condition["open"], true);
    assert_eq!(decisions[1]["decision"], "pause");
    assert_eq!(decisions[1]["date"], "2026-04-02");
    assert!(first["criteria"]["met"].is_u64());
    // The manager's part logs both decisions, motivation, who decided and
    // the condition set.
    for format in ["md", "html"] {
        let run = report_of(&wb, &["--lang", "en", "--summary", "--format", format]);
        run.code(0);
        let text = readable(format, &run.stdout);
        let log = part(&text, "Decision log", "To follow up");
        for needle in [
            "2026-03-02",
            "Problemet är oklart",
            "Eva Holm",
            "Beskriv problemet",
            "Karim Said",
            "2026-04-02",
            "Vänta på budget",
        ] {
            assert!(log.contains(needle), "{format} lacks {needle}: {log}");
        }
    }
}

#[test]
fn each_phase_names_its_sessions_facilitator_and_participants() {
    let r = json_report(&[EXAMPLE, "--lang", "en"]);
    let sessions = r["phases"][0]["sessions"].as_array().expect("sessions");
    assert!(!sessions.is_empty());
    let first = &sessions[0];
    assert_eq!(first["kind"], "session");
    assert_eq!(first["facilitator"], "Maria Lindqvist");
    assert!(
        first["participants"]
            .as_array()
            .expect("participants")
            .iter()
            .any(|p| p["name"] == "Jonas Berg" && p["role"] == "Rektor, Komvux Norrdal"),
        "{first}"
    );
    assert!(sessions.iter().any(|s| s["kind"] == "gate"), "{sessions:?}");
    // The first phase's detail names them after its answers.
    for format in ["md", "html"] {
        let run = as_of(&["report", EXAMPLE, "--lang", "en", "--format", format]);
        run.code(0);
        let text = readable(format, &run.stdout);
        let phases = &text[text.find("Phases").expect("the phases")..];
        let table = part(phases, "Sessions and participants", "Open requirements");
        for needle in [
            "Maria Lindqvist",
            "Jonas Berg (Rektor, Komvux Norrdal)",
            "Gate",
        ] {
            assert!(table.contains(needle), "{format} lacks {needle}: {table}");
        }
    }
}

#[test]
fn each_workbook_has_a_status_in_a_word() {
    // As of 2026-05-20 the example has an action past its day.
    let r = json_report(&[EXAMPLE, "--lang", "en"]);
    assert_eq!(r["status"]["state"], "overdue", "{}", r["status"]);
    assert_eq!(r["status"]["phase"], r["phases"][2]["title"]);
    let portfolio = as_of(&[
        "report",
        "examples/portfolio",
        "--summary",
        "--format",
        "json",
    ]);
    portfolio.code(0);
    let doc: Value = serde_json::from_str(&portfolio.stdout).expect("JSON");
    for wb in doc["workbooks"].as_array().expect("workbooks") {
        let state = wb["status"]["state"].as_str().expect("a status");
        assert!(
            [
                "on_track", "overdue", "stale", "paused", "stopped", "finished"
            ]
            .contains(&state),
            "{state}"
        );
        assert!(wb.get("risks").is_none(), "a summary's overview alone");
    }
}

#[test]
fn redaction_reaches_the_new_records_and_says_a_role_once() {
    let plain = json_report(&[PORTFOLIO_WB, "--lang", "sv"]);
    let redacted = json_report(&[PORTFOLIO_WB, "--lang", "sv", "--redact"]);
    let text = redacted.to_string();
    for name in ["Eva-Lena Forsberg", "Forsberg"] {
        assert!(plain.to_string().contains(name), "{name}");
        assert!(!text.contains(name), "{name} survives");
    }
    let people: Vec<&Value> = redacted["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| p["sessions"].as_array().expect("sessions"))
        .flat_map(|s| s["participants"].as_array().expect("participants"))
        .collect();
    assert!(!people.is_empty());
    let hr: Vec<&&Value> = people
        .iter()
        .filter(|p| p["name"] == "[HR-direktör]")
        .collect();
    assert!(!hr.is_empty(), "{people:?}");
    for p in hr {
        assert_eq!(p["role"], Value::Null, "the role said twice: {p}");
    }
    for d in redacted["decisions"].as_array().expect("decisions") {
        let by = d["decided_by"].as_str().unwrap_or("");
        assert!(!by.contains("Forsberg"), "{by}");
    }
    for s in redacted["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| p["sessions"].as_array().expect("sessions"))
    {
        let by = s["facilitator"].as_str().unwrap_or("[");
        assert!(by.starts_with('['), "a facilitator named: {by}");
    }
    for k in redacted["risks"].as_array().expect("risks") {
        for key in ["owner", "raised_by"] {
            let who = k[key].as_str().unwrap_or("[");
            assert!(who.starts_with('['), "{key} named: {who}");
        }
    }
}
