//! Reading an entry back from its Markdown: the front matter, then the
//! body's records or text. Whatever cannot be read is a finding with its
//! line; nothing is dropped silently (docs/log-format.md).

mod action;

use std::cell::RefCell;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::blocks::{Block, ListItem, Spanned, build};
use super::labels::{Label, Marker};
use super::value::{decode, push_source};
use super::{Answer, Body, CheckState, Entry, OptionMark, Record, front, markdown_options};
use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::text::nesting::{MAX_NESTING, deeper, line_too_deep};

/// What this module says of an entry it reads; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The front matter's closing `+++` line is missing.
    NoClosingLine,
    /// The file does not start with front matter.
    NoFrontMatter,
    /// The body nests deeper than `max` levels.
    TooDeep { max: usize },
    /// An option marker stands in a heading.
    OptionMarkerInHeading,
    /// A list item has no item marker.
    ItemWithoutMarker,
    /// Text stands before the first item.
    OutsideAnItem,
    /// A check has no checkbox; it is read as not done.
    NoCheckbox { item: String },
    /// An option has no option marker.
    OptionWithoutMarker,
    /// An item has two lists of options.
    TwoOptionLists { item: String },
    /// A heading stands where none is read.
    HeadingHere,
    /// Bold text with a colon that is none of the labels.
    UnknownLabel { bold: String },
    /// Text under an item follows no label.
    Unplaced { item: String },
    /// An answer text or options under a checkbox.
    CheckboxWithAnswer { item: String },
    /// A checkbox both ticked and not applicable; read as done.
    TickedAndNotApplicable { item: String },
    /// An item has more than one answer; the first is read.
    MoreThanOneAnswer { item: String },
    /// An item has no answer.
    NoAnswer { item: String },
    /// An action's marker or label stands outside an action's block.
    ActionOutsideItsBlock,
    /// A field of an indicator or a measurement written twice; the first
    /// one is read.
    FieldTwice { label: Label },
    /// An action's block holds something other than its text, owner and
    /// due day.
    ActionBlockHolds,
    /// An action's block has no `<!-- action: N -->` marker after its text.
    ActionWithoutMarker,
    /// Action `n` lacks its `label` (`owner`, `due`).
    ActionLacks { n: u32, label: &'static str },
    /// Action `n`'s due day is not a day.
    ActionDueNotADay { n: u32, found: String },
    /// A criterion's record has no status.
    CriterionNoStatus { id: String },
    /// A criterion's record has more than one status; the first is read.
    CriterionTwoStatuses { id: String },
    /// A criterion's record holds an answer, options or "don't know".
    CriterionWithAnswer { id: String },
    /// A deferred criterion without exactly one action after it.
    DeferredActions { id: String, found: usize },
    /// A criterion met, not met or not applicable with an action beside it.
    CriterionWithAction { id: String },
    /// A criterion's status label under an item's record.
    StatusUnderItem { item: String },
}

/// An entry read from a file: the entry (when its front matter could be
/// read), the line of each record, and the findings.
#[derive(Debug)]
pub struct ReadEntry {
    pub entry: Option<Entry>,
    /// The 1-based line of each record in `entry`'s body, in order.
    pub record_lines: Vec<usize>,
    /// Where the front matter's `phase` value is (line, column), or (1, 1).
    pub key_at: super::KeyPositions,
    pub findings: Vec<Finding>,
}

/// Reads an entry from its text.
pub fn read_entry(src: &SourceText, lang: Lang) -> ReadEntry {
    if let Some(conflict) = crate::conflict::finding(src, &src.text) {
        return ReadEntry::unread(vec![conflict], Default::default());
    }
    let Some((toml, body_start)) = front::split(&src.text) else {
        return ReadEntry::unread(vec![no_front_matter(src)], Default::default());
    };
    let findings = RefCell::new(Vec::new());
    let (meta, key_at) = front::read(src, toml, lang, &findings);
    let body_text = &src.text[body_start..];
    let events = match body_events(body_text) {
        Ok(events) => events,
        Err(at) => {
            let mut findings = findings.into_inner();
            let at = body_start + at.start..body_start + at.end;
            findings.push(src.finding(&at, Message::TooDeep { max: MAX_NESTING }));
            return ReadEntry::unread(findings, key_at);
        }
    };
    let blocks = build(&events);
    let (title, rest) = title_and_rest(&blocks, body_text);
    let mut record_lines = Vec::new();
    let entry = meta.map(|meta| {
        let body = if meta.kind.is_note() {
            Body::Text(note_text(body_text, src.text.starts_with("+++\r\n")))
        } else {
            let mut reader = BodyReader::new(src, body_start, &findings);
            let (records, lines) = reader.records(rest);
            record_lines = lines;
            Body::Records(records)
        };
        Entry { meta, title, body }
    });
    ReadEntry {
        entry,
        record_lines,
        key_at,
        findings: findings.into_inner(),
    }
}

impl ReadEntry {
    /// An entry that could not be read, and why.
    fn unread(findings: Vec<Finding>, key_at: super::KeyPositions) -> ReadEntry {
        ReadEntry {
            entry: None,
            record_lines: Vec::new(),
            key_at,
            findings,
        }
    }
}

/// Why a file has no front matter: it lacks its closing line, or it does
/// not start with one.
fn no_front_matter(src: &SourceText) -> Finding {
    let opened = src
        .text
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == "+++");
    let message = if opened {
        Message::NoClosingLine
    } else {
        Message::NoFrontMatter
    };
    Finding {
        file: src.name.clone(),
        line: 1,
        col: 1,
        message: message.into(),
    }
}

/// The `#` title, when the body starts with one, and the blocks after it.
fn title_and_rest<'b, 'a>(blocks: &'b [Block<'a>], body: &str) -> (String, &'b [Block<'a>]) {
    match blocks.split_first() {
        Some((
            Block::Heading {
                level: 1, inlines, ..
            },
            rest,
        )) => (decode(inlines, body), rest),
        _ => (String::new(), blocks),
    }
}

/// The body's Markdown events; or where it nests deeper than dino reads,
/// which would exhaust the stack of the tree built from it.
fn body_events(body: &str) -> Result<Vec<Spanned<'_>>, Range<usize>> {
    // A line that opens too many containers is refused before parsing,
    // which it would slow to a crawl.
    if let Some(at) = line_too_deep(body) {
        return Err(at);
    }
    // The depth is followed as the events come, not in a second pass.
    let mut depth = 0;
    let mut events: Vec<Spanned<'_>> = Vec::new();
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        if deeper(&mut depth, &event) {
            return Err(range);
        }
        events.push((event, range));
    }
    Ok(events)
}

struct BodyReader<'a> {
    src: &'a SourceText,
    body: &'a str,
    /// Where the body starts in the file.
    offset: usize,
    findings: &'a RefCell<Vec<Finding>>,
    /// Where each line of the file starts, to number records' lines without
    /// counting from the top each time.
    line_starts: Vec<usize>,
}

/// Where a text after a label goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Answer,
    NotApplicable,
    Note,
    /// The `n`th field of an indicator or a measurement.
    Field(usize),
}

/// A record being read.
struct Builder {
    item: String,
    prompt: String,
    respondent: Option<String>,
    /// `Some(ticked)` for a check (a task-list item).
    task: Option<bool>,
    /// A check's prompt when it was struck through (`~~PROMPT~~`), as a
    /// check that does not apply is written: the prompt inside.
    struck: Option<String>,
    at: Range<usize>,
    answer: Option<String>,
    not_applicable: Option<String>,
    dont_know: bool,
    note: Option<String>,
    options: Option<Vec<OptionMark>>,
    /// An indicator's or a measurement's fields, in the order read.
    fields: Vec<(Label, Option<String>)>,
    actions: Vec<super::ActionMark>,
    last: Option<Slot>,
    /// A gate criterion's record, not an item's.
    criterion: bool,
    /// The criterion statuses read (`Met`, `NotMet`, `Deferred`).
    statuses: Vec<Label>,
}

/// The records read so far, and the line of each.
#[derive(Default)]
struct Collected {
    records: Vec<Record>,
    lines: Vec<usize>,
}

impl Builder {
    /// A record begun at its marker, nothing under it read yet.
    fn new(
        item: String,
        prompt: String,
        respondent: Option<String>,
        task: Option<bool>,
        at: Range<usize>,
    ) -> Builder {
        Builder {
            item,
            prompt,
            respondent,
            task,
            struck: None,
            at,
            answer: None,
            not_applicable: None,
            dont_know: false,
            note: None,
            options: None,
            fields: Vec::new(),
            actions: Vec::new(),
            last: None,
            criterion: false,
            statuses: Vec::new(),
        }
    }

    fn slot(&mut self, slot: Slot) -> &mut Option<String> {
        match slot {
            Slot::Answer => &mut self.answer,
            Slot::NotApplicable => &mut self.not_applicable,
            Slot::Note => &mut self.note,
            Slot::Field(n) => &mut self.fields[n].1,
        }
    }

    /// Adds a paragraph (or a block's source) to the text last written to.
    fn append(&mut self, slot: Slot, text: String) {
        let target = self.slot(slot);
        match target {
            Some(existing) => {
                existing.push_str("\n\n");
                existing.push_str(&text);
            }
            None => *target = Some(text),
        }
        self.last = Some(slot);
    }
}

impl<'a> BodyReader<'a> {
    /// A reader of the body of `src` that starts at `offset`.
    fn new(
        src: &'a SourceText,
        offset: usize,
        findings: &'a RefCell<Vec<Finding>>,
    ) -> BodyReader<'a> {
        BodyReader {
            src,
            body: &src.text[offset..],
            offset,
            findings,
            line_starts: std::iter::once(0)
                .chain(src.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    fn report(&self, range: &Range<usize>, message: Message) {
        let at = range.start + self.offset..range.end + self.offset;
        self.findings
            .borrow_mut()
            .push(self.src.finding(&at, message));
    }

    fn line_of(&self, range: &Range<usize>) -> usize {
        let at = range.start + self.offset;
        self.line_starts.partition_point(|start| *start <= at)
    }

    fn source(&self, range: &Range<usize>) -> String {
        let mut out = String::new();
        push_source(&mut out, self.body, range);
        out.trim_end_matches(['\n', '\r']).to_string()
    }

    /// The records of a session's body, each with its line.
    fn records(&mut self, blocks: &[Block<'_>]) -> (Vec<Record>, Vec<usize>) {
        let mut done = Collected::default();
        let mut current: Option<Builder> = None;
        let mut respondent: Option<String> = None;
        for block in blocks {
            match block {
                Block::Heading { inlines, range, .. } => {
                    self.finish_into(current.take(), &mut done);
                    current = self.heading(inlines, range, &mut respondent);
                }
                Block::List { items, .. }
                    if items
                        .iter()
                        .any(|i| matches!(item_marker(i), Some(Marker::Item(_)))) =>
                {
                    self.checks(items, &mut current, respondent.as_ref(), &mut done);
                }
                other => match current.as_mut() {
                    Some(builder) => self.content(builder, other, None),
                    None => self.outside_an_item(other),
                },
            }
        }
        self.finish_into(current.take(), &mut done);
        (done.records, done.lines)
    }

    /// Finishes a record being read, if there is one, into `done`.
    fn finish_into(&self, builder: Option<Builder>, done: &mut Collected) {
        if let Some(b) = builder {
            let line = self.line_of(&b.at);
            if let Some(record) = self.finish(b) {
                done.records.push(record);
                done.lines.push(line);
            }
        }
    }

    /// A heading: an item's (the record it starts comes back), a
    /// respondent's (who answers the items after it), or a person's own
    /// (which ends the record before it).
    fn heading(
        &self,
        inlines: &[Spanned<'_>],
        range: &Range<usize>,
        respondent: &mut Option<String>,
    ) -> Option<Builder> {
        match find_marker(inlines) {
            Some((Marker::Item(id), at)) => {
                let prompt = self.prompt(&inlines[..at]);
                Some(Builder::new(
                    id,
                    prompt,
                    respondent.clone(),
                    None,
                    range.clone(),
                ))
            }
            Some((Marker::Criterion(id), at)) => {
                let prompt = self.prompt(&inlines[..at]);
                let mut builder = Builder::new(id, prompt, None, None, range.clone());
                builder.criterion = true;
                Some(builder)
            }
            Some((Marker::Respondent, at)) => {
                *respondent = Some(self.prompt(&inlines[..at]));
                None
            }
            Some((Marker::Option(_), _)) => {
                self.report(range, Message::OptionMarkerInHeading);
                None
            }
            Some((Marker::Action(_), _)) => {
                self.report(range, Message::ActionOutsideItsBlock);
                None
            }
            None => None,
        }
    }

    /// A list of checks; a list that runs on from an item's options (same
    /// bullet, by hand) may hold options first.
    fn checks(
        &mut self,
        items: &[ListItem<'_>],
        current: &mut Option<Builder>,
        respondent: Option<&String>,
        done: &mut Collected,
    ) {
        for item in items {
            if let (Some(Marker::Option(_)), Some(builder)) = (item_marker(item), current.as_mut())
                && let Some(option) = self.option(item)
            {
                builder.options.get_or_insert_with(Vec::new).push(option);
                continue;
            }
            self.finish_into(current.take(), done);
            match self.check_item(item, respondent.cloned()) {
                Some(builder) => self.finish_into(Some(builder), done),
                None => self.report(&item.range, Message::ItemWithoutMarker),
            }
        }
    }

    /// A block before the first item: a finding, unless it is a comment.
    fn outside_an_item(&self, block: &Block<'_>) {
        if !matches!(block, Block::Other { comment: true, .. }) {
            self.report(block.range(), Message::OutsideAnItem);
        }
    }

    /// The prompt (or respondent) before a marker: its text, less the one
    /// space the writer puts before the marker.
    fn prompt(&self, inlines: &[Spanned<'_>]) -> String {
        let text = decode(inlines, self.body);
        text.strip_suffix(' ').map(str::to_string).unwrap_or(text)
    }

    /// A check: a task-list item with an item marker, and what is under it.
    fn check_item(&mut self, item: &ListItem<'_>, respondent: Option<String>) -> Option<Builder> {
        let (first, rest) = item.blocks.split_first()?;
        let Block::Paragraph { inlines, .. } = first else {
            return None;
        };
        let (Marker::Item(id), at) = find_marker(inlines)? else {
            return None;
        };
        let prompt = self.prompt(&inlines[..at]);
        let task = Some(item.task.unwrap_or(false));
        let mut builder = Builder::new(id, prompt, respondent, task, item.range.clone());
        builder.struck = struck(&inlines[..at]).map(|inner| decode(inner, self.body));
        if item.task.is_none() {
            let item_id = builder.item.clone();
            self.report(&item.range, Message::NoCheckbox { item: item_id });
        }
        // Text after the marker in the same paragraph (a label on the next line).
        let after = &inlines[at + 1..];
        if !after.is_empty() {
            self.paragraph(&mut builder, after, &first.range().clone(), None);
        }
        for block in rest {
            self.content(&mut builder, block, None);
        }
        Some(builder)
    }

    /// A block under a record: an answer, a reason, a note, or options.
    fn content(&mut self, builder: &mut Builder, block: &Block<'_>, default: Option<Slot>) {
        match block {
            Block::Paragraph { inlines, range } => self.paragraph(builder, inlines, range, default),
            // A quote that starts with the note label is the note, and one
            // that starts with the action label an action; under a check,
            // one quote holds the note and the actions one after another.
            // Any other quote a person wrote is kept as its source, `>` and
            // all.
            Block::Quote { blocks, range } if opening_label(blocks).is_some() => {
                let parts = quote_parts(blocks);
                let whole = (parts.len() == 1).then_some(range);
                for part in parts {
                    self.note_or_action(builder, part, whole);
                }
            }
            Block::Quote { range, .. } => {
                let text = self.source(range);
                let slot = builder.last.or(default).or_else(|| {
                    (builder.task.is_none() && builder.options.is_none()).then_some(Slot::Answer)
                });
                match slot {
                    Some(slot) => builder.append(slot, text),
                    None => self.unplaced(builder, range),
                }
            }
            Block::List { items, range }
                if items
                    .iter()
                    .any(|i| matches!(item_marker(i), Some(Marker::Option(_)))) =>
            {
                let mut options = Vec::new();
                for item in items {
                    match self.option(item) {
                        Some(option) => options.push(option),
                        None => self.report(&item.range, Message::OptionWithoutMarker),
                    }
                }
                if builder.options.is_some() {
                    let item = builder.item.clone();
                    self.report(range, Message::TwoOptionLists { item });
                }
                builder.options = Some(options);
                builder.last = None;
            }
            Block::Other { comment: true, .. } => {}
            Block::Heading { range, .. } => self.report(range, Message::HeadingHere),
            other => {
                let text = self.source(other.range());
                let slot = builder.last.or(default).or_else(|| {
                    (builder.task.is_none() && builder.options.is_none()).then_some(Slot::Answer)
                });
                match slot {
                    Some(slot) => builder.append(slot, text),
                    None => self.unplaced(builder, other.range()),
                }
            }
        }
    }

    /// A part of a quote that opens with the note's label (the note) or an
    /// action's (the action); `whole` is the quote's place when the part is
    /// all of it.
    fn note_or_action(
        &mut self,
        builder: &mut Builder,
        part: &[Block<'_>],
        whole: Option<&Range<usize>>,
    ) {
        if action::is_action_block(part) {
            let at = match (whole, part.first(), part.last()) {
                (Some(range), _, _) => range.clone(),
                (None, Some(first), Some(last)) => first.range().start..last.range().end,
                (None, _, _) => 0..0,
            };
            if let Some(found) = self.action(part, &at) {
                builder.actions.push(found);
            }
            builder.last = None;
        } else {
            for inner in part {
                self.content(builder, inner, Some(Slot::Note));
            }
        }
    }

    /// A paragraph under a record, split at each label that starts a line.
    fn paragraph(
        &mut self,
        builder: &mut Builder,
        inlines: &[Spanned<'_>],
        range: &Range<usize>,
        default: Option<Slot>,
    ) {
        // Bold text ending in a colon at the start looks like a label: if it
        // is none of ours, say so rather than read it as part of the text.
        if let Some((Event::Start(Tag::Strong), at)) = inlines.first()
            && label_at(inlines, 0).is_none()
        {
            let bold = bold_text(inlines);
            if bold.trim_end().ends_with(':') {
                self.report(at, Message::UnknownLabel { bold });
            }
        }
        for (label, events) in segments(inlines) {
            let text = decode(events, self.body);
            // The colon when it stands after the bold label, and the one
            // space the writer puts after a label.
            let after_label = || {
                let rest = text.strip_prefix(':').unwrap_or(&text);
                rest.strip_prefix(' ').unwrap_or(rest).to_string()
            };
            match label {
                Some(Label::Answer) => builder.append(Slot::Answer, after_label()),
                Some(Label::NotApplicable) => builder.append(Slot::NotApplicable, after_label()),
                Some(Label::Note) => builder.append(Slot::Note, after_label()),
                Some(Label::DontKnow) => {
                    builder.dont_know = true;
                    builder.last = None;
                }
                Some(status @ (Label::Met | Label::NotMet | Label::Deferred)) => {
                    builder.statuses.push(status);
                    builder.last = None;
                }
                Some(Label::Action | Label::Due) => {
                    self.report(range, Message::ActionOutsideItsBlock);
                }
                Some(field) => {
                    if builder.fields.iter().any(|(l, _)| *l == field) {
                        self.report(range, Message::FieldTwice { label: field });
                    }
                    builder.fields.push((field, None));
                    builder.append(Slot::Field(builder.fields.len() - 1), after_label());
                }
                None => {
                    let slot = builder.last.or(default).or_else(|| {
                        (builder.task.is_none() && builder.options.is_none())
                            .then_some(Slot::Answer)
                    });
                    match slot {
                        Some(slot) => builder.append(slot, text.clone()),
                        None => self.unplaced(builder, range),
                    }
                }
            }
        }
    }

    fn unplaced(&self, builder: &Builder, range: &Range<usize>) {
        let item = builder.item.clone();
        self.report(range, Message::Unplaced { item });
    }

    fn option(&self, item: &ListItem<'_>) -> Option<OptionMark> {
        let Some(Block::Paragraph { inlines, .. }) = item.blocks.first() else {
            return None;
        };
        let (Marker::Option(id), at) = find_marker(inlines)? else {
            return None;
        };
        Some(OptionMark {
            id,
            label: self.prompt(&inlines[..at]),
            ticked: item.task.unwrap_or(false),
        })
    }

    /// Turns what was read under a record into the record.
    fn finish(&self, b: Builder) -> Option<Record> {
        if b.criterion {
            return self.finish_criterion(b);
        }
        let item = || b.item.clone();
        if !b.statuses.is_empty() {
            self.report(&b.at, Message::StatusUnderItem { item: item() });
        }
        // A ticked check with its prompt struck through and a reason: one
        // that does not apply, as dino writes it.
        let struck_not_applicable =
            b.task == Some(true) && b.struck.is_some() && b.not_applicable.is_some();
        let answer = if let Some(ticked) = b.task {
            if b.answer.is_some() || b.options.is_some() {
                self.report(&b.at, Message::CheckboxWithAnswer { item: item() });
            }
            match (ticked, b.not_applicable) {
                (true, Some(reason)) if struck_not_applicable => CheckState::NotApplicable(reason),
                (true, Some(_)) => {
                    let item = item();
                    self.report(&b.at, Message::TickedAndNotApplicable { item });
                    CheckState::Done
                }
                (true, None) => CheckState::Done,
                (false, Some(reason)) => CheckState::NotApplicable(reason),
                (false, None) => CheckState::NotDone,
            }
            .into()
        } else {
            let given = [
                b.answer.is_some(),
                b.options.is_some(),
                !b.fields.is_empty(),
                b.not_applicable.is_some(),
                b.dont_know,
            ]
            .iter()
            .filter(|g| **g)
            .count();
            if given > 1 {
                self.report(&b.at, Message::MoreThanOneAnswer { item: item() });
            }
            if let Some(text) = b.answer {
                Answer::Text(text)
            } else if let Some(options) = b.options {
                Answer::Options(options)
            } else if !b.fields.is_empty() {
                let fields = b.fields.into_iter();
                Answer::Fields(fields.map(|(l, v)| (l, v.unwrap_or_default())).collect())
            } else if let Some(reason) = b.not_applicable {
                Answer::NotApplicable(reason)
            } else if b.dont_know {
                Answer::DontKnow
            } else if !b.actions.is_empty() {
                // An item discussed, not answered, with actions beside it.
                Answer::Unanswered
            } else {
                self.report(&b.at, Message::NoAnswer { item: item() });
                return None;
            }
        };
        let prompt = match b.struck {
            Some(inner) if struck_not_applicable => inner,
            _ => b.prompt,
        };
        Some(Record {
            item: b.item,
            criterion: false,
            prompt,
            answer,
            note: b.note,
            respondent: b.respondent,
            actions: b.actions,
        })
    }

    /// A criterion's record: exactly one status, and one action after a
    /// deferred one, none after the others.
    fn finish_criterion(&self, b: Builder) -> Option<Record> {
        let id = || b.item.clone();
        if b.answer.is_some() || b.options.is_some() || b.dont_know {
            self.report(&b.at, Message::CriterionWithAnswer { id: id() });
        }
        let mut statuses: Vec<Answer> = b
            .statuses
            .iter()
            .map(|label| match label {
                Label::Met => Answer::Met,
                Label::NotMet => Answer::NotMet,
                _ => Answer::Deferred,
            })
            .collect();
        statuses.extend(b.not_applicable.clone().map(Answer::NotApplicable));
        if statuses.len() > 1 {
            self.report(&b.at, Message::CriterionTwoStatuses { id: id() });
        }
        let Some(answer) = statuses.into_iter().next() else {
            self.report(&b.at, Message::CriterionNoStatus { id: id() });
            return None;
        };
        let found = b.actions.len();
        if answer == Answer::Deferred && found != 1 {
            self.report(&b.at, Message::DeferredActions { id: id(), found });
            if found == 0 {
                return None;
            }
        } else if answer != Answer::Deferred && found > 0 {
            self.report(&b.at, Message::CriterionWithAction { id: id() });
        }
        Some(Record {
            item: b.item,
            criterion: true,
            prompt: b.prompt,
            answer,
            note: b.note,
            respondent: None,
            actions: b.actions,
        })
    }
}

impl From<CheckState> for Answer {
    fn from(state: CheckState) -> Answer {
        Answer::Check(state)
    }
}

/// A note's text: the Markdown after the title line and the blank line
/// below it, as written, less the one line end the writer puts last. In a
/// file an editor turned to CRLF line ends (`crlf`), those read as `\n`.
fn note_text(body: &str, crlf: bool) -> String {
    let body = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_string()
    };
    let trimmed = body.trim_start_matches('\n');
    let rest = if trimmed.starts_with("# ") || trimmed.starts_with("#\t") || trimmed == "#" {
        let after = trimmed.split_once('\n').map_or("", |(_, after)| after);
        after.strip_prefix('\n').unwrap_or(after)
    } else {
        &body
    };
    rest.strip_suffix('\n').unwrap_or(rest).to_string()
}

/// The marker comment in a line of inlines, and its index.
fn find_marker(inlines: &[Spanned<'_>]) -> Option<(Marker, usize)> {
    inlines
        .iter()
        .enumerate()
        .find_map(|(i, (event, _))| match event {
            Event::InlineHtml(html) => Marker::parse(html).map(|m| (m, i)),
            _ => None,
        })
}

/// The inlines inside `~~…~~` when a prompt (the inlines before its
/// marker, with the one space before it) is wholly struck through.
fn struck<'e, 'a>(inlines: &'e [Spanned<'a>]) -> Option<&'e [Spanned<'a>]> {
    let inlines = match inlines.split_last() {
        Some(((Event::Text(space), _), rest)) if &**space == " " => rest,
        _ => inlines,
    };
    let (Some((Event::Start(Tag::Strikethrough), _)), Some((Event::End(TagEnd::Strikethrough), _))) =
        (inlines.first(), inlines.last())
    else {
        return None;
    };
    // The strikethrough that opens the prompt must be the one that ends it.
    let mut depth = 0usize;
    for (i, (event, _)) in inlines.iter().enumerate() {
        match event {
            Event::Start(Tag::Strikethrough) => depth += 1,
            Event::End(TagEnd::Strikethrough) => {
                depth -= 1;
                if depth == 0 && i + 1 < inlines.len() {
                    return None;
                }
            }
            _ => {}
        }
    }
    inlines.get(1..inlines.len() - 1)
}

/// A quote's first label, when it opens with the note's or an action's.
fn opening_label(blocks: &[Block<'_>]) -> Option<Label> {
    match blocks.first() {
        Some(Block::Paragraph { inlines, .. })
            if matches!(inlines.first(), Some((Event::Start(Tag::Strong), _))) =>
        {
            label_at(inlines, 0)
                .map(|(label, _)| label)
                .filter(|label| matches!(label, Label::Note | Label::Action))
        }
        _ => None,
    }
}

/// A quote's blocks cut before each paragraph that opens with the note's
/// or an action's label.
fn quote_parts<'b, 'a>(blocks: &'b [Block<'a>]) -> Vec<&'b [Block<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..blocks.len() {
        if opening_label(&blocks[i..]).is_some() {
            parts.push(&blocks[start..i]);
            start = i;
        }
    }
    parts.push(&blocks[start..]);
    parts
}

/// The marker of a list item's first paragraph.
fn item_marker(item: &ListItem<'_>) -> Option<Marker> {
    match item.blocks.first() {
        Some(Block::Paragraph { inlines, .. }) => find_marker(inlines).map(|(m, _)| m),
        _ => None,
    }
}

/// Splits a paragraph's inlines at each bold label that starts it or starts
/// a line in it. Each part is the label (if any) and the events after it.
fn segments<'e, 'a>(inlines: &'e [Spanned<'a>]) -> Vec<(Option<Label>, &'e [Spanned<'a>])> {
    let mut cuts: Vec<(usize, usize, Label)> = Vec::new(); // (break index, after label, label)
    let mut i = 0;
    while i < inlines.len() {
        let at_line_start =
            i == 0 || matches!(inlines[i - 1].0, Event::SoftBreak | Event::HardBreak);
        if at_line_start
            && let Event::Start(Tag::Strong) = inlines[i].0
            && let Some((label, end)) = label_at(inlines, i)
        {
            let cut_from = if i == 0 { 0 } else { i - 1 };
            cuts.push((cut_from, end + 1, label));
            i = end + 1;
            continue;
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut label = None;
    for (cut_from, after, next_label) in cuts {
        if cut_from > start || label.is_some() {
            out.push((label, &inlines[start..cut_from]));
        }
        start = after;
        label = Some(next_label);
    }
    if start < inlines.len() || label.is_some() {
        out.push((label, &inlines[start..]));
    }
    out
}

/// The plain text of the bold element that opens `inlines`.
fn bold_text(inlines: &[Spanned<'_>]) -> String {
    let mut text = String::new();
    for (event, _) in inlines.iter().skip(1) {
        match event {
            Event::Text(t) => text.push_str(t),
            _ => break,
        }
    }
    text
}

/// A bold label starting at `i`: the label and the index of its end event.
fn label_at(inlines: &[Spanned<'_>], i: usize) -> Option<(Label, usize)> {
    let mut text = String::new();
    for (j, (event, _)) in inlines.iter().enumerate().skip(i + 1) {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::End(_) => return Label::parse(&text).map(|l| (l, j)),
            _ => return None,
        }
    }
    None
}
