//! A checkout with `core.autocrlf=true` (git on Windows, as often set up)
//! turns every line end of workbooks, entries and answers files into CRLF.
//! dino reads such a checkout exactly as the LF one: the same statuses,
//! checks, reports and logs, and a scripted run writes the same entry.

use std::path::{Path, PathBuf};

use crate::support::{copy_dir, dino_env, git, root};

const NOW: &str = "2026-03-20T10:00:00+01:00";

/// One repository holding the example workbook, a new workbook and the
/// example answers file, committed, and two clones of it: LF and CRLF.
fn two_checkouts(dir: &Path) -> (PathBuf, PathBuf) {
    let origin = dir.join("origin");
    std::fs::create_dir_all(&origin).expect("mkdir");
    git(&origin, &["init", "--quiet", "--initial-branch=main"]);
    git(&origin, &["config", "core.autocrlf", "false"]);
    copy_dir(
        &root().join("examples/workbooks/kompetenslyftet-i-norrdal"),
        &origin.join("kompetenslyftet-i-norrdal"),
    );
    std::fs::copy(
        root().join("examples/answers/initiering.toml"),
        origin.join("answers.toml"),
    )
    .expect("copy the answers file");
    in_env(&origin, &["new", "Språkstöd på Ålby", "--no-input"]).code(0);
    git(&origin, &["add", "-A"]);
    git(
        &origin,
        &["commit", "--quiet", "-m", "Two workbooks and answers"],
    );
    let clone = |name: &str, autocrlf: &str| {
        let setting = format!("core.autocrlf={autocrlf}");
        git(dir, &["clone", "--quiet", "-c", &setting, "origin", name]);
        dir.join(name)
    };
    (clone("lf", "false"), clone("crlf", "true"))
}

/// Runs dino in `dir` as the same person at the same time, in English.
fn in_env(dir: &Path, args: &[&str]) -> crate::support::Run {
    dino_env(
        dir,
        args,
        &[
            ("DINO_NOW", NOW),
            ("DINO_USER", "Åsa Öberg"),
            ("DINO_LANG", "en"),
        ],
    )
}

/// Everything a run printed and its exit code, with the checkout's own
/// folder written as `CHECKOUT`.
fn said(checkout: &Path, folder: &str, args: &[&str]) -> String {
    let run = in_env(&checkout.join(folder), args);
    let whole = format!("{}\n{}\n{}", run.code, run.stdout, run.stderr);
    whole.replace(&checkout.display().to_string(), "CHECKOUT")
}

/// The files of a folder and their bytes, by path inside it.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_of(&path));
        } else {
            out.push((
                path.display().to_string(),
                std::fs::read(&path).expect("read"),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn a_crlf_checkout_reads_and_runs_exactly_as_an_lf_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (lf, crlf) = two_checkouts(tmp.path());
    for file in [
        "answers.toml",
        "kompetenslyftet-i-norrdal/workbook.toml",
        "kompetenslyftet-i-norrdal/pack-snapshot.toml",
        "sprakstod-pa-alby/workbook.toml",
    ] {
        let text = std::fs::read_to_string(crlf.join(file)).expect("read");
        assert!(text.contains("\r\n"), "{file} is not CRLF in the checkout");
        assert!(
            !std::fs::read_to_string(lf.join(file))
                .expect("read")
                .contains('\r')
        );
    }
    let entries = files_of(&crlf.join("kompetenslyftet-i-norrdal/log"));
    let entries: Vec<_> = entries
        .iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .collect();
    assert!(entries.len() > 5);
    for (path, bytes) in entries {
        assert!(bytes.windows(2).any(|w| w == b"\r\n"), "{path} is not CRLF");
    }

    let workbook = "kompetenslyftet-i-norrdal";
    for args in [
        &["status", "--format", "json"][..],
        &["check"],
        &["report", "--format", "json"],
        &["log", "--format", "json"],
    ] {
        let (from_lf, from_crlf) = (said(&lf, workbook, args), said(&crlf, workbook, args));
        assert!(from_lf.len() > 40, "{args:?} said little: {from_lf}");
        assert_eq!(
            from_crlf, from_lf,
            "dino {args:?} reads the CRLF checkout differently"
        );
    }

    let run = ["run", "--answers", "../answers.toml"];
    let fresh = "sprakstod-pa-alby";
    let (from_lf, from_crlf) = (said(&lf, fresh, &run), said(&crlf, fresh, &run));
    assert!(from_lf.starts_with("0\n"), "{from_lf}");
    assert_eq!(from_crlf, from_lf);
    let written = |checkout: &Path| -> Vec<(String, String)> {
        let log = checkout.join(fresh).join("log");
        files_of(&log)
            .into_iter()
            .filter(|(path, _)| path.ends_with(".md"))
            .map(|(path, bytes)| {
                let name = path.replace(&log.display().to_string(), "");
                (name, String::from_utf8(bytes).expect("UTF-8"))
            })
            .collect()
    };
    let (entries_lf, entries_crlf) = (written(&lf), written(&crlf));
    let names: Vec<&String> = entries_lf.iter().map(|(name, _)| name).collect();
    assert_eq!(names.len(), 2, "a session and its gate: {names:?}");
    assert_eq!(entries_crlf, entries_lf, "the entries' names and bytes");
    let (_, session) = &entries_crlf[1];
    assert!(session.contains("\\\n"), "a multi-line answer: {session}");
    assert!(!session.contains("&#13;"), "{session}");
}
