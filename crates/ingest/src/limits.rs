//! Resource limits that hold for every kind of input: bytes read (regular
//! files, stdin, FIFOs, devices), bytes after decompression per input and in
//! total, and directory walks that visit each directory and file once.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use crate::{decode, Failure, FileOutcome, ReadError};

/// A size limit and the flag that raises it, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limit {
    pub bytes: usize,
    pub flag: &'static str,
}

/// Bytes a stream is read before it is checked for being binary.
const SNIFF: usize = 64 << 10;

/// Reads `path` (`-`: stdin) but never more than `limit.bytes`: reading stops
/// one byte past it. Streams (stdin, FIFOs, devices) are read in chunks and
/// refused as soon as their first 64 kB show they are not text, so
/// `/dev/zero` costs 64 kB, not the limit. Memory is reserved fallibly: an
/// allocation that fails is an error for this input, not an abort.
pub(crate) fn read_bounded(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let too_large = |size: Option<usize>| ReadError::TooLarge { size, limit: limit.bytes, what: "input", flag: limit.flag };
    let io = |e: std::io::Error| ReadError::Io(e.to_string());
    let (mut reader, regular_size): (Box<dyn Read>, Option<usize>) = if path.as_os_str() == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(ReadError::Io("is a directory".into()));
        }
        let size = meta.is_file().then_some(meta.len() as usize);
        (Box::new(file), size)
    };
    let mut buf = Vec::new();
    if let Some(size) = regular_size {
        if size > limit.bytes {
            return Err(too_large(Some(size)));
        }
        reserve(&mut buf, size + 1)?;
        reader.take(limit.bytes as u64 + 1).read_to_end(&mut buf).map_err(io)?;
        if buf.len() > limit.bytes {
            return Err(too_large(None));
        }
        return Ok(buf);
    }
    let mut chunk = vec![0u8; SNIFF];
    let mut sniffed = false;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        if buf.len() + n > limit.bytes {
            return Err(too_large(None));
        }
        reserve(&mut buf, n)?;
        buf.extend_from_slice(&chunk[..n]);
        if !sniffed && buf.len() >= SNIFF {
            sniffed = true;
            decode::refuse_binary_stream(&buf)?;
        }
    }
    Ok(buf)
}

/// Reserves room for `more` bytes, or says why not.
pub(crate) fn reserve(buf: &mut Vec<u8>, more: usize) -> Result<(), ReadError> {
    buf.try_reserve(more)
        .map_err(|_| ReadError::Io(format!("out of memory: cannot hold {} MB more", more.div_ceil(1 << 20))))
}

/// Directories and files already visited in a walk, by device and inode (by
/// canonical path where there are none), so that symbolic links cannot make
/// a walk loop or read a file twice.
#[derive(Default)]
pub(crate) struct Seen(HashSet<(u64, u64)>, HashSet<std::path::PathBuf>);

impl Seen {
    /// True the first time `path`'s target is seen.
    pub fn first_visit(&mut self, path: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let Ok(m) = std::fs::metadata(path) {
                return self.0.insert((m.dev(), m.ino()));
            }
        }
        match std::fs::canonicalize(path) {
            Ok(p) => self.1.insert(p),
            Err(_) => true,
        }
    }
}

/// The batch's budget of bytes after decompression (`--max-total-mb`).
/// Inputs are admitted in input order, whatever order they were read in, so
/// which inputs are refused does not depend on the thread count.
#[derive(Debug)]
pub struct Budget {
    limit: usize,
    used: usize,
    full: bool,
}

impl Budget {
    pub fn new(limit: usize) -> Self {
        Budget { limit, used: 0, full: false }
    }

    /// Whether the budget is spent: every later input is refused unread.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Counts `outcome`'s bytes. The input that goes past the limit, and
    /// every one after it, is refused: its documents are dropped and its
    /// failure says which flag raises the limit.
    pub fn admit(&mut self, shown: &str, outcome: &mut FileOutcome) {
        if !self.full && self.used.saturating_add(outcome.bytes) <= self.limit {
            self.used += outcome.bytes;
            return;
        }
        self.full = true;
        *outcome = self.refuse(shown);
    }

    /// The outcome of an input refused because the budget is spent.
    pub fn refuse(&self, shown: &str) -> FileOutcome {
        FileOutcome {
            failures: vec![Failure { path: shown.to_string(), location: None, error: ReadError::BatchFull { limit: self.limit } }],
            ..FileOutcome::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_refuses_the_input_past_the_limit_and_all_later_ones() {
        let mut budget = Budget::new(100);
        let outcome = |bytes| FileOutcome { bytes, ..FileOutcome::default() };
        let mut a = outcome(60);
        budget.admit("a", &mut a);
        assert!(a.failures.is_empty() && !budget.is_full());
        let mut b = outcome(50);
        budget.admit("b", &mut b);
        assert!(budget.is_full());
        assert_eq!(b.failures[0].to_string(), "b: not read: the batch's inputs reached 1 MB after decompression (raise it with --max-total-mb)");
        // A small input after the limit is refused too: the cut does not depend on sizes read later.
        let mut c = outcome(1);
        budget.admit("c", &mut c);
        assert_eq!(c.failures.len(), 1);
    }

    #[test]
    fn streams_are_read_up_to_the_limit_only() {
        let limit = Limit { bytes: 1 << 20, flag: "--max-mb" };
        let err = read_bounded(Path::new("/dev/zero"), limit).unwrap_err();
        assert!(matches!(err, ReadError::Binary(_)), "{err:?}");
        let dir = std::env::temp_dir().join(format!("newsfuse-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, vec![b'a'; 2 << 20]).unwrap();
        let err = read_bounded(&file, limit).unwrap_err();
        assert_eq!(err.to_string(), "input is too large: 2 MB over the 1 MB limit (raise it with --max-mb)");
        std::fs::write(&file, b"short").unwrap();
        assert_eq!(read_bounded(&file, limit).unwrap(), b"short");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_walked_once() {
        let dir = std::env::temp_dir().join(format!("newsfuse-loop-{}", std::process::id()));
        let d = dir.join("d");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), b"text").unwrap();
        std::os::unix::fs::symlink("../d", d.join("self")).unwrap();
        std::os::unix::fs::symlink(".", d.join("dot")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("a.txt", d.join("b.txt")).unwrap();
        let (files, failures) = crate::collect_inputs(&[d.clone()]);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(files, vec![d.join("a.txt")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
