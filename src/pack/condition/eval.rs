//! Evaluating a condition against answers. An unanswered name is false
//! alone, equal to nothing and in no list; `!=` is the negation of `==`.

use super::{CmpOp, Expr, Literal, Name};

/// An answer as a condition sees it; read from TOML as its plain value
/// (a profile answer in `pack-snapshot.toml`).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Value>),
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Num(_) => true,
            Value::Str(s) => !s.is_empty(),
            Value::List(items) => !items.is_empty(),
        }
    }
}

impl From<&Literal> for Value {
    fn from(lit: &Literal) -> Value {
        match lit {
            Literal::Str(s) => Value::Str(s.clone()),
            Literal::Num(n) => Value::Num(*n),
            Literal::Bool(b) => Value::Bool(*b),
        }
    }
}

/// Where a condition reads its names' answers from.
pub trait Answers {
    /// The current answer to a name; `None` when unanswered or not applicable.
    fn value(&self, name: &Name) -> Option<Value>;
}

impl Expr {
    /// Whether the expression holds.
    pub(super) fn truth(&self, answers: &dyn Answers) -> bool {
        match self {
            Expr::Not(e) => !e.truth(answers),
            Expr::And(l, r) => l.truth(answers) && r.truth(answers),
            Expr::Or(l, r) => l.truth(answers) || r.truth(answers),
            Expr::Cmp(CmpOp::Eq, l, r) => equal(l.value(answers), r.value(answers)),
            Expr::Cmp(CmpOp::Ne, l, r) => !equal(l.value(answers), r.value(answers)),
            Expr::Cmp(CmpOp::In, l, r) => member(l.value(answers), r.value(answers)),
            Expr::Lit(..) | Expr::Ref(..) | Expr::List(..) => {
                self.value(answers).is_some_and(|v| v.truthy())
            }
        }
    }

    fn value(&self, answers: &dyn Answers) -> Option<Value> {
        match self {
            Expr::Lit(lit, _) => Some(lit.into()),
            Expr::Ref(name, _) => answers.value(name),
            Expr::List(items, _) => {
                Some(Value::List(items.iter().map(|(l, _)| l.into()).collect()))
            }
            Expr::Not(..) | Expr::And(..) | Expr::Or(..) | Expr::Cmp(..) => {
                Some(Value::Bool(self.truth(answers)))
            }
        }
    }
}

fn equal(left: Option<Value>, right: Option<Value>) -> bool {
    match (left, right) {
        (Some(Value::List(a)), Some(Value::List(b))) => {
            a.len() == b.len() && a.iter().all(|x| b.contains(x))
        }
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn member(needle: Option<Value>, hay: Option<Value>) -> bool {
    match (needle, hay) {
        (Some(needle), Some(Value::List(items))) => items.contains(&needle),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::parse;
    use super::*;

    struct Map(BTreeMap<String, Value>);

    impl Answers for Map {
        fn value(&self, name: &Name) -> Option<Value> {
            self.0.get(&name.to_string()).cloned()
        }
    }

    fn answers() -> Map {
        let s = |v: &str| Value::Str(v.into());
        Map(BTreeMap::from([
            ("procurement".into(), s("maybe")),
            ("personal_data".into(), Value::Bool(true)),
            ("funding".into(), Value::Bool(false)),
            ("empty".into(), s("")),
            ("p.scale".into(), Value::Num(4.0)),
            (
                "p.multi".into(),
                Value::List(vec![s("komvux"), s("region")]),
            ),
        ]))
    }

    #[track_caller]
    fn case(src: &str, expected: bool) {
        let cond = parse(src).unwrap_or_else(|e| panic!("{src}: {}", e.en));
        assert_eq!(cond.holds(&answers()), expected, "{src}");
    }

    #[test]
    fn evaluates_against_answers() {
        case("personal_data", true);
        case("funding", false);
        case("not funding", true);
        case("empty", false);
        case("unanswered", false);
        case("procurement == 'maybe'", true);
        case("procurement != 'none'", true);
        case("procurement in ['yes', 'maybe']", true);
        case("procurement in ['yes']", false);
        case("'komvux' in p.multi", true);
        case("'folkhogskola' in p.multi", false);
        case("p.scale == 4", true);
        case("p.scale in [4, 5]", true);
        case("personal_data == true", true);
        case("funding or procurement == 'maybe' and personal_data", true);
        case(
            "(funding or procurement == 'none') and personal_data",
            false,
        );
        case("p.multi == ['region', 'komvux']", true);
    }

    #[test]
    fn an_unanswered_name_equals_nothing() {
        case("unanswered == 'x'", false);
        case("unanswered != 'x'", true);
        case("'x' in unanswered", false);
        case("unanswered in ['x']", false);
        case("not unanswered", true);
    }
}
