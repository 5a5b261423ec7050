//! Which entries an entry's author had seen: the `follows` key read as a
//! graph, so that a later answer can be told apart from a correction (it
//! had seen the earlier one) and from an answer given on another branch at
//! the same time (it had not). See docs/log-format.md, "Disagreements".

use std::collections::HashMap;

use crate::workbook::LoadedEntry;

/// The `follows` graph of one workbook's entries, in log order.
pub struct Lineage {
    /// For each entry, the entries it names in `follows` (as indexes), or
    /// `None` when it follows every entry before it: it has no `follows`
    /// key, or names an entry the log no longer holds.
    parents: Vec<Option<Vec<usize>>>,
}

impl Lineage {
    pub fn new(entries: &[LoadedEntry]) -> Lineage {
        let index: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let parents = entries
            .iter()
            .map(|e| {
                let ids = e.entry.meta.follows.as_ref()?;
                // An entry removed, or one that cannot be read: what
                // followed it is read as having seen all before it, so
                // that no correction turns into a disagreement.
                ids.iter()
                    .map(|id| index.get(id.as_str()).copied())
                    .collect::<Option<Vec<usize>>>()
            })
            .collect();
        Lineage { parents }
    }

    /// Whether the author of entry `later` had seen entry `earlier`.
    pub fn has_seen(&self, later: usize, earlier: usize) -> bool {
        let mut visited = vec![false; self.parents.len()];
        let mut stack = vec![later];
        while let Some(at) = stack.pop() {
            match &self.parents[at] {
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
        let mut seen = vec![false; self.parents.len()];
        for (at, parents) in self.parents.iter().enumerate() {
            match parents {
                None => seen[..at].iter_mut().for_each(|s| *s = true),
                Some(parents) => parents.iter().for_each(|&p| seen[p] = true),
            }
        }
        (0..seen.len()).filter(|&i| !seen[i]).collect()
    }
}

/// Puts entries, sorted by date and then file name, in log order: every
/// entry after the ones it follows, and otherwise by date and file name. A
/// correction written on a machine whose clock ran behind, or in the same
/// second as what it corrects, still comes after it. Reads only the files,
/// so every machine gets the same order.
pub fn into_log_order(entries: &mut Vec<LoadedEntry>) {
    let lineage = Lineage::new(entries);
    let in_order = lineage
        .parents
        .iter()
        .enumerate()
        .all(|(at, parents)| parents.iter().flatten().all(|&p| p < at));
    if in_order {
        return;
    }
    let n = entries.len();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    // The first entry (by date) not placed yet.
    let mut first_open = 0;
    while order.len() < n {
        while placed[first_open] {
            first_open += 1;
        }
        let ready = |at: usize| match &lineage.parents[at] {
            None => at == first_open,
            Some(parents) => parents.iter().all(|&p| placed[p] || p == at),
        };
        // The earliest entry whose parents are placed; in a circle of
        // `follows` (edited by hand), the earliest left.
        let next = (first_open..n)
            .find(|&at| !placed[at] && ready(at))
            .unwrap_or(first_open);
        placed[next] = true;
        order.push(next);
    }
    let mut slots: Vec<Option<LoadedEntry>> = entries.drain(..).map(Some).collect();
    entries.extend(order.into_iter().filter_map(|at| slots[at].take()));
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
