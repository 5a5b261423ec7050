//! A recursive-descent parser for conditions. Precedence, from tightest:
//! comparisons (`==`, `!=`, `in`), then `not`, then `and`, then `or`.
//! Nesting and length are bounded ([`MAX_NESTING`], [`MAX_TERMS`]), so that
//! neither the parser nor anything walking the tree runs out of stack.

use std::ops::Range;

use super::lexer::{Spanned, Tok, tokenize};
use super::{CmpOp, Condition, Expr, Literal, Name, SyntaxError};

/// The deepest parentheses and `not` may nest in a condition.
pub const MAX_NESTING: usize = 32;

/// The most names and values (a list counting as one) a condition holds.
pub const MAX_TERMS: usize = 256;

/// Parses a `when` expression.
pub fn parse(src: &str) -> Result<Condition, SyntaxError> {
    let tokens = tokenize(src)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        terms: 0,
    };
    if parser.peek() == &Tok::End {
        return Err(SyntaxError {
            offset: 0,
            sv: "villkoret är tomt".into(),
            en: "the condition is empty".into(),
        });
    }
    let expr = parser.or()?;
    match parser.peek() {
        Tok::End => Ok(Condition {
            source: src.to_string(),
            expr,
        }),
        Tok::Eq | Tok::Ne | Tok::In => Err(parser.error(
            "jämförelser kan inte kedjas; sätt parenteser och `and` emellan".into(),
            "comparisons do not chain; use parentheses and `and`".into(),
        )),
        other => {
            let what = other.describe();
            Err(parser.error(
                format!("väntade `and`, `or` eller slutet, fann {what}"),
                format!("expected `and`, `or` or the end, found {what}"),
            ))
        }
    }
}

struct Parser {
    tokens: Vec<Spanned>,
    pos: usize,
    /// How many parentheses and `not` enclose the current token.
    depth: usize,
    /// How many names and values have been read.
    terms: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].0
    }

    fn span(&self) -> Range<usize> {
        self.tokens[self.pos].1.clone()
    }

    fn bump(&mut self) -> Spanned {
        let tok = self.tokens[self.pos].clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        tok
    }

    fn error(&self, sv: String, en: String) -> SyntaxError {
        SyntaxError {
            offset: self.span().start,
            sv,
            en,
        }
    }

    /// Goes one level deeper (into `(` or `not`), refusing to go too deep;
    /// the caller comes back up with [`Parser::shallower`].
    fn deeper(&mut self, at: &Range<usize>) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(SyntaxError {
                offset: at.start,
                sv: format!(
                    "villkoret är nästlat djupare än {MAX_NESTING} nivåer (parenteser och `not`); förenkla det"
                ),
                en: format!(
                    "the condition nests deeper than {MAX_NESTING} levels (parentheses and `not`); simplify it"
                ),
            });
        }
        Ok(())
    }

    fn shallower(&mut self) {
        self.depth -= 1;
    }

    /// Counts one more name or value, refusing too many.
    fn term(&mut self, at: &Range<usize>) -> Result<(), SyntaxError> {
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(SyntaxError {
                offset: at.start,
                sv: format!(
                    "villkoret har fler än {MAX_TERMS} namn och värden; dela upp det på flera punkter"
                ),
                en: format!(
                    "the condition has more than {MAX_TERMS} names and values; split it over several items"
                ),
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.and()?;
        while self.peek() == &Tok::Or {
            self.bump();
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.not()?;
        while self.peek() == &Tok::And {
            self.bump();
            let right = self.not()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, SyntaxError> {
        if self.peek() == &Tok::Not {
            let at = self.bump().1;
            self.deeper(&at)?;
            let inner = self.not()?;
            self.shallower();
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, SyntaxError> {
        let left = self.primary()?;
        let op = match self.peek() {
            Tok::Eq => CmpOp::Eq,
            Tok::Ne => CmpOp::Ne,
            Tok::In => CmpOp::In,
            _ => return Ok(left),
        };
        self.bump();
        let right = self.primary()?;
        Ok(Expr::Cmp(op, Box::new(left), Box::new(right)))
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let (tok, span) = self.bump();
        match tok {
            Tok::LParen => {
                self.deeper(&span)?;
                let inner = self.or()?;
                self.shallower();
                if self.peek() != &Tok::RParen {
                    return Err(self.error(
                        format!("`(` vid tecken {} stängs aldrig", span.start + 1),
                        format!("`(` at character {} is never closed", span.start + 1),
                    ));
                }
                self.bump();
                Ok(inner)
            }
            Tok::LBracket => {
                self.term(&span)?;
                self.list(span)
            }
            Tok::Ident(word) => {
                self.term(&span)?;
                name(&word, span)
            }
            other => match literal(&other) {
                Some(lit) => {
                    self.term(&span)?;
                    Ok(Expr::Lit(lit, span))
                }
                None => {
                    self.pos -= usize::from(other != Tok::End);
                    let what = other.describe();
                    Err(if other == Tok::End {
                        self.error(
                            "villkoret slutar mitt i; ett namn eller värde saknas".into(),
                            "the condition ends too soon; a name or value is missing".into(),
                        )
                    } else {
                        self.error(
                            format!("väntade ett namn eller värde, fann {what}"),
                            format!("expected a name or a value, found {what}"),
                        )
                    })
                }
            },
        }
    }

    fn list(&mut self, open: Range<usize>) -> Result<Expr, SyntaxError> {
        let mut items = Vec::new();
        loop {
            if self.peek() == &Tok::RBracket {
                let close = self.bump().1;
                return Ok(Expr::List(items, open.start..close.end));
            }
            let (tok, span) = self.bump();
            let Some(lit) = literal(&tok) else {
                self.pos -= usize::from(tok != Tok::End);
                let what = tok.describe();
                return Err(self.error(
                    format!("en lista tar bara värden ('text', tal, true, false), fann {what}"),
                    format!(
                        "a list holds only values ('text', numbers, true, false), found {what}"
                    ),
                ));
            };
            items.push((lit, span));
            match self.peek() {
                Tok::Comma => {
                    self.bump();
                }
                Tok::RBracket => {}
                _ => {
                    return Err(self.error(
                        "väntade `,` eller `]` i listan".into(),
                        "expected `,` or `]` in the list".into(),
                    ));
                }
            }
        }
    }
}

fn literal(tok: &Tok) -> Option<Literal> {
    match tok {
        Tok::Str(s) => Some(Literal::Str(s.clone())),
        Tok::Num(n) => Some(Literal::Num(*n)),
        Tok::True => Some(Literal::Bool(true)),
        Tok::False => Some(Literal::Bool(false)),
        _ => None,
    }
}

fn name(word: &str, span: Range<usize>) -> Result<Expr, SyntaxError> {
    let parts: Vec<&str> = word.split('.').collect();
    let valid = |part: &str| !part.is_empty();
    let name = match parts.as_slice() {
        [item] if valid(item) => Name {
            phase: None,
            item: item.to_string(),
        },
        [phase, item] if valid(phase) && valid(item) => Name {
            phase: Some(phase.to_string()),
            item: item.to_string(),
        },
        _ => {
            return Err(SyntaxError {
                offset: span.start,
                sv: format!("`{word}` är inget namn; skriv `profilfråga` eller `fas.punkt`"),
                en: format!("`{word}` is not a name; write `profile_item` or `phase.item`"),
            });
        }
    };
    Ok(Expr::Ref(name, span))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prints a tree with full parentheses, to check grouping.
    fn shape(e: &Expr) -> String {
        match e {
            Expr::Lit(l, _) => l.to_string(),
            Expr::Ref(n, _) => n.to_string(),
            Expr::List(items, _) => {
                let inner: Vec<String> = items.iter().map(|(l, _)| l.to_string()).collect();
                format!("[{}]", inner.join(", "))
            }
            Expr::Not(e) => format!("(not {})", shape(e)),
            Expr::And(l, r) => format!("({} and {})", shape(l), shape(r)),
            Expr::Or(l, r) => format!("({} or {})", shape(l), shape(r)),
            Expr::Cmp(op, l, r) => {
                let op = match op {
                    CmpOp::Eq => "==",
                    CmpOp::Ne => "!=",
                    CmpOp::In => "in",
                };
                format!("({} {op} {})", shape(l), shape(r))
            }
        }
    }

    #[track_caller]
    fn parses(src: &str, expected: &str) {
        let cond = parse(src).unwrap_or_else(|e| panic!("{src}: {}", e.en));
        assert_eq!(shape(&cond.expr), expected, "{src}");
    }

    #[track_caller]
    fn fails(src: &str, offset: usize, message: &str) {
        let err = parse(src).expect_err(src);
        assert_eq!((err.offset, err.en.as_str()), (offset, message), "{src}");
    }

    #[test]
    fn precedence_and_grouping() {
        parses("a", "a");
        parses("p.i == 'x'", "(p.i == 'x')");
        parses("not a == 'x' or b and c", "((not (a == 'x')) or (b and c))");
        parses("a or b and c", "(a or (b and c))");
        parses("a and b or c", "((a and b) or c)");
        parses("(a or b) and c", "((a or b) and c)");
        parses("not not a", "(not (not a))");
        parses("not (a and b)", "(not (a and b))");
        parses("a in ['x', \"y\"]", "(a in ['x', 'y'])");
        parses("'komvux' in init.aktorer", "('komvux' in init.aktorer)");
        parses("n == 2.5 or s != -1", "((n == 2.5) or (s != -1))");
        parses("x == true", "(x == true)");
        parses("a in []", "(a in [])");
        parses("  beslut_niva-2  ", "beslut_niva-2");
    }

    #[test]
    fn errors_point_at_the_problem() {
        fails("", 0, "the condition is empty");
        fails(
            "a ==",
            4,
            "the condition ends too soon; a name or value is missing",
        );
        fails("a = 'x'", 2, "`=` alone means nothing; did you mean `==`?");
        fails("a == 'x", 5, "the string is never closed");
        fails("(a or b", 7, "`(` at character 1 is never closed");
        fails(
            "a == b == c",
            7,
            "comparisons do not chain; use parentheses and `and`",
        );
        fails("a b", 2, "expected `and`, `or` or the end, found `b`");
        fails("a and or b", 6, "expected a name or a value, found `or`");
        fails(
            "a in [b]",
            6,
            "a list holds only values ('text', numbers, true, false), found `b`",
        );
        fails("a in ['x' 'y']", 10, "expected `,` or `]` in the list");
        fails(
            "a.b.c",
            0,
            "`a.b.c` is not a name; write `profile_item` or `phase.item`",
        );
        fails("a == 'x' && b", 9, "unexpected character `&`");
        fails("1-2 == a", 0, "`1-2` is not a number");
    }

    #[test]
    fn nesting_and_length_are_bounded() {
        let nested = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        parses(&nested(MAX_NESTING), "a");
        let deep = "the condition nests deeper than 32 levels (parentheses and `not`); simplify it";
        fails(&nested(MAX_NESTING + 1), MAX_NESTING, deep);
        fails(&nested(7_000), MAX_NESTING, deep);
        let nots = |n: usize| format!("{}a", "not ".repeat(n));
        assert!(parse(&nots(MAX_NESTING)).is_ok());
        fails(&nots(200_000), 4 * MAX_NESTING, deep);
        fails(&"(not ".repeat(5_000), 5 * 16, deep);
        let terms = |n: usize| vec!["a == 'x'"; n].join(" and ");
        assert!(parse(&terms(MAX_TERMS / 2)).is_ok());
        let many = "the condition has more than 256 names and values; split it over several items";
        let at = terms(MAX_TERMS / 2).len() + " and ".len();
        fails(&terms(MAX_TERMS / 2 + 1), at, many);
        fails(&vec!["a"; 47_500].join(" and "), 6 * MAX_TERMS, many);
        fails(&vec!["a"; 47_500].join(" or "), 5 * MAX_TERMS, many);
        // A long list of values is one term.
        let list = format!("a in [{}]", vec!["'x'"; 10_000].join(", "));
        assert!(parse(&list).is_ok());
    }
}
