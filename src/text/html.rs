//! Markdown to a safe, self-contained HTML page: raw HTML in the source is
//! shown as text, links keep only http, https, mailto and relative
//! destinations, images become links (nothing is fetched), and a
//! Content-Security-Policy forbids scripts. Tables scroll inside their own
//! box on a narrow screen, and the print stylesheet writes out where links
//! go.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

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
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

const STYLE: &str = "
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.55;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.25; color: #102a43; }
h1 { font-size: 2rem; border-bottom: 3px solid #102a43; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #bcccdc; padding-bottom: .2rem; }
a { color: #0b4f8a; }
h1, h2, h3, h4, p, li, caption, figcaption, blockquote, table.prose td { overflow-wrap: anywhere; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .92em;
  background: #f0f4f8; padding: .05em .3em; border-radius: 3px; }
pre { overflow-x: auto; }
.table { overflow-x: auto; margin: 1rem 0; }
@media (max-width: 30rem) { body { padding: 0 .75rem; } th, td { padding: .25rem .4rem; } }
table { border-collapse: collapse; }
th, td { border: 1px solid #9fb3c8; padding: .3rem .6rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #e6edf3; }
table.prose { width: 100%; table-layout: fixed; } table.prose th:first-child { width: 35%; }
blockquote { border-left: 4px solid #9fb3c8; margin-left: 0; padding-left: 1rem; color: #334e68; }
.meta { color: #486581; font-style: italic; }
figure { margin: 1rem 0; } figcaption { font-size: .9em; color: #486581; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
svg.chart { display: block; width: 100%; overflow: visible; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  /* A portfolio (its title, the overview, then a section per workbook):
     each workbook starts a page. A single workbook flows on. */
  main > h1 ~ section { break-before: page; }
  tr, figure { break-inside: avoid; }
  h2, h3, h4, p:has(+ figure) { break-after: avoid; }
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

/// A document up to its body's content: language, title, inline style, and
/// a policy that allows no scripts and no fetching.
pub fn document_start(title: &str, lang: Lang) -> String {
    let title = escape(title);
    let code = lang.code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    )
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
    fn print_breaks_pages_only_between_workbooks_and_shows_addresses() {
        let doc = document("A", Lang::Sv, "");
        let print = &doc[doc.find("@media print").expect("a print style")..];
        assert!(print.contains("main > h1 ~ section { break-before: page; }"));
        assert!(!print.contains("h2 { break-before"), "{print}");
        assert!(!print.contains("table,"), "whole tables may break: {print}");
        assert!(print.contains("content: ' (' attr(href) ')'"), "{print}");
    }

    #[test]
    fn documents_carry_language_and_policy() {
        let doc = document("A <b>", Lang::En, "<p>x</p>\n");
        assert!(doc.contains("<html lang=\"en\">"));
        assert!(doc.contains("<title>A &lt;b&gt;</title>"));
        assert!(doc.contains("default-src 'none'"));
    }
}
