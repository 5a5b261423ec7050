//! Interactive flows in a real pseudo-terminal: the dialoguer widgets as a
//! person at a terminal meets them.

use std::process::Command;
use std::time::Duration;

use expectrl::Session;

use crate::support::root;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

fn session(dir: &std::path::Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dino"));
    cmd.current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env_remove("DINO_LANG")
        .env_remove("LC_ALL")
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind");
    let mut session = Session::spawn(cmd).expect("dino starts in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn new_asks_the_profile_questions_at_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _ = root();
    let mut p = session(dir.path(), &["--lang", "en", "new", "Pty prov"]);
    p.expect("What kind of organisation")
        .expect("first question");
    // Region is one below the default, Municipality.
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("key");
    p.expect("Who decides").expect("second question");
    p.send(DOWN).expect("key");
    p.send(DOWN).expect("key");
    p.send(ENTER).expect("key");
    p.expect("buying services").expect("third question");
    p.send(ENTER).expect("key");
    p.expect("personal data").expect("fourth question");
    p.send("y").expect("key");
    p.expect("funded").expect("fifth question");
    p.send(ENTER).expect("key");
    p.expect("outside actors").expect("sixth question");
    // Tick the first actor, then accept.
    p.send(" ").expect("key");
    p.send(ENTER).expect("key");
    p.expect("made the workbook pty-prov/").expect("done");
    let file =
        std::fs::read_to_string(dir.path().join("pty-prov/workbook.toml")).expect("workbook.toml");
    assert!(file.contains("org_kind = \"region\""), "{file}");
    assert!(file.contains("decision_level = \"political\""), "{file}");
    assert!(file.contains("procurement = \"maybe\""), "{file}");
    assert!(file.contains("personal_data = true"), "{file}");
    assert!(file.contains("external_funding = false"), "{file}");
    assert!(!file.contains("partners = []"), "{file}");
}
