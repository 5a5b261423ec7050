//! Reading a folder as a git revision has it, without touching the index or
//! the working tree: the repository found, a revision resolved to its
//! commit, the base of a branch and its upstream, and a folder's files at a
//! commit copied into a fresh folder (ordinary files only, each of bounded
//! size; links and submodules are named and left out, never followed).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// What reading a revision says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// git is not installed.
    NoGit,
    /// `dir` is not in a git repository.
    NotARepository { dir: String },
    /// git knows no commit by the name `rev`; `why` in git's words.
    UnknownRevision { rev: String, why: String },
    /// `path` is not inside the repository at `repo`.
    OutsideRepository { path: String, repo: String },
    /// git failed at `what` (`why`, in git's words).
    Failed { what: String, why: String },
    /// The file at `path` is a symbolic link in the revision: left out.
    Link { path: String },
    /// The file at `path` is a submodule in the revision: left out.
    Submodule { path: String },
    /// The file at `path` is `bytes` long, more than `max`: left out.
    TooLarge { path: String, bytes: u64, max: u64 },
    /// The name `path` cannot be a file of a folder here: left out.
    Unusable { path: String },
}

/// A git repository, by its top folder.
#[derive(Clone, Debug)]
pub struct Repo {
    top: PathBuf,
}

/// A file of a revision left out of the copy, and why.
#[derive(Clone, Debug)]
pub struct Skipped {
    pub path: String,
    pub why: Message,
}

/// What a copy of a revision's folder holds.
#[derive(Clone, Debug, Default)]
pub struct Copied {
    /// How many files were copied.
    pub files: usize,
    pub skipped: Vec<Skipped>,
}

/// One line of `git ls-tree -l`: the mode, the object, its size, the path.
struct Listed {
    mode: String,
    object: String,
    size: Option<u64>,
    path: Vec<u8>,
}

impl Repo {
    /// The repository `dir` is in.
    pub fn find(dir: &Path) -> Result<Repo, Message> {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .map_err(|_| Message::NoGit)?;
        if !out.status.success() {
            let dir = dir.display().to_string();
            return Err(Message::NotARepository { dir });
        }
        let top = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let top = top.canonicalize().unwrap_or(top);
        Ok(Repo { top })
    }

    /// The repository's top folder.
    pub fn top(&self) -> &Path {
        &self.top
    }

    /// git in the repository: its output, or git's words when it failed.
    fn git(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
        if out.status.success() {
            Ok(text(&out.stdout))
        } else {
            Err(text(&out.stderr))
        }
    }

    /// The commit `rev` names, as its full hash.
    pub fn commit(&self, rev: &str) -> Result<String, Message> {
        let unknown = |why: String| Message::UnknownRevision {
            rev: rev.to_string(),
            why,
        };
        if rev.trim().is_empty() {
            return Err(unknown(String::new()));
        }
        let spec = format!("{rev}^{{commit}}");
        self.git(&["rev-parse", "--verify", "--end-of-options", &spec])
            .map_err(|why| {
                // `--verify` only says "Needed a single revision"; this says
                // which.
                let more = self.git(&["rev-parse", "--end-of-options", &spec, "--"]);
                unknown(more.err().unwrap_or(why))
            })
    }

    /// The upstream of the branch checked out (`origin/main`) and the commit
    /// where the branch left it (`git merge-base HEAD @{upstream}`); `None`
    /// when the branch has no upstream.
    pub fn upstream_base(&self) -> Result<Option<(String, String)>, Message> {
        let Ok(upstream) = self.git(&[
            "rev-parse",
            "--abbrev-ref",
            "--symbolic-full-name",
            "@{upstream}",
        ]) else {
            return Ok(None);
        };
        let base = self
            .git(&["merge-base", "HEAD", "@{upstream}"])
            .map_err(|why| Message::Failed {
                what: "git merge-base HEAD @{upstream}".into(),
                why,
            })?;
        Ok(Some((upstream, base)))
    }

    /// The day and time `commit` was committed (RFC 3339), if git says.
    pub fn commit_time(&self, commit: &str) -> Option<String> {
        self.git(&["log", "-1", "--format=%cI", commit, "--"]).ok()
    }

    /// `path` (an existing folder, or one whose parent exists) as a path
    /// from the repository's top, `/`-separated; empty for the top itself.
    pub fn inside(&self, path: &Path) -> Result<String, Message> {
        let whole = whole(path);
        let outside = || Message::OutsideRepository {
            path: path.display().to_string(),
            repo: self.top.display().to_string(),
        };
        let rel = whole.strip_prefix(&self.top).map_err(|_| outside())?;
        let parts: Option<Vec<&str>> = rel
            .components()
            .map(|c| match c {
                Component::Normal(name) => name.to_str(),
                _ => None,
            })
            .collect();
        Ok(parts.ok_or_else(outside)?.join("/"))
    }

    /// Copies the files under `folder` (a path from the top, `/`-separated;
    /// empty for all) at `commit` into `dest`, each at its path below
    /// `folder`. Ordinary files of at most `max_bytes` only; the rest are
    /// named in `Copied::skipped`. Nothing outside `dest` is written.
    pub fn copy_folder(
        &self,
        commit: &str,
        folder: &str,
        dest: &Path,
        max_bytes: u64,
    ) -> Result<Copied, Message> {
        let mut copied = Copied::default();
        let mut wanted = Vec::new();
        for listed in self.list(commit, folder)? {
            let shown = String::from_utf8_lossy(&listed.path).into_owned();
            match place(&listed, folder, dest, max_bytes) {
                Ok(target) => wanted.push((listed.object, target)),
                Err(why) => copied.skipped.push(Skipped { path: shown, why }),
            }
        }
        copied.files = self.write_blobs(&wanted)?;
        Ok(copied)
    }

    /// `git ls-tree -r -l -z --full-tree COMMIT -- FOLDER`, read.
    fn list(&self, commit: &str, folder: &str) -> Result<Vec<Listed>, Message> {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.top).args([
            "ls-tree",
            "-r",
            "-l",
            "-z",
            "--full-tree",
            commit,
            "--",
        ]);
        if !folder.is_empty() {
            cmd.arg(format!(":(literal){folder}"));
        }
        let out = cmd.output().map_err(|_| Message::NoGit)?;
        if !out.status.success() {
            return Err(Message::Failed {
                what: format!("git ls-tree {commit}"),
                why: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        Ok(out
            .stdout
            .split(|b| *b == 0)
            .filter(|line| !line.is_empty())
            .filter_map(parse_listed)
            .collect())
    }

    /// Writes each object to its path with one `git cat-file --batch`;
    /// returns how many were written.
    fn write_blobs(&self, wanted: &[(String, PathBuf)]) -> Result<usize, Message> {
        if wanted.is_empty() {
            return Ok(0);
        }
        let failed = |why: String| Message::Failed {
            what: "git cat-file --batch".into(),
            why,
        };
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| Message::NoGit)?;
        let mut stdin = child.stdin.take().ok_or_else(|| failed("stdin".into()))?;
        let objects: Vec<String> = wanted.iter().map(|(o, _)| o.clone()).collect();
        // Written beside the reading, so that neither pipe fills up.
        let writer = std::thread::spawn(move || {
            for object in objects {
                if writeln!(stdin, "{object}").is_err() {
                    break;
                }
            }
        });
        let stdout = child.stdout.take().ok_or_else(|| failed("stdout".into()))?;
        let mut reader = BufReader::new(stdout);
        let result = wanted
            .iter()
            .try_for_each(|(_, target)| read_one(&mut reader, target).map_err(failed));
        let _ = writer.join();
        drop(reader);
        let _ = child.wait();
        result.map(|()| wanted.len())
    }
}

/// Reads one object of `git cat-file --batch` into `target`.
fn read_one(reader: &mut impl BufRead, target: &Path) -> Result<(), String> {
    let mut header = String::new();
    reader.read_line(&mut header).map_err(|e| e.to_string())?;
    let size: u64 = header
        .split_whitespace()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| header.trim().to_string())?;
    let mut bytes = Vec::new();
    reader
        .take(size)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let mut newline = [0u8; 1];
    reader.read_exact(&mut newline).map_err(|e| e.to_string())?;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(target, bytes).map_err(|e| format!("{}: {e}", target.display()))
}

/// One line of `git ls-tree -l -z`: `MODE TYPE OBJECT SIZE\tPATH`.
fn parse_listed(line: &[u8]) -> Option<Listed> {
    let tab = line.iter().position(|b| *b == b'\t')?;
    let head = std::str::from_utf8(&line[..tab]).ok()?;
    let mut words = head.split_whitespace();
    let mode = words.next()?.to_string();
    let _kind = words.next()?;
    let object = words.next()?.to_string();
    let size = words.next().and_then(|s| s.parse().ok());
    Some(Listed {
        mode,
        object,
        size,
        path: line[tab + 1..].to_vec(),
    })
}

/// Where a listed file goes below `dest`, or why it is left out.
fn place(listed: &Listed, folder: &str, dest: &Path, max_bytes: u64) -> Result<PathBuf, Message> {
    let shown = String::from_utf8_lossy(&listed.path).into_owned();
    match listed.mode.as_str() {
        "120000" => return Err(Message::Link { path: shown }),
        "160000" => return Err(Message::Submodule { path: shown }),
        "100644" | "100755" | "100664" => {}
        _ => return Err(Message::Unusable { path: shown }),
    }
    let bytes = listed.size.unwrap_or(u64::MAX);
    if bytes > max_bytes {
        return Err(Message::TooLarge {
            path: shown,
            bytes,
            max: max_bytes,
        });
    }
    let unusable = || Message::Unusable {
        path: shown.clone(),
    };
    let path = std::str::from_utf8(&listed.path).map_err(|_| unusable())?;
    let below = if folder.is_empty() {
        path
    } else {
        path.strip_prefix(folder)
            .and_then(|rest| rest.strip_prefix('/'))
            .ok_or_else(unusable)?
    };
    let mut target = dest.to_path_buf();
    for part in below.split('/') {
        let plain = !part.is_empty()
            && part != "."
            && part != ".."
            && !part.eq_ignore_ascii_case(".git")
            && !part.contains(['\\', ':', '\0']);
        if !plain {
            return Err(unusable());
        }
        target.push(part);
    }
    Ok(target)
}

/// `path` whole: canonical where it exists, else its nearest existing
/// parent made canonical and the rest added.
fn whole(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    if let Ok(found) = path.canonicalize() {
        return found;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => whole(parent).join(name),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(mode: &str, path: &str, size: u64) -> Listed {
        Listed {
            mode: mode.into(),
            object: "0".repeat(40),
            size: Some(size),
            path: path.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_file_is_placed_below_the_folder() {
        let dest = Path::new("/tmp/x");
        let got = place(&listed("100644", "wb/log/a.md", 3), "wb", dest, 10);
        assert_eq!(got.ok(), Some(PathBuf::from("/tmp/x/log/a.md")));
    }

    #[test]
    fn links_submodules_large_files_and_odd_names_are_left_out() {
        let dest = Path::new("/tmp/x");
        let out = |mode, path, size| place(&listed(mode, path, size), "wb", dest, 10);
        assert!(matches!(
            out("120000", "wb/log/a.md", 3),
            Err(Message::Link { .. })
        ));
        assert!(matches!(
            out("160000", "wb/sub", 0),
            Err(Message::Submodule { .. })
        ));
        assert!(matches!(
            out("100644", "wb/log/a.md", 11),
            Err(Message::TooLarge { .. })
        ));
        assert!(matches!(
            out("100644", "wb/../x", 1),
            Err(Message::Unusable { .. })
        ));
        assert!(matches!(
            out("100644", "wb/.git/config", 1),
            Err(Message::Unusable { .. })
        ));
        assert!(matches!(
            out("100644", "wbx/a", 1),
            Err(Message::Unusable { .. })
        ));
    }

    #[test]
    fn a_line_of_ls_tree_reads() {
        let line = b"100644 blob 1234567890123456789012345678901234567890      12\twb/a b.md";
        let got = parse_listed(line).expect("reads");
        assert_eq!(got.mode, "100644");
        assert_eq!(got.size, Some(12));
        assert_eq!(got.path, b"wb/a b.md");
    }
}
