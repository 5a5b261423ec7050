//! The one way dino prints: standard output for a command's result,
//! standard error for notes and error messages.
//!
//! Every write to standard output returns its `io::Result`, so that a
//! reader that goes away (`dino log | head`) ends the command with a
//! broken pipe, which `lib.rs` counts as success, as `git log | head` does;
//! nothing here panics, as `println!` would. Writes to standard error are
//! let go when they fail: there is nowhere left to say so.

use std::fmt::Display;
use std::io::{self, Write};

/// Writes `text` to standard output as it is.
pub fn text(text: &str) -> io::Result<()> {
    bytes(text.as_bytes())
}

/// Writes `text` and a line end to standard output.
pub fn line(text: impl Display) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{text}").and_then(|()| stdout.flush())
}

/// Writes `bytes` to standard output.
pub fn bytes(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush())
}

/// Lets `fill` write to standard output through a buffer, then flushes it.
pub fn with_stdout(fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    fill(&mut out).and_then(|()| out.flush())
}

/// Whether `err` says the reader of standard output went away.
pub fn reader_left(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
}

/// A write whose reader went away counted as done: for output that reports
/// what a command did (the path of an entry written), where the command
/// still finishes its work (a commit asked for) and its exit code still
/// tells how it went (findings).
pub fn unless_reader_left(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(err) if !reader_left(&err) => Err(err),
        _ => Ok(()),
    }
}

/// A line on standard error; one that cannot be shown is let go. The
/// commands its hints name (`` `dino run` ``) name this dino as it was
/// started (`started`).
pub fn message(text: impl Display) {
    let text = text.to_string();
    let _ = writeln!(io::stderr(), "{}", crate::started::in_hints(&text));
}

/// An error message on standard error, after the label in the run's
/// language.
pub fn error(message: impl Display) {
    self::message(format_args!("{}: {message}", error_label()));
}

/// What printing says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The label before an error message.
    ErrorLabel,
}

/// The label before an error message, in the language of the run.
pub fn error_label() -> String {
    console::style(Message::ErrorLabel.to_string())
        .for_stderr()
        .red()
        .bold()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reader_that_went_away_counts_as_done() {
        let gone = || Err(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(unless_reader_left(gone()).is_ok());
        assert!(unless_reader_left(Ok(())).is_ok());
        let full = Err(io::Error::from(io::ErrorKind::StorageFull));
        assert!(unless_reader_left(full).is_err());
    }
}
