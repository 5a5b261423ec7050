//! The readiness assessment in the terminal: a bar per dimension, its mean,
//! the spread between respondents (said once under the chart), and the
//! change since the first assessment.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::i18n::one_decimal as number;
use crate::pack::Readiness;
use crate::state::readiness::{Level, Trend, level, share_of_scale, trend};
use crate::state::{Assessment, DimensionScore};
use crate::tr;

/// The chart of `latest`, compared with `first` when it is another one.
pub fn chart(
    readiness: &Readiness,
    latest: &Assessment,
    first: Option<&Assessment>,
    text_lang: Lang,
    lang: Lang,
) -> String {
    let name_width = readiness
        .dimensions
        .iter()
        .map(|d| d.title.get(text_lang).chars().count())
        .max()
        .unwrap_or(10);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {}",
        readiness.title.get(text_lang),
        latest.date.date()
    );
    if !latest.respondents.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            lang.pick("Svarande:", "Respondents:"),
            latest.respondents.join(", ")
        );
    }
    // The first assessment, when it is another one than the latest.
    let earlier = first.filter(|f| f.entry != latest.entry);
    for (dimension, score) in readiness.dimensions.iter().zip(&latest.dimensions) {
        let title = dimension.title.get(text_lang);
        let pad = " ".repeat(name_width - title.chars().count());
        let Some(mean) = score.mean else {
            let _ = writeln!(
                out,
                "{title}{pad}  {}",
                lang.pick("inga svar", "no answers")
            );
            continue;
        };
        let before = earlier.and_then(|f| f.mean_of(&score.id));
        let line = dimension_line(readiness, score, mean, before, lang);
        let _ = writeln!(out, "{title}{pad}  {line}");
    }
    if latest
        .dimensions
        .iter()
        .any(|s| s.mean.is_some() && s.spread().is_some())
    {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "(skillnad: avståndet mellan den högsta och den lägsta svarandes medelvärde)",
                "(spread: the distance between the highest and the lowest respondent's mean)"
            )
        );
    }
    out
}

/// How wide a bar is, in characters.
const BAR_WIDTH: usize = 20;

/// One dimension's line after its title: its bar, mean and level, the
/// spread, the change since `before` and the "don't know" answers.
fn dimension_line(
    readiness: &Readiness,
    score: &DimensionScore,
    mean: f64,
    before: Option<f64>,
    lang: Lang,
) -> String {
    let flag = match level(readiness, mean) {
        Level::Risk => lang.pick(" risk", " risk"),
        Level::Watch => lang.pick(" bevaka", " watch"),
        Level::Clear => "",
    };
    let mut line = format!("{} {}{flag}", bar(readiness, mean), number(mean, lang));
    if let Some(spread) = score.spread() {
        let _ = write!(
            line,
            "  {} {}",
            lang.pick("skillnad", "spread"),
            number(spread, lang)
        );
    }
    if let Some(before) = before {
        let arrow = match trend(before, mean) {
            Trend::Up => "↑",
            Trend::Down => "↓",
            Trend::Level => "→",
        };
        let _ = write!(
            line,
            "  {} {} {arrow}",
            lang.pick("först", "first"),
            number(before, lang)
        );
    }
    if score.dont_know > 0 {
        let _ = write!(
            line,
            "  ({})",
            tr!(lang, "{} vet ej", "{} don't know", score.dont_know)
        );
    }
    line
}

/// A bar filled as far along the scale as `mean` lies.
fn bar(readiness: &Readiness, mean: f64) -> String {
    let share = share_of_scale(readiness.scale.min, readiness.scale.max, mean);
    let filled = (share * BAR_WIDTH as f64)
        .round()
        .clamp(0.0, BAR_WIDTH as f64) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::log::Stamp;
    use crate::pack::{Dimension, Scale, Statement, Text};

    fn readiness() -> Readiness {
        let dimension = |id: &str, title: &str| Dimension {
            id: id.into(),
            title: Text::Same(title.into()),
            statements: vec![Statement {
                id: "a".into(),
                text: Text::Same("A".into()),
            }],
        };
        Readiness {
            title: Text::Same("Förutsättningar".into()),
            intro: None,
            phases: Vec::new(),
            scale: Scale {
                min: 1,
                max: 5,
                labels: BTreeMap::new(),
            },
            dont_know: true,
            risk_below: 2.5,
            watch_below: 3.5,
            dimensions: vec![
                dimension("mandat", "Mandat"),
                dimension("trygghet", "Trygghet"),
            ],
        }
    }

    fn assessment(
        entry: usize,
        date: &str,
        scores: [(Option<f64>, Vec<Option<f64>>); 2],
    ) -> Assessment {
        Assessment {
            entry,
            entries: vec![entry],
            alone: false,
            roles: vec![None, None],
            answers: Vec::new(),
            date: Stamp::parse(date).expect("date"),
            respondents: vec!["Rektor".into(), "Lärare".into()],
            dimensions: ["mandat", "trygghet"]
                .iter()
                .zip(scores)
                .map(|(id, (mean, by))| DimensionScore {
                    id: (*id).into(),
                    mean,
                    by_respondent: by,
                    dont_know: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn the_chart_shows_bars_spread_flags_and_change_since_the_first() {
        let first = assessment(
            0,
            "2026-02-01T09:00:00+01:00",
            [
                (Some(2.0), vec![Some(2.0), Some(2.0)]),
                (Some(4.0), vec![Some(4.0), Some(4.0)]),
            ],
        );
        let latest = assessment(
            5,
            "2026-06-01T09:00:00+02:00",
            [
                (Some(3.0), vec![Some(4.0), Some(2.0)]),
                (None, vec![None, None]),
            ],
        );
        let text = chart(&readiness(), &latest, Some(&first), Lang::Sv, Lang::Sv);
        assert_eq!(
            text,
            "Förutsättningar · 2026-06-01\nSvarande: Rektor, Lärare\nMandat    ██████████░░░░░░░░░░ 3,0 bevaka  skillnad 2,0  först 2,0 ↑\nTrygghet  inga svar\n\
             (skillnad: avståndet mellan den högsta och den lägsta svarandes medelvärde)\n"
        );
        let alone = chart(&readiness(), &first, Some(&first), Lang::En, Lang::En);
        assert!(
            alone.contains("Mandat    █████░░░░░░░░░░░░░░░ 2.0 risk  spread 0.0\n"),
            "{alone}"
        );
    }
}
