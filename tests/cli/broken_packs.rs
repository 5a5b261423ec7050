//! The exact text a method owner sees for broken packs: every fixture under
//! tests/fixtures/broken is checked, and its report snapshotted.

use std::fs;

use crate::support::{dino, root};

#[test]
fn every_broken_pack_gets_its_exact_report() {
    insta::glob!("../fixtures/broken", "*/pack.toml", |path| {
        let dir = path.parent().expect("fixture folder");
        let rel = dir.strip_prefix(root()).expect("inside the repository");
        let rel = rel.to_str().expect("UTF-8 path");
        let run = dino(&["--lang", "en", "pack", "check", rel]);
        assert_eq!(run.code, 3, "{rel} should have findings:\n{}", run.stdout);
        insta::assert_snapshot!(run.transcript());
    });
}

#[test]
fn reports_come_in_swedish_too() {
    let run = dino(&[
        "--lang",
        "sv",
        "pack",
        "check",
        "tests/fixtures/broken/misspelt-key",
    ]);
    run.code(3).stdout_has(
        "tests/fixtures/broken/misspelt-key/start.toml:2:1: okänd nyckel `titel`; menade du `title`?",
    );
}

/// Copies the example pack into a temporary folder to break it there.
fn scratch_pack() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = root().join("examples/packs/skolpilot");
    for entry in fs::read_dir(example).expect("example pack").flatten() {
        fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}

#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let dir = scratch_pack();
    let huge = format!("a = \"{}\"\n", "x".repeat(50 * 1024 * 1024));
    fs::write(dir.path().join("test.toml"), huge).expect("write");
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3)
        .stdout_has("./test.toml: the file is too large; dino reads files of at most 8 MiB");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let dir = scratch_pack();
    let deep = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    fs::write(dir.path().join("test.toml"), deep).expect("write");
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3)
        .stdout_has("invalid TOML: cannot recurse further");
    let run = crate::support::dino_in(dir.path(), &["--lang", "sv", "pack", "check", "."]);
    run.code(3)
        .stdout_has("./test.toml:1:")
        .stdout_has("ogiltig TOML: nästlad djupare än TOML läses")
        .stdout_lacks("cannot recurse");
}

#[test]
fn an_unfinished_merge_in_a_pack_file_is_one_finding_at_its_marker() {
    let dir = scratch_pack();
    let path = dir.path().join("start.toml");
    let text = fs::read_to_string(&path).expect("read");
    let (first, rest) = text.split_once('\n').expect("lines");
    let merged =
        format!("{first}\n<<<<<<< HEAD\n# ours\n=======\n# theirs\n>>>>>>> branch\n{rest}");
    fs::write(&path, merged).expect("write");
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3)
        .stdout_has("./start.toml:2:1: an unfinished git merge")
        .stdout_lacks("invalid TOML");
    let lines = run.stdout.lines().filter(|l| l.contains("start.toml"));
    assert_eq!(lines.count(), 1, "{}", run.stdout);
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_read_as_usual() {
    let dir = scratch_pack();
    for name in ["pack.toml", "start.toml"] {
        let path = dir.path().join(name);
        let text = fs::read_to_string(&path)
            .expect("read")
            .replace('\n', "\r\n");
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend(text.into_bytes());
        fs::write(&path, bytes).expect("write");
    }
    crate::support::dino_in(dir.path(), &["pack", "check", "."]).code(0);
}

#[test]
fn positions_count_lines_after_crlf_and_a_bom() {
    let dir = scratch_pack();
    let path = dir.path().join("start.toml");
    let text = fs::read_to_string(&path)
        .expect("read")
        .replace("id = \"problem\"", "id = \"problem\"\ntitel = \"x\"")
        .replace('\n', "\r\n");
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend(text.into_bytes());
    fs::write(&path, bytes).expect("write");
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    let line = fs::read_to_string(&path)
        .expect("read")
        .lines()
        .position(|l| l.starts_with("titel"))
        .expect("the line")
        + 1;
    run.code(3).stdout_has(&format!(
        "./start.toml:{line}:1: unknown key `titel`; valid keys here"
    ));
}

#[test]
fn a_symbolic_link_out_of_the_pack_is_refused() {
    let dir = scratch_pack();
    let outside = tempfile::tempdir().expect("temp dir");
    let target = outside.path().join("test.toml");
    fs::rename(dir.path().join("test.toml"), &target).expect("move");
    std::os::unix::fs::symlink(&target, dir.path().join("test.toml")).expect("symlink");
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3).stdout_has("./test.toml: the file links to");
    run.stdout_has("outside the pack folder");
}

#[cfg(unix)]
#[test]
fn a_pack_toml_that_cannot_be_read_is_named_for_what_it_is() {
    // Not ”no pack.toml”: a link out of the folder, a pipe, a device.
    let dir = scratch_pack();
    let pack_file = dir.path().join("pack.toml");
    fs::remove_file(&pack_file).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &pack_file).expect("symlink");
    for args in [&["pack", "check", "."][..], &["check", "."]] {
        let run = crate::support::dino_in(dir.path(), &[&["--lang", "en"][..], args].concat());
        run.code(3)
            .stdout_has("./pack.toml: the file links to /dev/zero, outside the pack folder");
    }
    fs::remove_file(&pack_file).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&pack_file)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."])
        .code(3)
        .stdout_has("./pack.toml: it is not an ordinary file");
    fs::remove_file(&pack_file).expect("remove");
    crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."])
        .code(1)
        .stderr_has("the folder has no pack.toml");
}

#[test]
fn a_pack_too_large_to_run_is_named_and_checked_quickly() {
    // A thousand items each naming what is not there: every finding with
    // its line, found without counting through the file once for each.
    let dir = scratch_pack();
    let path = dir.path().join("start.toml");
    let mut text = fs::read_to_string(&path).expect("read");
    let first_line = text.lines().count() + 3;
    // As many as make the phase's items a thousand, the most dino reads.
    let more = 1000 - text.matches("[[items]]").count();
    for i in 0..more {
        text.push_str(&format!(
            "\n[[items]]\nid = \"x{i}\"\nkind = \"check\"\nprompt = \"P\"\nwhen = \"saknas{i}\"\n"
        ));
    }
    fs::write(&path, &text).expect("write");
    let started = std::time::Instant::now();
    let run = crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."]);
    run.code(3)
        .stdout_has(&format!(
            "./start.toml:{}:9: unknown profile question `saknas0`",
            first_line + 3
        ))
        .stdout_has(&format!(
            "./start.toml:{}:9: unknown profile question `saknas{}`",
            first_line + 3 + (more - 1) * 6,
            more - 1
        ));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    // One more than a thousand items in a phase is more than dino reads.
    text.push_str("\n[[items]]\nid = \"x1000\"\nkind = \"check\"\nprompt = \"P\"\n");
    fs::write(&path, &text).expect("write");
    crate::support::dino_in(dir.path(), &["--lang", "en", "pack", "check", "."])
        .code(3)
        .stdout_has("`items` has 1001 entries; dino reads at most 1000");
}
