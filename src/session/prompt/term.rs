//! The prompter for a real terminal: dialoguer's lists and our own line
//! editor on stderr, so that stdout stays for results.

use anyhow::Result;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{MultiSelect, Select};

use super::Prompter;
use super::line::{Ask, Entered};
use crate::i18n::Lang;

pub struct TermPrompter {
    theme: Box<dyn Theme>,
    lang: Lang,
}

impl TermPrompter {
    pub fn new(lang: Lang) -> TermPrompter {
        TermPrompter {
            theme: theme(),
            lang,
        }
    }
}

/// The look of the prompts: coloured, or, without colour (`NO_COLOR`,
/// `--color never`, a plain terminal), markers a projector shows too: `>`
/// before the current line and `[x]` beside what is chosen.
pub fn theme() -> Box<dyn Theme> {
    if console::colors_enabled_stderr() {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

/// A list's question on one row of the terminal: dialoguer redraws a list
/// by rows, and a question that wraps leaves its first row behind. A
/// question too long for a row is written whole above the list first,
/// and the list asks it shortened with `…`.
pub fn one_row(prompt: &str) -> String {
    let term = console::Term::stderr();
    let width = usize::from(term.size().1).max(20);
    // "? " before, " ›" and a little room after.
    let room = width.saturating_sub(6);
    if console::measure_text_width(prompt) <= room {
        return prompt.to_string();
    }
    // Written once and never redrawn, it may wrap as the terminal likes.
    let _ = term.write_line(prompt);
    let mut short = String::new();
    for c in prompt.chars() {
        if console::measure_text_width(&short) + 2 > room {
            break;
        }
        short.push(c);
    }
    format!("{}…", short.trim_end())
}

/// A yes-or-no question as a two-item list, in the user's language (a
/// `(y/n)` prompt would take a Swedish `j` for no).
pub fn yes_no(theme: &dyn Theme, lang: Lang, prompt: &str, default: bool) -> Result<bool> {
    let items = [lang.pick("Ja", "Yes"), lang.pick("Nej", "No")];
    let chosen = Select::with_theme(theme)
        .with_prompt(one_row(prompt))
        .items(items)
        .default(if default { 0 } else { 1 })
        .interact()?;
    Ok(chosen == 0)
}

impl Prompter for TermPrompter {
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize> {
        Ok(Select::with_theme(&*self.theme)
            .with_prompt(one_row(prompt))
            .items(items)
            .default(default)
            .interact()?)
    }

    fn multi(&mut self, prompt: &str, items: &[String], defaults: &[bool]) -> Result<Vec<usize>> {
        let hint = self.lang.pick(
            "(mellanslag väljer, Enter klar)",
            "(space picks, Enter done)",
        );
        Ok(MultiSelect::with_theme(&*self.theme)
            .with_prompt(one_row(&format!("{prompt} {}", console::style(hint).dim())))
            .items(items)
            .defaults(defaults)
            .interact()?)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool> {
        yes_no(&*self.theme, self.lang, prompt, default)
    }

    /// A line that starts as `default`, to edit or replace. Esc gives the
    /// default back as it was (none: an empty line) where the check takes
    /// it; the hint says so.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        let lang = self.lang;
        let initial = default.unwrap_or_default();
        let esc_takes = check(initial).is_ok();
        let hint = match (esc_takes, default.is_some()) {
            (true, true) => lang.pick("(Esc: som förslaget)", "(Esc: as suggested)"),
            (true, false) => lang.pick("(Esc: lämna tomt)", "(Esc: leave empty)"),
            (false, _) => "",
        };
        let term = console::Term::stderr();
        loop {
            let ask = Ask {
                prompt,
                hint,
                initial,
                check,
            };
            match super::line::read_line(&term, &*self.theme, &ask)? {
                Entered::Text(text) => return Ok(text),
                Entered::Escaped(_) if esc_takes => {
                    super::line::confirm(&term, &*self.theme, prompt, initial)?;
                    return Ok(initial.to_string());
                }
                Entered::Escaped(_) => {}
            }
        }
    }

    fn help(&mut self, markdown: &str) -> Result<()> {
        let term = console::Term::stderr();
        let width = term.size_checked().map_or(80, |(_, cols)| cols as usize);
        let text = crate::text::terminal_md::render(markdown, width);
        term.write_line("")?;
        term.write_line(&text)?;
        term.write_line("")?;
        Ok(())
    }
}
