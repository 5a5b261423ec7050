//! Splits a condition into tokens, each with its byte span.

use std::iter::Peekable;
use std::ops::Range;
use std::str::CharIndices;

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

/// The characters of a condition still to read, with their offsets.
type Chars<'a> = Peekable<CharIndices<'a>>;

/// A condition's tokens, ending with [`Tok::End`]; or where and why it
/// cannot be split.
pub fn tokenize(src: &str) -> Result<Vec<Spanned>, SyntaxError> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let token = match c {
            '(' | ')' | '[' | ']' | ',' => {
                chars.next();
                (punctuation(c), start..start + 1)
            }
            '=' | '!' => comparison(&mut chars, start, c)?,
            '\'' | '"' => string(&mut chars, start, c)?,
            c if c.is_ascii_digit() || c == '-' => number(src, &mut chars, start)?,
            c if c.is_alphabetic() || c == '_' => word(src, &mut chars, start),
            other => {
                return Err(SyntaxError {
                    offset: start,
                    sv: format!("oväntat tecken `{other}`"),
                    en: format!("unexpected character `{other}`"),
                });
            }
        };
        out.push(token);
    }
    out.push((Tok::End, src.len()..src.len()));
    Ok(out)
}

/// A one-character token: a parenthesis, a bracket or a comma.
fn punctuation(c: char) -> Tok {
    match c {
        '(' => Tok::LParen,
        ')' => Tok::RParen,
        '[' => Tok::LBracket,
        ']' => Tok::RBracket,
        _ => Tok::Comma,
    }
}

/// `==` or `!=`, from its first character `c` at `start`.
fn comparison(chars: &mut Chars<'_>, start: usize, c: char) -> Result<Spanned, SyntaxError> {
    chars.next();
    if chars.next_if(|&(_, c)| c == '=').is_none() {
        return Err(SyntaxError {
            offset: start,
            sv: format!("`{c}` ensamt betyder inget; menade du `{c}=`?"),
            en: format!("`{c}` alone means nothing; did you mean `{c}=`?"),
        });
    }
    let tok = if c == '=' { Tok::Eq } else { Tok::Ne };
    Ok((tok, start..start + 2))
}

/// A string in `quote`s (no escapes), from its opening quote at `start`.
fn string(chars: &mut Chars<'_>, start: usize, quote: char) -> Result<Spanned, SyntaxError> {
    chars.next();
    let mut text = String::new();
    for (i, ch) in chars.by_ref() {
        if ch == quote {
            return Ok((Tok::Str(text), start..i + 1));
        }
        text.push(ch);
    }
    Err(SyntaxError {
        offset: start,
        sv: "strängen avslutas aldrig".into(),
        en: "the string is never closed".into(),
    })
}

/// A number: digits, `.` and `-`, from `start`.
fn number(src: &str, chars: &mut Chars<'_>, start: usize) -> Result<Spanned, SyntaxError> {
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
    Ok((Tok::Num(value), start..end))
}

/// A keyword or a name (`phase.item`, `a-b`), from `start`.
fn word(src: &str, chars: &mut Chars<'_>, start: usize) -> Spanned {
    let mut end = start;
    while let Some((i, ch)) =
        chars.next_if(|&(_, ch)| ch.is_alphanumeric() || ch == '_' || ch == '-' || ch == '.')
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
    (tok, start..end)
}
