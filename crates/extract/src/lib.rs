//! Fast news-article main-text and metadata extraction.
//!
//! ```
//! let page = "<html><head><title>Dam holds | Herald</title></head><body>\
//!   <h1>Dam holds</h1><article><p>Engineers said on Monday that the dam held through the storm, \
//!   and that the valley would not be evacuated.</p></article></body></html>";
//! let x = newsfuse_extract::extract(page);
//! assert_eq!(x.title.as_deref(), Some("Dam holds"));
//! assert_eq!(x.blocks.len(), 1);
//! ```
//!
//! The parser is a purpose-built tokenizer/tree builder ([`dom`]) rather than
//! html5ever: extraction needs text structure, not a spec-exact DOM, and the
//! flat arena makes every pass iterative (no recursion on DOM depth).

pub mod content;
pub mod dates;
pub mod dom;
pub mod meta;
pub mod names;
pub mod text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Body,
    Heading,
    Item,
    Quote,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Main article text in document order; whitespace collapsed, entities
    /// decoded. The headline `<h1>` is not included.
    pub blocks: Vec<Block>,
    /// The article headline, without a `| Site name` suffix.
    pub title: Option<String>,
    /// Person names.
    pub authors: Vec<String>,
    /// Publication date as found in the page (the caller parses it).
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// `og:url` or canonical URL.
    pub url: Option<String>,
    pub lang: Option<String>,
    /// Last-update date the page declares (raw, as found), when it declares one.
    pub modified: Option<String>,
    /// Share (0..1) of the page's prose-like text that ended up in `blocks`.
    /// Low values mean the page had several competing text regions and the
    /// choice is less certain; a caller may then try a slower extractor.
    pub confidence: f32,
}

impl Extracted {
    /// Blocks joined by blank lines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }
}

/// Extracts the main text and metadata of an HTML page. Never panics; linear
/// time in the input size (bounded look-ups aside), stack use independent of
/// nesting depth.
pub fn extract(html: &str) -> Extracted {
    let doc = dom::Document::parse(html);
    let content = content::extract(&doc);
    let meta = meta::read(&doc, content.headline);
    // The headline is metadata, not body text.
    let title_norm = meta.title.as_deref().map(content::norm);
    let blocks = content
        .blocks
        .into_iter()
        .zip(content.is_h1)
        .filter(|(b, h1)| !(*h1 && title_norm.as_deref().is_some_and(|t| content::norm(&b.text) == t)))
        .map(|(b, _)| b)
        .collect();
    let published = choose_date(&meta);
    Extracted {
        blocks,
        title: meta.title,
        authors: meta.authors,
        published,
        site_name: meta.site_name,
        url: meta.url,
        lang: meta.lang,
        modified: meta.modified,
        confidence: content.confidence,
    }
}

/// Text blocks of an HTML fragment that is all article (a feed item's body):
/// everything visible is kept, in order, typed like [`extract`]'s blocks.
pub fn fragment_blocks(html: &str) -> Vec<Block> {
    content::all_blocks(&dom::Document::parse(html))
}

/// Publication date: metadata first (`datePublished` and kin); pages
/// without it get the date shown under the headline or in a date element
/// (as `YYYY-MM-DD`). Preferring a shown "Updated …" date over
/// `datePublished` was tried and loses: annotators mostly keep the
/// publication date.
fn choose_date(meta: &meta::Meta) -> Option<String> {
    meta.published
        .clone()
        .or_else(|| meta.headline_date.clone())
        .or_else(|| meta.text_dates.first().cloned())
}
