//! Inline SVG charts for the HTML report: phase progress, readiness per
//! dimension, and each indicator from its baseline to its target. Each has
//! a title and a description for screen readers, and the same numbers stand
//! in a table beside it.
//!
//! The charts are drawn in the page's own pixels, not scaled down from a
//! fixed drawing, so their text keeps its size on a phone; bars are given
//! in percent of the width and stretch with it. Each row's label stands on
//! lines of its own above its bars, wrapped between words so that it fits
//! a 320 px screen even with a reader's text spacing (WCAG 1.4.12), and its
//! numbers in a column at the right that no bar or threshold line reaches.

use std::fmt::Write as _;

use super::model::{IndicatorReport, PhaseReport, ReadinessReport};
use super::words;
use crate::i18n::Lang;
use crate::state::readiness::share_of_scale;
use crate::text::html::escape;
use crate::tr;

/// How much of the width, in percent, bars may fill; the numbers stand in
/// the rest.
const TRACK: f64 = 80.0;
const FONT: f64 = 16.0;
const SMALL: f64 = 14.0;
const BAR: f64 = 16.0;
/// Colours with at least 3:1 contrast on white: the latest (or only)
/// values, the first; the two blues differ by 2.6:1.
const DARK: &str = "#0b4f8a";
const MID: &str = "#6d93c2";
/// The threshold lines: colour and dash pattern.
const RISK: (&str, &str) = ("#8a1c1c", "6 3");
const WATCH: (&str, &str) = ("#9a4a00", "2 2");
const TEXT: &str = "#1a1a1a";

/// A chart's content, drawn top to bottom.
struct Canvas {
    body: String,
    /// Where the next line goes, in pixels from the top.
    y: f64,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            body: String::new(),
            y: 0.0,
        }
    }

    /// Text on lines of its own, `indent` pixels in, wrapped between words
    /// so that each line fits the narrowest page (see [`wrap`]).
    fn line(&mut self, indent: f64, text: &str) {
        for part in wrap(text, LINE_WIDTH - indent) {
            let _ = write!(
                self.body,
                "<text x=\"{indent}\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"{TEXT}\">{}</text>",
                self.y + 16.0,
                escape(&part)
            );
            self.y += 23.0;
        }
    }

    /// A bar of `share` (0 to 1) of the track, over an outlined empty track
    /// when `track` is set, with `value` in the column at the right.
    fn bar(&mut self, share: f64, fill: &str, value: &str, track: bool) {
        let y = self.y;
        if track {
            let _ = write!(
                self.body,
                "<rect x=\"0.5\" y=\"{y:.1}\" width=\"{TRACK}%\" height=\"{BAR}\" fill=\"#ffffff\" stroke=\"{MID}\"/>"
            );
        }
        let _ = write!(
            self.body,
            "<rect x=\"0.5\" y=\"{y:.1}\" width=\"{:.2}%\" height=\"{BAR}\" fill=\"{fill}\"/>\
<text x=\"100%\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"{SMALL}\" fill=\"{TEXT}\">{}</text>",
            TRACK * share.clamp(0.0, 1.0),
            y + BAR - 3.0,
            escape(value)
        );
        self.y += BAR + 3.0;
    }

    /// A dashed vertical line at `share` of the track, from `top` to the
    /// current line, with a white edge so it shows on a bar too.
    fn threshold(&mut self, share: f64, top: f64, (colour, dash): (&str, &str)) {
        let x = format!("{:.2}%", TRACK * share.clamp(0.0, 1.0));
        let (y1, y2) = (top - 3.0, self.y);
        let _ = write!(
            self.body,
            "<line x1=\"{x}\" y1=\"{y1:.1}\" x2=\"{x}\" y2=\"{y2:.1}\" stroke=\"#ffffff\" stroke-width=\"4\"/>\
<line x1=\"{x}\" y1=\"{y1:.1}\" x2=\"{x}\" y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>"
        );
    }

    /// A legend line: a small square of `fill`, then its meaning.
    fn swatch(&mut self, fill: &str, text: &str) {
        let _ = write!(
            self.body,
            "<rect x=\"0.5\" y=\"{:.1}\" width=\"16\" height=\"16\" fill=\"{fill}\"/>",
            self.y + 3.0
        );
        self.line(24.0, text);
    }

    /// A legend line: a short threshold line, then its meaning.
    fn dash(&mut self, (colour, dash): (&str, &str), text: &str) {
        let _ = write!(
            self.body,
            "<line x1=\"8\" y1=\"{:.1}\" x2=\"8\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>",
            self.y + 1.0,
            self.y + 21.0
        );
        self.line(24.0, text);
    }

    /// The scale's steps under the track, when there are few enough.
    fn scale(&mut self, min: i64, max: i64) {
        let steps = max - min;
        let shown: Vec<i64> = if (1..=10).contains(&steps) {
            (min..=max).collect()
        } else {
            vec![min, max]
        };
        for n in shown {
            let share = (n - min) as f64 / steps.max(1) as f64;
            let anchor = if n == min {
                "start"
            } else if n == max {
                "end"
            } else {
                "middle"
            };
            let _ = write!(
                self.body,
                "<text x=\"{:.2}%\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"{SMALL}\" fill=\"{TEXT}\">{n}</text>",
                TRACK * share,
                self.y + 15.0
            );
        }
        self.y += 26.0;
    }

    /// The whole chart: an image with a title and a description.
    fn finish(self, id: &str, title: &str, desc: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" width=\"100%\" height=\"{:.0}\" \
aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{}</svg>",
            self.y + 4.0,
            escape(title),
            escape(desc),
            self.body
        )
    }
}

/// A label of at most a few lines; the whole of it is in the description
/// and the table.
fn fit(text: &str) -> String {
    let max = 72;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// The width, in pixels, that a line of chart text may take: a 320 px
/// screen less the page's margins, with room to spare.
const LINE_WIDTH: f64 = 280.0;

/// How wide `text` is drawn at [`FONT`], in pixels, estimated on the wide
/// side and with the spacing a reader may add (WCAG 1.4.12: letters .12em
/// apart, words .16em more), so that a line that fits here fits the page.
fn drawn_width(text: &str) -> f64 {
    let ems: f64 =
        text.chars()
            .map(|c| {
                let glyph = match c {
                    ' ' => 0.32 + 0.16,
                    'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '!'
                    | '\'' => 0.34,
                    'm' | 'w' | 'M' | 'W' | '—' | '…' => 1.0,
                    c if c.is_ascii_digit() => 0.64,
                    c if c.is_uppercase() => 0.76,
                    _ => 0.62,
                };
                glyph + 0.12
            })
            .sum();
    ems * FONT
}

/// `text` in lines no wider than `width` pixels, broken between words; a
/// word wider than a line on its own is broken with a hyphen.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let joined = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if drawn_width(&joined) <= width {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current = hyphenate(word, width, &mut lines);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Puts the lines of a word too wide for one, each ending in a hyphen,
/// into `lines`; returns its last part, which fits.
fn hyphenate(word: &str, width: f64, lines: &mut Vec<String>) -> String {
    let mut rest = word.to_string();
    while drawn_width(&rest) > width {
        let mut head = String::new();
        for c in rest.chars() {
            let mut longer = head.clone();
            longer.push(c);
            longer.push('-');
            if drawn_width(&longer) > width && !head.is_empty() {
                break;
            }
            head.push(c);
        }
        rest = rest[head.len()..].to_string();
        lines.push(format!("{head}-"));
    }
    rest
}

/// Done of required, per phase.
pub fn progress(id: &str, phases: &[PhaseReport], lang: Lang) -> String {
    let mut chart = Canvas::new();
    for p in phases {
        chart.line(0.0, &fit(&p.title));
        let share = if p.required == 0 {
            0.0
        } else {
            p.done as f64 / p.required as f64
        };
        chart.bar(share, DARK, &format!("{}/{}", p.done, p.required), true);
        chart.y += 6.0;
    }
    let desc: Vec<String> = phases
        .iter()
        .map(|p| format!("{}: {} / {}", p.title, p.done, p.required))
        .collect();
    chart.finish(
        id,
        lang.pick("Klara krav per fas", "Requirements done per phase"),
        &desc.join("; "),
    )
}

/// Per dimension: a bar per assessment, oldest first, the earlier ones
/// lighter and the latest dark; dashed lines where the risk and watch
/// thresholds are, explained in the legend and the description.
pub fn readiness(id: &str, r: &ReadinessReport, lang: Lang) -> String {
    let mut chart = Canvas::new();
    readiness_rows(&mut chart, r, lang);
    chart.scale(r.scale_min, r.scale_max);
    readiness_legend(&mut chart, r, lang);
    chart.finish(
        id,
        &format!("{} ({}–{})", r.title, r.scale_min, r.scale_max),
        &readiness_desc(r, lang),
    )
}

/// Per dimension, every assessment's mean, oldest first: the report's
/// `history`, or its first and latest where it has none.
fn points(r: &ReadinessReport) -> Vec<Vec<Option<f64>>> {
    if r.history.is_empty() {
        return r
            .dimensions
            .iter()
            .map(|d| match r.assessments {
                1 => vec![d.latest],
                _ => vec![d.first, d.latest],
            })
            .collect();
    }
    (0..r.dimensions.len())
        .map(|at| {
            r.history
                .iter()
                .map(|a| a.means.get(at).copied().flatten())
                .collect()
        })
        .collect()
}

/// The days of every assessment, oldest first.
fn days(r: &ReadinessReport) -> Vec<String> {
    if r.history.is_empty() {
        return match r.assessments {
            1 => vec![r.latest_date.clone()],
            _ => vec![r.first_date.clone(), r.latest_date.clone()],
        };
    }
    r.history.iter().map(|a| a.date.clone()).collect()
}

fn readiness_rows(chart: &mut Canvas, r: &ReadinessReport, lang: Lang) {
    let min = r.scale_min as f64;
    let share = |n: f64| share_of_scale(r.scale_min, r.scale_max, n);
    for (d, values) in r.dimensions.iter().zip(points(r)) {
        chart.line(0.0, &fit(&d.title));
        let top = chart.y;
        let last = values.len().saturating_sub(1);
        for (i, value) in values.iter().enumerate() {
            let fill = if i == last { DARK } else { MID };
            let shown = words::score(*value, lang);
            chart.bar(share(value.unwrap_or(min)), fill, &shown, true);
        }
        chart.threshold(share(r.risk_below), top, RISK);
        chart.threshold(share(r.watch_below), top, WATCH);
        chart.y += 6.0;
    }
}

fn readiness_legend(chart: &mut Canvas, r: &ReadinessReport, lang: Lang) {
    let days = days(r);
    let latest = days.last().cloned().unwrap_or_default();
    if days.len() > 1 {
        let earlier = days[..days.len() - 1].join(", ");
        chart.swatch(
            MID,
            &tr!(
                lang,
                "Tidigare skattningar, äldst först: {earlier}",
                "Earlier assessments, oldest first: {earlier}"
            ),
        );
        chart.swatch(
            DARK,
            &tr!(
                lang,
                "Senaste skattningen {latest}",
                "Latest assessment {latest}"
            ),
        );
    } else {
        chart.swatch(
            DARK,
            &tr!(lang, "Skattningen {latest}", "The assessment {latest}"),
        );
    }
    let risk = words::number(r.risk_below, lang);
    chart.dash(
        RISK,
        &tr!(lang, "Under {risk}: en risk", "Below {risk}: a risk"),
    );
    let watch = words::number(r.watch_below, lang);
    chart.dash(
        WATCH,
        &tr!(
            lang,
            "Under {watch}: att bevaka",
            "Below {watch}: one to watch"
        ),
    );
}

/// The chart in words: each dimension's values, oldest first, and what
/// the lines mean.
fn readiness_desc(r: &ReadinessReport, lang: Lang) -> String {
    let days = days(r);
    let values: Vec<String> = r
        .dimensions
        .iter()
        .zip(points(r))
        .map(|(d, values)| {
            let shown: Vec<String> = values.iter().map(|v| words::score(*v, lang)).collect();
            format!("{}: {}", d.title, shown.join(" → "))
        })
        .collect();
    let when = if days.len() > 1 {
        tr!(
            lang,
            "Skattningarna {}, äldst först. ",
            "The assessments of {}, oldest first. ",
            days.join(", ")
        )
    } else {
        String::new()
    };
    format!(
        "{when}{}. {} {}",
        values.join("; "),
        lang.pick(
            "Streckade linjer visar gränserna.",
            "Dashed lines show the thresholds."
        ),
        words::thresholds_sentence(r, lang)
    )
}

/// Where a chart's points may stand across its width, in percent: room for
/// a label anchored at either end.
const PLOT: (f64, f64) = (3.0, 95.0);
/// The height of an indicator's plot, in pixels, under a line for labels.
const PLOT_HEIGHT: f64 = 120.0;

/// An indicator over time: its baseline and measurements joined by a solid
/// line with filled points, and a dashed line from the last of them to the
/// target, a hollow point. Across, the days from the baseline to the later
/// of the target and the last measurement, in percent of the width (so it
/// fits a phone); up, the values. The baseline's, the latest and the
/// target's values are written by their points; the days at the ends.
pub fn indicator(id: &str, i: &IndicatorReport, lang: Lang) -> String {
    let measured: Vec<(f64, f64)> = std::iter::once(&i.baseline)
        .chain(&i.measurements)
        .map(|p| (day_number(&p.date), p.value))
        .collect();
    let target = (day_number(&i.target.date), i.target.value);
    let all = measured.iter().chain(std::iter::once(&target));
    let (first, last) = all.clone().fold((f64::MAX, f64::MIN), |(a, b), (d, _)| {
        (a.min(*d), b.max(*d))
    });
    let (lo, hi) = all.fold((f64::MAX, f64::MIN), |(a, b), (_, v)| {
        (a.min(*v), b.max(*v))
    });
    let x = |d: f64| {
        let share = if last > first {
            (d - first) / (last - first)
        } else {
            0.5
        };
        PLOT.0 + (PLOT.1 - PLOT.0) * share
    };
    let top = 24.0;
    let y = |v: f64| top + PLOT_HEIGHT * (1.0 - share_between(v, lo, hi));
    let mut chart = Canvas::new();
    let axis = top + PLOT_HEIGHT + 8.0;
    let _ = write!(
        chart.body,
        "<line x1=\"0\" y1=\"{axis:.1}\" x2=\"100%\" y2=\"{axis:.1}\" stroke=\"{MID}\"/>"
    );
    for pair in measured.windows(2) {
        segment(
            &mut chart.body,
            (x(pair[0].0), y(pair[0].1)),
            (x(pair[1].0), y(pair[1].1)),
            None,
        );
    }
    let from = measured.last().copied().unwrap_or(target);
    segment(
        &mut chart.body,
        (x(from.0), y(from.1)),
        (x(target.0), y(target.1)),
        Some("6 4"),
    );
    for (d, v) in &measured {
        point(&mut chart.body, x(*d), y(*v), DARK);
    }
    point(&mut chart.body, x(target.0), y(target.1), "#ffffff");
    let mut labelled = vec![(measured[0], "start")];
    if measured.len() > 1 {
        labelled.push((from, "middle"));
    }
    labelled.push((target, "end"));
    for ((d, v), anchor) in labelled {
        value_label(
            &mut chart.body,
            x(d),
            y(v) - 10.0,
            anchor,
            &crate::state::answer::format_number(v, lang),
        );
    }
    chart.y = axis + 4.0;
    for (date, x, anchor) in [
        (&i.baseline.date, "0", "start"),
        (&i.target.date, "100%", "end"),
    ] {
        let _ = write!(
            chart.body,
            "<text x=\"{x}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"{SMALL}\" fill=\"{TEXT}\">{}</text>",
            chart.y + 14.0,
            escape(date)
        );
    }
    chart.y += 24.0;
    chart.finish(id, &i.name, &words::indicator_sentence(i, lang))
}

/// Where `v` stands from `lo` (0) to `hi` (1), the middle when they are
/// one; halved first, so that the span of the largest values is no
/// infinity.
fn share_between(v: f64, lo: f64, hi: f64) -> f64 {
    if hi > lo {
        (v / 2.0 - lo / 2.0) / (hi / 2.0 - lo / 2.0)
    } else {
        0.5
    }
}

/// A day as a number of days, to place it across a chart.
fn day_number(date: &str) -> f64 {
    crate::text::day::parse_day(date)
        .and_then(|d| d.since(jiff::civil::date(2000, 1, 1)).ok())
        .map_or(0.0, |span| f64::from(span.get_days()))
}

/// A line between two points given as (percent across, pixels down);
/// dashed with `dash`.
fn segment(body: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64), dash: Option<&str>) {
    let dash = dash
        .map(|d| format!(" stroke-dasharray=\"{d}\""))
        .unwrap_or_default();
    let _ = write!(
        body,
        "<line x1=\"{x1:.2}%\" y1=\"{y1:.1}\" x2=\"{x2:.2}%\" y2=\"{y2:.1}\" stroke=\"{DARK}\" stroke-width=\"2\"{dash}/>"
    );
}

/// A point: filled with `fill`, ringed in the dark colour.
fn point(body: &mut String, x: f64, y: f64, fill: &str) {
    let _ = write!(
        body,
        "<circle cx=\"{x:.2}%\" cy=\"{y:.1}\" r=\"5\" fill=\"{fill}\" stroke=\"{DARK}\" stroke-width=\"2\"/>"
    );
}

/// A value written above its point.
fn value_label(body: &mut String, x: f64, y: f64, anchor: &str, text: &str) {
    let _ = write!(
        body,
        "<text x=\"{x:.2}%\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{SMALL}\" fill=\"{TEXT}\">{}</text>",
        escape(text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readiness_report(assessments: usize) -> ReadinessReport {
        super::super::model::sample_readiness(assessments, 3.0)
    }

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).expect("well-formed SVG")
    }

    /// The chart's text as read line after line, one space between lines.
    fn drawn_text(svg: &str) -> String {
        let doc = parse(svg);
        let lines: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        lines.join(" ")
    }

    #[test]
    fn one_assessment_draws_one_bar_per_dimension() {
        let svg = readiness("r", &readiness_report(1), Lang::Sv);
        let doc = parse(&svg);
        let bars = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(DARK))
            .filter(|n| n.attribute("width") != Some("16"))
            .count();
        assert_eq!(bars, 1, "{svg}");
        assert!(drawn_text(&svg).contains("Skattningen 2026-05-12"), "{svg}");
        assert!(
            !doc.descendants().any(|n| n.attribute("fill") == Some(MID)),
            "no bar for a first assessment: {svg}"
        );
        let two = drawn_text(&readiness("r", &readiness_report(2), Lang::En));
        assert!(
            two.contains("Earlier assessments, oldest first: 2026-02-17"),
            "{two}"
        );
        assert!(two.contains("Latest assessment 2026-05-12"), "{two}");
    }

    #[test]
    fn every_assessment_is_drawn_oldest_first() {
        use super::super::model::AssessmentReport;
        let mut r = readiness_report(3);
        r.history = [
            ("2026-02-17", 2.0),
            ("2026-03-20", 4.5),
            ("2026-05-12", 3.0),
        ]
        .into_iter()
        .map(|(date, mean)| AssessmentReport {
            date: date.into(),
            alone: false,
            respondents: Vec::new(),
            means: vec![Some(mean)],
        })
        .collect();
        let svg = readiness("r", &r, Lang::En);
        let doc = parse(&svg);
        let bars: Vec<(&str, &str)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("width") != Some("16"))
            .filter_map(|n| Some((n.attribute("fill")?, n.attribute("width")?)))
            .filter(|(fill, _)| *fill != "#ffffff")
            .collect();
        // Scale 1–5 on a track of 80 %: 2.0 is a quarter, 4.5 seven
        // eighths, 3.0 half of it.
        assert_eq!(
            bars,
            [(MID, "20.00%"), (MID, "70.00%"), (DARK, "40.00%")],
            "{svg}"
        );
        assert!(
            drawn_text(&svg).contains("Earlier assessments, oldest first: 2026-02-17, 2026-03-20"),
            "{svg}"
        );
        assert!(svg.contains("Mandat: 2.0 → 4.5 → 3.0"), "{svg}");
    }

    #[test]
    fn the_thresholds_are_explained_in_legend_and_description() {
        let svg = readiness("r", &readiness_report(2), Lang::En);
        let doc = parse(&svg);
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .expect("a description");
        assert!(desc.contains("Mandat: 2.0 → 3.0"), "{desc}");
        assert!(
            desc.contains("below 2.5 is a risk, below 3.5 one to watch"),
            "{desc}"
        );
        let drawn = drawn_text(&svg);
        assert!(drawn.contains("Below 2.5: a risk"), "{drawn}");
        assert!(drawn.contains("Below 3.5: one to watch"), "{drawn}");
    }

    #[test]
    fn numbers_stand_right_of_every_bar_and_line() {
        let svg = readiness("r", &readiness_report(2), Lang::Sv);
        let doc = parse(&svg);
        let percent = |v: &str| v.strip_suffix('%').and_then(|v| v.parse::<f64>().ok());
        for n in doc.descendants().filter(|n| n.is_element()) {
            for attr in ["x1", "x2"] {
                if let Some(x) = n.attribute(attr).and_then(percent) {
                    assert!(x <= TRACK, "a line at {x}%");
                }
            }
            if n.has_tag_name("rect") {
                let width = n.attribute("width").and_then(percent).unwrap_or(0.0);
                assert!(width <= TRACK, "a bar of {width}%");
            }
        }
        let values: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("100%"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(values, ["2,0", "3,0"]);
    }

    #[test]
    fn labels_wrap_between_words_to_fit_a_small_phone_with_text_spacing() {
        let lines = wrap(
            "Samverkan internt och externt med civilsamhället",
            LINE_WIDTH,
        );
        assert_eq!(
            lines,
            ["Samverkan internt och", "externt med civilsamhället"]
        );
        for line in &lines {
            assert!(drawn_width(line) <= LINE_WIDTH, "{line}");
        }
        assert_eq!(wrap("Mandat", LINE_WIDTH), ["Mandat"]);
        assert_eq!(wrap("", LINE_WIDTH), [""]);
    }

    #[test]
    fn a_word_wider_than_a_line_breaks_with_a_hyphen() {
        let word = "Kompetensförsörjningsutvecklingsplaneringsarbetet";
        let lines = wrap(word, LINE_WIDTH);
        assert!(lines.len() > 1, "{lines:?}");
        let (last, broken) = lines.split_last().expect("lines");
        assert!(broken.iter().all(|l| l.ends_with('-')), "{lines:?}");
        let whole: String = broken
            .iter()
            .map(|l| l.trim_end_matches('-'))
            .chain([last.as_str()])
            .collect();
        assert_eq!(whole, word);
        assert!(
            lines.iter().all(|l| drawn_width(l) <= LINE_WIDTH),
            "{lines:?}"
        );
    }

    #[test]
    fn a_long_dimension_title_is_drawn_on_several_lines() {
        let mut r = readiness_report(1);
        r.dimensions[0].title =
            "Samverkan internt och externt med näringsliv och civilsamhälle".into();
        let svg = readiness("r", &r, Lang::Sv);
        let doc = parse(&svg);
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("0"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            labels[..3],
            [
                "Samverkan internt och",
                "externt med näringsliv och",
                "civilsamhälle"
            ]
        );
    }

    #[test]
    fn text_is_drawn_at_the_pages_own_size() {
        let svg = progress("p", &[], Lang::Sv);
        assert!(!svg.contains("viewBox"), "{svg}");
        assert!(svg.contains("class=\"chart\""), "{svg}");
    }

    #[test]
    fn an_indicator_of_the_largest_values_is_drawn_with_numbers() {
        let point = |value: f64, date: &str| super::super::model::PointReport {
            value,
            date: date.into(),
            source: None,
        };
        let i = IndicatorReport {
            id: "test.effekt".into(),
            name: "Väntetid".into(),
            unit: String::new(),
            owner: "Karin".into(),
            baseline: point(-f64::MAX, "2026-03-01"),
            target: point(0.0, "2027-06-30"),
            measurements: vec![point(f64::MAX, "2026-09-01")],
        };
        let svg = indicator("i", &i, Lang::Sv);
        parse(&svg);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }
}
