//! HTML pages: main text through rs-trafilatura (or dom_smoothie), news
//! metadata through [`crate::meta`], and a guard against pathological nesting.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use newsfuse_doc::BlockKind;
use scraper::Html;

use crate::meta::{self, PageMeta};
use crate::news::Block;
use crate::ReadError;

/// Which main-text extractor to use. Both were measured on AEB and WCXB
/// (see README, "Results"); the default is the better one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extractor {
    /// rs-trafilatura: a Rust port of trafilatura with page-type profiles.
    #[default]
    Trafilatura,
    /// dom_smoothie: a port of Mozilla's Readability.js.
    Readability,
}

impl std::str::FromStr for Extractor {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "trafilatura" => Ok(Extractor::Trafilatura),
            "readability" | "dom_smoothie" => Ok(Extractor::Readability),
            other => Err(format!("unknown extractor {other:?} (trafilatura, readability)")),
        }
    }
}

/// Deeper nesting than this is flattened before parsing. Real pages stay
/// well under 100 levels; html5ever's scope checks are linear in the depth of
/// the open-element stack, so a 100,000-deep page would take quadratic time.
const MAX_NESTING: usize = 256;

/// The extracted article: text blocks plus page metadata.
pub struct Page {
    pub blocks: Vec<Block>,
    pub meta: PageMeta,
    /// Notes on how the page was read (e.g. nesting flattened).
    pub flags: Vec<&'static str>,
}

pub fn extract(html: &str, extractor: Extractor) -> Result<Page, ReadError> {
    let mut flags = Vec::new();
    let html = match limit_nesting(html, MAX_NESTING) {
        Cow::Borrowed(h) => Cow::Borrowed(h),
        Cow::Owned(h) => {
            flags.push("nesting-flattened");
            Cow::Owned(h)
        }
    };
    let parsed = Html::parse_document(&html);
    let page_meta = meta::read(&parsed, &html);
    drop(parsed);

    let text = match extractor {
        Extractor::Trafilatura => run_trafilatura(&html)?,
        Extractor::Readability => run_readability(&html)?,
    };
    let mut blocks = Vec::new();
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let kind = if page_meta.headings.contains(line) { BlockKind::Heading } else { BlockKind::Body };
        blocks.push(Block { text: line.to_string(), kind });
    }
    // The headline itself is metadata, not body.
    if let (Some(first), Some(title)) = (blocks.first(), page_meta.title.as_deref()) {
        if first.text == title {
            blocks.remove(0);
        }
    }
    Ok(Page {
        blocks,
        meta: page_meta,
        flags,
    })
}

fn run_trafilatura(html: &str) -> Result<String, ReadError> {
    let options = rs_trafilatura::Options::default();
    match catch_unwind(AssertUnwindSafe(|| rs_trafilatura::extract_with_options(html, &options))) {
        Ok(Ok(result)) => Ok(result.content_text),
        Ok(Err(e)) => Err(ReadError::Extraction(e.to_string())),
        Err(_) => Err(ReadError::Extraction("the trafilatura extractor panicked on this page".into())),
    }
}

fn run_readability(html: &str) -> Result<String, ReadError> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let run = || -> Result<String, String> {
        let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
        let article = r.parse().map_err(|e| e.to_string())?;
        Ok(article.text_content.to_string())
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(ReadError::Extraction(e)),
        Err(_) => Err(ReadError::Extraction("the readability extractor panicked on this page".into())),
    }
}

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Removes the tags (not the text) of elements nested deeper than
/// `max_depth`. Returns the input untouched, without copying, when it is
/// shallow enough, which is every real page.
pub fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    if max_depth_estimate(html) <= max_depth {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let Some((end, tag)) = scan_tag(bytes, start) else {
            i = start + 1;
            continue;
        };
        let keep = match tag {
            Tag::Open => {
                depth += 1;
                if depth > max_depth {
                    excess += 1;
                    false
                } else {
                    true
                }
            }
            Tag::Close => {
                depth = depth.saturating_sub(1);
                if excess > 0 {
                    excess -= 1;
                    false
                } else {
                    true
                }
            }
            Tag::Other => true,
        };
        if !keep {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

enum Tag {
    Open,
    Close,
    Other,
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Reads the tag starting at `start` (a `<`); returns the index after its `>`.
fn scan_tag(bytes: &[u8], start: usize) -> Option<(usize, Tag)> {
    let mut j = start + 1;
    let closing = bytes.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let name_start = j;
    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start {
        return None;
    }
    let name = std::str::from_utf8(&bytes[name_start..j]).ok()?.to_ascii_lowercase();
    let close = bytes[j..].iter().position(|&b| b == b'>')? + j;
    let self_closing = close > 0 && bytes[close - 1] == b'/';
    let end = close + 1;
    // Only elements that must be closed explicitly are counted: an unclosed
    // <p> or <li> is closed implicitly by the parser and must not add depth.
    let counted = matches!(
        name.as_str(),
        "div" | "span" | "section" | "article" | "main" | "aside" | "nav" | "header" | "footer" | "blockquote" | "ul" | "ol"
            | "table" | "font" | "b" | "i" | "em" | "strong" | "a" | "center" | "small" | "big" | "u" | "s" | "form" | "figure"
    );
    if !counted || VOID_ELEMENTS.contains(&name.as_str()) || self_closing {
        return Some((end, Tag::Other));
    }
    Some((end, if closing { Tag::Close } else { Tag::Open }))
}

/// Upper bound on the nesting depth of explicitly closed elements.
fn max_depth_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        match scan_tag(bytes, start) {
            Some((end, Tag::Open)) => {
                depth += 1;
                max = max.max(depth);
                i = end;
            }
            Some((end, Tag::Close)) => {
                depth = depth.saturating_sub(1);
                i = end;
            }
            Some((end, Tag::Other)) => i = end,
            None => i = start + 1,
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_not_copied() {
        let html = "<div><p>Hello</div>";
        assert!(matches!(limit_nesting(html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let depth = 100_000;
        let html = format!("<html><body>{}<p>deep text</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let flat = limit_nesting(&html, 50);
        assert_eq!(max_depth_estimate(&flat), 50);
        assert!(flat.contains("<p>deep text</p>"));
    }

    #[test]
    fn extracts_article_and_marks_headings() {
        let html = r#"<html><head><title>Bridge falls | Herald</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge falls</h1>
<p>The old rail bridge over the Varna river collapsed on Monday morning, officials in Port Elvara said, leaving the eastern districts cut off from the city centre for the first time in decades.</p>
<h2>What happens next</h2>
<p>Engineers from the national railway company arrived on Tuesday to inspect the remaining pylons, and the transport minister promised a temporary crossing within a month.</p>
<p>Residents said they had warned the city council about cracks in the structure for years, but repairs were repeatedly postponed because of budget cuts.</p>
</article><footer>© 2025 Herald. All rights reserved.</footer></body></html>"#;
        let page = extract(html, Extractor::Trafilatura).unwrap();
        assert_eq!(page.meta.title.as_deref(), Some("Bridge falls"));
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts[0].starts_with("The old rail bridge"), "{texts:?}");
        assert!(page.blocks.iter().any(|b| b.kind == BlockKind::Heading && b.text == "What happens next"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("All rights reserved")));
    }
}

/// Turns an HTML fragment (a feed item's body, a JSONL `content` field) into
/// blocks. Unlike [`extract`] it keeps everything: the fragment is the article.
pub(crate) fn fragment_blocks(html: &str) -> Vec<Block> {
    use ego_tree::iter::Edge;
    use scraper::Node;

    let html = limit_nesting(html, MAX_NESTING);
    let fragment = Html::parse_fragment(&html);
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut kind = BlockKind::Body;
    let mut skip_depth = 0usize;
    let flush = |current: &mut String, kind: &mut BlockKind, blocks: &mut Vec<Block>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(Block { text, kind: *kind });
        }
        current.clear();
        *kind = BlockKind::Body;
    };
    for edge in fragment.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip_depth == 0 => current.push_str(t),
                Node::Element(el) => {
                    let name = el.name();
                    if matches!(name, "script" | "style" | "figcaption" | "noscript" | "template" | "iframe" | "svg") {
                        skip_depth += 1;
                    } else if is_block(name) {
                        flush(&mut current, &mut kind, &mut blocks);
                        kind = match name {
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                            "li" => BlockKind::Item,
                            "blockquote" => BlockKind::Quote,
                            _ => BlockKind::Body,
                        };
                    } else if name == "br" {
                        current.push('\n');
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if matches!(name, "script" | "style" | "figcaption" | "noscript" | "template" | "iframe" | "svg") {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if is_block(name) {
                        flush(&mut current, &mut kind, &mut blocks);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut kind, &mut blocks);
    blocks
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "section" | "article" | "pre" | "tr" | "table"
            | "ul" | "ol" | "figure" | "header" | "footer" | "aside" | "dd" | "dt" | "hr"
    )
}

#[cfg(test)]
mod fragment_tests {
    use super::*;

    #[test]
    fn fragment_keeps_paragraphs_and_headings() {
        let blocks = fragment_blocks("<p>First <b>bold</b> para.</p><h2>Section</h2><p>Second.</p><figure><img src=x><figcaption>A caption</figcaption></figure><script>x()</script>");
        let got: Vec<(&str, BlockKind)> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(got, vec![("First bold para.", BlockKind::Body), ("Section", BlockKind::Heading), ("Second.", BlockKind::Body)]);
    }
}
