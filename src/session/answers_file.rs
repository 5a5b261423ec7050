//! Scripted sessions: `dino run PHASE --answers FILE`. The file's answers
//! stand in for the room, through the same engine, so the entry is the one
//! an interactive run with the same answers writes (docs/answers-format.md).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::ops::Range;

use anyhow::Result;
use toml::de::DeValue;

use super::{Context, CriterionGiven, GateChoice, People, Question, Reply, SessionUi};
use crate::finding::{Finding, SourceText, closest};
use crate::i18n::{Lang, Say};
use crate::log::{ActionMark, Participant, Record};
use crate::pack::condition::Value;
use crate::pack::plain_value;
use crate::pack::{Decision, Item, Phase, check_value};
use crate::state::answer::Given;
use crate::toml_read::{FileCtx, Table};
use crate::tr;

/// An answers file, read and checked against the phase.
pub struct AnswerScript {
    facilitator: Option<String>,
    participants: Option<Vec<Participant>>,
    answers: BTreeMap<String, Given>,
    notes: BTreeMap<String, String>,
    /// `[[actions]]`: by item, the actions still to be raised beside it,
    /// in the file's order.
    actions: BTreeMap<String, std::collections::VecDeque<ActionMark>>,
    gate: Option<GateChoice>,
    /// Respondents of a readiness assessment, each with their answers.
    respondents: Vec<(String, BTreeMap<String, Given>)>,
    current: Option<usize>,
    /// Where each answered id is written, to name the ones never asked.
    spans: BTreeMap<String, Range<usize>>,
    asked: BTreeSet<String>,
    /// Where `[gate]` is written.
    gate_span: Range<usize>,
    src: SourceText,
}

impl AnswerScript {
    pub fn gate_choice(&self) -> Option<GateChoice> {
        self.gate.clone()
    }

    /// A problem with the file's `[gate]`, at its place.
    pub fn at_gate(&self, message: String) -> Finding {
        self.src.finding(&self.gate_span, message)
    }

    /// Answers the run never asked for, because their condition was false.
    pub fn unasked(&self, phase: &Phase, lang: Lang) -> Vec<Finding> {
        self.spans
            .iter()
            .filter(|(id, _)| !self.asked.contains(*id))
            .map(|(id, span)| {
                let when = phase
                    .item(id)
                    .and_then(|i| i.when.as_ref())
                    .map(|c| c.source.clone())
                    .unwrap_or_default();
                self.src.finding(
                    span,
                    tr!(
                        lang,
                        "`{id}` gäller inte i det här projektet (villkoret `{when}` är falskt)",
                        "`{id}` does not apply to this project (its condition `{when}` is false)"
                    ),
                )
            })
            .collect()
    }
}

/// Reads and checks an answers file for the phase of `ctx`.
pub fn read(src: &SourceText, ctx: &Context<'_>, lang: Lang) -> Result<AnswerScript, Vec<Finding>> {
    let findings = RefCell::new(Vec::new());
    let Some(tree) = crate::toml_read::parse(src, &src.text, &findings) else {
        return Err(findings.into_inner());
    };
    let fctx = FileCtx {
        src,
        lang,
        languages: RefCell::new(Vec::new()),
        findings: &findings,
        braced: RefCell::default(),
    };
    let root = Table::new(&fctx, tree.get_ref(), 0..0);
    let facilitator = root.string("facilitator", false).map(|(f, _)| f);
    let participants = participants(&root);
    let mut reading = Reading::new(&fctx, ctx);
    reading.answers(&root);
    reading.not_applicable(&root);
    let respondents = reading.respondents(&root);
    let notes = reading.notes(&root);
    let actions = reading.actions(&root);
    let gate_span = root.raw("gate").map_or(0..0, |v| v.span());
    let gate = gate(&root, ctx.phase, ctx.lang);
    root.finish(&[], lang.pick("svarsfilen", "the answers file"));
    let Reading { answers, spans, .. } = reading;
    let mut findings = findings.into_inner();
    findings.sort();
    if !findings.is_empty() {
        return Err(findings);
    }
    Ok(AnswerScript {
        facilitator,
        participants,
        answers,
        notes,
        actions,
        gate,
        respondents,
        current: None,
        spans,
        asked: BTreeSet::new(),
        gate_span,
        src: src.clone(),
    })
}

/// The file's `[[participants]]`, when it names them.
fn participants(root: &Table<'_>) -> Option<Vec<Participant>> {
    root.raw("participants").map(|_| {
        root.tables("participants", false)
            .into_iter()
            .filter_map(|t| {
                let name = t.string("name", true).map(|(n, _)| n);
                let role = t.string("role", false).map(|(r, _)| r);
                t.finish(&[], "participants");
                Some(split_participant(name?, role))
            })
            .collect()
    })
}

/// A participant as the file names them: a name written with its role
/// after a comma and no `role` ("Amina Hassan, enhetschef Komvux") is the
/// name and the role, as at a terminal.
fn split_participant(name: String, role: Option<String>) -> Participant {
    match (role, crate::state::roster::split_typed(&name)) {
        (None, Some((name, role))) => Participant {
            name,
            role: Some(role),
        },
        (role, _) => Participant { name, role },
    }
}

/// The file's `[gate]`: a decision, who decided and why, its conditions,
/// the next gate and the criteria of `phase`'s gate.
fn gate(root: &Table<'_>, phase: &Phase, text_lang: Lang) -> Option<GateChoice> {
    let fctx = root.ctx();
    let lang = fctx.lang;
    root.table("gate").and_then(|t| {
        let decision = t.string("decision", true).and_then(|(d, span)| {
            let found = Decision::ALL.into_iter().find(|x| x.id() == d);
            if found.is_none() {
                fctx.report(
                    &span,
                    tr!(
                        lang,
                        "det finns inget beslut `{d}`; välj go, recycle, pause eller stop",
                        "there is no decision `{d}`; choose go, recycle, pause or stop"
                    ),
                );
            }
            found
        });
        let decided_by = t.string("decided_by", true).map(|(d, _)| d);
        let motivation = t.string("motivation", true).map(|(m, _)| m);
        let conditions: Vec<Option<ActionMark>> = t
            .tables("conditions", false)
            .into_iter()
            .map(|c| action(c, "conditions"))
            .collect();
        let next_gate = next_gate(&t, decision);
        let criteria =
            section(&t, "criteria").map(|table| criteria(fctx, table, (phase, text_lang)));
        t.finish(&[], "[gate]");
        Some(GateChoice {
            decision: decision?,
            decided_by: decided_by?,
            motivation: motivation?,
            conditions: conditions.into_iter().collect::<Option<Vec<_>>>()?,
            next_gate: next_gate?,
            criteria: criteria.unwrap_or(Some(Vec::new()))?,
        })
    })
}

/// `[gate]`'s `criteria`: criterion id = status. `None` on a mistake
/// (each reported at its place).
fn criteria(
    fctx: &FileCtx<'_>,
    table: &toml::de::DeTable<'_>,
    (phase, text_lang): (&Phase, Lang),
) -> Option<Vec<(String, CriterionGiven)>> {
    let lang = fctx.lang;
    let mut out = Some(Vec::new());
    for (key, value) in table.iter() {
        let id: &str = key.get_ref();
        let Some(criterion) = phase.gate.criterion(id) else {
            let ids = phase.gate.criteria.iter().map(|c| c.id.as_str());
            let near = match closest(id, ids) {
                Some(near) => tr!(lang, "; menade du `{near}`?", "; did you mean `{near}`?"),
                None => String::new(),
            };
            let message = tr!(
                lang,
                "beslutspunkten i fasen `{}` har inget kriterium `{id}`{near}",
                "the gate of phase `{}` has no criterion `{id}`{near}",
                phase.id
            );
            fctx.report(&key.span(), message);
            out = None;
            continue;
        };
        let own = criterion.text.get(text_lang).to_string();
        match criterion_status(fctx, value, &own) {
            Some(status) => {
                if let Some(out) = out.as_mut() {
                    out.push((id.to_string(), status));
                }
            }
            None => out = None,
        }
    }
    out
}

/// One criterion's status in `[gate]`'s `criteria`; a deferred one
/// without a text of its own takes `own`, the criterion's.
fn criterion_status(fctx: &FileCtx<'_>, value: &Val<'_>, own: &str) -> Option<CriterionGiven> {
    let lang = fctx.lang;
    let wrong = || {
        fctx.report(
            &value.span(),
            tr!(
                lang,
                "ett kriteriums status är \"met\", \"not_met\", {{ not_applicable = \"SKÄL\" }} eller {{ deferred = \"TEXT\", owner = \"NAMN\", due = ÅÅÅÅ-MM-DD }}",
                "a criterion's status is \"met\", \"not_met\", {{ not_applicable = \"REASON\" }} or {{ deferred = \"TEXT\", owner = \"NAME\", due = YYYY-MM-DD }}"
            ),
        );
        None
    };
    let table = match value.get_ref() {
        DeValue::String(s) if s == "met" => return Some(CriterionGiven::Met),
        DeValue::String(s) if s == "not_met" => return Some(CriterionGiven::NotMet),
        DeValue::Table(table) => Table::new(fctx, table, value.span()),
        _ => return wrong(),
    };
    if table.raw("not_applicable").is_some() {
        let reason = action_text(&table, "not_applicable");
        table.finish(&[], "criteria");
        return reason.map(CriterionGiven::NotApplicable);
    }
    if table.raw("deferred").is_none() {
        table.finish(&[], "criteria");
        return wrong();
    }
    let text = table.string("deferred", true).and_then(|(text, span)| {
        if !crate::log::writable(&text) {
            let holds = tr!(
                lang,
                "texten innehåller NUL (U+0000)",
                "the text holds NUL (U+0000)"
            );
            fctx.report(&span, holds);
            return None;
        }
        Some(if text.trim().is_empty() {
            own.to_string()
        } else {
            text.trim().to_string()
        })
    });
    let owner = action_text(&table, "owner");
    let due = match table.raw("due") {
        Some(value) => day_value(fctx, "due", value),
        None => {
            table.missing("due");
            None
        }
    };
    table.finish(&[], "criteria");
    Some(CriterionGiven::Deferred(ActionMark {
        n: 0,
        text: text?,
        owner: owner?,
        due: due?,
    }))
}

/// `[gate]`'s `next_gate`: a day, and none for `stop`. `None` on a
/// mistake (reported); `Some(None)` when the file plans no next gate.
fn next_gate(t: &Table<'_>, decision: Option<Decision>) -> Option<Option<jiff::civil::Date>> {
    let lang = t.ctx().lang;
    let Some(value) = t.raw("next_gate") else {
        return Some(None);
    };
    if decision == Some(Decision::Stop) {
        t.ctx().report(
            &value.span(),
            tr!(
                lang,
                "ett avslutat projekt har ingen nästa beslutspunkt: ta bort `next_gate`",
                "a stopped project has no next gate: leave out `next_gate`"
            ),
        );
        return None;
    }
    day_value(t.ctx(), "next_gate", value).map(Some)
}

/// A day: `YYYY-MM-DD`, a TOML date or a string, a day the calendar has;
/// a finding at the value otherwise.
fn day_value(fctx: &FileCtx<'_>, key: &str, value: &Val<'_>) -> Option<jiff::civil::Date> {
    let text = match value.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Datetime(dt) => dt.to_string(),
        _ => String::new(),
    };
    let found = crate::text::day::parse_day(text.trim());
    if found.is_none() {
        fctx.report(
            &value.span(),
            tr!(
                fctx.lang,
                "`{key}` ska vara ett datum som finns, ÅÅÅÅ-MM-DD (2026-03-31)",
                "`{key}` must be a day the calendar has, YYYY-MM-DD (2026-03-31)"
            ),
        );
    }
    found
}

/// An indicator's or a measurement's inline table, each field checked
/// where it is written; `None` on a mistake (reported).
fn fields_value<'a>(
    fctx: &'a FileCtx<'a>,
    item: &Item,
    value: &'a Val<'a>,
    text_lang: Lang,
) -> Option<Given> {
    let DeValue::Table(table) = value.get_ref() else {
        let fields = if matches!(item.kind, crate::pack::Kind::Indicator { .. }) {
            "{ name, unit, baseline, baseline_date, source, target, target_date, owner }"
        } else {
            "{ value, date, source }"
        };
        fctx.report(
            &value.span(),
            tr!(
                fctx.lang,
                "`{}` besvaras med en tabell: {fields}",
                "`{}` is answered with a table: {fields}",
                item.id
            ),
        );
        return None;
    };
    let t = Table::new(fctx, table, value.span());
    let here = format!("`{}`", item.id);
    if matches!(item.kind, crate::pack::Kind::Indicator { .. }) {
        let name = action_text(&t, "name");
        // Left out, the unit is the one the pack offers, as at a terminal.
        let offered = match &item.kind {
            crate::pack::Kind::Indicator { unit: Some(unit) } if t.raw("unit").is_none() => {
                Some(unit.get(text_lang).to_string())
            }
            _ => None,
        };
        let unit = optional_text(&t, "unit").map(|u| u.or(offered));
        let baseline = required_number(&t, "baseline");
        let baseline_date = required_day(&t, "baseline_date");
        let source = action_text(&t, "source");
        let target = required_number(&t, "target");
        let target_date = required_day(&t, "target_date");
        let owner = action_text(&t, "owner");
        t.finish(&[], here);
        Some(Given::Indicator(crate::state::answer::Indicator {
            name: name?,
            unit: unit?.unwrap_or_default(),
            baseline: baseline?,
            baseline_date: baseline_date?,
            source: source?,
            target: target?,
            target_date: target_date?,
            owner: owner?,
        }))
    } else {
        let number = required_number(&t, "value");
        let date = required_day(&t, "date");
        let source = optional_text(&t, "source");
        t.finish(&[], here);
        Some(Given::Measured(crate::state::answer::Measured {
            value: number?,
            date: date?,
            source: source?,
        }))
    }
}

/// A number a field needs (`key`): there, and finite.
fn required_number(t: &Table<'_>, key: &'static str) -> Option<f64> {
    if t.raw(key).is_none() {
        t.missing(key);
        return None;
    }
    let (n, span) = t.number(key)?;
    if !n.is_finite() {
        t.ctx().report(
            &span,
            tr!(
                t.ctx().lang,
                "`{key}` ska vara ett ändligt tal",
                "`{key}` must be a finite number"
            ),
        );
        return None;
    }
    Some(n)
}

/// A day a field needs (`key`).
fn required_day(t: &Table<'_>, key: &'static str) -> Option<jiff::civil::Date> {
    match t.raw(key) {
        Some(value) => day_value(t.ctx(), key, value),
        None => {
            t.missing(key);
            None
        }
    }
}

/// A text a field may leave out (`key`): `Some(None)` when it is out or
/// blank, `None` on a mistake (reported).
fn optional_text(t: &Table<'_>, key: &'static str) -> Option<Option<String>> {
    let Some((text, span)) = t.string(key, false) else {
        return t.raw(key).is_none().then_some(None);
    };
    if !crate::log::writable(&text) {
        t.ctx().report(
            &span,
            tr!(
                t.ctx().lang,
                "texten innehåller NUL (U+0000)",
                "the text holds NUL (U+0000)"
            ),
        );
        return None;
    }
    Some(Some(text.trim().to_string()).filter(|t| !t.is_empty()))
}

/// A text an action needs (`key`): there, not blank, without NUL; a
/// finding otherwise.
fn action_text(t: &Table<'_>, key: &'static str) -> Option<String> {
    let fctx = t.ctx();
    let (text, span) = t.string(key, true)?;
    if text.trim().is_empty() || !crate::log::writable(&text) {
        fctx.report(
            &span,
            tr!(
                fctx.lang,
                "`{key}` ska vara en text som inte är tom",
                "`{key}` must be a text that is not empty"
            ),
        );
        return None;
    }
    Some(text.trim().to_string())
}

/// An action's table (in `what`): its `text`, `owner` and `due`. `None`
/// on a mistake (reported). Its number is given when the entry is made.
fn action(t: Table<'_>, what: &'static str) -> Option<ActionMark> {
    let text = action_text(&t, "text");
    let owner = action_text(&t, "owner");
    let due = match t.raw("due") {
        Some(value) => day_value(t.ctx(), "due", value),
        None => {
            t.missing("due");
            None
        }
    };
    t.finish(&[], what);
    Some(ActionMark {
        n: 0,
        text: text?,
        owner: owner?,
        due: due?,
    })
}

/// A key of a table whose keys are item ids.
type Key<'a> = toml::Spanned<std::borrow::Cow<'a, str>>;
/// A value in such a table.
type Val<'a> = toml::Spanned<DeValue<'a>>;

/// An answers file as it is read: the phase it answers, and the answers so
/// far with where each is written.
struct Reading<'a> {
    fctx: &'a FileCtx<'a>,
    phase: &'a Phase,
    lang: Lang,
    /// The language of the pack's texts and the entry.
    text_lang: Lang,
    /// "Don't know" is an answer only where the pack offers it (readiness).
    dont_know_ok: bool,
    answers: BTreeMap<String, Given>,
    spans: BTreeMap<String, Range<usize>>,
    /// The session's day: no measurement or baseline after it.
    today: jiff::civil::Date,
    /// The log as it stands, for the baseline a measurement is after.
    state: &'a crate::state::State,
}

impl<'a> Reading<'a> {
    fn new(fctx: &'a FileCtx<'a>, ctx: &'a Context<'_>) -> Reading<'a> {
        let phase = ctx.phase;
        let dont_know_ok = phase.id == super::readiness::ID
            && ctx
                .workbook
                .pack
                .readiness
                .as_ref()
                .is_some_and(|r| r.dont_know);
        Reading {
            fctx,
            phase,
            lang: fctx.lang,
            text_lang: ctx.lang,
            dont_know_ok,
            answers: BTreeMap::new(),
            spans: BTreeMap::new(),
            today: ctx.now.date(),
            state: ctx.state,
        }
    }

    /// The baseline day of the indicator a measurement item measures:
    /// answered in this file, else as the log has it; `None` for another
    /// item or an indicator not defined.
    fn baseline_of(&self, item: &Item) -> Option<jiff::civil::Date> {
        let crate::pack::Kind::Measurement { indicator, .. } = &item.kind else {
            return None;
        };
        let phase = indicator
            .phase
            .clone()
            .unwrap_or_else(|| self.phase.id.clone());
        let given = if phase == self.phase.id {
            self.answers.get(&indicator.item)
        } else {
            None
        };
        let given = given.or_else(|| {
            self.state
                .answers
                .get(&(phase, indicator.item.clone()))
                .map(|latest| &latest.given)
        });
        match given {
            Some(Given::Indicator(i)) => Some(i.baseline_date),
            _ => None,
        }
    }

    /// The phase's item a key names, or a finding (with the closest id).
    fn item_of(&self, key: &Key<'_>) -> Option<&'a Item> {
        self.item_named(key.get_ref(), &key.span())
    }

    /// The phase's item `id` (written at `span`), or a finding (with the
    /// closest id).
    fn item_named(&self, id: &str, span: &Range<usize>) -> Option<&'a Item> {
        let (phase, lang) = (self.phase, self.lang);
        let found = phase.item(id);
        if found.is_none() {
            let hint = closest(id, phase.items.iter().map(|i| i.id.as_str()))
                .map(|n| tr!(lang, "; menade du `{n}`?", "; did you mean `{n}`?"))
                .unwrap_or_default();
            self.fctx.report(
                span,
                tr!(
                    lang,
                    "fasen `{}` har ingen punkt `{id}`{hint}",
                    "the phase `{}` has no item `{id}`{hint}",
                    phase.id
                ),
            );
        }
        found
    }

    /// An answer the file gives, kept with where it is written.
    fn keep(&mut self, item: &Item, key: &Key<'_>, given: Given) {
        self.spans.insert(item.id.clone(), key.span());
        self.answers.insert(item.id.clone(), given);
    }

    /// `[answers]`: a value per item, checked against its kind.
    fn answers(&mut self, root: &Table<'a>) {
        let Some(table) = section(root, "answers") else {
            return;
        };
        for (key, value) in table.iter() {
            let Some(item) = self.item_of(key) else {
                continue;
            };
            if let (DeValue::String(s), true) = (value.get_ref(), self.dont_know_ok)
                && s == "dont_know"
            {
                self.keep(item, key, Given::DontKnow);
                continue;
            }
            if item.kind.has_fields() {
                if let Some(given) = fields_value(self.fctx, item, value, self.text_lang) {
                    let baseline = self.baseline_of(item);
                    match crate::state::answer::check_days(&given, self.today, baseline) {
                        Ok(()) => self.keep(item, key, given),
                        Err(why) => self.fctx.report(&value.span(), why.to_string()),
                    }
                }
                continue;
            }
            match self.checked(item, value) {
                Ok(v) => {
                    if let Some(text) = text_of(&v)
                        && !crate::log::writable(text)
                    {
                        self.fctx.report(
                            &value.span(),
                            tr!(
                                self.lang,
                                "texten innehåller NUL (U+0000)",
                                "the text holds NUL (U+0000)"
                            ),
                        );
                        continue;
                    }
                    self.keep(item, key, Given::Value(v));
                }
                Err(message) => self.fctx.report(&value.span(), message),
            }
        }
    }

    /// An answer's value checked against its item's kind; an empty one is
    /// refused.
    fn checked(&self, item: &Item, value: &Val<'_>) -> Result<Value, String> {
        let lang = self.lang;
        let what = format!("`{}`", item.id);
        plain_value(value.get_ref())
            .ok_or_else(|| tr!(lang, "ogiltigt värde", "not a valid value"))
            .and_then(|v| {
                check_value(&item.kind, &date_as_text(v, value.get_ref()), what)
                    .map_err(|m| m.say(lang))
            })
            .and_then(|v| match &v {
                Value::Str(s) if s.trim().is_empty() => Err(tr!(
                    lang,
                    "ett tomt svar; ta bort punkten ur filen om den inte ska besvaras",
                    "an empty answer; leave the item out if it is not to be answered"
                )),
                _ => Ok(v),
            })
    }

    /// `[not_applicable]`: a reason per item not answered otherwise.
    fn not_applicable(&mut self, root: &Table<'a>) {
        let Some(table) = section(root, "not_applicable") else {
            return;
        };
        let lang = self.lang;
        for (key, value) in table.iter() {
            let Some(item) = self.item_of(key) else {
                continue;
            };
            match value.get_ref() {
                DeValue::String(reason) if !reason.trim().is_empty() => {
                    if self.answers.contains_key(&item.id) {
                        self.fctx.report(
                            &key.span(),
                            tr!(
                                lang,
                                "`{}` har både ett svar och ej tillämplig",
                                "`{}` has both an answer and not applicable",
                                item.id
                            ),
                        );
                        continue;
                    }
                    self.keep(item, key, Given::NotApplicable(reason.to_string()));
                }
                _ => self.fctx.report(
                    &value.span(),
                    tr!(
                        lang,
                        "ett skäl behövs: en sträng som inte är tom",
                        "a reason is needed: a string that is not empty"
                    ),
                ),
            }
        }
    }

    /// A readiness assessment: `[[respondents]]`, each with a name and
    /// answers (a scale point, or "dont_know").
    fn respondents(&mut self, root: &Table<'a>) -> Vec<(String, BTreeMap<String, Given>)> {
        let mut respondents: Vec<(String, BTreeMap<String, Given>)> = Vec::new();
        for t in root.tables("respondents", false) {
            let name = t.string("name", true).and_then(|(n, span)| {
                if respondents.iter().any(|(have, _)| *have == n) {
                    self.fctx.report(
                        &span,
                        tr!(
                            self.lang,
                            "svarande `{n}` finns redan; ge var och en ett eget namn eller en egen roll",
                            "the respondent `{n}` is there already; give each one a name or role of their own"
                        ),
                    );
                    return None;
                }
                Some(n)
            });
            let theirs = self.respondent_answers(&t);
            t.finish(&[], "[[respondents]]");
            if let Some(name) = name {
                respondents.push((name, theirs));
            }
        }
        respondents
    }

    /// One respondent's `answers` table.
    fn respondent_answers(&mut self, t: &Table<'a>) -> BTreeMap<String, Given> {
        let mut theirs = BTreeMap::new();
        let Some(answers) = t.raw("answers") else {
            return theirs;
        };
        let DeValue::Table(table) = answers.get_ref() else {
            self.fctx.report(
                &answers.span(),
                tr!(
                    self.lang,
                    "`answers` ska vara en tabell",
                    "`answers` must be a table"
                ),
            );
            return theirs;
        };
        for (key, value) in table.iter() {
            let Some(item) = self.item_of(key) else {
                continue;
            };
            match self.rating(item, value) {
                Ok(g) => {
                    self.spans.insert(item.id.clone(), key.span());
                    theirs.insert(item.id.clone(), g);
                }
                Err(message) => self.fctx.report(&value.span(), message),
            }
        }
        theirs
    }

    /// A respondent's answer to a statement: a value of its kind, or
    /// "don't know" where the pack offers it.
    fn rating(&self, item: &Item, value: &Val<'_>) -> Result<Given, String> {
        let lang = self.lang;
        match value.get_ref() {
            DeValue::String(s) if s == "dont_know" && self.dont_know_ok => Ok(Given::DontKnow),
            raw => plain_value(raw)
                .ok_or_else(|| tr!(lang, "ogiltigt värde", "not a valid value"))
                .and_then(|v| {
                    check_value(&item.kind, &v, format!("`{}`", item.id)).map_err(|m| m.say(lang))
                })
                .map(Given::Value),
        }
    }

    /// `[[actions]]`: actions raised beside the items they name, by item,
    /// in the file's order. An assessment takes none.
    fn actions(&mut self, root: &Table<'a>) -> BTreeMap<String, VecDeque<ActionMark>> {
        let mut out: BTreeMap<String, VecDeque<ActionMark>> = BTreeMap::new();
        for t in root.tables("actions", false) {
            let item = t.string("item", true).and_then(|(id, span)| {
                if self.phase.id == super::readiness::ID {
                    self.fctx.report(
                        &span,
                        tr!(
                            self.lang,
                            "en självskattning av förutsättningar tar inga åtgärder",
                            "a readiness assessment takes no actions"
                        ),
                    );
                    return None;
                }
                self.item_named(&id, &span).map(|item| (item, span))
            });
            let action = action(t, "[[actions]]");
            if let (Some((item, span)), Some(action)) = (item, action) {
                // An action on an item the run never asks is named too.
                self.spans.entry(item.id.clone()).or_insert(span);
                out.entry(item.id.clone()).or_default().push_back(action);
            }
        }
        out
    }

    /// `[notes]`: a note per answered item.
    fn notes(&self, root: &Table<'a>) -> BTreeMap<String, String> {
        let mut notes = BTreeMap::new();
        let Some(table) = section(root, "notes") else {
            return notes;
        };
        let lang = self.lang;
        for (key, value) in table.iter() {
            let Some(item) = self.item_of(key) else {
                continue;
            };
            match value.get_ref() {
                DeValue::String(note) => {
                    if !self.answers.contains_key(&item.id) {
                        self.fctx.report(
                            &key.span(),
                            tr!(
                                lang,
                                "en anteckning till `{}`, som inte har något svar i filen",
                                "a note on `{}`, which has no answer in the file",
                                item.id
                            ),
                        );
                    }
                    notes.insert(item.id.clone(), note.to_string());
                }
                _ => self.fctx.report(
                    &value.span(),
                    tr!(lang, "en anteckning är en sträng", "a note is a string"),
                ),
            }
        }
        notes
    }
}

/// A table of the file, read key by key (the keys are item ids).
fn section<'a>(root: &Table<'a>, key: &'static str) -> Option<&'a toml::de::DeTable<'a>> {
    let value = root.raw(key)?;
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => {
            root.ctx().report(
                &value.span(),
                tr!(
                    root.ctx().lang,
                    "`{key}` ska vara en tabell: [{key}]",
                    "`{key}` must be a table: [{key}]"
                ),
            );
            None
        }
    }
}

/// A TOML date (`2026-05-01`, unquoted) is a date answer, as a string.
fn date_as_text(value: Value, raw: &DeValue<'_>) -> Value {
    match raw {
        DeValue::Datetime(dt) => Value::Str(dt.to_string()),
        _ => value,
    }
}

fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

impl SessionUi for AnswerScript {
    fn intro(&mut self, _: &Phase, _: Lang) -> Result<()> {
        Ok(())
    }

    fn people(&mut self, default: &People) -> Result<People> {
        Ok(People {
            facilitator: self
                .facilitator
                .clone()
                .unwrap_or_else(|| default.facilitator.clone()),
            participants: self
                .participants
                .clone()
                .unwrap_or_else(|| default.participants.clone()),
            ..default.clone()
        })
    }

    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        let id = &question.item.id;
        self.asked.insert(id.clone());
        // The actions beside the item first, one by one, then its answer.
        if self.current.is_none()
            && let Some(action) = self.actions.get_mut(id).and_then(VecDeque::pop_front)
        {
            return Ok(Reply::Raise {
                action,
                note: self.notes.get(id).cloned(),
            });
        }
        let answers = match self.current {
            Some(at) => &self.respondents[at].1,
            None => &self.answers,
        };
        Ok(match answers.get(id) {
            Some(given) => Reply::Answer {
                given: given.clone(),
                note: self.notes.get(id).cloned(),
            },
            None => Reply::Skip,
        })
    }

    fn revisit(&mut self, _: &[&Item], _: Lang) -> Result<bool> {
        Ok(false)
    }

    fn summary(&mut self, _: &Phase, _: &[Record], _: &[&Item], _: Lang) -> Result<()> {
        Ok(())
    }

    fn gate(&mut self, _: &super::GateAsk<'_>) -> Result<Option<GateChoice>> {
        Ok(self.gate.clone())
    }

    fn respondents(&mut self, _: &[String]) -> Result<Vec<String>> {
        Ok(self
            .respondents
            .iter()
            .map(|(name, _)| name.clone())
            .collect())
    }

    fn respondent_turn(&mut self, respondent: &str) -> Result<()> {
        self.current = self
            .respondents
            .iter()
            .position(|(name, _)| name == respondent);
        Ok(())
    }

    fn readiness_result(&mut self, _: &dyn Fn(Option<usize>) -> String) -> Result<()> {
        Ok(())
    }
}
