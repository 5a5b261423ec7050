//! Typing text, numbers and days in a session as a facilitator on a
//! projector does: Ctrl-U, Ctrl-W, Home/End and Esc in the line, a long
//! answer wider than the screen, and the editor with the question in its
//! buffer. Each at 80×24 and at 120×40, the screen read back.

#![cfg(unix)]

use std::path::{Path, PathBuf};

use crate::screen::{SIZES, Screen, keys};

/// A workbook on the example pack whose phase `start` has three items: a
/// long text, a choice and a check.
fn workbook(dir: &Path) -> PathBuf {
    crate::support::skolpilot(dir, true)
}

/// `dino run` at `size`, gone through the people questions to the first
/// item, its list (one line here, the editor, more) on the screen.
fn to_first_item(wb: &Path, size: (u16, u16), env: &[(&str, &str)]) -> Screen {
    let mut screen = Screen::spawn(wb, &["--lang", "en", "run"], size, env);
    screen.wait_for("Facilitator").press(keys::ENTER);
    screen.wait_for("Participant").press(keys::ENTER);
    screen.wait_for("Vilket problem").wait_for("More");
    screen
}

/// Answers the rest of `start` (yes, done), decides later and declines
/// the assessment; dino ends well.
fn finish_start(mut screen: Screen) {
    screen.wait_for("Vet vi hur").press(keys::ENTER);
    screen.wait_for("Dataskyddet").press(keys::ENTER);
    screen
        .wait_for("Does the project profile still hold?")
        .press(keys::ENTER);
    screen.wait_for("What do you decide?");
    for _ in 0..4 {
        screen.send(keys::DOWN);
    }
    screen.press(keys::ENTER);
    screen.wait_for("Run it now?");
    screen.send(keys::DOWN).press(keys::ENTER);
    assert_eq!(screen.exit_code(), 0);
}

/// The text of the one entry in `log/`.
fn the_entry(wb: &Path) -> String {
    let files: Vec<PathBuf> = std::fs::read_dir(wb.join("log"))
        .expect("log")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).expect("entry")
}

/// Everything in `.dino/` (the draft), as text.
fn the_draft(wb: &Path) -> String {
    std::fs::read_dir(wb.join(".dino"))
        .expect(".dino")
        .filter_map(|e| std::fs::read_to_string(e.expect("file").path()).ok())
        .collect()
}

/// The row of the screen that holds `text`, exactly one.
fn the_row(screen: &Screen, text: &str) -> String {
    let rows: Vec<String> = screen
        .rows()
        .into_iter()
        .filter(|r| r.contains(text))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "{text:?} on the screen:\n{}",
        screen.contents()
    );
    rows[0].clone()
}

/// Ctrl-C: dino ends with 130, the draft kept.
fn interrupt(mut screen: Screen) {
    screen.send(keys::CTRL_C);
    assert_eq!(screen.exit_code(), 130);
}

#[test]
fn ctrl_u_clears_a_prefilled_answer_and_the_entry_holds_only_the_new_text() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let mut screen = to_first_item(&wb, size, &[]);
        // The phase's title is on the screen when the first item is asked,
        // however much the intro said before.
        assert!(
            screen.rows().iter().any(|r| r.starts_with("Start 1/3")),
            "{}",
            screen.contents()
        );
        screen.press(keys::ENTER).wait_for("empty line: more");
        screen.send("Karin Lindqvist").press(keys::ENTER);
        // Back to it from the next item's menu: the answer is offered.
        screen.wait_for("Vet vi hur").press(keys::ESC);
        screen.wait_for("What do you want to do?");
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("Keep: Karin Lindqvist");
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("Write one line here").press(keys::ENTER);
        screen.wait_for("Karin Lindqvist");
        screen.send(keys::CTRL_U).settle();
        let editing = the_row(&screen, "empty line: more");
        assert!(!editing.contains("Karin"), "cleared: {editing}");
        screen
            .send("Per-Olof Nyström, förvaltningschef")
            .press(keys::ENTER);
        let confirmed = the_row(&screen, "Per-Olof");
        assert!(confirmed.contains("Vilket problem"), "{confirmed}");
        finish_start(screen);
        let entry = the_entry(&wb);
        assert!(
            entry.contains("Per-Olof Nyström, förvaltningschef"),
            "{entry}"
        );
        assert!(!entry.contains("Karin"), "{entry}");
    }
}

#[test]
fn ctrl_w_home_and_end_edit_a_typed_answer() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let mut screen = to_first_item(&wb, size, &[]);
        screen.press(keys::ENTER).wait_for("empty line: more");
        screen.send("elever hoppar av fel").press(keys::CTRL_W);
        screen.press(keys::HOME).send("Många ");
        screen.press(keys::END).send("nu").press(keys::ENTER);
        screen.wait_for("Vet vi hur");
        let confirmed = the_row(&screen, "Många elever");
        assert!(
            confirmed.contains("Vilket problem")
                && confirmed.ends_with("Många elever hoppar av nu"),
            "{confirmed}"
        );
        interrupt(screen);
        assert!(
            the_draft(&wb).contains("Många elever hoppar av nu"),
            "{}",
            the_draft(&wb)
        );
    }
}

#[test]
fn esc_at_a_text_item_opens_its_menu_whose_entries_keep_their_places() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let mut screen = to_first_item(&wb, size, &[]);
        screen
            .press(keys::ENTER)
            .wait_for("Esc or empty line: more");
        screen.send("halvt svar").press(keys::ESC);
        screen.wait_for("What do you want to do?");
        // No way back from the first item, but its entry keeps its place.
        assert_eq!(screen.count("Back to the previous item (not here)"), 1);
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("No earlier answer in this session");
        screen.wait_for("What do you want to do?");
        screen.send(keys::ESC);
        // Down five times from the top is the note, always.
        screen
            .wait_for("Vilket problem")
            .wait_for("More")
            .press(keys::ESC);
        screen.wait_for("What do you want to do?");
        for _ in 0..5 {
            screen.send(keys::DOWN);
        }
        screen
            .press(keys::ENTER)
            .wait_for("Esc: leave it as it was");
        screen.send("Ring rektorn").press(keys::ENTER);
        screen.wait_for("Vilket problem").wait_for("More");
        interrupt(screen);
    }
}

/// A workbook whose phase `start` is decided, so that `dino run` asks the
/// phase `test`: a number, then a day.
fn at_phase_test(dir: &Path) -> PathBuf {
    let wb = workbook(dir);
    std::fs::write(
        wb.join("start.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\ndataskydd = true\n[gate]\ndecision = \"go\"\ndecided_by = \"Eva\"\nmotivation = \"Klart.\"\n[gate.criteria]\nbehovsagare = \"met\"\ntid = \"met\"\n",
    )
    .expect("write");
    crate::support::pinned(&wb, &["run", "start", "--answers", "start.toml"]).code(0);
    wb
}

#[test]
fn a_number_and_a_day_take_esc_and_ctrl_u() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = at_phase_test(dir.path());
        let mut screen = Screen::spawn(&wb, &["--lang", "en", "run"], size, &[]);
        screen.wait_for("Facilitator").press(keys::ENTER);
        screen.wait_for("Participant").press(keys::ENTER);
        screen.wait_for("Var testade vi?").press(keys::ENTER);
        screen.wait_for("Hur stor nytta").press(keys::ENTER);
        // The number: Esc opens the menu, Esc there comes back.
        screen
            .wait_for("Hur många deltog?")
            .send("7")
            .press(keys::ESC);
        screen.wait_for("What do you want to do?").press(keys::ESC);
        screen.wait_for("Hur många deltog?");
        screen
            .send("12")
            .press(keys::CTRL_U)
            .send("40")
            .press(keys::ENTER);
        // The day: refused, cleared with Ctrl-U, typed again.
        screen.wait_for("När var testet klart?").send("2026-13-01");
        screen.press(keys::ENTER);
        // Refused: the text is kept in the line, an error under it.
        let refused = the_row(&screen, "När var testet klart?");
        assert!(refused.ends_with("2026-13-01"), "{refused}");
        screen
            .send(keys::CTRL_U)
            .send("2026-05-01")
            .press(keys::ENTER);
        screen.wait_for("Vilket mått");
        let number = the_row(&screen, "Hur många deltog?");
        assert!(number.ends_with("40"), "{number}");
        let day = the_row(&screen, "När var testet klart?");
        assert!(day.ends_with("2026-05-01"), "{day}");
        // Esc in a field of the indicator: its menu.
        screen
            .wait_for("Indicator")
            .send("Väntetid")
            .press(keys::ESC);
        screen.wait_for("What do you want to do?");
        interrupt(screen);
        let draft = the_draft(&wb);
        assert!(
            draft.contains("40") && draft.contains("2026-05-01"),
            "{draft}"
        );
        assert!(!draft.contains("Väntetid"), "{draft}");
    }
}

#[test]
fn an_answer_wider_than_the_screen_leaves_no_stale_rows() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let mut screen = to_first_item(&wb, size, &[]);
        screen.press(keys::ENTER).wait_for("empty line: more");
        // Wide characters and a combining accent among them: the rows are
        // counted in columns, not in characters.
        let words: Vec<String> = (1..=40).map(|n| format!("ord{n:02}漢e\u{301}")).collect();
        screen.send(&words.join(" ")).settle();
        assert_eq!(screen.count("ord01"), 1, "{}", screen.contents());
        assert_eq!(screen.count("ord40"), 1, "{}", screen.contents());
        // Shrunk by ten words: the rows they took are empty again.
        for _ in 0..10 {
            screen.send(keys::CTRL_W);
        }
        screen.settle();
        assert_eq!(screen.count("ord31"), 0, "{}", screen.contents());
        assert_eq!(screen.count("ord30"), 1, "{}", screen.contents());
        screen.press(keys::ENTER).wait_for("Vet vi hur");
        // One row: the prompt and the answer, shortened with "…".
        let confirmed = the_row(&screen, "ord01");
        assert!(confirmed.contains("Vilket problem"), "{confirmed}");
        assert!(confirmed.ends_with('…'), "{confirmed}");
        assert!(
            confirmed.chars().count() <= usize::from(size.0),
            "{confirmed}"
        );
        assert_eq!(screen.count("ord30"), 0, "{}", screen.contents());
        assert_eq!(screen.count("Vilket problem"), 1, "{}", screen.contents());
        interrupt(screen);
        assert!(
            the_draft(&wb).contains("ord30漢e\u{301}"),
            "the whole answer kept"
        );
    }
}

/// A script to stand in for an editor: it checks the buffer holds
/// `question` and how to save, then writes an answer under it (a Markdown
/// heading among it).
fn editor_script(dir: &Path, question: &str) -> PathBuf {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\n\
         f=\"$1\"\n\
         sleep 0.1\n\
         if grep -q '^# dino: {question}' \"$f\" && grep -q '^# dino: Save the file and close the editor.' \"$f\"; then\n\
           cat \"$f\" > \"$f.tmp\"\n\
           printf '# Mål\\n\\nFärre elever hoppar av.\\n' >> \"$f.tmp\"\n\
           cat \"$f.tmp\" > \"$f\"\n\
           rm \"$f.tmp\"\n\
         else\n\
           printf 'THE BUFFER LACKS THE QUESTION OR HOW TO SAVE\\n' > \"$f\"\n\
         fi\n"),
    )
    .expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

#[test]
fn the_editor_shows_the_question_and_how_to_save_and_the_answer_is_confirmed() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let script = editor_script(dir.path(), "Vilket problem, och för vem?");
        let visual = script.to_str().expect("UTF-8");
        let mut screen = to_first_item(&wb, size, &[("VISUAL", visual)]);
        assert_eq!(screen.count("Write in the editor ("), 1);
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("Färre elever hoppar av.");
        let confirmed = the_row(&screen, "Färre elever");
        assert!(confirmed.contains("Vilket problem"), "{confirmed}");
        assert_eq!(
            screen.count("Write in the editor"),
            0,
            "{}",
            screen.contents()
        );
        finish_start(screen);
        let entry = the_entry(&wb);
        assert!(entry.contains("Färre elever hoppar av."), "{entry}");
        assert!(entry.contains("Mål"), "{entry}");
        assert!(!entry.contains("dino:"), "{entry}");
        assert!(!entry.contains("THE BUFFER"), "{entry}");
    }
}

#[test]
fn without_an_editor_set_up_the_choice_says_so_and_one_line_is_used() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let empty = dir.path().join("no-programs");
        std::fs::create_dir(&empty).expect("mkdir");
        let path = empty.to_str().expect("UTF-8");
        let mut screen = to_first_item(&wb, size, &[("PATH", path)]);
        let choice = the_row(&screen, "Write in the editor");
        assert!(choice.contains("none set up"), "{choice}");
        assert!(!screen.contents().contains("(vi)"), "{}", screen.contents());
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("empty line: more");
        screen.send("En rad").press(keys::ENTER);
        screen.wait_for("Vet vi hur");
        interrupt(screen);

        let mut note = Screen::spawn(
            &wb,
            &["--lang", "en", "note", "risk"],
            size,
            &[("PATH", path)],
        );
        note.wait_for("no editor is set up");
        assert_ne!(note.exit_code(), 0);
    }
}

#[test]
fn a_note_written_in_the_editor_is_asked_there_and_its_instructions_left_out() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let script = editor_script(dir.path(), "Insight: write the text");
        let visual = script.to_str().expect("UTF-8");
        let note = Screen::spawn(
            &wb,
            &["--lang", "en", "note", "insight"],
            size,
            &[("VISUAL", visual)],
        );
        assert_eq!(note.exit_code(), 0);
        let run = crate::support::dino_in(&wb, &["log", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(
            doc["entries"][0]["text"],
            "# Mål\n\nFärre elever hoppar av."
        );
    }
}

#[test]
fn what_was_typed_before_esc_comes_back_when_the_room_answers_after_all() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = workbook(dir.path());
        let mut screen = to_first_item(&wb, size, &[]);
        screen
            .press(keys::ENTER)
            .wait_for("Esc or empty line: more");
        screen.send("Mira Holm").press(keys::ESC);
        screen.wait_for("What do you want to do?");
        // The first entry: answer the item after all.
        screen.press(keys::ENTER);
        screen.wait_for("Write one line here").press(keys::ENTER);
        screen.wait_for("Esc or empty line: more");
        assert_eq!(screen.count("Mira Holm"), 1, "{}", screen.contents());
        screen.press(keys::ENTER);
        finish_start(screen);
        assert!(
            the_entry(&wb).contains("**Svar:** Mira Holm\n"),
            "{}",
            the_entry(&wb)
        );
    }
}

#[test]
fn a_list_question_wider_than_the_screen_leaves_no_row_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut screen = Screen::spawn(dir.path(), &["--lang", "en", "new", "Bred"], (80, 24), &[]);
    screen
        .wait_for("What kind of organisation")
        .press(keys::ENTER);
    screen.wait_for("Who decides").press(keys::ENTER);
    screen.wait_for("buying services").press(keys::ENTER);
    screen.wait_for("personal data");
    let rows = screen.rows();
    // Written whole above the list, then asked and confirmed on one row.
    assert!(
        !rows.iter().any(|r| r.starts_with("? Is the work likely")),
        "{}",
        screen.contents()
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.starts_with("✔ Is the work likely"))
            .count(),
        1,
        "{}",
        screen.contents()
    );
    assert!(rows.iter().all(|r| r.chars().count() <= 80));
    screen.send(keys::CTRL_C);
    assert_eq!(screen.exit_code(), 130);
}
