//! Ending cleanly on Ctrl-C, a closed terminal (SIGHUP) or SIGTERM while
//! prompting: in a session the draft already holds every answer, so the
//! terminal is put back as it was, the cursor shown, and dino exits (130 on
//! Ctrl-C, 128 + the signal's number otherwise).

use anyhow::Result;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Starts a thread that waits for the signals and ends the process, with
/// `message` after the cursor is shown again.
pub fn install(message: String) -> Result<()> {
    let stdin = std::io::stdin();
    let original = rustix::termios::tcgetattr(&stdin).ok();
    let mut signals = Signals::new([SIGINT, SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if let Some(termios) = &original {
                let _ = rustix::termios::tcsetattr(
                    std::io::stdin(),
                    rustix::termios::OptionalActions::Now,
                    termios,
                );
            }
            let term = console::Term::stderr();
            let _ = term.show_cursor();
            let _ = term.write_line("");
            let _ = term.write_line(&message);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
