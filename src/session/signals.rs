//! Ending cleanly on Ctrl-C, a closed terminal (SIGHUP) or SIGTERM while
//! prompting, or on Windows on Ctrl-C and a closed console window: in a
//! session the draft already holds every answer, so the terminal is put back
//! as it was, the cursor shown, and dino exits (130 on Ctrl-C, on Unix 128 +
//! the signal's number otherwise, on Windows 130 for all).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;

/// Ends the process on the signals, with `message` after the cursor is
/// shown again. Called again, it only changes the message.
pub fn install(message: String) -> Result<()> {
    if let Ok(mut current) = MESSAGE.lock() {
        *current = message;
    }
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    watch()
}

/// Watches for SIGINT, SIGHUP and SIGTERM in a thread of its own, the
/// terminal's settings kept to be put back.
#[cfg(unix)]
fn watch() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let stdin = std::io::stdin();
    let original = rustix::termios::tcgetattr(&stdin).ok();
    let mut signals = Signals::new([SIGINT, SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(first) = signals.forever().next() {
            ENDING.store(true, Ordering::SeqCst);
            // A prompt that a signal interrupts raises SIGINT of its own;
            // the signal that came from outside is the one to report.
            std::thread::sleep(Duration::from_millis(20));
            let signal = std::iter::once(first)
                .chain(signals.pending())
                .max_by_key(|s| match *s {
                    SIGHUP => 3,
                    SIGTERM => 2,
                    _ => 1,
                })
                .unwrap_or(first);
            if let Some(termios) = &original {
                let _ = rustix::termios::tcsetattr(
                    std::io::stdin(),
                    rustix::termios::OptionalActions::Now,
                    termios,
                );
            }
            end(128 + signal);
        }
    });
    Ok(())
}

/// Watches for Ctrl-C, Ctrl-Break and a closed console window. The
/// prompts read keys without changing the console's mode, so there is no
/// mode to put back; the cursor is shown again.
#[cfg(windows)]
fn watch() -> Result<()> {
    ctrlc::set_handler(|| {
        ENDING.store(true, Ordering::SeqCst);
        end(130);
    })?;
    Ok(())
}

/// Shows the cursor, says the message and ends the process with `code`.
fn end(code: i32) -> ! {
    let term = console::Term::stderr();
    let _ = term.show_cursor();
    let _ = term.write_line("");
    if let Ok(message) = MESSAGE.lock() {
        let _ = term.write_line(&crate::started::in_hints(&message));
    }
    std::process::exit(code);
}

/// What to say when a signal ends the process.
static MESSAGE: Mutex<String> = Mutex::new(String::new());

/// Set once the handler runs, and once a signal is being handled: the
/// process is about to end.
static INSTALLED: AtomicBool = AtomicBool::new(false);
static ENDING: AtomicBool = AtomicBool::new(false);

/// When a signal is being handled, waits for its handler to end the process.
/// A prompt that a signal interrupts fails in the main thread at the same
/// time (an interrupted read); that error must not win the race and end dino
/// with the wrong code and the cursor hidden.
pub fn let_a_signal_finish(err: &anyhow::Error) {
    let interrupted = err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| is_interruption(e.kind()))
            || cause
                .downcast_ref::<dialoguer::Error>()
                .is_some_and(|dialoguer::Error::IO(e)| is_interruption(e.kind()))
    });
    if ENDING.load(Ordering::SeqCst)
        || (INSTALLED.load(Ordering::SeqCst) && interrupted && a_handler_runs())
    {
        std::thread::sleep(Duration::from_secs(5));
    }
}

/// Whether a signal's handler is running or about to. On Unix an
/// interrupted read means it is; on Windows the handler runs in a thread
/// the system starts, so it is given half a second to show itself.
fn a_handler_runs() -> bool {
    if cfg!(unix) {
        return true;
    }
    (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(10));
        ENDING.load(Ordering::SeqCst)
    })
}

/// Whether a failed read is what a signal makes of it. On Windows a console
/// read that Ctrl-C stops ends as if the input had ended, and the handler
/// runs in a thread the system starts a moment later.
fn is_interruption(kind: std::io::ErrorKind) -> bool {
    kind == std::io::ErrorKind::Interrupted
        || (cfg!(windows) && kind == std::io::ErrorKind::UnexpectedEof)
}
