//! The log's order: entries by date, then by file name, and each after the
//! entries it follows (its `follows` key). It is read from the files alone,
//! so that every machine puts one log in the same order. See
//! docs/log-format.md, "Disagreements".

use std::collections::HashMap;

use super::Meta;

/// An entry as the log's order sees it: its id (from its file name) and
/// its front matter.
pub trait Logged {
    fn id(&self) -> &str;
    fn meta(&self) -> &Meta;
}

/// The `follows` key of each entry of one log, read as a graph.
pub struct Follows {
    /// For each entry, the entries it names in `follows` (as indexes), or
    /// `None` when it follows every entry before it: it has no `follows`
    /// key in a log written before `follows` was (no entry before it has
    /// the key), or names an entry the log no longer holds. An entry
    /// without the key after one that has it was written by hand: it has
    /// seen no entry (an empty list), so that it overrules nothing unseen.
    parents: Vec<Option<Vec<usize>>>,
}

impl Follows {
    /// The graph of `entries`, as indexes into them.
    pub fn of<E: Logged>(entries: &[E]) -> Follows {
        let index: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id(), i))
            .collect();
        let mut keyed = false;
        let parents = entries
            .iter()
            .map(|e| {
                let Some(ids) = e.meta().follows.as_ref() else {
                    return keyed.then(Vec::new);
                };
                keyed = true;
                // An entry removed, or one that cannot be read: what
                // followed it is read as having seen all before it, so
                // that no correction turns into a disagreement.
                ids.iter()
                    .map(|id| index.get(id.as_str()).copied())
                    .collect::<Option<Vec<usize>>>()
            })
            .collect();
        Follows { parents }
    }

    /// The entries entry `at` names in `follows`; `None` when it follows
    /// every entry before it.
    pub fn parents(&self, at: usize) -> Option<&[usize]> {
        self.parents[at].as_deref()
    }

    /// How many entries the graph holds.
    pub fn len(&self) -> usize {
        self.parents.len()
    }

    /// Whether the log holds no entries.
    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// Whether every entry comes after the ones it follows already.
    fn in_order(&self) -> bool {
        self.parents
            .iter()
            .enumerate()
            .all(|(at, parents)| parents.iter().flatten().all(|&p| p < at))
    }

    /// The order of entries sorted by date and file name that puts each
    /// after the ones it follows: the earliest entry whose parents are
    /// placed, then the next; in a circle of `follows` (edited by hand),
    /// the earliest left.
    fn order(&self) -> Vec<usize> {
        let n = self.parents.len();
        let mut placed = vec![false; n];
        let mut order = Vec::with_capacity(n);
        // The first entry (by date) not placed yet.
        let mut first_open = 0;
        while order.len() < n {
            while placed[first_open] {
                first_open += 1;
            }
            let ready = |at: usize| match &self.parents[at] {
                None => at == first_open,
                Some(parents) => parents.iter().all(|&p| placed[p] || p == at),
            };
            let next = (first_open..n)
                .find(|&at| !placed[at] && ready(at))
                .or_else(|| self.awaited(&placed, first_open))
                .unwrap_or(first_open);
            placed[next] = true;
            order.push(next);
        }
        order
    }
}

impl Follows {
    /// When no entry is ready: the earliest one not placed that an entry
    /// not placed names in `follows`, and whose own `follows` are placed
    /// (or that follows all before it). An entry whose date runs ahead of
    /// the entries that follow it still comes before them: what an entry
    /// names it has seen wins over the dates.
    fn awaited(&self, placed: &[bool], from: usize) -> Option<usize> {
        let n = self.parents.len();
        let mut named = vec![false; n];
        for at in (from..n).filter(|&at| !placed[at]) {
            for &p in self.parents[at].iter().flatten() {
                named[p] = true;
            }
        }
        (from..n).find(|&at| {
            !placed[at]
                && named[at]
                && self.parents[at]
                    .as_ref()
                    .is_none_or(|ps| ps.iter().all(|&p| placed[p] || p == at))
        })
    }
}

/// Puts entries, given in file-name order, in log order: every entry after
/// the ones it follows, and otherwise by date and file name (entries of the
/// same instant stay in file-name order). A correction written on a
/// machine whose clock ran behind, or in the same second as what it
/// corrects, still comes after it.
pub fn into_log_order<E: Logged>(entries: &mut Vec<E>) {
    entries.sort_by_key(|e| e.meta().date.at);
    let follows = Follows::of(entries);
    if follows.in_order() {
        return;
    }
    let mut slots: Vec<Option<E>> = entries.drain(..).map(Some).collect();
    entries.extend(
        follows
            .order()
            .into_iter()
            .filter_map(|at| slots[at].take()),
    );
}
