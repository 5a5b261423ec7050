//! The condition language of `when`: a small expression over profile answers
//! and earlier items, parsed once when a pack loads and evaluated as answers
//! come in. See docs/pack-format.md, "Conditions".

mod eval;
mod lexer;
mod parser;

use std::fmt;
use std::ops::Range;

pub use eval::{Answers, Value};
pub use parser::{MAX_NESTING, MAX_TERMS, parse};

/// A parsed `when` expression, with the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub source: String,
    pub expr: Expr,
}

impl Condition {
    /// Whether the condition holds for these answers.
    pub fn holds(&self, answers: &dyn Answers) -> bool {
        self.expr.truth(answers)
    }

    /// Every name the condition reads, with its place in the source.
    pub fn names(&self) -> Vec<(&Name, &Range<usize>)> {
        let mut out = Vec::new();
        self.expr.collect_names(&mut out);
        out
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A name in a condition: a profile item (`procurement`) or an item of a
/// phase (`fokusera.mandat`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub phase: Option<String>,
    pub item: String,
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.phase {
            Some(phase) => write!(f, "{phase}.{}", self.item),
            None => f.write_str(&self.item),
        }
    }
}

/// A literal value written in a condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Str(String),
    Num(f64),
    Bool(bool),
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write!(f, "'{s}'"),
            Literal::Num(n) => write!(f, "{n}"),
            Literal::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// How two operands are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    In,
}

/// The syntax tree of a condition. Spans are byte ranges in the source.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Lit(Literal, Range<usize>),
    Ref(Name, Range<usize>),
    List(Vec<(Literal, Range<usize>)>, Range<usize>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
}

impl Expr {
    fn collect_names<'a>(&'a self, out: &mut Vec<(&'a Name, &'a Range<usize>)>) {
        match self {
            Expr::Ref(name, span) => out.push((name, span)),
            Expr::Lit(..) | Expr::List(..) => {}
            Expr::Not(e) => e.collect_names(out),
            Expr::And(l, r) | Expr::Or(l, r) | Expr::Cmp(_, l, r) => {
                l.collect_names(out);
                r.collect_names(out);
            }
        }
    }

    /// Every comparison in the expression, for checks of literal against name.
    pub fn comparisons(&self) -> Vec<(CmpOp, &Expr, &Expr)> {
        let mut out = Vec::new();
        self.collect_comparisons(&mut out);
        out
    }

    fn collect_comparisons<'a>(&'a self, out: &mut Vec<(CmpOp, &'a Expr, &'a Expr)>) {
        match self {
            Expr::Cmp(op, l, r) => {
                out.push((*op, l, r));
                l.collect_comparisons(out);
                r.collect_comparisons(out);
            }
            Expr::Not(e) => e.collect_comparisons(out),
            Expr::And(l, r) | Expr::Or(l, r) => {
                l.collect_comparisons(out);
                r.collect_comparisons(out);
            }
            Expr::Lit(..) | Expr::Ref(..) | Expr::List(..) => {}
        }
    }
}

/// A condition that does not parse: where, and what was wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// Byte offset in the condition's source.
    pub offset: usize,
    pub sv: String,
    pub en: String,
}

impl SyntaxError {
    pub fn message(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.sv, &self.en)
    }
}
