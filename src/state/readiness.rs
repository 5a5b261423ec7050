//! Readiness assessments read from the log: each statement's answers, and
//! per dimension the mean score and the spread between respondents.

use std::collections::BTreeMap;

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::log::{Body, Stamp};
use crate::pack::{Kind, Pack};
use crate::tr;
use crate::workbook::LoadedEntry;

use super::answer::{Given, interpret};
use crate::pack::condition::Value;

/// One readiness assessment.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub entry: usize,
    pub date: Stamp,
    /// Respondents, in the order they answered (empty: the group as one).
    pub respondents: Vec<String>,
    /// Per dimension, in pack order.
    pub dimensions: Vec<DimensionScore>,
}

#[derive(Clone, Debug)]
pub struct DimensionScore {
    pub id: String,
    /// The mean of every scored answer, if any was scored.
    pub mean: Option<f64>,
    /// Per respondent (in `Assessment::respondents` order), their mean.
    pub by_respondent: Vec<Option<f64>>,
    /// Answers that were "don't know".
    pub dont_know: usize,
}

impl DimensionScore {
    /// The largest difference between two respondents' means.
    pub fn spread(&self) -> Option<f64> {
        let means: Vec<f64> = self.by_respondent.iter().flatten().copied().collect();
        if means.len() < 2 {
            return None;
        }
        let max = means.iter().copied().fold(f64::MIN, f64::max);
        let min = means.iter().copied().fold(f64::MAX, f64::min);
        Some(max - min)
    }
}

/// Reads a readiness entry against the pack's readiness dimensions.
pub fn assess(
    pack: &Pack,
    loaded: &LoadedEntry,
    index: usize,
    lang: Lang,
) -> Result<(Assessment, Vec<Finding>), Vec<Finding>> {
    let at = |line: usize, message: String| Finding {
        file: loaded.file.clone(),
        line,
        col: 1,
        message,
    };
    let Some(readiness) = &pack.readiness else {
        return Err(vec![at(
            loaded.at("kind").0,
            tr!(
                lang,
                "paketet har ingen mätning av förutsättningar",
                "the pack has no readiness assessment"
            ),
        )]);
    };
    let kind = Kind::Scale(readiness.scale.clone());
    let records = match &loaded.entry.body {
        Body::Records(r) => r.as_slice(),
        Body::Text(_) => &[],
    };
    let mut problems = Vec::new();
    let mut respondents: Vec<String> = Vec::new();
    // (dimension, respondent index) -> scores; dimension -> don't knows.
    let mut scores: BTreeMap<(String, usize), Vec<f64>> = BTreeMap::new();
    let mut dont_know: BTreeMap<String, usize> = BTreeMap::new();
    for (record, line) in records.iter().zip(&loaded.record_lines) {
        let who = record.respondent.clone().unwrap_or_default();
        let who_index = match respondents.iter().position(|r| *r == who) {
            Some(i) => i,
            None => {
                respondents.push(who);
                respondents.len() - 1
            }
        };
        let known = record.item.split_once('.').filter(|(dim, stmt)| {
            readiness
                .dimensions
                .iter()
                .any(|d| d.id == *dim && d.statements.iter().any(|s| s.id == *stmt))
        });
        let Some((dim, _)) = known else {
            problems.push(at(
                *line,
                tr!(
                    lang,
                    "mätningen har inget påstående `{}` (skrivs DIMENSION.PÅSTÅENDE)",
                    "the assessment has no statement `{}` (written DIMENSION.STATEMENT)",
                    record.item
                ),
            ));
            continue;
        };
        match interpret(&kind, &record.answer, lang) {
            Ok(Given::Value(Value::Num(n))) => scores
                .entry((dim.to_string(), who_index))
                .or_default()
                .push(n),
            Ok(Given::DontKnow) => *dont_know.entry(dim.to_string()).or_default() += 1,
            Ok(_) => {}
            Err(why) => problems.push(at(*line, format!("`{}`: {why}", record.item))),
        }
    }
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let dimensions = readiness
        .dimensions
        .iter()
        .map(|d| {
            let all: Vec<f64> = (0..respondents.len())
                .flat_map(|r| scores.get(&(d.id.clone(), r)).cloned().unwrap_or_default())
                .collect();
            DimensionScore {
                id: d.id.clone(),
                mean: mean(&all),
                by_respondent: (0..respondents.len())
                    .map(|r| scores.get(&(d.id.clone(), r)).and_then(|v| mean(v)))
                    .collect(),
                dont_know: dont_know.get(&d.id).copied().unwrap_or(0),
            }
        })
        .collect();
    let respondents = if respondents == [String::new()] {
        Vec::new()
    } else {
        respondents
    };
    Ok((
        Assessment {
            entry: index,
            date: loaded.entry.meta.date,
            respondents,
            dimensions,
        },
        problems,
    ))
}
