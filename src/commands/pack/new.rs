//! `dino pack new DIR`: a small, valid pack to start a method from: the
//! example pack of docs/pack-format.md, with its id taken from DIR.

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use crate::fsio::write_atomic;
use crate::ui::Ui;

/// The files of the starting pack (the example in docs/pack-format.md).
const TEMPLATE: [(&str, &str); 3] = [
    (
        "pack.toml",
        include_str!("../../../examples/packs/skolpilot/pack.toml"),
    ),
    (
        "start.toml",
        include_str!("../../../examples/packs/skolpilot/start.toml"),
    ),
    (
        "test.toml",
        include_str!("../../../examples/packs/skolpilot/test.toml"),
    ),
];

/// Create a pack folder with a small, valid pack to start from
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create; its name becomes the pack's id
    pub dir: PathBuf,
}

pub fn run(args: NewArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let dir = &args.dir;
    let shown = dir.display();
    if dir.exists()
        && dir
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!(crate::tr!(
            lang,
            "{shown} finns redan och är inte tom; välj en ny mapp",
            "{shown} exists already and is not empty; choose a new folder"
        ));
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = pack_id(&name);
    std::fs::create_dir_all(dir)
        .map_err(|e| crate::fsio::errors::error(crate::fsio::errors::Doing::MakeFolder, dir, &e))?;
    for (file, text) in TEMPLATE {
        let text = if file == "pack.toml" {
            retitle(text, &id, &name)
        } else {
            text.to_string()
        };
        write_atomic(&dir.join(file), text.as_bytes())?;
    }
    let shown = ui.shown(dir);
    ui.note(&crate::tr!(
        lang,
        "skapade paketet `{id}` i {shown}; ändra filerna och kör `dino pack check {shown}`",
        "made the pack `{id}` in {shown}; edit its files, then run `dino pack check {shown}`"
    ));
    Ok(())
}

/// A pack id from a folder name: a slug that starts with a letter.
fn pack_id(name: &str) -> String {
    let slug = slug::slugify(name);
    match slug.chars().next() {
        Some(c) if c.is_ascii_lowercase() => slug,
        Some(_) => format!("pack-{slug}"),
        None => "pack".to_string(),
    }
}

/// Sets the pack's id and title in the template's `pack.toml`.
fn retitle(text: &str, id: &str, name: &str) -> String {
    let title = crate::log::toml_string(name);
    let (mut id_done, mut title_done) = (false, false);
    text.lines()
        .map(|line| {
            // Only the pack's own keys, the first of each; profile items
            // further down have ids and titles of their own.
            if !id_done && line.starts_with("id = ") {
                id_done = true;
                format!("id = \"{id}\"")
            } else if !title_done && line.starts_with("title = ") {
                title_done = true;
                format!("title = {title}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_folder_names() {
        assert_eq!(pack_id("Välfärd & lärande"), "valfard-larande");
        assert_eq!(pack_id("2025 metod"), "pack-2025-metod");
        assert_eq!(pack_id("!!!"), "pack");
    }
}
