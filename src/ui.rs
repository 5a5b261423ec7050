//! The terminal side of output: colour, width, and quiet. Commands ask the
//! `Ui` how to print; the core never touches the terminal.

use std::io::{IsTerminal, Write};

use crate::cli::{ColorChoice, GlobalArgs};
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
}

impl Ui {
    pub fn new(global: &GlobalArgs) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // Each stream by itself: `dino status | less` keeps colour in
        // messages on the terminal, and `always` colours both.
        let colour_for = |tty: bool| match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let color = colour_for(stdout_tty);
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(colour_for(std::io::stderr().is_terminal()));
        let lang = global.lang.unwrap_or_else(Lang::from_env);
        Ui {
            lang,
            lang_chosen: global.lang.is_some() || Lang::from_dino_lang().is_some(),
            quiet: global.quiet,
            no_input: global.no_input,
            color,
            stdout_tty,
        }
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
            let _ = writeln!(std::io::stderr(), "{message}");
        }
    }
}

/// The label before an error message, in the language of the run: the one
/// asked for (`--lang`, `DINO_LANG`), else that of the workbook dino runs
/// in, as its messages are, else the locale's.
pub fn error_label() -> String {
    let lang = *LABEL_LANG.get_or_init(|| crate::cli::help_lang(None, std::path::Path::new(".")));
    console::style(lang.pick("fel", "error"))
        .for_stderr()
        .red()
        .bold()
        .to_string()
}

/// Sets the language error labels are printed in, when it was asked for.
pub fn set_label_lang(lang: Lang) {
    let _ = LABEL_LANG.set(lang);
}

static LABEL_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
