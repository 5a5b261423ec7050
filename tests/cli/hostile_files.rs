//! A workbook that came by `git clone` from anyone: symbolic links out of
//! it, named pipes where files belong, `-o` aimed at its own files, and
//! the leftovers of stopped writes. Nothing outside the workbook is read
//! or written, nothing waits forever, and every refusal names the file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Run, dino_env, dino_in, root};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A workbook on the built-in pack in `dir`, in English.
fn workbook(dir: &Path) -> PathBuf {
    english(dir, &["new", "Proj", "--no-input"]).code(0);
    dir.join("proj")
}

fn english(dir: &Path, args: &[&str]) -> Run {
    dino_env(dir, args, &[("DINO_LANG", "en")])
}

/// Runs `dino` in `dir` and fails the test if it has not ended within ten
/// seconds (it is killed then): a hang is a failure, not a stuck test run.
/// Standard input is a pipe that is kept open and never written.
#[cfg(unix)]
fn within_seconds(dir: &Path, args: &[&str]) -> Run {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dino"))
        .current_dir(dir)
        .args(args)
        .env("DINO_LANG", "en")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dino runs");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dino {args:?} hung for ten seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_snapshot_linked_out_of_the_workbook_is_never_replaced() {
    let dir = temp();
    let wb = workbook(dir.path());
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").expect("write");
    fs::remove_file(wb.join("pack-snapshot.toml")).expect("remove");
    std::os::unix::fs::symlink("../victim.txt", wb.join("pack-snapshot.toml")).expect("link");
    let check = english(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check
        .stdout_has("pack-snapshot.toml: a symbolic link out of the workbook")
        .stdout_has("victim.txt");
    let upgrade = english(&wb, &["upgrade", "--yes"]);
    assert_ne!(upgrade.code, 0);
    upgrade.stderr_has("pack-snapshot.toml");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
    assert!(
        fs::symlink_metadata(wb.join("pack-snapshot.toml"))
            .expect("there")
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_lock_or_state_folder_linked_out_is_never_written() {
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), "[answers]\n").expect("write");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").expect("write");
    fs::create_dir_all(wb.join(".dino")).expect("mkdir");
    std::os::unix::fs::symlink("../../victim.txt", wb.join(".dino/lock")).expect("link");
    english(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has(".dino/lock is a symbolic link out of the workbook");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");

    // The whole folder linked out: nothing is made in the folder it names.
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("mkdir");
    fs::remove_dir_all(wb.join(".dino")).expect("remove");
    std::os::unix::fs::symlink(&elsewhere, wb.join(".dino")).expect("link");
    english(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has(".dino is a symbolic link out of the workbook");
    assert_eq!(fs::read_dir(&elsewhere).expect("list").count(), 0);
}

#[cfg(unix)]
#[test]
fn a_log_or_entry_linked_out_is_neither_printed_nor_written() {
    let dir = temp();
    let wb = workbook(dir.path());
    let secret = dir.path().join("secret.md");
    let entry = "+++\nkind = \"note\"\ndate = 2026-03-02T10:00:00+01:00\npack = \"dino\"\npack_version = \"1.0.0\"\n+++\n\n# Note\n\nSECRET-WORDS\n";
    fs::write(&secret, entry).expect("write");
    let name = "2026-03-02-1000-note-abcdef.md";
    std::os::unix::fs::symlink("../../secret.md", wb.join("log").join(name)).expect("link");
    let check = english(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check
        .stdout_has(name)
        .stdout_has("a symbolic link out of the workbook")
        .stdout_lacks("SECRET-WORDS");
    for args in [
        &["report"][..],
        &["log"][..],
        &["report", "--format", "json"][..],
    ] {
        let run = english(&wb, args);
        run.stdout_lacks("SECRET-WORDS");
        assert!(!run.stderr.contains("SECRET-WORDS"), "{args:?}");
    }

    // log/ itself linked to a folder outside: its files are not listed,
    // and a note is not written there.
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).expect("mkdir");
    fs::write(outside.join(name), entry).expect("write");
    fs::remove_dir_all(wb.join("log")).expect("remove");
    std::os::unix::fs::symlink(&outside, wb.join("log")).expect("link");
    english(&wb, &["report"]).stdout_lacks("SECRET-WORDS");
    english(&wb, &["note", "note", "hello"])
        .code(1)
        .stderr_has("log is a symbolic link out of the workbook");
    assert_eq!(fs::read_dir(&outside).expect("list").count(), 1);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_terminal_where_a_file_belongs_never_hangs() {
    let dir = temp();
    let wb = workbook(dir.path());
    let snapshot = wb.join("pack-snapshot.toml");
    fs::remove_file(&snapshot).expect("remove");
    mkfifo(&snapshot);
    within_seconds(&wb, &["status"]).code(0);
    let check = within_seconds(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check.stdout_has("pack-snapshot.toml: it is not an ordinary file");
    let upgrade = within_seconds(&wb, &["upgrade", "--yes"]);
    assert_ne!(upgrade.code, 0);
    upgrade.stderr_has("pack-snapshot.toml");

    // A link to the terminal (here: a pipe nobody writes to).
    fs::remove_file(&snapshot).expect("remove");
    std::os::unix::fs::symlink("/dev/stdin", &snapshot).expect("link");
    within_seconds(&wb, &["status"]).code(0);
    let check = within_seconds(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check.stdout_has("pack-snapshot.toml");
    fs::remove_file(&snapshot).expect("remove");

    // An answers file, a lock and an entry that are pipes.
    mkfifo(&wb.join("svar.toml"));
    within_seconds(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has("svar.toml")
        .stderr_has("not an ordinary file");
    let _ = fs::remove_file(wb.join(".dino/lock"));
    mkfifo(&wb.join(".dino/lock"));
    within_seconds(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has(".dino/lock")
        .stderr_has("not an ordinary file");
    mkfifo(&wb.join("log/2026-03-02-1000-note-abcdef.md"));
    let check = within_seconds(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check.stdout_has("2026-03-02-1000-note-abcdef.md");
}

#[cfg(unix)]
#[test]
fn report_output_never_overwrites_a_workbooks_own_files() {
    let dir = temp();
    let wb = workbook(dir.path());
    std::os::unix::fs::symlink("workbook.toml", wb.join("sneaky.md")).expect("link");
    english(&wb, &["note", "note", "kept"]).code(0);
    let before: Vec<(PathBuf, Vec<u8>)> = ["workbook.toml", "pack-snapshot.toml"]
        .iter()
        .map(|f| (wb.join(f), fs::read(wb.join(f)).expect("read")))
        .collect();
    let entry = fs::read_dir(wb.join("log"))
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".md"))
        .expect("the note");
    let entry_path = format!("log/{entry}");
    for target in [
        "workbook.toml",
        "pack-snapshot.toml",
        "log/../workbook.toml",
        entry_path.as_str(),
        "log/new.md",
        ".dino/report.md",
        "sneaky.md",
        "../proj/./workbook.toml",
    ] {
        english(&wb, &["report", "-o", target])
            .code(1)
            .stderr_has(&format!("-o {target} would overwrite"));
    }
    // Named from outside, with the workbook as an argument.
    english(dir.path(), &["report", "proj", "-o", "proj/workbook.toml"]).code(1);
    for (path, bytes) in &before {
        assert_eq!(&fs::read(path).expect("read"), bytes, "{}", path.display());
    }
    assert!(!wb.join("log/new.md").exists());
    // Beside its files, a report is fine.
    english(&wb, &["report", "-o", "report.md"]).code(0);
    assert!(wb.join("report.md").is_file());
}

#[test]
fn pack_doc_output_never_overwrites_the_packs_own_files() {
    let dir = temp();
    let pack = dir.path().join("metod");
    fs::create_dir(&pack).expect("mkdir");
    let source = root().join("examples/packs/skolpilot");
    for file in fs::read_dir(&source).expect("list").flatten() {
        fs::copy(file.path(), pack.join(file.file_name())).expect("copy");
    }
    let before = fs::read(pack.join("pack.toml")).expect("read");
    english(
        dir.path(),
        &["pack", "doc", "metod", "-o", "metod/pack.toml"],
    )
    .code(1)
    .stderr_has("would overwrite one of the files of the pack");
    assert_eq!(fs::read(pack.join("pack.toml")).expect("read"), before);
    english(dir.path(), &["pack", "doc", "metod", "-o", "handbook.md"]).code(0);
}

#[test]
fn a_half_made_workbook_is_explained_and_new_leaves_nothing_behind() {
    let dir = temp();
    // As an interrupted `dino new` of an older dino left it.
    fs::create_dir_all(dir.path().join("proj/log")).expect("mkdir");
    english(dir.path(), &["new", "Proj", "--no-input"])
        .code(1)
        .stderr_has("proj/ exists already, but is a half-made workbook")
        .stderr_has("remove the folder and run `dino new` again");
    let status = english(dir.path(), &["status"]);
    assert_ne!(status.code, 0);
    status.stderr_has("proj: a half-made workbook");
    fs::remove_dir_all(dir.path().join("proj")).expect("remove");
    english(dir.path(), &["new", "Proj", "--no-input"]).code(0);
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["proj".to_string()], "no temporary folder left");
    assert!(dir.path().join("proj/workbook.toml").is_file());
}

#[test]
fn the_state_folder_gets_its_gitignore_back() {
    let dir = temp();
    let wb = workbook(dir.path());
    fs::create_dir_all(wb.join(".dino")).expect("mkdir");
    fs::write(wb.join("svar.toml"), "[answers]\n").expect("write");
    english(&wb, &["run", "--answers", "svar.toml"]);
    assert_eq!(
        fs::read_to_string(wb.join(".dino/.gitignore")).expect("restored"),
        "*\n"
    );
}

#[test]
fn leftover_temporary_files_are_reported() {
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join(".dino-a1b2c3.tmp"), "half").expect("write");
    fs::write(wb.join("log/.dino-d4e5f6.tmp"), "half").expect("write");
    let check = english(&wb, &["check"]);
    assert_ne!(check.code, 0);
    check
        .stdout_has(
            ".dino-a1b2c3.tmp: a temporary file left by an interrupted write; it may be deleted",
        )
        .stdout_has("log/.dino-d4e5f6.tmp: a temporary file left by an interrupted write");
}

#[test]
fn file_system_errors_name_the_file_in_swedish() {
    let dir = temp();
    dino_in(dir.path(), &["new", "Proj", "--no-input"]).code(0);
    let wb = dir.path().join("proj");
    fs::remove_dir_all(wb.join("log")).expect("remove");
    fs::write(wb.join("log"), "not a folder").expect("write");
    let run = dino_in(&wb, &["note", "note", "hej"]);
    run.code(1)
        .stderr_has("log ska vara en mapp, men är en fil");
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
}

#[test]
fn a_lock_taken_but_not_yet_written_says_a_session_is_starting() {
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), "[answers]\n").expect("write");
    fs::create_dir_all(wb.join(".dino")).expect("mkdir");
    // As the winner of a race holds it: locked, nothing written yet.
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(wb.join(".dino/lock"))
        .expect("open");
    lock.try_lock().expect("locked");
    let run = english(&wb, &["run", "--answers", "svar.toml"]);
    run.code(1).stderr_has(
        "another session is starting or running in this workbook right now; wait until it is done",
    );
    assert!(!run.stderr.contains('?'), "{}", run.stderr);
    drop(lock);
}

#[cfg(unix)]
#[test]
fn a_lock_hard_linked_to_a_file_elsewhere_is_refused_and_the_file_kept() {
    // A hard link cannot be seen to leave the workbook, but the lock is
    // the one file dino writes in place: it refuses one with other names.
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), "[answers]\n").expect("write");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").expect("write");
    fs::create_dir_all(wb.join(".dino")).expect("mkdir");
    fs::hard_link(&victim, wb.join(".dino/lock")).expect("hard link");
    english(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has(
            "could not take the lock ./.dino/lock: the file has other names too (a hard link)",
        );
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
    // Removed, the lock is made anew and the run goes on.
    fs::remove_file(wb.join(".dino/lock")).expect("remove");
    english(&wb, &["run", "--answers", "svar.toml"]).code(0);
}

#[cfg(unix)]
#[test]
fn a_copy_of_the_entry_outside_the_workbook_is_not_taken_for_it_written() {
    // The log moved out and linked: a run whose entry the folder outside
    // happens to hold word for word must not say it was written.
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), "[answers]\nproblem = \"Frånvaro.\"\n").expect("write");
    let env = [
        ("DINO_LANG", "en"),
        ("DINO_NOW", "2026-03-02T09:15:00+01:00"),
    ];
    dino_env(&wb, &["run", "initiering", "--answers", "svar.toml"], &env).code(0);
    let outside = dir.path().join("outside-log");
    fs::rename(wb.join("log"), &outside).expect("move");
    std::os::unix::fs::symlink(&outside, wb.join("log")).expect("link");
    let run = dino_env(&wb, &["run", "initiering", "--answers", "svar.toml"], &env);
    run.code(1)
        .stderr_has("./log is a symbolic link out of the workbook");
    assert!(!run.stderr.contains("written"), "{}", run.transcript());
}

#[cfg(unix)]
#[test]
fn a_state_folder_every_run_would_refuse_is_reported_by_check() {
    let dir = temp();
    let wb = workbook(dir.path());
    english(&wb, &["check"]).code(0);
    // A file where the folder belongs.
    fs::write(wb.join(".dino"), "").expect("write");
    english(&wb, &["check"])
        .code(3)
        .stdout_has("./.dino: should be a folder, but is a file; move the file away");
    // The folder linked out of the workbook.
    fs::remove_file(wb.join(".dino")).expect("remove");
    std::os::unix::fs::symlink(dir.path(), wb.join(".dino")).expect("link");
    english(&wb, &["check"])
        .code(3)
        .stdout_has("./.dino: a symbolic link out of the workbook");
    // A draft that is a folder, a lock that is a pipe or a hard link.
    fs::remove_file(wb.join(".dino")).expect("remove");
    fs::create_dir_all(wb.join(".dino/draft.md")).expect("mkdir");
    mkfifo(&wb.join(".dino/lock"));
    english(&wb, &["check"])
        .code(3)
        .stdout_has("./.dino/draft.md: it is not an ordinary file")
        .stdout_has("./.dino/lock: it is not an ordinary file");
    fs::remove_dir(wb.join(".dino/draft.md")).expect("remove");
    fs::remove_file(wb.join(".dino/lock")).expect("remove");
    fs::write(dir.path().join("other.txt"), "").expect("write");
    fs::hard_link(dir.path().join("other.txt"), wb.join(".dino/lock")).expect("link");
    dino_env(&wb, &["check"], &[("DINO_LANG", "sv")])
        .code(3)
        .stdout_has("./.dino/lock: filen har fler namn (en hård länk)");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_folder_named_like_an_entry_is_named_for_what_it_is() {
    let dir = temp();
    let wb = workbook(dir.path());
    mkfifo(&wb.join("log/2026-03-02-0900-note-aaaaaa.md"));
    fs::create_dir(wb.join("log/2026-03-02-0900-note-bbbbbb.md")).expect("mkdir");
    let run = within_seconds(&wb, &["check"]);
    run.code(3)
        .stdout_has("./log/2026-03-02-0900-note-aaaaaa.md: it is not an ordinary file")
        .stdout_has("./log/2026-03-02-0900-note-bbbbbb.md: it is not an ordinary file");
}

#[cfg(unix)]
#[test]
fn a_workbook_toml_that_cannot_be_read_is_named_not_taken_for_no_workbook() {
    let dir = temp();
    let wb = workbook(dir.path());
    let file = wb.join("workbook.toml");
    fs::remove_file(&file).expect("remove");
    mkfifo(&file);
    for (at, args, shown) in [
        (&wb, &["status"][..], "./workbook.toml"),
        (
            &wb.join("log"),
            &["note", "note", "x"],
            "./../workbook.toml",
        ),
        (
            &dir.path().to_path_buf(),
            &["status"],
            "./proj/workbook.toml",
        ),
    ] {
        let run = within_seconds(at, args);
        run.code(1).stderr_has(&format!(
            "error: {shown}: it is not an ordinary file (but a folder, a pipe or a device)"
        ));
    }
    fs::remove_file(&file).expect("remove");
    std::os::unix::fs::symlink("gone.toml", &file).expect("link");
    english(&wb, &["check"])
        .code(3)
        .stdout_has("./workbook.toml: a symbolic link to gone.toml, which is not there");
}

#[cfg(unix)]
#[test]
fn a_link_that_stays_inside_never_has_one_of_the_workbooks_files_written_over_another() {
    // A lock linked to workbook.toml, a snapshot linked to an entry: links
    // that never leave the workbook, but writing through them would empty
    // workbook.toml or rewrite an entry.
    let dir = temp();
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), "[answers]\n").expect("write");
    let kept = fs::read_to_string(wb.join("workbook.toml")).expect("read");
    fs::create_dir_all(wb.join(".dino")).expect("mkdir");
    std::os::unix::fs::symlink("../workbook.toml", wb.join(".dino/lock")).expect("link");
    english(&wb, &["run", "--answers", "svar.toml"])
        .code(1)
        .stderr_has("could not write ./.dino/lock: it is a symbolic link (to ../workbook.toml)");
    english(&wb, &["check"]).code(3).stdout_has(
        "./.dino/lock: a symbolic link; dino writes this file only as an ordinary file",
    );
    assert_eq!(
        fs::read_to_string(wb.join("workbook.toml")).expect("read"),
        kept
    );
    fs::remove_file(wb.join(".dino/lock")).expect("remove");

    english(&wb, &["note", "risk", "Budget"]).code(0);
    let entry = fs::read_dir(wb.join("log"))
        .expect("log")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("the risk");
    let entry_text = fs::read_to_string(&entry).expect("read");
    let snapshot = wb.join("pack-snapshot.toml");
    fs::remove_file(&snapshot).expect("remove");
    let name = entry
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    std::os::unix::fs::symlink(format!("log/{name}"), &snapshot).expect("link");
    // The pack's record changed, so that upgrade has something to write.
    let changed = kept
        .lines()
        .map(|l| {
            if l.starts_with("hash = ") {
                "hash = \"sha256:00\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    fs::write(wb.join("workbook.toml"), &changed).expect("write");
    english(&wb, &["upgrade", "--yes"])
        .code(1)
        .stderr_has("could not write ./pack-snapshot.toml: it is a symbolic link");
    english(&wb, &["check"]).code(3).stdout_has(
        "./pack-snapshot.toml: a symbolic link; dino writes this file only as an ordinary file",
    );
    assert_eq!(fs::read_to_string(&entry).expect("read"), entry_text);
    // Neither file is written when one of them is refused.
    assert_eq!(
        fs::read_to_string(wb.join("workbook.toml")).expect("read"),
        changed
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_entry_whose_name_is_not_utf8_is_named_for_it_not_as_missing() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp();
    let wb = workbook(dir.path());
    let name = std::ffi::OsStr::from_bytes(b"2026-03-02-0900-note-aaaaa\xff.md");
    fs::write(wb.join("log").join(name), "+++\n").expect("write");
    let run = english(&wb, &["check"]);
    run.code(3)
        .stdout_has("./log/2026-03-02-0900-note-aaaaa\u{fffd}.md: the file's name is not UTF-8");
    assert!(!run.stdout.contains("does not exist"), "{}", run.stdout);
}

#[test]
fn a_folder_tree_too_deep_to_search_is_named_and_the_workbooks_above_it_are_found() {
    let dir = temp();
    english(dir.path(), &["new", "Proj", "--no-input"]).code(0);
    // Five hundred folders, one in the other: searched only so far down.
    let mut deep = dir.path().join("deep");
    for _ in 0..500 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).expect("mkdir");
    // Said, but no failure: every workbook found is shown.
    let status = english(dir.path(), &["status"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    english(dir.path(), &["report", "."]).code(0);
    status.stdout_has("Proj").stderr_has(
        "its folders were not searched: dino looks for workbooks at most 16 folders down",
    );
    assert!(!status.stderr.contains("panicked"));
}
