//! Embeds the sample corpus (`examples/corpus`) so `newsfuse read` with no
//! paths works from any directory.
use std::{env, fs, path::PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../examples/corpus");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries: Vec<PathBuf> = fs::read_dir(&root).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    entries.sort();
    let mut code = String::from("/// The built-in sample corpus: (file name, bytes).\npub static SAMPLE_CORPUS: &[(&str, &[u8])] = &[\n");
    for path in entries.iter().filter(|p| p.is_file()) {
        let name = path.file_name().unwrap().to_string_lossy();
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!("    ({name:?}, include_bytes!({:?})),\n", path.canonicalize().unwrap()));
    }
    code.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("sample_corpus.rs"), code).unwrap();
}
