//! Atomic output: `-o FILE` is written to a temporary file next to FILE and
//! renamed over it only once complete, so an interrupted or failed run leaves
//! the previous FILE whole (and no half-written one). The temporary file is
//! created before any work, so a target that cannot be written is reported at
//! once, not after the batch.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use newsfuse_ingest::escape_controls;

pub struct Output {
    target: PathBuf,
    /// The temporary file; `None` once renamed.
    temp: Option<(PathBuf, File)>,
}

fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

impl Output {
    /// Creates the temporary file in `target`'s directory.
    pub fn create(target: &Path) -> Result<Output, String> {
        let cannot = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", shown(target));
        if target.is_dir() {
            return Err(cannot(&"is a directory"));
        }
        let name = target.file_name().ok_or_else(|| cannot(&"not a file name"))?.to_string_lossy();
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        for attempt in 0..100u32 {
            let temp = dir.join(format!(".{name}.newsfuse-{}-{attempt}.tmp", std::process::id()));
            match File::options().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(Output {
                        target: target.to_path_buf(),
                        temp: Some((temp, file)),
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(cannot(&e)),
            }
        }
        Err(cannot(&"no free temporary file name"))
    }

    /// Where the output goes until [`Output::commit`].
    pub fn file(&mut self) -> &mut File {
        // `temp` is `None` only after `commit`, which consumes `self`.
        &mut self.temp.as_mut().expect("output not yet committed").1
    }

    /// Flushes the temporary file to disk and renames it over the target.
    pub fn commit(mut self) -> Result<(), String> {
        let cannot = |e: std::io::Error| format!("cannot write {}: {e}", shown(&self.target));
        let Some((temp, mut file)) = self.temp.take() else {
            return Ok(());
        };
        let done = file.flush().and_then(|()| file.sync_all()).and_then(|()| std::fs::rename(&temp, &self.target));
        if let Err(e) = done {
            let _ = std::fs::remove_file(&temp);
            return Err(cannot(e));
        }
        Ok(())
    }
}

impl Drop for Output {
    /// Not committed (an error, a panic): the temporary file goes, the target stays as it was.
    fn drop(&mut self) {
        if let Some((temp, _)) = self.temp.take() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".tmp")).collect()
    }

    #[test]
    fn the_target_changes_only_on_commit() {
        let dir = std::env::temp_dir().join(format!("newsfuse-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("report.json");
        std::fs::write(&target, "previous").unwrap();
        let mut out = Output::create(&target).unwrap();
        out.file().write_all(b"half").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
        drop(out);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
        assert!(leftovers(&dir).is_empty());
        let mut out = Output::create(&target).unwrap();
        out.file().write_all(b"new").unwrap();
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(leftovers(&dir).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn unwritable_targets_fail_at_once() {
        let err = Output::create(Path::new("/nonexistent/x.json")).err().unwrap();
        assert!(err.starts_with("cannot write /nonexistent/x.json: "), "{err}");
        let err = Output::create(&std::env::temp_dir()).err().unwrap();
        assert!(err.ends_with("is a directory"), "{err}");
        let err = Output::create(Path::new("/nonexistent/\u{1b}[31mred")).err().unwrap();
        assert!(err.contains("\\u{1b}[31mred") && !err.contains('\u{1b}'), "{err}");
    }
}
