//! Ending a session cleanly on Ctrl-C, a closed terminal (SIGHUP) or
//! SIGTERM: the draft already holds every answer, so the terminal is put
//! back as it was, the cursor shown, and dino exits (130 on Ctrl-C).

use anyhow::Result;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::i18n::Lang;

/// Starts a thread that waits for the signals and ends the process.
pub fn install(lang: Lang) -> Result<()> {
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
            let _ = term.write_line(lang.pick(
                "Avbrutet. Alla svar är sparade i utkastet; `dino run` fortsätter där ni slutade.",
                "Interrupted. Every answer is saved in the draft; `dino run` goes on where you stopped.",
            ));
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
