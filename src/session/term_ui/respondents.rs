//! Who answers a readiness assessment at the terminal: the respondents
//! registered one by one, each one's turn announced, the screen cleared
//! and handed over between people who answer in turn, and the role of a
//! person who answers alone.

use super::TermUi;
use crate::text::terminal_md;
use crate::tr;
use anyhow::Result;
use console::style;

/// Clears the screen and the scrollback, and puts the cursor home: what
/// one respondent answered is gone before the next one sits down.
const CLEAR_ALL: &str = "\x1b[2J\x1b[3J\x1b[H";

impl TermUi {
    /// The respondents: those of a draft (`so_far`) shown, then more asked
    /// for, one a line, until an empty line.
    pub(super) fn ask_respondents(&mut self, so_far: &[String]) -> Result<Vec<String>> {
        let lang = self.lang;
        self.say("")?;
        self.say(lang.pick(
            "Vilka svarar? Skriv en roll (eller ett namn) per rad, tom rad när alla är med. Ingen alls: gruppen svarar tillsammans.",
            "Who answers? Write a role (or a name) per line, an empty line when everyone is in. None at all: the group answers as one.",
        ))?;
        let mut out: Vec<String> = so_far.to_vec();
        for name in so_far {
            self.say(&format!("  • {}", terminal_md::visible(name)))?;
        }
        loop {
            let name = self.ask_line(
                lang.pick("Svarande", "Respondent"),
                lang.pick("(Esc: alla är med)", "(Esc: everyone is in)"),
            )?;
            if name.is_empty() {
                return Ok(out);
            }
            if out.contains(&name) {
                self.say(&tr!(
                    lang,
                    "{} är redan med; ge var och en ett eget namn eller en egen roll.",
                    "{} is in already; give each one a name or role of their own.",
                    terminal_md::visible(&name)
                ))?;
            } else {
                out.push(name);
            }
        }
    }

    /// Says whose turn it is.
    pub(super) fn announce_turn(&mut self, respondent: &str) -> Result<()> {
        self.say("")?;
        self.say(
            &style(tr!(
                self.lang,
                "Nu svarar: {}",
                "Answering now: {}",
                terminal_md::visible(respondent)
            ))
            .bold()
            .to_string(),
        )
    }

    /// The screen and its scrollback cleared; unless `first`, the
    /// terminal handed over to `respondent`, who presses Enter when ready
    /// (and the screen is cleared again of the hand-over).
    pub(super) fn clear_and_hand_over(&mut self, respondent: &str, first: bool) -> Result<()> {
        self.clear_all()?;
        if first {
            return Ok(());
        }
        self.say(&tr!(
            self.lang,
            "Lämna över till {}. Tryck Enter när du är redo.",
            "Hand over to {}, press Enter when ready.",
            terminal_md::visible(respondent)
        ))?;
        self.term.read_line()?;
        self.clear_all()
    }

    /// The role of a person answering alone; empty for none.
    pub(super) fn ask_role(&mut self, respondent: &str) -> Result<Option<String>> {
        let role = self.ask_line(
            &tr!(
                self.lang,
                "Din roll i projektet, {} (valfri)",
                "Your role in the project, {} (optional)",
                terminal_md::visible(respondent)
            ),
            self.lang.pick("(Esc: ingen roll)", "(Esc: no role)"),
        )?;
        Ok(Some(role).filter(|r| !r.is_empty()))
    }

    /// One line typed in the line editor, trimmed; empty is fine, and Esc
    /// (whose meaning `hint` says) gives an empty line.
    fn ask_line(&self, prompt: &str, hint: &str) -> Result<String> {
        let text = self.typed(prompt, hint, "", &|_| Ok(()))?;
        Ok(text.unwrap_or_default().trim().to_string())
    }

    /// Everything on the screen and in its scrollback gone.
    fn clear_all(&self) -> Result<()> {
        self.term.write_str(CLEAR_ALL)?;
        self.term.flush()?;
        Ok(())
    }
}
