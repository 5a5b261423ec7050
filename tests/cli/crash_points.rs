//! Hard stops at every file operation of the writing commands, on the real,
//! unmodified binary: strace counts the file operations of a run, then the
//! run is repeated from a fresh copy of the workbook and killed (SIGKILL)
//! just before the Nth one, or that one fails with ENOSPC. After each, the
//! workbook must read without findings (a leftover temporary file aside),
//! and the natural next step (the same command again) must complete and
//! leave every answer in the log exactly once.

#![cfg(target_os = "linux")]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{copy_dir, root};

/// The system calls that write, make, move or remove files.
const FILE_CALLS: &str = "openat,write,pwrite64,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,fsync,fdatasync,ftruncate,linkat";

/// At most this many crash points per command; every operation that moves
/// or removes a file, or makes a folder, is always among them.
const BUDGET: usize = 40;

const ANSWERS: &str = "examples/answers/initiering.toml";

/// strace, which a clean machine gets from `.ci/run`; asked for once.
fn strace() -> &'static str {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let found = *FOUND.get_or_init(|| {
        Command::new("strace")
            .arg("-V")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    assert!(
        found,
        "the crash-point tests need strace (Linux): `apt-get install -y strace`; .ci/run installs it"
    );
    "strace"
}

/// One way to run dino: its arguments and standard input.
#[derive(Clone)]
struct Call {
    args: Vec<String>,
    stdin: Vec<u8>,
}

impl Call {
    fn new(args: &[&str]) -> Call {
        Call {
            args: args.iter().map(|a| a.to_string()).collect(),
            stdin: Vec::new(),
        }
    }

    fn stdin(mut self, bytes: &[u8]) -> Call {
        self.stdin = bytes.to_vec();
        self
    }

    /// The command for `dino` in `dir`, pinned, optionally under strace.
    fn command(&self, dir: &Path, strace_args: &[String]) -> Command {
        let dino = env!("CARGO_BIN_EXE_dino");
        let mut cmd = if strace_args.is_empty() {
            Command::new(dino)
        } else {
            let mut cmd = Command::new(strace());
            cmd.args(strace_args).arg("--").arg(dino);
            cmd
        };
        cmd.current_dir(dir)
            .args(["--lang", "en"])
            .args(&self.args)
            .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
            .env("DINO_USER", "Anna Lind")
            .env("LANG", "C")
            .env_remove("DINO_LANG")
            .env_remove("LC_ALL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run_in(&self, dir: &Path, strace_args: &[String]) -> Output {
        use std::io::Write;
        let mut child = self.command(dir, strace_args).spawn().expect("dino starts");
        let mut input = child.stdin.take().expect("stdin");
        // A killed run may not read all of it.
        let _ = input.write_all(&self.stdin);
        drop(input);
        child.wait_with_output().expect("dino ends")
    }

    /// Runs to the end without strace, and must succeed.
    #[track_caller]
    fn succeeds(&self, dir: &Path, after: &str) -> String {
        let out = self.run_in(dir, &[]);
        assert!(
            out.status.success(),
            "{after}: `dino {}` again failed ({:?}):\n{}",
            self.args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// One file operation: its system call, and which call of that name it is
/// (1-based), as strace's `when=` counts them.
#[derive(Clone, Debug)]
struct Op {
    call: String,
    nth: usize,
    line: String,
}

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} #{} ({})", self.call, self.nth, self.line)
    }
}

/// A folder to copy for every run: where dino runs in it, and where the
/// workbook is.
struct Fixture {
    dir: tempfile::TempDir,
    run_in: &'static str,
    workbook: &'static str,
}

impl Fixture {
    /// A fresh copy: the folder dino runs in, and the workbook's.
    fn copy(&self, scratch: &Path) -> (PathBuf, PathBuf) {
        let to = scratch.join("copy");
        copy_dir(self.dir.path(), &to);
        (to.join(self.run_in), to.join(self.workbook))
    }
}

/// The file operations of `call` run in a copy of the fixture, in order.
fn file_ops(fixture: &Fixture, call: &Call) -> Vec<Op> {
    let scratch = tempfile::tempdir().expect("temp");
    let (run_in, _) = fixture.copy(scratch.path());
    let log = scratch.path().join("strace.log");
    let args = vec![
        "-f".to_string(),
        "-qq".into(),
        "-o".into(),
        log.display().to_string(),
        "-e".into(),
        format!("trace={FILE_CALLS}"),
    ];
    let out = call.run_in(&run_in, &args);
    assert!(
        out.status.success(),
        "the traced run failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_ops(&fs::read_to_string(&log).expect("strace log"))
}

/// strace's lines as operations of dino itself, each numbered among those
/// of its name, as strace counts them for an injection (per process):
/// those of the programs it starts (git) are left out.
fn parse_ops(text: &str) -> Vec<Op> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut ops = Vec::new();
    let mut dino_pid = None;
    for line in text.lines() {
        let line = match line.split_once(' ') {
            Some((pid, rest)) if pid.bytes().all(|b| b.is_ascii_digit()) => {
                if *dino_pid.get_or_insert(pid) != pid {
                    continue;
                }
                rest.trim_start()
            }
            _ => line,
        };
        if line.starts_with("<...") || line.starts_with("+++") || line.starts_with("---") {
            continue;
        }
        let Some((name, _)) = line.split_once('(') else {
            continue;
        };
        let nth = seen.entry(name.to_string()).or_default();
        *nth += 1;
        ops.push(Op {
            call: name.to_string(),
            nth: *nth,
            line: line.chars().take(120).collect(),
        });
    }
    ops
}

/// Whether an operation changes anything: opening to read does not.
fn writes(op: &Op) -> bool {
    op.call != "openat"
        || ["O_WRONLY", "O_RDWR", "O_CREAT"]
            .iter()
            .any(|f| op.line.contains(f))
}

/// The crash points: every operation that moves or removes a file, makes a
/// folder or truncates one, and the others evenly sampled, within `BUDGET`,
/// the last one always among them.
fn crash_points(ops: &[Op]) -> Vec<Op> {
    let key = |op: &Op| {
        matches!(
            op.call.as_str(),
            "rename"
                | "renameat"
                | "renameat2"
                | "unlink"
                | "unlinkat"
                | "mkdir"
                | "mkdirat"
                | "linkat"
                | "ftruncate"
        )
    };
    let mut chosen: Vec<&Op> = ops.iter().filter(|op| key(op)).collect();
    let others: Vec<&Op> = ops.iter().filter(|op| writes(op) && !key(op)).collect();
    let room = BUDGET.saturating_sub(chosen.len()).max(1);
    let step = others.len().div_ceil(room).max(1);
    chosen.extend(others.iter().step_by(step));
    chosen.extend(others.last());
    let mut points: Vec<Op> = chosen.into_iter().cloned().collect();
    points.sort_by_key(|op| (op.call.clone(), op.nth));
    points.dedup_by_key(|op| (op.call.clone(), op.nth));
    points
}

/// Every `write` failing with ENOSPC, one at a time.
fn no_space_points(ops: &[Op]) -> Vec<(Op, Stop)> {
    ops.iter()
        .filter(|op| op.call == "write")
        .map(|op| (op.clone(), Stop::NoSpace))
        .collect()
}

/// How the run under strace is stopped.
#[derive(Clone, Copy, Debug)]
enum Stop {
    /// SIGKILL just before the operation.
    Kill,
    /// The operation fails: the disk is full.
    NoSpace,
}

/// Runs `call` in a fresh copy of the fixture, stopped at `op`; returns the
/// folder it ran in and the workbook's.
fn stopped_run(
    fixture: &Fixture,
    scratch: &Path,
    call: &Call,
    op: &Op,
    stop: Stop,
) -> (PathBuf, PathBuf) {
    let (run_in, workbook) = fixture.copy(scratch);
    let inject = match stop {
        Stop::Kill => format!("inject={}:signal=SIGKILL:when={}", op.call, op.nth),
        Stop::NoSpace => format!("inject={}:error=ENOSPC:when={}", op.call, op.nth),
    };
    let args = vec![
        "-f".to_string(),
        "-qq".into(),
        "-o".into(),
        "/dev/null".into(),
        "-e".into(),
        format!("trace={}", op.call),
        "-e".into(),
        inject,
    ];
    let out = call.run_in(&run_in, &args);
    match stop {
        Stop::Kill => {
            use std::os::unix::process::ExitStatusExt;
            let killed = out.status.signal() == Some(9) || out.status.code() == Some(137);
            assert!(killed, "not killed at {op}: {:?}", out.status);
        }
        Stop::NoSpace => {
            // A clean error, or no harm at all: never a panic or an abort.
            assert!(
                matches!(out.status.code(), Some(0..=3)),
                "out of space at {op}: {:?}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    (run_in, workbook)
}

/// Runs `check` at every stop, and reports every one that failed at once
/// (each failure's message is printed as it happens).
fn at_every(stops: Vec<(Op, Stop)>, what: &str, check: impl Fn(&Op, Stop)) {
    let mut failed = Vec::new();
    for (op, stop) in &stops {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(op, *stop)));
        if run.is_err() {
            failed.push(format!("{stop:?} at {op}"));
        }
    }
    eprintln!("{what}: {} crash points", stops.len());
    assert!(
        failed.is_empty(),
        "{what}: {} of {} crash points failed:\n{}",
        failed.len(),
        stops.len(),
        failed.join("\n")
    );
}

/// Stops of one kind at each operation.
fn kills(points: Vec<Op>) -> Vec<(Op, Stop)> {
    points.into_iter().map(|op| (op, Stop::Kill)).collect()
}

/// Whether `dino check` finds nothing in the workbook but leftover
/// temporary files (and lines holding `also`, when given).
fn reads_clean(workbook: &Path, also: Option<&str>) -> Result<(), String> {
    let out = Call::new(&["check"]).run_in(workbook, &[]);
    if out.status.success() {
        return Ok(());
    }
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let findings = stdout
        .lines()
        .chain(stderr.lines())
        .filter(|l| l.contains(": "))
        .filter(|l| !l.contains(".dino-") && !also.is_some_and(|a| l.contains(a)))
        .count();
    if out.status.code() == Some(3) && findings == 0 {
        Ok(())
    } else {
        Err(format!(
            "check found ({:?}):\n{stdout}\n{stderr}",
            out.status
        ))
    }
}

#[track_caller]
fn assert_reads_clean(workbook: &Path, after: &str, also: Option<&str>) {
    if let Err(why) = reads_clean(workbook, also) {
        panic!("{after}: {why}");
    }
}

/// The entries in `log/` and what they hold.
fn entries(workbook: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(workbook.join("log"))
        .map(|list| {
            list.flatten()
                .map(|f| f.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md"))
                .map(|n| {
                    let text = fs::read_to_string(workbook.join("log").join(&n)).expect("read");
                    (n, text)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// A folder holding a workbook `prov` on the built-in pack.
fn built_in_workbook() -> Fixture {
    let dir = tempfile::tempdir().expect("temp");
    let out = Call::new(&["new", "Prov", "--no-input"]).run_in(dir.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Fixture {
        dir,
        run_in: "prov",
        workbook: "prov",
    }
}

/// After `run initiering --answers` and a stop or a full disk, the same run
/// again: one session holding every answer, one gate, no draft: as a whole
/// run.
#[test]
fn a_scripted_run_stopped_at_any_file_operation_or_out_of_space_is_finished_by_running_it_again() {
    let fixture = built_in_workbook();
    let answers = root().join(ANSWERS);
    let call = Call::new(&[
        "run",
        "initiering",
        "--answers",
        answers.to_str().expect("UTF-8"),
    ]);
    let whole = {
        let scratch = tempfile::tempdir().expect("temp");
        let (run_in, workbook) = fixture.copy(scratch.path());
        call.succeeds(&run_in, "a whole run");
        entries(&workbook)
    };
    assert_eq!(whole.len(), 2, "a session and its gate");
    let ops = file_ops(&fixture, &call);
    let points = crash_points(&ops);
    assert!(
        points.iter().any(|p| p.call == "unlink"),
        "the draft's removal is among them"
    );
    let mut stops = kills(points);
    stops.extend(no_space_points(&ops));
    at_every(stops, "run --answers", |op, stop| {
        let scratch = tempfile::tempdir().expect("temp");
        let (run_in, wb) = stopped_run(&fixture, scratch.path(), &call, op, stop);
        let after = format!("{stop:?} at {op}");
        assert_reads_clean(&wb, &after, None);
        call.succeeds(&run_in, &after);
        assert_reads_clean(&wb, &after, None);
        assert_eq!(entries(&wb), whole, "{after}: the log is not a whole run's");
        assert!(
            !wb.join(".dino/draft.md").exists(),
            "{after}: the draft is left"
        );
    });
}

/// The note marks `dino note` leaves in `.dino/` while it is not done.
fn note_marks(workbook: &Path) -> usize {
    fs::read_dir(workbook.join(".dino")).map_or(0, |list| {
        list.flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("note-"))
            .count()
    })
}

/// After `note` and a stop or a full disk: either the note is written and
/// the command was done (its mark gone, as its last step), or the same note
/// again finishes it; the log holds it once.
#[test]
fn a_note_stopped_at_any_file_operation_or_out_of_space_is_written_once() {
    let fixture = built_in_workbook();
    let text = "Budgeten kan ta slut i maj.";
    let call = Call::new(&["note", "risk", "-"]).stdin(text.as_bytes());
    let ops = file_ops(&fixture, &call);
    let mut stops = kills(crash_points(&ops));
    stops.extend(no_space_points(&ops));
    at_every(stops, "note", |op, stop| {
        let scratch = tempfile::tempdir().expect("temp");
        let (run_in, wb) = stopped_run(&fixture, scratch.path(), &call, op, stop);
        let after = format!("{stop:?} at {op}");
        assert_reads_clean(&wb, &after, None);
        let done = entries(&wb).len() == 1 && note_marks(&wb) == 0;
        if !done {
            call.succeeds(&run_in, &after);
        }
        assert_reads_clean(&wb, &after, None);
        assert_eq!(note_marks(&wb), 0, "{after}: the mark is left");
        let notes = entries(&wb);
        assert_eq!(notes.len(), 1, "{after}: {notes:?}");
        assert!(notes[0].1.contains(text), "{after}");
    });
}

/// After `new` and a stop or a full disk: either there is a workbook that
/// reads clean, or `new` again makes one: `dino new` makes its folder in
/// one step.
#[test]
fn new_stopped_at_any_file_operation_or_out_of_space_is_finished_by_running_it_again() {
    let fixture = Fixture {
        dir: tempfile::tempdir().expect("temp"),
        run_in: ".",
        workbook: "prov",
    };
    let call = Call::new(&["new", "Prov", "--no-input"]);
    let ops = file_ops(&fixture, &call);
    let mut stops = kills(crash_points(&ops));
    stops.extend(no_space_points(&ops));
    at_every(stops, "new", |op, stop| {
        let scratch = tempfile::tempdir().expect("temp");
        let (run_in, wb) = stopped_run(&fixture, scratch.path(), &call, op, stop);
        let after = format!("{stop:?} at {op}");
        if !wb.is_dir() || reads_clean(&wb, None).is_err() {
            call.succeeds(&run_in, &after);
        }
        assert_reads_clean(&wb, &after, None);
        assert!(wb.join("pack-snapshot.toml").is_file(), "{after}");
    });
}

/// A folder holding a pack `metod` and a workbook `prov` on it, which a new
/// version of the pack has left behind: an item reworded, one removed
/// (`klart`) and one added (`slut`).
fn upgraded_pack() -> Fixture {
    let dir = tempfile::tempdir().expect("temp");
    let pack = dir.path().join("metod");
    copy_dir(&root().join("examples/packs/skolpilot"), &pack);
    fs::write(dir.path().join("p.toml"), "personal_data = true\n").expect("write");
    let out = Call::new(&[
        "new",
        "Prov",
        "--pack",
        "metod",
        "--profile",
        "p.toml",
        "--no-input",
    ])
    .run_in(dir.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let edit = |file: &str, from: &str, to: &str| {
        let path = pack.join(file);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{file} holds {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit("pack.toml", "version = \"0.1.0\"", "version = \"0.2.0\"");
    edit(
        "start.toml",
        "Vilket problem, och för vem?",
        "Vilket problem har vi, och för vem?",
    );
    edit("test.toml", "id = \"klart\"", "id = \"slut\"");
    Fixture {
        dir,
        run_in: "prov",
        workbook: "prov",
    }
}

/// The version `workbook.toml` records.
fn recorded_version(workbook: &Path) -> String {
    let text = fs::read_to_string(workbook.join("workbook.toml")).expect("workbook.toml");
    let pack = text.split("[pack]").nth(1).expect("a [pack] table");
    pack.lines()
        .find_map(|l| l.strip_prefix("version = "))
        .expect("a version")
        .trim_matches('"')
        .to_string()
}

/// After `upgrade --yes` and a stop: either the old version is recorded and
/// the change list is still shown, or the new one is, and the next
/// `upgrade --yes` finishes the job.
#[test]
fn an_upgrade_stopped_at_any_file_operation_keeps_the_change_list_until_it_is_recorded() {
    let fixture = upgraded_pack();
    let call = Call::new(&["upgrade", "--yes"]);
    let shows_the_changes = |text: &str| text.contains("klart") && text.contains("slut");
    let ops = file_ops(&fixture, &call);
    at_every(kills(crash_points(&ops)), "upgrade", |op, stop| {
        let scratch = tempfile::tempdir().expect("temp");
        let (run_in, wb) = stopped_run(&fixture, scratch.path(), &call, op, stop);
        let after = format!("killed at {op}");
        if recorded_version(&wb) == "0.1.0" {
            assert_reads_clean(&wb, &after, None);
            let status = Call::new(&["status"]).run_in(&wb, &[]);
            let shown = String::from_utf8_lossy(&status.stdout);
            assert!(
                shows_the_changes(&shown),
                "{after}: status shows no change list:\n{shown}"
            );
            let again = call.succeeds(&run_in, &after);
            assert!(
                shows_the_changes(&again),
                "{after}: upgrade shows no change list:\n{again}"
            );
        } else {
            // Recorded; a snapshot of the old version may be left, which
            // check names and the next upgrade writes anew.
            assert_reads_clean(&wb, &after, Some("pack-snapshot.toml"));
            call.succeeds(&run_in, &after);
        }
        assert_eq!(recorded_version(&wb), "0.2.0", "{after}");
        assert_reads_clean(&wb, &after, None);
        let status = Call::new(&["status"]).run_in(&wb, &[]);
        let shown = String::from_utf8_lossy(&status.stdout);
        assert!(
            !shows_the_changes(&shown),
            "{after}: still changed:\n{shown}"
        );
    });
}

/// A `note --commit` stopped after the note is written but before it is
/// committed: run again, the note is not written twice, and it is committed.
#[test]
fn a_note_stopped_before_its_commit_is_committed_by_running_it_again() {
    let fixture = built_in_workbook();
    let wb = fixture.dir.path().join("prov");
    for args in [
        &["init", "-q"][..],
        &["config", "user.name", "Anna Lind"],
        &["config", "user.email", "anna@example.org"],
        &["add", "-A"],
        &["commit", "-q", "-m", "start"],
    ] {
        crate::support::git(&wb, args);
    }
    let text = "Budgeten kan ta slut i maj.";
    let call = Call::new(&["note", "risk", "-", "--commit"]).stdin(text.as_bytes());
    let ops = file_ops(&fixture, &call);
    // The path printed after the note is written comes before the commit.
    let printed = ops
        .iter()
        .find(|op| op.call == "write" && op.line.starts_with("write(1,"))
        .expect("the note's path is printed")
        .clone();
    let scratch = tempfile::tempdir().expect("temp");
    let (run_in, wb) = stopped_run(&fixture, scratch.path(), &call, &printed, Stop::Kill);
    assert_eq!(
        entries(&wb).len(),
        1,
        "the note was written before the stop"
    );
    assert!(
        !crate::support::git(&wb, &["status", "--porcelain", "log"]).is_empty(),
        "and not committed"
    );
    let out = call.run_in(&run_in, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wrote this note already"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(entries(&wb).len(), 1, "not written twice");
    assert_eq!(
        crate::support::git(&wb, &["status", "--porcelain", "log"]),
        "",
        "committed"
    );
    assert_eq!(
        note_marks(&wb),
        0,
        "the note's mark is gone once it is committed"
    );
}
