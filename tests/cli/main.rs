//! The command line, tested on the real `dino` binary.

mod actions_raised;
mod adaptation;
mod adapted;
mod broken_packs;
mod closed_pipe;
mod crash_points;
mod docs;
mod examples;
mod follow_through;

mod fuzz;
mod gate_criteria;
mod global_options;
mod help;
mod hints;
mod hostile_files;
mod hostile_input;
mod indicators;
mod pack_commands;
mod paths_shown;
mod places;
mod readiness_apart;
mod report_follow_up;
mod reports;
mod run_scripted;
mod screen;
mod support;
mod swedish_values;
mod terminal;
mod upgrade;
mod workbook_commands;
mod written_and_read_back;
