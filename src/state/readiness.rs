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

/// One readiness assessment: one entry, or a round of entries each
/// answered alone (see docs/log-format.md, "Readiness answered alone").
#[derive(Clone, Debug)]
pub struct Assessment {
    /// The (first) entry, in log order.
    pub entry: usize,
    /// Every entry it is read from, in log order: one, or a round's.
    pub entries: Vec<usize>,
    /// Whether it is a round of entries answered alone.
    pub alone: bool,
    pub date: Stamp,
    /// Respondents, in the order they answered (empty: the group as one).
    pub respondents: Vec<String>,
    /// Per respondent (in `respondents` order), their role: the role of
    /// the participant of that name, or the respondent itself where it
    /// names a participant's role; `None` when neither.
    pub roles: Vec<Option<String>>,
    /// Per dimension, in pack order.
    pub dimensions: Vec<DimensionScore>,
    /// Each respondent's scores as read, for rounds to merge.
    pub answers: Vec<Answers>,
}

/// One respondent's answers, as scores per dimension.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    /// The respondent; empty for the group as one.
    pub who: String,
    pub role: Option<String>,
    /// dimension -> the scores given.
    pub scores: BTreeMap<String, Vec<f64>>,
    /// dimension -> the answers that were "don't know".
    pub dont_know: BTreeMap<String, usize>,
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
    /// The spread: the highest respondent's mean less the lowest's (each
    /// respondent's mean over the dimension's statements); none with fewer
    /// than two respondents who scored.
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

/// Which of `means` are the lowest (ties all marked), when at least two
/// have a value and they are not all the same; else none is.
pub fn lowest(means: &[Option<f64>]) -> Vec<bool> {
    let scored: Vec<f64> = means.iter().flatten().copied().collect();
    let min = scored.iter().copied().fold(f64::MAX, f64::min);
    let max = scored.iter().copied().fold(f64::MIN, f64::max);
    if scored.len() < 2 || max - min < 1e-9 {
        return vec![false; means.len()];
    }
    means
        .iter()
        .map(|m| m.is_some_and(|m| (m - min).abs() < 1e-9))
        .collect()
}

/// One role's means in an assessment: the respondents in that role taken
/// together.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleScores {
    pub role: String,
    /// The respondents in the role, in answering order.
    pub respondents: Vec<String>,
    /// Per dimension (pack order), the mean of every score in the role.
    pub means: Vec<Option<f64>>,
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

impl Assessment {
    /// Per role, the means of its respondents taken together, roles in
    /// the order their first respondent answered; empty when no respondent
    /// has a role other than their own name.
    pub fn by_role(&self, readiness: &Readiness) -> Vec<RoleScores> {
        let telling = self
            .answers
            .iter()
            .any(|a| a.role.as_ref().is_some_and(|r| *r != a.who));
        if !telling {
            return Vec::new();
        }
        let mut roles: Vec<(String, Vec<&Answers>)> = Vec::new();
        for answers in &self.answers {
            let Some(role) = &answers.role else { continue };
            match roles.iter_mut().find(|(r, _)| r == role) {
                Some((_, list)) => list.push(answers),
                None => roles.push((role.clone(), vec![answers])),
            }
        }
        roles
            .into_iter()
            .map(|(role, list)| RoleScores {
                role,
                respondents: list.iter().map(|a| a.who.clone()).collect(),
                means: readiness
                    .dimensions
                    .iter()
                    .map(|d| {
                        let all: Vec<f64> = list
                            .iter()
                            .flat_map(|a| a.scores.get(&d.id).cloned().unwrap_or_default())
                            .collect();
                        mean(&all)
                    })
                    .collect(),
            })
            .collect()
    }

    /// `part`, an entry answered alone, joins this round: its respondents
    /// added, or put in place of their earlier answers.
    fn join(&mut self, part: Assessment, readiness: &Readiness) {
        self.entries.extend(part.entries);
        for answers in part.answers {
            match self.answers.iter_mut().find(|a| a.who == answers.who) {
                Some(earlier) => *earlier = answers,
                None => self.answers.push(answers),
            }
        }
        self.tally(readiness);
    }

    /// Respondents, roles and dimension scores from `answers`.
    fn tally(&mut self, readiness: &Readiness) {
        let group = self.answers.len() == 1 && self.answers[0].who.is_empty();
        self.respondents = if group {
            Vec::new()
        } else {
            self.answers.iter().map(|a| a.who.clone()).collect()
        };
        self.roles = if group {
            Vec::new()
        } else {
            self.answers.iter().map(|a| a.role.clone()).collect()
        };
        self.dimensions = dimension_scores(&self.answers, readiness);
    }
}

/// How long a round stays open after its first entry: 14 days.
pub const ROUND_DAYS: i64 = 14;

/// The assessments read entry by entry (in log order) as the log's
/// assessments: entries answered alone gathered into rounds. A round opens
/// with an entry answered alone while none is open, takes each later one
/// dated less than `ROUND_DAYS` after its first, and closes at an
/// assessment not answered alone.
pub fn rounds(readiness: Option<&Readiness>, read: Vec<Assessment>) -> Vec<Assessment> {
    let Some(readiness) = readiness else {
        return read;
    };
    let mut out: Vec<Assessment> = Vec::new();
    let mut open = false;
    for assessment in read {
        if !assessment.alone {
            open = false;
            out.push(assessment);
            continue;
        }
        match out.last_mut() {
            Some(round) if open && within_round(round.date, assessment.date) => {
                round.join(assessment, readiness);
            }
            _ => {
                out.push(assessment);
                open = true;
            }
        }
    }
    out
}

/// Whether `date` is less than `ROUND_DAYS` after a round's `opened`.
fn within_round(opened: Stamp, date: Stamp) -> bool {
    date.at.as_second() - opened.at.as_second() < ROUND_DAYS * 24 * 60 * 60
}

/// The scores of each dimension, in pack order, from each respondent's
/// answers.
fn dimension_scores(answers: &[Answers], readiness: &Readiness) -> Vec<DimensionScore> {
    readiness
        .dimensions
        .iter()
        .map(|d| {
            let all: Vec<f64> = answers
                .iter()
                .flat_map(|a| a.scores.get(&d.id).cloned().unwrap_or_default())
                .collect();
            DimensionScore {
                id: d.id.clone(),
                mean: mean(&all),
                by_respondent: answers
                    .iter()
                    .map(|a| a.scores.get(&d.id).and_then(|v| mean(v)))
                    .collect(),
                dont_know: answers
                    .iter()
                    .map(|a| a.dont_know.get(&d.id).copied().unwrap_or(0))
                    .sum(),
            }
        })
        .collect()
}

/// The index of respondent `who` in `answers`, who is added when new, with
/// their role among `participants`.
fn respondent(
    answers: &mut Vec<Answers>,
    who: Option<&String>,
    participants: &[crate::log::Participant],
) -> usize {
    let who = who.cloned().unwrap_or_default();
    if let Some(i) = answers.iter().position(|a| a.who == who) {
        return i;
    }
    answers.push(Answers {
        role: role_of(&who, participants),
        who,
        ..Answers::default()
    });
    answers.len() - 1
}

/// The role of respondent `who`: that of the participant of that name, or
/// `who` itself where it is a participant's role.
pub fn role_of(who: &str, participants: &[crate::log::Participant]) -> Option<String> {
    if who.is_empty() {
        return None;
    }
    let named = participants.iter().find(|p| p.name == who);
    if let Some(p) = named {
        return p.role.clone();
    }
    participants
        .iter()
        .any(|p| p.role.as_deref() == Some(who))
        .then(|| who.to_string())
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
    let mut answers: Vec<Answers> = Vec::new();
    let participants = &loaded.entry.meta.participants;
    for (record, line) in records.iter().zip(&loaded.record_lines) {
        let who = respondent(&mut answers, record.respondent.as_ref(), participants);
        let Some(dim) = dimension_of(readiness, &record.item) else {
            let item = record.item.clone();
            problems.push(at(*line, Message::UnknownStatement { item }));
            continue;
        };
        match interpret(&kind, &record.answer) {
            Ok(Given::Value(Value::Num(n))) => {
                answers[who]
                    .scores
                    .entry(dim.to_string())
                    .or_default()
                    .push(n);
            }
            Ok(Given::DontKnow) => *answers[who].dont_know.entry(dim.to_string()).or_default() += 1,
            Ok(_) => {}
            Err(why) => {
                let item = record.item.clone();
                problems.push(at(*line, Message::Unfit { item, why }));
            }
        }
    }
    let mut assessment = Assessment {
        entry: index,
        entries: vec![index],
        alone: loaded.entry.meta.alone,
        date: loaded.entry.meta.date,
        respondents: Vec::new(),
        roles: Vec::new(),
        dimensions: Vec::new(),
        answers,
    };
    assessment.tally(readiness);
    Ok((assessment, problems))
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::pack::{Dimension, Scale, Statement, Text};

    fn readiness() -> Readiness {
        let dimension = |id: &str| Dimension {
            id: id.into(),
            title: Text::Same(id.into()),
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
            dimensions: vec![dimension("mandat"), dimension("trygghet")],
        }
    }

    /// An entry's assessment: `who` (with `role`) scored `mandat` and
    /// `trygghet` on `date`; `alone` says whether they answered alone.
    fn read(
        entry: usize,
        date: &str,
        alone: bool,
        who: &[(&str, Option<&str>, f64, f64)],
    ) -> Assessment {
        let answers = who
            .iter()
            .map(|(name, role, mandat, trygghet)| Answers {
                who: name.to_string(),
                role: role.map(str::to_string),
                scores: BTreeMap::from([
                    ("mandat".to_string(), vec![*mandat]),
                    ("trygghet".to_string(), vec![*trygghet]),
                ]),
                dont_know: BTreeMap::new(),
            })
            .collect();
        let mut a = Assessment {
            entry,
            entries: vec![entry],
            alone,
            date: Stamp::parse(date).expect("date"),
            respondents: Vec::new(),
            roles: Vec::new(),
            dimensions: Vec::new(),
            answers,
        };
        a.tally(&readiness());
        a
    }

    #[test]
    fn three_respondents_alone_on_different_days_are_one_assessment() {
        let r = readiness();
        let read = vec![
            read(
                0,
                "2026-03-02T09:00:00+01:00",
                true,
                &[("Eva", Some("Rektor"), 2.0, 4.0)],
            ),
            read(
                1,
                "2026-03-05T14:00:00+01:00",
                true,
                &[("Karim", Some("Lärare"), 4.0, 4.0)],
            ),
            read(
                2,
                "2026-03-12T08:00:00+01:00",
                true,
                &[("Anna", Some("Lärare"), 5.0, 2.0)],
            ),
        ];
        let all = rounds(Some(&r), read);
        assert_eq!(all.len(), 1);
        let round = &all[0];
        assert!(round.alone);
        assert_eq!(round.entries, [0, 1, 2]);
        assert_eq!(round.entry, 0);
        assert_eq!(round.respondents, ["Eva", "Karim", "Anna"]);
        assert_eq!(
            round.dimensions[0].by_respondent,
            [Some(2.0), Some(4.0), Some(5.0)]
        );
        assert_eq!(round.mean_of("mandat"), Some(11.0 / 3.0));
        assert_eq!(round.dimensions[0].spread(), Some(3.0));
        assert_eq!(
            lowest(&round.dimensions[1].by_respondent),
            [false, false, true]
        );
        let roles = round.by_role(&r);
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0].role, "Rektor");
        assert_eq!(roles[1].respondents, ["Karim", "Anna"]);
        assert_eq!(roles[1].means, [Some(4.5), Some(3.0)]);
    }

    #[test]
    fn a_group_assessment_after_a_round_closes_it() {
        let r = readiness();
        let read = vec![
            read(
                0,
                "2026-03-02T09:00:00+01:00",
                true,
                &[("Eva", None, 2.0, 4.0)],
            ),
            read(
                1,
                "2026-03-03T09:00:00+01:00",
                false,
                &[("", None, 3.0, 3.0)],
            ),
            read(
                2,
                "2026-03-04T09:00:00+01:00",
                true,
                &[("Karim", None, 4.0, 4.0)],
            ),
        ];
        let all = rounds(Some(&r), read);
        let entries: Vec<&[usize]> = all.iter().map(|a| a.entries.as_slice()).collect();
        assert_eq!(entries, [&[0][..], &[1], &[2]]);
        assert!(all[1].respondents.is_empty(), "the group answers as one");
        assert!(all[0].by_role(&r).is_empty(), "no roles, no table by role");
    }

    #[test]
    fn a_late_answer_opens_a_new_round_and_a_second_answer_replaces_the_first() {
        let r = readiness();
        let read = vec![
            read(
                0,
                "2026-03-02T09:00:00+01:00",
                true,
                &[("Eva", None, 2.0, 4.0)],
            ),
            read(
                1,
                "2026-03-10T09:00:00+01:00",
                true,
                &[("Eva", None, 3.0, 3.0)],
            ),
            // 14 days after the round's first, to the second: too late.
            read(
                2,
                "2026-03-16T09:00:00+01:00",
                true,
                &[("Karim", None, 4.0, 4.0)],
            ),
        ];
        let all = rounds(Some(&r), read);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].entries, [0, 1]);
        assert_eq!(all[0].respondents, ["Eva"]);
        assert_eq!(
            all[0].mean_of("mandat"),
            Some(3.0),
            "the later answers count"
        );
        assert_eq!(all[1].entries, [2]);
        assert_eq!(
            all[1].date,
            Stamp::parse("2026-03-16T09:00:00+01:00").expect("date")
        );
    }

    #[test]
    fn a_respondent_is_a_participant_with_a_role_or_a_role_itself() {
        use crate::log::Participant;
        let people = [
            Participant {
                name: "Eva".into(),
                role: Some("Rektor".into()),
            },
            Participant {
                name: "Karim".into(),
                role: None,
            },
        ];
        assert_eq!(role_of("Eva", &people).as_deref(), Some("Rektor"));
        assert_eq!(role_of("Rektor", &people).as_deref(), Some("Rektor"));
        assert_eq!(role_of("Karim", &people), None);
        assert_eq!(role_of("Okänd", &people), None);
    }
}
