//! Ingest: turns what users have (HTML pages, RSS/Atom/JSON feeds, JSONL,
//! WARC, plain text; gzipped or not; in any common encoding) into
//! [`Document`]s with clean, paragraph-preserving text and news metadata.
//!
//! Entry points: [`read_file`] for a path on disk, [`read_bytes`] for bytes
//! from anywhere (stdin, a WARC record), [`collect_inputs`] to expand
//! directories. A file that cannot be read yields [`Failure`]s naming the
//! path (and line or item) and the reason; it never panics and never stops
//! the rest of a batch.
//!
//! Ingest knows nothing about sentences, tokens or language: the text stage
//! adds those to the documents it returns.
//!
//! ```
//! use newsfuse_ingest::{read_bytes, ReadOptions};
//!
//! let feed = br#"{"id": "a1", "source": "Beacon", "date": "2025-05-19", "text": "Talks resumed.\n\nThey ended at noon."}
//! {"id": "a2", "text": "#;
//! let outcome = read_bytes("feed.jsonl", "feed.jsonl", feed, &ReadOptions::default());
//! let doc = &outcome.documents[0];
//! assert_eq!((doc.id.as_str(), doc.outlet.as_deref()), ("a1", Some("Beacon")));
//! assert_eq!(doc.published.date.as_deref(), Some("2025-05-19"));
//! assert_eq!(doc.text, "Talks resumed.\n\nThey ended at noon.");
//! assert_eq!(doc.paragraphs.len(), 2);
//! // The bad line is reported with its location; the good one is kept.
//! assert_eq!(outcome.failures[0].location.as_deref(), Some("line 2"));
//! ```

mod dates;
mod decode;
mod feed;
mod html;
mod jsonl;
mod limits;
#[doc(hidden)]
pub mod mutate;
pub mod news;
mod plain;
mod warc_reader;

use std::fmt;
use std::path::{Path, PathBuf};

use newsfuse_doc::{DateProvenance, Document, Format, Origin, Paragraph, Published, Span};
use unicode_normalization::UnicodeNormalization;

pub use html::Extractor;
pub use limits::Budget;
use news::Block;

/// Why an input (or one item of it) could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Io(String),
    Empty,
    Binary(String),
    Corrupt(String),
    /// `size` is `None` when reading stopped at the limit (a stream, a device).
    TooLarge { size: Option<usize>, limit: usize, what: &'static str, flag: &'static str },
    /// More documents than `--max-docs`; the first ones were kept.
    TooManyDocuments { limit: usize },
    /// A gzip stream that inflates more than `ratio` times its size.
    Bomb { ratio: usize },
    /// Not read: the batch's total after decompression reached its limit.
    BatchFull { limit: usize },
    Encoding(String),
    Parse(String),
    Extraction(String),
    NoText,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::Empty => write!(f, "empty input"),
            ReadError::Binary(why) => write!(f, "not a text document ({why})"),
            ReadError::Corrupt(why) => write!(f, "{why}"),
            ReadError::TooLarge { size: Some(size), limit, what, flag } => {
                write!(f, "{what} is too large: {} MB over the {} MB limit (raise it with {flag})", size / (1 << 20), mb(*limit))
            }
            ReadError::TooLarge { size: None, limit, what, flag } => write!(f, "{what} is too large: more than the {} MB limit (raise it with {flag})", mb(*limit)),
            ReadError::TooManyDocuments { limit } => write!(f, "more than {limit} documents: the first {limit} are kept (raise it with --max-docs)"),
            ReadError::Bomb { ratio } => write!(f, "gzip stream inflates more than {ratio} times its size, a compression bomb? (raise it with --max-ratio)"),
            ReadError::BatchFull { limit } => write!(f, "not read: the batch's inputs reached {} MB after decompression (raise it with --max-total-mb)", mb(*limit)),
            ReadError::Encoding(why) => write!(f, "cannot decode text: {why}"),
            ReadError::Parse(why) => write!(f, "{why}"),
            ReadError::Extraction(why) => write!(f, "main-text extraction failed: {why}"),
            ReadError::NoText => write!(f, "no article text found"),
        }
    }
}

/// A read failure, located precisely enough for a user to find the culprit.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub path: String,
    /// `line 7`, `item 2 (guid ...)`, `record 3`.
    pub location: Option<String>,
    pub error: ReadError,
}

/// Limits are shown in whole MB, rounded up so that a small limit is not shown as 0.
fn mb(bytes: usize) -> usize {
    bytes.div_ceil(1 << 20)
}

impl fmt::Display for Failure {
    /// Paths, item ids and parser messages come from the input: control
    /// characters in them (terminal escapes) are shown escaped, never raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = match &self.location {
            Some(loc) => format!("{}: {loc}: {}", self.path, self.error),
            None => format!("{}: {}", self.path, self.error),
        };
        f.write_str(&escape_controls(&shown))
    }
}

/// `s` with control and bidirectional-formatting characters written as
/// `\u{..}` escapes, for messages printed on a terminal.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hazard(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Control characters (C0 but tab and newline, DEL, C1) and the bidi
/// embedding, override and isolate controls, which can make text display as
/// something else than it is.
pub fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub extractor: Extractor,
    /// Largest single-document input, in bytes read and after decompression
    /// (`--max-mb`).
    pub max_bytes: usize,
    /// Largest JSONL / WARC / JSON input (files that hold many documents), in
    /// bytes read and after decompression (`--max-container-mb`).
    pub max_container_bytes: usize,
    /// A gzip stream may inflate at most this many times its compressed size
    /// once it is past 1 MB (`--max-ratio`).
    pub max_ratio: usize,
    /// Documents kept from one input (`--max-docs`).
    pub max_documents: usize,
    /// Format to assume instead of detecting it.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            extractor: Extractor::default(),
            max_bytes: 32 << 20,
            max_container_bytes: 512 << 20,
            max_ratio: 100,
            max_documents: 100_000,
            format: None,
        }
    }
}

/// What one input file gave: its documents and the failures of the parts
/// that could not be read. Both can be non-empty (a feed with one bad item).
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub documents: Vec<Document>,
    pub failures: Vec<Failure>,
    /// Bytes of the input after decompression (what counts toward
    /// `--max-total-mb`).
    pub bytes: usize,
}

impl FileOutcome {
    fn failed(path: &str, error: ReadError) -> Self {
        FileOutcome {
            documents: Vec::new(),
            failures: vec![Failure {
                path: path.to_string(),
                location: None,
                error,
            }],
            bytes: 0,
        }
    }
}

const EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "xml", "rss", "atom", "json", "jsonl", "ndjson", "warc", "gz"];

/// Expands directories (recursively, in sorted order so output is
/// deterministic) into the files newsfuse can read. Hidden files are skipped,
/// and so are FIFOs, sockets and devices inside directories (a path named on
/// the command line is read whatever it is). Symbolic links are followed, but
/// each directory and each file is visited once: a link back to a directory
/// already walked (a loop) or to a file already listed adds nothing.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Failure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut seen = limits::Seen::default();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut files, &mut failures, &mut seen),
            Ok(_) => files.push(path.clone()),
            Err(e) => failures.push(Failure {
                path: path.display().to_string(),
                location: None,
                error: ReadError::Io(e.to_string()),
            }),
        }
    }
    (files, failures)
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<Failure>, seen: &mut limits::Seen) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if !seen.first_visit(&dir) {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                failures.push(Failure {
                    path: dir.display().to_string(),
                    location: None,
                    error: ReadError::Io(e.to_string()),
                });
                continue;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        let mut subdirs = Vec::new();
        for child in children {
            let name = child.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            // `metadata` follows links; a dangling link is skipped like a missing file.
            let Ok(meta) = std::fs::metadata(&child) else { continue };
            if meta.is_dir() {
                subdirs.push(child);
            } else if meta.is_file() && has_known_extension(&child) && seen.first_visit(&child) {
                files.push(child);
            }
        }
        // Reverse so the stack pops subdirectories in sorted order.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// The size limit for an input of this name, and the flag that raises it.
/// Containers (JSONL, WARC) hold many documents, so a corpus file may be far
/// larger than any one page; so may stdin and other streams, whose name says
/// nothing.
fn limit_for(name: &str, options: &ReadOptions) -> limits::Limit {
    let lower = name.to_ascii_lowercase();
    let lower = lower.trim_end_matches(".gz");
    if lower == "stdin" || [".jsonl", ".ndjson", ".warc", ".json"].iter().any(|ext| lower.ends_with(ext)) {
        limits::Limit { bytes: options.max_container_bytes, flag: "--max-container-mb" }
    } else {
        limits::Limit { bytes: options.max_bytes, flag: "--max-mb" }
    }
}

fn has_known_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads one file (or `-` for stdin). Every kind of file (regular, FIFO,
/// device, stdin) is read through the same bound: reading stops one byte past
/// the limit, and a stream of binary bytes (`/dev/zero`) is refused after its
/// first 64 kB.
pub fn read_file(path: &Path, options: &ReadOptions) -> FileOutcome {
    let shown = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    let name = if stdin { "stdin".to_string() } else { file_name(path) };
    let bytes = match limits::read_bounded(path, limit_for(&name, options)) {
        Ok(b) => b,
        Err(e) => return FileOutcome::failed(&shown, e),
    };
    read_bytes(&shown, &name, &bytes, options)
}

fn file_name(path: &Path) -> String {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("input").to_string()
}

/// Reads the bytes of one input. `shown` is the path used in messages and
/// origins; `name` is its file name, used for ids and format detection.
pub fn read_bytes(shown: &str, name: &str, bytes: &[u8], options: &ReadOptions) -> FileOutcome {
    let limit = limit_for(name, options);
    if bytes.len() > limit.bytes {
        return FileOutcome::failed(
            shown,
            ReadError::TooLarge {
                size: Some(bytes.len()),
                limit: limit.bytes,
                what: "input",
                flag: limit.flag,
            },
        );
    }
    let (bytes, name) = if decode::is_gzip(bytes) {
        match decode::gunzip(bytes, limit, options.max_ratio) {
            Ok(b) => (std::borrow::Cow::Owned(b), name.trim_end_matches(".gz").trim_end_matches(".GZ").to_string()),
            Err(e) => return FileOutcome::failed(shown, e),
        }
    } else {
        (std::borrow::Cow::Borrowed(bytes), name.trim_end_matches(".gz").to_string())
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return FileOutcome::failed(shown, ReadError::Empty);
    }
    let format = options.format.unwrap_or_else(|| detect_format(&name, &bytes));
    let stem = stem_of(&name);
    let ctx = Ctx {
        shown,
        stem: &stem,
        options,
    };
    let mut outcome = match format {
        Format::Warc => warc_reader::read(&ctx, &bytes),
        Format::Jsonl => jsonl::read(&ctx, &bytes),
        Format::Rss | Format::Atom | Format::JsonFeed => feed::read(&ctx, &bytes),
        Format::Html => match decode::decode(&bytes, decode::Declared::None, true) {
            Ok(d) => single(shown, html_document(&ctx, &d.text, origin(shown, Format::Html, None, &d), None, None)),
            Err(e) => FileOutcome::failed(shown, e),
        },
        Format::Text => match decode::decode(&bytes, decode::Declared::None, false) {
            Ok(d) => single(shown, plain::read(&ctx, &d.text, origin(shown, Format::Text, None, &d))),
            Err(e) => FileOutcome::failed(shown, e),
        },
    };
    if outcome.documents.len() > options.max_documents {
        outcome.documents.truncate(options.max_documents);
        outcome.failures.push(Failure {
            path: shown.to_string(),
            location: None,
            error: ReadError::TooManyDocuments { limit: options.max_documents },
        });
    }
    outcome.bytes = bytes.len();
    outcome
}

fn single(shown: &str, result: Result<Document, ReadError>) -> FileOutcome {
    match result {
        Ok(doc) => FileOutcome {
            documents: vec![doc],
            ..FileOutcome::default()
        },
        Err(e) => FileOutcome::failed(shown, e),
    }
}

/// Shared state of one file's read.
pub(crate) struct Ctx<'a> {
    pub shown: &'a str,
    pub stem: &'a str,
    pub options: &'a ReadOptions,
}

pub(crate) fn origin(shown: &str, format: Format, item: Option<u32>, decoded: &decode::Decoded) -> Origin {
    Origin {
        path: shown.to_string(),
        format,
        item,
        encoding: Some(if decoded.lossy { format!("{}, lossy", decoded.encoding) } else { decoded.encoding.clone() }),
    }
}

fn stem_of(name: &str) -> String {
    let mut stem = name;
    for ext in [".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".warc", ".md"] {
        if stem.len() > ext.len() && stem.to_ascii_lowercase().ends_with(ext) {
            stem = &stem[..stem.len() - ext.len()];
        }
    }
    stem.to_string()
}

/// Detects the format from the content first and the extension second: a
/// `.txt` holding HTML is HTML.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let head_text = String::from_utf8_lossy(head);
    let trimmed = head_text.trim_start_matches('\u{feff}').trim_start();
    let lower = trimmed.chars().take(1024).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("warc/") {
        return Format::Warc;
    }
    if lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed") || lower.starts_with("<rdf:rdf") {
        if lower.contains("<rss") || lower.contains("<rdf:rdf") {
            return Format::Rss;
        }
        if lower.contains("<feed") {
            return Format::Atom;
        }
        if lower.contains("<html") {
            return Format::Html;
        }
    }
    if lower.starts_with('{') {
        if lower.contains("jsonfeed.org/version") {
            return Format::JsonFeed;
        }
        return Format::Jsonl;
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<head") || lower.starts_with("<body") || lower.starts_with("<!--") && lower.contains("<html") {
        return Format::Html;
    }
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        "rss" => Format::Rss,
        "atom" => Format::Atom,
        "warc" => Format::Warc,
        "xml" if lower.contains("<item") => Format::Rss,
        _ if lower.starts_with('<') && (lower.contains("<p") || lower.contains("<div")) => Format::Html,
        _ => Format::Text,
    }
}

/// Metadata a reader knows before the body is cleaned.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<dates::ParsedDate>,
    pub modified: Option<dates::ParsedDate>,
    pub language: Option<String>,
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub flags: Vec<String>,
}

pub(crate) fn html_document(ctx: &Ctx<'_>, html: &str, origin: Origin, id: Option<String>, fetched_url: Option<String>) -> Result<Document, ReadError> {
    let page = html::extract(html, ctx.options.extractor)?;
    let mut meta = page.meta;
    meta.url = meta.url.or(fetched_url);
    assemble(id.unwrap_or_else(|| ctx.stem.to_string()), origin, page.blocks, meta)
}

/// Builds the document: news clean-up, NFC normalization, paragraph spans,
/// and the publication date with its provenance.
pub(crate) fn assemble(id: String, origin: Origin, mut blocks: Vec<Block>, meta: Meta) -> Result<Document, ReadError> {
    let found = news::clean(&mut blocks);
    if blocks.is_empty() {
        return Err(ReadError::NoText);
    }
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for block in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.extend(block.text.nfc());
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            kind: block.kind,
        });
    }
    let mut doc = Document::new(id, origin, text);
    doc.paragraphs = paragraphs;
    doc.outlet = meta.outlet.map(|s| nfc(&s));
    doc.url = meta.url;
    doc.title = meta.title.map(|s| nfc(&s)).filter(|t| !t.is_empty());
    doc.byline = if meta.authors.is_empty() { found.byline } else { meta.authors };
    doc.byline = doc.byline.iter().map(|s| nfc(s)).collect();
    doc.credits = found.credits.iter().map(|s| nfc(s)).collect();
    doc.dateline = found.dateline;
    let modified = meta.modified.map(|m| m.date);
    doc.published = if let Some(p) = meta.published {
        Published {
            date: Some(p.date),
            partial: None,
            datetime: p.datetime,
            modified: None,
            provenance: DateProvenance::Metadata,
            confidence: Some(1.0),
            evidence: Vec::new(),
        }
    } else if let Some(p) = doc.url.as_deref().and_then(dates::from_url) {
        Published {
            date: Some(p.date),
            partial: None,
            datetime: None,
            modified: None,
            provenance: DateProvenance::Url,
            confidence: Some(0.9),
            evidence: Vec::new(),
        }
    } else {
        Published::default()
    };
    doc.published.modified = modified;
    if let Some(lang) = meta.language {
        doc.language.code = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        doc.language.declared = true;
    }
    doc.extra = meta.extra;
    for flag in meta.flags {
        doc.add_flag(&flag);
    }
    if doc.origin.encoding.as_deref().is_some_and(|e| e.ends_with("lossy")) {
        doc.add_flag("lossy-decoding");
    }
    // A legacy encoding chosen by the detector, with nothing declared: likely
    // right for real legacy text, but a guess, and said so.
    if doc.origin.encoding.as_deref().is_some_and(|e| e.ends_with(" (detected)") && !e.starts_with("UTF-8")) {
        doc.add_flag("encoding-guessed");
    }
    Ok(doc)
}

fn nfc(s: &str) -> String {
    s.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_by_content() {
        assert_eq!(detect_format("a.txt", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect_format("a.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\">"), Format::Rss);
        assert_eq!(detect_format("a.xml", b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Atom);
        assert_eq!(detect_format("a", b"{\"id\": 1}\n{\"id\": 2}"), Format::Jsonl);
        assert_eq!(detect_format("a.json", b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"), Format::JsonFeed);
        assert_eq!(detect_format("a.warc", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(detect_format("a.txt", b"Headline\n\nBody."), Format::Text);
    }

    #[test]
    fn stems() {
        assert_eq!(stem_of("story.html.gz"), "story");
        assert_eq!(stem_of("003_56d8.txt"), "003_56d8");
        assert_eq!(stem_of(".txt"), ".txt");
    }

    #[test]
    fn empty_and_binary_inputs_fail_cleanly() {
        let o = ReadOptions::default();
        let out = read_bytes("e.txt", "e.txt", b"  \n", &o);
        assert_eq!(out.failures[0].error, ReadError::Empty);
        let out = read_bytes("b.bin", "b.bin", b"\x00\x01\x02binary\x00", &o);
        assert!(matches!(out.failures[0].error, ReadError::Binary(_)));
        assert!(out.failures[0].to_string().starts_with("b.bin: not a text document"));
    }
}
