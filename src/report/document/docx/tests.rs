use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};

use super::*;
use crate::report::document::Cells;

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn written(s: &str, lang: &str) -> Inline {
    Inline::Written {
        text: s.to_string(),
        lang: lang.to_string(),
    }
}

fn heading(level: u8, text: &str, anchor: Option<&str>) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
        anchor: anchor.map(str::to_string),
    }
}

/// A document with every block and every inline kind in it.
fn every_kind() -> Document {
    let risks = Table {
        caption: Some("Öppna risker".to_string()),
        header: vec![
            "Risk".to_string(),
            "Ägare".to_string(),
            "Senast".to_string(),
        ],
        rows: vec![
            vec![
                vec![written("Budgeten räcker inte.\n\nBeslut i mars.", "sv")],
                vec![t("Ekonomichef")],
                vec![Inline::Date("2026-02-10".to_string())],
            ],
            vec![
                vec![t("Ingen ägare")],
                vec![],
                vec![Inline::Number("3,4".to_string())],
            ],
        ],
        cells: Cells::Prose,
    };
    let chart = Chart {
        svg: "<svg></svg>".to_string(),
        caption: "Mognad".to_string(),
        description: vec![t("Medel "), Inline::Number("12 av 14".to_string())],
        data: Some(Table {
            caption: None,
            header: vec!["Dimension".to_string(), "Poäng".to_string()],
            rows: vec![vec![
                vec![t("Ledning")],
                vec![Inline::Number("-1".to_string())],
            ]],
            cells: Cells::Values,
        }),
    };
    let note = "## Bakgrund\n\nVi **testar** och *prövar*.\n\n- ett\n- två\n\n1. först\n2. sedan\n\n<b>rå</b>";
    Document {
        lang: Lang::Sv,
        title: "Portfölj: Ålby".to_string(),
        blocks: vec![
            heading(1, "Portfölj", None),
            Block::Meta(vec![t("Per "), Inline::Date("2026-02-10".to_string())]),
            Block::Contents {
                title: "Innehåll".to_string(),
                entries: vec![
                    ("oversikt".to_string(), "Översikt".to_string()),
                    ("alby-skola".to_string(), "Ålby skola".to_string()),
                ],
            },
            heading(2, "Översikt", Some("oversikt")),
            Block::Paragraph(vec![
                Inline::Strong("Beslut:".to_string()),
                t(" "),
                written("Go.\nMed villkor.\n\nAndra stycket.", "en"),
                Inline::Break,
                Inline::Emphasis("Inga svar än.".to_string()),
                t(" Se "),
                Inline::Link {
                    anchor: "alby-skola".to_string(),
                    text: "Ålby".to_string(),
                },
            ]),
            Block::List(vec![vec![t("ett")], vec![written("två\n\ntre", "sv")]]),
            Block::Section {
                new_page: true,
                blocks: vec![
                    heading(2, "Ålby skola", Some("alby-skola")),
                    Block::Table(risks),
                    Block::Chart(chart),
                    Block::Markdown {
                        text: note.to_string(),
                        lang: "en".to_string(),
                        level: 3,
                    },
                ],
            },
        ],
    }
}

/// The checker's JSON of a written document.
fn check(doc: &Document) -> Value {
    check_bytes(&write(doc).expect("writes"))
}

fn check_bytes(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("report.docx");
    std::fs::write(&path, bytes).expect("writes the file");
    let checker = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/docx_check.py");
    let out = Command::new("python3")
        .arg(&checker)
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the checker failed; it needs python-docx (.ci/run installs it: \
         pip install python-docx==1.2.0): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the checker prints JSON")
}

/// The body as the checker found it, a line per paragraph and per table
/// row: `style: text`, then what else the paragraph has in brackets.
fn lines(found: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for block in found["body"].as_array().expect("a body") {
        match block.get("table") {
            Some(rows) => {
                out.push(format!(
                    "table, header rows {}, borders {}",
                    block["header_rows"],
                    block["borders"].as_array().map_or(0, Vec::len)
                ));
                for row in rows.as_array().expect("rows") {
                    let cells: Vec<String> = row
                        .as_array()
                        .expect("cells")
                        .iter()
                        .map(|cell| {
                            let paragraphs = cell.as_array().expect("paragraphs");
                            paragraphs
                                .iter()
                                .map(cell_paragraph)
                                .collect::<Vec<_>>()
                                .join(" ¶ ")
                        })
                        .collect();
                    out.push(format!("| {} |", cells.join(" | ")));
                }
            }
            None => out.push(paragraph_line(block)),
        }
    }
    out
}

fn paragraph_line(p: &Value) -> String {
    let mut line = format!("{}: {}", str_of(&p["style"]), str_of(&p["text"]));
    for (key, name) in [
        ("langs", "lang"),
        ("bold", "bold"),
        ("bookmarks", "bookmark"),
        ("links", "link"),
    ] {
        if let Some(values) = p.get(key).and_then(Value::as_array) {
            let values: Vec<&str> = values.iter().map(str_of).collect();
            line.push_str(&format!(" [{name} {}]", values.join(", ")));
        }
    }
    if let Some(list) = p.get("list") {
        line.push_str(&format!(" [{}]", str_of(list)));
    }
    for (key, name) in [
        ("page_break_before", "new page"),
        ("page_break", "page break"),
    ] {
        if p.get(key).is_some() {
            line.push_str(&format!(" [{name}]"));
        }
    }
    line
}

/// A cell's paragraph: its text, `*` when it is all bold, its languages.
fn cell_paragraph(p: &Value) -> String {
    let text = str_of(&p["text"]);
    let bold = p["bold"].as_array().is_some_and(|bold| {
        bold.iter().map(str_of).collect::<String>() == text && !text.is_empty()
    });
    let mut out = if bold {
        format!("*{text}*")
    } else {
        text.to_string()
    };
    if let Some(langs) = p["langs"].as_array() {
        let langs: Vec<&str> = langs.iter().map(str_of).collect();
        out.push_str(&format!(" ({})", langs.join(", ")));
    }
    out
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn a_real_reader_finds_every_block_as_word_structure() {
    let found = check(&every_kind());
    assert_eq!(found["title"], json!("Portfölj: Ålby"));
    assert_eq!(found["styles"]["default_lang"], json!("sv-SE"));
    assert_eq!(
        found["styles"]["outline_levels"],
        json!({"Heading 1": 0, "Heading 2": 1, "Heading 3": 2,
               "Heading 4": 3, "Heading 5": 4, "Heading 6": 5})
    );
    assert_eq!(
        found["zip_dates"],
        json!(["1980-01-01"]),
        "no clock in the file"
    );
    let expected = [
        "Heading 1: Portfölj",
        "Meta: Per 2026‑02‑10",
        "Heading 2: Innehåll",
        "toc 1: Översikt [link oversikt]",
        "toc 1: Ålby skola [link alby_skola]",
        "Heading 2: Översikt [bookmark oversikt]",
        "Normal: Beslut: Go.\nMed villkor. [lang en-GB] [bold Beslut:]",
        "Normal: Andra stycket.\nInga svar än. Se Ålby [lang en-GB] [link alby_skola]",
        "List Bullet: ett [bullet 1, level 1]",
        "List Bullet: två [lang sv-SE] [bullet 1, level 1]",
        "List Continue: tre [lang sv-SE]",
        "Heading 2: Ålby skola [bookmark alby_skola] [new page]",
        "Caption: Öppna risker",
        "table, header rows 1, borders 6",
        "| *Risk* | *Ägare* | *Senast* |",
        "| *Budgeten räcker inte.* (sv-SE) ¶ *Beslut i mars.* (sv-SE) | Ekonomichef | 2026‑02‑10 |",
        "| *Ingen ägare* |  | 3,4 |",
        "Caption: Mognad",
        "Normal: Medel 12\u{a0}av\u{a0}14",
        "table, header rows 1, borders 6",
        "| *Dimension* | *Poäng* |",
        "| *Ledning* | ‑1 |",
        "Heading 5: Bakgrund [lang en-GB]",
        "Normal: Vi testar och prövar. [lang en-GB] [bold testar]",
        "List Bullet: ett [lang en-GB] [bullet 1, level 1]",
        "List Bullet: två [lang en-GB] [bullet 1, level 1]",
        "List Number: först [lang en-GB] [decimal 1, level 1]",
        "List Number: sedan [lang en-GB] [decimal 1, level 1]",
        "Normal: <b>rå</b> [lang en-GB]",
    ];
    assert_eq!(lines(&found), expected);
}

#[test]
fn the_same_document_is_the_same_bytes() {
    let doc = every_kind();
    let first = write(&doc).expect("writes");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(first, write(&doc).expect("writes again"));
}

#[test]
fn hostile_text_is_escaped_and_its_override_closed() {
    let hostile = "a<b&c\"d\u{0}e\u{202e}f";
    let doc = Document {
        lang: Lang::En,
        title: hostile.to_string(),
        blocks: vec![
            heading(1, hostile, Some("x<&\"")),
            Block::Paragraph(vec![written(hostile, "sv"), t(" after")]),
            Block::Contents {
                title: "Contents".to_string(),
                entries: vec![("x<&\"".to_string(), hostile.to_string())],
            },
        ],
    };
    let found = check(&doc);
    let kept = "a<b&c\"d\u{fffd}e\u{202e}f";
    assert_eq!(found["title"], json!(kept));
    let closed = format!("{kept}\u{202c}");
    assert_eq!(found["styles"]["default_lang"], json!("en-GB"));
    assert_eq!(
        lines(&found),
        [
            format!("Heading 1: {closed} [bookmark x___]"),
            format!("Normal: {closed} after [lang sv-SE]"),
            "Heading 2: Contents".to_string(),
            format!("toc 1: {closed} [link x___]"),
        ]
    );
}

#[test]
fn a_section_that_opens_with_a_table_starts_after_a_page_break() {
    let table = Table {
        caption: None,
        header: vec!["A".to_string()],
        rows: vec![vec![vec![Inline::Link {
            anchor: "nowhere".to_string(),
            text: "kept as text".to_string(),
        }]]],
        cells: Cells::Values,
    };
    let doc = Document {
        lang: Lang::Sv,
        title: "T".to_string(),
        blocks: vec![
            Block::Section {
                new_page: true,
                blocks: vec![Block::Paragraph(vec![t("first")])],
            },
            Block::Section {
                new_page: true,
                blocks: vec![Block::Table(table)],
            },
        ],
    };
    assert_eq!(
        lines(&check(&doc)),
        [
            "Normal: first",
            "Normal:  [page break]",
            "table, header rows 1, borders 6",
            "| *A* |",
            "| *kept as text* |",
        ]
    );
}

#[test]
fn a_note_is_laid_out_in_its_language_below_its_level() {
    let note = "# Top\n\n###### Deep\n\n> quoted\n\n```\ncode <x>\n  kept\n```\n\n\
                - one\n  - nested\n- [x] done\n\n3. three\n4. four\n\n\
                | Col | Val |\n|---|---|\n| a | ~~b~~ |\n\n\
                [site](https://example.org) and [bad](javascript:alert(1))\n\n\
                1. again\n";
    let doc = Document {
        lang: Lang::Sv,
        title: "T".to_string(),
        blocks: vec![Block::Markdown {
            text: note.to_string(),
            lang: "en".to_string(),
            level: 2,
        }],
    };
    assert_eq!(
        lines(&check(&doc)),
        [
            "Heading 3: Top [lang en-GB]",
            "Heading 6: Deep [lang en-GB]",
            "Quote: quoted [lang en-GB]",
            "Code: code <x>\n  kept [lang en-GB]",
            "List Bullet: one [lang en-GB] [bullet 1, level 1]",
            "List Bullet: nested [lang en-GB] [bullet 1, level 2]",
            "List Bullet: ☑ done [lang en-GB] [bullet 1, level 1]",
            "List Number: three [lang en-GB] [decimal 3, level 1]",
            "List Number: four [lang en-GB] [decimal 3, level 1]",
            "table, header rows 1, borders 6",
            "| *Col* (en-GB) | *Val* (en-GB) |",
            "| a (en-GB) | b (en-GB) |",
            "Normal: site (https://example.org) and bad [lang en-GB]",
            "List Number: again [lang en-GB] [decimal 1, level 1]",
        ]
    );
}

#[test]
fn bookmark_names_follow_words_rules_and_stay_unique() {
    let doc = Document {
        lang: Lang::Sv,
        title: "T".to_string(),
        blocks: vec![
            heading(2, "a", Some("ålby-skola")),
            heading(2, "b", Some("ålby skola")),
            heading(2, "c", Some("2026")),
            heading(2, "d", Some(&"x".repeat(60))),
        ],
    };
    let found = lines(&check(&Document {
        blocks: vec![heading(2, "a", Some("same")), heading(2, "b", Some("same"))],
        ..doc.clone()
    }));
    assert_eq!(found, ["Heading 2: a [bookmark same]", "Heading 2: b"]);
    let names = bookmark_names(&doc);
    assert_eq!(names["ålby-skola"], "ålby_skola");
    assert_eq!(names["ålby skola"], "ålby_skola_2");
    assert_eq!(names["2026"], "h_2026");
    assert_eq!(names[&"x".repeat(60)], "x".repeat(32));
}

#[test]
fn text_helpers_keep_what_was_written() {
    assert_eq!(
        text::unbreakable("2026-02-10 09:15"),
        "2026\u{2011}02\u{2011}10\u{a0}09:15"
    );
    assert_eq!(
        text::written_paragraphs("a\r\nb\n \n\n c\n"),
        vec!["a\nb".to_string(), " c".to_string()]
    );
    assert_eq!(
        text::clean("a\u{1}\u{7f}\u{85}\tb\rc"),
        "a\u{fffd}\u{fffd}\u{fffd}\tb\nc"
    );
    assert_eq!(text::close_bidi("a\u{202e}b"), "a\u{202e}b\u{202c}");
    assert_eq!(text::close_bidi("a\u{2067}b\u{2069}"), "a\u{2067}b\u{2069}");
    assert_eq!(
        text::close_bidi("\u{2066}\u{202b}x"),
        "\u{2066}\u{202b}x\u{2069}\u{202c}"
    );
    assert_eq!(text::word_lang_of("sv"), "sv-SE");
    assert_eq!(text::word_lang_of("de-AT"), "de-AT");
}
