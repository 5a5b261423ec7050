//! `--redact`: the people a workbook records replaced everywhere in a
//! report, free text included, by their role or a pseudonym, so the report
//! can be shared.
//!
//! Recorded are facilitators and authors, participants, the owners of
//! actions and risks, and deciders and
//! respondents where what was written reads as a person's name ("Eva-Lena
//! Forsberg, HR-direktör", not "Kommunstyrelsen"). A name is replaced whole,
//! and so is each word of it where it stands alone: "Eva-Lena" (a
//! hyphenated first name is one word) and its halves, "Forsberg",
//! "Forsbergs" (the Swedish genitive), "Holm-gruppen" (a compound with a
//! name first). Texts are searched in composed Unicode (NFC) and in any
//! case, so "MIRA HOLM", "mira holm" and a decomposed "Håkan" are found; a
//! redacted report's texts are NFC throughout. A name word alone, however
//! short ("Ek", "Bo", "Li"), is replaced where written with a capital
//! ("Per", "PER"), not in small letters: "per", "ek" and "bo" are also
//! words, and are never looked for inside another word ("ekonomi"). A
//! hyphenated word with another capitalised half ("Karl-Olof"
//! when only "Per-Olof" is recorded) is someone else's name and stays. A
//! role written just before the name ("rektor Anna Lind") goes with it, so
//! that it is not said twice. Each place in a text is replaced once, by the
//! longest name that fits there. A name the roster corrected (`roster`
//! entries) is the corrected person, by the old spelling and the new; and a
//! name written with its role after a comma ("Amina Hassan, enhetschef
//! Komvux") is that name and that role, so that a word of the role
//! ("Komvux") is never taken for a name and replaced wherever it stands. A
//! name the workbook never records cannot be known, so a redacted report is
//! still to be read before it is shared.

mod fold;

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;

use super::WorkbookReport;
use crate::i18n::Lang;
use crate::log::{Answer, Body, EntryKind};
use crate::state::roster::Roster;
use crate::workbook::Workbook;

/// Words that join the parts of a name ("Anna von Essen") and are no name
/// by themselves: never looked for alone.
const PARTICLES: [&str; 6] = ["af", "av", "von", "van", "de", "der"];

/// A recorded person and what their name becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// `[Rektor]`, `[Deltagare 1]`, …
    pub pseudonym: String,
    /// The role written beside the name, when one is ("Rektor"): written
    /// just before the name, it is replaced with it.
    pub role: Option<String>,
    /// Longer texts that name them, replaced whole: a decider's "Anna Lind,
    /// rektor".
    pub aliases: Vec<String>,
}

/// One place a workbook names someone.
#[derive(Clone, Debug)]
struct Sighting {
    name: String,
    /// The role written beside the name: a participant's role, a decider's
    /// title.
    role: Option<String>,
    /// The role to fall back on when none is written anywhere.
    fallback: Option<&'static str>,
    /// The whole text, when the name is only its start.
    alias: Option<String>,
}

impl Sighting {
    fn new(name: &str, role: Option<&str>, fallback: Option<&'static str>) -> Sighting {
        Sighting {
            name: name.to_string(),
            role: role.map(str::to_string),
            fallback,
            alias: None,
        }
    }
}

/// Everyone a workbook records, in the order they first appear, with
/// their pseudonyms: the last role written beside their name, else what
/// they did ("Processledare", "Skribent", "Ansvarig", "Beslutsfattare",
/// "Svarande"),
/// else "Deltagare 1", "Deltagare 2", …
pub fn pseudonyms(wb: &Workbook, lang: Lang) -> Vec<Person> {
    let roster = Roster::fold(&wb.entries);
    let seen: Vec<Sighting> = sightings(wb, lang)
        .into_iter()
        .chain(roster_sightings(wb))
        .map(|s| as_corrected(s, &roster))
        .collect();
    assign(&seen, lang)
}

/// A sighting as the roster reads it: a corrected name is the person it
/// was corrected to, with their role, the name as written kept whole as an
/// alias; a name written with its role after a comma ("Amina Hassan,
/// enhetschef Komvux") is the name, the role, and the whole as an alias, so
/// that a word of the role ("Komvux") is never taken for a name.
fn as_corrected(s: Sighting, roster: &Roster) -> Sighting {
    let (name, role) = roster.corrected(&s.name);
    let (name, role) = if crate::state::roster::key(&name) != crate::state::roster::key(&s.name) {
        (name, role)
    } else if let Some((name, role)) = crate::state::roster::split_typed(&s.name) {
        (name, Some(role))
    } else {
        return s;
    };
    Sighting {
        role: role.or(s.role),
        alias: Some(s.alias.unwrap_or_else(|| s.name.trim().to_string())),
        name,
        ..s
    }
}

/// The people `roster` entries name: who was added, corrected or removed.
fn roster_sightings(wb: &Workbook) -> impl Iterator<Item = Sighting> + '_ {
    wb.entries
        .iter()
        .filter_map(|e| e.entry.meta.roster.as_ref())
        .flat_map(|r| {
            let was = r.was.as_deref().map(|was| Sighting::new(was, None, None));
            std::iter::once(Sighting::new(&r.name, r.role.as_deref(), None)).chain(was)
        })
}

/// Every place the workbook's entries name someone.
fn sightings(wb: &Workbook, lang: Lang) -> Vec<Sighting> {
    let mut out = Vec::new();
    for e in &wb.entries {
        let meta = &e.entry.meta;
        if let Some(by) = &meta.by {
            let fallback = if meta.kind.is_note() {
                lang.pick("Skribent", "Author")
            } else {
                lang.pick("Processledare", "Facilitator")
            };
            out.push(Sighting::new(by, None, Some(fallback)));
        }
        out.extend(
            meta.participants
                .iter()
                .map(|p| Sighting::new(&p.name, p.role.as_deref(), None)),
        );
        if let Some(owner) = &meta.owner {
            let fallback = lang.pick("Ansvarig", "Owner");
            out.push(Sighting::new(owner, None, Some(fallback)));
        }
        if let Body::Records(records) = &e.entry.body {
            if meta.kind == EntryKind::Gate {
                out.extend(
                    records
                        .iter()
                        .filter_map(|r| decider(&r.item, &r.answer, lang)),
                );
            }
            // The owners of actions raised beside records: in a session,
            // a gate's conditions and its deferred criteria.
            let owner = lang.pick("Ansvarig", "Owner");
            out.extend(
                records
                    .iter()
                    .flat_map(|r| &r.actions)
                    .map(|a| Sighting::new(&a.owner, None, Some(owner))),
            );
            out.extend(
                records
                    .iter()
                    .filter_map(|r| indicator_owner(&r.answer, lang)),
            );
            let respondent = lang.pick("Svarande", "Respondent");
            out.extend(
                records
                    .iter()
                    .filter_map(|r| r.respondent.as_deref().filter(|n| reads_as_name(n)))
                    .map(|name| Sighting::new(name, None, Some(respondent))),
            );
        }
    }
    out
}

/// Who owns an indicator, as its answer records it.
fn indicator_owner(answer: &Answer, lang: Lang) -> Option<Sighting> {
    let Answer::Fields(fields) = answer else {
        return None;
    };
    let (_, owner) = fields
        .iter()
        .find(|(f, _)| *f == crate::log::Field::Owner)?;
    let fallback = lang.pick("Ansvarig", "Owner");
    (!owner.trim().is_empty()).then(|| Sighting::new(owner.trim(), None, Some(fallback)))
}

/// A gate's "who decided?", when it names a person: "Anna Lind" or "Anna
/// Lind, rektor" (the title after the comma becomes the role).
fn decider(item: &str, answer: &Answer, lang: Lang) -> Option<Sighting> {
    let Answer::Text(text) = answer else {
        return None;
    };
    if item != "decided_by" {
        return None;
    }
    let (name, title) = match text.split_once(',') {
        Some((name, title)) => (name, Some(title.trim())),
        None => (text.as_str(), None),
    };
    let fallback = lang.pick("Beslutsfattare", "Decider");
    reads_as_name(name).then(|| Sighting {
        alias: title.is_some().then(|| text.trim().to_string()),
        ..Sighting::new(name.trim(), title.filter(|t| !t.is_empty()), Some(fallback))
    })
}

/// Whether free text reads as a person's name: two to four capitalised
/// words ("Eva-Lena Forsberg", "Anna von Essen"), nothing else.
fn reads_as_name(text: &str) -> bool {
    let text = fold::nfc(text);
    let capitalised = |word: &str| {
        word.split('-').all(|piece| {
            piece.chars().next().is_some_and(char::is_uppercase)
                && piece.chars().all(|c| c.is_alphabetic() || c == '\'')
        })
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.first().is_some_and(|w| capitalised(w))
        && words.last().is_some_and(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
}

/// Each person once (however the name's case or Unicode form was written),
/// in the order first seen, with their pseudonym.
fn assign(sightings: &[Sighting], lang: Lang) -> Vec<Person> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut role: BTreeMap<String, String> = BTreeMap::new();
    let mut fallback: BTreeMap<String, &str> = BTreeMap::new();
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in sightings {
        let key = fold::fold(&s.name);
        if key.is_empty() {
            continue;
        }
        if !order.iter().any(|(k, _)| *k == key) {
            order.push((key.clone(), fold::nfc(s.name.trim()).into_owned()));
        }
        if let Some(r) = s.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            role.insert(key.clone(), r.to_string());
        }
        if let Some(f) = s.fallback {
            fallback.entry(key.clone()).or_insert(f);
        }
        if let Some(alias) = &s.alias {
            aliases.entry(key).or_default().push(alias.clone());
        }
    }
    let mut unnamed = 0;
    order
        .into_iter()
        .map(|(key, name)| {
            let role = role.remove(&key);
            let pseudonym = match (&role, fallback.get(&key)) {
                (Some(r), _) => format!("[{r}]"),
                (None, Some(f)) => format!("[{f}]"),
                (None, None) => {
                    unnamed += 1;
                    format!("[{} {unnamed}]", lang.pick("Deltagare", "Participant"))
                }
            };
            Person {
                name,
                pseudonym,
                role,
                aliases: aliases.remove(&key).unwrap_or_default(),
            }
        })
        .collect()
}

/// The words of a name that are looked for alone: each word ("Per-Olof" as
/// one), then each half of a hyphenated word ("Olof"); not a particle
/// ("von") nor a lone letter or initial ("B.").
fn name_words(name: &str) -> (Vec<&str>, Vec<&str>) {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 2 && !PARTICLES.contains(&fold::fold(w).as_str()))
        .collect();
    let halves = words
        .iter()
        .filter(|w| w.contains('-'))
        .flat_map(|w| w.split('-'))
        .filter(|h| h.chars().count() >= 2)
        .collect();
    (words, halves)
}

/// What is looked for in a text, and which person's pseudonym replaces it.
#[derive(Clone, Debug)]
struct Pattern {
    /// From [`fold::fold`].
    folded: String,
    person: usize,
    /// A name word alone ("Per", "Ek"): found only where written with a
    /// capital, since "per" and "ek" are ordinary words too. A whole name
    /// or an alias is found in any case.
    capital_only: bool,
}

/// Replaces recorded names in texts, plain or Markdown.
#[derive(Clone, Debug)]
pub struct Redactor {
    people: Vec<Person>,
    /// The longest first, so that a whole name wins over its words.
    patterns: Vec<Pattern>,
    /// Every name word, folded: a hyphenated word whose capitalised halves
    /// are all among them is one of ours ("Holm-Forsberg").
    words: BTreeSet<String>,
}

impl Redactor {
    /// Looks for each name whole, and for its aliases; then for each word
    /// of a name, and then for each half of a hyphenated word (see
    /// [`name_words`]). When two people share a word, the first to claim it
    /// at the strongest of these levels has it.
    pub fn new(people: Vec<Person>) -> Redactor {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut claim = |text: &str, person: usize| {
            let folded = fold::fold(text);
            if !folded.is_empty() && !patterns.iter().any(|p| p.folded == folded) {
                patterns.push(Pattern {
                    capital_only: !folded.contains(' '),
                    folded,
                    person,
                });
            }
        };
        for (i, p) in people.iter().enumerate() {
            claim(&p.name, i);
            p.aliases.iter().for_each(|alias| claim(alias, i));
        }
        let split: Vec<_> = people.iter().map(|p| name_words(&p.name)).collect();
        for (i, (words, _)) in split.iter().enumerate() {
            words.iter().for_each(|w| claim(w, i));
        }
        for (i, (_, halves)) in split.iter().enumerate() {
            halves.iter().for_each(|h| claim(h, i));
        }
        patterns.sort_by_key(|p| std::cmp::Reverse(p.folded.chars().count()));
        let words = patterns
            .iter()
            .filter(|p| !p.folded.contains(' '))
            .map(|p| p.folded.clone())
            .collect();
        Redactor {
            people,
            patterns,
            words,
        }
    }

    /// The redactor for one workbook's people.
    pub fn for_workbook(wb: &Workbook, lang: Lang) -> Redactor {
        Redactor::new(pseudonyms(wb, lang))
    }

    /// Plain text, in NFC, with every name replaced: `[Rektor]`.
    pub fn plain(&self, text: &str) -> String {
        self.replace(text, |p| p.pseudonym.clone())
    }

    /// Markdown, in NFC, with every name replaced by its pseudonym escaped
    /// as text (`\[Rektor\]`), so that it cannot form a link, a reference
    /// or any other markup with what follows it.
    pub fn markdown(&self, text: &str) -> String {
        self.replace(text, |p| crate::text::markdown::escape(&p.pseudonym))
    }

    /// The report with every name replaced, in every text it holds; notes
    /// stay Markdown.
    pub fn report(&self, report: &WorkbookReport) -> Result<WorkbookReport> {
        let mut plain = report.clone();
        let notes: Vec<String> = plain
            .notes
            .iter_mut()
            .map(|n| std::mem::take(&mut n.text))
            .collect();
        let mut value = serde_json::to_value(&plain)?;
        self.walk(&mut value);
        let mut out: WorkbookReport = serde_json::from_value(value)?;
        for (note, text) in out.notes.iter_mut().zip(&notes) {
            note.text = self.markdown(text);
        }
        without_repeated_roles(&mut out);
        Ok(out)
    }

    fn walk(&self, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => *s = self.plain(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.walk(v)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| self.walk(v)),
            _ => {}
        }
    }

    /// One pass over `text`, composed first: at each word's start, the
    /// longest name that stands there is replaced, with a role written just
    /// before it; what is put in is not looked at again.
    fn replace(&self, text: &str, pseudonym: impl Fn(&Person) -> String) -> String {
        let text = fold::nfc(text);
        let mut out = String::with_capacity(text.len());
        let (mut at, mut copied) = (0, 0);
        while let Some(c) = text[at..].chars().next() {
            match self.name_at(&text, at) {
                Some((person, end)) => {
                    let person = &self.people[person];
                    let start = role_before(&text[copied..at], person).map_or(at, |s| copied + s);
                    out.push_str(&text[copied..start]);
                    out.push_str(&pseudonym(person));
                    (at, copied) = (end, end);
                }
                None => at += c.len_utf8(),
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The person whose name starts a word at `at`, and where it ends: the
    /// longest pattern that ends a word there (also with a genitive `s`
    /// after it, which is kept: `[Rektor]s`), or that is part of a
    /// hyphenated word that names no one else.
    fn name_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let rest = &text[at..];
        self.patterns.iter().find_map(|p| {
            let len = fold::prefix_len(rest, &p.folded)?;
            if p.capital_only && !rest.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let tail = &rest[len..];
            let tail = tail.strip_prefix(['s', 'S']).unwrap_or(tail);
            let compound = joined(text[..at].chars().rev()) || joined(tail.chars());
            let ends = !tail.chars().next().is_some_and(char::is_alphanumeric);
            (ends && (!compound || self.ours(text, at, at + len))).then_some((p.person, at + len))
        })
    }

    /// Whether the hyphenated word around the name at `start..end` names
    /// no one but those recorded: each other half written as a name ("Karl"
    /// in "Karl-Olof") is a recorded name word. "Holm-gruppen" and
    /// "Holm-Forsberg" are ours; "Karl-Olof" is not.
    fn ours(&self, text: &str, start: usize, end: usize) -> bool {
        let is_part = |c: char| c.is_alphanumeric() || c == '-';
        let from = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_part(c))
            .last()
            .map_or(start, |(i, _)| i);
        let to = text[end..]
            .char_indices()
            .find(|&(_, c)| !is_part(c))
            .map_or(text.len(), |(i, _)| end + i);
        text[from..start]
            .split('-')
            .chain(text[end..to].split('-'))
            .filter(|half| fold::title_case(half))
            .all(|half| self.is_name_word(half))
    }

    /// Whether `word` is a recorded name word, also in the genitive.
    fn is_name_word(&self, word: &str) -> bool {
        let folded = fold::fold(word);
        self.words.contains(&folded)
            || folded
                .strip_suffix('s')
                .is_some_and(|stem| self.words.contains(stem))
    }
}

/// A role beside a name the role replaced is said once: "[HR-direktör]",
/// not "[HR-direktör] (HR-direktör)". Where a name was replaced by its
/// role, the role written beside it is dropped.
fn without_repeated_roles(report: &mut WorkbookReport) {
    fn said(name: &str, role: &Option<String>) -> bool {
        role.as_deref()
            .is_some_and(|r| fold::fold(name) == fold::fold(&format!("[{}]", r.trim())))
    }
    let people = report
        .phases
        .iter_mut()
        .flat_map(|p| &mut p.sessions)
        .flat_map(|s| &mut s.participants)
        .chain(
            report
                .readiness
                .iter_mut()
                .flat_map(|r| &mut r.history)
                .flat_map(|a| &mut a.respondents),
        );
    for p in people {
        if said(&p.name, &p.role) {
            p.role = None;
        }
    }
    for c in report.readiness.iter_mut().flat_map(|r| &mut r.respondents) {
        if said(&c.name, &c.of) {
            c.of = None;
        }
    }
}

/// Where, in the text just before a name, the person's role starts when it
/// is written there on the same line ("HR-direktör Eva-Lena Forsberg",
/// "rektor Anna Lind" for "Rektor för Vuxenutbildningen Ålby"): the role's
/// first words, in any case, then white space. Replaced with the name, it
/// is not said twice.
fn role_before(before: &str, person: &Person) -> Option<usize> {
    let role: Vec<String> = person
        .role
        .as_deref()?
        .split_whitespace()
        .map(fold::fold)
        .collect();
    if !before.ends_with(char::is_whitespace) {
        return None;
    }
    let line = before.rfind('\n').map_or(0, |i| i + 1);
    let words = words_at(&before[line..]);
    (1..=role.len().min(words.len())).rev().find_map(|n| {
        let (start, _) = words[words.len() - n];
        let said = words[words.len() - n..].iter().map(|(_, w)| fold::fold(w));
        let last = role[n - 1].trim_end_matches(|c: char| !c.is_alphanumeric());
        let role = role[..n - 1].iter().map(String::as_str).chain([last]);
        said.eq(role.map(str::to_string)).then_some(line + start)
    })
}

/// The words of `text` (split at white space), each with where it starts.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                words.push((from, &text[from..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    words
}

/// Whether the characters next to a match (read away from it) join it to a
/// longer word with a hyphen ("Karl-Olof", "Holm-gruppen").
fn joined(mut next: impl Iterator<Item = char>) -> bool {
    next.next() == Some('-') && next.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, pseudonym: &str) -> Person {
        Person {
            name: name.to_string(),
            pseudonym: pseudonym.to_string(),
            role: None,
            aliases: Vec::new(),
        }
    }

    fn redactor(people: &[(&str, &str)]) -> Redactor {
        Redactor::new(people.iter().map(|(n, p)| person(n, p)).collect())
    }

    #[track_caller]
    fn case(r: &Redactor, text: &str, expected: &str) {
        assert_eq!(r.plain(text), expected, "{text:?}");
    }

    #[test]
    fn names_and_their_words_go_but_other_words_stay() {
        let r = redactor(&[("Anna Lind", "[Processledare]"), ("Omar Said", "[Rektor]")]);
        assert_eq!(
            r.plain("Anna Lind och Omar träffade Lindström. Annas svar: Said."),
            "[Processledare] och [Rektor] träffade Lindström. [Processledare]s svar: [Rektor]."
        );
    }

    #[test]
    fn a_hyphenated_first_name_is_replaced_as_one() {
        let r = redactor(&[
            ("Per-Olof Nyström", "[HR-strateg]"),
            ("Eva Lund", "[Rektor]"),
        ]);
        assert_eq!(
            r.plain("Per-Olof tar fram siffror."),
            "[HR-strateg] tar fram siffror."
        );
        assert_eq!(
            r.plain("Efter Per-Olofs siffror"),
            "Efter [HR-strateg]s siffror"
        );
        assert_eq!(
            r.plain("Per-Olof Nyström och Olof"),
            "[HR-strateg] och [HR-strateg]"
        );
        // Part of someone else's hyphenated name is not a whole word.
        assert_eq!(r.plain("Karl-Olof och Eva-Lena"), "Karl-Olof och Eva-Lena");
        // A hyphen that ends a word's first half is no join.
        assert_eq!(
            r.plain("Lund- och Olofgruppen"),
            "[Rektor]- och Olofgruppen"
        );
    }

    #[test]
    fn what_is_put_in_is_not_replaced_again() {
        // Omar's role holds Anna's name; her name stays out of his pseudonym.
        let r = redactor(&[
            ("Anna Berg", "[Rektor]"),
            ("Omar Said", "[Anna Bergs chef]"),
        ]);
        assert_eq!(r.plain("Omar och Anna"), "[Anna Bergs chef] och [Rektor]");
    }

    #[test]
    fn a_word_shared_by_two_goes_to_whoever_has_it_as_a_word() {
        let r = redactor(&[
            ("Eva-Lena Forsberg", "[HR-direktör]"),
            ("Lena Åkesson", "[Enhetschef]"),
        ]);
        assert_eq!(
            r.plain("Lena och Eva-Lena"),
            "[Enhetschef] och [HR-direktör]"
        );
    }

    #[test]
    fn short_name_words_go_where_written_as_names_and_never_inside_words() {
        let r = redactor(&[("Bo Ek", "[Rektor]"), ("Li Wu", "[Lärare]")]);
        case(&r, "Bo Ek och bo ek", "[Rektor] och [Rektor]");
        case(&r, "Li Wu och LI WU", "[Lärare] och [Lärare]");
        case(
            &r,
            "Ek ringde Bo. EK, BO och Li.",
            "[Rektor] ringde [Rektor]. [Rektor], [Rektor] och [Lärare].",
        );
        case(
            &r,
            "Eks budget, Bos svar",
            "[Rektor]s budget, [Rektor]s svar",
        );
        case(
            &r,
            "ekonomi, en bok, Ekerö, Bodil, Lisa, Wuhan, Bokbussen, EKONOMI",
            "ekonomi, en bok, Ekerö, Bodil, Lisa, Wuhan, Bokbussen, EKONOMI",
        );
        // In small letters they are words: an oak, to live.
        case(&r, "att bo under en ek", "att bo under en ek");
        // Any name word alone: "wu" in small letters stays too.
        case(&r, "Wu och wu", "[Lärare] och wu");
    }

    #[test]
    fn names_are_found_in_any_case() {
        let r = redactor(&[("Mira Holm", "[Enhetschef]")]);
        case(&r, "MIRA HOLM sa nej", "[Enhetschef] sa nej");
        case(
            &r,
            "mira holm, Mira, HOLMS",
            "[Enhetschef], [Enhetschef], [Enhetschef]S",
        );
        case(&r, "Mira\n  Holm", "[Enhetschef]");
        // A word alone in small letters may be a word: "per person".
        let r = redactor(&[("Per Holm", "[Rektor]")]);
        case(
            &r,
            "Per, PER och per person",
            "[Rektor], [Rektor] och per person",
        );
        case(&r, "Holmberg och Miranda", "Holmberg och Miranda");
    }

    #[test]
    fn decomposed_names_are_found_and_the_text_is_composed() {
        let decomposed = "Ha\u{30a}kan Stro\u{308}m";
        let r = redactor(&[(decomposed, "[Rektor]")]);
        case(&r, "Håkan Ström och Ströms", "[Rektor] och [Rektor]s");
        let r = redactor(&[("Håkan Ström", "[Rektor]")]);
        case(
            &r,
            &format!("{decomposed} och Ha\u{30a}kan"),
            "[Rektor] och [Rektor]",
        );
        case(&r, "A\u{308}lmhult", "Älmhult");
    }

    #[test]
    fn a_compound_with_a_name_is_a_name_but_another_double_name_is_not() {
        let r = redactor(&[
            ("Mira Holm", "[Enhetschef]"),
            ("Eva-Lena Forsberg", "[HR-direktör]"),
            ("Per-Olof Nyström", "[HR-strateg]"),
        ]);
        case(
            &r,
            "Holm-gruppen och Holm-gruppens",
            "[Enhetschef]-gruppen och [Enhetschef]-gruppens",
        );
        case(&r, "HOLM-GRUPPEN", "[Enhetschef]-GRUPPEN");
        case(
            &r,
            "IT-Holm och Mira Holm-rapporten",
            "IT-[Enhetschef] och [Enhetschef]-rapporten",
        );
        case(&r, "Holm-Forsberg", "[Enhetschef]-[HR-direktör]");
        case(
            &r,
            "Eva-Lena-gruppen, Lena och Eva",
            "[HR-direktör]-gruppen, [HR-direktör] och [HR-direktör]",
        );
        case(
            &r,
            "Karl-Olof, Anna-Lena, Holm-Larsson",
            "Karl-Olof, Anna-Lena, Holm-Larsson",
        );
    }

    #[test]
    fn a_particle_or_an_initial_is_not_looked_for_alone() {
        let r = redactor(&[("Anna von Essen", "[Rektor]"), ("Lars B. Ek", "[Lärare]")]);
        case(
            &r,
            "de träffade von Essens grupp",
            "de träffade von [Rektor]s grupp",
        );
        case(&r, "Anna von Essen, plan B", "[Rektor], plan B");
        case(&r, "Lars B. Ek och Lars", "[Lärare] och [Lärare]");
    }

    #[test]
    fn a_role_written_before_the_name_is_not_said_twice() {
        let with_role = |name: &str, role: &str| Person {
            role: Some(role.to_string()),
            ..person(name, &format!("[{role}]"))
        };
        let r = Redactor::new(vec![
            with_role("Eva-Lena Forsberg", "HR-direktör"),
            with_role("Lars Berg", "Rektor för Vuxenutbildningen Ålby"),
            with_role("Mira Holm", "Enhetschef, kost och lokalvård"),
        ]);
        case(
            &r,
            "Behovsägare är HR-direktör Eva-Lena Forsberg och hr-direktör Forsberg.",
            "Behovsägare är [HR-direktör] och [HR-direktör].",
        );
        case(
            &r,
            "genom rektor Lars Berg, som Rektor för Vuxenutbildningen Lars",
            "genom [Rektor för Vuxenutbildningen Ålby], som [Rektor för Vuxenutbildningen Ålby]",
        );
        case(&r, "enhetschef Mira", "[Enhetschef, kost och lokalvård]");
        // Only on the name's own line: a heading or a paragraph keeps its words.
        case(
            &r,
            "## HR-direktör\n\nForsberg svarar.",
            "## HR-direktör\n\n[HR-direktör] svarar.",
        );
        case(
            &r,
            "rektorn Lars och chef Mira",
            "rektorn [Rektor för Vuxenutbildningen Ålby] och chef [Enhetschef, kost och lokalvård]",
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_of_name_pieces_is_redacted_without_a_panic(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Eva", "-", "Lena", "Forsberg", "HR-direktör", "hr-DIREKTÖR", "Ek", "EK",
                    "s", "S", "a", " ", "\n", ",", "\u{30a}", "\u{308}", "İ", "ö", "[", "\\",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let r = Redactor::new(vec![
                Person {
                    role: Some("HR-direktör".into()),
                    ..person("Eva-Lena Forsberg", "[HR-direktör]")
                },
                person("Bo Ek", "[Rektor]"),
            ]);
            for out in [r.plain(&text), r.markdown(&text)] {
                proptest::prop_assert!(unicode_normalization::is_nfc(&out), "{out:?}");
            }
        }
    }

    #[test]
    fn in_markdown_a_pseudonym_cannot_become_a_link() {
        let r = redactor(&[("Samira Yusuf", "[Studie- och yrkesvägledare]")]);
        let text = "Samira Yusuf(yrkeslärare) deltar.\n\nSamira: https://x.se\n";
        let md = r.markdown(text);
        assert_eq!(
            md,
            "\\[Studie- och yrkesvägledare\\](yrkeslärare) deltar.\n\n\\[Studie- och yrkesvägledare\\]: https://x.se\n"
        );
        let html = crate::text::html::safe_fragment(&md);
        assert!(!html.contains("<a "), "{html}");
        assert!(
            html.contains("[Studie- och yrkesvägledare](yrkeslärare)"),
            "{html}"
        );
        // Plain text keeps the brackets bare.
        assert!(
            r.plain(text)
                .starts_with("[Studie- och yrkesvägledare](yrkeslärare)")
        );
    }

    #[test]
    fn written_roles_win_over_what_someone_did() {
        let people = assign(
            &[
                Sighting::new("Anna Lind", None, Some("Processledare")),
                Sighting::new("Anna Lind", Some("Rektor"), None),
                Sighting::new("Omar Said", None, None),
                Sighting::new("Eva Ek", None, None),
                Sighting::new("Omar Said", None, Some("Skribent")),
            ],
            Lang::Sv,
        );
        let shown: Vec<(&str, &str)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.pseudonym.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Anna Lind", "[Rektor]"),
                ("Omar Said", "[Skribent]"),
                ("Eva Ek", "[Deltagare 1]")
            ]
        );
    }

    #[test]
    fn a_name_in_another_case_or_form_is_the_same_person() {
        let people = assign(
            &[
                Sighting::new("Ha\u{30a}kan Ek", Some("Rektor"), None),
                Sighting::new("HÅKAN  EK", None, Some("Skribent")),
                Sighting::new("håkan ek", None, None),
            ],
            Lang::Sv,
        );
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Håkan Ek");
        assert_eq!(people[0].pseudonym, "[Rektor]");
    }

    #[test]
    fn deciders_are_recorded_when_they_read_as_names() {
        let text = |t: &str| Answer::Text(t.to_string());
        let found = |t: &str| decider("decided_by", &text(t), Lang::Sv);
        let eva = found("Eva-Lena Forsberg, HR-direktör").expect("a name");
        assert_eq!(eva.name, "Eva-Lena Forsberg");
        assert_eq!(eva.role.as_deref(), Some("HR-direktör"));
        assert_eq!(eva.alias.as_deref(), Some("Eva-Lena Forsberg, HR-direktör"));
        assert_eq!(
            found("Anna von Essen").map(|s| s.name),
            Some("Anna von Essen".into())
        );
        assert!(found("Kommunstyrelsen").is_none());
        assert!(found("Arbetsmarknads- och vuxenutbildningsnämndens arbetsutskott").is_none());
        assert!(found("Regiondirektörens ledningsgrupp genom Eva-Lena Forsberg").is_none());
        assert!(found("Ledningsgruppen i Norrdal").is_none());
        assert!(decider("motivation", &text("Anna Lind"), Lang::Sv).is_none());
    }

    #[test]
    fn a_deciders_name_and_title_go_as_one() {
        let text = Answer::Text("Karin Ek, förvaltningschef".into());
        let found = decider("decided_by", &text, Lang::Sv).expect("a name");
        let r = Redactor::new(assign(&[found], Lang::Sv));
        assert_eq!(r.plain("Karin Ek, förvaltningschef"), "[förvaltningschef]");
        assert_eq!(
            r.plain("Karin Ek väntar; Karin också, och förvaltningschef Ek."),
            "[förvaltningschef] väntar; [förvaltningschef] också, och [förvaltningschef]."
        );
    }

    #[test]
    fn a_deciders_and_a_respondents_words_go_where_they_stand_alone() {
        let text = Answer::Text("Eva-Lena Forsberg, HR-direktör".into());
        let eva = decider("decided_by", &text, Lang::Sv).expect("a name");
        let li = Sighting::new("Li Ek", None, Some("Svarande"));
        let r = Redactor::new(assign(&[eva, li], Lang::Sv));
        case(
            &r,
            "Eva-Lena, Eva och Lena; Forsbergs beslut; FORSBERG",
            "[HR-direktör], [HR-direktör] och [HR-direktör]; [HR-direktör]s beslut; [HR-direktör]",
        );
        case(
            &r,
            "Li och Ek svarade om ekonomi",
            "[Svarande] och [Svarande] svarade om ekonomi",
        );
    }

    #[test]
    fn a_role_typed_into_a_name_is_no_name_and_a_correction_is_the_person() {
        let typed = "Amina Hassan, enhetschef Komvux";
        let seen = as_corrected(Sighting::new(typed, None, None), &Roster::default());
        assert_eq!(seen.name, "Amina Hassan");
        assert_eq!(seen.role.as_deref(), Some("enhetschef Komvux"));
        let r = Redactor::new(assign(&[seen], Lang::Sv));
        assert_eq!(
            r.plain(&format!("{typed} sa att Komvux växer; Amina håller med.")),
            "[enhetschef Komvux] sa att Komvux växer; [enhetschef Komvux] håller med."
        );
        let roster = Roster {
            corrections: vec![crate::state::roster::Correction {
                was: "Amina Hasan".into(),
                name: "Amina Hassan".into(),
                role: Some("Rektor".into()),
            }],
            ..Roster::default()
        };
        let seen = [
            as_corrected(Sighting::new("Amina Hasan", None, None), &roster),
            as_corrected(Sighting::new("Amina Hassan", None, None), &roster),
        ];
        let r = Redactor::new(assign(&seen, Lang::Sv));
        assert_eq!(
            r.plain("Amina Hasan, alias Amina Hassan"),
            "[Rektor], alias [Rektor]"
        );
    }

    #[test]
    fn a_role_the_pseudonym_says_is_not_said_again() {
        use super::super::model::{AssessmentReport, ColumnReport, PersonReport};
        let mut rd = super::super::model::sample_readiness(2, 3.0);
        rd.history = vec![AssessmentReport {
            date: "2026-05-12".into(),
            alone: true,
            respondents: vec![
                PersonReport {
                    name: "[HR-direktör]".into(),
                    role: Some("HR-direktör".into()),
                },
                PersonReport {
                    name: "[Deltagare 1]".into(),
                    role: Some("Lärare".into()),
                },
            ],
            means: vec![Some(3.0)],
        }];
        rd.respondents = vec![ColumnReport {
            name: "[Rektor]".into(),
            of: Some("rektor".into()),
            means: vec![Some(3.0)],
            lowest: vec![false],
        }];
        let mut report: WorkbookReport =
            serde_json::from_value(minimal_report()).expect("a report");
        report.readiness = Some(rd);
        without_repeated_roles(&mut report);
        let rd = report.readiness.expect("readiness");
        let people = &rd.history[0].respondents;
        assert_eq!(people[0].role, None, "said once");
        assert_eq!(
            people[1].role.as_deref(),
            Some("Lärare"),
            "another role stays"
        );
        assert_eq!(rd.respondents[0].of, None);
    }

    fn minimal_report() -> serde_json::Value {
        serde_json::from_str(
            r#"{
            "name": "Prov", "id": "prov", "path": "prov", "language": "sv",
            "pack": { "id": "dino", "version": "1", "title": "DINO" },
            "profile": [], "current": "", "current_phase": null, "stopped": false,
            "done": 0, "required": 0, "phases": [], "notes": [], "readiness": null,
            "diagnostic": null, "open_risks": 0, "last_activity": null, "problems": 0,
            "as_of": "2026-05-20", "stale": false, "stale_after_days": 30,
            "follow_up": [], "overdue": 0, "next_due": null, "problem": null,
            "goal": null, "last_decision": null, "next_gate": null, "indicators": [],
            "status": { "state": "on_track", "phase": null, "since": null },
            "risks": [], "decisions": []
        }"#,
        )
        .expect("JSON")
    }
}
