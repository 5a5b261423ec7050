//! A condition in words, for people: names become the questions' prompts
//! and option ids their labels (`procurement != 'none'` reads “Will we need
//! to buy anything?” is not “No”).

use crate::i18n::Lang;
use crate::pack::condition::{CmpOp, Condition, Expr, Literal, Name};
use crate::pack::{Kind, Pack};

/// Describes a condition in the given language.
pub fn describe(condition: &Condition, pack: &Pack, lang: Lang) -> String {
    words(&condition.expr, pack, lang, false)
}

fn words(expr: &Expr, pack: &Pack, lang: Lang, nested: bool) -> String {
    let group = |s: String| if nested { format!("({s})") } else { s };
    match expr {
        Expr::Ref(name, _) => match pack.item(name).map(|i| &i.kind) {
            Some(Kind::Check) => {
                let prompt = prompt(name, pack, lang);
                crate::tr!(lang, "{prompt} = ja", "{prompt} = yes")
            }
            _ => {
                let prompt = prompt(name, pack, lang);
                crate::tr!(lang, "{prompt} är besvarad", "{prompt} is answered")
            }
        },
        Expr::Lit(lit, _) => literal(lit, None, pack, lang),
        Expr::List(items, _) => items
            .iter()
            .map(|(lit, _)| literal(lit, None, pack, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Expr::Not(inner) => {
            let inner = words(inner, pack, lang, true);
            crate::tr!(lang, "inte {inner}", "not {inner}")
        }
        Expr::And(l, r) => {
            let (l, r) = (words(l, pack, lang, true), words(r, pack, lang, true));
            group(crate::tr!(lang, "{l} och {r}", "{l} and {r}"))
        }
        Expr::Or(l, r) => {
            let (l, r) = (words(l, pack, lang, true), words(r, pack, lang, true));
            group(crate::tr!(lang, "{l} eller {r}", "{l} or {r}"))
        }
        Expr::Cmp(op, l, r) => comparison(*op, l, r, pack, lang),
    }
}

fn comparison(op: CmpOp, left: &Expr, right: &Expr, pack: &Pack, lang: Lang) -> String {
    let subject = match (left, right) {
        (Expr::Ref(name, _), _) | (_, Expr::Ref(name, _)) => Some(name),
        _ => None,
    };
    let side = |e: &Expr| match e {
        Expr::Ref(name, _) => prompt(name, pack, lang),
        Expr::Lit(lit, _) => literal(lit, subject, pack, lang),
        Expr::List(items, _) => {
            let labels: Vec<String> = items
                .iter()
                .map(|(lit, _)| literal(lit, subject, pack, lang))
                .collect();
            join_alternatives(&labels, lang)
        }
        other => words(other, pack, lang, true),
    };
    let (l, r) = (side(left), side(right));
    match op {
        CmpOp::Eq => crate::tr!(lang, "{l} är {r}", "{l} is {r}"),
        CmpOp::Ne => crate::tr!(lang, "{l} är inte {r}", "{l} is not {r}"),
        CmpOp::In if matches!(right, Expr::List(..)) => {
            crate::tr!(lang, "{l} är {r}", "{l} is {r}")
        }
        CmpOp::In => crate::tr!(lang, "{r} omfattar {l}", "{r} includes {l}"),
    }
}

fn join_alternatives(labels: &[String], lang: Lang) -> String {
    match labels {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let init = init.join(", ");
            crate::tr!(lang, "{init} eller {last}", "{init} or {last}")
        }
    }
}

fn prompt(name: &Name, pack: &Pack, lang: Lang) -> String {
    match pack.item(name) {
        Some(item) => lang.quote(item.prompt.get(lang)),
        None => format!("`{name}`"),
    }
}

/// A literal, as the label of the option it names where there is one.
fn literal(lit: &Literal, subject: Option<&Name>, pack: &Pack, lang: Lang) -> String {
    match lit {
        Literal::Str(id) => subject
            .and_then(|name| pack.item(name))
            .and_then(|item| item.kind.options().iter().find(|o| &o.id == id))
            .map_or_else(|| lang.quote(id), |o| lang.quote(o.label.get(lang))),
        Literal::Bool(true) => lang.pick("ja", "yes").to_string(),
        Literal::Bool(false) => lang.pick("nej", "no").to_string(),
        Literal::Num(n) => n.to_string(),
    }
}
