//! `dino report` on the examples: the three formats pinned by snapshots,
//! HTML that parses and holds nothing active, JSON of the documented shape,
//! redaction that leaves no name, and a broken workbook that does not stop
//! the rest.

use std::collections::BTreeSet;
use std::fs;

use crate::support::{dino_in, pinned, root};

/// The day the examples' reports are made as of, so that they stay the same.
const AS_OF: &str = "2026-05-20T09:00:00+02:00";

/// Runs `dino` in the repository root as of [`AS_OF`].
fn dino(args: &[&str]) -> crate::support::Run {
    crate::support::dino_env(&root(), args, &[("DINO_NOW", AS_OF)])
}

const WORKBOOK: &str = "examples/workbooks/kompetenslyftet-i-norrdal";
const PORTFOLIO: &str = "examples/portfolio";

#[test]
fn the_example_workbook_and_portfolio_in_three_formats() {
    for format in ["md", "html", "json"] {
        let run = dino(&["report", WORKBOOK, "--format", format]);
        run.code(0);
        insta::assert_snapshot!(format!("workbook_{format}"), run.stdout);
        let run = dino(&["--lang", "en", "report", PORTFOLIO, "--format", format]);
        run.code(0);
        insta::assert_snapshot!(format!("portfolio_{format}"), run.stdout);
    }
    let run = dino(&["report", PORTFOLIO, "--summary"]);
    run.code(0);
    assert_eq!(
        headings(&run.stdout),
        [
            "# Portföljrapport",
            "## Översikt",
            "## Förutsättningar i projekten"
        ],
        "the overview alone:\n{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn a_summary_of_one_workbook_is_its_page_for_a_manager() {
    let run = dino(&["report", WORKBOOK, "--summary"]);
    run.code(0)
        .stdout_has("**Läge:** Fokusera (fas 3 av 6)")
        .stdout_lacks("## Faser");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = dino(&["report", WORKBOOK, PORTFOLIO, "--format", "html"]);
    let b = dino(&["report", WORKBOOK, PORTFOLIO, "--format", "html"]);
    assert_eq!(a.stdout, b.stdout);
}

/// Parses the page as XML: every element closed, every attribute quoted.
fn parse(html: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, opts).expect("the page is well-formed")
}

#[test]
fn the_html_is_well_formed_accessible_and_inert() {
    let run = dino(&["report", WORKBOOK, PORTFOLIO, "--format", "html"]);
    run.code(0);
    let doc = parse(&run.stdout);
    let html = doc.root_element();
    assert_eq!(html.attribute("lang"), Some("sv"));
    let names: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for forbidden in ["script", "iframe", "object", "embed", "img", "link", "form"] {
        assert!(!names.contains(forbidden), "<{forbidden}> in the page");
    }
    for el in doc.descendants().filter(|n| n.is_element()) {
        for attr in el.attributes() {
            assert!(
                !attr.name().starts_with("on"),
                "event handler {} on <{}>",
                attr.name(),
                el.tag_name().name()
            );
            if attr.name() == "href" {
                let v = attr.value().to_ascii_lowercase();
                assert!(
                    v.starts_with("http:")
                        || v.starts_with("https:")
                        || v.starts_with("mailto:")
                        || v.starts_with('#')
                        || !v.contains(':'),
                    "link to {v}"
                );
            }
        }
    }
    // Every chart has a title and a description.
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg"))
        .collect();
    assert!(svgs.len() >= 3, "charts: {}", svgs.len());
    for svg in &svgs {
        assert!(
            svg.children().any(|c| c.has_tag_name("title")),
            "a chart without a title"
        );
        assert!(
            svg.children().any(|c| c.has_tag_name("desc")),
            "a chart without a description"
        );
    }
    // Every table has headers, and scrolls in its own box on a narrow
    // screen rather than the page.
    for table in doc.descendants().filter(|n| n.has_tag_name("table")) {
        assert!(
            table.descendants().any(|c| c.has_tag_name("th")),
            "a table without headers"
        );
        assert_eq!(
            table.parent_element().and_then(|p| p.attribute("class")),
            Some("table"),
            "a table outside its box"
        );
    }
    assert!(run.stdout.contains("default-src 'none'"));
    assert!(run.stdout.contains("@media print"));
}

#[test]
fn hostile_answers_notes_and_guidance_show_as_text() {
    let dir = tempfile::tempdir().expect("temp");
    // A pack whose guidance and prompts carry HTML, and a workbook on it.
    let pack = dir.path().join("metod");
    fs::create_dir(&pack).expect("mkdir");
    for file in ["pack.toml", "start.toml", "test.toml"] {
        let text =
            fs::read_to_string(root().join("examples/packs/skolpilot").join(file)).expect("read");
        let text = text
            .replace(
                "Vilket problem, och för vem?",
                "Vilket problem <script>alert(9)</script>?",
            )
            .replace(
                "Ringa in problemet.",
                "Ringa in </style><script>alert(8)</script>",
            );
        fs::write(pack.join(file), text).expect("write");
    }
    pinned(
        dir.path(),
        &["new", "Elak", "--pack", "./metod", "--no-input"],
    )
    .code(0);
    let wb = dir.path().join("elak");
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) \u{202e}bidi\"\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    pinned(
        &wb,
        &["note", "risk", "<script>alert(4)</script>\n\n<b onmouseover=\"alert(5)\">x</b> [länk](javascript:alert(6)) </style>"],
    )
    .code(0);
    let run = dino_in(&wb, &["report", "--format", "html"]);
    run.code(0);
    let doc = parse(&run.stdout);
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("img") || n.has_tag_name("b"))
    );
    assert!(
        !run.stdout
            .to_ascii_lowercase()
            .contains("href=\"javascript"),
        "a javascript: link survived"
    );
    assert!(
        run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the answer shows as text"
    );
    assert!(
        run.stdout.contains("&lt;script&gt;alert(4)&lt;/script&gt;"),
        "the note shows as text"
    );
    assert_eq!(
        run.stdout.matches("</style>").count(),
        1,
        "only the page's own style ends"
    );
    // Markdown and JSON carry the same text, escaped their own way.
    let md = dino_in(&wb, &["report"]);
    assert!(
        md.stdout.contains("\\<script\\>alert(1)\\</script\\>"),
        "{}",
        md.stdout
    );
    let json = dino_in(&wb, &["report", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["phases"][0]["answers"][0]["answer"],
        "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) \u{202e}bidi"
    );
}

/// Every person the examples record.
fn people() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut workbooks = vec![root().join(WORKBOOK)];
    for entry in fs::read_dir(root().join(PORTFOLIO))
        .expect("portfolio")
        .flatten()
    {
        workbooks.push(entry.path());
    }
    for wb in workbooks {
        let run = dino(&["log", "--format", "json", wb.to_str().expect("UTF-8")]);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        for e in doc["entries"].as_array().expect("entries") {
            if let Some(by) = e["by"].as_str() {
                out.insert(by.to_string());
            }
            for p in e["participants"].as_array().expect("participants") {
                out.insert(p["name"].as_str().expect("name").to_string());
            }
        }
    }
    out
}

/// Whether `word` stands in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric() || c == 's')
    })
}

#[test]
fn redacted_reports_hold_no_name_in_any_format() {
    let names = people();
    assert!(names.len() > 10, "{names:?}");
    for format in ["md", "html", "json"] {
        let plain = dino(&["report", WORKBOOK, PORTFOLIO, "--format", format]);
        let run = dino(&[
            "report", WORKBOOK, PORTFOLIO, "--format", format, "--redact",
        ]);
        run.code(0);
        let mut seen_before = 0;
        for name in &names {
            // "Per 2026-05-20" is the report's day, not a name.
            let redacted = run
                .stdout
                .replace("<span class=\"nw\">", "")
                .replace("Per 2026-05-20", "");
            for part in std::iter::once(name.as_str())
                .chain(name.split([' ', '-']).filter(|p| p.chars().count() >= 3))
            {
                if has_word(&plain.stdout, part) {
                    seen_before += 1;
                }
                assert!(!has_word(&redacted, part), "{part} survives in {format}");
            }
        }
        assert!(seen_before > 10, "the plain report names people ({format})");
    }
}

#[test]
fn the_json_has_the_documented_shape() {
    let run = dino(&["report", WORKBOOK, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["schema"], 1);
    let docs = fs::read_to_string(root().join("docs/json.md")).expect("docs");
    let mut keys = BTreeSet::new();
    fn walk(v: &serde_json::Value, keys: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, inner) in m {
                    keys.insert(k.clone());
                    walk(inner, keys);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, keys)),
            _ => {}
        }
    }
    walk(&doc, &mut keys);
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !docs.contains(&format!("`{k}`")) && !docs.contains(&format!("\"{k}\"")))
        .collect();
    assert!(missing.is_empty(), "not in docs/json.md: {missing:?}");
}

#[test]
fn a_broken_workbook_is_named_and_the_rest_reported() {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["new", "Hel", "--no-input"]).code(0);
    fs::create_dir_all(dir.path().join("trasig")).expect("mkdir");
    fs::write(dir.path().join("trasig/workbook.toml"), "name = ").expect("write");
    let out = dir.path().join("r.html");
    let run = dino_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "report",
            ".",
            "--format",
            "html",
            "-o",
            out.to_str().expect("UTF-8"),
        ],
    );
    run.code(1).stderr_has("trasig/workbook.toml:1:");
    let html = fs::read_to_string(&out).expect("written");
    assert!(html.contains("Hel"), "the good workbook is reported");
}

#[test]
fn redaction_takes_deciders_and_makes_no_links() {
    let dir = tempfile::tempdir().expect("temp");
    pinned(dir.path(), &["new", "Delbar", "--no-input"]).code(0);
    let wb = dir.path().join("delbar");
    pinned(
        &wb,
        &[
            "gate",
            "--decision",
            "pause",
            "--by",
            "Karin Ek, förvaltningschef",
            "--why",
            "Karin Ek väntar på budgeten.",
        ],
    )
    .code(0);
    pinned(
        &wb,
        &[
            "note",
            "insight",
            "Anna Lind(projektledare) och Karin Eks beslut: [se](https://x.se).",
        ],
    )
    .code(0);
    for format in ["md", "html", "json"] {
        let run = dino_in(&wb, &["report", "--format", format, "--redact"]);
        run.code(0);
        for name in ["Karin", "Anna", "Lind"] {
            assert!(!has_word(&run.stdout, name), "{name} in {format}");
        }
        assert!(run.stdout.contains("förvaltningschef"), "{format}");
    }
    let html = dino_in(&wb, &["report", "--format", "html", "--redact"]);
    let doc = parse(&html.stdout);
    let links: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(links, ["https://x.se"], "only the note's own link");
}

#[test]
fn the_output_file_name_chooses_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = crate::support::root().join("examples/workbooks/kompetenslyftet-i-norrdal");
    let wb = wb.to_str().expect("UTF-8");
    for (name, start) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", "{"),
        ("r.md", "# "),
        ("r.txt", "# "),
    ] {
        crate::support::dino_in(dir.path(), &["report", wb, "-o", name]).code(0);
        let text = std::fs::read_to_string(dir.path().join(name)).expect("written");
        assert!(
            text.starts_with(start),
            "{name}: {}",
            &text[..40.min(text.len())]
        );
    }
    crate::support::dino_in(
        dir.path(),
        &["report", wb, "-o", "x.html", "--format", "md"],
    )
    .code(0);
    let text = std::fs::read_to_string(dir.path().join("x.html")).expect("written");
    assert!(text.starts_with("# "));
}

#[test]
fn a_json_summary_of_a_portfolio_holds_each_workbooks_overview_alone() {
    let run = crate::support::dino(&[
        "report",
        "examples/portfolio",
        "--format",
        "json",
        "--summary",
    ]);
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let workbooks = doc["workbooks"].as_array().expect("workbooks");
    assert_eq!(workbooks.len(), 4);
    for wb in workbooks {
        assert!(wb["name"].is_string() && wb["current"].is_string(), "{wb}");
        for gone in ["profile", "phases", "notes", "readiness", "diagnostic"] {
            assert!(wb.get(gone).is_none(), "{gone} in {wb}");
        }
    }
}

/// A workbook whose people are written every way a name leaks: short name
/// words, a decider's and a respondent's words alone, capitals, a hyphen
/// compound, a genitive, and decomposed Unicode (as some Macs type it).
fn workbook_with_every_name_form(dir: &std::path::Path) -> std::path::PathBuf {
    pinned(dir, &["new", "Namnformer", "--no-input"]).code(0);
    let wb = dir.join("namnformer");
    let answers = fs::read_to_string(root().join("examples/answers/initiering.toml"))
        .expect("the example answers")
        .replace("facilitator = \"Lena Ek\"", "facilitator = \"Bo Ek\"")
        .replace(
            "{ name = \"Jonas Berg\", role = \"Studie- och yrkesvägledare\" }",
            "{ name = \"Li Wu\" }, { name = \"Håkan Ström\", role = \"Lärare\" }",
        )
        .replace(
            "[answers]\nproblem = \"\"\"\n",
            "[answers]\nproblem = \"\"\"\nMIRA HOLM och Holm-gruppen, Ek och Bo, EK, Li och Wus \
             kollegor, Ha\u{30a}kan och Stro\u{308}ms lag, Eva-Lena, Eva, Lena och Forsbergs \
             enhet, Omar och SAIDS svar, Ödmans anteckning; men ekonomi, en bok, Ekerö, per \
             person, Karl-Olof och Linnea stannar.\n",
        );
    fs::write(wb.join("initiering.toml"), answers).expect("write");
    pinned(&wb, &["run", "initiering", "--answers", "initiering.toml"]).code(0);
    fs::write(
        wb.join("r.toml"),
        "[[respondents]]\nname = \"Omar Said\"\nanswers = { \"mandat.beslut\" = 4 }\n\n\
         [[respondents]]\nname = \"Rektor\"\nanswers = { \"mandat.beslut\" = 3 }\n",
    )
    .expect("write");
    pinned(&wb, &["run", "readiness", "--answers", "r.toml"]).code(0);
    crate::support::dino_env(
        &wb,
        &[
            "note",
            "insight",
            "Siv och Ödman läste Bos och Eks ekonomi.",
        ],
        &[
            ("DINO_NOW", "2026-03-03T09:15:00+01:00"),
            ("DINO_USER", "Siv O\u{308}dman"),
        ],
    )
    .code(0);
    pinned(
        &wb,
        &[
            "gate",
            "--decision",
            "pause",
            "--by",
            "Eva-Lena Forsberg, HR-direktör",
            "--why",
            "HR-direktör Eva-Lena Forsberg väntar; FORSBERG och Mira ser ekonomin.",
        ],
    )
    .code(0);
    wb
}

#[test]
fn redaction_finds_every_form_of_a_recorded_name_and_keeps_ordinary_words() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook_with_every_name_form(dir.path());
    let forms = [
        "Bo",
        "Ek",
        "EK",
        "Bos",
        "Eks",
        "Li",
        "Wu",
        "Wus",
        "Mira",
        "MIRA",
        "HOLM",
        "Holm",
        "Håkan",
        "Ströms",
        "Eva-Lena",
        "Eva",
        "Lena",
        "Forsbergs",
        "FORSBERG",
        "Omar",
        "SAIDS",
        "Siv",
        "Ödman",
        "Ödmans",
        "Anna",
        "Lind",
    ];
    let kept = [
        "ekonomi",
        "en bok",
        "Ekerö",
        "per person",
        "Karl-Olof",
        "Linnea",
    ];
    for format in ["md", "html", "json"] {
        let plain = dino_in(&wb, &["report", "--format", format]);
        plain.code(0);
        let redacted = dino_in(&wb, &["report", "--format", format, "--redact"]);
        redacted.code(0);
        let before = forms.iter().filter(|f| has_word(&plain.stdout, f)).count();
        assert!(
            before > 20,
            "the plain report names people ({format}): {before}"
        );
        for form in forms {
            assert!(
                !has_word(&redacted.stdout, form),
                "{form} survives in {format}"
            );
        }
        for word in kept {
            redacted.stdout_has(word);
        }
        // No decomposed letter is left to hide a name.
        assert!(
            !redacted.stdout.contains(['\u{30a}', '\u{308}']),
            "decomposed text in {format}"
        );
        for doubled in ["HR-direktör [HR-direktör", "HR-direktör \\[HR-direktör"] {
            redacted.stdout_lacks(doubled);
        }
        redacted.stdout_has("HR-direktör");
    }
}

#[test]
fn a_workbooks_report_is_in_its_own_language_unless_another_is_asked_for() {
    // An English workbook, a Swedish locale: the report reads as its
    // status does, in English, the pack's texts and the headings alike.
    let dir = tempfile::tempdir().expect("temp dir");
    crate::support::pinned(dir.path(), &["--lang", "en", "new", "Alfa", "--no-input"]).code(0);
    let wb = dir.path().join("alfa");
    let run = crate::support::dino_env(&wb, &["report"], &[("LANG", "sv_SE.UTF-8")]);
    run.code(0)
        .stdout_has("## Summary")
        .stdout_lacks("Sammanfattning");
    crate::support::dino_env(
        &wb,
        &["report", "--format", "html"],
        &[("LANG", "sv_SE.UTF-8")],
    )
    .code(0)
    .stdout_has("<html lang=\"en\">");
    crate::support::dino_in(&wb, &["--lang", "sv", "report"])
        .code(0)
        .stdout_has("## Sammanfattning");
    // However the file writes its language (single quotes, a comment), the
    // report and the status agree on it.
    let file = wb.join("workbook.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("language = \"en\"", "language = 'en' # English"),
    )
    .expect("write");
    crate::support::dino_env(&wb, &["report"], &[("LANG", "sv_SE.UTF-8")])
        .code(0)
        .stdout_has("## Summary")
        .stdout_has("Initiation")
        .stdout_lacks("Initiering");
    crate::support::dino_env(&wb, &["status"], &[("LANG", "sv_SE.UTF-8")])
        .code(0)
        .stdout_has("Initiation");
}

/// The `#` headings of a Markdown report, without their anchors.
fn headings(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(without_anchor)
        .collect()
}

/// A heading line with its `<a id="…"></a>` taken out.
fn without_anchor(line: &str) -> String {
    match (line.find("<a id=\""), line.find("</a>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &line[..start], &line[end + "</a>".len()..])
        }
        _ => line.to_string(),
    }
}

#[test]
fn a_workbooks_report_puts_the_manager_first_then_the_detail() {
    let run = dino(&["report", WORKBOOK, "--format", "md"]);
    run.code(0);
    let all = headings(&run.stdout);
    let top: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|h| h.starts_with("# ") || h.starts_with("## "))
        .collect();
    assert_eq!(
        top,
        [
            "# Kompetenslyftet i Norrdal",
            "## Problem",
            "## Senaste beslut",
            "## Nästa beslutspunkt",
            "## Beslutslogg",
            "## Att följa upp",
            "## Riskregister",
            "## Förutsättningar för innovation",
            "## Sammanfattning",
            "## Projektprofil",
            "## Faser",
            "## Beslut, risker, insikter och lärdomar",
            "## Innovation eller verksamhetsutveckling?",
        ],
        "{}",
        run.stdout
    );
    // The day and the status line come before the first section.
    let first_section = run.stdout.find("## Problem").expect("problem");
    let day = run.stdout.find("*Per 2026-05-20.*").expect("the day");
    let status = run
        .stdout
        .find("**Läge:** Fokusera (fas 3 av 6)")
        .expect("status");
    assert!(day < status && status < first_section, "{}", run.stdout);
    // The subtitle names the pack and the folder, never a path.
    run.stdout_has(
        "*DINO – innovation i offentlig sektor · dino 2.0.1 · kompetenslyftet-i-norrdal*",
    );
    // The summary table has a real header.
    run.stdout_has("| Vad | Läge |\n| --- | --- |\n| Aktuell fas |")
        .stdout_lacks("|  |  |");
    // A label stays with its list.
    run.stdout_has("**Öppna krav:**\n\n- ");
    // Paragraphs in an answer stay paragraphs in a table's cell.
    run.stdout_has("vet att det går att få sina kunskaper validerade.<br>**Anteckning:**")
        .stdout_has("tio år eller mer.<br><br>De som drabbas först");
    // Run inside the workbook, the subtitle ends in no "· .".
    let inside =
        crate::support::dino_env(&root().join(WORKBOOK), &["report"], &[("DINO_NOW", AS_OF)]);
    inside.code(0).stdout_lacks(" · .*");
}

#[test]
fn a_manager_page_is_the_first_part_alone_and_says_when_names_were_replaced() {
    let full = dino(&["report", WORKBOOK, "--format", "md"]);
    let page = dino(&["report", WORKBOOK, "--summary", "--format", "md"]);
    page.code(0);
    let detail = full.stdout.find("## Sammanfattning").expect("detail");
    assert_eq!(
        page.stdout,
        full.stdout[..detail],
        "the page is the report's start"
    );
    for (lang, said) in [
        ("sv", "Namn är utbytta mot roller (--redact)."),
        ("en", "Names are replaced by roles (--redact)."),
    ] {
        for format in ["md", "html"] {
            for path in [WORKBOOK, PORTFOLIO] {
                let args = [
                    "--lang", lang, "report", path, "--redact", "--format", format,
                ];
                dino(&args).code(0).stdout_has(said);
                let plain = ["--lang", lang, "report", path, "--format", format];
                dino(&plain).code(0).stdout_lacks(said);
            }
        }
    }
}

#[test]
fn a_portfolios_contents_link_to_its_sections_and_readiness_is_compared() {
    let run = dino(&["--lang", "en", "report", PORTFOLIO, "--format", "html"]);
    run.code(0);
    let doc = parse(&run.stdout);
    let ids: BTreeSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let nav = doc
        .descendants()
        .find(|n| n.has_tag_name("nav"))
        .expect("a table of contents");
    let links: Vec<&str> = nav
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(links.len(), 4, "one entry per workbook");
    for link in &links {
        let id = link.strip_prefix('#').expect("a link in the page");
        assert!(ids.contains(id), "{link} goes nowhere");
        let target = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .expect("target");
        assert_eq!(target.tag_name().name(), "h2");
        assert_eq!(
            target.parent_element().and_then(|p| p.attribute("class")),
            Some("page"),
            "each workbook starts a page"
        );
    }
    // Every id in the page is unique, every link lands.
    let all_ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(all_ids.len(), ids.len(), "an id twice");
    for href in doc.descendants().filter_map(|n| n.attribute("href")) {
        if let Some(id) = href.strip_prefix('#') {
            assert!(ids.contains(id), "{href} goes nowhere");
        }
    }
    // Readiness across the projects: a row per project, a column per
    // dimension, a dash where there is no score.
    let heading = doc
        .descendants()
        .find(|n| n.has_tag_name("h2") && n.text() == Some("Readiness across the projects"))
        .expect("readiness across the projects");
    let table = heading
        .next_siblings()
        .find(|n| n.has_tag_name("div") && n.attribute("class") == Some("table"))
        .expect("its table");
    let rows: Vec<_> = table
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .collect();
    assert_eq!(rows.len(), 5, "a head and a row per project");
    let text: String = table
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|");
    assert!(
        text.contains("Latest assessment|Understanding innovation"),
        "{text}"
    );
    assert!(text.contains("2026-04-23|3.2|3.5|3.8"), "{text}");
    // The same in Markdown: contents as links to explicit anchors.
    let md = dino(&["--lang", "en", "report", PORTFOLIO, "--format", "md"]);
    md.code(0)
        .stdout_has("## Contents\n\n1. [Gemensam lärplattform för Fyrklöverkommunerna](#wb-gemensam-larplattform-for-fyrkloverkommunerna)")
        .stdout_has("## <a id=\"wb-gemensam-larplattform-for-fyrkloverkommunerna\"></a>Gemensam")
        .stdout_has("## Readiness across the projects");
}

#[test]
fn two_workbooks_with_one_id_get_anchors_apart() {
    let dir = tempfile::tempdir().expect("temp");
    for copy in ["a", "b"] {
        let to = dir.path().join(copy);
        copy_tree(&root().join(WORKBOOK), &to);
    }
    let run = crate::support::dino_env(
        dir.path(),
        &["report", "--format", "html"],
        &[("DINO_NOW", AS_OF)],
    );
    run.code(0)
        .stdout_has("<h2 id=\"wb-kompetenslyftet-i-norrdal\">")
        .stdout_has("<h2 id=\"wb-kompetenslyftet-i-norrdal-2\">")
        .stdout_has("href=\"#wb-kompetenslyftet-i-norrdal-2\"");
    parse(&run.stdout);
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn html_keeps_written_paragraphs_and_never_breaks_a_day() {
    let run = dino(&["report", WORKBOOK, "--format", "html"]);
    run.code(0);
    parse(&run.stdout);
    run.stdout_has("<p class=\"meta\">Per <span class=\"nw\">2026-05-20</span>.</p>")
        .stdout_has("tio år eller mer.</p><p>De som drabbas först");
}
