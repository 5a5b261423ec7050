//! The two languages dino speaks, how one is chosen, the language a run
//! speaks (decided once, at the edge), what the core says as data (`Say`,
//! `Said`), and the `tr!` macro that picks a wording at the edge's call
//! sites.

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

/// A language for messages, packs and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Swedish
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Every language dino knows, in its order of preference.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language code, as written in packs and workbooks.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Picks the wording for this language.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// A text in this language's quotation marks: ”…” in Swedish, “…” in
    /// English.
    pub fn quote(self, text: &str) -> String {
        match self {
            Lang::Sv => format!("”{text}”"),
            Lang::En => format!("“{text}”"),
        }
    }

    /// The language asked for by the environment: `DINO_LANG`, then the
    /// locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Swedish.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// The language `DINO_LANG` names, if it names one.
    pub fn from_dino_lang() -> Option<Lang> {
        std::env::var("DINO_LANG").ok()?.parse().ok()
    }

    /// As [`Lang::from_env`], reading variables through `get` (for tests).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = get("DINO_LANG").and_then(|v| v.parse().ok()) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name).filter(|v| !v.is_empty()))
            .map(|value| Self::from_locale(&value))
            .next()
            .flatten()
            .unwrap_or(Lang::Sv)
    }

    /// Reads a locale name such as `en_GB.UTF-8` or `sv_SE`.
    fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale.split(['_', '.', '@', '-']).next()?;
        code.parse().ok()
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            other => Err(format!(
                "unknown language `{other}` (dino speaks sv and en)"
            )),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A number to one decimal with the language's decimal mark: `3,5` in
/// Swedish, `3.5` in English (scores, spreads, thresholds).
pub fn one_decimal(n: f64, lang: Lang) -> String {
    let text = format!("{n:.1}");
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Formats a message in the given language: `tr!(lang, "sv {x}", "en {x}")`.
/// Only the chosen wording is formatted. For the edge (session, report,
/// commands): below it, a module says what it means as data ([`Say`]).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $sv:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Sv => format!($sv),
            $crate::i18n::Lang::En => format!($en),
        }
    };
    ($lang:expr, $sv:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Sv => format!($sv, $($arg),+),
            $crate::i18n::Lang::En => format!($en, $($arg),+),
        }
    };
}

/// The language this run speaks: errors, findings and their label. The
/// edge decides it once (`ui::run_lang`): sets it (`speak`) when it was
/// asked for, else tells how to look it up when it is first needed
/// (`speak_when_asked`); with neither (in tests, say), the environment's.
pub fn spoken() -> Lang {
    *SPOKEN.get_or_init(|| LOOK_UP.get().map_or_else(Lang::from_env, |f| f()))
}

/// Sets the language of the run; the first one set holds.
pub fn speak(lang: Lang) {
    let _ = SPOKEN.set(lang);
}

/// How the run's language is found, the first time it is needed.
pub fn speak_when_asked(look_up: fn() -> Lang) {
    let _ = LOOK_UP.set(look_up);
}

static SPOKEN: OnceLock<Lang> = OnceLock::new();
static LOOK_UP: OnceLock<fn() -> Lang> = OnceLock::new();

/// What a module below the edge has to say, as data: a message key (an
/// enum's variant) with its arguments. Its words are in `words/`, one
/// place per language, and `words` implements this trait for it.
pub trait Say: fmt::Debug + Send + Sync {
    /// The message in `lang`'s words.
    fn say(&self, lang: Lang) -> String;
}

/// A message held to be worded later: in a finding, or anywhere the core
/// keeps what it said. Shown (`Display`) in the run's language; `say`
/// words it in another (a report's).
#[derive(Clone)]
pub struct Said(Arc<dyn Say>);

impl Said {
    pub fn new(message: impl Say + 'static) -> Said {
        Said(Arc::new(message))
    }

    /// The message in `lang`'s words.
    pub fn say(&self, lang: Lang) -> String {
        self.0.say(lang)
    }
}

impl<M: Say + 'static> From<M> for Said {
    fn from(message: M) -> Said {
        Said::new(message)
    }
}

impl fmt::Debug for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(spoken()))
    }
}

/// Messages compare by their English words: findings sort by place, then
/// by what they say, the same in every language a run may speak.
impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        self.say(Lang::En) == other.say(Lang::En)
    }
}

impl Eq for Said {}

impl PartialOrd for Said {
    fn partial_cmp(&self, other: &Said) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Said {
    fn cmp(&self, other: &Said) -> std::cmp::Ordering {
        self.say(Lang::En).cmp(&other.say(Lang::En))
    }
}

/// Text that is already words: what another program said (git, the TOML
/// parser, the operating system), a user's own, or a wording the edge made.
impl Say for String {
    fn say(&self, _lang: Lang) -> String {
        self.clone()
    }
}

impl Say for &'static str {
    fn say(&self, _lang: Lang) -> String {
        (*self).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(vars: &[(&str, &str)], expected: Lang) {
        let lang = Lang::from_vars(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        });
        assert_eq!(lang, expected, "{vars:?}");
    }

    #[test]
    fn language_comes_from_the_environment() {
        case(&[], Lang::Sv);
        case(&[("LANG", "en_GB.UTF-8")], Lang::En);
        case(&[("LANG", "sv_SE.UTF-8")], Lang::Sv);
        case(&[("LANG", "de_DE.UTF-8")], Lang::Sv);
        case(&[("LANG", "C.UTF-8")], Lang::Sv);
        case(&[("LANG", "sv_SE"), ("LC_ALL", "en_US")], Lang::En);
        case(&[("LANG", "en_US"), ("DINO_LANG", "sv")], Lang::Sv);
        case(&[("LANG", "en_US"), ("DINO_LANG", "xx")], Lang::En);
    }
}
