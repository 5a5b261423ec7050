//! Embeds the built-in packs: every folder under `phases/` with a
//! `pack.toml` becomes a list of (relative path, bytes) in the binary.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("phases");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut packs: Vec<_> = fs::read_dir(&root)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    packs.retain(|p| p.join("pack.toml").is_file());
    packs.sort();

    let mut out = String::from("pub static BUILTIN: &[(&str, PackFiles)] = &[\n");
    for pack in &packs {
        println!("cargo:rerun-if-changed={}", pack.display());
        let id = pack
            .file_name()
            .and_then(|n| n.to_str())
            .expect("pack folder name is UTF-8");
        let mut files: Vec<_> = fs::read_dir(pack)
            .expect("pack folder is readable")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        writeln!(out, "    ({id:?}, &[").expect("write to string");
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .expect("file name is UTF-8");
            writeln!(
                out,
                "        ({name:?}, include_bytes!({:?})),",
                file.display().to_string()
            )
            .expect("write to string");
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_packs.rs");
    fs::write(dest, out).expect("write builtin_packs.rs");
}
