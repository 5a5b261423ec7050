//! The prompter for a real terminal: dialoguer's widgets on stderr, so that
//! stdout stays for results.

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, MultiSelect, Select};

use super::Prompter;

pub struct TermPrompter {
    theme: ColorfulTheme,
}

impl TermPrompter {
    pub fn new() -> TermPrompter {
        TermPrompter {
            theme: ColorfulTheme::default(),
        }
    }
}

impl Default for TermPrompter {
    fn default() -> Self {
        TermPrompter::new()
    }
}

impl Prompter for TermPrompter {
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize> {
        Ok(Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()?)
    }

    fn multi(&mut self, prompt: &str, items: &[String], defaults: &[bool]) -> Result<Vec<usize>> {
        Ok(MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(defaults)
            .interact()?)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool> {
        Ok(Confirm::with_theme(&self.theme)
            .with_prompt(prompt)
            .default(default)
            .interact()?)
    }

    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|text: &String| check(text));
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        Ok(input.interact_text()?)
    }
}
