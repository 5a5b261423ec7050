//! Which entries an entry's author had seen: the `follows` key read as a
//! graph, so that a later answer can be told apart from a correction (it
//! had seen the earlier one) and from an answer given on another branch at
//! the same time (it had not). See docs/log-format.md, "Disagreements".

use std::collections::HashMap;

use crate::workbook::LoadedEntry;

/// The `follows` graph of one workbook's entries, in log order.
pub struct Lineage {
    /// For each entry, the entries it names in `follows` (as indexes), or
    /// `None` when it has no `follows` key and so follows every earlier one.
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
                e.entry.meta.follows.as_ref().map(|ids| {
                    ids.iter()
                        .filter_map(|id| index.get(id.as_str()).copied())
                        .collect()
                })
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

/// The ids a new entry in this log follows. A log whose `follows` go round
/// in a circle (edited by hand) has no newest entry; then the last one.
pub fn heads_of(entries: &[LoadedEntry]) -> Vec<String> {
    let mut heads = Lineage::new(entries).heads();
    if heads.is_empty() && !entries.is_empty() {
        heads.push(entries.len() - 1);
    }
    heads.into_iter().map(|i| entries[i].id.clone()).collect()
}
