//! Markdown to a safe, self-contained HTML page: raw HTML in the source is
//! shown as text, links keep only http, https, mailto and relative
//! destinations, images become links (nothing is fetched), and a
//! Content-Security-Policy forbids scripts. The stylesheet lays the
//! report's tables out as stacked rows on a phone, and print numbers the
//! pages under the document's title and writes out where links go.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use std::fmt::Write as _;

use crate::i18n::Lang;

/// The Markdown extensions dino reads and writes (GitHub's flavour).
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// What goes around every table: a box that scrolls sideways when the
/// table is wider than the screen, so the page itself does not.
pub const TABLE_BOX: (&str, &str) = ("<div class=\"table\">", "</div>");

/// Renders Markdown to an HTML fragment with every user text made inert.
pub fn safe_fragment(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, markdown_options()).flat_map(|event| {
        let (before, after) = match &event {
            Event::Start(Tag::Table(_)) => (Some(TABLE_BOX.0), None),
            Event::End(TagEnd::Table) => (None, Some(TABLE_BOX.1)),
            _ => (None, None),
        };
        let html = |s: Option<&'static str>| s.map(|s| Event::Html(CowStr::Borrowed(s)));
        [html(before), Some(inert(event)), html(after)]
            .into_iter()
            .flatten()
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// One event made safe: raw HTML as text, link destinations checked,
/// images as links; a link whose text is its address (`<https://…>`) is
/// marked, so that print does not write the address twice.
fn inert(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type: link_type @ (LinkType::Autolink | LinkType::Email),
            dest_url,
            ..
        }) => {
            let mailto = if link_type == LinkType::Email {
                "mailto:"
            } else {
                ""
            };
            let mut tag = String::from("<a class=\"url\" href=\"");
            // Writing into a String cannot fail.
            let _ = pulldown_cmark_escape::escape_href(&mut tag, mailto);
            let _ = pulldown_cmark_escape::escape_href(&mut tag, &safe_destination(dest_url));
            tag.push_str("\">");
            Event::InlineHtml(tag.into())
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        })
        | Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_destination(dest_url),
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    }
}

/// Keeps a link destination only if it is http, https, mailto or relative.
fn safe_destination(dest: CowStr<'_>) -> CowStr<'_> {
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    match scheme {
        None | Some("http" | "https" | "mailto") => dest,
        Some(_) => CowStr::Borrowed("#"),
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Escapes text as [`escape`] does, onto the end of `out`.
pub fn escape_into(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

/// The page's look, for the markup the report's HTML writer makes
/// (`report::document::html`): on a screen of 40rem or less, tables of values
/// and of prose stand as stacked rows, each cell under its column's head;
/// on a wide screen a table of values may reach into the right margin, up
/// to 2rem from the window's edge, and scrolls in its box only beyond;
/// words break at syllables (`hyphens: auto`, in the language the markup
/// names) and a token wider than a whole line (an address) breaks where it
/// must; dates and numbers (`.nw`) never break. Print starts each
/// `section.page` on a new page, keeps headings and the sentence that
/// introduces a list, table or figure with what follows, and numbers the
/// pages under the running title that [`document_start`] adds.
const STYLE: &str = "
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.55;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: break-word; }
h1, h2, h3, h4, p, li, caption, figcaption, blockquote, th, td { hyphens: auto; }
h1, h2, h3, h4 { line-height: 1.25; color: #102a43; }
h1 { font-size: 2rem; border-bottom: 3px solid #102a43; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #bcccdc; padding-bottom: .2rem; }
a { color: #0b4f8a; text-decoration-thickness: .08em; text-underline-offset: .15em; }
a:focus-visible, .table:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.nw { white-space: nowrap; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .92em;
  background: #f0f4f8; padding: .05em .3em; border-radius: 3px; }
pre { overflow-x: auto; }
nav { margin: 1.5rem 0; padding: .5rem 1rem .75rem; border: 1px solid #bcccdc; border-radius: 4px;
  background: #f8fafc; }
nav h2 { margin: .25rem 0 .5rem; border: 0; padding: 0; font-size: 1.15rem; }
nav ol { margin: 0; padding-left: 1.5rem; } nav li { margin: .25rem 0; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #9fb3c8; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #e6edf3; }
td > div > p:first-child, th > div > p:first-child { margin-top: 0; }
td > div > p:last-child, th > div > p:last-child { margin-bottom: 0; }
table.prose { width: 100%; } table.prose th[scope=row] { width: 35%; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
blockquote, .note { border-left: 4px solid #9fb3c8; margin-left: 0; padding-left: 1rem; color: #334e68; }
.meta { color: #486581; font-style: italic; }
figure { margin: 1rem 0; } figcaption { font-size: .9em; color: #486581; }
svg.chart { display: block; width: 100%; overflow: visible; }
@media screen and (min-width: 48rem) {
  .table:not(:has(> table.prose)) { width: max-content; max-width: calc(50vw + 20rem); }
}
@media (max-width: 30rem) {
  body { padding: 0 .75rem; margin-top: 1rem; } h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; }
}
@media screen and (max-width: 40rem) {
  table.values, table.prose, :is(.values, .prose) :is(tbody, tr, th[scope=row], td, caption) {
    display: block; width: auto; }
  :is(.values, .prose) thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; }
  :is(.values, .prose) tr { border: 1px solid #9fb3c8; margin: 0 0 .75rem; }
  :is(.values, .prose) th[scope=row] { border: 0; border-bottom: 1px solid #9fb3c8; }
  table.prose th[scope=row] { width: auto; }
  :is(.values, .prose) td { border: 0; padding: .2rem .6rem; }
  :is(.values, .prose) td[data-label]:not([data-label=''])::before {
    content: attr(data-label) ': '; font-weight: 600; color: #334e68; }
  :is(.values, .prose) td:has(> div)::before { display: block; }
}
@page { size: A4; margin: 2cm 1.8cm;
  @bottom-right { content: counter(page) ' / ' counter(pages); font: 9pt system-ui, sans-serif; color: #486581; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  section.page { break-before: page; }
  h1, h2, h3, h4, caption, p:has(+ ul), p:has(+ ol), p:has(+ .table), p:has(+ figure) {
    break-after: avoid; }
  tr, figure, li { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  nav { background: none; }
  .table { overflow: visible; }
  a { color: inherit; }
  a[href^='http']:not(.url)::after, a[href^='mailto:']:not(.url)::after {
    content: ' (' attr(href) ')'; }
}
";

/// A whole HTML document around a fragment: language, title, inline style,
/// and a policy that allows no scripts and no fetching.
pub fn document(title: &str, lang: Lang, body: &str) -> String {
    format!("{}{body}{}", document_start(title, lang), DOCUMENT_END)
}

/// A document up to its body's content: language, title, inline style
/// with the title running at the top of each printed page, and a policy
/// that allows no scripts and no fetching.
pub fn document_start(title: &str, lang: Lang) -> String {
    let running = css_string(title);
    let title = escape(title);
    let code = lang.code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
<title>{title}</title>\n<style>{STYLE}@page {{ @top-center {{ content: {running}; font: 9pt system-ui, sans-serif; color: #486581; }} }}\n\
</style>\n</head>\n<body>\n<main>\n"
    )
}

/// `text` as a quoted CSS string that nothing in it can end: every
/// character but a letter, a digit or a space is written as its code
/// (`\3c ` for `<`), so no quote, backslash, line break or `</style>`
/// survives as itself.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// What closes a document begun with [`document_start`].
pub const DOCUMENT_END: &str = "</main>\n</body>\n</html>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn renders(markdown: &str, expected: &str) {
        assert_eq!(safe_fragment(markdown).trim_end(), expected, "{markdown}");
    }

    #[test]
    fn raw_html_shows_as_text() {
        renders(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        renders(
            "a <b onclick=\"x()\">b</b>",
            "<p>a &lt;b onclick=\"x()\"&gt;b&lt;/b&gt;</p>",
        );
        renders("</style><style>", "<p>&lt;/style&gt;&lt;style&gt;</p>");
    }

    #[test]
    fn only_safe_link_destinations_survive() {
        renders("[a](https://x.se)", "<p><a href=\"https://x.se\">a</a></p>");
        renders(
            "[a](mailto:a@x.se)",
            "<p><a href=\"mailto:a@x.se\">a</a></p>",
        );
        renders("[a](../doc.md)", "<p><a href=\"../doc.md\">a</a></p>");
        renders("[a](javascript:alert(1))", "<p><a href=\"#\">a</a></p>");
        renders(
            "[a](JaVa\tScript:alert(1))",
            "<p>[a](JaVa\tScript:alert(1))</p>",
        );
        renders(
            "[a](<java\nscript:x>)",
            "<p>[a](&lt;java\nscript:x&gt;)</p>",
        );
        renders("[a](data:text/html,x)", "<p><a href=\"#\">a</a></p>");
        renders("[a](vbscript:x)", "<p><a href=\"#\">a</a></p>");
    }

    #[test]
    fn images_become_links_so_nothing_is_fetched() {
        renders(
            "![logo](https://x.se/a.png)",
            "<p><a href=\"https://x.se/a.png\">logo</a></p>",
        );
    }

    #[test]
    fn tables_scroll_in_their_own_box() {
        let html = safe_fragment("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.starts_with("<div class=\"table\"><table>"), "{html}");
        assert!(html.trim_end().ends_with("</table>\n</div>"), "{html}");
    }

    #[test]
    fn a_link_that_shows_its_address_is_marked_so_print_does_not_repeat_it() {
        renders(
            "<https://x.se/a?b=1&c=2>",
            "<p><a class=\"url\" href=\"https://x.se/a?b=1&amp;c=2\">https://x.se/a?b=1&amp;c=2</a></p>",
        );
        renders(
            "<a@x.se>",
            "<p><a class=\"url\" href=\"mailto:a@x.se\">a@x.se</a></p>",
        );
        renders(
            "<javascript:alert(1)>",
            "<p><a class=\"url\" href=\"#\">javascript:alert(1)</a></p>",
        );
    }

    #[test]
    fn print_breaks_pages_only_before_a_page_section_and_shows_addresses() {
        let doc = document("A", Lang::Sv, "");
        let print = &doc[doc.find("@media print").expect("a print style")..];
        assert!(print.contains("section.page { break-before: page; }"));
        assert!(!print.contains("h2 { break-before"), "{print}");
        assert!(!print.contains("table,"), "whole tables may break: {print}");
        assert!(print.contains("p:has(+ .table)"), "{print}");
        assert!(print.contains(".table { overflow: visible; }"), "{print}");
        assert!(print.contains("content: ' (' attr(href) ')'"), "{print}");
    }

    #[test]
    fn printed_pages_carry_their_number_and_the_title() {
        let doc = document("Portfölj 2026", Lang::Sv, "");
        assert!(doc.contains("counter(page) ' / ' counter(pages)"), "{doc}");
        assert!(
            doc.contains("@top-center { content: \"Portfölj 2026\";"),
            "{doc}"
        );
    }

    #[test]
    fn a_hostile_title_cannot_leave_its_css_string() {
        let hostile = "a\"; } </style><script>x()</script>\\\n'";
        let doc = document(hostile, Lang::Sv, "");
        assert_eq!(doc.matches("</style>").count(), 1, "{doc}");
        assert!(!doc.contains("<script>"), "{doc}");
        let rule = &doc[doc.find("@top-center").expect("a running title")..];
        let rule = &rule[..rule.find('}').expect("the rule's end")];
        assert_eq!(
            rule,
            "@top-center { content: \"a\\22 \\3b  \\7d  \\3c \\2f style\\3e \\3c script\\3e x\\28 \\29 \\3c \\2f script\\3e \\5c \\a \\27 \"; font: 9pt system-ui, sans-serif; color: #486581; "
        );
    }

    #[test]
    fn tables_stack_on_a_phone_and_dates_never_break() {
        let doc = document("A", Lang::Sv, "");
        let phone = &doc[doc
            .find("@media screen and (max-width: 40rem)")
            .expect("a phone layout")..];
        assert!(phone.contains("content: attr(data-label)"), "{phone}");
        assert!(phone.contains("clip-path: inset(50%)"), "{phone}");
        assert!(doc.contains(".nw { white-space: nowrap; }"), "{doc}");
        assert!(!doc.contains("overflow-wrap: anywhere"), "{doc}");
        assert!(doc.contains("hyphens: auto"), "{doc}");
    }

    #[test]
    fn documents_carry_language_and_policy() {
        let doc = document("A <b>", Lang::En, "<p>x</p>\n");
        assert!(doc.contains("<html lang=\"en\">"));
        assert!(doc.contains("<title>A &lt;b&gt;</title>"));
        assert!(doc.contains("default-src 'none'"));
    }
}
