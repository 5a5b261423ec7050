//! Inline SVG charts for the HTML report: phase progress and readiness per
//! dimension. Each has a title and a description for screen readers, and
//! the same numbers stand in a table beside it.

use std::fmt::Write as _;

use super::model::{PhaseReport, ReadinessReport};
use crate::i18n::Lang;
use crate::render::html::escape;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 210.0;
const ROW: f64 = 26.0;
/// Colours with enough contrast on white, and for each other.
const DARK: &str = "#0b4f8a";
const LIGHT: &str = "#9fb3c8";
const TEXT: &str = "#1a1a1a";

fn open(id: &str, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(title),
        escape(desc)
    )
}

/// A short label that fits the label column.
fn fit(text: &str) -> String {
    let max = 28;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// Done of required, per phase.
pub fn progress(id: &str, phases: &[PhaseReport], lang: Lang) -> String {
    let height = ROW * phases.len() as f64 + 10.0;
    let desc: Vec<String> = phases
        .iter()
        .map(|p| format!("{}: {} / {}", p.title, p.done, p.required))
        .collect();
    let mut out = open(
        id,
        height,
        lang.pick("Klara krav per fas", "Requirements done per phase"),
        &desc.join("; "),
    );
    let bar_width = WIDTH - LABEL - 70.0;
    for (i, p) in phases.iter().enumerate() {
        let y = 5.0 + ROW * i as f64;
        let share = if p.required == 0 {
            0.0
        } else {
            p.done as f64 / p.required as f64
        };
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"13\" fill=\"{TEXT}\">{}</text>\
<rect x=\"{LABEL}\" y=\"{y:.1}\" width=\"{bar_width:.1}\" height=\"16\" fill=\"#ffffff\" stroke=\"{LIGHT}\"/>\
<rect x=\"{LABEL}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{DARK}\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"{TEXT}\">{}/{}</text>",
            y + 13.0,
            escape(&fit(&p.title)),
            bar_width * share,
            LABEL + bar_width + 8.0,
            y + 13.0,
            p.done,
            p.required
        );
    }
    out.push_str("</svg>");
    out
}

/// Per dimension: the first assessment (light) and the latest (dark).
pub fn readiness(id: &str, r: &ReadinessReport, lang: Lang) -> String {
    let height = ROW * 1.5 * r.dimensions.len() as f64 + 30.0;
    let (min, max) = (r.scale_min as f64, r.scale_max as f64);
    let show =
        |n: Option<f64>| n.map_or_else(|| "–".to_string(), |n| super::words::number(n, lang));
    let desc: Vec<String> = r
        .dimensions
        .iter()
        .map(|d| {
            format!(
                "{}: {} {}, {} {}",
                d.title,
                lang.pick("första", "first"),
                show(d.first),
                lang.pick("senaste", "latest"),
                show(d.latest)
            )
        })
        .collect();
    let mut out = open(
        id,
        height,
        &format!("{} ({}–{})", r.title, r.scale_min, r.scale_max),
        &desc.join("; "),
    );
    let bar_width = WIDTH - LABEL - 50.0;
    let scaled = |n: f64| bar_width * ((n - min) / (max - min)).clamp(0.0, 1.0);
    // The thresholds, as thin lines.
    for (threshold, dash) in [(r.risk_below, "4 3"), (r.watch_below, "2 3")] {
        let x = LABEL + scaled(threshold);
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8a1c1c\" stroke-dasharray=\"{dash}\"/>",
            height - 22.0
        );
    }
    for (i, d) in r.dimensions.iter().enumerate() {
        let y = 5.0 + ROW * 1.5 * i as f64;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"13\" fill=\"{TEXT}\">{}</text>",
            y + 17.0,
            escape(&fit(&d.title))
        );
        if let Some(first) = d.first {
            let _ = write!(
                out,
                "<rect x=\"{LABEL}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"11\" fill=\"{LIGHT}\"/>",
                scaled(first)
            );
        }
        if let Some(latest) = d.latest {
            let _ = write!(
                out,
                "<rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{:.1}\" height=\"11\" fill=\"{DARK}\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{TEXT}\">{}</text>",
                y + 12.0,
                scaled(latest),
                LABEL + scaled(latest) + 6.0,
                y + 22.0,
                show(Some(latest))
            );
        }
    }
    let _ = write!(
        out,
        "<rect x=\"{LABEL}\" y=\"{:.1}\" width=\"12\" height=\"10\" fill=\"{LIGHT}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{TEXT}\">{}</text>\
<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"10\" fill=\"{DARK}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{TEXT}\">{}</text>",
        height - 16.0,
        LABEL + 16.0,
        height - 7.0,
        escape(&format!(
            "{} {}",
            lang.pick("Första", "First"),
            r.first_date
        )),
        LABEL + 170.0,
        height - 16.0,
        LABEL + 186.0,
        height - 7.0,
        escape(&format!(
            "{} {}",
            lang.pick("Senaste", "Latest"),
            r.latest_date
        )),
    );
    out.push_str("</svg>");
    out
}
