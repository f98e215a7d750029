//! HTML pages: main text and news metadata through `newsfuse-extract`.
//!
//! With the `peer-extractors` feature, the main text can come from
//! rs-trafilatura or dom_smoothie instead (metadata always comes from
//! newsfuse-extract), so the comparison in README's results table can be
//! reproduced: `cargo run --release --features peer-extractors -- eval aeb ... --extractor trafilatura`.

use newsfuse_doc::BlockKind;

use crate::news::Block;
use crate::{dates, Meta, ReadError};

/// Which main-text extractor to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extractor {
    /// newsfuse-extract: our own parser and content scorer (the fastest and most accurate measured).
    #[default]
    Newsfuse,
    /// rs-trafilatura, a Rust port of trafilatura (feature `peer-extractors`).
    #[cfg(feature = "peer-extractors")]
    Trafilatura,
    /// dom_smoothie, a port of Mozilla's Readability.js (feature `peer-extractors`).
    #[cfg(feature = "peer-extractors")]
    Readability,
}

impl std::str::FromStr for Extractor {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "newsfuse" => Ok(Extractor::Newsfuse),
            #[cfg(feature = "peer-extractors")]
            "trafilatura" => Ok(Extractor::Trafilatura),
            #[cfg(feature = "peer-extractors")]
            "readability" | "dom_smoothie" => Ok(Extractor::Readability),
            other => Err(format!(
                "unknown extractor {other:?} (newsfuse{})",
                if cfg!(feature = "peer-extractors") { ", trafilatura, readability" } else { "; build with --features peer-extractors for trafilatura, readability" }
            )),
        }
    }
}

/// The extracted article: text blocks plus page metadata.
pub struct Page {
    pub blocks: Vec<Block>,
    pub meta: Meta,
}

pub fn extract(html: &str, extractor: Extractor) -> Result<Page, ReadError> {
    let x = newsfuse_extract::extract(html);
    let blocks = match extractor {
        Extractor::Newsfuse => x.blocks.into_iter().map(convert).collect(),
        #[cfg(feature = "peer-extractors")]
        other => peers::extract(html, other, x.title.as_deref())?,
    };
    // Metadata formats first; then a date written out in prose ("Updated July 9, 2025").
    let parse = |raw: &str| dates::parse(raw).or_else(|| newsfuse_extract::dates::find_date(raw).and_then(|iso| dates::parse(&iso)));
    let meta = Meta {
        outlet: x.site_name,
        url: x.url,
        title: x.title,
        authors: x.authors,
        published: x.published.as_deref().and_then(parse),
        modified: x.modified.as_deref().and_then(parse),
        language: x.lang,
        ..Meta::default()
    };
    Ok(Page { blocks, meta })
}

fn convert(b: newsfuse_extract::Block) -> Block {
    let kind = match b.kind {
        newsfuse_extract::BlockKind::Body => BlockKind::Body,
        newsfuse_extract::BlockKind::Heading => BlockKind::Heading,
        newsfuse_extract::BlockKind::Item => BlockKind::Item,
        newsfuse_extract::BlockKind::Quote => BlockKind::Quote,
    };
    Block { text: b.text, kind }
}

/// Turns an HTML fragment (a feed item's body, a JSONL `content` field) into
/// blocks. Unlike [`extract`] it keeps everything: the fragment is the article.
pub(crate) fn fragment_blocks(html: &str) -> Vec<Block> {
    newsfuse_extract::fragment_blocks(html).into_iter().map(convert).collect()
}

#[cfg(feature = "peer-extractors")]
mod peers {
    use std::borrow::Cow;
    use std::panic::{catch_unwind, AssertUnwindSafe};

    use super::{Block, Extractor, ReadError};

    /// The peers parse with html5ever, whose scope checks are linear in the
    /// depth of the open-element stack: pathological nesting is flattened first.
    const MAX_NESTING: usize = 256;

    pub fn extract(html: &str, extractor: Extractor, title: Option<&str>) -> Result<Vec<Block>, ReadError> {
        let html = limit_nesting(html, MAX_NESTING);
        let text = match extractor {
            Extractor::Trafilatura => {
                let options = rs_trafilatura::Options::default();
                match catch_unwind(AssertUnwindSafe(|| rs_trafilatura::extract_with_options(&html, &options))) {
                    Ok(Ok(result)) => result.content_text,
                    Ok(Err(e)) => return Err(ReadError::Extraction(e.to_string())),
                    Err(_) => return Err(ReadError::Extraction("the trafilatura extractor panicked on this page".into())),
                }
            }
            Extractor::Readability => {
                let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
                let run = || -> Result<String, String> {
                    let mut r = dom_smoothie::Readability::new(&*html, None, Some(cfg)).map_err(|e| e.to_string())?;
                    Ok(r.parse().map_err(|e| e.to_string())?.text_content.to_string())
                };
                match catch_unwind(AssertUnwindSafe(run)) {
                    Ok(Ok(text)) => text,
                    Ok(Err(e)) => return Err(ReadError::Extraction(e)),
                    Err(_) => return Err(ReadError::Extraction("the readability extractor panicked on this page".into())),
                }
            }
            Extractor::Newsfuse => unreachable!("handled by the caller"),
        };
        let mut blocks: Vec<Block> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(Block::body).collect();
        if blocks.first().is_some_and(|b| Some(b.text.as_str()) == title) {
            blocks.remove(0);
        }
        Ok(blocks)
    }

    /// Removes the tags (not the text) of elements nested deeper than `max_depth`.
    fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
        let mut out = String::with_capacity(html.len());
        let (mut depth, mut excess, mut copied, mut changed) = (0usize, 0usize, 0usize, false);
        let bytes = html.as_bytes();
        let mut i = 0;
        while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
            let start = i + off;
            let closing = bytes.get(start + 1) == Some(&b'/');
            let name_start = start + 1 + closing as usize;
            let name_end = bytes[name_start..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |p| name_start + p);
            let Some(close) = bytes[name_end..].iter().position(|&b| b == b'>').map(|p| name_end + p) else { break };
            let name = html[name_start..name_end].to_ascii_lowercase();
            let counted = matches!(name.as_str(), "div" | "span" | "section" | "article" | "main" | "aside" | "nav" | "header" | "footer" | "blockquote" | "ul" | "ol" | "table" | "font" | "b" | "i" | "em" | "strong" | "a" | "form" | "figure");
            let drop = counted && bytes[close - 1] != b'/' && if closing {
                depth = depth.saturating_sub(1);
                excess > 0 && { excess -= 1; true }
            } else {
                depth += 1;
                depth > max_depth && { excess += 1; true }
            };
            if drop {
                out.push_str(&html[copied..start]);
                copied = close + 1;
                changed = true;
            }
            i = close + 1;
        }
        if !changed {
            return Cow::Borrowed(html);
        }
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let page = extract(html, Extractor::Newsfuse).unwrap();
        assert_eq!(page.meta.title.as_deref(), Some("Bridge falls"));
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts[0].starts_with("The old rail bridge"), "{texts:?}");
        assert!(page.blocks.iter().any(|b| b.kind == BlockKind::Heading && b.text == "What happens next"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("All rights reserved")));
    }

    #[test]
    fn fragment_keeps_paragraphs_and_headings() {
        let blocks = fragment_blocks("<p>First <b>bold</b> para.</p><h2>Section</h2><p>Second.</p><figure><img src=x><figcaption>A caption</figcaption></figure><script>x()</script>");
        let got: Vec<(&str, BlockKind)> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(got, vec![("First bold para.", BlockKind::Body), ("Section", BlockKind::Heading), ("Second.", BlockKind::Body)]);
    }
}
