//! The pack in words: the terminal view of `pack show`, the facilitator's
//! handbook of `pack doc` in Markdown and in HTML, and `when` conditions
//! said as sentences. Only the pack is read here; the text forms they are
//! written in are in `text`.

pub mod condition_words;
pub mod handbook;
pub mod pack_view;
