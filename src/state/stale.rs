//! Whether a workbook is stale: neither paused, stopped nor finished, and
//! nothing written in its log for longer than its pack allows
//! (`stale_after_days`) before the day it is read as of. One rule for
//! `dino status`, the reports and their JSON.

use jiff::civil::Date;

use super::{Current, GateState, State};
use crate::pack::Decision;
use crate::workbook::Workbook;

/// A stale workbook: the day of its latest entry, and the pack's limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stale {
    /// The day of the latest entry.
    pub since: Date,
    /// The pack's `stale_after_days`.
    pub after_days: u32,
}

/// Whether the project is paused: the current phase's gate was decided
/// `pause` and nothing was worked on in the phase since.
pub fn paused(state: &State) -> bool {
    state.current_phase().is_some_and(|p| {
        matches!(
            p.gate,
            GateState::Decided {
                decision: Decision::Pause,
                ..
            }
        )
    })
}

/// The workbook is stale as of `as_of`: it goes on (not paused, stopped
/// or finished) and its latest entry is more than the pack's
/// `stale_after_days` before that day. A workbook with no entry is not.
pub fn stale(workbook: &Workbook, state: &State, as_of: Date) -> Option<Stale> {
    if !matches!(state.current, Current::Phase(_)) || paused(state) {
        return None;
    }
    let since = state.last_activity?.date();
    let after_days = workbook.pack.stale_after_days;
    let limit = as_of
        .checked_sub(jiff::Span::new().days(i64::from(after_days)))
        .ok()?;
    (since < limit).then_some(Stale { since, after_days })
}
