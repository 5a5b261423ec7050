use std::collections::{BTreeMap, BTreeSet};

use clap::Parser;

use super::*;

/// The English command line, built as clap builds it to parse or to help.
fn english() -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Calls `visit` with every command in the tree and its path below `dino`.
fn walk(cmd: &Command, path: &str, visit: &mut dyn FnMut(&Command, &str)) {
    visit(cmd, path);
    for sub in cmd.get_subcommands() {
        let sub_path = format!("{path} {}", sub.get_name());
        walk(sub, sub_path.trim_start(), visit);
    }
}

fn args(words: &[&str]) -> Vec<OsString> {
    words.iter().map(OsString::from).collect()
}

#[test]
fn every_command_and_argument_has_swedish_texts() {
    let mut missing = Vec::new();
    walk(&english(), "", &mut |cmd, path| {
        let at = texts_path(path);
        let Some(text) = texts::command_text(&at) else {
            missing.push(format!("`dino {path}`"));
            return;
        };
        let parts = [
            ("long about", cmd.get_long_about().is_some(), text.details),
            (
                "after_help",
                cmd.get_after_help().is_some(),
                text.after_help,
            ),
            (
                "after_long_help",
                cmd.get_after_long_help().is_some(),
                text.after_long_help,
            ),
        ];
        for (part, english, swedish) in parts {
            if english && swedish.is_none() {
                missing.push(format!("`dino {path}`: its {part}"));
            }
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            match texts::arg_text(&at, id) {
                None => missing.push(format!("`dino {path}`: {id}")),
                Some(text) => {
                    if arg.get_long_help().is_some() && text.long_help.is_none() {
                        missing.push(format!("`dino {path}`: {id}'s long help"));
                    }
                    if arg.get_action().takes_values() && text.value_name.is_none() {
                        missing.push(format!("`dino {path}`: {id}'s value name"));
                    }
                }
            }
            if let Some(heading) = arg.get_help_heading()
                && texts::heading(heading).is_none()
            {
                missing.push(format!("the heading {heading:?}"));
            }
            for value in arg.get_possible_values() {
                if value.get_help().is_some() && texts::value_text(value.get_name()).is_none() {
                    missing.push(format!("`dino {path}`: {id}'s value {}", value.get_name()));
                }
            }
        }
    });
    assert!(
        missing.is_empty(),
        "without Swedish help (src/help_sv/texts.rs):\n{}",
        missing.join("\n")
    );
}

/// What the English command line has at one texts path.
#[derive(Default)]
struct Present {
    long_about: bool,
    after_help: bool,
    after_long_help: bool,
    args: BTreeSet<String>,
}

#[test]
fn every_swedish_text_belongs_to_the_command_line() {
    let mut present: BTreeMap<String, Present> = BTreeMap::new();
    let mut all_args = BTreeSet::new();
    let mut values = BTreeSet::new();
    let mut headings = BTreeSet::new();
    walk(&english(), "", &mut |cmd, path| {
        let here = present.entry(texts_path(path)).or_default();
        here.long_about |= cmd.get_long_about().is_some();
        here.after_help |= cmd.get_after_help().is_some();
        here.after_long_help |= cmd.get_after_long_help().is_some();
        for arg in cmd.get_arguments() {
            here.args.insert(arg.get_id().to_string());
            all_args.insert(arg.get_id().to_string());
            headings.extend(arg.get_help_heading().map(str::to_string));
            for value in arg.get_possible_values() {
                values.insert(value.get_name().to_string());
            }
        }
    });
    let mut stray = Vec::new();
    for text in texts::COMMAND_TEXTS {
        let Some(here) = present.get(text.path) else {
            stray.push(format!("the command `{}`", text.path));
            continue;
        };
        let parts = [
            ("details", text.details.is_some(), here.long_about),
            ("after_help", text.after_help.is_some(), here.after_help),
            (
                "after_long_help",
                text.after_long_help.is_some(),
                here.after_long_help,
            ),
        ];
        for (part, swedish, english) in parts {
            if swedish && !english {
                stray.push(format!("`{}`: {part}", text.path));
            }
        }
        for arg in text.args {
            if !here.args.contains(arg.id) {
                stray.push(format!("`{}`: {}", text.path, arg.id));
            }
        }
    }
    for arg in texts::SHARED_ARGS {
        if !all_args.contains(arg.id) {
            stray.push(format!("the shared argument {}", arg.id));
        }
    }
    for (name, _) in texts::VALUES {
        if !values.contains(*name) {
            stray.push(format!("the value {name}"));
        }
    }
    for (heading, _) in texts::HEADINGS {
        if !headings.contains(*heading) {
            stray.push(format!("the heading {heading}"));
        }
    }
    assert!(
        stray.is_empty(),
        "Swedish texts for nothing on the command line:\n{}",
        stray.join("\n")
    );
}

#[test]
fn swedish_help_has_no_english_left() {
    let english_words = [
        "Usage",
        "Commands:",
        "Arguments:",
        "Options:",
        "Global options",
        "Print ",
        "[default:",
        "[possible values:",
        "Possible values:",
        "[OPTIONS]",
        "<COMMAND>",
        "<PATH>",
        "<FILE>",
    ];
    walk(&command(), "", &mut |cmd, path| {
        let mut cmd = cmd.clone();
        for help in [cmd.render_help(), cmd.render_long_help()] {
            let help = help.to_string();
            assert!(help.contains("Användning: "), "`dino {path}`:\n{help}");
            for word in english_words {
                assert!(!help.contains(word), "{word} in `dino {path}`:\n{help}");
            }
        }
    });
}

/// The headings of a command's long help, in order.
fn headings(cmd: &Command, known: &[&str]) -> Vec<String> {
    let help = cmd.clone().render_long_help().to_string();
    help.lines()
        .filter(|line| known.contains(line))
        .map(str::to_string)
        .collect()
}

#[test]
fn headings_come_in_the_order_they_do_in_english() {
    let english_headings = ["Commands:", "Arguments:", "Options:", "Global options:"];
    let swedish_headings = ["Kommandon:", "Argument:", "Flaggor:", "Globala flaggor:"];
    let swedish = command();
    walk(&english(), "", &mut |english_cmd, path| {
        let mut swedish_cmd = &swedish;
        for word in path.split_whitespace() {
            swedish_cmd = swedish_cmd
                .find_subcommand(word)
                .expect("the same commands");
        }
        let expected: Vec<String> = headings(english_cmd, &english_headings)
            .iter()
            .map(|h| {
                let at = english_headings.iter().position(|e| e == h).expect("known");
                swedish_headings[at].to_string()
            })
            .collect();
        assert_eq!(
            headings(swedish_cmd, &swedish_headings),
            expected,
            "`dino {path}`"
        );
    });
}

/// The help and the long help of argument `id` of `cmd`.
fn arg_help(cmd: &Command, id: &str) -> (String, String) {
    let arg = cmd
        .get_arguments()
        .find(|a| a.get_id() == id)
        .expect("the argument");
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg
        .get_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    (help, long)
}

#[test]
fn defaults_and_possible_values_are_written_in_swedish() {
    let cmd = command();
    let (help, long) = arg_help(&cmd, "color");
    assert!(help.ends_with(" [förval: auto] [möjliga värden: auto, always, never]"));
    assert!(long.ends_with("\n\n[förval: auto]\n[möjliga värden: auto, always, never]"));
    let report = cmd.find_subcommand("report").expect("report");
    let (help, long) = arg_help(report, "format");
    assert_eq!(
        help,
        "Format för utdata [förval: efter filändelsen på FIL (.md, .html, .json, .docx), annars md] \
         [möjliga värden: md, html, json, docx]"
    );
    assert!(
        long.starts_with(
            "Format för utdata [förval: efter filändelsen på FIL (.md, .html, .json, .docx), annars md]\n\nMöjliga värden:\n- md:   Markdown, för"
        ),
        "{long}"
    );
}

/// Command lines clap refuses, each for its own reason.
const REFUSED: &[&[&str]] = &[
    &["dino"],
    &["dino", "--help"],
    &["dino", "-h"],
    &["dino", "-V", "--lang", "sv"],
    &["dino", "gate", "--help"],
    &["dino", "help", "pack", "show"],
    &["dino", "pack"],
    &["dino", "frobnicate"],
    &["dino", "--format", "json", "status"],
    &["dino", "status", "--formt", "json"],
    &["dino", "status", "--format"],
    &["dino", "report", "--format", "pdf"],
    &["dino", "--lang", "fi", "status"],
    &["dino", "-q", "-q", "status"],
    &["dino", "gate", "--by", "Anna"],
    &["dino", "gate", "--check", "--decision", "go"],
    &["dino", "note"],
    &["dino", "note", "decision", "--closes"],
    &["dino", "-", "status"],
    &["dino", "--", "status"],
];

#[test]
fn the_swedish_command_line_refuses_what_the_english_one_does() {
    for words in REFUSED {
        let english = Cli::try_parse_from(args(words)).expect_err("clap refuses");
        let swedish = command()
            .try_get_matches_from(args(words))
            .expect_err("clap refuses in Swedish too");
        assert_eq!(swedish.kind(), english.kind(), "{words:?}");
        assert_eq!(swedish.exit_code(), english.exit_code(), "{words:?}");
    }
    let fine = Cli::try_parse_from(args(&["dino", "--lang", "sv", "status"]));
    assert!(fine.is_ok());
    assert!(
        command()
            .try_get_matches_from(args(&["dino", "status"]))
            .is_ok()
    );
}

/// The usage error clap gives for `words`, in Swedish, without colour.
fn swedish_error(words: &[&str]) -> String {
    let english = Cli::try_parse_from(args(words)).expect_err("clap refuses");
    error(english, &args(words)).render().to_string()
}

#[test]
fn usage_errors_read_in_swedish() {
    let text = swedish_error(&["dino", "status", "--formt", "json"]);
    assert!(
        text.starts_with("fel: okänt argument `--formt`\n\n  tips: det finns en liknande flagga: `--format`\n\nAnvändning: dino status"),
        "{text}"
    );
    assert!(
        text.ends_with("\n\nSe `--help` för mer information.\n"),
        "{text}"
    );
    let text = swedish_error(&["dino", "report", "--format", "pdf"]);
    assert!(
        text.starts_with(
            "fel: ogiltigt värde `pdf` för `--format <FORMAT>`\n  [möjliga värden: md, html, json, docx]"
        ),
        "{text}"
    );
    let text = swedish_error(&["dino", "gate", "--by", "Anna"]);
    assert!(
        text.starts_with("fel: de här argumenten saknas:\n  --decision <BESLUT>"),
        "{text}"
    );
    let text = swedish_error(&["dino", "-q", "-q", "status"]);
    assert!(
        text.starts_with("fel: `--quiet` kan bara anges en gång"),
        "{text}"
    );
    let text = swedish_error(&["dino", "--format", "json", "status"]);
    assert!(text.contains("tips: `status --format` finns"), "{text}");
    let text = swedish_error(&["dino", "frobnicate"]);
    assert!(
        text.starts_with("fel: okänt kommando `frobnicate`"),
        "{text}"
    );
}

#[test]
fn man_pages_name_their_sections_in_swedish() {
    let roff = ".TH dino 1\n.SH NAME\ndino\n.SH SYNOPSIS\n.SH Kommandon\n.SH EXTRA\n";
    assert_eq!(
        man_page(roff),
        ".TH dino 1\n.SH NAMN\ndino\n.SH SYNOPSIS\n.SH KOMMANDON\n.SH ÖVRIGT\n"
    );
    let roff = "Möjliga värden:\n\\- sv: svenska\n\\- en: engelska\n";
    assert_eq!(
        man_page(roff),
        "Möjliga värden:\n.br\n\\- sv: svenska\n.br\n\\- en: engelska\n"
    );
}

#[test]
fn copies_below_help_take_the_texts_of_their_commands() {
    assert_eq!(texts_path("pack help show"), "pack show");
    assert_eq!(texts_path("help pack"), "pack");
    assert_eq!(texts_path("pack help"), "help");
    assert_eq!(texts_path("help help"), "help");
    assert_eq!(texts_path(""), "");
}
