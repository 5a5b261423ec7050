//! The checks that span files: phase ids, what conditions name and compare
//! with, the diagnostic's items and leans, and readiness' phases.

use std::cell::RefCell;
use std::ops::Range;

use super::super::condition::{CmpOp, Expr, Literal, Name};
use super::super::model::{Item, Kind, Pack};
use super::{Pending, Scope};
use crate::finding::{Finding, SourceText, closest};
use crate::i18n::Lang;
use crate::tr;

struct Checker<'a> {
    pack: &'a Pack,
    files: &'a [&'a SourceText],
    pending: &'a Pending,
    lang: Lang,
    findings: &'a RefCell<Vec<Finding>>,
}

impl Checker<'_> {
    fn report(&self, file: usize, at: usize, message: String) {
        if let Some(src) = self.files.get(file) {
            self.findings
                .borrow_mut()
                .push(src.finding(&(at..at), message));
        }
    }

    fn is_broken(&self, name: &Name) -> bool {
        let broken = &self.pending.broken;
        broken.contains(&name.to_string())
            || name.phase.as_ref().is_some_and(|p| broken.contains(p))
    }
}

/// Runs the cross-file checks, and fills in the diagnostic's items and the
/// readiness phases once they are known to be valid.
pub fn check(
    pack: &mut Pack,
    files: &[&SourceText],
    pending: &Pending,
    lang: Lang,
    findings: &RefCell<Vec<Finding>>,
) {
    let checker = Checker {
        pack,
        files,
        pending,
        lang,
        findings,
    };
    checker.phase_ids();
    for (file, scope, when) in &pending.whens {
        let at = |span: &Range<usize>| when.inner_start.map_or(when.span.start, |s| s + span.start);
        for (name, span) in when.condition.names() {
            if checker.is_broken(name) {
                continue;
            }
            if let Err(message) = checker.resolve(*scope, name) {
                checker.report(*file, at(span), message);
            }
        }
        for (op, left, right) in when.condition.expr.comparisons() {
            if let Err((span, message)) = checker.comparison(*scope, op, left, right) {
                checker.report(*file, at(&span), message);
            }
        }
    }
    let diagnostic_items = checker.diagnostic_items();
    checker.leans(&diagnostic_items);
    let readiness_phases = checker.readiness_phases();
    if let Some(diagnostic) = &mut pack.diagnostic {
        diagnostic.items = diagnostic_items;
    }
    if let Some(readiness) = &mut pack.readiness {
        readiness.phases = readiness_phases;
    }
}

impl Checker<'_> {
    fn phase_ids(&self) {
        let lang = self.lang;
        for (i, phase) in self.pack.phases.iter().enumerate() {
            let Some(first) = self.pack.phases[..i].iter().position(|p| p.id == phase.id) else {
                continue;
            };
            let (file, span) = &self.pending.phase_ids[i];
            let other = &self.pack.phases[first].file;
            let id = &phase.id;
            self.report(
                *file,
                span.start,
                tr!(
                    lang,
                    "fas-id:t `{id}` används redan i {other}",
                    "the phase id `{id}` is used already in {other}"
                ),
            );
        }
    }

    /// Finds the item a condition names, or says why it may not.
    fn resolve(&self, scope: Scope, name: &Name) -> Result<&Item, String> {
        match &name.phase {
            None => self.resolve_in_profile(scope, name),
            Some(phase_id) => self.resolve_in_phase(scope, name, phase_id),
        }
    }

    /// Finds the profile question a condition names (`item`), or says why
    /// it may not: it comes later, or is an item of this phase.
    fn resolve_in_profile(&self, scope: Scope, name: &Name) -> Result<&Item, String> {
        let lang = self.lang;
        let pack = self.pack;
        let profile_ids = || pack.profile.iter().map(|i| i.id.as_str());
        let position = pack.profile.iter().position(|i| i.id == name.item);
        match (position, scope) {
            (Some(j), Scope::Profile { index }) if j >= index => Err(tr!(
                lang,
                "`{name}` kommer senare i profilen (eller är denna fråga); ett villkor kan bara läsa svar som redan getts",
                "`{name}` comes later in the profile (or is this question); a condition can only read answers given before it"
            )),
            (Some(j), _) => Ok(&pack.profile[j]),
            (None, Scope::Phase { phase, .. })
                if pack
                    .phases
                    .get(phase)
                    .is_some_and(|p| p.item(&name.item).is_some()) =>
            {
                let here = &pack.phases[phase].id;
                Err(tr!(
                    lang,
                    "`{name}` är ingen profilfråga; menade du punkten `{here}.{name}`?",
                    "`{name}` is not a profile question; did you mean the item `{here}.{name}`?"
                ))
            }
            (None, _) => Err(unknown(
                lang,
                &tr!(
                    lang,
                    "okänd profilfråga `{name}`",
                    "unknown profile question `{name}`"
                ),
                closest(&name.item, profile_ids()),
            )),
        }
    }

    /// Finds the item a condition names (`phase.item`), or says why it may
    /// not: a profile question reads only the profile; the phase or item is
    /// unknown, or comes later.
    fn resolve_in_phase(&self, scope: Scope, name: &Name, phase_id: &str) -> Result<&Item, String> {
        let lang = self.lang;
        let pack = self.pack;
        let (current, index) = match scope {
            Scope::Phase { phase, index } => (phase, index),
            Scope::Profile { .. } => {
                return Err(tr!(
                    lang,
                    "en profilfråga kan bara läsa tidigare profilsvar, inte `{name}`",
                    "a profile question can only read earlier profile answers, not `{name}`"
                ));
            }
        };
        let Some(q) = pack.phases.iter().position(|p| p.id == phase_id) else {
            return Err(unknown(
                lang,
                &tr!(
                    lang,
                    "okänd fas `{phase_id}` i `{name}`",
                    "unknown phase `{phase_id}` in `{name}`"
                ),
                closest(phase_id, pack.phases.iter().map(|p| p.id.as_str())),
            ));
        };
        if q > current {
            return Err(tr!(
                lang,
                "`{name}` hör till en senare fas; ett villkor kan bara läsa svar som redan getts",
                "`{name}` belongs to a later phase; a condition can only read answers given before it"
            ));
        }
        let phase = &pack.phases[q];
        let Some(k) = phase.items.iter().position(|i| i.id == name.item) else {
            let item = &name.item;
            return Err(unknown(
                lang,
                &tr!(
                    lang,
                    "fasen `{phase_id}` har ingen punkt `{item}`",
                    "the phase `{phase_id}` has no item `{item}`"
                ),
                closest(item, phase.items.iter().map(|i| i.id.as_str()))
                    .map(|near| format!("{phase_id}.{near}"))
                    .as_deref(),
            ));
        };
        if q == current && k >= index {
            return Err(tr!(
                lang,
                "`{name}` kommer senare i fasen (eller är denna punkt); ett villkor kan bara läsa svar som redan getts",
                "`{name}` comes later in the phase (or is this item); a condition can only read answers given before it"
            ));
        }
        Ok(&phase.items[k])
    }

    /// Checks what a comparison compares a name with.
    fn comparison(
        &self,
        scope: Scope,
        op: CmpOp,
        left: &Expr,
        right: &Expr,
    ) -> Result<(), (Range<usize>, String)> {
        let lang = self.lang;
        let item_of = |name: &Name| {
            if self.is_broken(name) {
                None
            } else {
                self.resolve(scope, name).ok()
            }
        };
        match (op, left, right) {
            (CmpOp::Eq | CmpOp::Ne, Expr::Ref(name, _), Expr::Lit(lit, span))
            | (CmpOp::Eq | CmpOp::Ne, Expr::Lit(lit, span), Expr::Ref(name, _)) => {
                match item_of(name) {
                    Some(item) => {
                        literal_fits(item, name, lit, lang).map_err(|m| (span.clone(), m))
                    }
                    None => Ok(()),
                }
            }
            (CmpOp::In, Expr::Ref(name, _), Expr::List(lits, _)) => {
                let Some(item) = item_of(name) else {
                    return Ok(());
                };
                for (lit, span) in lits {
                    literal_fits(item, name, lit, lang).map_err(|m| (span.clone(), m))?;
                }
                Ok(())
            }
            (CmpOp::In, Expr::Lit(lit, span), Expr::Ref(name, name_span)) => {
                let Some(item) = item_of(name) else {
                    return Ok(());
                };
                if !matches!(item.kind, Kind::Multi { .. }) {
                    let kind = item.kind.name();
                    return Err((
                        name_span.clone(),
                        tr!(
                            lang,
                            "`in` läser en lista, men `{name}` är en punkt av typen {kind}; använd `==`",
                            "`in` reads a list, but `{name}` is a {kind} item; use `==`"
                        ),
                    ));
                }
                literal_fits(item, name, lit, lang).map_err(|m| (span.clone(), m))
            }
            (CmpOp::In, _, Expr::Lit(_, span)) => Err((
                span.clone(),
                tr!(
                    lang,
                    "till höger om `in` ska det stå en lista `[…]` eller en punkt av typen multi",
                    "the right of `in` must be a list `[…]` or a multi item"
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Resolves the diagnostic's items; each must be a choice with a lean.
    fn diagnostic_items(&self) -> Vec<Name> {
        let lang = self.lang;
        let mut out = Vec::new();
        for (written, span) in &self.pending.diagnostic_items {
            let name = written.split_once('.').map(|(phase, item)| Name {
                phase: Some(phase.to_string()),
                item: item.to_string(),
            });
            let Some(name) = name else {
                self.report(
                    0,
                    span.start,
                    tr!(
                        lang,
                        "`{written}` ska skrivas `fas.punkt`",
                        "`{written}` must be written `phase.item`"
                    ),
                );
                continue;
            };
            if self.is_broken(&name) {
                continue;
            }
            let last = Scope::Phase {
                phase: self.pack.phases.len(),
                index: 0,
            };
            match self.resolve(last, &name) {
                Err(message) => self.report(0, span.start, message),
                Ok(item) if !matches!(item.kind, Kind::Choice { .. }) => {
                    let kind = item.kind.name();
                    self.report(
                        0,
                        span.start,
                        tr!(
                            lang,
                            "diagnosen läser bara punkter av typen choice; `{written}` är {kind}",
                            "the diagnostic reads choice items only; `{written}` is a {kind} item"
                        ),
                    );
                }
                Ok(item) if item.kind.options().iter().all(|o| o.lean.is_none()) => self.report(
                    0,
                    span.start,
                    tr!(
                        lang,
                        "inget alternativ i `{written}` har `lean`, så punkten säger inget i diagnosen",
                        "no option of `{written}` has a `lean`, so the item tells the diagnostic nothing"
                    ),
                ),
                Ok(_) => out.push(name),
            }
        }
        out
    }

    /// A `lean` only counts on an item the diagnostic reads.
    fn leans(&self, diagnostic_items: &[Name]) {
        let lang = self.lang;
        let listed = |name: &Name| {
            self.pending
                .diagnostic_items
                .iter()
                .any(|(written, _)| *written == name.to_string())
                || diagnostic_items.contains(name)
        };
        for (file, lean) in &self.pending.leans {
            if !listed(&lean.item) {
                let name = &lean.item;
                self.report(
                    *file,
                    lean.span.start,
                    tr!(
                        lang,
                        "`lean` räknas bara för punkter i [diagnostic] `items`, och `{name}` står inte där",
                        "`lean` counts only for items in [diagnostic] `items`, and `{name}` is not there"
                    ),
                );
            }
        }
    }

    fn readiness_phases(&self) -> Vec<String> {
        let lang = self.lang;
        let mut out = Vec::new();
        for (id, span) in &self.pending.readiness_phases {
            if self.pack.phase(id).is_some() {
                out.push(id.clone());
            } else if !self.pending.broken.contains(id) {
                self.report(
                    0,
                    span.start,
                    unknown(
                        lang,
                        &tr!(lang, "okänd fas `{id}`", "unknown phase `{id}`"),
                        closest(id, self.pack.phases.iter().map(|p| p.id.as_str())),
                    ),
                );
            }
        }
        out
    }
}

fn unknown(lang: Lang, what: &str, near: Option<&str>) -> String {
    match near {
        Some(near) => tr!(
            lang,
            "{what}; menade du `{near}`?",
            "{what}; did you mean `{near}`?"
        ),
        None => what.to_string(),
    }
}

/// Whether a literal can ever equal an answer to `item`.
fn literal_fits(item: &Item, name: &Name, lit: &Literal, lang: Lang) -> Result<(), String> {
    let kind = item.kind.name();
    match (&item.kind, lit) {
        (Kind::Choice { options } | Kind::Multi { options }, Literal::Str(s)) => {
            if options.iter().any(|o| &o.id == s) {
                return Ok(());
            }
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let list = ids.join(", ");
            let head = tr!(
                lang,
                "'{s}' är inget alternativ i `{name}` (alternativ: {list})",
                "'{s}' is not an option of `{name}` (options: {list})"
            );
            Err(match closest(s, ids.iter().copied()) {
                Some(near) => tr!(
                    lang,
                    "{head}; menade du '{near}'?",
                    "{head}; did you mean '{near}'?"
                ),
                None => head,
            })
        }
        (Kind::Check, Literal::Bool(_))
        | (Kind::Scale(_) | Kind::Number { .. }, Literal::Num(_))
        | (Kind::Text { .. } | Kind::Date, Literal::Str(_)) => Ok(()),
        (Kind::Check, _) => Err(tr!(
            lang,
            "`{name}` är en check; jämför med true eller false, eller skriv bara `{name}`",
            "`{name}` is a check; compare it with true or false, or write just `{name}`"
        )),
        _ => Err(tr!(
            lang,
            "{lit} kan aldrig vara lika med ett svar på `{name}` (en punkt av typen {kind})",
            "{lit} can never equal an answer to `{name}` (a {kind} item)"
        )),
    }
}
