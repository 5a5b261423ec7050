//! Where a command's document goes (`-o FILE`), and the format a file's
//! name asks for when `--format` is not given.

use std::path::Path;

use clap::ValueEnum;

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
