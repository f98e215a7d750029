//! `newsfuse timex --timeml IN_DIR --out OUT_DIR`: TimeML in, TimeML out, for
//! scoring the time stage with `../shared/scorers/score_timex.py`.

use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;

pub fn run(in_dir: &Path, out_dir: &Path) -> Result<ExitCode, String> {
    let mut files: Vec<_> = std::fs::read_dir(in_dir)
        .map_err(|e| format!("{}: {e}", in_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".tml") || s.ends_with(".TE3input")))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .tml or .TE3input files in {}", in_dir.display()));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|path| {
            let raw = match std::fs::read_to_string(path) {
                Ok(r) => r,
                Err(e) => return Some(format!("{}: {e}", path.display())),
            };
            let Some(doc) = newsfuse_time::timeml::Document::parse(&raw) else {
                return Some(format!("{}: no <TEXT> element", path.display()));
            };
            let timexes = newsfuse_time::tag(&doc.text, doc.dct.as_ref());
            let name = path.file_name()?.to_str()?;
            let stem = name.trim_end_matches(".tml").trim_end_matches(".TE3input");
            let out = out_dir.join(format!("{stem}.tml"));
            std::fs::write(&out, doc.render(&timexes)).err().map(|e| format!("{}: {e}", out.display()))
        })
        .collect();
    for f in &failures {
        eprintln!("newsfuse: error: {f}");
    }
    eprintln!("newsfuse: tagged {} of {} files into {}", files.len() - failures.len(), files.len(), out_dir.display());
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
