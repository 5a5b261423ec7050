//! A pack's terms: words that depend on a profile answer, written `{id}` in
//! any text of the pack; finding them in a text, and putting the words a
//! profile picks in their place (docs/pack-format.md, "Terms").

use std::collections::BTreeMap;

use super::condition::Value;
use super::model::{Item, Kind, Pack, Term};
use super::text::Text;
use crate::i18n::Lang;

impl Term {
    /// The words for a profile: those of its answer, else the default.
    pub fn words(&self, profile: &BTreeMap<String, Value>) -> &Text {
        let answer = match profile.get(&self.by) {
            Some(Value::Str(option)) => Some(option.as_str()),
            _ => None,
        };
        answer
            .and_then(|a| self.values.iter().find(|(id, _)| id == a))
            .map_or(&self.default, |(_, words)| words)
    }
}

/// A part of a text: as written, or a term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it reads (`{{` already made `{`).
    Plain(&'a str),
    /// A term's id, written `{id}`.
    Term(&'a str),
}

/// What is wrong with the braces in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BraceError {
    /// A `{` with no `}` after it.
    Unclosed,
    /// A `}` with no `{` before it (a brace is written `}}`).
    Unopened,
    /// `{…}` around something that is not a term id.
    NotAnId(String),
}

/// A text split into its plain parts and its terms.
pub fn scan(s: &str) -> Result<Vec<Piece<'_>>, BraceError> {
    let mut pieces = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find(['{', '}']) {
        if at > 0 {
            pieces.push(Piece::Plain(&rest[..at]));
        }
        let brace = &rest[at..at + 1];
        let after = &rest[at + 1..];
        if after.starts_with(brace) {
            pieces.push(Piece::Plain(brace));
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            return Err(BraceError::Unopened);
        }
        let Some(end) = after.find('}') else {
            return Err(BraceError::Unclosed);
        };
        let name = &after[..end];
        if crate::toml_read::check_slug(name).is_err() {
            return Err(BraceError::NotAnId(name.chars().take(64).collect()));
        }
        pieces.push(Piece::Term(name));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Plain(rest));
    }
    Ok(pieces)
}

/// A text with each term replaced by `word(id)` (left as written when it
/// gives none) and `{{`, `}}` made single braces. A text whose braces do
/// not scan (which a loaded pack has not) is left as it is.
pub fn resolve(s: &str, word: impl Fn(&str) -> Option<String>) -> String {
    if !s.contains(['{', '}']) {
        return s.to_string();
    }
    let Ok(pieces) = scan(s) else {
        return s.to_string();
    };
    let mut out = String::with_capacity(s.len());
    for piece in pieces {
        match piece {
            Piece::Plain(p) => out.push_str(p),
            Piece::Term(id) => match word(id) {
                Some(w) => out.push_str(&w),
                None => {
                    out.push('{');
                    out.push_str(id);
                    out.push('}');
                }
            },
        }
    }
    out
}

impl Pack {
    /// The pack as a team with `profile` sees it: every term in its words
    /// for that profile (the default where the profile does not say), and
    /// `{{`, `}}` as single braces. A pack already bound is returned as it
    /// is. With no profile (the handbook, `pack show`), each default word.
    pub fn adapted(&self, profile: &BTreeMap<String, Value>) -> Pack {
        let mut pack = self.clone();
        if self.bound {
            return pack;
        }
        pack.bound = true;
        if !self.braces {
            return pack;
        }
        let words: BTreeMap<&str, &Text> = self
            .terms
            .iter()
            .map(|t| (t.id.as_str(), t.words(profile)))
            .collect();
        let languages = self.languages.clone();
        pack.each_text(&mut |text| bind(text, &words, &languages));
        pack
    }

    /// Whether any text of the pack holds a brace (a term or an escaped
    /// brace), so that binding it changes something.
    pub fn has_braces(&mut self) -> bool {
        let mut any = false;
        self.each_text(&mut |t| any |= t.all().iter().any(|s| s.contains(['{', '}'])));
        any
    }

    /// Calls `f` on every text of the pack a team reads.
    pub fn each_text(&mut self, f: &mut impl FnMut(&mut Text)) {
        f(&mut self.title);
        self.description.iter_mut().for_each(&mut *f);
        self.profile.iter_mut().for_each(|i| item_texts(i, f));
        if let Some(r) = &mut self.readiness {
            f(&mut r.title);
            r.intro.iter_mut().for_each(&mut *f);
            r.scale.labels.values_mut().for_each(&mut *f);
            for d in &mut r.dimensions {
                f(&mut d.title);
                d.statements.iter_mut().for_each(|s| f(&mut s.text));
            }
        }
        if let Some(d) = &mut self.diagnostic {
            f(&mut d.title);
            d.intro.iter_mut().for_each(&mut *f);
        }
        for phase in &mut self.phases {
            f(&mut phase.title);
            f(&mut phase.purpose);
            f(&mut phase.guidance);
            phase.items.iter_mut().for_each(|i| item_texts(i, f));
            phase.gate.criteria.iter_mut().for_each(|c| f(&mut c.text));
            phase.gate.help.iter_mut().for_each(&mut *f);
        }
    }
}

/// Calls `f` on every text of an item.
fn item_texts(item: &mut Item, f: &mut impl FnMut(&mut Text)) {
    f(&mut item.prompt);
    item.help.iter_mut().for_each(&mut *f);
    match &mut item.kind {
        Kind::Choice { options } | Kind::Multi { options } => {
            options.iter_mut().for_each(|o| f(&mut o.label));
        }
        Kind::Scale(scale) => scale.labels.values_mut().for_each(&mut *f),
        Kind::Number { unit, .. } | Kind::Indicator { unit } => unit.iter_mut().for_each(&mut *f),
        Kind::Check | Kind::Text { .. } | Kind::Date | Kind::Measurement { .. } => {}
    }
}

/// One text with its terms in the words given, in each language.
fn bind(text: &mut Text, words: &BTreeMap<&str, &Text>, languages: &[Lang]) {
    let in_lang =
        |s: &str, lang: Lang| resolve(s, |id| words.get(id).map(|w| w.get(lang).to_string()));
    *text = match text {
        Text::Same(s) if !s.contains(['{', '}']) => return,
        Text::Same(s) if languages.len() <= 1 => {
            let lang = languages.first().copied().unwrap_or(Lang::Sv);
            Text::Same(in_lang(s, lang))
        }
        Text::Same(s) => Text::ByLang(languages.iter().map(|&l| (l, in_lang(s, l))).collect()),
        Text::ByLang(all) => Text::ByLang(all.iter().map(|(l, s)| (*l, in_lang(s, *l))).collect()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_terms_and_escaped_braces() {
        assert_eq!(
            scan("{styrelse} beslutar {{inte}} ").expect("scans"),
            vec![
                Piece::Term("styrelse"),
                Piece::Plain(" beslutar "),
                Piece::Plain("{"),
                Piece::Plain("inte"),
                Piece::Plain("}"),
                Piece::Plain(" "),
            ]
        );
        assert_eq!(
            scan("utan klamrar").expect("scans"),
            vec![Piece::Plain("utan klamrar")]
        );
        assert_eq!(scan("").expect("scans"), vec![]);
    }

    #[test]
    fn names_what_is_wrong_with_braces() {
        assert_eq!(scan("a {styrelse"), Err(BraceError::Unclosed));
        assert_eq!(scan("a } b"), Err(BraceError::Unopened));
        assert_eq!(
            scan("{Styrelse}"),
            Err(BraceError::NotAnId("Styrelse".into()))
        );
        assert_eq!(scan("{}"), Err(BraceError::NotAnId(String::new())));
        assert_eq!(scan("{a{b}"), Err(BraceError::NotAnId("a{b".into())));
        assert_eq!(scan("{{{"), Err(BraceError::Unclosed));
        // Hostile input: long, many braces, multibyte text, never a panic.
        let long = "{å}".repeat(10_000);
        assert!(matches!(scan(&long), Err(BraceError::NotAnId(_))));
        let many = "{{".repeat(50_000);
        assert_eq!(scan(&many).expect("scans").len(), 50_000);
        assert_eq!(scan("ä{{ö}}ü").expect("scans").len(), 5);
        let name = "x".repeat(200);
        let Err(BraceError::NotAnId(shown)) = scan(&format!("{{{name}}}")) else {
            panic!("a long name is no id");
        };
        assert_eq!(shown.len(), 64);
    }

    #[test]
    fn resolves_terms_and_keeps_literal_braces() {
        let word = |id: &str| (id == "styrelse").then(|| "regionstyrelsen".to_string());
        assert_eq!(
            resolve("Har {styrelse} sagt {{ja}}?", word),
            "Har regionstyrelsen sagt {ja}?"
        );
        assert_eq!(resolve("{okand}", word), "{okand}");
        assert_eq!(resolve("trasig {", word), "trasig {");
    }

    #[test]
    fn a_term_takes_the_words_of_the_answer_else_the_default() {
        let term = Term {
            id: "styrelse".into(),
            by: "org_kind".into(),
            default: Text::Same("nämnden".into()),
            values: vec![("region".into(), Text::Same("regionstyrelsen".into()))],
        };
        let mut profile = BTreeMap::new();
        assert_eq!(term.words(&profile).get(Lang::Sv), "nämnden");
        profile.insert("org_kind".into(), Value::Str("region".into()));
        assert_eq!(term.words(&profile).get(Lang::Sv), "regionstyrelsen");
        profile.insert("org_kind".into(), Value::Str("kommun".into()));
        assert_eq!(term.words(&profile).get(Lang::Sv), "nämnden");
    }

    #[test]
    fn binds_a_same_text_per_language() {
        let mut text = Text::Same("{s}".into());
        let sv_en = Text::ByLang(vec![
            (Lang::Sv, "nämnden".into()),
            (Lang::En, "the committee".into()),
        ]);
        let words = BTreeMap::from([("s", &sv_en)]);
        bind(&mut text, &words, &[Lang::Sv, Lang::En]);
        assert_eq!(text.get(Lang::Sv), "nämnden");
        assert_eq!(text.get(Lang::En), "the committee");
    }
}
