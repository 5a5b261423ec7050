//! A fuzz test of the readers a hostile workbook reaches: entries, packs,
//! `workbook.toml`, answers files and pack snapshots; and of a whole
//! workbook opened, folded and rendered with any entry in its log. Inputs grow from the
//! seeds in tests/fuzz-corpus/ by insertions (single characters, or tokens
//! repeated up to 50,000 times to nest deep), deletions, duplications and
//! truncations. Each reader must give a value or findings that name the
//! file, and neither panic nor overflow the stack (which would abort the
//! whole test binary). `PROPTEST_CASES` sets the number of cases per reader
//! (48 unless set).

use std::fs;
use std::path::{Path, PathBuf};

use dino::finding::{Finding, SourceText};
use dino::i18n::Lang;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::support::root;

/// Pieces that open or close structure, or are hostile in themselves.
const TOKENS: &[&str] = &[
    ">",
    "> ",
    "- ",
    "1. ",
    "* ",
    "- [x] ",
    "[",
    "]",
    "{a=",
    "}",
    "(",
    ")",
    "not ",
    " and a",
    " or a",
    " == 'x'",
    "+++\n",
    "\n",
    "\r\n",
    "\"",
    "'",
    "\"\"\"",
    "\u{1b}]0;x\u{7}",
    "\u{0}",
    "\u{feff}",
    "\u{9b}",
    "**",
    "`",
    "<!--",
    "-->",
    "=",
    "[[a]]\n",
    "a.",
    "é",
    "☕",
    "#",
    "\\",
    "|",
    "  ",
    "\t",
    "<!-- item: x -->",
    "**Svar:** ",
];

/// One change to a seed. Positions are fractions of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Insert { at: f64, token: usize, times: usize },
    Delete { at: f64, len: usize },
    Duplicate { at: f64, len: usize },
    Truncate { at: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..=1.0f64;
    let times = prop_oneof![4 => 1..4usize, 1 => 30..40usize, 1 => 1_000..50_000usize];
    prop_oneof![
        6 => (at.clone(), 0..TOKENS.len(), times)
            .prop_map(|(at, token, times)| Mutation::Insert { at, token, times }),
        2 => (at.clone(), 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (at.clone(), 1..200usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The byte offset at fraction `at` of `text`, on a character boundary.
fn offset(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        match *m {
            Mutation::Insert { at, token, times } => {
                let i = offset(&text, at);
                text.insert_str(i, &TOKENS[token].repeat(times));
            }
            Mutation::Delete { at, len } => {
                let i = offset(&text, at);
                let end = offset(
                    &text,
                    ((i + len) as f64 / text.len().max(1) as f64).min(1.0),
                );
                text.replace_range(i..end.max(i), "");
            }
            Mutation::Duplicate { at, len } => {
                let i = offset(&text, at);
                let end = offset(
                    &text,
                    ((i + len) as f64 / text.len().max(1) as f64).min(1.0),
                );
                let piece = text[i..end.max(i)].to_string();
                text.insert_str(i, &piece);
            }
            Mutation::Truncate { at } => {
                let i = offset(&text, at);
                text.truncate(i);
            }
        }
    }
    text
}

/// The seeds of one kind: every file in `tests/fuzz-corpus/<dir>/`.
fn seeds(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(corpus().join(dir))
        .expect("corpus folder")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = fs::read_to_string(e.path()).expect("corpus file is UTF-8");
            (name, text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {dir}");
    out
}

fn corpus() -> PathBuf {
    root().join("tests/fuzz-corpus")
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

/// Runs `read` on every seed as it is, then on inputs grown from them, in
/// either language; `read` says what was wrong.
fn fuzz(seeds: &[(String, String)], read: impl Fn(&str, &str, Lang) -> Result<(), String>) {
    for (name, text) in seeds {
        for lang in [Lang::Sv, Lang::En] {
            if let Err(why) = read(name, text, lang) {
                panic!("the seed {name}: {why}");
            }
        }
    }
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..seeds.len(),
        prop::collection::vec(mutation(), 0..4),
        any::<bool>(),
    );
    let result = runner.run(&strategy, |(seed, mutations, english)| {
        let (name, text) = &seeds[seed];
        let text = apply(text, &mutations);
        let lang = if english { Lang::En } else { Lang::Sv };
        read(name, &text, lang).map_err(TestCaseError::fail)
    });
    if let Err(err) = result {
        panic!("{err}");
    }
}

/// Findings that each name `file`, and are not none when nothing was read.
fn named(findings: &[Finding], file: &str, read: bool) -> Result<(), String> {
    if !read && findings.is_empty() {
        return Err("nothing was read, and no finding says why".into());
    }
    match findings.iter().find(|f| !f.file.starts_with(file)) {
        Some(f) => Err(format!("a finding names another file than {file}: {f}")),
        None => Ok(()),
    }
}

#[test]
fn the_entry_reader_survives_any_input() {
    fuzz(&seeds("entries"), |name, text, lang| {
        let src = SourceText::new(format!("log/{name}"), text);
        let read = dino::log::read_entry(&src, lang);
        named(&read.findings, &src.name, read.entry.is_some())
    });
}

#[test]
fn the_workbook_reader_survives_any_input() {
    fuzz(&seeds("workbooks"), |_, text, lang| {
        let src = SourceText::new("workbook.toml", text.to_string());
        match dino::workbook::file::WorkbookFile::read(&src, lang) {
            Ok(_) => Ok(()),
            Err(findings) => named(&findings, &src.name, false),
        }
    });
}

#[test]
fn the_snapshot_reader_survives_any_input() {
    fuzz(&seeds("snapshots"), |_, text, _lang| {
        let src = SourceText::new("pack-snapshot.toml", text.to_string());
        match dino::pack::snapshot::Snapshot::read(&src) {
            Ok(_) => Ok(()),
            Err(finding) => named(&[finding], &src.name, false),
        }
    });
}

#[test]
fn the_answers_reader_survives_any_input() {
    let example = root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let wb = dino::workbook::Workbook::open(&example, Lang::Sv).expect("the example opens");
    let state = dino::state::fold(&wb);
    let phase = wb.pack.phase("initiering").expect("a phase");
    let ctx = dino::session::Context {
        workbook: &wb,
        state: &state,
        phase,
        lang: Lang::Sv,
        now: dino::log::Stamp::parse("2026-03-02T09:15:00+01:00").expect("a time"),
        user: "Anna Lind".into(),
    };
    fuzz(&seeds("answers"), |_, text, lang| {
        let src = SourceText::new("svar.toml", text.to_string());
        match dino::session::answers_file::read(&src, &ctx, lang) {
            Ok(_) => Ok(()),
            Err(findings) => named(&findings, &src.name, false),
        }
    });
}

/// Every (pack folder, file) of the corpus's packs, as seeds named
/// `folder/file`.
fn pack_seeds() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in fs::read_dir(corpus().join("packs"))
        .expect("packs")
        .flatten()
    {
        let folder = dir.file_name().to_string_lossy().into_owned();
        for (file, text) in seeds(&format!("packs/{folder}")) {
            out.push((format!("{folder}/{file}"), text));
        }
    }
    out.sort();
    out
}

/// Copies the pack folder of `seed` to `into`, with the seed's file as `text`.
fn write_pack(seed: &str, text: &str, into: &Path) {
    let (folder, file) = seed.split_once('/').expect("folder/file");
    for (name, original) in seeds(&format!("packs/{folder}")) {
        let body = if name == file { text } else { &original };
        fs::write(into.join(&name), body).expect("write");
    }
}

#[test]
fn the_pack_loader_survives_any_input() {
    fuzz(&pack_seeds(), |seed, text, lang| {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        write_pack(seed, text, dir.path());
        let source = dino::pack::source::PackSource::Dir(dir.path().to_path_buf());
        match dino::pack::load(&source, lang) {
            Ok(_) => Ok(()),
            Err(findings) => named(&findings, &dir.path().display().to_string(), false),
        }
    });
}

#[test]
fn the_mutations_grow_the_hostile_shapes() {
    let deep = apply(
        "x",
        &[Mutation::Insert {
            at: 0.0,
            token: 0,
            times: 5_000,
        }],
    );
    assert_eq!(deep.len(), 5_001);
    let cut = apply(
        "åäö",
        &[
            Mutation::Delete { at: 0.5, len: 1 },
            Mutation::Truncate { at: 0.9 },
        ],
    );
    assert!(cut.len() < "åäö".len(), "{cut}");
}

/// Copies a folder's files (one level of subfolders) to `into`.
fn copy_folder(from: &Path, into: &Path) {
    for entry in fs::read_dir(from).expect("folder").flatten() {
        let to = into.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&to).expect("mkdir");
            copy_folder(&entry.path(), &to);
        } else {
            fs::copy(entry.path(), &to).expect("copy");
        }
    }
}

#[test]
fn a_workbook_with_any_entry_opens_folds_and_renders() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_folder(
        &root().join("examples/workbooks/kompetenslyftet-i-norrdal"),
        dir.path(),
    );
    let entry = dir.path().join("log/2026-06-01-1000-note-abcdef.md");
    fuzz(&seeds("entries"), |_, text, lang| {
        fs::write(&entry, text).map_err(|e| e.to_string())?;
        let wb = match dino::workbook::Workbook::open(dir.path(), lang) {
            Ok(wb) => wb,
            Err(findings) => return named(&findings, &dir.path().display().to_string(), false),
        };
        let state = dino::state::fold(&wb);
        let as_of = jiff::civil::date(2026, 3, 2);
        let status = dino::report::status_view::workbook(&wb, &state, as_of, lang, Some(80));
        let report = dino::report::build(&wb, &state, jiff::civil::date(2026, 3, 2), lang);
        let shape = dino::report::document::build::Shape {
            lang,
            redacted: false,
            draw: true,
        };
        let document = dino::report::document::build::single(&report, shape);
        let markdown = dino::report::document::markdown::document(&document);
        let html = dino::report::document::html::document(&document);
        let json = dino::report::json_item(&report).map_err(|e| e.to_string())?;
        dino::report::redact::Redactor::for_workbook(&wb, lang)
            .report(&report)
            .map_err(|e| e.to_string())?;
        if status.is_empty() || markdown.is_empty() || html.is_empty() || json.is_empty() {
            return Err("a rendering came out empty".into());
        }
        Ok(())
    });
}
