//! A workbook: a folder with `workbook.toml` and a `log/` of entries, opened
//! with its pack, and found on disk.

pub mod file;
