//! A writer that lets no control character through but the line end and
//! the tab: a document dino prints (a report, a handbook) carries texts
//! from packs, workbooks and logs that colleagues wrote, and none of them
//! may steer the terminal it lands on. Control characters become `�`; a
//! carriage return is dropped, so CRLF reads as a line end.

use std::io::{self, Write};

/// The replacement for a control character, as UTF-8.
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

/// Wraps `inner`, replacing control characters in what is written to it.
/// Input must be UTF-8, as every document dino writes is.
pub struct VisibleWriter<W: Write> {
    inner: W,
    /// A 0xC2 byte held back: with the next byte it may be a C1 control
    /// (U+0080 to U+009F), which a write may have split.
    held: bool,
}

impl<W: Write> VisibleWriter<W> {
    pub fn new(inner: W) -> VisibleWriter<W> {
        VisibleWriter { inner, held: false }
    }
}

impl<W: Write> Write for VisibleWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 8);
        for &byte in buf {
            if std::mem::take(&mut self.held) {
                if (0x80..=0x9f).contains(&byte) {
                    out.extend_from_slice(REPLACEMENT);
                    continue;
                }
                out.push(0xc2);
            }
            match byte {
                b'\n' | b'\t' => out.push(byte),
                b'\r' => {}
                0x00..=0x1f | 0x7f => out.extend_from_slice(REPLACEMENT),
                0xc2 => self.held = true,
                _ => out.push(byte),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
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
    }
}
