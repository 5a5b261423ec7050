//! The readiness assessment in the terminal: a bar per dimension, its mean,
//! the spread between respondents, and the change since the first
//! assessment.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::i18n::one_decimal as number;
use crate::pack::Readiness;
use crate::state::Assessment;
use crate::tr;

/// The chart of `latest`, compared with `first` when it is another one.
pub fn chart(
    readiness: &Readiness,
    latest: &Assessment,
    first: Option<&Assessment>,
    text_lang: Lang,
    lang: Lang,
) -> String {
    let (min, max) = (readiness.scale.min as f64, readiness.scale.max as f64);
    let width = 20usize;
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
        let filled = (((mean - min) / (max - min)) * width as f64)
            .round()
            .clamp(0.0, width as f64) as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(width - filled));
        let flag = if mean < readiness.risk_below {
            lang.pick(" risk", " risk")
        } else if mean < readiness.watch_below {
            lang.pick(" bevaka", " watch")
        } else {
            ""
        };
        let mut line = format!("{title}{pad}  {bar} {}{flag}", number(mean, lang));
        if let Some(spread) = score.spread() {
            let _ = write!(
                line,
                "  {} {}",
                lang.pick("spridning", "spread"),
                number(spread, lang)
            );
        }
        if let Some(before) = first
            .filter(|f| f.entry != latest.entry)
            .and_then(|f| f.dimensions.iter().find(|d| d.id == score.id))
            .and_then(|d| d.mean)
        {
            let change = mean - before;
            let arrow = if change > 0.05 {
                "↑"
            } else if change < -0.05 {
                "↓"
            } else {
                "→"
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
        let _ = writeln!(out, "{line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::log::Stamp;
    use crate::pack::{Dimension, Scale, Statement, Text};
    use crate::state::DimensionScore;

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
            "Förutsättningar · 2026-06-01\nSvarande: Rektor, Lärare\nMandat    ██████████░░░░░░░░░░ 3,0 bevaka  spridning 2,0  först 2,0 ↑\nTrygghet  inga svar\n"
        );
        let alone = chart(&readiness(), &first, Some(&first), Lang::En, Lang::En);
        assert!(
            alone.contains("Mandat    █████░░░░░░░░░░░░░░░ 2.0 risk  spread 0.0\n"),
            "{alone}"
        );
    }
}
