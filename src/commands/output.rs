//! Where a command's document goes (`-o FILE`), and the format a file's
//! name asks for when `--format` is not given.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::ValueEnum;

use crate::i18n::Lang;
use crate::ui::Ui;

/// Writes a document to `-o FILE` (atomically, then says so), or to
/// standard output when there is none or it is `-`; a reader that stops
/// early is fine.
pub fn deliver(
    output: Option<&Path>,
    ui: &Ui,
    lang: Lang,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            ensure_not_own_file(path, lang)?;
            crate::fsio::write_atomic_with(path, fill)?;
            let shown = ui.shown(path);
            ui.note(&crate::tr!(lang, "skrev {shown}", "wrote {shown}"));
        }
        _ => {
            crate::out::unless_reader_left(crate::out::with_stdout(fill))?;
        }
    }
    Ok(())
}

/// Refuses `-o` onto a file a workbook or a pack is made of: a
/// workbook's `workbook.toml` or `pack-snapshot.toml`, anything in its
/// `log/` or `.dino/`, a pack's `.toml` files. Links and `..` are resolved
/// first, so neither leads around the rule.
fn ensure_not_own_file(path: &Path, lang: Lang) -> Result<()> {
    let Some(real) = resolved(path) else {
        return Ok(());
    };
    let shown = path.display();
    for (depth, dir) in real.ancestors().skip(1).enumerate() {
        if let Some(kind) = own_file_of_workbook(dir, &real) {
            let root = dir.display();
            anyhow::bail!(crate::tr!(
                lang,
                "-o {shown} skulle skriva över {kind} i arbetsboken {root}; skriv till en annan fil, till exempel rapport.html",
                "-o {shown} would overwrite {kind} of the workbook {root}; write to another file, such as report.html"
            ));
        }
        let is_toml = real
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        // A pack's files lie at most a few folders below its pack.toml.
        if depth < 5 && is_toml && dir.join("pack.toml").is_file() {
            let root = dir.display();
            anyhow::bail!(crate::tr!(
                lang,
                "-o {shown} skulle skriva över en av filerna i paketet {root}; skriv till en annan fil, till exempel handbok.md",
                "-o {shown} would overwrite one of the files of the pack {root}; write to another file, such as handbook.md"
            ));
        }
    }
    Ok(())
}

/// Which of the workbook at `dir`'s own files `real` is, if `dir` is a
/// workbook and `real` one of them.
fn own_file_of_workbook(dir: &Path, real: &Path) -> Option<String> {
    use crate::workbook::{LOG_DIR, WORKBOOK_FILE};
    if !crate::workbook::discover::is_workbook(dir) {
        return None;
    }
    let rel = real.strip_prefix(dir).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let own = [
        WORKBOOK_FILE,
        crate::workbook::snapshot::SNAPSHOT_FILE,
        LOG_DIR,
        crate::workbook::STATE_DIR,
    ];
    let is_dir = first == LOG_DIR || first == crate::workbook::STATE_DIR;
    own.contains(&first.as_str())
        .then(|| if is_dir { format!("{first}/") } else { first })
}

/// Where `path` really is: links and `..` resolved in the part of it
/// that is there, the rest (folders `-o` would make) added after.
fn resolved(path: &Path) -> Option<std::path::PathBuf> {
    use std::path::Component;
    let path = std::path::absolute(path).ok()?;
    let there = path
        .ancestors()
        .find(|a| std::fs::symlink_metadata(a).is_ok())?;
    let mut real = std::fs::canonicalize(there).ok()?;
    for part in path.strip_prefix(there).ok()?.components() {
        match part {
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => real.push(name),
            _ => {}
        }
    }
    Some(real)
}

/// The format asked for: `--format` when given, else the one the output
/// file's extension names (`report.html`, `handbook.md`), else `default`.
pub fn format_for<F: ValueEnum + Copy>(given: Option<F>, output: Option<&Path>, default: F) -> F {
    given
        .or_else(|| {
            let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
            let ext = match ext.as_str() {
                "htm" => "html",
                "markdown" => "md",
                other => other,
            };
            F::from_str(ext, true).ok()
        })
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `--format` as the commands that write documents take one.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
    enum DocFormat {
        Md,
        Html,
    }

    #[test]
    fn output_onto_a_workbooks_or_packs_own_files_is_refused() {
        let top = tempfile::tempdir().expect("temp");
        let wb = top.path().join("wb");
        std::fs::create_dir_all(wb.join("log")).expect("mkdir");
        std::fs::write(wb.join("workbook.toml"), "").expect("write");
        let pack = top.path().join("pack");
        std::fs::create_dir_all(pack.join("phases")).expect("mkdir");
        std::fs::write(pack.join("pack.toml"), "").expect("write");
        #[track_caller]
        fn case(path: std::path::PathBuf, refused: bool) {
            let result = ensure_not_own_file(&path, Lang::En);
            assert_eq!(result.is_err(), refused, "{}: {result:?}", path.display());
        }
        case(wb.join("workbook.toml"), true);
        case(wb.join("pack-snapshot.toml"), true);
        case(wb.join("log/2026-03-02-0900-note-abcdef.md"), true);
        case(wb.join("log/deeper/x.md"), true);
        case(wb.join(".dino/draft.md"), true);
        case(wb.join("log/../workbook.toml"), true);
        case(wb.join("nothere/../log/x.md"), true);
        case(wb.join("report.html"), false);
        case(top.path().join("report.html"), false);
        case(pack.join("pack.toml"), true);
        case(pack.join("phases/start.toml"), true);
        case(pack.join("handbook.md"), false);
        #[cfg(unix)]
        {
            let link = top.path().join("innocent.html");
            std::os::unix::fs::symlink(wb.join("workbook.toml"), &link).expect("link");
            case(link, true);
            let folder = top.path().join("folder");
            std::os::unix::fs::symlink(wb.join("log"), &folder).expect("link");
            case(folder.join("x.md"), true);
        }
    }

    #[test]
    fn the_extension_names_the_format_unless_one_is_given() {
        fn file(name: &str) -> Option<&Path> {
            Some(Path::new(name))
        }
        assert_eq!(
            format_for(None, file("h.html"), DocFormat::Md),
            DocFormat::Html
        );
        assert_eq!(
            format_for(None, file("H.HTM"), DocFormat::Md),
            DocFormat::Html
        );
        assert_eq!(
            format_for(None, file("h.markdown"), DocFormat::Html),
            DocFormat::Md
        );
        assert_eq!(
            format_for(None, file("h.txt"), DocFormat::Md),
            DocFormat::Md
        );
        assert_eq!(format_for(None, file("-"), DocFormat::Md), DocFormat::Md);
        assert_eq!(format_for(None, None, DocFormat::Md), DocFormat::Md);
        assert_eq!(
            format_for(Some(DocFormat::Md), file("h.html"), DocFormat::Md),
            DocFormat::Md
        );
    }
}
