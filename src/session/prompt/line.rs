//! A line editor of our own on `console::Term`, for every text, number and
//! date typed in a session: Ctrl-U, Ctrl-W, Home/End (Ctrl-A/Ctrl-E),
//! Left/Right, Backspace/Delete, and Esc handed back to the caller. The
//! editing (text, cursor, a key's effect) is kept apart from the drawing,
//! which is measured in display columns and redraws every row a long line
//! wraps over, then leaves one confirmation line with the answer.

use std::io;

use anyhow::Result;
use console::{Key, Term, measure_text_width, truncate_str};
use dialoguer::theme::Theme;

/// What a line asks: its prompt, a hint shown (dim) while it is edited,
/// the text it starts with, and the check an answer must pass.
pub struct Ask<'a> {
    pub prompt: &'a str,
    pub hint: &'a str,
    pub initial: &'a str,
    pub check: &'a dyn Fn(&str) -> Result<(), String>,
}

/// How a line ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Entered {
    /// Enter, with a text the check accepted.
    Text(String),
    /// Esc, with the text as it stood: what Esc means is the caller's.
    Escaped(String),
}

/// What a key did to the line.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// The text or the cursor may have changed: draw again.
    Edited,
    /// Enter.
    Submit,
    /// Esc.
    Escape,
    /// Ctrl-C read as a key (on Windows, or a terminal that sends it so).
    Interrupt,
}

/// The text being edited and where the cursor is, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineState {
    chars: Vec<char>,
    cursor: usize,
}

impl LineState {
    /// A line holding `initial`, the cursor at its end.
    pub fn new(initial: &str) -> LineState {
        let chars: Vec<char> = initial.chars().collect();
        let cursor = chars.len();
        LineState { chars, cursor }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The cursor's place, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// What `key` does.
    pub fn apply(&mut self, key: &Key) -> Step {
        match key {
            Key::Enter => return Step::Submit,
            Key::Escape => return Step::Escape,
            Key::CtrlC | Key::Char('\x03') => return Step::Interrupt,
            Key::Home | Key::Char('\x01') => self.cursor = 0,
            Key::End | Key::Char('\x05') => self.cursor = self.chars.len(),
            Key::ArrowLeft | Key::Char('\x02') => self.cursor = self.boundary_before(self.cursor),
            Key::ArrowRight | Key::Char('\x06') => self.cursor = self.boundary_after(self.cursor),
            Key::Backspace => self.delete_back(self.boundary_before(self.cursor)),
            Key::Del | Key::Char('\x04') => {
                let end = self.boundary_after(self.cursor);
                self.chars.drain(self.cursor..end);
            }
            Key::Char('\x15') => self.delete_back(0),
            Key::Char('\x17') => self.delete_back(self.word_start()),
            Key::Char('\x0b') => self.chars.truncate(self.cursor),
            Key::Char(c) if !c.is_control() => {
                self.chars.insert(self.cursor, *c);
                self.cursor += 1;
            }
            _ => {}
        }
        Step::Edited
    }

    /// Removes the text from `from` up to the cursor.
    fn delete_back(&mut self, from: usize) {
        self.chars.drain(from..self.cursor);
        self.cursor = from;
    }

    /// Where the word before the cursor starts: spaces before the cursor
    /// are passed over, then the word.
    fn word_start(&self) -> usize {
        let mut at = self.cursor;
        while at > 0 && self.chars[at - 1].is_whitespace() {
            at -= 1;
        }
        while at > 0 && !self.chars[at - 1].is_whitespace() {
            at -= 1;
        }
        at
    }

    /// Whether a cursor may stand before the character at `at`: not
    /// between a letter and a combining mark that belongs to it.
    fn is_boundary(&self, at: usize) -> bool {
        at == 0 || at >= self.chars.len() || char_width(self.chars[at]) > 0
    }

    fn boundary_before(&self, from: usize) -> usize {
        let mut at = from.saturating_sub(1);
        while !self.is_boundary(at) {
            at -= 1;
        }
        at
    }

    fn boundary_after(&self, from: usize) -> usize {
        let mut at = (from + 1).min(self.chars.len());
        while !self.is_boundary(at) {
            at += 1;
        }
        at
    }
}

/// How many columns `c` takes, as the line shows it.
fn char_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    measure_text_width(shown_char(c).encode_utf8(&mut buf))
}

/// A character as the line shows it: a line break kept from an earlier
/// answer as `↵`, a tab as a space, any other control character as `�`.
fn shown_char(c: char) -> char {
    match c {
        '\n' => '↵',
        '\t' => ' ',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Where the prompt and the text fall on a terminal `width` columns wide:
/// the row and column of the cursor, and the row of the last cell written.
#[derive(Debug, PartialEq, Eq)]
pub struct Layout {
    pub cursor: (usize, usize),
    pub last_row: usize,
}

/// Lays out `prompt` (without escapes) and the line as the terminal wraps
/// them: a character that does not fit in what is left of a row (a wide
/// one at the edge) starts the next.
pub fn layout(prompt: &str, line: &LineState, width: usize) -> Layout {
    let width = width.max(2);
    let (mut row, mut col, mut last_row) = (0, 0, 0);
    let mut cursor = None;
    let cells = prompt
        .chars()
        .map(|c| (None, c))
        .chain(line.chars.iter().enumerate().map(|(i, c)| (Some(i), *c)));
    for (index, c) in cells {
        let w = char_width(c);
        if col + w > width {
            row += 1;
            col = 0;
        }
        if index == Some(line.cursor) {
            cursor = Some((row, col));
        }
        if w > 0 {
            last_row = row;
        }
        col += w;
    }
    let cursor = cursor.unwrap_or(if col >= width {
        (row + 1, 0)
    } else {
        (row, col)
    });
    Layout { cursor, last_row }
}

/// The confirmation line: the prompt and the answer in the theme's style,
/// on one row of `width` columns. A long answer is shortened with `…`; a
/// long prompt gives up room first, down to half the row.
pub fn confirmation(theme: &dyn Theme, prompt: &str, answer: &str, width: usize) -> String {
    let answer = answer.replace('\n', " ");
    let line = selection(theme, prompt, &answer);
    let excess = measure_text_width(&line).saturating_sub(width);
    if excess == 0 {
        return line;
    }
    let prompt_width = measure_text_width(prompt);
    let prompt_room = prompt_width.saturating_sub(excess).max(width / 2);
    let prompt = truncate_str(prompt, prompt_room.min(prompt_width), "…");
    let line = selection(theme, &prompt, &answer);
    truncate_str(&line, width, "…").into_owned()
}

fn selection(theme: &dyn Theme, prompt: &str, answer: &str) -> String {
    let mut out = String::new();
    let _ = theme.format_input_prompt_selection(&mut out, prompt, answer);
    out
}

/// The rows drawn so far, so that the next drawing replaces them.
struct Drawn<'a> {
    term: &'a Term,
    /// The row of the cursor, counted from the drawing's first.
    cursor_row: usize,
}

impl Drawn<'_> {
    fn width(&self) -> usize {
        self.term
            .size_checked()
            .map_or(80, |(_, cols)| usize::from(cols))
    }

    /// Goes to the drawing's first row and clears it and all below.
    fn to_top(&self) -> String {
        let mut out = String::new();
        if self.cursor_row > 0 {
            out.push_str(&format!("\x1b[{}A", self.cursor_row));
        }
        out.push_str("\r\x1b[J");
        out
    }

    /// Draws the prompt and the line, and an error under them if any, then
    /// puts the cursor where it edits.
    fn draw(&mut self, prompt: &str, line: &LineState, error: Option<&str>) -> io::Result<()> {
        let width = self.width();
        let plain = console::strip_ansi_codes(prompt);
        let at = layout(&plain, line, width);
        let mut out = self.to_top();
        out.push_str(prompt);
        out.extend(line.chars.iter().map(|c| shown_char(*c)));
        let mut row = at.last_row;
        if at.cursor.0 > row {
            out.push_str("\r\n");
            row += 1;
        }
        if let Some(error) = error {
            out.push_str("\r\n");
            out.push_str(&truncate_str(error, width, "…"));
            row += 1;
        }
        if row > at.cursor.0 {
            out.push_str(&format!("\x1b[{}A", row - at.cursor.0));
        }
        out.push('\r');
        if at.cursor.1 > 0 {
            out.push_str(&format!("\x1b[{}C", at.cursor.1));
        }
        self.term.write_str(&out)?;
        self.term.flush()?;
        self.cursor_row = at.cursor.0;
        Ok(())
    }

    /// Replaces the drawing with `last` (a line of its own), or with
    /// nothing.
    fn finish(&mut self, last: Option<&str>) -> io::Result<()> {
        let mut out = self.to_top();
        if let Some(last) = last {
            out.push_str(last);
            out.push_str("\r\n");
        }
        self.term.write_str(&out)?;
        self.term.flush()?;
        self.cursor_row = 0;
        Ok(())
    }
}

/// Reads one line at `term` (stderr): edited with the keys of this
/// module, checked on Enter (an error is shown under the line, the text
/// kept), then replaced by one confirmation line in `theme`'s style. Esc
/// clears the drawing and says so. Ctrl-C ends dino as the signal
/// handlers do (`session::signals`): on Unix the terminal raises SIGINT.
pub fn read_line(term: &Term, theme: &dyn Theme, ask: &Ask<'_>) -> Result<Entered> {
    if !term.is_term() {
        anyhow::bail!(io::Error::new(
            io::ErrorKind::NotConnected,
            "not a terminal"
        ));
    }
    let mut prompt = String::new();
    let shown_prompt = if ask.hint.is_empty() {
        ask.prompt.to_string()
    } else {
        format!("{} {}", ask.prompt, console::style(ask.hint).dim())
    };
    let _ = theme.format_input_prompt(&mut prompt, &shown_prompt, None);
    let mut line = LineState::new(ask.initial);
    let _raw = RawMode::start();
    let mut drawn = Drawn {
        term,
        cursor_row: 0,
    };
    let mut error: Option<String> = None;
    loop {
        drawn.draw(&prompt, &line, error.as_deref())?;
        match line.apply(&read_key(term)?) {
            Step::Edited => {}
            Step::Escape => {
                drawn.finish(None)?;
                return Ok(Entered::Escaped(line.text()));
            }
            Step::Interrupt => {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "Ctrl-C").into());
            }
            Step::Submit => {
                let text = line.text();
                match (ask.check)(&text) {
                    Ok(()) => {
                        let shown = crate::text::terminal_md::visible_lines(&text);
                        let last = confirmation(theme, ask.prompt, &shown, drawn.width());
                        drawn.finish(Some(&last))?;
                        return Ok(Entered::Text(text));
                    }
                    Err(why) => {
                        let mut shown = String::new();
                        let _ = theme.format_error(&mut shown, &why);
                        error = Some(shown);
                    }
                }
            }
        }
    }
}

/// The terminal held in raw mode while a line is read, put back as it
/// was when the line ends (a signal's handler puts it back too). Console
/// sets raw mode only while it reads a key; keys typed while a line is
/// drawn would meet the terminal's own line editing (Ctrl-U, Ctrl-W and
/// Backspace taken, keys echoed) without this.
struct RawMode {
    #[cfg(unix)]
    was: Option<rustix::termios::Termios>,
}

impl RawMode {
    #[cfg(unix)]
    fn start() -> RawMode {
        use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
        let stdin = io::stdin();
        let Ok(was) = tcgetattr(&stdin) else {
            return RawMode { was: None };
        };
        let mut raw = was.clone();
        raw.make_raw();
        raw.output_modes = was.output_modes;
        let set = tcsetattr(&stdin, OptionalActions::Now, &raw);
        RawMode {
            was: set.ok().map(|_| was),
        }
    }

    /// On Windows, keys are read as events: there is no line editing to
    /// keep out.
    #[cfg(not(unix))]
    fn start() -> RawMode {
        RawMode {}
    }
}

#[cfg(unix)]
impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(was) = &self.was {
            let _ =
                rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, was);
        }
    }
}

/// Writes the confirmation line of an answer given another way (from an
/// editor, or Esc taking the value as it was).
pub fn confirm(term: &Term, theme: &dyn Theme, prompt: &str, answer: &str) -> io::Result<()> {
    let width = term
        .size_checked()
        .map_or(80, |(_, cols)| usize::from(cols));
    let shown = crate::text::terminal_md::visible_lines(answer);
    term.write_line(&confirmation(theme, prompt, &shown, width))
}

/// The next key; Home, End and the arrows that a terminal in application
/// mode sends as `Esc O x` are read as themselves.
fn read_key(term: &Term) -> io::Result<Key> {
    let key = term.read_key()?;
    if key != Key::UnknownEscSeq(vec!['O']) {
        return Ok(key);
    }
    Ok(match term.read_key()? {
        Key::Char('H') => Key::Home,
        Key::Char('F') => Key::End,
        Key::Char('C') => Key::ArrowRight,
        Key::Char('D') => Key::ArrowLeft,
        _ => Key::Unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(initial: &str, keys: &[Key]) -> LineState {
        let mut line = LineState::new(initial);
        for key in keys {
            line.apply(key);
        }
        line
    }

    fn chars(text: &str) -> Vec<Key> {
        text.chars().map(Key::Char).collect()
    }

    #[test]
    fn ctrl_u_clears_a_prefilled_value_and_typing_replaces_it() {
        let mut keys = vec![Key::Char('\x15')];
        keys.extend(chars("Per-Olof Nyström"));
        let line = typed("Karin Lindqvist", &keys);
        assert_eq!(line.text(), "Per-Olof Nyström");
        assert_eq!(line.cursor(), "Per-Olof Nyström".chars().count());
    }

    #[test]
    fn ctrl_u_clears_only_what_is_before_the_cursor() {
        let line = typed(
            "abc def",
            &[Key::ArrowLeft, Key::ArrowLeft, Key::Char('\x15')],
        );
        assert_eq!(line.text(), "ef");
        assert_eq!(line.cursor(), 0);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_the_spaces_after_it() {
        let line = typed("elever hoppar  av  ", &[Key::Char('\x17')]);
        assert_eq!(line.text(), "elever hoppar  ");
        let line = typed("elever hoppar av", &[Key::Char('\x17'), Key::Char('\x17')]);
        assert_eq!(line.text(), "elever ");
        let line = typed("", &[Key::Char('\x17')]);
        assert_eq!(line.text(), "");
    }

    #[test]
    fn home_and_end_and_their_control_keys_move_the_cursor() {
        let mut keys = vec![Key::Home];
        keys.extend(chars("Ja, "));
        keys.push(Key::End);
        keys.extend(chars("!"));
        keys.push(Key::Char('\x01'));
        keys.push(Key::Del);
        keys.push(Key::Char('\x05'));
        keys.push(Key::Backspace);
        assert_eq!(typed("vi vet", &keys).text(), "a, vi vet");
    }

    #[test]
    fn left_right_backspace_and_delete_edit_in_the_middle() {
        let keys = [
            Key::ArrowLeft,
            Key::ArrowLeft,
            Key::Backspace,
            Key::Char('X'),
            Key::ArrowRight,
            Key::Del,
            Key::ArrowRight,
            Key::ArrowRight,
            Key::Char('!'),
        ];
        let line = typed("abcd", &keys);
        assert_eq!(line.text(), "aXc!");
        assert_eq!(line.cursor(), 4);
    }

    #[test]
    fn a_combining_mark_goes_with_its_letter() {
        // "e" and a combining acute accent: one place on the screen.
        let line = typed("cafe\u{301}", &[Key::ArrowLeft]);
        assert_eq!(line.cursor(), 3);
        let line = typed("cafe\u{301}", &[Key::Backspace]);
        assert_eq!(line.text(), "caf");
        let line = typed(
            "cafe\u{301}!",
            &[Key::Home, Key::ArrowRight, Key::ArrowRight],
        );
        assert_eq!(line.cursor(), 2);
        let line = typed("e\u{301}x", &[Key::Home, Key::Del]);
        assert_eq!(line.text(), "x");
    }

    #[test]
    fn enter_esc_and_ctrl_c_end_the_line_and_control_keys_are_not_typed() {
        let mut line = LineState::new("svar");
        assert_eq!(line.apply(&Key::Enter), Step::Submit);
        assert_eq!(line.apply(&Key::Escape), Step::Escape);
        assert_eq!(line.apply(&Key::CtrlC), Step::Interrupt);
        assert_eq!(line.apply(&Key::Char('\x03')), Step::Interrupt);
        for key in [Key::Tab, Key::Char('\x07'), Key::ArrowUp, Key::PageDown] {
            assert_eq!(line.apply(&key), Step::Edited);
        }
        assert_eq!(line.text(), "svar");
    }

    #[test]
    fn the_layout_wraps_at_the_width_and_knows_the_cursor_row() {
        let line = LineState::new(&"x".repeat(15));
        // "? " + 15 = 17 cells on rows of 10: two rows, the cursor on the second.
        assert_eq!(
            layout("? ", &line, 10),
            Layout {
                cursor: (1, 7),
                last_row: 1
            }
        );
        // Exactly full rows: the cursor waits at the start of the next.
        let line = LineState::new(&"x".repeat(18));
        assert_eq!(
            layout("? ", &line, 10),
            Layout {
                cursor: (2, 0),
                last_row: 1
            }
        );
        let line = typed(&"x".repeat(18), &[Key::Home]);
        assert_eq!(layout("? ", &line, 10).cursor, (0, 2));
    }

    #[test]
    fn a_wide_character_at_the_edge_starts_the_next_row() {
        // Eight columns taken; "漢" needs two of the one left.
        let line = LineState::new("1234567漢字");
        let at = layout(">", &line, 9);
        assert_eq!(at.last_row, 1);
        assert_eq!(at.cursor, (1, 4));
        let line = typed("1234567漢字", &[Key::ArrowLeft, Key::ArrowLeft]);
        assert_eq!(layout(">", &line, 9).cursor, (1, 0));
    }

    #[test]
    fn the_confirmation_shows_a_long_answer_shortened_on_one_row() {
        let theme = dialoguer::theme::SimpleTheme;
        let answer = "ord ".repeat(40);
        let line = confirmation(&theme, "Vilket problem löser ni?", &answer, 80);
        assert_eq!(measure_text_width(&line), 80);
        assert!(
            line.starts_with("Vilket problem löser ni?: ord ord"),
            "{line}"
        );
        assert!(line.ends_with('…'), "{line}");
        let line = confirmation(&theme, &"Fråga ".repeat(30), "kort svar", 80);
        assert!(measure_text_width(&line) <= 80, "{line}");
        assert!(line.ends_with(": kort svar"), "{line}");
        assert_eq!(
            confirmation(&theme, "Vem?", "rad ett\nrad två", 80),
            "Vem?: rad ett rad två"
        );
    }
}
