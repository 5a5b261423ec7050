//! `dino report --format docx`: the same document as the other formats,
//! read back by an independent reader (python-docx, `tests/docx_check.py`):
//! Word headings, a table of contents whose links land on bookmarks, the
//! language set, and never written to a terminal.

use std::path::Path;

use crate::screen::Screen;
use crate::support::{dino_env, root};

const NOW: (&str, &str) = ("DINO_NOW", "2026-06-01T09:00:00+02:00");

/// What the independent reader finds in a Word file.
fn read_back(file: &Path) -> serde_json::Value {
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/docx_check.py"))
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python-docx could not read {}: {} (install it: pip install python-docx)",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the checker prints JSON")
}

/// The texts of the body's paragraphs in `style`.
fn texts_in(doc: &serde_json::Value, style: &str) -> Vec<String> {
    doc["body"]
        .as_array()
        .expect("body")
        .iter()
        .filter(|p| p["style"] == style)
        .filter_map(|p| p["text"].as_str().map(str::to_string))
        .collect()
}

/// Every value of `key` (an array) in the body's paragraphs.
fn all_of(doc: &serde_json::Value, key: &str) -> Vec<String> {
    doc["body"]
        .as_array()
        .expect("body")
        .iter()
        .filter_map(|p| p[key].as_array())
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_portfolio_in_word_has_headings_and_contents_that_land_on_them() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("portfölj.docx");
    let portfolio = root().join("examples/portfolio");
    dino_env(
        dir.path(),
        &[
            "--lang",
            "en",
            "report",
            portfolio.to_str().expect("UTF-8"),
            "-o",
            file.to_str().expect("UTF-8"),
        ],
        &[NOW],
    )
    .code(0)
    .stderr_has("wrote");
    let doc = read_back(&file);
    assert_eq!(doc["styles"]["default_lang"], "en-GB");
    let sections = texts_in(&doc, "Heading 2");
    for name in [
        "Språkstöd på arbetsplatsen i Ålby",
        "Karriärväxling i Region Västerdals vård",
    ] {
        assert!(
            sections.iter().any(|s| s == name),
            "{name} is a heading: {sections:?}"
        );
    }
    let links = all_of(&doc, "links");
    let marks = all_of(&doc, "bookmarks");
    assert!(links.len() >= 4, "contents link each workbook: {links:?}");
    for link in &links {
        assert!(
            marks.contains(link),
            "{link} lands on a bookmark: {marks:?}"
        );
    }
    // The same input gives the same bytes.
    let again = dir.path().join("igen.docx");
    dino_env(
        dir.path(),
        &[
            "--lang",
            "en",
            "report",
            portfolio.to_str().expect("UTF-8"),
            "--format",
            "docx",
            "-o",
            again.to_str().expect("UTF-8"),
        ],
        &[NOW],
    )
    .code(0);
    assert_eq!(
        std::fs::read(&file).expect("read"),
        std::fs::read(&again).expect("read")
    );
}

#[test]
fn a_workbook_in_word_is_its_report_manager_first_and_redacted_when_asked() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let wb = wb.to_str().expect("UTF-8");
    let file = dir.path().join("rapport.docx");
    let path = file.to_str().expect("UTF-8");
    dino_env(dir.path(), &["report", wb, "-o", path], &[NOW]).code(0);
    let doc = read_back(&file);
    assert_eq!(doc["title"], "Kompetenslyftet i Norrdal");
    assert_eq!(doc["styles"]["default_lang"], "sv-SE");
    let headings = texts_in(&doc, "Heading 2");
    let at = |name: &str| {
        headings
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {headings:?}"))
    };
    assert!(at("Problem") < at("Senaste beslut"), "{headings:?}");
    assert!(
        at("Att följa upp") < at("Faser"),
        "manager first: {headings:?}"
    );
    let text = serde_json::to_string(&doc).expect("JSON");
    assert!(text.contains("Per-Olof Nyström"), "an owner is named");

    let redacted = dir.path().join("delad.docx");
    let path = redacted.to_str().expect("UTF-8");
    dino_env(
        dir.path(),
        &["report", wb, "--redact", "--format", "docx", "-o", path],
        &[NOW],
    )
    .code(0);
    let text = serde_json::to_string(&read_back(&redacted)).expect("JSON");
    assert!(!text.contains("Per-Olof Nyström"), "names are replaced");
    assert!(
        text.contains("Namn är utbytta mot roller"),
        "and it says so"
    );
}

#[test]
fn a_word_report_goes_to_a_pipe_but_never_to_a_terminal() {
    let wb = root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let piped = dino_env(&wb, &["report", "--summary", "--format", "docx"], &[NOW]);
    piped.code(0);
    assert!(piped.stdout.starts_with("PK"), "a zip on the pipe");
    let mut screen = Screen::spawn(
        &wb,
        &["--lang", "en", "report", "--format", "docx"],
        (80, 24),
        &[NOW],
    );
    screen.wait_for("name a file with -o");
    assert_ne!(screen.exit_code(), 0);
}
