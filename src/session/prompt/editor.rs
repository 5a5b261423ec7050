//! A long text written in an editor: which one (`VISUAL`, `EDITOR`, else a
//! plain one, nano or notepad, never a bare vi), and a buffer that shows the
//! question and how to save and close, on lines marked `# dino:` that are
//! taken out of the answer afterwards.

use std::path::Path;

use anyhow::Result;

use crate::i18n::Lang;
use crate::tr;

/// What marks a line of instructions in the buffer. Only such lines are
/// taken out: an answer's own `#` lines (a Markdown heading) stay.
pub const MARKER: &str = "# dino:";

/// The editor to open: `VISUAL`, else `EDITOR`, else nano where PATH has it
/// (notepad on Windows). `None` when there is none of these.
pub fn chosen() -> Option<String> {
    let set = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()));
    set.or_else(plain)
}

/// A plain editor that needs no learning: notepad on Windows, nano where
/// PATH has it.
fn plain() -> Option<String> {
    if cfg!(windows) {
        return Some("notepad".to_string());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .any(|dir| is_program(&dir.join("nano")))
        .then(|| "nano".to_string())
}

fn is_program(path: &Path) -> bool {
    path.metadata().is_ok_and(|m| m.is_file())
}

/// What the menu offers for writing in `editor`; without one, that none
/// is set up, how to set one, and that a line is asked instead.
pub fn menu_label(editor: Option<&str>, lang: Lang) -> String {
    match editor {
        Some(editor) => tr!(
            lang,
            "Skriv i editorn ({})",
            "Write in the editor ({})",
            crate::text::terminal_md::visible(editor)
        ),
        None => lang
            .pick(
                "Skriv i editorn: ingen inställd (sätt EDITOR, t.ex. EDITOR=nano)",
                "Write in the editor: none set up (set EDITOR, e.g. EDITOR=nano)",
            )
            .to_string(),
    }
}

/// How to save and close in `editor`, as far as dino knows it.
fn how_to_save(editor: &str, lang: Lang) -> &'static str {
    let program = editor.split_whitespace().next().unwrap_or_default();
    let name = Path::new(program)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match name {
        "nano" | "pico" => lang.pick(
            "Spara med Ctrl-O och Enter, stäng med Ctrl-X.",
            "Save with Ctrl-O and Enter, close with Ctrl-X.",
        ),
        "notepad" => lang.pick(
            "Spara med Ctrl-S och stäng sedan fönstret.",
            "Save with Ctrl-S, then close the window.",
        ),
        "vi" | "vim" | "nvim" => lang.pick(
            "Spara och stäng med Esc och :wq och Enter.",
            "Save and close with Esc, then :wq and Enter.",
        ),
        _ => lang.pick(
            "Spara filen och stäng editorn.",
            "Save the file and close the editor.",
        ),
    }
}

/// The buffer the editor opens: the question and how to save and close,
/// each line marked, then the answer so far.
pub fn buffer(question: &str, current: &str, editor: &str, lang: Lang) -> String {
    let mut lines: Vec<String> = question.lines().map(|l| format!("{MARKER} {l}")).collect();
    let help = [
        lang.pick(
            "Skriv svaret under de här raderna.",
            "Write the answer below these lines.",
        ),
        how_to_save(editor, lang),
        lang.pick(
            "Rader som börjar med \"# dino:\" tas bort ur svaret; allt annat blir",
            "Lines that start with \"# dino:\" are taken out of the answer; all else",
        ),
        lang.pick(
            "kvar, också en rubrik som \"# Mål\". Stängs editorn utan att spara",
            "stays, a heading like \"# Goals\" too. Closing the editor without saving",
        ),
        lang.pick("ändras inget.", "changes nothing."),
    ];
    lines.push(MARKER.to_string());
    lines.extend(help.iter().map(|l| format!("{MARKER} {l}")));
    lines.push(String::new());
    let mut out = lines.join("\n");
    out.push('\n');
    out.push_str(current);
    if !current.is_empty() {
        out.push('\n');
    }
    out
}

/// The answer in a saved buffer: the marked lines taken out, blank lines
/// at its start and end too.
pub fn answer(saved: &str) -> String {
    let kept: Vec<&str> = saved.lines().filter(|l| !l.starts_with(MARKER)).collect();
    let text = kept.join("\n");
    text.trim_start_matches(['\n', '\r']).trim_end().to_string()
}

/// Opens `editor` on the buffer for `question`; the answer written, or
/// `None` when it was closed without saving. An editor that cannot start
/// is an error that names it.
pub fn edit(editor: &str, question: &str, current: &str, lang: Lang) -> Result<Option<String>> {
    let start = buffer(question, current, editor, lang);
    let saved = dialoguer::Editor::new()
        .executable(editor)
        .extension(".md")
        .edit(&start)
        .map_err(|err| {
            anyhow::anyhow!(tr!(
                lang,
                "editorn `{editor}` kunde inte startas ({err})",
                "the editor `{editor}` could not be started ({err})"
            ))
        })?;
    Ok(saved.map(|s| answer(&s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_holds_the_question_and_how_to_save_and_they_are_taken_out() {
        let start = buffer("Vilket problem löser ni?", "", "nano", Lang::Sv);
        assert!(
            start.contains("# dino: Vilket problem löser ni?"),
            "{start}"
        );
        assert!(start.contains("Ctrl-O"), "{start}");
        assert_eq!(answer(&start), "");
        let saved = format!("{start}# Mål\n\nFärre elever hoppar av.\n#dino: stays\n\n");
        assert_eq!(
            answer(&saved),
            "# Mål\n\nFärre elever hoppar av.\n#dino: stays"
        );
    }

    #[test]
    fn an_answer_so_far_is_in_the_buffer_and_comes_back_the_same() {
        let current = "Rad ett\n\n  - punkt\n# Rubrik";
        let start = buffer("Fråga\npå två rader", current, "code --wait", Lang::En);
        assert!(start.contains("# dino: på två rader"), "{start}");
        assert!(
            start.contains("Save the file and close the editor."),
            "{start}"
        );
        assert_eq!(answer(&start), current);
        assert_eq!(answer(&start.replace('\n', "\r\n")), current);
    }

    #[test]
    fn without_an_editor_the_menu_says_how_to_set_one() {
        let label = menu_label(None, Lang::En);
        assert!(label.contains("none set up (set EDITOR"), "{label}");
        assert!(!label.contains(" vi"), "{label}");
        assert_eq!(menu_label(Some("nano"), Lang::Sv), "Skriv i editorn (nano)");
    }
}
