//! The gate screen for the room, at 80×24 and 120×40: before the decision
//! is asked it shows the gate's title, the pack's gate help, the
//! diagnostic's verdict, the open risks, the actions overdue on the
//! session's day and the criteria; each choice says what it leads to;
//! deciding later (the choice or Esc) names the command that decides later;
//! a go is written as before.

use std::fs;
use std::path::{Path, PathBuf};

use crate::screen::{SIZES, Screen, keys};
use crate::support::{pinned, root};

/// A workbook on the built-in pack whose first phase's gate is ready (the
/// example answers without their decision), with an open risk and an
/// action overdue on the pinned day, 2026-03-02.
fn at_the_gate(dir: &Path) -> PathBuf {
    pinned(dir, &["new", "Grind", "--no-input"]).code(0);
    let wb = dir.join("grind");
    let answers =
        fs::read_to_string(root().join("examples/answers/initiering.toml")).expect("answers");
    let (without_decision, _) = answers.split_once("\n[gate]").expect("a [gate] table");
    fs::write(wb.join("svar.toml"), without_decision).expect("write");
    pinned(&wb, &["run", "initiering", "--answers", "svar.toml"]).code(0);
    let risk = [
        "note",
        "risk",
        "Rektorn byts ut mitt i piloten",
        "--owner",
        "Omar Said",
        "--due",
        "2026-04-01",
    ];
    pinned(&wb, &risk).code(0);
    let action = [
        "note",
        "action",
        "Boka möte med rektorerna",
        "--owner",
        "Eva Ström",
        "--due",
        "2026-02-20",
    ];
    pinned(&wb, &action).code(0);
    wb
}

/// The gate entries written in the workbook's log, with their text.
fn gate_entries(wb: &Path) -> Vec<String> {
    let mut found: Vec<(String, String)> = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("-gate-"))
        .map(|name| {
            let text = fs::read_to_string(wb.join("log").join(&name)).expect("read");
            (name, text)
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, text)| text).collect()
}

/// `dino run initiering` taken straight to the gate, the people kept.
fn run_to_the_gate(wb: &Path, size: (u16, u16)) -> Screen {
    let mut screen = Screen::spawn(wb, &["--lang", "en", "run", "initiering"], size, &[]);
    screen
        .wait_for("Go straight to the gate?")
        .press(keys::ENTER);
    screen.wait_for("Facilitator").press(keys::ENTER);
    // The roster as it was last time, no one new.
    screen.wait_for("Who is here today?").press(keys::ENTER);
    screen.wait_for("Participant: name").press(keys::ENTER);
    profile_holds(&mut screen);
    screen.wait_for("What do you decide?");
    screen
}

/// `dino gate initiering` at a terminal, asked for the decision.
fn gate_at_terminal(wb: &Path, size: (u16, u16)) -> Screen {
    let mut screen = Screen::spawn(wb, &["--lang", "en", "gate", "initiering"], size, &[]);
    profile_holds(&mut screen);
    screen.wait_for("What do you decide?");
    screen
}

/// Before a decision: the profile holds, and the answer still unsettled
/// (procurement: maybe) stays as it is.
fn profile_holds(screen: &mut Screen) {
    screen
        .wait_for("Does the project profile still hold?")
        .press(keys::ENTER);
    screen.wait_for("buying services").press(keys::ENTER);
}

/// The screen holds `text`, else a panic that shows it.
fn shows(screen: &Screen, text: &str, size: (u16, u16)) {
    assert!(
        screen.contents().contains(text),
        "at {size:?}, no {text:?} on the screen:\n{}",
        screen.contents()
    );
}

#[cfg(unix)]
#[test]
fn the_gate_screen_shows_what_the_room_weighs_and_what_each_choice_leads_to() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = at_the_gate(dir.path());
        let mut screen = run_to_the_gate(&wb, size);
        let rows = screen.rows();
        // The title is still on screen when the decision is asked.
        assert!(
            rows.iter().any(|r| r == "Gate: Initiering"),
            "at {size:?}:\n{}",
            screen.contents()
        );
        assert!(
            rows.iter()
                .all(|r| r.chars().count() <= usize::from(size.0)),
            "{}",
            screen.contents()
        );
        for text in [
            // The pack's gate help, its Markdown drawn for the terminal.
            "Fortsätt om problemet är beskrivet",
            // The diagnostic's verdict: its title in the pack's language.
            "Innovation eller verksamhetsutveckling? — The answers lean towards innovation",
            "Open risks (1):",
            "Rektorn byts ut mitt i piloten — Omar Said, due 2026-04-01",
            "Actions overdue on 2026-03-02 (1):",
            "Boka möte med rektorerna — Eva Ström, due 2026-02-20",
            "Criteria:",
            "Behovsägaren står bakom problembeskrivningen",
            "Go on — the gate is passed; the next phase becomes current",
            "Recycle — the phase is worked on again; conditions may be set",
            "Pause — the project rests in the phase until you work on it again",
            "Stop — the project ends here; later phases are not opened",
            "Decide later — no decision is written now",
        ] {
            shows(&screen, text, size);
        }
        if size == (120, 40) {
            // Room for the whole help and the verdict's counts.
            shows(&screen, "Skriv ner skälen.", size);
            shows(&screen, "(4 of 4 questions answered", size);
        } else {
            shows(&screen, "… all of the help: `dino pack doc`", size);
        }
        for _ in 0..4 {
            screen.send(keys::DOWN);
        }
        screen.press(keys::ENTER);
        screen.wait_for("help`).");
        // Straight to the gate, no session was written before it.
        let said = screen.contents().replace('\n', " ");
        for text in [
            "No decision was taken, and no gate entry was written.",
            "Decide later with `dino gate initiering` at a terminal",
            "`dino gate initiering --decision go|recycle|pause|stop --why",
        ] {
            assert!(said.contains(text), "at {size:?}, no {text:?}:\n{said}");
        }
        assert_eq!(screen.exit_code(), 0);
        assert!(gate_entries(&wb).is_empty(), "nothing decided");
    }
}

#[cfg(unix)]
#[test]
fn esc_at_the_gate_decides_later_and_says_how() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = at_the_gate(dir.path());
        let mut screen = gate_at_terminal(&wb, size);
        shows(&screen, "Gate: Initiering", size);
        shows(&screen, "Rektorn byts ut mitt i piloten", size);
        screen.press(keys::ESC);
        screen.wait_for("help`).");
        let said = screen.contents().replace('\n', " ");
        for text in [
            "No decision was taken, and no gate entry was written.",
            "Decide later with `dino gate initiering` at a terminal",
            "`dino gate initiering --decision go|recycle|pause|stop --why",
        ] {
            assert!(said.contains(text), "at {size:?}, no {text:?}:\n{said}");
        }
        assert_eq!(screen.exit_code(), 0);
        assert!(gate_entries(&wb).is_empty(), "nothing decided");
    }
}

#[cfg(unix)]
#[test]
fn a_go_from_the_gate_screen_is_written_as_before() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = at_the_gate(dir.path());
        let mut screen = gate_at_terminal(&wb, size);
        screen.press(keys::ENTER);
        for _ in 0..4 {
            screen.wait_for("Criterion:").press(keys::ENTER);
        }
        screen.wait_for("Who decided?").press("Anna Lind\r");
        screen.wait_for("Why?").press("Problemet är förankrat\r");
        screen.wait_for("Set conditions for the decision?");
        screen.send(keys::DOWN).press(keys::ENTER);
        screen.wait_for("Next gate").press(keys::ENTER);
        assert_eq!(screen.exit_code(), 0);
        let gates = gate_entries(&wb);
        assert_eq!(gates.len(), 1, "{gates:?}");
        let entry = &gates[0];
        assert!(entry.contains("phase = \"initiering\""), "{entry}");
        assert!(
            entry.contains("* [x] Fortsätt <!-- option: go -->"),
            "{entry}"
        );
        assert!(entry.contains("Problemet är förankrat"), "{entry}");
        assert!(
            entry.contains("<!-- criterion: spar_stammer -->"),
            "{entry}"
        );
    }
}

#[cfg(unix)]
#[test]
fn deciding_later_after_a_session_says_the_session_is_written() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let wb = crate::support::skolpilot(dir.path(), true);
        fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"Frånvaro\"\n").expect("write");
        pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
        let args = ["--lang", "en", "run", "start", "--open"];
        let mut screen = Screen::spawn(&wb, &args, size, &[]);
        screen.wait_for("Facilitator").press(keys::ENTER);
        screen.wait_for("Participant").press(keys::ENTER);
        screen
            .wait_for("Vet vi hur")
            .send(keys::DOWN)
            .press(keys::ENTER);
        screen.wait_for("Dataskyddet").press(keys::ENTER);
        screen
            .wait_for("Does the project profile still hold?")
            .press(keys::ENTER);
        screen.wait_for("What do you decide?");
        shows(&screen, "Gate: Start", size);
        shows(
            &screen,
            "Innovation eller utveckling? — The answers lean",
            size,
        );
        shows(&screen, "Open risks: none.", size);
        screen.press(keys::ESC);
        screen.wait_for("help`).");
        let said = screen.contents().replace('\n', " ");
        for text in [
            "No decision was taken. The session's entry is written; the decision waits.",
            "Decide later with `dino gate start` at a terminal",
        ] {
            assert!(said.contains(text), "at {size:?}, no {text:?}:\n{said}");
        }
        screen
            .wait_for("Run it now?")
            .send(keys::DOWN)
            .press(keys::ENTER);
        assert_eq!(screen.exit_code(), 0);
        assert!(gate_entries(&wb).is_empty(), "nothing decided");
    }
}
