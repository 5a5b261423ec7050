//! Readiness, calculated in one place: assessments read from the log (each
//! statement's answers; per dimension the mean score and the spread between
//! respondents), the first against the latest, which way a mean moved, and
//! where it stands against the pack's risk and watch lines.

use std::collections::BTreeMap;

use crate::finding::Finding;
use crate::log::{Body, Stamp};
use crate::pack::{Kind, Pack, Readiness};
use crate::workbook::{LoadedEntry, Workbook};

use super::answer::{self, Given, interpret};
use crate::pack::condition::Value;

/// What this module says of an assessment it reads; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The pack has no readiness assessment.
    NoAssessment,
    /// The assessment has no statement `item`.
    UnknownStatement { item: String },
    /// The answer to `item` does not fit it: `why`.
    Unfit { item: String, why: answer::Message },
}

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

/// Where a dimension's mean stands against the pack's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Below `risk_below`: a risk to deal with.
    Risk,
    /// Below `watch_below`: one to watch.
    Watch,
    /// At or above both lines.
    Clear,
}

/// Where `mean` stands against `readiness`'s risk and watch lines.
pub fn level(readiness: &Readiness, mean: f64) -> Level {
    if mean < readiness.risk_below {
        Level::Risk
    } else if mean < readiness.watch_below {
        Level::Watch
    } else {
        Level::Clear
    }
}

/// Which way a mean moved since an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    /// Within a twentieth of a point either way.
    Level,
}

/// Which way a mean moved from `before` to `now`.
pub fn trend(before: f64, now: f64) -> Trend {
    let change = now - before;
    if change > 0.05 {
        Trend::Up
    } else if change < -0.05 {
        Trend::Down
    } else {
        Trend::Level
    }
}

/// Where `value` lies on a scale from `min` to `max`, as a share: 0 at
/// `min`, 1 at `max`.
pub fn share_of_scale(min: i64, max: i64, value: f64) -> f64 {
    let min = min as f64;
    (value - min) / (max as f64 - min)
}

/// The first and the latest assessment (one and the same when there is
/// one), or none before the first.
pub fn first_and_latest(assessments: &[Assessment]) -> Option<(&Assessment, &Assessment)> {
    Some((assessments.first()?, assessments.last()?))
}

impl Assessment {
    /// The score of dimension `id`.
    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The mean of dimension `id`, if any answer to it was scored.
    pub fn mean_of(&self, id: &str) -> Option<f64> {
        self.dimension(id).and_then(|d| d.mean)
    }
}

/// The answers of one assessment as they are read: who answered, in
/// order, and the scores per dimension and respondent.
#[derive(Default)]
struct Tally {
    respondents: Vec<String>,
    /// (dimension, respondent index) -> scores.
    scores: BTreeMap<(String, usize), Vec<f64>>,
    /// dimension -> answers that were "don't know".
    dont_know: BTreeMap<String, usize>,
}

impl Tally {
    /// The index of respondent `who`, who is added when new.
    fn respondent(&mut self, who: Option<&String>) -> usize {
        let who = who.cloned().unwrap_or_default();
        match self.respondents.iter().position(|r| *r == who) {
            Some(i) => i,
            None => {
                self.respondents.push(who);
                self.respondents.len() - 1
            }
        }
    }

    /// The scores of each dimension, in pack order.
    fn dimension_scores(&self, readiness: &Readiness) -> Vec<DimensionScore> {
        let respondents = self.respondents.len();
        readiness
            .dimensions
            .iter()
            .map(|d| {
                let all: Vec<f64> = (0..respondents)
                    .flat_map(|r| {
                        self.scores
                            .get(&(d.id.clone(), r))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect();
                DimensionScore {
                    id: d.id.clone(),
                    mean: mean(&all),
                    by_respondent: (0..respondents)
                        .map(|r| self.scores.get(&(d.id.clone(), r)).and_then(|v| mean(v)))
                        .collect(),
                    dont_know: self.dont_know.get(&d.id).copied().unwrap_or(0),
                }
            })
            .collect()
    }
}

/// The mean of some scores, if there are any.
fn mean(scores: &[f64]) -> Option<f64> {
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// The dimension of a statement written `DIMENSION.STATEMENT`, if the
/// assessment has that statement.
fn dimension_of<'a>(readiness: &Readiness, item: &'a str) -> Option<&'a str> {
    let (dim, stmt) = item.split_once('.')?;
    readiness
        .dimensions
        .iter()
        .any(|d| d.id == dim && d.statements.iter().any(|s| s.id == stmt))
        .then_some(dim)
}

/// Reads a readiness entry against the pack's readiness dimensions.
pub fn assess(
    pack: &Pack,
    loaded: &LoadedEntry,
    index: usize,
) -> Result<(Assessment, Vec<Finding>), Vec<Finding>> {
    let at = |line: usize, message: Message| Finding {
        file: loaded.file.clone(),
        line,
        col: 1,
        message: message.into(),
    };
    let Some(readiness) = &pack.readiness else {
        return Err(vec![at(loaded.at("kind").0, Message::NoAssessment)]);
    };
    let kind = Kind::Scale(readiness.scale.clone());
    let records = match &loaded.entry.body {
        Body::Records(r) => r.as_slice(),
        Body::Text(_) => &[],
    };
    let mut problems = Vec::new();
    let mut tally = Tally::default();
    for (record, line) in records.iter().zip(&loaded.record_lines) {
        let who = tally.respondent(record.respondent.as_ref());
        let Some(dim) = dimension_of(readiness, &record.item) else {
            let item = record.item.clone();
            problems.push(at(*line, Message::UnknownStatement { item }));
            continue;
        };
        match interpret(&kind, &record.answer) {
            Ok(Given::Value(Value::Num(n))) => {
                tally
                    .scores
                    .entry((dim.to_string(), who))
                    .or_default()
                    .push(n);
            }
            Ok(Given::DontKnow) => *tally.dont_know.entry(dim.to_string()).or_default() += 1,
            Ok(_) => {}
            Err(why) => {
                let item = record.item.clone();
                problems.push(at(*line, Message::Unfit { item, why }));
            }
        }
    }
    let dimensions = tally.dimension_scores(readiness);
    let respondents = if tally.respondents == [String::new()] {
        Vec::new()
    } else {
        tally.respondents
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

/// A dimension of the latest assessment below the pack's risk line.
#[derive(Clone, Debug, PartialEq)]
pub struct LowDimension {
    pub id: String,
    pub mean: f64,
}

/// The dimensions of the latest assessment below the pack's risk line that
/// no open risk names (by the dimension's title, in any of the pack's
/// languages, or its id, anywhere in the risk's text or mitigation).
pub fn low_without_risk(workbook: &Workbook, state: &super::State) -> Vec<LowDimension> {
    let (Some(readiness), Some(latest)) = (&workbook.pack.readiness, state.readiness.last()) else {
        return Vec::new();
    };
    let risks: Vec<String> = state
        .notes
        .iter()
        .filter(|n| n.open)
        .map(|n| &workbook.entries[n.entry])
        .filter(|e| e.entry.meta.kind == crate::log::EntryKind::Risk)
        .map(|e| risk_words(e).to_lowercase())
        .collect();
    readiness
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let mean = latest.mean_of(&dimension.id)?;
            if level(readiness, mean) != Level::Risk {
                return None;
            }
            let mut names = dimension.title.all();
            names.push(&dimension.id);
            let named = names
                .iter()
                .map(|n| n.to_lowercase())
                .any(|name| risks.iter().any(|risk| risk.contains(&name)));
            (!named).then(|| LowDimension {
                id: dimension.id.clone(),
                mean,
            })
        })
        .collect()
}

/// What a risk says: its text and its mitigation.
fn risk_words(entry: &LoadedEntry) -> String {
    let text = match &entry.entry.body {
        Body::Text(text) => text.as_str(),
        Body::Records(_) => "",
    };
    let mitigation = entry.entry.meta.mitigation.as_deref().unwrap_or("");
    format!("{text}\n{mitigation}")
}
