//! The commands a hint names can be run as they are: `dino` when the
//! `dino` on PATH is this one, else the path this dino was started by.

use std::path::Path;
use std::process::Command;

/// Runs `program` (this dino, by some path) in `dir` with only `path_var`
/// as PATH: `dino new Prov --no-input`, whose hint names the next step.
fn new_workbook(program: &Path, dir: &Path, path_var: &std::ffi::OsStr) -> String {
    let out = Command::new(program)
        .current_dir(dir)
        .args(["--lang", "en", "new", "Prov", "--no-input"])
        .env("PATH", path_var)
        .env_remove("DINO_LANG")
        .env("DINO_NOW", "2026-03-02T09:15:00+01:00")
        .env("DINO_USER", "Anna Lind")
        .output()
        .expect("dino runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_dino_not_on_path_names_itself_by_its_path_in_hints() {
    let dir = tempfile::tempdir().expect("temp");
    let exe = Path::new(env!("CARGO_BIN_EXE_dino"));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let said = new_workbook(exe, dir.path(), empty.as_os_str());
    let hint = format!("`cd prov` and `{} status`", exe.display());
    assert!(said.contains(&hint), "{said}");
}

#[test]
fn a_dino_found_on_path_is_named_dino_in_hints() {
    let dir = tempfile::tempdir().expect("temp");
    let exe = Path::new(env!("CARGO_BIN_EXE_dino"));
    let folder = exe.parent().expect("a folder");
    let said = new_workbook(exe, dir.path(), folder.as_os_str());
    assert!(said.contains("`cd prov` and `dino status`"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_dino_started_by_a_relative_path_is_named_by_its_absolute_path() {
    let dir = tempfile::tempdir().expect("temp");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_dino"), bin.join("dino")).expect("link");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let said = new_workbook(Path::new("bin/dino"), dir.path(), empty.as_os_str());
    let hint = format!("`{} status`", bin.join("dino").display());
    assert!(said.contains(&hint), "{said}");
    // With the link's folder on PATH, the link is the dino a shell finds.
    std::fs::remove_dir_all(dir.path().join("prov")).expect("rm");
    let said = new_workbook(Path::new("bin/dino"), dir.path(), bin.as_os_str());
    assert!(said.contains("`dino status`"), "{said}");
}
