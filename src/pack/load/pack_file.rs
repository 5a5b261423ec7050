//! Decoding `pack.toml`: identity, languages, the profile, readiness and the
//! diagnostic. Phases are decoded from their own files.

use super::super::condition::Name;
use std::ops::Range;

use super::super::model::Term;
use super::super::model::{
    Diagnostic, Dimension, Item, Origin, Pack, Phase, Readiness, Scale, Statement,
};
use super::super::text::Text;
use super::item::{decode_item, decode_scale};
use super::text::{TextForm, TextOf};
use super::{Part, Pending, Scope, Seen, report};
use crate::i18n::Lang;
use crate::toml_read::Table;

/// `pack.toml` decoded, waiting for its phases.
pub struct PackHead {
    id: String,
    version: String,
    title: Text,
    description: Option<Text>,
    languages: Vec<Lang>,
    profile: Vec<Item>,
    readiness: Option<Readiness>,
    diagnostic: Option<Diagnostic>,
    stale_after_days: u32,
    terms: Vec<Term>,
}

impl PackHead {
    /// The ids of the pack's terms.
    pub fn term_ids(&self) -> Vec<String> {
        self.terms.iter().map(|t| t.id.clone()).collect()
    }

    pub fn into_pack(self, phases: Vec<Phase>) -> Pack {
        Pack {
            id: self.id,
            version: self.version,
            title: self.title,
            description: self.description,
            languages: self.languages,
            profile: self.profile,
            readiness: self.readiness,
            diagnostic: self.diagnostic,
            phases,
            stale_after_days: self.stale_after_days,
            terms: self.terms,
            bound: false,
            braces: false,
            origin: Origin::Builtin,
            content_hash: String::new(),
        }
    }
}

/// Reads `languages`: known codes, no repeats, at least one.
pub fn decode_languages(root: &Table<'_>) -> Vec<Lang> {
    let ctx = root.ctx();
    let mut out = Vec::new();
    let written = root.strings("languages", true);
    for (code, span) in &written {
        match code.parse::<Lang>() {
            Ok(l) if !out.contains(&l) => out.push(l),
            Ok(_) => report(ctx, span, Message::LanguageTwice { code: code.clone() }),
            Err(_) => report(ctx, span, Message::UnknownLanguage { code: code.clone() }),
        }
    }
    if out.is_empty() && !written.is_empty() {
        out.push(Lang::Sv);
    }
    if written.is_empty()
        && let Some(value) = root.raw("languages")
    {
        report(ctx, &value.span(), Message::NoLanguage);
    }
    out
}

/// Decodes the rest of `pack.toml` (after `languages` and `phases`).
pub fn decode(root: Table<'_>, pending: &mut Pending) -> Option<PackHead> {
    let ctx = root.ctx();
    let id = root.id("id");
    let version = root.string("version", true).and_then(|(v, span)| {
        let parts: Vec<&str> = v.split('.').collect();
        let semver = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !semver {
            report(ctx, &span, Message::BadVersion { version: v });
            return None;
        }
        Some(v)
    });
    let title = root.text("title", true, TextForm::Line);
    let description = root.text("description", false, TextForm::Markdown);
    let stale_after_days = decode_stale_after_days(&root);

    let mut profile = Vec::new();
    let mut seen = Seen::default();
    for table in root.tables("profile", false) {
        let (item, notes) = decode_item(table, None);
        let Some((id, id_span)) = &notes.id else {
            continue;
        };
        if !seen.first(ctx, id, id_span) {
            continue;
        }
        let Some(item) = item else {
            pending.broken.push(id.clone());
            continue;
        };
        if let Some(when) = notes.when {
            let scope = Scope::Profile {
                index: profile.len(),
            };
            pending.whens.push((0, scope, when));
        }
        profile.push(item);
    }
    let terms = root
        .table("terms")
        .map(|t| decode_terms(t, &profile))
        .unwrap_or_default();
    let readiness = root
        .table("readiness")
        .and_then(|t| decode_readiness(t, pending));
    let diagnostic = root
        .table("diagnostic")
        .and_then(|t| decode_diagnostic(t, pending));
    root.finish(&[], "pack.toml");
    let languages = ctx.languages.borrow().clone();
    Some(PackHead {
        id: id?.0,
        version: version?,
        title: title?,
        description,
        languages,
        profile,
        readiness,
        diagnostic,
        stale_after_days,
        terms,
    })
}

/// `[terms]`: each term's id, the profile choice it depends on, its
/// default words and its words by that choice's options.
fn decode_terms(t: Table<'_>, profile: &[Item]) -> Vec<Term> {
    let ctx = t.ctx();
    let mut terms = Vec::new();
    for (id, id_span, value) in t.by_key() {
        if let Err(message) = crate::toml_read::check_slug(&id) {
            ctx.report(&id_span, message);
            continue;
        }
        let Some(table) = Table::table_in(ctx, &id, value) else {
            continue;
        };
        if let Some(term) = decode_term(&table, id, profile) {
            terms.push(term);
        }
        table.finish(&[], "[terms]");
    }
    terms
}

/// One term's table.
fn decode_term(t: &Table<'_>, id: String, profile: &[Item]) -> Option<Term> {
    let ctx = t.ctx();
    let by = t.string("by", true);
    let default = t.text("default", true, TextForm::Word);
    let options = by.as_ref().and_then(|(by, span)| {
        let item = profile.iter().find(|i| &i.id == by);
        match item.map(|i| &i.kind) {
            Some(kind @ super::super::model::Kind::Choice { .. }) => Some(kind.options()),
            Some(kind) => {
                let (term, by, kind) = (id.clone(), by.clone(), kind.name());
                report(ctx, span, Message::TermByNotChoice { term, by, kind });
                None
            }
            None => {
                let near = crate::finding::closest(by, profile.iter().map(|i| i.id.as_str()));
                let near = near.map(str::to_string);
                let (term, by) = (id.clone(), by.clone());
                report(ctx, span, Message::TermByUnknown { term, by, near });
                None
            }
        }
    });
    let mut values = Vec::new();
    if let Some(table) = t.table("values") {
        for (option, span, value) in table.by_key() {
            let key = format!("values.{option}");
            let words = super::text::read_value_text(ctx, &key, value, TextForm::Word);
            if let Some(options) = options
                && !options.iter().any(|o| o.id == option)
            {
                let ids = options.iter().map(|o| o.id.clone()).collect();
                let by = by.as_ref().map(|(b, _)| b.clone()).unwrap_or_default();
                report(ctx, &span, Message::TermValueNotOption { option, by, ids });
                continue;
            }
            values.extend(words.map(|w| (option, w)));
        }
    }
    Some(Term {
        id,
        by: by?.0,
        default: default?,
        values,
    })
}

/// Reports each `{name}` written in the file's texts that is none of the
/// pack's terms.
pub fn check_braced(ctx: &crate::toml_read::FileCtx<'_>, terms: &[String]) {
    for (name, span) in ctx.braced.borrow().iter() {
        if !terms.contains(name) {
            let near = crate::finding::closest(name, terms.iter().map(String::as_str));
            let (name, near) = (name.clone(), near.map(str::to_string));
            report(ctx, span, super::text::Message::UnknownTerm { name, near });
        }
    }
}

/// `stale_after_days`: a whole number of days, at least 1; by default
/// [`STALE_AFTER_DAYS`](super::super::model::STALE_AFTER_DAYS).
fn decode_stale_after_days(root: &Table<'_>) -> u32 {
    let default = super::super::model::STALE_AFTER_DAYS;
    let Some((days, span)) = root.integer("stale_after_days", false) else {
        return default;
    };
    match u32::try_from(days) {
        Ok(days) if days >= 1 => days,
        _ => {
            report(root.ctx(), &span, Message::StaleAfterDays { days });
            default
        }
    }
}

fn decode_readiness(t: Table<'_>, pending: &mut Pending) -> Option<Readiness> {
    let title = t.text("title", true, TextForm::Line);
    let intro = t.text("intro", false, TextForm::Markdown);
    pending.readiness_phases.extend(t.strings("phases", false));
    let scale = readiness_scale(&t);
    let dont_know = t.bool("dont_know").unwrap_or(false);
    let risk_below = t.number("risk_below");
    let watch_below = t.number("watch_below");
    check_thresholds(&t, scale.as_ref(), &risk_below, &watch_below);
    let dimensions = decode_dimensions(&t);
    t.finish(&[], "[readiness]");
    let scale = scale?;
    // Unless the pack says otherwise, the lowest three eighths of the scale
    // are a risk and the next quarter is to watch (2.5 and 3.5 on 1–5).
    let span = (scale.max - scale.min) as f64;
    let risk_below = risk_below.map_or(scale.min as f64 + span * 0.375, |(n, _)| n);
    let watch_below = watch_below.map_or(scale.min as f64 + span * 0.625, |(n, _)| n);
    Some(Readiness {
        title: title?,
        intro,
        phases: Vec::new(),
        scale,
        dont_know,
        risk_below,
        watch_below,
        dimensions,
    })
}

/// The readiness scale (`[readiness.scale]`), which must be there.
fn readiness_scale(t: &Table<'_>) -> Option<Scale> {
    if let Some(scale_table) = t.table("scale") {
        let scale = decode_scale(&scale_table);
        scale_table.finish(&[], "scale");
        return scale;
    }
    if t.raw("scale").is_none() {
        t.missing("scale");
    }
    None
}

/// `risk_below` and `watch_below` lie on the scale, the first no higher
/// than the second.
fn check_thresholds(
    t: &Table<'_>,
    scale: Option<&Scale>,
    risk_below: &Option<(f64, Range<usize>)>,
    watch_below: &Option<(f64, Range<usize>)>,
) {
    let ctx = t.ctx();
    if let Some(scale) = scale {
        let (lo, hi) = (scale.min as f64, scale.max as f64);
        for (key, value) in [("risk_below", risk_below), ("watch_below", watch_below)] {
            if let Some((value, span)) = value
                && !(lo..=hi).contains(value)
            {
                let value = *value;
                report(ctx, span, Message::OffTheScale { key, value, lo, hi });
            }
        }
    }
    if let (Some((risk, span)), Some((watch, _))) = (risk_below, watch_below)
        && risk > watch
    {
        let (risk, watch) = (*risk, *watch);
        report(ctx, span, Message::RiskAboveWatch { risk, watch });
    }
}

/// The readiness dimensions, each with its statements; each id once.
fn decode_dimensions(t: &Table<'_>) -> Vec<Dimension> {
    let ctx = t.ctx();
    let mut dimensions = Vec::new();
    let mut seen = Seen::default();
    let dimension_tables = t.tables("dimensions", true);
    if dimension_tables.is_empty() && t.raw("dimensions").is_some() {
        report(ctx, &t.span(), Message::NoDimensions);
    }
    for d in dimension_tables {
        let id = d.id("id");
        let title = d.text("title", true, TextForm::Line);
        let statements = decode_statements(&d);
        d.finish(&[], Part::Dimension);
        if let (Some((id, span)), Some(title)) = (id, title)
            && seen.first(ctx, &id, &span)
        {
            dimensions.push(Dimension {
                id,
                title,
                statements,
            });
        }
    }
    dimensions
}

/// A dimension's statements; each id once.
fn decode_statements(d: &Table<'_>) -> Vec<Statement> {
    let ctx = d.ctx();
    let mut statements = Vec::new();
    let mut seen = Seen::default();
    let statement_tables = d.tables("statements", true);
    if statement_tables.is_empty() && d.raw("statements").is_some() {
        report(ctx, &d.span(), Message::NoStatements);
    }
    for s in statement_tables {
        let sid = s.id("id");
        let text = s.text("text", true, TextForm::Line);
        s.finish(&[], Part::Statement);
        if let (Some((sid, span)), Some(text)) = (sid, text)
            && seen.first(ctx, &sid, &span)
        {
            statements.push(Statement { id: sid, text });
        }
    }
    statements
}

fn decode_diagnostic(t: Table<'_>, pending: &mut Pending) -> Option<Diagnostic> {
    let title = t.text("title", true, TextForm::Line);
    let intro = t.text("intro", false, TextForm::Markdown);
    let items = t.strings("items", true);
    pending.diagnostic_track = t.string("track", false);
    t.finish(&[], "[diagnostic]");
    pending.diagnostic_items.extend(items);
    Some(Diagnostic {
        title: title?,
        intro,
        items: Vec::<Name>::new(),
        track: None,
    })
}

/// What decoding `pack.toml` says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A language code listed twice in `languages`.
    LanguageTwice { code: String },
    /// A language dino does not speak in `languages`.
    UnknownLanguage { code: String },
    /// `languages` is empty.
    NoLanguage,
    /// A `version` not written MAJOR.MINOR.PATCH.
    BadVersion { version: String },
    /// A `risk_below` or `watch_below` off the readiness scale.
    OffTheScale {
        key: &'static str,
        value: f64,
        lo: f64,
        hi: f64,
    },
    /// `risk_below` above `watch_below`.
    RiskAboveWatch { risk: f64, watch: f64 },
    /// `dimensions` is an empty list.
    NoDimensions,
    /// A readiness dimension with no statements.
    NoStatements,
    /// A `stale_after_days` below 1 (or too large to be a number of days).
    StaleAfterDays { days: i64 },
    /// A term's `by` that names no profile question.
    TermByUnknown {
        term: String,
        by: String,
        near: Option<String>,
    },
    /// A term's `by` that names a profile question that is no choice.
    TermByNotChoice {
        term: String,
        by: String,
        kind: &'static str,
    },
    /// A key of a term's `values` that is none of its question's options.
    TermValueNotOption {
        option: String,
        by: String,
        ids: Vec<String>,
    },
}
