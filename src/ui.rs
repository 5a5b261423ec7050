//! The terminal side of output: colour, width, and quiet, as the global
//! options ask. Commands ask the `Ui` how to print and print through
//! `out`; the core never touches the terminal.

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::i18n::Lang;

/// How this run prints.
#[derive(Clone, Debug)]
pub struct Ui {
    pub lang: Lang,
    /// Whether the language was asked for (`--lang`, `DINO_LANG`), so that
    /// it wins over a workbook's own language.
    pub lang_chosen: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub color: bool,
    /// Whether stdout is a terminal (tables fit its width when it is).
    pub stdout_tty: bool,
    /// The folder `-C` named, as given: the paths printed are read from
    /// where dino was started, not from there.
    pub started_away: Option<std::path::PathBuf>,
}

/// When to use colour (`--color`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The run's language, decided here once: `--lang`, else `DINO_LANG`,
/// else the language of the workbook dino runs in (`dir`), else the
/// locale's. Help, usage errors and whatever the core says (`i18n::spoken`)
/// are in it; a workbook's own messages are in `Ui::lang_for`.
pub fn run_lang(asked: Option<Lang>, dir: &std::path::Path) -> Lang {
    asked
        .or_else(Lang::from_dino_lang)
        .or_else(|| crate::workbook::language_at(dir))
        .unwrap_or_else(Lang::from_env)
}

/// What the command line asked of the terminal: the global options.
#[derive(Clone, Copy, Debug)]
pub struct Asked {
    pub lang: Option<Lang>,
    pub color: ColorChoice,
    pub quiet: bool,
    pub no_input: bool,
}

impl Ui {
    pub fn new(asked: Asked) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // Each stream by itself: `dino status | less` keeps colour in
        // messages on the terminal, and `always` colours both.
        let colour_for = |tty: bool| match asked.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let color = colour_for(stdout_tty);
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(colour_for(std::io::stderr().is_terminal()));
        let lang = asked.lang.unwrap_or_else(Lang::from_env);
        Ui {
            lang,
            lang_chosen: asked.lang.is_some() || Lang::from_dino_lang().is_some(),
            quiet: asked.quiet,
            no_input: asked.no_input,
            color,
            stdout_tty,
            started_away: None,
        }
    }

    /// A path dino wrote or made, as the user reaches it from where they
    /// stand: under `-C DIR`, joined to DIR (`proj/log/….md`); else as it is.
    pub fn shown(&self, path: &std::path::Path) -> String {
        seen_from(self.started_away.as_deref(), path)
            .display()
            .to_string()
    }

    /// The language for a workbook's messages: the one asked for, else the
    /// workbook's own.
    pub fn lang_for(&self, workbook_lang: Lang) -> Lang {
        if self.lang_chosen {
            self.lang
        } else {
            workbook_lang
        }
    }

    /// The width tables should fit: the terminal's, or none when piped.
    pub fn terminal_width(&self) -> Option<u16> {
        if !self.stdout_tty {
            return None;
        }
        Some(
            console::Term::stdout()
                .size_checked()
                .map_or(100, |(_, cols)| cols),
        )
    }

    /// A note for the user on stderr (confirmations, summaries), unless quiet.
    /// A note that cannot be shown (a full disk behind `2>file`) is let go:
    /// what it tells has happened either way.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            crate::out::message(message);
        }
    }
}

/// `path`, relative to the folder dino runs in, as seen from the folder
/// `-C` led away from: `dir` joined with it, without `.` parts. An
/// absolute path, and any path without `-C`, is as it is.
fn seen_from(dir: Option<&std::path::Path>, path: &std::path::Path) -> std::path::PathBuf {
    let Some(dir) = dir else {
        return path.to_path_buf();
    };
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let joined: std::path::PathBuf = dir
        .join(path)
        .components()
        .filter(|part| *part != std::path::Component::CurDir)
        .collect();
    if joined.as_os_str().is_empty() {
        std::path::PathBuf::from(".")
    } else {
        joined
    }
}

#[cfg(test)]
mod seen_from_tests {
    use super::seen_from;
    use std::path::{Path, PathBuf};

    #[test]
    fn a_path_is_seen_from_where_dino_was_started() {
        let seen = |dir: Option<&str>, path: &str| seen_from(dir.map(Path::new), Path::new(path));
        assert_eq!(seen(None, "./log/a.md"), PathBuf::from("./log/a.md"));
        assert_eq!(
            seen(Some("proj"), "./log/a.md"),
            PathBuf::from("proj/log/a.md")
        );
        assert_eq!(
            seen(Some("./a/./b/"), "log/a.md"),
            PathBuf::from("a/b/log/a.md")
        );
        assert_eq!(seen(Some("../x"), "./log"), PathBuf::from("../x/log"));
        assert_eq!(seen(Some("."), "."), PathBuf::from("."));
        assert_eq!(seen(Some("/w"), "./log"), PathBuf::from("/w/log"));
        assert_eq!(seen(Some("proj"), "/abs/r.md"), PathBuf::from("/abs/r.md"));
    }
}
