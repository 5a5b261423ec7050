//! A writer that lets no control character through but the line end and
//! the tab: a document dino prints (a report, a handbook) carries texts
//! from packs, workbooks and logs that colleagues wrote, and none of them
//! may steer the terminal it lands on, nor show its text in another order
//! than it is written. Control characters and bidirectional overrides
//! become `�` (see [`super::terminal_md::steers`]); a carriage return is
//! dropped, so CRLF reads as a line end.

use std::io::{self, Write};

/// The replacement for a control character, as UTF-8.
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

/// Wraps `inner`, replacing control characters in what is written to it.
/// Input must be UTF-8, as every document dino writes is.
pub struct VisibleWriter<W: Write> {
    inner: W,
    /// The first bytes of a character a write split: with the bytes that
    /// follow, it may be a C1 control (U+0080 to U+009F) or an override.
    held: Vec<u8>,
}

impl<W: Write> VisibleWriter<W> {
    pub fn new(inner: W) -> VisibleWriter<W> {
        VisibleWriter {
            inner,
            held: Vec::with_capacity(4),
        }
    }
}

/// How many bytes the UTF-8 character that starts with `lead` has.
fn char_len(lead: u8) -> usize {
    match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// Whether a byte is plain, passed on as it is: printable ASCII, a line
/// end or a tab, a continuation byte, or the lead byte of a character that
/// cannot steer. Only the leads `0xc2` (U+0080 to U+00BF, where the C1
/// controls are) and `0xe2` (U+2000 to U+2FFF, where the overrides are)
/// can begin one that does.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(
            byte as u8,
            0x20..=0x7e | b'\n' | b'\t' | 0x80..=0xbf | 0xc3..=0xe1 | 0xe3..=0xf4
        );
        byte += 1;
    }
    table
};

/// How many bytes at the start of `bytes` are plain. Eight bytes of
/// printable ASCII, most of a document, are passed over as one word.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let first_not_plain = |bytes: &[u8]| bytes.iter().position(|b| !PLAIN[usize::from(*b)]);
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_ne_bytes(word.try_into().unwrap_or_default());
        // Whether a byte is below a space, or above `~` (0x7e).
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        let above_tilde = (w.wrapping_add(ONES) | w) & HIGH;
        if below_space | above_tilde != 0
            && let Some(i) = first_not_plain(word)
        {
            return at + i;
        }
        at += 8;
    }
    at + first_not_plain(words.remainder()).unwrap_or(words.remainder().len())
}

impl<W: Write> Write for VisibleWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut at = 0;
        while at < buf.len() {
            // Most of a document is plain: passed on a run at a time.
            if self.held.is_empty() {
                let run = plain_run(&buf[at..]);
                self.inner.write_all(&buf[at..at + run])?;
                at += run;
                if at == buf.len() {
                    break;
                }
            }
            let byte = buf[at];
            at += 1;
            self.one(byte)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A character cut off at the very end is passed on as it came.
        let held = std::mem::take(&mut self.held);
        self.inner.write_all(&held)?;
        self.inner.flush()
    }
}

impl<W: Write> VisibleWriter<W> {
    /// Passes on one byte that is not plain, or that follows the first
    /// bytes of a character held back.
    fn one(&mut self, byte: u8) -> io::Result<()> {
        if !self.held.is_empty() {
            if byte & 0xc0 == 0x80 {
                self.held.push(byte);
                if self.held.len() < char_len(self.held[0]) {
                    return Ok(());
                }
                let steers = std::str::from_utf8(&self.held)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .is_some_and(super::terminal_md::steers);
                let written = self
                    .inner
                    .write_all(if steers { REPLACEMENT } else { &self.held });
                self.held.clear();
                return written;
            }
            // Not UTF-8 after all: passed on as it came.
            self.inner.write_all(&self.held)?;
            self.held.clear();
        }
        match byte {
            b'\n' | b'\t' => self.inner.write_all(&[byte]),
            b'\r' => Ok(()),
            0x00..=0x1f | 0x7f => self.inner.write_all(REPLACEMENT),
            0x80.. if char_len(byte) > 1 => {
                self.held.push(byte);
                Ok(())
            }
            _ => self.inner.write_all(&[byte]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What comes out of the writer when `pieces` are written one by one.
    fn through(pieces: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut writer = VisibleWriter::new(&mut out);
        for piece in pieces {
            writer.write_all(piece).expect("write");
        }
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn control_characters_become_visible_and_text_stays() {
        assert_eq!(
            through(&["a\u{1b}]0;PWNED\u{7}b\r\n\tc\u{7f}".as_bytes()]),
            "a\u{fffd}]0;PWNED\u{fffd}b\n\tc\u{fffd}"
        );
        assert_eq!(
            through(&["å ä ö ¢ © \u{85}x ☕ 👩‍👩‍👧".as_bytes()]),
            "å ä ö ¢ © \u{fffd}x ☕ 👩‍👩‍👧"
        );
    }

    #[test]
    fn a_control_character_split_between_writes_is_still_caught() {
        let csi = "\u{9b}".as_bytes();
        assert_eq!(through(&[b"a", &csi[..1], &csi[1..], b"b"]), "a\u{fffd}b");
        let cent = "¢".as_bytes();
        assert_eq!(through(&[&cent[..1], &cent[1..]]), "¢");
        // Bytes that are not UTF-8 after all are passed on; what follows
        // them is still caught.
        let mut out = Vec::new();
        VisibleWriter::new(&mut out)
            .write_all(&[0xe2, 0x1b, b'x', 0xc2])
            .and_then(|()| VisibleWriter::new(&mut out).flush())
            .expect("write");
        assert_eq!(out, [&[0xe2][..], REPLACEMENT, b"x"].concat());
        // A bidirectional override, cut in every place.
        let rlo = "\u{202e}".as_bytes();
        assert_eq!(
            through(&[b"a", &rlo[..1], &rlo[1..2], &rlo[2..], b"b"]),
            "a\u{fffd}b"
        );
        assert_eq!(through(&[&rlo[..2], &rlo[2..]]), "\u{fffd}");
        let text = "å\u{202e}ä\u{2066}ö\u{2069} ☕ 👩‍👩‍👧 \u{200f}";
        for cut in 0..text.len() {
            let (a, b) = text.as_bytes().split_at(cut);
            assert_eq!(
                through(&[a, b]),
                "å\u{fffd}ä\u{fffd}ö\u{fffd} ☕ 👩‍👩‍👧 \u{200f}",
                "{cut}"
            );
        }
    }

    #[test]
    fn every_character_is_treated_as_one_at_a_time_would_be() {
        // Every character from U+0000 to U+2FFF, and some above, in one
        // write and cut at every third byte: the same as shown one by one.
        let text: String = (0u32..0x3000)
            .chain([0xfeff, 0x1f469, 0x10ffff])
            .filter_map(char::from_u32)
            .collect();
        let shown = |c: char| {
            if c == '\r' {
                String::new()
            } else if crate::text::terminal_md::steers(c) && !matches!(c, '\n' | '\t') {
                "\u{fffd}".to_string()
            } else {
                c.to_string()
            }
        };
        let one_by_one: String = text.chars().map(shown).collect();
        assert_eq!(through(&[text.as_bytes()]), one_by_one);
        let pieces: Vec<&[u8]> = text.as_bytes().chunks(3).collect();
        assert_eq!(through(&pieces), one_by_one);
    }

    #[test]
    fn a_run_of_plain_bytes_ends_where_one_at_a_time_would_end_it() {
        // Every byte value, at every place in and around an eight-byte
        // word, among printable ASCII.
        for byte in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = b"plain text, twenty b".to_vec();
                bytes[at] = byte;
                let one_at_a_time = bytes
                    .iter()
                    .position(|b| !PLAIN[usize::from(*b)])
                    .unwrap_or(bytes.len());
                assert_eq!(plain_run(&bytes), one_at_a_time, "{byte:#x} at {at}");
            }
        }
    }
}
