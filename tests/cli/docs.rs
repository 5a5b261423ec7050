//! The docs hold: the handbook is CommonMark a forge renders, and the
//! complete example in docs/pack-format.md is the example pack itself.

use std::fs;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

use crate::support::{dino, root};

#[test]
fn the_handbook_parses_as_commonmark_with_one_section_per_phase() {
    for lang in ["sv", "en"] {
        let run = dino(&["--lang", lang, "pack", "doc", "dino"]);
        run.code(0);
        let mut h1 = 0;
        let mut h2 = Vec::new();
        let mut in_h2 = false;
        let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
        for event in Parser::new_ext(&run.stdout, options) {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }) => h1 += 1,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => {
                    in_h2 = true;
                    h2.push(String::new());
                }
                Event::End(pulldown_cmark::TagEnd::Heading(HeadingLevel::H2)) => in_h2 = false,
                Event::Text(text) if in_h2 => h2.last_mut().expect("open heading").push_str(&text),
                Event::Html(html) | Event::InlineHtml(html) => {
                    panic!("raw HTML in the handbook: {html}")
                }
                _ => {}
            }
        }
        assert_eq!(h1, 1, "one title");
        let phases: Vec<&String> = h2
            .iter()
            .filter(|h| h.starts_with(char::is_numeric))
            .collect();
        assert_eq!(phases.len(), 6, "{lang}: a section per phase: {h2:?}");
    }
}

#[test]
fn the_handbook_holds_every_item_and_its_help() {
    let run = dino(&["--lang", "en", "pack", "doc", "dino"]);
    run.code(0)
        .stdout_has("What problem do you want to solve, and who is affected by it?")
        .stdout_has("*Applies when:*")
        .stdout_has("(`decision_level == 'political'`)")
        .stdout_has("Go on")
        .stdout_has("Stop");
    let items = run.stdout.matches(" · `").count();
    assert!(
        items >= 59 + 6,
        "every profile question and item is listed ({items})"
    );
}

#[test]
fn the_format_doc_names_every_kind_in_swedish() {
    let doc = fs::read_to_string(root().join("docs/pack-format.md")).expect("docs/pack-format.md");
    let at = doc.find("names the kinds in the").expect("the sentence");
    let sentence: String = doc[at..]
        .split_once('.')
        .expect("its end")
        .0
        .replace('\n', " ");
    for word in [
        "kryssruta",
        "text",
        "val",
        "flerval",
        "skala",
        "datum",
        "tal",
        "indikator",
        "mätning",
    ] {
        assert!(
            sentence.contains(&format!("`{word}`")),
            "{word}: {sentence}"
        );
    }
}

#[test]
fn the_format_doc_example_is_the_example_pack() {
    let doc = fs::read_to_string(root().join("docs/pack-format.md")).expect("docs/pack-format.md");
    let example = &doc[doc
        .find("## A complete example")
        .expect("the example section")..];
    let mut blocks = 0;
    let mut in_toml = false;
    let mut text = String::new();
    for event in Parser::new(example) {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang))) => {
                in_toml = &*lang == "toml";
                text.clear();
            }
            Event::Text(t) if in_toml => text.push_str(&t),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) if in_toml => {
                let name = text
                    .lines()
                    .next()
                    .expect("a first line")
                    .trim_start_matches("# ");
                let file = fs::read_to_string(root().join("examples/packs/skolpilot").join(name))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    file, text,
                    "docs/pack-format.md and examples/packs/skolpilot/{name} differ"
                );
                blocks += 1;
                in_toml = false;
            }
            _ => {}
        }
    }
    assert_eq!(blocks, 3);
}

/// The fenced TOML blocks of a Markdown file.
fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang)))
                if &*lang == "toml" =>
            {
                current = Some(String::new());
            }
            Event::Text(t) => {
                if let Some(block) = &mut current {
                    block.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

#[test]
fn every_toml_block_in_the_docs_parses() {
    for doc in ["docs/pack-format.md", "README.md"] {
        let text = fs::read_to_string(root().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"));
        for block in toml_blocks(&text) {
            match block.parse::<toml::Table>() {
                Ok(_) => {}
                // A block that shows alternatives repeats its key: each line stands alone.
                Err(e) if e.message().contains("duplicate key") => {
                    for line in block.lines().filter(|l| !l.trim().is_empty()) {
                        if let Err(e) = line.parse::<toml::Table>() {
                            panic!("{doc}: `{line}` does not parse: {e}");
                        }
                    }
                }
                Err(e) => panic!("{doc}: a TOML block does not parse: {e}\n{block}"),
            }
        }
    }
}

/// The subcommands a help page lists, `help` left out.
fn commands_in_help(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| !matches!(line.trim(), "Commands:" | "Kommandon:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A description's continuation is indented further.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_names_every_command_in_its_table() {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let help = dino(&["--lang", "en", "--help"]);
    let commands = commands_in_help(&help.code(0).stdout);
    assert!(commands.len() >= 16, "commands in --help: {commands:?}");
    for command in &commands {
        assert!(
            readme.contains(&format!("| `dino {command}")),
            "README's command table lacks `dino {command}`"
        );
    }
    let pack = dino(&["--lang", "en", "pack", "--help"]);
    let subcommands = commands_in_help(&pack.code(0).stdout);
    assert!(
        subcommands.len() >= 5,
        "pack's subcommands: {subcommands:?}"
    );
    for command in &subcommands {
        assert!(
            readme.contains(&format!("| `dino pack {command}")),
            "README's command table lacks `dino pack {command}`"
        );
    }
}

/// The one ```sh block of `doc` that holds `needle`.
fn sh_block_with(doc: &str, needle: &str) -> String {
    let blocks: Vec<&str> = doc
        .split("```sh\n")
        .skip(1)
        .filter_map(|rest| rest.split_once("\n```").map(|(block, _)| block))
        .filter(|block| block.contains(needle))
        .collect();
    assert_eq!(blocks.len(), 1, "one sh block with {needle:?}: {blocks:?}");
    blocks[0].to_string()
}

#[test]
fn the_man_page_loop_of_install_md_writes_a_page_for_every_command() {
    let install = fs::read_to_string(root().join("docs/install.md")).expect("docs/install.md");
    let script = sh_block_with(&install, "dino --lang en man");
    // The commands are listed as .ci/package lists them, awk for awk.
    let package = fs::read_to_string(root().join(".ci/package")).expect(".ci/package");
    let awk = |text: &str| -> String {
        let line = text.lines().find(|l| l.contains("awk '/^Commands:/"));
        line.expect("the awk that lists commands")
            .trim()
            .to_string()
    };
    assert_eq!(awk(&script), awk(&package));

    let home = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .env("HOME", home.path())
        .env("PATH", crate::support::path_with_dino())
        .env_remove("DINO_LANG")
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = home.path().join(".local/share/man/man1");
    let page = |name: &str| {
        let text = fs::read_to_string(pages.join(format!("{name}.1"))).unwrap_or_default();
        assert!(
            text.contains(".TH"),
            "docs/install.md writes no man page {name}.1"
        );
    };
    page("dino");
    let commands = commands_in_help(&dino(&["--lang", "en", "--help"]).code(0).stdout);
    for must in ["diff", "resolve", "roster"] {
        assert!(commands.iter().any(|c| c == must), "{commands:?}");
    }
    for command in &commands {
        page(&format!("dino-{command}"));
        let help = dino(&["--lang", "en", command, "--help"]);
        for sub in commands_in_help(&help.code(0).stdout) {
            page(&format!("dino-{command}-{sub}"));
        }
    }
}
