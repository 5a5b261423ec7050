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
            crate::fsio::write_atomic_with(path, fill)?;
            let shown = path.display();
            ui.note(&crate::tr!(lang, "skrev {shown}", "wrote {shown}"));
        }
        _ => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match fill(&mut out).and_then(|()| out.flush()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => return Err(err.into()),
                _ => {}
            }
        }
    }
    Ok(())
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
    use crate::commands::pack::doc::DocFormat;

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
