//! The report's sentences and table rows, worded once for Markdown and HTML;
//! each format escapes them its own way.

use super::WorkbookReport;
use super::model::{DecisionReport, DiagnosticReport, PhaseReport, ReadinessReport};
use crate::i18n::Lang;
use crate::tr;

pub use crate::i18n::one_decimal as number;

/// A phase's heading: title, progress and gate.
pub fn phase_heading(p: &PhaseReport, lang: Lang) -> String {
    let progress = if p.required == 0 {
        "–".to_string()
    } else {
        tr!(
            lang,
            "{} av {} krav",
            "{} of {} required",
            p.done,
            p.required
        )
    };
    let gate = match (&p.decision, p.gate.as_str()) {
        (Some(d), _) => format!("{} {}", d.label, d.date),
        (None, "ready") => lang
            .pick("redo för beslut", "ready for decision")
            .to_string(),
        _ => lang.pick("beslutspunkt öppen", "gate open").to_string(),
    };
    format!("{} · {progress} · {gate}", p.title)
}

/// The label before a decision, and the decision in words.
pub fn decision(d: &DecisionReport, lang: Lang) -> (&'static str, String) {
    let mut text = d.label.clone();
    if let Some(by) = &d.decided_by {
        text.push_str(&format!(
            " ({} {by})",
            lang.pick("beslutat av", "decided by")
        ));
    }
    if let Some(why) = &d.motivation {
        text.push_str(&format!(". {why}"));
    }
    (lang.pick("Beslut:", "Decision:"), text)
}

/// The summary table's rows.
pub fn summary_rows(r: &WorkbookReport, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec![
            lang.pick("Aktuell fas", "Current phase").to_string(),
            r.current.clone(),
        ],
        vec![
            lang.pick("Klara krav", "Requirements done").to_string(),
            tr!(lang, "{} av {}", "{} of {}", r.done, r.required),
        ],
        vec![
            lang.pick("Öppna risker", "Open risks").to_string(),
            r.open_risks.to_string(),
        ],
        vec![
            lang.pick("Senast aktiv", "Last activity").to_string(),
            r.last_activity.clone().unwrap_or_else(|| "–".into()),
        ],
    ];
    if r.problems > 0 {
        rows.push(vec![
            lang.pick("Problem i loggen", "Problems in the log")
                .to_string(),
            r.problems.to_string(),
        ]);
    }
    rows
}

/// What the readiness assessments were, in a sentence.
pub fn readiness_sentence(rd: &ReadinessReport, lang: Lang) -> String {
    tr!(
        lang,
        "{} mätningar; den första {}, den senaste {}. Skala {}–{}; under {} är en risk, under {} att bevaka.",
        "{} assessments; the first {}, the latest {}. Scale {}–{}; below {} is a risk, below {} one to watch.",
        rd.assessments,
        rd.first_date,
        rd.latest_date,
        rd.scale_min,
        rd.scale_max,
        number(rd.risk_below, lang),
        number(rd.watch_below, lang)
    )
}

/// The readiness table: its header and a row per dimension.
pub fn readiness_table(rd: &ReadinessReport, lang: Lang) -> ([&'static str; 4], Vec<Vec<String>>) {
    let show = |n: Option<f64>| n.map_or_else(|| "–".to_string(), |n| number(n, lang));
    let rows = rd
        .dimensions
        .iter()
        .map(|d| {
            vec![
                d.title.clone(),
                show(d.first),
                show(d.latest),
                show(d.spread),
            ]
        })
        .collect();
    (
        [
            lang.pick("Dimension", "Dimension"),
            lang.pick("Första", "First"),
            lang.pick("Senaste", "Latest"),
            lang.pick("Spridning", "Spread"),
        ],
        rows,
    )
}

/// The diagnostic's conclusion and its counts.
pub fn diagnostic_sentence(d: &DiagnosticReport, lang: Lang) -> String {
    format!(
        "{} {}",
        d.verdict,
        tr!(
            lang,
            "({} av {} frågor besvarade: {} mot innovation, {} mot verksamhetsutveckling.)",
            "({} of {} questions answered: {} towards innovation, {} towards operational development.)",
            d.answered,
            d.questions,
            d.innovation,
            d.development
        )
    )
}
