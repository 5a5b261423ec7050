//! `dino pack list`: the built-in packs, and packs found in folders.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use crate::pack::{builtin, load, source::PackSource};
use crate::text::table::new_table;
use crate::ui::Ui;

/// List the built-in packs and any found under the folders given with --pack
#[derive(Debug, Args)]
pub struct ListArgs {
    /// A pack folder, or a folder to search for packs (repeatable)
    #[arg(long = "pack", value_name = "PATH")]
    pub packs: Vec<PathBuf>,
}

pub fn run(args: ListArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let mut sources: Vec<(String, PackSource)> = builtin::ids()
        .into_iter()
        .filter_map(|id| {
            builtin::source(id).map(|s| (lang.pick("inbyggt", "built-in").to_string(), s))
        })
        .collect();
    for root in &args.packs {
        let found = find_packs(root, SEARCH_DEPTH);
        if found.is_empty() {
            let shown = root.display();
            anyhow::bail!(crate::tr!(
                lang,
                "inga paket (mappar med pack.toml) i {shown}",
                "no packs (folders with a pack.toml) in {shown}"
            ));
        }
        sources.extend(
            found
                .into_iter()
                .map(|dir| (dir.display().to_string(), PackSource::Dir(dir))),
        );
    }

    let mut table = new_table(
        vec![
            "Id".into(),
            "Version".into(),
            lang.pick("Titel", "Title").into(),
            lang.pick("Faser", "Phases").into(),
            lang.pick("Språk", "Languages").into(),
            lang.pick("Källa", "Source").into(),
        ],
        ui.terminal_width(),
    );
    for (origin, source) in &sources {
        match load(source, lang) {
            Ok(pack) => {
                let l = pack.lang_for(lang);
                let languages: Vec<&str> = pack.languages.iter().map(|l| l.code()).collect();
                table.add_row(vec![
                    pack.id.clone(),
                    pack.version.clone(),
                    pack.title.get(l).to_string(),
                    pack.phases.len().to_string(),
                    languages.join(", "),
                    origin.clone(),
                ]);
            }
            Err(findings) => {
                let count = findings.len();
                table.add_row(vec![
                    "?".into(),
                    "?".into(),
                    crate::tr!(
                        lang,
                        "{count} problem; kör dino pack check {origin}",
                        "{count} problems; run dino pack check {origin}"
                    ),
                    String::new(),
                    String::new(),
                    origin.clone(),
                ]);
            }
        }
    }
    crate::out::line(table)?;
    Ok(())
}

/// How deep below a folder packs are looked for.
pub(crate) const SEARCH_DEPTH: usize = 4;

/// `root` if it is a pack, else the packs below it (sorted, not below a pack).
pub(crate) fn find_packs(root: &Path, depth: usize) -> Vec<PathBuf> {
    if root.join("pack.toml").is_file() {
        return vec![root.to_path_buf()];
    }
    if depth == 0 {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    dirs.iter().flat_map(|d| find_packs(d, depth - 1)).collect()
}
