//! The command line, tested on the real `dino` binary.

mod broken_packs;
mod docs;
mod examples;
mod global_options;
mod help;
mod hostile_files;
mod pack_commands;
mod reports;
mod run_scripted;
mod support;
mod terminal;
mod upgrade;
mod workbook_commands;
