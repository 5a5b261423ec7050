//! The one door to the person at the terminal. The core asks through the
//! `Prompter` trait; `term::TermPrompter` answers with dialoguer widgets,
//! and tests answer with a script.

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
}
