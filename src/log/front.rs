//! An entry's front matter: the `+++` TOML block with its kind, date,
//! phase and people, written in a fixed key order and read with positions:
//! by `front_fast` when it is in the shape written here, else by the TOML
//! reader.

use std::cell::RefCell;
use std::ops::Range;

use toml::de::DeValue;

use super::{Change, EntryKind, KeyPositions, Measure, Meta, Participant, RosterChange, Stamp};
use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::toml_read::{FileCtx, Table};

/// What this module says of an entry's front matter; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// `kind` names no kind of entry; `valid` are the kinds there are.
    UnknownKind {
        kind: String,
        valid: Vec<&'static str>,
    },
    /// An entry of `kind` (a session, a gate decision) lacks its `phase`.
    MissingPhase { kind: &'static str },
    /// The `date` key is missing.
    MissingDate,
    /// `date` is neither a time nor a string.
    DateNotATime,
    /// `date` is no time with an offset; `why` is the time parser's reason.
    DateWithoutOffset { why: String },
    /// `key` (`due`, `measured`) is not a day written `YYYY-MM-DD`;
    /// `found` is what it is.
    NotADay { key: &'static str, found: String },
    /// A `measure` entry lacks `key`.
    MeasureLacks { key: &'static str },
    /// A `measure` entry's `value` is not a finite number.
    ValueNotFinite,
    /// `owner` is empty, or only spaces.
    BlankOwner,
    /// An action lacks `key` (`owner` or `due`).
    ActionLacks { key: &'static str },
    /// A `done` entry that names nothing under `closes`.
    DoneClosesNothing,
    /// A `roster` entry lacks `key` (`change`, `name`, or a correction's
    /// `was`).
    RosterLacks { key: &'static str },
    /// `change` is none of the changes a `roster` entry records.
    UnknownChange {
        change: String,
        valid: Vec<&'static str>,
    },
    /// A `roster` entry's `name` is empty, or only spaces.
    BlankName,
    /// `was` in a `roster` entry whose change (`add`, `remove`) is no
    /// correction.
    WasOnlyInCorrect { change: &'static str },
    /// `key` belongs to other kinds of entry (`for_kinds`), not `kind`.
    NotForKind {
        key: &'static str,
        kind: &'static str,
        for_kinds: &'static [&'static str],
    },
}

/// A TOML basic string holding `text` exactly, always on one line (so no
/// value can hold a `+++` line that would end the front matter).
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the front matter, fences included.
pub fn render(meta: &Meta) -> String {
    let mut out = String::from("+++\n");
    let mut line = |key: &str, value: String| {
        out.push_str(key);
        out.push_str(" = ");
        out.push_str(&value);
        out.push('\n');
    };
    line("kind", toml_string(meta.kind.id()));
    if let Some(phase) = &meta.phase {
        line("phase", toml_string(phase));
    }
    line("date", meta.date.to_string());
    if let Some(by) = &meta.by {
        let key = if meta.kind.has_author() {
            "author"
        } else {
            "facilitator"
        };
        line(key, toml_string(by));
    }
    if !meta.participants.is_empty() {
        let mut list = String::from("[\n");
        for p in &meta.participants {
            list.push_str("  { name = ");
            list.push_str(&toml_string(&p.name));
            if let Some(role) = &p.role {
                list.push_str(", role = ");
                list.push_str(&toml_string(role));
            }
            list.push_str(" },\n");
        }
        list.push(']');
        line("participants", list);
    }
    if !meta.closes.is_empty() {
        let ids: Vec<String> = meta.closes.iter().map(|id| toml_string(id)).collect();
        line("closes", format!("[{}]", ids.join(", ")));
    }
    if let Some(owner) = &meta.owner {
        line("owner", toml_string(owner));
    }
    if let Some(due) = meta.due {
        // A TOML local date, unquoted.
        line("due", due.to_string());
    }
    if let Some(mitigation) = &meta.mitigation {
        line("mitigation", toml_string(mitigation));
    }
    if let Some(measure) = &meta.measure {
        line("indicator", toml_string(&measure.indicator));
        line("value", super::front_fast::toml_number(measure.value));
        line("measured", measure.measured.to_string());
        if let Some(source) = &measure.source {
            line("source", toml_string(source));
        }
    }
    if let Some(roster) = &meta.roster {
        line("change", toml_string(roster.change.id()));
        line("name", toml_string(&roster.name));
        if let Some(role) = &roster.role {
            line("role", toml_string(role));
        }
        if let Some(was) = &roster.was {
            line("was", toml_string(was));
        }
    }
    if meta.alone {
        line("alone", "true".to_string());
    }
    if !meta.pack.is_empty() {
        line("pack", toml_string(&meta.pack));
    }
    if !meta.pack_version.is_empty() {
        line("pack_version", toml_string(&meta.pack_version));
    }
    if let Some(follows) = &meta.follows {
        let ids: Vec<String> = follows.iter().map(|id| toml_string(id)).collect();
        line("follows", format!("[{}]", ids.join(", ")));
    }
    out.push_str("+++\n");
    out
}

/// Where the front matter is: the TOML between the fences, and where the
/// body starts. `None` when the file does not start with a `+++` line.
pub fn split(text: &str) -> Option<(Range<usize>, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "+++" {
        return None;
    }
    let toml_start = first_end + 1;
    let mut pos = toml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            return Some((toml_start..pos, (end + 1).min(text.len())));
        }
        pos = end + 1;
    }
    None
}

/// Reads the front matter at `range` of `src`. Problems become findings; a
/// `Meta` comes back when the kind and date could be read, with where each
/// key's value is, for later findings about them.
pub fn read(
    src: &SourceText,
    range: Range<usize>,
    lang: Lang,
    findings: &RefCell<Vec<Finding>>,
) -> (Option<Meta>, KeyPositions) {
    if let Some((meta, positions)) = super::front_fast::read(src, range.clone()) {
        return (Some(meta), positions);
    }
    read_full(src, range, lang, findings)
}

/// As `read`, always with the TOML parser.
pub(super) fn read_full(
    src: &SourceText,
    range: Range<usize>,
    lang: Lang,
    findings: &RefCell<Vec<Finding>>,
) -> (Option<Meta>, KeyPositions) {
    let mut positions = KeyPositions::new();
    let meta = read_meta(src, range, lang, findings, &mut positions);
    (meta, positions)
}

fn read_meta(
    src: &SourceText,
    range: Range<usize>,
    lang: Lang,
    findings: &RefCell<Vec<Finding>>,
    positions: &mut KeyPositions,
) -> Option<Meta> {
    // Blank out everything but the TOML, so that offsets match the file.
    let mut toml_text = " ".repeat(range.start);
    toml_text.push_str(&src.text[range.clone()]);
    let tree = crate::toml_read::parse(src, &toml_text, findings)?;
    let ctx = FileCtx {
        src,
        lang,
        languages: RefCell::new(Vec::new()),
        findings,
        braced: RefCell::default(),
    };
    let root = Table::new(&ctx, tree.get_ref(), 0..3);
    // The keys are asked for in this order, which is the order of findings.
    let kind = read_kind(&root);
    let date = read_date(&root);
    for (key, value) in tree.get_ref().iter() {
        positions.insert(key.get_ref().to_string(), src.line_col(value.span().start));
    }
    let phase = read_phase(&root, kind);
    let (by, participants) = read_people(&root);
    let closes = read_ids(&root, "closes");
    let owned = read_owned(&root, kind, &closes);
    let measure = read_measure(&root, kind);
    let roster = read_roster(&root, kind);
    let alone = read_alone(&root, kind);
    let follows = root
        .raw("follows")
        .is_some()
        .then(|| read_ids(&root, "follows"));
    let pack = read_or_empty(&root, "pack");
    let pack_version = read_or_empty(&root, "pack_version");
    root.finish(&[], "front matter");
    Some(Meta {
        alone,
        kind: kind?,
        date: date?,
        phase,
        by,
        participants,
        pack,
        pack_version,
        closes,
        owner: owned.owner,
        due: owned.due,
        mitigation: owned.mitigation,
        follows,
        measure,
        roster,
    })
}

/// What a `roster` entry changes: `change` and `name` required, `role`
/// optional, `was` required in a correction and nowhere else. In other
/// entries these keys are findings.
fn read_roster(root: &Table<'_>, kind: Option<EntryKind>) -> Option<RosterChange> {
    let ctx = root.ctx();
    const KEYS: [&str; 4] = ["change", "name", "role", "was"];
    if kind != Some(EntryKind::Roster) {
        for key in KEYS {
            if let (Some(value), Some(kind)) = (root.raw(key), kind) {
                let message = Message::NotForKind {
                    key,
                    kind: kind.id(),
                    for_kinds: &["roster"],
                };
                report(ctx, &value.span(), message);
            }
        }
        return None;
    }
    for key in &KEYS[..2] {
        if root.raw(key).is_none() {
            report(ctx, &(0..3), Message::RosterLacks { key });
        }
    }
    let mut change_at = 0..3;
    let change = root.string("change", false).and_then(|(text, span)| {
        change_at = span.clone();
        let change = Change::from_id(&text);
        if change.is_none() {
            let valid = Change::ALL.map(Change::id).to_vec();
            report(
                ctx,
                &span,
                Message::UnknownChange {
                    change: text,
                    valid,
                },
            );
        }
        change
    });
    let name = root.string("name", false).and_then(|(name, span)| {
        if name.trim().is_empty() {
            report(ctx, &span, Message::BlankName);
            return None;
        }
        Some(name)
    });
    let role = root.string("role", false).map(|(text, _)| text);
    let was = root.string("was", false);
    match (change, &was) {
        (Some(Change::Correct), None) if root.raw("was").is_none() => {
            // At the change that needs it.
            report(ctx, &change_at, Message::RosterLacks { key: "was" });
        }
        (Some(change @ (Change::Add | Change::Remove)), Some((_, span))) => {
            let change = change.id();
            report(ctx, span, Message::WasOnlyInCorrect { change });
        }
        _ => {}
    }
    let change = change?;
    let was = was.map(|(text, _)| text);
    if change == Change::Correct && was.is_none() {
        return None;
    }
    Some(RosterChange {
        change,
        name: name?,
        role,
        was: was.filter(|_| change == Change::Correct),
    })
}

/// Whether a readiness entry holds one respondent's answers given alone
/// (`alone`, a boolean); in other entries the key is a finding.
fn read_alone(root: &Table<'_>, kind: Option<EntryKind>) -> bool {
    let alone = root.bool("alone").unwrap_or(false);
    if let (Some(value), Some(kind)) = (root.raw("alone"), kind)
        && kind != EntryKind::Readiness
    {
        let message = Message::NotForKind {
            key: "alone",
            kind: kind.id(),
            for_kinds: &["readiness"],
        };
        report(root.ctx(), &value.span(), message);
    }
    alone
}

/// What a `measure` entry measured: `indicator`, `value` and `measured`
/// required, `source` optional. In other entries these keys are findings.
fn read_measure(root: &Table<'_>, kind: Option<EntryKind>) -> Option<Measure> {
    let ctx = root.ctx();
    const KEYS: [&str; 4] = ["indicator", "value", "measured", "source"];
    if kind != Some(EntryKind::Measure) {
        for key in KEYS {
            if let (Some(value), Some(kind)) = (root.raw(key), kind) {
                let message = Message::NotForKind {
                    key,
                    kind: kind.id(),
                    for_kinds: &["measure"],
                };
                report(ctx, &value.span(), message);
            }
        }
        return None;
    }
    for key in &KEYS[..3] {
        if root.raw(key).is_none() {
            report(ctx, &(0..3), Message::MeasureLacks { key });
        }
    }
    let indicator = root.string("indicator", false).map(|(text, _)| text);
    let value = root.number("value").and_then(|(n, span)| {
        if !n.is_finite() {
            report(ctx, &span, Message::ValueNotFinite);
        }
        n.is_finite().then_some(n)
    });
    let measured = read_day(root, "measured");
    let source = root.string("source", false).map(|(text, _)| text);
    Some(Measure {
        indicator: indicator?,
        value: value?,
        measured: measured?,
        source,
    })
}

/// Who sees to an action or a risk, by when, and how.
struct Owned {
    owner: Option<String>,
    due: Option<jiff::civil::Date>,
    mitigation: Option<String>,
}

/// A string value whose TOML (`src` at `span`) is a multi-line string with
/// CRLF line ends, as a checkout with `core.autocrlf=true` leaves one
/// written by hand, with those line ends read as `\n`. dino writes one-line
/// strings only, so a CR it wrote (escaped) is kept.
fn lf_line_ends_if_raw(src: &SourceText, text: String, span: &Range<usize>) -> String {
    let raw = src.text.get(span.clone()).unwrap_or_default();
    if raw.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// `owner`, `due` and `mitigation`, where the kind of entry has them: an
/// action must have its owner and its due date; a `done` entry must close
/// something.
fn read_owned(root: &Table<'_>, kind: Option<EntryKind>, closes: &[String]) -> Owned {
    let ctx = root.ctx();
    let owner = root.string("owner", false);
    if let Some((name, span)) = &owner
        && name.trim().is_empty()
    {
        report(ctx, span, Message::BlankOwner);
    }
    let owned = Owned {
        owner: owner.map(|(name, _)| name),
        due: read_due(root),
        mitigation: root
            .string("mitigation", false)
            .map(|(text, span)| lf_line_ends_if_raw(ctx.src, text, &span)),
    };
    match kind {
        Some(EntryKind::Action) => {
            for (key, there) in [
                ("owner", owned.owner.is_some()),
                ("due", owned.due.is_some()),
            ] {
                if !there && root.raw(key).is_none() {
                    report(ctx, &(0..3), Message::ActionLacks { key });
                }
            }
        }
        Some(EntryKind::Done) if closes.is_empty() => {
            report(ctx, &(0..3), Message::DoneClosesNothing);
        }
        _ => {}
    }
    if let Some(kind) = kind {
        refuse_where_not_owned(root, kind);
    }
    owned
}

/// Findings for `owner`, `due` or `mitigation` in an entry whose kind has
/// none of them.
fn refuse_where_not_owned(root: &Table<'_>, kind: EntryKind) {
    const OWNED: &[&str] = &["action", "risk"];
    const RISK: &[&str] = &["risk"];
    let keys: &[(&'static str, &'static [&'static str])] = match kind {
        EntryKind::Action => &[("mitigation", RISK)],
        EntryKind::Risk => &[],
        _ => &[("owner", OWNED), ("due", OWNED), ("mitigation", RISK)],
    };
    for (key, for_kinds) in keys {
        if let Some(value) = root.raw(key) {
            let message = Message::NotForKind {
                key,
                kind: kind.id(),
                for_kinds,
            };
            report(root.ctx(), &value.span(), message);
        }
    }
}

/// `due`: a day, as a TOML local date or a `YYYY-MM-DD` string.
fn read_due(root: &Table<'_>) -> Option<jiff::civil::Date> {
    read_day(root, "due")
}

/// A day under `key`, as a TOML local date or a `YYYY-MM-DD` string.
fn read_day(root: &Table<'_>, key: &'static str) -> Option<jiff::civil::Date> {
    let value = root.raw(key)?;
    let text = match value.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
        DeValue::String(s) => s.to_string(),
        other => {
            let found = other.type_str().to_string();
            report(root.ctx(), &value.span(), Message::NotADay { key, found });
            return None;
        }
    };
    let day = crate::text::day::parse_day(&text);
    if day.is_none() {
        report(
            root.ctx(),
            &value.span(),
            Message::NotADay { key, found: text },
        );
    }
    day
}

/// `kind`, one of the kinds of entry.
fn read_kind(root: &Table<'_>) -> Option<EntryKind> {
    let (kind, span) = root.string("kind", true)?;
    let found = EntryKind::from_id(&kind);
    if found.is_none() {
        let valid = EntryKind::ALL.map(EntryKind::id).to_vec();
        report(root.ctx(), &span, Message::UnknownKind { kind, valid });
    }
    found
}

/// `phase`, which a session and a gate decision must have.
fn read_phase(root: &Table<'_>, kind: Option<EntryKind>) -> Option<String> {
    let phase = root.string("phase", false).map(|(p, _)| p);
    if let (Some(kind), None) = (kind, &phase)
        && matches!(kind, EntryKind::Session | EntryKind::Gate)
    {
        let kind = kind.id();
        report(root.ctx(), &(0..3), Message::MissingPhase { kind });
    }
    phase
}

/// Who led or wrote the entry (`facilitator`, else `author`), and who took
/// part.
fn read_people(root: &Table<'_>) -> (Option<String>, Vec<Participant>) {
    let author = root.string("author", false).map(|(a, _)| a);
    let facilitator = root.string("facilitator", false).map(|(f, _)| f);
    let participants = root
        .tables("participants", false)
        .into_iter()
        .filter_map(|t| {
            let name = t.string("name", true).map(|(n, _)| n);
            let role = t.string("role", false).map(|(r, _)| r);
            t.finish(&[], "participants");
            Some(Participant { name: name?, role })
        })
        .collect();
    (facilitator.or(author), participants)
}

/// A list of entry ids (`closes`, `follows`).
fn read_ids(root: &Table<'_>, key: &'static str) -> Vec<String> {
    root.strings(key, false)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// A string key that may be left out.
fn read_or_empty(root: &Table<'_>, key: &'static str) -> String {
    root.string(key, false)
        .map(|(value, _)| value)
        .unwrap_or_default()
}

fn read_date(root: &Table<'_>) -> Option<Stamp> {
    let ctx = root.ctx();
    let Some(value) = root.raw("date") else {
        report(ctx, &(0..3), Message::MissingDate);
        return None;
    };
    let text = match value.get_ref() {
        DeValue::Datetime(dt) => dt.to_string(),
        DeValue::String(s) => s.to_string(),
        _ => {
            report(ctx, &value.span(), Message::DateNotATime);
            return None;
        }
    };
    match Stamp::parse(&text) {
        Ok(stamp) => Some(stamp),
        Err(why) => {
            report(ctx, &value.span(), Message::DateWithoutOffset { why });
            None
        }
    }
}

/// A finding at `span` of the front matter's file.
fn report(ctx: &FileCtx<'_>, span: &Range<usize>, message: Message) {
    ctx.findings
        .borrow_mut()
        .push(ctx.src.finding(span, message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_keep_their_offset() {
        let s = Stamp::parse("2026-03-02T09:15:00+01:00").expect("valid");
        assert_eq!(s.to_string(), "2026-03-02T09:15:00+01:00");
        assert_eq!(s.file_prefix(), "2026-03-02-0915");
        assert!(Stamp::parse("2026-03-02T09:15:00").is_err());
        assert_eq!(
            Stamp::parse("2026-03-02T08:15:00Z").expect("valid").at,
            s.at
        );
    }

    #[test]
    fn toml_strings_stay_on_one_line_and_read_back() {
        for text in [
            "plain",
            "+++\n",
            "a \"q\" \\ b",
            "\t\r\u{7f}\u{85}\u{1}",
            "åäö ☕",
        ] {
            let written = toml_string(text);
            assert!(!written.contains('\n'), "{written}");
            let doc: toml::Table = toml::from_str(&format!("k = {written}")).expect("valid TOML");
            assert_eq!(doc["k"].as_str(), Some(text));
        }
    }

    /// The mitigation of a risk, as a front matter with `line_end` has it.
    fn mitigation_read(mitigation: &str, line_end: &str) -> Option<String> {
        let text = [
            "+++",
            "kind = \"risk\"",
            "date = 2026-03-02T09:15:00+01:00",
            "author = \"Eva Lind\"",
            &format!("mitigation = {mitigation}"),
            "+++",
            "# Risk",
            "",
        ]
        .join(line_end);
        let src = SourceText::new("r.md", text.clone());
        let (toml, _) = split(&text).expect("front matter");
        let findings = RefCell::new(Vec::new());
        let (meta, _) = read(&src, toml, Lang::En, &findings);
        assert!(findings.borrow().is_empty(), "{:?}", findings.borrow());
        meta.expect("reads").mitigation
    }

    #[test]
    fn a_multi_line_string_reads_the_same_from_a_crlf_checkout() {
        let written = "\"\"\"Ring dem.\nSkriv sedan.\"\"\"";
        let lf = mitigation_read(written, "\n");
        assert_eq!(lf.as_deref(), Some("Ring dem.\nSkriv sedan."));
        let crlf = mitigation_read(&written.replace('\n', "\r\n"), "\r\n");
        assert_eq!(crlf, lf);
        // A CR dino wrote, escaped on one line, is the user's and stays.
        let escaped = mitigation_read(&toml_string("a\r\nb"), "\r\n");
        assert_eq!(escaped.as_deref(), Some("a\r\nb"));
    }

    #[test]
    fn front_matter_is_found_with_either_line_end() {
        let text = "+++\r\nkind = \"note\"\r\n+++\r\n# T\r\n";
        let (toml, body) = split(text).expect("front matter");
        assert_eq!(&text[toml], "kind = \"note\"\r\n");
        assert_eq!(&text[body..], "# T\r\n");
        assert!(split("# no front matter\n").is_none());
        assert!(split("+++\nkind = 1\n").is_none());
    }
}
