//! The one door to the person at the terminal. The core asks through the
//! `Prompter` trait; `term::TermPrompter` answers with dialoguer's lists
//! and our own line editor (`line`), and tests answer with a script.

pub mod editor;
pub mod line;
pub mod term;

use anyhow::Result;

/// Asks questions and returns answers.
pub trait Prompter {
    /// One of `items`; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize>;
    /// Any of `items`; returns the chosen indexes.
    fn multi(&mut self, prompt: &str, items: &[String], defaults: &[bool]) -> Result<Vec<usize>>;
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool>;
    /// A line of text that `check` accepts.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String>;
    /// A question's help (Markdown), shown before it is asked again.
    fn help(&mut self, markdown: &str) -> Result<()>;
}

/// A prompter that offers a question's help: "Visa hjälp" as the last
/// entry of a list, `?` as a typed answer. Without help, it asks as
/// `inner` does.
pub struct WithHelp<'a> {
    pub inner: &'a mut dyn Prompter,
    pub help: Option<&'a str>,
    pub lang: crate::i18n::Lang,
}

impl WithHelp<'_> {
    fn label(&self) -> String {
        self.lang.pick("Visa hjälp", "Show the help").to_string()
    }
}

impl Prompter for WithHelp<'_> {
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize> {
        let Some(help) = self.help else {
            return self.inner.select(prompt, items, default);
        };
        let mut offered = items.to_vec();
        offered.push(self.label());
        loop {
            let chosen = self.inner.select(prompt, &offered, default)?;
            if chosen < items.len() {
                return Ok(chosen);
            }
            self.inner.help(help)?;
        }
    }

    fn multi(&mut self, prompt: &str, items: &[String], defaults: &[bool]) -> Result<Vec<usize>> {
        let Some(help) = self.help else {
            return self.inner.multi(prompt, items, defaults);
        };
        let mut offered = items.to_vec();
        offered.push(self.label());
        let mut on = defaults.to_vec();
        on.push(false);
        loop {
            let mut chosen = self.inner.multi(prompt, &offered, &on)?;
            if !chosen.contains(&items.len()) {
                return Ok(chosen);
            }
            // What was ticked stays ticked while the help is read.
            chosen.retain(|i| *i < items.len());
            on = (0..offered.len()).map(|i| chosen.contains(&i)).collect();
            self.inner.help(help)?;
        }
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool> {
        if self.help.is_none() {
            return self.inner.confirm(prompt, default);
        }
        let items = [
            self.lang.pick("Ja", "Yes").to_string(),
            self.lang.pick("Nej", "No").to_string(),
        ];
        Ok(self.select(prompt, &items, if default { 0 } else { 1 })? == 0)
    }

    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        let Some(help) = self.help else {
            return self.inner.input(prompt, default, check);
        };
        let hint = self.lang.pick("(?: visa hjälp)", "(?: show the help)");
        let prompt = format!("{prompt} {}", console::style(hint).dim());
        let or_help = |text: &str| {
            if text.trim() == "?" {
                Ok(())
            } else {
                check(text)
            }
        };
        loop {
            let answer = self.inner.input(&prompt, default, &or_help)?;
            if answer.trim() != "?" {
                return Ok(answer);
            }
            self.inner.help(help)?;
        }
    }

    fn help(&mut self, markdown: &str) -> Result<()> {
        self.inner.help(markdown)
    }
}

/// A prompter that answers from a list, for tests of the core.
#[cfg(test)]
pub struct Scripted(pub std::collections::VecDeque<String>);

#[cfg(test)]
impl Scripted {
    pub fn new(answers: &[&str]) -> Scripted {
        Scripted(answers.iter().map(|s| s.to_string()).collect())
    }

    fn next(&mut self, prompt: &str) -> Result<String> {
        self.0
            .pop_front()
            .ok_or_else(|| anyhow::anyhow!("the script has no answer for {prompt:?}"))
    }
}

#[cfg(test)]
impl Prompter for Scripted {
    fn select(&mut self, prompt: &str, items: &[String], _default: usize) -> Result<usize> {
        let want = self.next(prompt)?;
        items
            .iter()
            .position(|i| *i == want)
            .ok_or_else(|| anyhow::anyhow!("{want:?} is not among {items:?}"))
    }

    fn multi(&mut self, prompt: &str, items: &[String], _defaults: &[bool]) -> Result<Vec<usize>> {
        let want = self.next(prompt)?;
        Ok(want
            .split(',')
            .filter_map(|w| items.iter().position(|i| i == w.trim()))
            .collect())
    }

    fn confirm(&mut self, prompt: &str, _default: bool) -> Result<bool> {
        Ok(self.next(prompt)? == "yes")
    }

    fn input(
        &mut self,
        prompt: &str,
        _default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        let answer = self.next(prompt)?;
        check(&answer).map_err(|e| anyhow::anyhow!(e))?;
        Ok(answer)
    }

    fn help(&mut self, _markdown: &str) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_help_is_offered_and_the_question_asked_again() {
        let items = ["a".to_string(), "b".to_string()];
        let mut script = Scripted::new(&["Show the help", "b", "a,Show the help", "b", "?", "x"]);
        let mut p = WithHelp {
            inner: &mut script,
            help: Some("Hjälp"),
            lang: Lang::En,
        };
        assert_eq!(p.select("q", &items, 0).expect("select"), 1);
        assert_eq!(p.multi("q", &items, &[false, false]).expect("multi"), [1]);
        let answer = p.input("q", None, &|_| Ok(())).expect("input");
        assert_eq!(answer, "x");
        assert!(script.0.is_empty());

        let mut script = Scripted::new(&["Show the help"]);
        let mut p = WithHelp {
            inner: &mut script,
            help: None,
            lang: Lang::En,
        };
        assert!(
            p.select("q", &items, 0).is_err(),
            "no help, no entry for it"
        );
    }
}
