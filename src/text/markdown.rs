//! Writing plain text into Markdown so that it reads back as the same text.

/// Escapes plain text for use inside a Markdown paragraph, heading, list
/// item or emphasis: every character that could start inline syntax gets a
/// backslash, as does a list marker at the start, and line breaks become
/// spaces (plain texts are one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = text.chars().nth(digits + 1);
    let marker_at = match text.chars().nth(digits) {
        Some('.' | ')') if digits > 0 && after.is_none_or(|c| matches!(c, ' ' | '\t')) => {
            Some(digits)
        }
        Some('-' | '+') if digits == 0 => Some(0),
        _ => None,
    };
    for (i, c) in text.chars().enumerate() {
        if Some(i) == marker_at {
            out.push('\\');
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Wraps text in a code span that holds it whatever backticks it contains.
pub fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!(
        "{fence}{pad}{}{pad}{fence}",
        text.replace(['\r', '\n'], " ")
    )
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser};

    use super::*;

    /// The text a Markdown snippet reads as.
    fn read_back(markdown: &str) -> String {
        Parser::new_ext(markdown, pulldown_cmark::Options::all())
            .filter_map(|event| match event {
                Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    const HOSTILE: [&str; 16] = [
        "plain words",
        "a | b | c",
        "- [x] done",
        "# not a heading",
        "<script>alert(1)</script>",
        "*stars* and _under_ and `ticks`",
        "[link](javascript:alert(1))",
        "&amp; &#x41;",
        "1. first",
        "2.5 hours",
        "1.",
        "back\\slash",
        "~~strike~~",
        "![img](x.png)",
        "Välfärd & lärande ☕ مرحبا",
        "``` fence",
    ];

    #[test]
    fn escaped_text_reads_back_unchanged() {
        for text in HOSTILE {
            assert_eq!(
                read_back(&format!("**1. {}**", escape(text))),
                format!("1. {text}"),
                "{text}"
            );
            assert_eq!(read_back(&format!("## {}", escape(text))), text, "{text}");
            assert_eq!(read_back(&format!("- {}", escape(text))), text, "{text}");
        }
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        for text in ["a == 'b'", "x ` y", "``double``", "`edge"] {
            assert_eq!(read_back(&code(text)), text, "{text}");
        }
    }
}
