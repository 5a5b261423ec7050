//! Splits a condition into tokens, each with its byte span.

use std::ops::Range;

use super::SyntaxError;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    Str(String),
    Num(f64),
    True,
    False,
    And,
    Or,
    Not,
    In,
    Eq,
    Ne,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    End,
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Str(s) => format!("'{s}'"),
            Tok::Num(n) => format!("`{n}`"),
            Tok::True => "`true`".into(),
            Tok::False => "`false`".into(),
            Tok::And => "`and`".into(),
            Tok::Or => "`or`".into(),
            Tok::Not => "`not`".into(),
            Tok::In => "`in`".into(),
            Tok::Eq => "`==`".into(),
            Tok::Ne => "`!=`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::End => String::new(),
        }
    }
}

pub type Spanned = (Tok, Range<usize>);

pub fn tokenize(src: &str) -> Result<Vec<Spanned>, SyntaxError> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            _ => None,
        };
        if let Some(tok) = single {
            chars.next();
            out.push((tok, start..start + 1));
            continue;
        }
        match c {
            '=' | '!' => {
                chars.next();
                if chars.next_if(|&(_, c)| c == '=').is_some() {
                    let tok = if c == '=' { Tok::Eq } else { Tok::Ne };
                    out.push((tok, start..start + 2));
                } else {
                    return Err(SyntaxError {
                        offset: start,
                        sv: format!("`{c}` ensamt betyder inget; menade du `{c}=`?"),
                        en: format!("`{c}` alone means nothing; did you mean `{c}=`?"),
                    });
                }
            }
            '\'' | '"' => {
                chars.next();
                let mut text = String::new();
                let mut end = None;
                for (i, ch) in chars.by_ref() {
                    if ch == c {
                        end = Some(i + 1);
                        break;
                    }
                    text.push(ch);
                }
                let Some(end) = end else {
                    return Err(SyntaxError {
                        offset: start,
                        sv: "strängen avslutas aldrig".into(),
                        en: "the string is never closed".into(),
                    });
                };
                out.push((Tok::Str(text), start..end));
            }
            c if c.is_ascii_digit() || c == '-' => {
                let mut end = start;
                while let Some((i, ch)) =
                    chars.next_if(|&(_, ch)| ch.is_ascii_digit() || ch == '.' || ch == '-')
                {
                    end = i + ch.len_utf8();
                }
                let text = &src[start..end];
                let value: f64 = text.parse().map_err(|_| SyntaxError {
                    offset: start,
                    sv: format!("`{text}` är inget tal"),
                    en: format!("`{text}` is not a number"),
                })?;
                out.push((Tok::Num(value), start..end));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = start;
                while let Some((i, ch)) = chars
                    .next_if(|&(_, ch)| ch.is_alphanumeric() || ch == '_' || ch == '-' || ch == '.')
                {
                    end = i + ch.len_utf8();
                }
                let word = &src[start..end];
                let tok = match word {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::In,
                    "true" => Tok::True,
                    "false" => Tok::False,
                    _ => Tok::Ident(word.to_string()),
                };
                out.push((tok, start..end));
            }
            other => {
                return Err(SyntaxError {
                    offset: start,
                    sv: format!("oväntat tecken `{other}`"),
                    en: format!("unexpected character `{other}`"),
                });
            }
        }
    }
    out.push((Tok::End, src.len()..src.len()));
    Ok(out)
}
