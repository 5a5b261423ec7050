//! A real pseudo-terminal of a given size with a terminal emulator behind
//! it: the real binary driven by keys, and what a person would see on the
//! screen read back (vt100), not only the bytes it wrote.

#![allow(dead_code)] // a toolkit: not every test uses every key and reader

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const HOME: &str = "\x1b[H";
    pub const END: &str = "\x1b[F";
    pub const BACKSPACE: &str = "\x7f";
    pub const CTRL_A: &str = "\x01";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_E: &str = "\x05";
    pub const CTRL_U: &str = "\x15";
    pub const CTRL_W: &str = "\x17";
}

/// The two sizes every interactive flow is tried at: a projector's small
/// window and a roomy one.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// `dino` in a pseudo-terminal of `cols` × `rows`.
pub struct Screen {
    session: Session,
    parser: vt100::Parser,
    /// Everything written since the last `wait_for` matched, escapes removed.
    since: String,
    timeout: Duration,
}

impl Screen {
    /// Starts `dino ARGS` in `dir`, with the environment the pty tests
    /// share (`DINO_NOW`, `DINO_USER`, no editor, `TERM=xterm`) and `env`
    /// on top.
    pub fn spawn(dir: &Path, args: &[&str], size: (u16, u16), env: &[(&str, &str)]) -> Screen {
        let (cols, rows) = size;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dino"));
        cmd.env("PATH", crate::support::path_with_dino())
            .current_dir(dir)
            .args(args)
            .env("LANG", "C")
            .env("TERM", "xterm")
            .env("COLUMNS", cols.to_string())
            .env("LINES", rows.to_string())
            .env_remove("DINO_LANG")
            .env_remove("LC_ALL")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
            .env("DINO_USER", "Anna Lind");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let mut session = Session::spawn(cmd).expect("dino starts in a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("the pty takes its size");
        Screen {
            session,
            parser: vt100::Parser::new(
                rows.try_into().expect("rows"),
                cols.try_into().expect("columns"),
                0,
            ),
            since: String::new(),
            timeout: Duration::from_secs(30),
        }
    }

    /// Reads what has arrived, without waiting; false once dino has ended.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 4096];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.parser.process(&buf[..n]);
                let text = String::from_utf8_lossy(&buf[..n]);
                self.since.push_str(&console::strip_ansi_codes(&text));
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
                true
            }
            Err(_) => false,
        }
    }

    /// Waits until `text` has been written (escapes aside) since the last
    /// match, then waits a moment more for the prompt to read keys. Panics
    /// with the screen when it does not come.
    pub fn wait_for(&mut self, text: &str) -> &mut Screen {
        let end = Instant::now() + self.timeout;
        while Instant::now() < end {
            if let Some(at) = self.since.find(text) {
                self.since.drain(..at + text.len());
                self.settle();
                return self;
            }
            if !self.pump() {
                break;
            }
        }
        panic!(
            "waited for {text:?}; the screen:\n{}\nwritten since the last match:\n{}",
            self.contents(),
            self.since
        );
    }

    /// Reads until nothing more comes for a little while.
    pub fn settle(&mut self) -> &mut Screen {
        let quiet = Duration::from_millis(300);
        let mut last = Instant::now();
        let end = Instant::now() + self.timeout;
        while last.elapsed() < quiet && Instant::now() < end {
            let before = self.since.len();
            if !self.pump() {
                break;
            }
            if self.since.len() != before {
                last = Instant::now();
            }
        }
        self
    }

    /// Types `keys` as they are.
    pub fn send(&mut self, keys: &str) -> &mut Screen {
        self.session.send(keys).expect("keys reach dino");
        self
    }

    /// Types `keys`, then reads what they drew.
    pub fn press(&mut self, keys: &str) -> &mut Screen {
        self.send(keys);
        self.settle()
    }

    /// The screen as text, a line per row, trailing blanks trimmed.
    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// The screen's rows, each trimmed at the end.
    pub fn rows(&self) -> Vec<String> {
        let (_, cols) = self.parser.screen().size();
        self.parser
            .screen()
            .rows(0, cols.into())
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    /// How many rows of the screen hold `text`.
    pub fn count(&self, text: &str) -> usize {
        self.rows().iter().filter(|r| r.contains(text)).count()
    }

    /// Waits for dino to end and returns its exit code.
    pub fn exit_code(mut self) -> i32 {
        let end = Instant::now() + self.timeout;
        while self.pump() && Instant::now() < end {}
        match self.session.get_process_mut().wait() {
            Ok(expectrl::WaitStatus::Exited(_, code)) => code,
            Ok(expectrl::WaitStatus::Signaled(_, signal, _)) => 128 + signal as i32,
            other => panic!("dino did not end as expected: {other:?}"),
        }
    }
}

#[test]
fn the_screen_shows_what_dino_drew_at_both_sizes() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut screen = Screen::spawn(dir.path(), &["--lang", "en", "new", "Skärm"], size, &[]);
        screen.wait_for("What kind of organisation");
        assert!(screen.contents().contains("What kind of organisation"));
        assert!(
            screen
                .rows()
                .iter()
                .all(|r| r.chars().count() <= usize::from(size.0)),
            "{}",
            screen.contents()
        );
        screen.send(keys::CTRL_C);
        assert_eq!(screen.exit_code(), 130);
    }
}
