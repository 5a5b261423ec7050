//! A text written in a pack: one string for every language, or one per
//! language the pack declares.

use crate::i18n::Lang;

/// A text field of a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// The same words in every language (a name, say).
    Same(String),
    /// One wording per language, in the order the pack declares them.
    ByLang(Vec<(Lang, String)>),
}

impl Text {
    /// The wording for `lang`, else the pack's first language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Same(s) => s,
            Text::ByLang(all) => all
                .iter()
                .find(|(l, _)| *l == lang)
                .or_else(|| all.first())
                .map_or("", |(_, s)| s.as_str()),
        }
    }

    /// Every wording, for checks that look at all of them.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Same(s) => vec![s.as_str()],
            Text::ByLang(all) => all.iter().map(|(_, s)| s.as_str()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_first_language() {
        let t = Text::ByLang(vec![(Lang::Sv, "Hej".into())]);
        assert_eq!(t.get(Lang::En), "Hej");
        let t = Text::ByLang(vec![(Lang::Sv, "Hej".into()), (Lang::En, "Hi".into())]);
        assert_eq!(t.get(Lang::En), "Hi");
        assert_eq!(Text::Same("Komvux".into()).get(Lang::En), "Komvux");
    }
}
