//! Tables for the terminal: fitted to its width with light borders on a
//! terminal; plain, full-width Markdown-style rows when piped.

use comfy_table::{ContentArrangement, Table, presets};

/// A new table with the given header, styled for where output goes.
pub fn new_table(header: Vec<String>, terminal_width: Option<u16>) -> Table {
    let mut table = Table::new();
    table.force_no_tty();
    match terminal_width {
        Some(width) => {
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        None => {
            table
                .load_style(presets::ASCII_MARKDOWN)
                .set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(header);
    table
}
