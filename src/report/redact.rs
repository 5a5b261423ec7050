//! `--redact`: the people a workbook records replaced everywhere in a
//! report, free text included, by their role or a pseudonym, so the report
//! can be shared.
//!
//! Recorded are facilitators and authors, participants, and deciders and
//! respondents where what was written reads as a person's name ("Eva-Lena
//! Forsberg, HR-direktör", not "Kommunstyrelsen"). A name is replaced whole;
//! the words of a facilitator's, author's or participant's name (a
//! hyphenated first name is one word) also where they stand alone as whole
//! words. Each place in a text is replaced once, by the longest name that
//! fits there. A name the workbook never records cannot be known, so a
//! redacted report is still to be read before it is shared.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;

use super::WorkbookReport;
use crate::i18n::Lang;
use crate::log::{Answer, Body, EntryKind};
use crate::workbook::Workbook;

/// A recorded person and what their name becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// `[Rektor]`, `[Deltagare 1]`, …
    pub pseudonym: String,
    /// Whether the words of the name are replaced too, not only all of it
    /// (not for free text that merely reads as a name).
    pub by_words: bool,
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
    /// Free text (a decider, a respondent) that reads as a name.
    free_text: bool,
    /// The whole text, when the name is only its start.
    alias: Option<String>,
}

impl Sighting {
    /// A name given as a name: a facilitator's, an author's, a participant's.
    fn recorded(name: &str, role: Option<&str>, fallback: Option<&'static str>) -> Sighting {
        Sighting {
            name: name.to_string(),
            role: role.map(str::to_string),
            fallback,
            free_text: false,
            alias: None,
        }
    }

    /// Free text that reads as a name: a decider's, a respondent's.
    fn free_text(name: &str, role: Option<&str>, fallback: &'static str) -> Sighting {
        Sighting {
            free_text: true,
            ..Sighting::recorded(name, role, Some(fallback))
        }
    }
}

/// Everyone a workbook records, in the order they first appear, with
/// their pseudonyms: the last role written beside their name, else what
/// they did ("Processledare", "Skribent", "Beslutsfattare", "Svarande"),
/// else "Deltagare 1", "Deltagare 2", …
pub fn pseudonyms(wb: &Workbook, lang: Lang) -> Vec<Person> {
    assign(&sightings(wb, lang), lang)
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
            out.push(Sighting::recorded(by, None, Some(fallback)));
        }
        out.extend(
            meta.participants
                .iter()
                .map(|p| Sighting::recorded(&p.name, p.role.as_deref(), None)),
        );
        if let Body::Records(records) = &e.entry.body {
            if meta.kind == EntryKind::Gate {
                out.extend(
                    records
                        .iter()
                        .filter_map(|r| decider(&r.item, &r.answer, lang)),
                );
            }
            let respondent = lang.pick("Svarande", "Respondent");
            out.extend(
                records
                    .iter()
                    .filter_map(|r| r.respondent.as_deref().filter(|n| reads_as_name(n)))
                    .map(|name| Sighting::free_text(name, None, respondent)),
            );
        }
    }
    out
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
        ..Sighting::free_text(name.trim(), title.filter(|t| !t.is_empty()), fallback)
    })
}

/// Whether free text reads as a person's name: two to four capitalised
/// words ("Eva-Lena Forsberg", "Anna von Essen"), nothing else.
fn reads_as_name(text: &str) -> bool {
    const PARTICLES: [&str; 6] = ["af", "av", "von", "van", "de", "der"];
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

/// Each person once, in the order first seen, with their pseudonym.
fn assign(sightings: &[Sighting], lang: Lang) -> Vec<Person> {
    let mut order: Vec<String> = Vec::new();
    let mut role: BTreeMap<&str, String> = BTreeMap::new();
    let mut fallback: BTreeMap<&str, &str> = BTreeMap::new();
    let mut by_words: BTreeSet<&str> = BTreeSet::new();
    let mut aliases: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in sightings {
        let name = s.name.trim();
        if name.is_empty() {
            continue;
        }
        if !order.iter().any(|n| n == name) {
            order.push(name.to_string());
        }
        if let Some(r) = s.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            role.insert(name, r.to_string());
        }
        if let Some(f) = s.fallback {
            fallback.entry(name).or_insert(f);
        }
        if !s.free_text {
            by_words.insert(name);
        }
        if let Some(alias) = &s.alias {
            aliases.entry(name).or_default().push(alias.clone());
        }
    }
    let mut unnamed = 0;
    order
        .iter()
        .map(|name| {
            let pseudonym = match (role.get(name.as_str()), fallback.get(name.as_str())) {
                (Some(r), _) => format!("[{r}]"),
                (None, Some(f)) => format!("[{f}]"),
                (None, None) => {
                    unnamed += 1;
                    format!("[{} {unnamed}]", lang.pick("Deltagare", "Participant"))
                }
            };
            Person {
                name: name.clone(),
                pseudonym,
                by_words: by_words.contains(name.as_str()),
                aliases: aliases.remove(name.as_str()).unwrap_or_default(),
            }
        })
        .collect()
}

/// What is looked for in a text, and which person's pseudonym replaces it.
#[derive(Clone, Debug)]
struct Pattern {
    text: String,
    person: usize,
}

/// Replaces recorded names in texts, plain or Markdown.
#[derive(Clone, Debug)]
pub struct Redactor {
    people: Vec<Person>,
    /// The longest first, so that a whole name wins over its words.
    patterns: Vec<Pattern>,
}

impl Redactor {
    /// Looks for each name whole, and for its aliases; for names given as names, also for each
    /// word of three letters or more ("Per-Olof" as one), and then for each
    /// part of a hyphenated word ("Olof"). When two people share a word,
    /// the first to claim it at the strongest of these levels has it.
    pub fn new(people: Vec<Person>) -> Redactor {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut claim = |text: &str, person: usize, shortest: usize| {
            if text.chars().count() >= shortest && !patterns.iter().any(|p| p.text == text) {
                patterns.push(Pattern {
                    text: text.to_string(),
                    person,
                });
            }
        };
        for (i, p) in people.iter().enumerate() {
            claim(&p.name, i, 1);
            p.aliases.iter().for_each(|alias| claim(alias, i, 1));
        }
        let worded = || people.iter().enumerate().filter(|(_, p)| p.by_words);
        for (i, p) in worded() {
            p.name.split_whitespace().for_each(|word| claim(word, i, 3));
        }
        for (i, p) in worded() {
            p.name
                .split_whitespace()
                .flat_map(|word| word.split('-'))
                .for_each(|part| claim(part, i, 3));
        }
        patterns.sort_by_key(|p| std::cmp::Reverse(p.text.len()));
        Redactor { people, patterns }
    }

    /// The redactor for one workbook's people.
    pub fn for_workbook(wb: &Workbook, lang: Lang) -> Redactor {
        Redactor::new(pseudonyms(wb, lang))
    }

    /// Plain text with every name replaced: `[Rektor]`.
    pub fn plain(&self, text: &str) -> String {
        self.replace(text, |p| p.pseudonym.clone())
    }

    /// Markdown with every name replaced by its pseudonym escaped as text
    /// (`\[Rektor\]`), so that it cannot form a link, a reference or any
    /// other markup with what follows it.
    pub fn markdown(&self, text: &str) -> String {
        self.replace(text, |p| crate::render::markdown::escape(&p.pseudonym))
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

    /// One pass over `text`: at each word's start, the longest name that
    /// stands there as a whole word is replaced; what is put in is not
    /// looked at again.
    fn replace(&self, text: &str, pseudonym: impl Fn(&Person) -> String) -> String {
        let mut out = String::with_capacity(text.len());
        let (mut at, mut copied) = (0, 0);
        while let Some(c) = text[at..].chars().next() {
            let found = (!joined(text[..at].chars().rev()))
                .then(|| self.name_at(&text[at..]))
                .flatten();
            match found {
                Some(p) => {
                    out.push_str(&text[copied..at]);
                    out.push_str(&pseudonym(&self.people[p.person]));
                    at += p.text.len();
                    copied = at;
                }
                None => at += c.len_utf8(),
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The longest pattern `rest` starts with that ends a word there, also
    /// with a Swedish genitive `s` after it (`Annikas`, `Per-Olofs`).
    fn name_at(&self, rest: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| {
            rest.strip_prefix(p.text.as_str()).is_some_and(|tail| {
                let tail = tail.strip_prefix('s').unwrap_or(tail);
                !joined(tail.chars())
            })
        })
    }
}

/// Whether the characters next to a match (read away from it) join it to a
/// longer word: a letter or digit, or a hyphen before one ("Karl-Olof").
fn joined(mut next: impl Iterator<Item = char>) -> bool {
    match next.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('-') => next.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, pseudonym: &str) -> Person {
        Person {
            name: name.to_string(),
            pseudonym: pseudonym.to_string(),
            by_words: true,
            aliases: Vec::new(),
        }
    }

    fn redactor(people: &[(&str, &str)]) -> Redactor {
        Redactor::new(people.iter().map(|(n, p)| person(n, p)).collect())
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
    fn in_markdown_a_pseudonym_cannot_become_a_link() {
        let r = redactor(&[("Samira Yusuf", "[Studie- och yrkesvägledare]")]);
        let text = "Samira Yusuf(yrkeslärare) deltar.\n\nSamira: https://x.se\n";
        let md = r.markdown(text);
        assert_eq!(
            md,
            "\\[Studie- och yrkesvägledare\\](yrkeslärare) deltar.\n\n\\[Studie- och yrkesvägledare\\]: https://x.se\n"
        );
        let html = crate::render::html::safe_fragment(&md);
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
                Sighting::recorded("Anna Lind", None, Some("Processledare")),
                Sighting::recorded("Anna Lind", Some("Rektor"), None),
                Sighting::recorded("Omar Said", None, None),
                Sighting::recorded("Eva Ek", None, None),
                Sighting::recorded("Omar Said", None, Some("Skribent")),
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
    fn deciders_are_recorded_when_they_read_as_names() {
        let text = |t: &str| Answer::Text(t.to_string());
        let found = |t: &str| decider("decided_by", &text(t), Lang::Sv);
        let eva = found("Eva-Lena Forsberg, HR-direktör").expect("a name");
        assert_eq!(eva.name, "Eva-Lena Forsberg");
        assert_eq!(eva.role.as_deref(), Some("HR-direktör"));
        assert_eq!(eva.alias.as_deref(), Some("Eva-Lena Forsberg, HR-direktör"));
        assert!(eva.free_text);
        assert_eq!(
            found("Anna von Essen").map(|s| s.name),
            Some("Anna von Essen".into())
        );
        assert!(found("Kommunstyrelsen").is_none());
        assert!(found("Arbetsmarknads- och vuxenutbildningsnämndens arbetsutskott").is_none());
        assert!(found("Regiondirektörens ledningsgrupp genom Eva-Lena Forsberg").is_none());
        assert!(decider("motivation", &text("Anna Lind"), Lang::Sv).is_none());
    }

    #[test]
    fn a_deciders_name_and_title_go_as_one() {
        let text = Answer::Text("Karin Ek, förvaltningschef".into());
        let found = decider("decided_by", &text, Lang::Sv).expect("a name");
        let r = Redactor::new(assign(&[found], Lang::Sv));
        assert_eq!(r.plain("Karin Ek, förvaltningschef"), "[förvaltningschef]");
        assert_eq!(
            r.plain("Karin Ek väntar; Karin också."),
            "[förvaltningschef] väntar; Karin också."
        );
    }

    #[test]
    fn free_text_names_are_replaced_only_whole() {
        let r = Redactor::new(vec![Person {
            name: "Komvux Norrdal".into(),
            pseudonym: "[Svarande]".into(),
            by_words: false,
            aliases: Vec::new(),
        }]);
        assert_eq!(
            r.plain("Komvux Norrdal svarade; Norrdal väntar."),
            "[Svarande] svarade; Norrdal väntar."
        );
    }
}
