//! Loading a pack: read every file, parse it keeping positions, decode it
//! into the model, then check what spans files (ids, conditions, references).
//! Every problem is collected; the pack loads only when there are none.

pub mod item;
pub mod pack_file;
mod phase_file;
pub mod refs;
pub mod text;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::DeTable;

use super::model::{Origin, Pack, Phase};
use super::source::{PackSource, check_relative};
use crate::finding::{Finding, SourceText};
use crate::i18n::{Lang, Said};
use crate::toml_read::{FileCtx, Table};

use item::{WrittenLean, WrittenRef, WrittenWhen};
pub use item::{check_value, parse_date, plain_value, value_of};

/// Where a condition stands: among the profile questions, or in a phase.
#[derive(Clone, Copy)]
pub enum Scope {
    Profile { index: usize },
    Phase { phase: usize, index: usize },
}

/// What the decoders leave for the checks that span files. `usize` fields
/// index the pack's files: 0 is `pack.toml`, then the phase files in order.
#[derive(Default)]
pub struct Pending {
    whens: Vec<(usize, Scope, WrittenWhen)>,
    leans: Vec<(usize, WrittenLean)>,
    /// What measurements name: an indicator, a due day.
    refs: Vec<(usize, Scope, WrittenRef)>,
    diagnostic_items: Vec<(String, Range<usize>)>,
    diagnostic_track: Option<(String, Range<usize>)>,
    readiness_phases: Vec<(String, Range<usize>)>,
    phase_ids: Vec<(usize, Range<usize>)>,
    /// Phases (`id`) and items (`id` or `phase.id`) that failed to decode;
    /// references to them are not reported again.
    broken: Vec<String>,
}

/// Ids seen so far in one scope, to report duplicates.
#[derive(Default)]
pub struct Seen {
    ids: HashMap<String, Range<usize>>,
}

impl Seen {
    /// Records an id; reports it and returns false when it was seen before.
    pub fn first(&mut self, ctx: &FileCtx<'_>, id: &str, span: &Range<usize>) -> bool {
        if let Some(earlier) = self.ids.get(id) {
            let (line, _) = ctx.src.line_col(earlier.start);
            let id = id.to_string();
            report(ctx, span, Message::IdUsed { id, line });
            false
        } else {
            self.ids.insert(id.to_string(), span.clone());
            true
        }
    }
}

/// Records the loader's `message` at `span` in `ctx`'s file.
fn report(ctx: &FileCtx<'_>, span: &Range<usize>, message: impl Into<Said>) {
    ctx.findings
        .borrow_mut()
        .push(ctx.src.finding(span, message));
}

/// Loads and checks a pack. On failure, every finding, in file order.
pub fn load(source: &PackSource, lang: Lang) -> Result<Pack, Vec<Finding>> {
    let findings = RefCell::new(Vec::new());
    let pack_src = source.read("pack.toml").map_err(|f| vec![f])?;
    let Some(pack_tree) = crate::toml_read::parse(&pack_src, &pack_src.text, &findings) else {
        return Err(findings.into_inner());
    };
    let ctx = FileCtx {
        src: &pack_src,
        lang,
        languages: RefCell::new(Vec::new()),
        findings: &findings,
        braced: RefCell::default(),
    };
    let root = Table::new(&ctx, pack_tree.get_ref(), 0..0);
    let languages = pack_file::decode_languages(&root);
    *ctx.languages.borrow_mut() = languages.clone();
    let phase_srcs = read_phase_files(source, &root);

    // Decode everything, leaving cross-file checks for the end.
    let mut pending = Pending::default();
    let head = pack_file::decode(root, &mut pending);
    let terms = head.as_ref().map(|h| h.term_ids()).unwrap_or_default();
    pack_file::check_braced(&ctx, &terms);
    let files_in = PhaseFiles {
        languages: &languages,
        lang,
        terms: &terms,
    };
    let (phases, all_parsed) = decode_phases(&phase_srcs, &files_in, &findings, &mut pending);
    let mut files: Vec<&SourceText> = vec![&pack_src];
    files.extend(phase_srcs.iter().map(|(_, src)| src));
    let mut head = head.map(|head| head.into_pack(phases));
    // A phase file that did not parse has no known id or items; checking
    // references against the rest would only add noise to its real error.
    if let Some(pack) = head.as_mut().filter(|_| all_parsed) {
        refs::check(pack, &files, &pending, &findings);
    }

    let findings = findings.into_inner();
    if !findings.is_empty() {
        return Err(in_file_order(findings, &files));
    }
    let mut pack = head.ok_or_else(Vec::new)?;
    pack.content_hash = content_hash(&files, &phase_srcs);
    pack.braces = pack.has_braces();
    pack.origin = match source {
        PackSource::Dir(path) => Origin::Dir(path.clone()),
        PackSource::Builtin(..) => Origin::Builtin,
    };
    Ok(pack)
}

/// Reads the phase files `pack.toml` lists (`phases`), each once, by its
/// path relative to the pack; names a listed file that is not there, and a
/// TOML file in the pack that is not listed.
fn read_phase_files(source: &PackSource, root: &Table<'_>) -> Vec<(String, SourceText)> {
    let ctx = root.ctx();
    let listed = root.strings("phases", true);
    let mut phase_srcs: Vec<(String, SourceText)> = Vec::new();
    let mut listed_paths = Vec::new();
    for (rel, span) in &listed {
        let normal = rel.trim_start_matches("./").to_string();
        if let Err(message) = check_relative(rel) {
            ctx.report(span, message);
            continue;
        }
        if listed_paths.contains(&normal) || normal == "pack.toml" {
            let rel = rel.clone();
            report(ctx, span, Message::PhaseFileListedTwice { rel });
            continue;
        }
        listed_paths.push(normal.clone());
        if !source.exists(&normal) {
            let rel = rel.clone();
            report(ctx, span, Message::PhaseFileMissing { rel });
            continue;
        }
        match source.read(&normal) {
            Ok(src) => phase_srcs.push((normal, src)),
            Err(finding) => ctx.findings.borrow_mut().push(finding),
        }
    }
    if listed.is_empty() && root.raw("phases").is_some() {
        let span = root.raw("phases").map_or(0..0, |v| v.span());
        report(ctx, &span, Message::NoPhases);
    }
    unlisted_files(source, &listed_paths, ctx);
    phase_srcs
}

/// Names each TOML file in the pack that `pack.toml` does not list.
fn unlisted_files(source: &PackSource, listed_paths: &[String], ctx: &FileCtx<'_>) {
    for rel in source.toml_files() {
        if rel != "pack.toml" && !listed_paths.contains(&rel) {
            ctx.findings
                .borrow_mut()
                .push(Finding::in_file(source.display(&rel), Message::Unlisted));
        }
    }
}

/// What the phase files are read within: the pack's languages, the
/// language of messages, the pack's term ids.
struct PhaseFiles<'a> {
    languages: &'a [Lang],
    lang: Lang,
    terms: &'a [String],
}

/// Parses every phase file, then decodes each that parsed; and whether all
/// did.
fn decode_phases(
    phase_srcs: &[(String, SourceText)],
    within: &PhaseFiles<'_>,
    findings: &RefCell<Vec<Finding>>,
    pending: &mut Pending,
) -> (Vec<Phase>, bool) {
    let trees: Vec<Option<Spanned<DeTable<'_>>>> = phase_srcs
        .iter()
        .map(|(_, src)| crate::toml_read::parse(src, &src.text, findings))
        .collect();
    let mut phases = Vec::new();
    for (index, ((rel, src), tree)) in phase_srcs.iter().zip(&trees).enumerate() {
        let Some(tree) = tree else { continue };
        let ctx = FileCtx {
            src,
            lang: within.lang,
            languages: RefCell::new(within.languages.to_vec()),
            findings,
            braced: RefCell::default(),
        };
        let table = Table::new(&ctx, tree.get_ref(), 0..0);
        if let Some(phase) = phase_file::decode(table, rel, index + 1, phases.len(), pending) {
            phases.push(phase);
        }
        pack_file::check_braced(&ctx, within.terms);
    }
    (phases, trees.iter().all(Option::is_some))
}

/// Findings in the order of the pack's files (`pack.toml` first), then by
/// place; each once.
fn in_file_order(mut findings: Vec<Finding>, files: &[&SourceText]) -> Vec<Finding> {
    findings.sort_by_key(|f| {
        let file_order = files
            .iter()
            .position(|s| s.name == f.file)
            .unwrap_or(usize::MAX);
        (file_order, f.file.clone(), f.line, f.col)
    });
    findings.dedup();
    findings
}

/// SHA-256 over the pack's files: each relative path, a NUL, the text with
/// its line ends as `\n` (a checkout with CRLF line ends is the same pack).
fn content_hash(files: &[&SourceText], phases: &[(String, SourceText)]) -> String {
    let mut hasher = Sha256::new();
    let names = std::iter::once("pack.toml").chain(phases.iter().map(|(rel, _)| rel.as_str()));
    for (name, src) in names.zip(files) {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        let mut lines = src.text.split("\r\n");
        if let Some(first) = lines.next() {
            hasher.update(first.as_bytes());
        }
        for line in lines {
            hasher.update(b"\n");
            hasher.update(line.as_bytes());
        }
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What loading a pack says of its files, its ids and its phases; worded in
/// `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// An id used a second time in one scope, first at `line`.
    IdUsed { id: String, line: usize },
    /// A phase file listed twice in `phases`, or `pack.toml` listed there.
    PhaseFileListedTwice { rel: String },
    /// A phase file listed in `phases` that is not in the pack.
    PhaseFileMissing { rel: String },
    /// `phases` lists no phase.
    NoPhases,
    /// A TOML file in the pack that `phases` does not list.
    Unlisted,
    /// A phase with no items.
    NoItems,
}

/// A part of a pack, as another's message names it (a key that belongs
/// elsewhere, or not here).
#[derive(Clone, Debug)]
pub enum Part {
    /// An item, of a known kind or not.
    Item { kind: Option<&'static str> },
    /// The profile's questions.
    ProfileQuestions,
    /// An option of a choice or multi.
    Option,
    /// A readiness dimension.
    Dimension,
    /// A readiness statement.
    Statement,
    /// A phase file.
    PhaseFile,
}

#[cfg(test)]
mod tests;
