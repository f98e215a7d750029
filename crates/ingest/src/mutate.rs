//! A small, dependency-free mutation fuzzer for `#[test]`s on stable Rust:
//! seeds from the repository, stacked byte-level and token-level mutations
//! from a fixed-seed generator, and a time budget. It is public so that the
//! readers' harness (`crates/ingest/tests/mutate.rs`) and the analysis harness
//! (`crates/fuse/tests/mutate.rs`) share it; nothing else uses it.
//!
//! `NEWSFUSE_FUZZ_SECS` sets the seconds per target (default 2: CI);
//! `NEWSFUSE_FUZZ_SEED` the generator's seed (default fixed, so CI is
//! reproducible). An input that panics is written to
//! `target/fuzz-failures/` and named in the failure.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tokens that matter to the readers: markup, feed and WARC framing, JSON,
/// bad UTF-8, controls, bidi overrides, quotation marks, gzip magic.
const TOKENS: &[&[u8]] = &[
    b"<", b">", b"</", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&#x", b"&amp", b"&#0;", b"<div>", b"<p>", b"<script>", b"<meta charset=utf-8>",
    b"<item>", b"</item>", b"<entry>", b"</channel>", b"<guid>", b"{", b"}", b"[", b"\"", b"\\u0000", b"\\ud800", b":", b",", b"null",
    b"\r\n\r\n", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"WARC-Type: response\r\n", b"HTTP/1.1 200 OK\r\n", b"\xff", b"\xc3",
    b"\xe2\x80\xae", b"\xef\xbb\xbf", b"\x00", b"\x1b[2J", b"\n", b"\n\n", b"\xe2\x80\x9c", b"\xe2\x80\x9d", b" said ", b"\x1f\x8b", b"2025-13-45",
];

/// xorshift64*: small, fast, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Applies one to four mutations to `input`; `others` are spliced from.
pub fn mutate(rng: &mut Rng, input: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(9) {
            0 if len > 0 => out[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => out[at.min(len - 1)] = rng.next() as u8,
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            4 => {
                let end = (at + rng.below(64)).min(len);
                out.drain(at..end);
            }
            5 => {
                let end = (at + rng.below(256)).min(len);
                let piece = out[at..end].to_vec();
                let most = if rng.below(8) == 0 { 2000 } else { 4 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    out.splice(at..at, piece.iter().copied());
                    if out.len() > 1 << 20 {
                        break;
                    }
                }
            }
            6 if !others.is_empty() => {
                let other = &others[rng.below(others.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(512)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            7 => out.truncate(at),
            _ => {
                // Swap two bytes: out-of-order brackets, quotes, lines.
                if len > 2 {
                    let (a, b) = (rng.below(len), rng.below(len));
                    out.swap(a, b);
                }
            }
        }
    }
    out
}

/// Seconds per target from `NEWSFUSE_FUZZ_SECS` (default 2).
pub fn budget() -> Duration {
    Duration::from_secs_f64(std::env::var("NEWSFUSE_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(2.0))
}

/// The seed files of `dir`, sorted.
pub fn seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Runs `check` on the seeds, then on mutants of them until the budget is
/// spent; returns how many inputs were checked. A panic in `check` (a bug in
/// the code under test or a broken invariant) saves the input and fails with
/// its path, the seed and the iteration.
pub fn run(name: &str, seeds: &[Vec<u8>], check: impl Fn(&[u8])) -> usize {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let seed = std::env::var("NEWSFUSE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_f00d_u64);
    let mut rng = Rng::new(seed ^ name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));
    let started = Instant::now();
    let mut n = 0;
    while n < seeds.len() || started.elapsed() < budget() {
        let input = if n < seeds.len() {
            seeds[n].clone()
        } else {
            let parent = rng.below(seeds.len());
            mutate(&mut rng, &seeds[parent], seeds)
        };
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-failures");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{name}-{seed}-{n}.bin"));
            let _ = std::fs::write(&path, &input);
            panic!("{name}: input {n} (NEWSFUSE_FUZZ_SEED={seed}) failed; saved as {}", path.display());
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutation_is_reproducible_and_bounded() {
        let seed = b"<p>The mayor said.</p>".to_vec();
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..200 {
            let (x, y) = (mutate(&mut a, &seed, &[]), mutate(&mut b, &seed, &[]));
            assert_eq!(x, y);
            assert!(x.len() < 2 << 20);
        }
        assert_ne!(mutate(&mut Rng::new(1), &seed, &[]), mutate(&mut Rng::new(2), &seed, &[]));
    }
}
