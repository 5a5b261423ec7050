//! How this dino was started, as the hints it prints name it: `dino` when
//! that is the command a shell finds on PATH, else the path it was started
//! by (`cargo run`, `target/release/dino`), made absolute so that it still
//! works after the `cd` a hint may ask for.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// How dino was started: `argv[0]` and the folder it was started in.
static STARTED: OnceLock<(Option<OsString>, PathBuf)> = OnceLock::new();

/// The name hints give this dino, worked out when a hint first needs it
/// (looking PATH through is no work for every start).
static NAME: OnceLock<String> = OnceLock::new();

/// Remembers how dino was started (`argv[0]`), before `-C` changes the
/// folder it runs in.
pub fn remember(argv0: Option<&OsStr>) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let _ = STARTED.set((argv0.map(OsStr::to_os_string), cwd));
}

/// The command that starts this dino: `dino`, or its path.
pub fn name() -> &'static str {
    NAME.get_or_init(|| match STARTED.get() {
        Some((argv0, cwd)) => {
            let path_var = std::env::var_os("PATH");
            name_for(argv0.as_deref(), path_var.as_deref(), cwd)
        }
        None => "dino".to_string(),
    })
}

/// `text` with each command it names in backticks (`` `dino run` ``)
/// naming this dino as it was started.
pub fn in_hints(text: &str) -> Cow<'_, str> {
    if !text.contains("`dino ") {
        return Cow::Borrowed(text);
    }
    let name = name();
    if name == "dino" {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("`dino ", &format!("`{name} ")))
}

/// The name for a dino started as `argv0`, with `path_var` as PATH and
/// `cwd` as the folder it was started in.
fn name_for(argv0: Option<&OsStr>, path_var: Option<&OsStr>, cwd: &Path) -> String {
    let Some(argv0) = argv0.filter(|a| !a.is_empty()) else {
        return "dino".to_string();
    };
    let given = Path::new(argv0);
    // A bare name was found on PATH by whoever started dino.
    if given.components().count() == 1 && !given.has_root() {
        return "dino".to_string();
    }
    let absolute: PathBuf = cwd
        .join(given)
        .components()
        .filter(|part| *part != Component::CurDir)
        .collect();
    if on_path(path_var).is_some_and(|found| same_file(&found, &absolute)) {
        return "dino".to_string();
    }
    let shown = absolute.display().to_string();
    if shown.contains(char::is_whitespace) {
        format!("\"{shown}\"")
    } else {
        shown
    }
}

/// The `dino` a shell finds on PATH: the first folder that has it.
fn on_path(path_var: Option<&OsStr>) -> Option<PathBuf> {
    let file = format!("dino{}", std::env::consts::EXE_SUFFIX);
    std::env::split_paths(path_var?)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(&file))
        .find(|candidate| candidate.is_file())
}

/// Whether the two paths lead to one file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dino_is_named_by_its_path_unless_path_finds_it() {
        let dir = tempfile::tempdir().expect("temp");
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).expect("mkdir");
        let exe = format!("dino{}", std::env::consts::EXE_SUFFIX);
        std::fs::write(bin.join(&exe), "").expect("write");
        let other = dir.path().join("other");
        std::fs::create_dir(&other).expect("mkdir");
        let path_var = std::env::join_paths([&other, &bin]).expect("PATH");
        let name =
            |argv0: &str, path: Option<&OsStr>| name_for(Some(OsStr::new(argv0)), path, dir.path());
        assert_eq!(name("dino", None), "dino");
        assert_eq!(name(&format!("./bin/{exe}"), Some(&path_var)), "dino");
        let absolute = bin.join(&exe);
        assert_eq!(
            name(absolute.to_str().expect("UTF-8"), Some(&path_var)),
            "dino"
        );
        let elsewhere = Path::new("target").join("release").join(&exe);
        assert_eq!(
            name(elsewhere.to_str().expect("UTF-8"), Some(&path_var)),
            dir.path().join(&elsewhere).display().to_string()
        );
        assert_eq!(
            name(&format!("bin/{exe}"), Some(other.as_os_str())),
            dir.path().join("bin").join(&exe).display().to_string()
        );
        assert_eq!(name_for(None, None, dir.path()), "dino");
    }
}
