use super::*;

#[test]
fn every_block_and_inline_follows_the_markup_contract() {
    let doc = crate::report::document::every_kind();
    let expected = "\
<h1>Rapport &lt;1&gt;</h1>
<p class=\"meta\">Per <span class=\"nw\">2026-05-20</span></p>
<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Innehåll</h2><ol><li><a href=\"#wb-a\">A &amp; B</a></li></ol></nav>
<section class=\"page\">
<h2 id=\"wb-a\">A &amp; B</h2>
<p><strong>Läge:</strong> *fas* <span class=\"nw\">3 av 5</span><br/><em>pausat</em> <a href=\"#wb-a\">A</a></p>
<div><p>Första<br/>raden</p><p># Andra</p></div>
<ul><li>- ett</li><li>två</li></ul>
<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"A &amp; B: Vem | vad\"><table class=\"prose\"><caption id=\"t-1\">Vem | vad</caption><thead><tr><th scope=\"col\">Punkt</th><th scope=\"col\">Svar</th></tr></thead><tbody><tr><th scope=\"row\">Mål?</th><td data-label=\"Svar\"><div lang=\"en\"><p>Ett | två<br/>rad</p><p>Nytt stycke</p></div></td></tr></tbody></table></div>
<figure><svg class=\"chart\"></svg><figcaption>Medel</figcaption></figure>
<p>Skala 1–5.</p>
<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"A &amp; B: Dimension, Medel\"><table class=\"values\"><thead><tr><th scope=\"col\">Dimension</th><th scope=\"col\">Medel</th></tr></thead><tbody><tr><th scope=\"row\">Mandat</th><td data-label=\"Medel\"><span class=\"nw\">3,5</span></td></tr></tbody></table></div>
<div class=\"note\" lang=\"en\"><h4>Rubrik</h4>
<p>&lt;b&gt;x&lt;/b&gt;</p>
</div>
</section>
<section>
</section>
";
    assert_eq!(blocks(&doc.blocks, doc.lang, ""), expected);
}

#[test]
fn a_written_text_inline_keeps_its_breaks_and_its_language() {
    let on_a_swedish_page = |lang: &str| {
        let written = Inline::Written {
            text: "a\nb\r\n\r\nc <d>".to_string(),
            lang: lang.to_string(),
        };
        let mut out = String::new();
        inline_into(&mut out, &written, "sv");
        out
    };
    assert_eq!(
        on_a_swedish_page("en"),
        "<span lang=\"en\">a<br/>b<br/><br/>c &lt;d&gt;</span>"
    );
    assert_eq!(on_a_swedish_page("sv"), "a<br/>b<br/><br/>c &lt;d&gt;");
}

#[test]
fn the_whole_page_is_the_same_bytes_each_time_and_ids_are_prefixed() {
    let doc = crate::report::document::every_kind();
    assert_eq!(document(&doc), document(&doc));
    assert!(document(&doc).starts_with("<!DOCTYPE html>"));
    assert!(blocks(&doc.blocks, doc.lang, "w3-").contains("<caption id=\"w3-t-1\">"));
}

#[test]
fn every_table_region_has_a_name_of_its_own() {
    let heading = |level: u8, text: &str| Block::Heading {
        level,
        text: text.to_string(),
        anchor: None,
    };
    let table = Block::Table(Table {
        caption: None,
        header: vec!["Punkt".to_string(), "Svar".to_string()],
        rows: Vec::new(),
        cells: Cells::Prose,
    });
    let page = blocks(
        &[
            heading(1, "Ålby"),
            table.clone(),
            heading(2, "Faser"),
            heading(3, "Initiering"),
            table.clone(),
            heading(3, "Förstå"),
            table.clone(),
            table,
        ],
        Lang::Sv,
        "",
    );
    let names: Vec<&str> = page
        .split("aria-label=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "Punkt, Svar",
            "Faser › Initiering: Punkt, Svar",
            "Faser › Förstå: Punkt, Svar",
            "Faser › Förstå: Punkt, Svar (2)"
        ]
    );
}
