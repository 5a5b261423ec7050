//! Indicators as the log has them: each `indicator` item's latest answer,
//! with its measurements from `measurement` items and `measure` entries in
//! the order they were measured; and the measurements that are due
//! (docs/log-format.md, "Reading the log: the state").

use jiff::civil::Date;

use super::answer::{Given, Indicator};
use super::{State, applies};
use crate::log::EntryKind;
use crate::pack::{Item, Kind};
use crate::workbook::Workbook;

/// How many days before a measurement's due day a measurement of its
/// indicator still settles it.
pub const EARLY_DAYS: i32 = 30;

/// An indicator the team defined, and what was measured of it.
#[derive(Clone, Debug)]
pub struct IndicatorState {
    pub phase: String,
    pub item: String,
    pub indicator: Indicator,
    /// The entry that defined it (its latest answer), an index in
    /// `Workbook::entries`.
    pub entry: usize,
    /// By the day measured, then in log order.
    pub measurements: Vec<Measurement>,
}

impl IndicatorState {
    /// `phase.item`.
    pub fn id(&self) -> String {
        format!("{}.{}", self.phase, self.item)
    }

    /// The latest measurement, by the day measured.
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }
}

/// One measurement of an indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Measurement {
    pub value: f64,
    pub date: Date,
    pub source: Option<String>,
    /// The entry it was recorded in, an index in `Workbook::entries`.
    pub entry: usize,
    /// The measurement item that recorded it, or `None` for a `measure`
    /// entry.
    pub item: Option<String>,
}

/// Every defined indicator, in pack order.
pub fn indicators(workbook: &Workbook, state: &State) -> Vec<IndicatorState> {
    let mut out = Vec::new();
    for phase in &workbook.pack.phases {
        for item in &phase.items {
            let key = (phase.id.clone(), item.id.clone());
            if let (Kind::Indicator { .. }, Some(latest)) = (&item.kind, state.answers.get(&key))
                && let Given::Indicator(indicator) = &latest.given
            {
                out.push(IndicatorState {
                    phase: phase.id.clone(),
                    item: item.id.clone(),
                    indicator: indicator.clone(),
                    entry: latest.entry,
                    measurements: measurements_of(
                        workbook,
                        state,
                        &format!("{}.{}", phase.id, item.id),
                    ),
                });
            }
        }
    }
    out
}

/// The measurements of the indicator `id` (`phase.item`), by day.
fn measurements_of(workbook: &Workbook, state: &State, id: &str) -> Vec<Measurement> {
    let mut out = Vec::new();
    for phase in &workbook.pack.phases {
        for item in &phase.items {
            let Kind::Measurement { indicator, .. } = &item.kind else {
                continue;
            };
            let key = (phase.id.clone(), item.id.clone());
            if indicator.to_string() == id
                && let Some(latest) = state.answers.get(&key)
                && let Given::Measured(m) = &latest.given
            {
                out.push(Measurement {
                    value: m.value,
                    date: m.date,
                    source: m.source.clone(),
                    entry: latest.entry,
                    item: Some(format!("{}.{}", phase.id, item.id)),
                });
            }
        }
    }
    for (index, loaded) in workbook.entries.iter().enumerate() {
        let meta = &loaded.entry.meta;
        if meta.kind == EntryKind::Measure
            && let Some(m) = meta.measure.as_ref().filter(|m| m.indicator == id)
        {
            out.push(Measurement {
                value: m.value,
                date: m.measured,
                source: m.source.clone(),
                entry: index,
                item: None,
            });
        }
    }
    out.sort_by_key(|m| (m.date, m.entry));
    out
}

/// A measurement that is due: of which indicator, on which day, and why.
#[derive(Clone, Debug)]
pub struct DueMeasurement {
    pub indicator: String,
    pub name: String,
    pub owner: String,
    pub day: Date,
    /// The measurement item (`phase.item`) that is due, or `None` for the
    /// indicator's target day.
    pub item: Option<String>,
    pub phase: String,
}

/// Measurement items that apply, are not answered, and whose `due` day is
/// answered, unless a measurement of their indicator was made no more than
/// `EARLY_DAYS` before that day; and each indicator's target day, unless a
/// measurement is dated on or after it.
pub fn due_measurements(workbook: &Workbook, state: &State) -> Vec<DueMeasurement> {
    let defined = indicators(workbook, state);
    let mut out = Vec::new();
    for phase in &workbook.pack.phases {
        for item in &phase.items {
            if let Some(due) = due_item(workbook, state, &defined, &phase.id, item) {
                out.push(due);
            }
        }
    }
    for i in &defined {
        let day = i.indicator.target_date;
        if !i.measurements.iter().any(|m| m.date >= day) {
            out.push(DueMeasurement {
                indicator: i.id(),
                name: i.indicator.name.clone(),
                owner: i.indicator.owner.clone(),
                day,
                item: None,
                phase: i.phase.clone(),
            });
        }
    }
    out
}

/// The measurement `item` of `phase`, when it is due.
fn due_item(
    workbook: &Workbook,
    state: &State,
    defined: &[IndicatorState],
    phase: &str,
    item: &Item,
) -> Option<DueMeasurement> {
    let Kind::Measurement {
        indicator,
        due: Some(due),
    } = &item.kind
    else {
        return None;
    };
    let key = (phase.to_string(), item.id.clone());
    if state.answers.contains_key(&key) || !applies(item, &workbook.profile, &state.answers) {
        return None;
    }
    let due_key = (due.phase.clone().unwrap_or_default(), due.item.clone());
    let day = match &state.answers.get(&due_key)?.given {
        Given::Value(crate::pack::condition::Value::Str(s)) => crate::text::day::parse_day(s)?,
        _ => return None,
    };
    let defined = defined.iter().find(|i| i.id() == indicator.to_string())?;
    let early = day
        .checked_sub(jiff::Span::new().days(EARLY_DAYS))
        .unwrap_or(day);
    if defined.measurements.iter().any(|m| m.date >= early) {
        return None;
    }
    Some(DueMeasurement {
        indicator: defined.id(),
        name: defined.indicator.name.clone(),
        owner: defined.indicator.owner.clone(),
        day,
        item: Some(format!("{phase}.{}", item.id)),
        phase: phase.to_string(),
    })
}
