//! Main-text extraction.
//!
//! 1. Every element is classified once by tag and class/id/role/`hidden`
//!    (pass 1), and the visible text length of every subtree is summed
//!    bottom-up (pass 2), so a furniture-looking name can never remove the
//!    bulk of the page (`<form>` page wrappers, `content-with-sidebar`).
//! 2. One linear walk cuts the visible text into *segments*: runs of inline
//!    text between block boundaries. Dead subtrees (scripts, navigation,
//!    figures, comments/share/related blocks, hidden copies) are jumped over.
//! 3. Each segment gets a signed weight: long, sentence-like, link-poor text
//!    is positive (its length); link lists are negative; short texts are
//!    neutral; teaser blurbs under linked headings are negative.
//! 4. Weights are summed bottom-up; the element with the largest sum is the
//!    article container — it gains every paragraph it holds and pays for every
//!    menu it drags in, so an article split over sibling `<div>`s is taken
//!    whole. Then: an explicit article-body marker holding half that score
//!    wins, and the choice descends while one child holds 90% of the weight.
//!    When the best score is low, a lenient pass that ignores class names is
//!    tried as well (class names lie: `elementor-widget`).
//! 5. The container's segments are emitted in order, minus link-dense ones.
//!
//! Every pass is a loop over the flat arena: no recursion on DOM depth.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::dom::{Document, Tag};
use crate::text::push_collapsed;
use crate::{Block, BlockKind};

/// Class/id substrings that mark non-article furniture regardless of what
/// else the name says (`comment-body` is still a comment).
const STRONG_NEGATIVE: &[&str] = &[
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "newsletter", "subscri", "cookie", "consent", "promo",
    "advert", "sponsor", "breadcrumb", "caption", "outbrain", "taboola", "trending", "popular", "read-more", "readmore", "more-stories",
    "also-read", "skip-link", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "byline", "author", "timestamp", "tag-list",
    "taglist", "article-tags", "post-tags", "entry-tags", "hidden-print", "print-only", "jump-link", "skiplink", "ad-container", "ad-slot",
    "ad-wrapper", "adslot", "adunit", "ad-unit", "signup", "sign-up", "article-meta", "entry-meta", "post-meta", "prev-next", "nextprev",
    "post-nav", "more-news", "more-from", "more-articles", "gallery", "slideshow", "carousel", "donate", "rating",
];

/// Weaker furniture substrings: ignored when the name also says the element
/// is content (`content-with-sidebar`, `article-footer-wrap`), as Readability
/// does with its "maybe a candidate" list.
const NEGATIVE: &[&str] = &[
    "sidebar", "footer", "masthead", "navbar", "navigation", "menu", "banner", "popup", "modal", "toolbar", "pagination", "pager",
    "breaking-news", "dropdown", "overlay", "login", "signin", "subnav", "toc", "follow", "meta-data",
];

/// Names that say "this is content": they cancel the weak negatives.
const MAYBE_CONTENT: &[&str] = &["article", "body", "content", "main", "story", "post", "entry", "text", "column"];

/// Whole class names / ids that mark furniture but are too short or too
/// common to match as substrings ("ad" is in "header", "nav" in "canvas").
const NEGATIVE_TOKENS: &[&str] = &[
    "nav", "ad", "ads", "meta", "hidden", "rail", "skip", "credit", "credits", "date", "dateline", "time", "tags", "header", "print",
    "hide", "aside", "bio", "share", "tools", "utility", "cta", "teaser", "extra", "inline-ad", "adv", "advertisement", "ad-wrap",
    "metadata", "dates", "info",
];

/// Parts of BEM-style names (`Article-meta`, `post__tags`) that mark furniture.
const NEGATIVE_PARTS: &[&str] = &[
    "nav", "meta", "tags", "tag", "share", "byline", "header", "ad", "ads", "dateline", "timestamp", "actions", "badge",
];

/// Class/id substrings that mark the article body itself; they protect an
/// element from the negative patterns and give it a selection bonus.
const POSITIVE: &[&str] = &[
    "articlebody", "article-body", "article_body", "article__body", "article-content", "article__content", "articlecontent",
    "article_content", "story-body", "storybody", "story-content", "story__body", "post-content", "postcontent", "post-body",
    "post_content", "entry-content", "entry_content", "entry-body", "main-content", "body-text", "bodytext", "article-text", "articletext",
    "content-body", "text-body", "rich-text", "richtext", "article__text", "story-text", "post-text", "single-content", "page-content",
    "news-content", "newsbody",
];

struct Patterns {
    strong: AhoCorasick,
    negative: AhoCorasick,
    maybe: AhoCorasick,
    positive: AhoCorasick,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    let build = |p: &[&str]| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(p)
            .expect("static patterns")
    };
    P.get_or_init(|| Patterns {
        strong: build(STRONG_NEGATIVE),
        maybe: build(MAYBE_CONTENT),
        negative: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(NEGATIVE)
            .expect("static patterns"),
        positive: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(POSITIVE)
            .expect("static patterns"),
    })
}

/// What the class/id/role attributes say about an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Neutral,
    Positive,
    Negative,
    /// `hidden`, `aria-hidden=true`, `display:none`: never shown, whatever it
    /// holds (pages hide whole schema.org copies of the article).
    Hidden,
}

/// Tags whose subtrees never hold visible article text.
fn is_dead_tag(t: Tag) -> bool {
    use Tag::*;
    matches!(
        t,
        Head | Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Iframe
            | Object
            | Embed
            | Canvas
            | Video
            | Audio
            | Select
            | Textarea
            | Button
            | Input
            | Dialog
            | Map
            | Datalist
            | Option
            | Title
            | Noembed
            | Noframes
            | Frameset
    )
}

/// Tags that are page furniture by their semantics, unless misused as a
/// page-wide wrapper (ASP.NET wraps whole pages in `<form>`), which the
/// text-share guard catches.
fn is_furniture_tag(t: Tag) -> bool {
    use Tag::*;
    matches!(
        t,
        Nav | Aside | Footer | Figure | Figcaption | Form | Header | Label | Menu | Fieldset
    )
}

/// Reads the attributes that matter for boilerplate detection of element `idx`.
fn classify(doc: &Document, idx: usize, buf: &mut String) -> Verdict {
    buf.clear();
    let mut verdict = Verdict::Neutral;
    for (name, value) in doc.attrs(idx) {
        match name.len() {
            2 if name.eq_ignore_ascii_case(b"id") => push_lower(buf, value),
            5 if name.eq_ignore_ascii_case(b"class") => push_lower(buf, value),
            4 if name.eq_ignore_ascii_case(b"role") => {
                if value.eq_ignore_ascii_case(b"main") || value.eq_ignore_ascii_case(b"article") {
                    verdict = Verdict::Positive;
                } else if [
                    &b"navigation"[..],
                    b"complementary",
                    b"contentinfo",
                    b"banner",
                    b"dialog",
                    b"menu",
                    b"alert",
                    b"search",
                ]
                .iter()
                .any(|r| value.eq_ignore_ascii_case(r))
                {
                    return Verdict::Negative;
                }
            }
            6 if name.eq_ignore_ascii_case(b"hidden") => return Verdict::Hidden,
            8 if name.eq_ignore_ascii_case(b"itemprop") && value.eq_ignore_ascii_case(b"articleBody") => {
                verdict = Verdict::Positive;
            }
            11 if name.eq_ignore_ascii_case(b"aria-hidden") && value.eq_ignore_ascii_case(b"true") => {
                return Verdict::Negative;
            }
            5 if name.eq_ignore_ascii_case(b"style") && is_hidden_style(value) => {
                return Verdict::Hidden;
            }
            _ => {}
        }
    }
    if verdict == Verdict::Positive || buf.is_empty() {
        return verdict;
    }
    let p = patterns();
    if p.positive.is_match(buf.as_str()) {
        return Verdict::Positive;
    }
    if p.strong.is_match(buf.as_str()) {
        return Verdict::Negative;
    }
    if p.maybe.is_match(buf.as_str()) {
        return Verdict::Neutral;
    }
    if p.negative.is_match(buf.as_str()) {
        return Verdict::Negative;
    }
    if buf.split_ascii_whitespace().any(|tok| NEGATIVE_TOKENS.contains(&tok))
        || buf.split_ascii_whitespace().any(|tok| {
            // Only the last part of a BEM name says what the element is:
            // `Page-ad-margins` is a page region, `Article-meta` is furniture.
            tok.rsplit(['-', '_'])
                .next()
                .is_some_and(|last| last != tok && NEGATIVE_PARTS.contains(&last))
        })
    {
        return Verdict::Negative;
    }
    Verdict::Neutral
}

fn push_lower(buf: &mut String, value: &[u8]) {
    buf.push(' ');
    for &c in value {
        // Non-ASCII bytes become '_' so the buffer stays valid UTF-8 and never matches.
        buf.push(if c.is_ascii() { c.to_ascii_lowercase() as char } else { '_' });
    }
}

fn is_hidden_style(v: &[u8]) -> bool {
    let mut s = [0u8; 64];
    let mut n = 0;
    for &c in v {
        if !c.is_ascii_whitespace() && n < s.len() {
            s[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    let s = &s[..n];
    memchr::memmem::find(s, b"display:none").is_some() || memchr::memmem::find(s, b"visibility:hidden").is_some()
}

/// A run of inline text between block boundaries.
struct Segment {
    /// Innermost open block element: the segment's weight goes there.
    owner: u32,
    text: (usize, usize),
    link_len: usize,
    kind: BlockKind,
    /// Heading level when inside `<h1>`–`<h6>`.
    heading: u8,
    /// Contribution to the container score (see `weight`).
    weight: f32,
}

/// State of the segmenting walk.
struct Walker {
    buf: String,
    seg_start: usize,
    link_len: usize,
    space: bool,
    segments: Vec<Segment>,
}

impl Walker {
    fn flush(&mut self, doc: &Document, owner: u32, kind: BlockKind, heading: u8) {
        // The shared buffer is never empty after the first segment, so
        // `push_collapsed` may have put a separator at this segment's start.
        if self.buf[self.seg_start..].starts_with(' ') {
            self.seg_start += 1;
        }
        if self.buf.len() > self.seg_start {
            let text = &self.buf[self.seg_start..];
            let mut weight = weight(text, self.link_len);
            // Short prose right after a linked heading, both inside a small
            // card, is a teaser for another page (related / more-stories
            // lists). Listicles ("1. Camera X" linking to a shop) keep their
            // prose: there the text is longer or sits in the article body.
            if let Some(prev) = self.segments.last() {
                let prev_len = prev.text.1 - prev.text.0;
                if weight > 0.0
                    && text.len() < 400
                    && prev.heading > 0
                    && prev.link_len * 2 > prev_len
                    && in_small_card(doc, prev.owner, owner)
                {
                    weight = -0.3 * text.len() as f32;
                }
            }
            self.segments.push(Segment {
                owner,
                text: (self.seg_start, self.buf.len()),
                link_len: self.link_len,
                kind,
                heading,
                weight,
            });
        }
        self.seg_start = self.buf.len();
        self.link_len = 0;
        // A segment starts without a pending space; `push_collapsed` only adds
        // one between words, and the new segment is not glued to the last.
        self.space = false;
    }
}

/// Whether two elements share an ancestor (within 3 levels of `a`) whose
/// subtree is small: a card, not an article body.
fn in_small_card(doc: &Document, a: u32, b: u32) -> bool {
    let nodes = &doc.nodes;
    let mut anc = a as usize;
    for _ in 0..3 {
        let p = nodes[anc].parent;
        if p == u32::MAX {
            return false;
        }
        anc = p as usize;
        if (anc..nodes[anc].end as usize).contains(&(b as usize)) {
            return nodes[anc].end as usize - anc < 80;
        }
    }
    false
}

/// Open-element counters used to type segments.
#[derive(Default)]
struct Ctx {
    links: u32,
    quotes: u32,
    items: u32,
    headings: u32,
    heading_level: u8,
}

impl Ctx {
    fn kind(&self) -> (BlockKind, u8) {
        if self.headings > 0 {
            (BlockKind::Heading, self.heading_level)
        } else if self.quotes > 0 {
            (BlockKind::Quote, 0)
        } else if self.items > 0 {
            (BlockKind::Item, 0)
        } else {
            (BlockKind::Body, 0)
        }
    }

    fn enter(&mut self, t: Tag, delta: i32) {
        let d = |c: &mut u32| *c = (*c as i32 + delta).max(0) as u32;
        match t {
            Tag::A => d(&mut self.links),
            Tag::Blockquote => d(&mut self.quotes),
            Tag::Li | Tag::Dd | Tag::Dt => d(&mut self.items),
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                d(&mut self.headings);
                if delta > 0 {
                    self.heading_level = t as u8 - Tag::H1 as u8 + 1;
                }
            }
            _ => {}
        }
    }
}

pub struct Content {
    pub blocks: Vec<Block>,
    /// Per block: whether it comes from an `<h1>` (the caller drops the headline).
    pub is_h1: Vec<bool>,
    /// Arena index of the `<h1>` that heads the article, if any.
    pub headline: Option<usize>,
    /// Share of the page's article-like text that the chosen container holds
    /// (1.0: everything that looks like prose was taken).
    pub confidence: f32,
}

/// Segment weight: positive for prose, negative for link lists and crumbs.
fn weight(text: &str, link_len: usize) -> f32 {
    let len = text.len() as f32;
    let ld = link_len as f32 / len.max(1.0);
    if ld > 0.5 {
        return -(len * 0.6) - 5.0;
    }
    let prose = len >= 120.0 || (len >= 40.0 && text.contains(['.', '!', '?', '。', ',']));
    if prose {
        len * (1.0 - ld)
    } else {
        // Short text without links (subheads, table cells, dates) is neutral:
        // it occurs in articles and in furniture alike.
        -(link_len as f32) * 0.5
    }
}

/// Below this container score (≈ characters of prose) the strict pass is
/// distrusted and a lenient pass is tried.
const MIN_CONFIDENT_SCORE: f32 = 400.0;

/// A container is replaced by its child when the child holds this share of
/// its weight (tuned on AEB/WCXB-dev: 0.8–0.9 are equivalent, 1.0 loses
/// precision).
const DESCEND_SHARE: f32 = 0.9;

/// Pass 3: cuts visible text into segments, jumping over dead subtrees.
fn segment(doc: &Document, is_dead: impl Fn(usize) -> bool) -> Walker {
    let nodes = &doc.nodes;
    let n = nodes.len();
    let mut w = Walker {
        buf: String::with_capacity(doc.src.len() / 4),
        seg_start: 0,
        link_len: 0,
        space: false,
        segments: Vec::new(),
    };
    // Open elements of the walk: (subtree end, tag). Blocks: indices.
    let mut open: Vec<(u32, Tag)> = Vec::new();
    let mut blocks: Vec<u32> = vec![0];
    let mut ctx = Ctx::default();

    let mut i = 1;
    while i < n {
        while let Some(&(end, tag)) = open.last() {
            if end as usize > i {
                break;
            }
            open.pop();
            if tag.is_block() {
                let (k, h) = ctx.kind();
                w.flush(doc, *blocks.last().unwrap_or(&0), k, h);
                blocks.pop();
            }
            ctx.enter(tag, -1);
        }
        let node = nodes[i];
        if node.tag == Tag::Text {
            let before = w.buf.len();
            push_collapsed(&mut w.buf, doc.raw(i), &mut w.space);
            if ctx.links > 0 {
                w.link_len += w.buf.len() - before;
            }
            i += 1;
            continue;
        }
        let dead = is_dead(i);
        if dead || node.tag.is_void() {
            if node.tag.is_block() || dead {
                // Words on either side of a removed or block element must not merge.
                if node.tag.is_block() {
                    let (k, h) = ctx.kind();
                    w.flush(doc, *blocks.last().unwrap_or(&0), k, h);
                } else {
                    w.space = true;
                }
            }
            i = (node.end as usize).max(i + 1);
            continue;
        }
        if node.tag.is_block() {
            let (k, h) = ctx.kind();
            w.flush(doc, *blocks.last().unwrap_or(&0), k, h);
            blocks.push(i as u32);
        }
        ctx.enter(node.tag, 1);
        open.push((node.end, node.tag));
        i += 1;
    }
    let (k, h) = ctx.kind();
    w.flush(doc, *blocks.last().unwrap_or(&0), k, h);

    w
}

/// Scores every element by the summed weight of the segments it holds;
/// returns the best element and all sums.
fn choose(doc: &Document, w: &Walker, verdict: &[Verdict]) -> (usize, Vec<f32>) {
    let nodes = &doc.nodes;
    let n = nodes.len();
    // Bottom-up sums: children always follow their parent in the arena, so one
    // reverse pass adds every subtree into its parent.
    let mut sums = vec![0f32; n];
    for s in &w.segments {
        sums[s.owner as usize] += s.weight;
    }
    for i in (1..n).rev() {
        let p = nodes[i].parent as usize;
        if p < n {
            sums[p] += sums[i];
        }
    }
    let mut best = 0usize;
    let mut best_score = f32::MIN;
    for i in 0..n {
        if nodes[i].tag == Tag::Text {
            continue;
        }
        let score = if verdict[i] == Verdict::Positive && sums[i] > 0.0 {
            sums[i] * 1.25
        } else {
            sums[i]
        };
        // `>=`: among equal scores the deeper element (later in pre-order) wins.
        if score >= best_score && score > 0.0 || best_score == f32::MIN {
            best = i;
            best_score = score;
        }
    }
    // An explicit article-body marker (`itemprop=articleBody`, `article-body`)
    // holding at least half the best score wins: what else the winner holds
    // is most likely teasers of other articles.
    let marked = (0..n)
        .filter(|&i| verdict[i] == Verdict::Positive && sums[i] > 0.0)
        .max_by(|&a, &b| sums[a].total_cmp(&sums[b]));
    if let Some(m) = marked {
        if sums[m] >= 0.5 * sums[best] && !(m..nodes[m].end as usize).contains(&best) {
            best = m;
        }
    }
    (best, sums)
}

pub fn extract(doc: &Document) -> Content {
    let nodes = &doc.nodes;
    let n = nodes.len();
    // Pass 1: what each element's attributes say. Dead-tag subtrees are
    // skipped (their descendants are never looked at again).
    let mut verdict = vec![Verdict::Neutral; n];
    let mut dead_tag = vec![false; n];
    let mut class_buf = String::new();
    let mut i = 1;
    while i < n {
        let node = nodes[i];
        if node.tag == Tag::Text {
            i += 1;
            continue;
        }
        if is_dead_tag(node.tag) {
            dead_tag[i] = true;
            i = (node.end as usize).max(i + 1);
            continue;
        }
        if is_furniture_tag(node.tag) {
            verdict[i] = Verdict::Negative;
        } else if !node.tag.is_void() {
            verdict[i] = classify(doc, i, &mut class_buf);
        }
        i += 1;
    }
    // Pass 2 (bottom-up): visible text length and "holds an article-body
    // marker" per subtree. A furniture-looking class must not remove the
    // article itself: wrappers are named `paywall`, `with-sidebar`, ….
    let mut text_len = vec![0u32; n];
    let mut has_positive = vec![false; n];
    for i in (1..n).rev() {
        let node = nodes[i];
        if node.tag == Tag::Text {
            text_len[i] = node.stop - node.start;
        }
        if verdict[i] == Verdict::Positive {
            has_positive[i] = true;
        }
        let p = node.parent as usize;
        if p < n && !dead_tag[i] {
            text_len[p] = text_len[p].saturating_add(text_len[i]);
            has_positive[p] |= has_positive[i];
        }
    }
    let page_text = text_len[0].max(1);
    // `lenient`: class/id verdicts are ignored (only tags and hiding count).
    let is_dead = |i: usize, lenient: bool| -> bool {
        if dead_tag[i] {
            return true;
        }
        // Hidden copies of the article (schema.org blocks) are dropped even
        // when marked as article body, but not a hidden wrapper holding most
        // of the page (React streaming renders into `<div hidden>`).
        if verdict[i] == Verdict::Hidden {
            return (text_len[i] as u64) * 2 < page_text as u64;
        }
        let furniture = is_furniture_tag(nodes[i].tag);
        if lenient && !furniture {
            return false;
        }
        verdict[i] == Verdict::Negative
            && (furniture || !matches!(nodes[i].tag, Tag::Html | Tag::Body | Tag::Article | Tag::Main))
            && !has_positive[i]
            && (text_len[i] as u64) * 2 < page_text as u64
    };

    let mut w = segment(doc, |i| is_dead(i, false));
    let (mut best, mut sums) = choose(doc, &w, &verdict);
    // Class names lie now and then (`elementor-widget`, `layout--sidebar`
    // around the article). When the strict pass finds little prose, retry
    // trusting only tags, and keep whichever finds the better container.
    if sums[best] < MIN_CONFIDENT_SCORE {
        let w2 = segment(doc, |i| is_dead(i, true));
        let (b2, sums2) = choose(doc, &w2, &verdict);
        if sums2[b2] > sums[best] {
            (w, best, sums) = (w2, b2, sums2);
        }
    }
    let prose_total: f32 = w.segments.iter().map(|s| s.weight.max(0.0)).sum();

    // Descend while one child holds nearly all of the container's weight:
    // the rest is teasers, promos and crumbs that happened to net positive.
    loop {
        let (start, end) = (best + 1, nodes[best].end as usize);
        let mut j = start;
        let mut next = None;
        while j < end {
            if nodes[j].tag != Tag::Text && sums[j] >= DESCEND_SHARE * sums[best] {
                next = Some(j);
                break;
            }
            j = (nodes[j].end as usize).max(j + 1);
        }
        match next {
            Some(j) if sums[best] > 0.0 => best = j,
            _ => break,
        }
    }
    let range = best..nodes[best].end as usize;
    if debug_enabled() {
        debug_dump(doc, &sums, best, &w.segments, &w.buf);
    }

    let mut out = Vec::new();
    let mut h1 = Vec::new();
    let mut taken_prose = 0f32;
    for s in &w.segments {
        if !range.contains(&(s.owner as usize)) {
            continue;
        }
        let text = &w.buf[s.text.0..s.text.1];
        // Link-dense lines are navigation — except a short all-link
        // paragraph inside the article ("[Source]" credits, "Photo: X").
        let short_p = nodes[s.owner as usize].tag == Tag::P && text.len() < 40;
        if s.link_len * 2 > text.len() && !short_p {
            continue;
        }
        taken_prose += s.weight.max(0.0);
        out.push(Block {
            text: text.to_string(),
            kind: s.kind,
        });
        h1.push(s.heading == 1);
    }
    let confidence = if prose_total > 0.0 { taken_prose / prose_total } else { 0.0 };
    // The page's headline: the `<h1>` closest before the article container,
    // else the first inside it (logo and widget `<h1>`s sit elsewhere).
    let headline = (0..range.start)
        .rev()
        .find(|&i| nodes[i].tag == Tag::H1)
        .or_else(|| range.clone().find(|&i| nodes[i].tag == Tag::H1));
    Content {
        blocks: out,
        is_h1: h1,
        confidence,
        headline,
    }
}

/// Alphanumerics only, lowercased: for comparing titles and headings.
pub fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// `NFX_DEBUG=1` prints candidate containers and segments to stderr (tuning aid).
fn debug_enabled() -> bool {
    static D: OnceLock<bool> = OnceLock::new();
    *D.get_or_init(|| std::env::var_os("NFX_DEBUG").is_some())
}

fn debug_dump(doc: &Document, sums: &[f32], best: usize, segs: &[Segment], buf: &str) {
    let mut idx: Vec<usize> = (0..sums.len()).filter(|&i| doc.nodes[i].tag != Tag::Text).collect();
    idx.sort_by(|a, b| sums[*b].partial_cmp(&sums[*a]).unwrap_or(std::cmp::Ordering::Equal));
    let label = |i: usize| {
        format!(
            "#{i} {:?} class={:?} id={:?} end={}",
            doc.nodes[i].tag,
            doc.attr(i, "class"),
            doc.attr(i, "id"),
            doc.nodes[i].end
        )
    };
    eprintln!("BEST {} score {}", label(best), sums[best]);
    for &i in idx.iter().take(12) {
        eprintln!("  cand {:.0} {}", sums[i], label(i));
    }
    for s in segs {
        let t = &buf[s.text.0..s.text.1];
        let inside = (best..doc.nodes[best].end as usize).contains(&(s.owner as usize));
        eprintln!(
            "  {} w={:.0} owner={} {:?} | {}",
            if inside { "+" } else { "-" },
            s.weight,
            label(s.owner as usize),
            s.kind,
            t.chars().take(90).collect::<String>()
        );
    }
}

/// Every text block of an HTML fragment, in order, with nothing chosen or
/// dropped but scripts, styles, embeds and figure captions: for HTML that is
/// already the article (a feed item's body, a JSONL `content` field), where
/// choosing a main region could only lose text.
pub fn all_blocks(doc: &Document) -> Vec<Block> {
    let nodes = &doc.nodes;
    let w = segment(doc, |i| is_dead_tag(nodes[i].tag) || nodes[i].tag == Tag::Figcaption);
    w.segments
        .iter()
        .map(|s| Block {
            text: w.buf[s.text.0..s.text.1].to_string(),
            kind: s.kind,
        })
        .collect()
}
