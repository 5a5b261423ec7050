//! clap's usage errors in Swedish: the same facts clap has (the argument,
//! the value, what was expected, a suggestion, the usage line), in the shape
//! of dino's own error messages: `fel: …`.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::builder::styling::Styles;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

/// Formats clap's errors in Swedish (with [`clap::Error::apply`]).
pub struct SwedishErrors;

impl ErrorFormatter for SwedishErrors {
    fn format_error(error: &Error<Self>) -> StyledStr {
        let styles = Styles::styled();
        let red = styles.get_error();
        let mut out = StyledStr::new();
        let _ = write!(out, "{red}fel:{red:#} ");
        if write_message(&mut out, error, &styles).is_none() {
            out.push_str(generic_message(error.kind()));
        }
        write_suggestions(&mut out, error, &styles);
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            out.push_str("\n\n");
            out.push_str(&super::swedish_usage(&usage.ansi().to_string()));
        }
        let literal = styles.get_literal();
        let _ = write!(
            out,
            "\n\nSe `{literal}--help{literal:#}` för mer information.\n"
        );
        out
    }
}

/// The message from the error's context; `None` when the context lacks
/// what the kind of error needs.
fn write_message(out: &mut StyledStr, error: &Error<SwedishErrors>, styles: &Styles) -> Option<()> {
    let bad = styles.get_invalid();
    let lit = styles.get_literal();
    let arg = || string(error, ContextKind::InvalidArg);
    let _ = match error.kind() {
        ErrorKind::UnknownArgument => write!(out, "okänt argument `{bad}{}{bad:#}`", arg()?),
        ErrorKind::InvalidSubcommand => write!(
            out,
            "okänt kommando `{bad}{}{bad:#}`",
            string(error, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue
        | ErrorKind::ValueValidation
        | ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => return write_value_message(out, error, styles),
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg)?;
            out.push_str("de här argumenten saknas:");
            write_lines(out, missing, styles);
            Ok(())
        }
        ErrorKind::MissingSubcommand => {
            let _ = write!(
                out,
                "`{lit}{}{lit:#}` behöver ett kommando",
                string(error, ContextKind::InvalidSubcommand)?
            );
            write_list(
                out,
                "kommandon",
                error.get(ContextKind::ValidSubcommand),
                styles,
            );
            Ok(())
        }
        ErrorKind::ArgumentConflict => {
            write_conflict(out, error, styles)?;
            Ok(())
        }
        _ => return None,
    };
    Some(())
}

/// The message of an error about an argument's value or values; `None`
/// when the context lacks what it needs.
fn write_value_message(
    out: &mut StyledStr,
    error: &Error<SwedishErrors>,
    styles: &Styles,
) -> Option<()> {
    let bad = styles.get_invalid();
    let lit = styles.get_literal();
    let arg = || string(error, ContextKind::InvalidArg);
    let value = || string(error, ContextKind::InvalidValue);
    let _ = match error.kind() {
        ErrorKind::InvalidValue if value()?.is_empty() => {
            write!(out, "`{lit}{}{lit:#}` behöver ett värde", arg()?)
        }
        ErrorKind::InvalidValue => {
            let _ = write!(
                out,
                "ogiltigt värde `{bad}{}{bad:#}` för `{lit}{}{lit:#}`",
                value()?,
                arg()?
            );
            write_list(
                out,
                "möjliga värden",
                error.get(ContextKind::ValidValue),
                styles,
            );
            Ok(())
        }
        ErrorKind::ValueValidation => {
            let _ = write!(
                out,
                "ogiltigt värde `{bad}{}{bad:#}` för `{lit}{}{lit:#}`",
                value()?,
                arg()?
            );
            match std::error::Error::source(error) {
                Some(source) => write!(out, ": {source}"),
                None => Ok(()),
            }
        }
        ErrorKind::NoEquals => write!(
            out,
            "`{lit}{}{lit:#}` behöver ett likhetstecken före värdet",
            arg()?
        ),
        ErrorKind::TooManyValues => write!(
            out,
            "oväntat värde `{bad}{}{bad:#}` för `{lit}{}{lit:#}`; inga fler väntades",
            value()?,
            arg()?
        ),
        ErrorKind::TooFewValues => write!(
            out,
            "`{lit}{}{lit:#}` behöver {} värden, men bara {} gavs",
            arg()?,
            number(error, ContextKind::MinValues)?,
            number(error, ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => write!(
            out,
            "`{lit}{}{lit:#}` behöver {} värden, men {} gavs",
            arg()?,
            number(error, ContextKind::ExpectedNumValues)?,
            number(error, ContextKind::ActualNumValues)?
        ),
        _ => return None,
    };
    Some(())
}

/// `--x` used twice, or with something it cannot be used with.
fn write_conflict(
    out: &mut StyledStr,
    error: &Error<SwedishErrors>,
    styles: &Styles,
) -> Option<()> {
    let bad = styles.get_invalid();
    let prior = error.get(ContextKind::PriorArg);
    if let Some(arg) = string(error, ContextKind::InvalidArg) {
        if prior == Some(&ContextValue::String(arg.to_string())) {
            let _ = write!(out, "`{bad}{arg}{bad:#}` kan bara anges en gång");
            return Some(());
        }
        let _ = write!(out, "`{bad}{arg}{bad:#}` kan inte användas tillsammans med");
    } else {
        let command = string(error, ContextKind::InvalidSubcommand)?;
        let _ = write!(
            out,
            "kommandot `{bad}{command}{bad:#}` kan inte användas tillsammans med"
        );
    }
    let _ = match prior {
        Some(ContextValue::Strings(others)) => {
            out.push_str(":");
            write_lines(out, others, styles);
            Ok(())
        }
        Some(ContextValue::String(other)) => write!(out, " `{bad}{other}{bad:#}`"),
        _ => write!(out, " ett eller flera av de andra argumenten"),
    };
    Some(())
}

/// A message for an error that has no context to tell more.
fn generic_message(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "ogiltigt värde",
        ErrorKind::UnknownArgument => "okänt argument",
        ErrorKind::InvalidSubcommand => "okänt kommando",
        ErrorKind::NoEquals => "ett likhetstecken behövs före värdet",
        ErrorKind::TooManyValues => "för många värden",
        ErrorKind::TooFewValues => "för få värden",
        ErrorKind::WrongNumberOfValues => "fel antal värden",
        ErrorKind::ArgumentConflict => "argument som inte kan användas tillsammans",
        ErrorKind::MissingRequiredArgument => "ett argument saknas",
        ErrorKind::MissingSubcommand => "ett kommando saknas",
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8",
        ErrorKind::Io | ErrorKind::Format => "kunde inte skriva ut",
        _ => "fel på kommandoraden",
    }
}

/// `tips:` lines: a similar command, option or value, and clap's own hints.
fn write_suggestions(out: &mut StyledStr, error: &Error<SwedishErrors>, styles: &Styles) {
    let green = styles.get_valid();
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            "ett liknande kommando",
            "liknande kommandon",
        ),
        (
            ContextKind::SuggestedArg,
            "en liknande flagga",
            "liknande flaggor",
        ),
        (
            ContextKind::SuggestedValue,
            "ett liknande värde",
            "liknande värden",
        ),
    ];
    let mut tips: Vec<String> = similar
        .into_iter()
        .filter_map(|(kind, one, many)| {
            let names = match error.get(kind)? {
                ContextValue::String(name) => vec![name.as_str()],
                ContextValue::Strings(names) if !names.is_empty() => {
                    names.iter().map(String::as_str).collect()
                }
                _ => return None,
            };
            let what = if names.len() == 1 { one } else { many };
            let quoted: Vec<String> = names
                .iter()
                .map(|n| format!("`{green}{n}{green:#}`"))
                .collect();
            Some(format!("det finns {what}: {}", quoted.join(", ")))
        })
        .collect();
    if let Some(ContextValue::StyledStrs(hints)) = error.get(ContextKind::Suggested) {
        tips.extend(
            hints
                .iter()
                .map(|hint| swedish_hint(&hint.to_string(), styles)),
        );
    }
    if !tips.is_empty() {
        out.push_str("\n");
    }
    for tip in tips {
        let _ = write!(out, "\n  {green}tips:{green:#} {tip}");
    }
}

/// clap's free-text hints, in Swedish where their wording is known.
fn swedish_hint(hint: &str, styles: &Styles) -> String {
    let green = styles.get_valid();
    // Each hint quotes its arguments as 'this'.
    let quoted: Vec<String> = hint
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(|q| format!("`{green}{q}{green:#}`"))
        .collect();
    match quoted.as_slice() {
        [value, command] if hint.starts_with("to pass ") => {
            format!("för att ge {value} som ett värde, skriv {command}")
        }
        [command, _] if hint.starts_with("subcommand ") => {
            format!("kommandot {command} finns; ta bort `--` framför det för att använda det")
        }
        [command] if hint.ends_with("' exists") => format!("{command} finns"),
        _ => hint.to_string(),
    }
}

/// `\n  [name: a, b, c]`
fn write_list(out: &mut StyledStr, name: &str, list: Option<&ContextValue>, styles: &Styles) {
    let green = styles.get_valid();
    if let Some(ContextValue::Strings(items)) = list
        && !items.is_empty()
    {
        let items: Vec<String> = items
            .iter()
            .map(|i| format!("{green}{i}{green:#}"))
            .collect();
        let _ = write!(out, "\n  [{name}: {}]", items.join(", "));
    }
}

/// One indented line per item.
fn write_lines(out: &mut StyledStr, items: &[String], styles: &Styles) {
    let green = styles.get_valid();
    for item in items {
        let _ = write!(out, "\n  {green}{item}{green:#}");
    }
}

fn string(error: &Error<SwedishErrors>, kind: ContextKind) -> Option<&str> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s),
        _ => None,
    }
}

fn strings(error: &Error<SwedishErrors>, kind: ContextKind) -> Option<&[String]> {
    match error.get(kind)? {
        ContextValue::Strings(s) => Some(s),
        _ => None,
    }
}

fn number(error: &Error<SwedishErrors>, kind: ContextKind) -> Option<isize> {
    match error.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}
