//! The readiness assessment in the terminal: a bar per dimension, its mean,
//! the spread between respondents (said once under the chart), and the
//! change since the first assessment; and the latest assessment's columns
//! by respondent and by role, the lowest marked, with their cells' words,
//! for status and reports.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::i18n::one_decimal as number;
use crate::pack::Readiness;
use crate::state::readiness::{Level, Trend, level, share_of_scale, trend};
use crate::state::{Assessment, DimensionScore};
use crate::tr;

/// The chart of `latest`, compared with `first` when it is another one;
/// with a `width`, its bars are shortened (to five cells at the least) so
/// that each line fits.
pub fn chart(
    readiness: &Readiness,
    latest: &Assessment,
    first: Option<&Assessment>,
    (text_lang, lang): (Lang, Lang),
    width: Option<usize>,
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
        let room = width.map(|w| w.saturating_sub(name_width + 2));
        let line = dimension_line(readiness, score, (mean, before), room, lang);
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
                "(skillnad: avståndet mellan den högsta och den lägsta svarandes medelvärde; är den stor ser ni olika på läget: prata om det innan ni går efter medelvärdet)",
                "(spread: the distance between the highest and the lowest respondent's mean; a large one means you see the situation differently: talk about it before you act on the mean)"
            )
        );
    }
    out
}

/// One respondent's (or one role's) means in an assessment, the lowest on
/// each dimension marked: a column of the tables compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The respondent, or the role.
    pub name: String,
    /// A respondent's role (other than their name); a role's respondents,
    /// comma-separated (other than the role).
    pub of: Option<String>,
    /// Per dimension, in pack order, the mean.
    pub means: Vec<Option<f64>>,
    /// Per dimension, whether it is the lowest of the columns.
    pub lowest: Vec<bool>,
}

/// The columns of `latest` by respondent, then by role (empty unless a
/// respondent has a role other than their name).
pub fn columns(readiness: &Readiness, latest: &Assessment) -> (Vec<Column>, Vec<Column>) {
    let by_respondent = latest
        .respondents
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let means = latest
                .dimensions
                .iter()
                .map(|d| d.by_respondent.get(i).copied().flatten())
                .collect();
            let role = latest.roles.get(i).cloned().flatten();
            (name.clone(), role.filter(|r| r != name), means)
        })
        .collect();
    let by_role = latest
        .by_role(readiness)
        .into_iter()
        .map(|role| {
            let of = Some(role.respondents.join(", ")).filter(|o| *o != role.role);
            (role.role, of, role.means)
        })
        .collect();
    (marked(by_respondent), marked(by_role))
}

/// Columns of means with each dimension's lowest marked.
fn marked(columns: Vec<(String, Option<String>, Vec<Option<f64>>)>) -> Vec<Column> {
    let dimensions = columns.first().map_or(0, |c| c.2.len());
    let lowest: Vec<Vec<bool>> = (0..dimensions)
        .map(|d| {
            crate::state::readiness::lowest(&columns.iter().map(|c| c.2[d]).collect::<Vec<_>>())
        })
        .collect();
    columns
        .into_iter()
        .enumerate()
        .map(|(i, (name, of, means))| Column {
            name,
            of,
            means,
            lowest: lowest.iter().map(|per| per[i]).collect(),
        })
        .collect()
}

/// The head of a column compared: a respondent with their role, or a role.
pub fn column_head(name: &str, of: Option<&str>, by_role: bool) -> String {
    match (of, by_role) {
        (Some(of), false) => format!("{name} ({of})"),
        _ => name.to_string(),
    }
}

/// The first head of a table compared.
pub fn corner(by_role: bool, lang: Lang) -> &'static str {
    if by_role {
        lang.pick("Dimension / roll", "Dimension / role")
    } else {
        lang.pick("Dimension / svarande", "Dimension / respondent")
    }
}

/// A mean in a table compared, marked when it is the lowest.
pub fn cell(mean: Option<f64>, lowest: bool, lang: Lang) -> String {
    let shown = mean.map_or_else(|| "–".to_string(), |m| number(m, lang));
    if lowest {
        tr!(lang, "{shown} (lägst)", "{shown} (lowest)")
    } else {
        shown
    }
}

/// What the spread is, and what a large one means for the team.
pub fn spread_words(lang: Lang) -> &'static str {
    lang.pick(
        "Skillnad mellan svaren är avståndet mellan den svarande som ligger högst och den som ligger lägst i en dimension (var och ens medelvärde över dimensionens påståenden). En stor skillnad betyder att ni ser olika på läget: prata om det innan ni går efter medelvärdet.",
        "Spread is the distance between the highest and the lowest respondent on a dimension (each one's mean over the dimension's statements). A large spread means you see the situation differently: talk about it before you act on the mean.",
    )
}

/// How wide a bar is, in characters.
const BAR_WIDTH: usize = 20;

/// One dimension's line after its title: its bar, mean and level, the
/// spread, the change since `before` and the "don't know" answers; the
/// bar shortened to fit `room` columns, when given.
fn dimension_line(
    readiness: &Readiness,
    score: &DimensionScore,
    (mean, before): (f64, Option<f64>),
    room: Option<usize>,
    lang: Lang,
) -> String {
    let flag = match level(readiness, mean) {
        Level::Risk => lang.pick(" risk", " risk"),
        Level::Watch => lang.pick(" bevaka", " watch"),
        Level::Clear => "",
    };
    let mut after = format!(" {}{flag}", number(mean, lang));
    if let Some(spread) = score.spread() {
        let _ = write!(
            after,
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
            after,
            "  {} {} {arrow}",
            lang.pick("först", "first"),
            number(before, lang)
        );
    }
    if score.dont_know > 0 {
        let _ = write!(
            after,
            "  ({})",
            tr!(lang, "{} vet ej", "{} don't know", score.dont_know)
        );
    }
    let cells = room.map_or(BAR_WIDTH, |r| {
        r.saturating_sub(after.chars().count()).clamp(5, BAR_WIDTH)
    });
    format!("{}{after}", bar(readiness, mean, cells))
}

/// A bar of `cells` filled as far along the scale as `mean` lies.
fn bar(readiness: &Readiness, mean: f64, cells: usize) -> String {
    let share = share_of_scale(readiness.scale.min, readiness.scale.max, mean);
    let filled = (share * cells as f64).round().clamp(0.0, cells as f64) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
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

    /// Two assessments by two respondents: the first agreeing, the latest
    /// apart on one dimension and unanswered on the other.
    fn first_and_latest() -> (Assessment, Assessment) {
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
        (first, latest)
    }

    #[test]
    fn the_chart_shows_bars_spread_flags_and_change_since_the_first() {
        let (first, latest) = first_and_latest();
        let text = chart(
            &readiness(),
            &latest,
            Some(&first),
            (Lang::Sv, Lang::Sv),
            None,
        );
        assert_eq!(
            text,
            "Förutsättningar · 2026-06-01\nSvarande: Rektor, Lärare\nMandat    ██████████░░░░░░░░░░ 3,0 bevaka  skillnad 2,0  först 2,0 ↑\nTrygghet  inga svar\n\
             (skillnad: avståndet mellan den högsta och den lägsta svarandes medelvärde; är den stor ser ni olika på läget: prata om det innan ni går efter medelvärdet)\n"
        );
        let alone = chart(
            &readiness(),
            &first,
            Some(&first),
            (Lang::En, Lang::En),
            None,
        );
        assert!(
            alone.contains("Mandat    █████░░░░░░░░░░░░░░░ 2.0 risk  spread 0.0\n"),
            "{alone}"
        );
    }

    #[test]
    fn a_chart_for_a_narrow_terminal_has_shorter_bars_filled_alike() {
        let (first, latest) = first_and_latest();
        let langs = (Lang::Sv, Lang::Sv);
        let text = chart(&readiness(), &latest, Some(&first), langs, Some(56));
        assert!(
            text.contains("Mandat    ████░░░░ 3,0 bevaka  skillnad 2,0  först 2,0 ↑\n"),
            "{text}"
        );
        let line = text
            .lines()
            .find(|l| l.starts_with("Mandat"))
            .expect("a line");
        assert_eq!(line.chars().count(), 56, "{line}");
        // Never shorter than five cells, and as before where it fits.
        let narrow = chart(&readiness(), &latest, Some(&first), langs, Some(20));
        assert!(narrow.contains("Mandat    ███░░ 3,0"), "{narrow}");
        let wide = chart(&readiness(), &latest, Some(&first), langs, Some(200));
        assert_eq!(
            wide,
            chart(&readiness(), &latest, Some(&first), langs, None)
        );
    }
}
