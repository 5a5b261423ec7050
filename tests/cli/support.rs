//! Running the real binary with a pinned environment, and reading back
//! what it did.

use std::path::{Path, PathBuf};

/// The repository root, where tests run unless told otherwise.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of `dino` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.stderr.contains(needle),
            "stderr has {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Everything the run printed, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `dino` in `dir` with `args`, a clean language and no colour.
pub fn dino_in(dir: &Path, args: &[&str]) -> Run {
    dino_env(dir, args, &[])
}

/// Runs `dino` in the repository root.
pub fn dino(args: &[&str]) -> Run {
    dino_in(&root(), args)
}

/// Runs `dino` with the clock and the user pinned, as entries are written
/// in tests: byte for byte the same on every run.
pub fn pinned(dir: &Path, args: &[&str]) -> Run {
    dino_env(
        dir,
        args,
        &[
            ("DINO_NOW", "2026-03-02T09:15:00+01:00"),
            ("DINO_USER", "Anna Lind"),
        ],
    )
}

/// Runs `dino` with extra environment variables.
pub fn dino_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("dino").expect("the dino binary is built");
    cmd.current_dir(dir)
        .args(args)
        .env("PATH", path_with_dino())
        .env_remove("DINO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env_remove("NO_COLOR");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let output = cmd.output().expect("dino runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs git in `dir` as Anna Lind; panics with git's message on failure.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Anna Lind")
        .env("GIT_AUTHOR_EMAIL", "anna@example.org")
        .env("GIT_COMMITTER_NAME", "Anna Lind")
        .env("GIT_COMMITTER_EMAIL", "anna@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Pulls `main` from `origin` into `dir`, merging or rebasing.
pub fn pull(dir: &Path, rebase: bool) {
    let how = if rebase { "--rebase" } else { "--no-rebase" };
    git(
        dir,
        &["pull", "--quiet", how, "--no-edit", "origin", "main"],
    );
}

/// Copies the folder `from` to `to`, with everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("list").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// A workbook on the example pack `skolpilot`, made in `dir` with its
/// profile's `personal_data` as given (false: the phase `start` has two
/// required items, true: three).
pub fn skolpilot(dir: &Path, personal_data: bool) -> PathBuf {
    std::fs::write(
        dir.join("p.toml"),
        format!("personal_data = {personal_data}\n"),
    )
    .expect("write");
    let pack = root().join("examples/packs/skolpilot");
    pinned(
        dir,
        &[
            "new",
            "Prov",
            "--pack",
            pack.to_str().expect("UTF-8"),
            "--profile",
            "p.toml",
            "--no-input",
        ],
    )
    .code(0);
    dir.join("prov")
}

/// A workbook on the example pack whose first phase's gate is ready: its
/// required items answered by a scripted run.
pub fn skolpilot_ready(dir: &Path) -> PathBuf {
    let wb = skolpilot(dir, false);
    std::fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    wb
}

/// The built-in pack's version, as `phases/dino/pack.toml` gives it.
pub fn dino_version() -> String {
    let pack = std::fs::read_to_string(root().join("phases/dino/pack.toml")).expect("pack.toml");
    pack.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a version")
        .to_string()
}

/// PATH with the folder of the `dino` under test first: the `dino` a
/// shell finds is this one, and the hints dino prints say `dino …`.
pub fn path_with_dino() -> std::ffi::OsString {
    let exe = Path::new(env!("CARGO_BIN_EXE_dino"));
    let mut folders = vec![exe.parent().expect("a folder").to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).expect("PATH")
}
