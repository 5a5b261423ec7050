//! Which entries an entry's author had seen: the `follows` key read as a
//! graph, so that a later answer can be told apart from a correction (it
//! had seen the earlier one) and from an answer given on another branch at
//! the same time (it had not). See docs/log-format.md, "Disagreements".

use crate::log::order::Follows;
use crate::workbook::LoadedEntry;

/// The `follows` graph of one workbook's entries, in log order (which
/// `log::order` decides).
pub struct Lineage {
    follows: Follows,
}

impl Lineage {
    pub fn new(entries: &[LoadedEntry]) -> Lineage {
        Lineage {
            follows: Follows::of(entries),
        }
    }

    /// Whether the author of entry `later` had seen entry `earlier`.
    pub fn has_seen(&self, later: usize, earlier: usize) -> bool {
        let mut visited = vec![false; self.follows.len()];
        let mut stack = vec![later];
        while let Some(at) = stack.pop() {
            match self.follows.parents(at) {
                // Written without `follows`: after everything before it.
                None if earlier < at => return true,
                None => {}
                Some(parents) => {
                    for &p in parents {
                        if p == earlier {
                            return true;
                        }
                        if !visited[p] {
                            visited[p] = true;
                            stack.push(p);
                        }
                    }
                }
            }
        }
        false
    }

    /// Whether neither entry's author had seen the other: they were written
    /// at the same time, on different branches or machines.
    pub fn concurrent(&self, a: usize, b: usize) -> bool {
        a != b && !self.has_seen(a, b) && !self.has_seen(b, a)
    }

    /// The entries no other entry has seen: what a new entry follows. In
    /// log order.
    pub fn heads(&self) -> Vec<usize> {
        let mut seen = vec![false; self.follows.len()];
        for at in 0..self.follows.len() {
            match self.follows.parents(at) {
                None => seen[..at].iter_mut().for_each(|s| *s = true),
                Some(parents) => parents.iter().for_each(|&p| seen[p] = true),
            }
        }
        (0..seen.len()).filter(|&i| !seen[i]).collect()
    }
}

/// The ids a new entry in this log follows. A log whose `follows` go round
/// in a circle (edited by hand) has no newest entry; then the last one.
pub fn heads_of(entries: &[LoadedEntry]) -> Vec<String> {
    let mut heads = Lineage::new(entries).heads();
    if heads.is_empty() && !entries.is_empty() {
        heads.push(entries.len() - 1);
    }
    heads.into_iter().map(|i| entries[i].id.clone()).collect()
}
