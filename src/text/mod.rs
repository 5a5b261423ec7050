//! Text forms with no knowledge of packs or workbooks: escaping for
//! Markdown and HTML and the HTML page frame, terminal tables, and text
//! made safe to show on a terminal (nothing in a file may steer it); a
//! calendar day as written.

pub mod day;
pub mod html;
pub mod markdown;
pub mod nesting;
pub mod table;
pub mod terminal_md;
pub mod visible_writer;
