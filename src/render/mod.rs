//! Turning a pack into text: the terminal view of `pack show`, and the
//! facilitator's handbook of `pack doc` in Markdown and in HTML.

pub mod condition_words;
pub mod handbook;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pack_view;
pub mod readiness_chart;
pub mod status_view;
pub mod table;
pub mod terminal_md;
pub mod visible_writer;
