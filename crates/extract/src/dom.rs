//! A small, fast, forgiving HTML tree builder.
//!
//! Why not html5ever: it is spec-complete but allocates per node and per
//! attribute, which dominates extraction time. We only need enough structure
//! to score containers and read metadata, so this builder:
//!
//! * tokenizes with `memchr` jumps (text runs, quoted attribute values, comments,
//!   raw-text elements such as `<script>`);
//! * stores the tree as a flat pre-order arena: every node knows its parent and
//!   the exclusive end of its subtree, so a subtree is the index range
//!   `idx+1 .. end`. All later passes are loops over ranges — nothing recurses on
//!   DOM depth, so 100,000 nested `<div>`s cannot overflow the stack;
//! * keeps text and attributes as byte ranges into the source (zero copy);
//!   attributes are parsed lazily, entities decoded only when text is read;
//! * applies the handful of HTML5 implied-end rules that matter for text
//!   structure (`<p>` closed by blocks, `<li>`/`<dt>`/`<dd>`/`<tr>`/`<td>`/`<option>`
//!   closed by their siblings, `<head>` closed by body content). End tags with no
//!   open match are ignored, as browsers do.

use memchr::{memchr, memmem};

use crate::text::decode_entities;

/// Known element names. Anything else is `Other` (custom elements, rare tags).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tag {
    Text,
    Other,
    A,
    Address,
    Area,
    Article,
    Aside,
    Audio,
    B,
    Base,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Col,
    Colgroup,
    Dd,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Label,
    Li,
    Link,
    Main,
    Map,
    Math,
    Menu,
    Meta,
    Nav,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Param,
    Picture,
    Plaintext,
    Pre,
    Script,
    Section,
    Select,
    Source,
    Span,
    Strong,
    Style,
    Summary,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Track,
    Ul,
    Video,
    Wbr,
    Xmp,
    Legend,
    Datalist,
    Keygen,
    Frame,
    Frameset,
    Dir,
    Dialog2,
}

const NUM_TAGS: usize = Tag::Dialog2 as usize + 1;

impl Tag {
    fn from_name(lower: &[u8]) -> Tag {
        use Tag::*;
        match lower {
            b"a" => A,
            b"address" => Address,
            b"area" => Area,
            b"article" => Article,
            b"aside" => Aside,
            b"audio" => Audio,
            b"b" => B,
            b"base" => Base,
            b"blockquote" => Blockquote,
            b"body" => Body,
            b"br" => Br,
            b"button" => Button,
            b"canvas" => Canvas,
            b"caption" => Caption,
            b"center" => Center,
            b"col" => Col,
            b"colgroup" => Colgroup,
            b"dd" => Dd,
            b"details" => Details,
            b"dialog" => Dialog,
            b"div" => Div,
            b"dl" => Dl,
            b"dt" => Dt,
            b"em" => Em,
            b"embed" => Embed,
            b"fieldset" => Fieldset,
            b"figcaption" => Figcaption,
            b"figure" => Figure,
            b"footer" => Footer,
            b"form" => Form,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"head" => Head,
            b"header" => Header,
            b"hgroup" => Hgroup,
            b"hr" => Hr,
            b"html" => Html,
            b"i" => I,
            b"iframe" => Iframe,
            b"img" => Img,
            b"input" => Input,
            b"label" => Label,
            b"li" => Li,
            b"link" => Link,
            b"main" => Main,
            b"map" => Map,
            b"math" => Math,
            b"menu" => Menu,
            b"meta" => Meta,
            b"nav" => Nav,
            b"noembed" => Noembed,
            b"noframes" => Noframes,
            b"noscript" => Noscript,
            b"object" => Object,
            b"ol" => Ol,
            b"optgroup" => Optgroup,
            b"option" => Option,
            b"p" => P,
            b"param" => Param,
            b"picture" => Picture,
            b"plaintext" => Plaintext,
            b"pre" => Pre,
            b"script" => Script,
            b"section" => Section,
            b"select" => Select,
            b"source" => Source,
            b"span" => Span,
            b"strong" => Strong,
            b"style" => Style,
            b"summary" => Summary,
            b"svg" => Svg,
            b"table" => Table,
            b"tbody" => Tbody,
            b"td" => Td,
            b"template" => Template,
            b"textarea" => Textarea,
            b"tfoot" => Tfoot,
            b"th" => Th,
            b"thead" => Thead,
            b"time" => Time,
            b"title" => Title,
            b"tr" => Tr,
            b"track" => Track,
            b"ul" => Ul,
            b"video" => Video,
            b"wbr" => Wbr,
            b"xmp" => Xmp,
            b"legend" => Legend,
            b"datalist" => Datalist,
            b"keygen" => Keygen,
            b"frame" => Frame,
            b"frameset" => Frameset,
            b"dir" => Dir,
            _ => Other,
        }
    }

    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base | Br | Col | Embed | Hr | Img | Input | Link | Meta | Param | Source | Track | Wbr | Keygen | Frame
        )
    }

    /// Elements whose content is not markup: we jump to the matching end tag.
    fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script | Style | Textarea | Title | Xmp | Iframe | Noembed | Noframes | Noscript | Plaintext
        )
    }

    /// Block-level elements: text on either side of them never runs together.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Legend
                | Dir
                | Br
                | Option
                | Select
                | Iframe
                | Img
                | Video
                | Audio
                | Picture
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Start tags that implicitly close an open `<p>` (HTML5 "closes a p element").
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Header
                | Hgroup
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Section
                | Summary
                | Ul
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Pre
                | Form
                | Hr
                | Table
                | Li
                | Dd
                | Dt
                | Plaintext
                | Xmp
        )
    }

    /// Elements allowed inside `<head>`; anything else means the body started.
    fn in_head(self) -> bool {
        use Tag::*;
        matches!(self, Meta | Link | Title | Script | Style | Base | Noscript | Template | Other)
    }
}

/// One node of the flat arena. `Text` nodes keep a byte range of raw
/// (entity-encoded) text; elements keep the range of their attribute source.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    pub tag: Tag,
    /// Length of the tag name (for matching end tags of `Other` elements).
    name_len: u8,
    pub parent: u32,
    /// Exclusive end of this node's subtree in the arena.
    pub end: u32,
    /// Text: raw text range. Element: attribute source range (`start` is also
    /// just after the tag name, so the name is at `start - name_len`).
    pub start: u32,
    pub stop: u32,
}

pub struct Document<'a> {
    pub src: &'a str,
    pub nodes: Vec<Node>,
}

const NONE: u32 = u32::MAX;
/// How far up the open-element stack we look for implied-end and unknown end
/// tags. Bounds the work per tag on adversarial input (deep nesting of tags
/// whose end tags never match).
const SCOPE_LIMIT: usize = 256;

#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

struct Builder<'a> {
    src: &'a [u8],
    nodes: Vec<Node>,
    stack: Vec<u32>,
    open_count: [u32; NUM_TAGS],
}

impl<'a> Builder<'a> {
    fn push_node(&mut self, tag: Tag, name_len: u8, start: usize, stop: usize) -> u32 {
        let idx = self.nodes.len() as u32;
        let parent = *self.stack.last().unwrap_or(&NONE);
        self.nodes.push(Node {
            tag,
            name_len,
            parent,
            end: idx + 1,
            start: start as u32,
            stop: stop as u32,
        });
        idx
    }

    fn text(&mut self, start: usize, stop: usize) {
        if stop > start {
            self.push_node(Tag::Text, 0, start, stop);
        }
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return; // never pop the synthetic root
        }
        let idx = self.stack.pop().unwrap() as usize;
        self.nodes[idx].end = self.nodes.len() as u32;
        let tag = self.nodes[idx].tag;
        self.open_count[tag as usize] -= 1;
    }

    fn top_tag(&self) -> Tag {
        self.nodes[*self.stack.last().unwrap() as usize].tag
    }

    /// Pops up to and including the nearest open `target`, unless a `boundary`
    /// element comes first (or the element is too far up).
    fn close_implied(&mut self, target: &[Tag], boundary: &[Tag]) {
        if target.iter().all(|t| self.open_count[*t as usize] == 0) {
            return;
        }
        let n = self.stack.len();
        for depth in 1..n.min(SCOPE_LIMIT) {
            let tag = self.nodes[self.stack[n - depth] as usize].tag;
            if target.contains(&tag) {
                for _ in 0..depth {
                    self.pop();
                }
                return;
            }
            if boundary.contains(&tag) {
                return;
            }
        }
    }

    fn start_tag(&mut self, tag: Tag, name_len: u8, attr_start: usize, attr_stop: usize, self_closing: bool) {
        use Tag::*;
        if self.open_count[Head as usize] > 0 && (!tag.in_head() || tag == Body) {
            self.close_implied(&[Head], &[]);
        }
        if tag.closes_p() {
            self.close_implied(&[P], &[Button, Table, Td, Th, Html, Template, Caption, Object]);
        }
        match tag {
            Li => self.close_implied(&[Li], &[Ul, Ol, Menu, Dir, Table, Td, Th, Html, Template]),
            Dt | Dd => self.close_implied(&[Dt, Dd], &[Dl, Table, Td, Th, Html, Template]),
            Tr => self.close_implied(&[Tr], &[Table, Html, Template]),
            Td | Th => self.close_implied(&[Td, Th], &[Tr, Table, Html, Template]),
            Tbody | Thead | Tfoot => self.close_implied(&[Tbody, Thead, Tfoot], &[Table, Html, Template]),
            Option => self.close_implied(&[Option], &[Select, Datalist, Optgroup, Html]),
            // Nested links are not allowed; browsers close the outer one.
            A => self.close_implied(&[A], &[Td, Th, Table, Html, Template]),
            H1 | H2 | H3 | H4 | H5 | H6 if self.top_tag().is_heading() => self.pop(),
            _ => {}
        }
        let idx = self.push_node(tag, name_len, attr_start, attr_stop);
        if tag.is_void() || (self_closing && !tag.is_raw_text()) {
            // XHTML-style `<div/>`: treated as empty (friendlier than HTML5,
            // which would leave it open and swallow the rest of the page).
            return;
        }
        self.stack.push(idx);
        self.open_count[tag as usize] += 1;
    }

    fn end_tag(&mut self, tag: Tag, name: &[u8]) {
        use Tag::*;
        if tag == Br {
            // `</br>` is treated as `<br>` by browsers.
            self.push_node(Br, 2, 0, 0);
            return;
        }
        if tag == Other {
            // Unknown names: match by name, looking a bounded distance up.
            let n = self.stack.len();
            for depth in 1..n.min(SCOPE_LIMIT) {
                let node = self.nodes[self.stack[n - depth] as usize];
                if node.tag == Other {
                    let s = node.start as usize - node.name_len as usize;
                    let open_name = &self.src[s..node.start as usize];
                    if open_name.eq_ignore_ascii_case(name) {
                        for _ in 0..depth {
                            self.pop();
                        }
                        return;
                    }
                }
            }
            return;
        }
        if self.open_count[tag as usize] == 0 {
            return; // stray end tag: ignored
        }
        // A match exists; everything above it gets popped, so this is
        // amortized O(1) per element over the whole document.
        while self.stack.len() > 1 {
            let top = self.top_tag();
            self.pop();
            if top == tag {
                break;
            }
        }
    }
}

/// Lowercases a tag name into a small buffer; names longer than the buffer
/// cannot be known tags.
fn lower_name(name: &[u8], buf: &mut [u8; 16]) -> Tag {
    if name.len() > buf.len() {
        return Tag::Other;
    }
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    Tag::from_name(&buf[..name.len()])
}

/// Scans attributes from `i` (just after the tag name). Returns
/// `(attr_end, index after '>', self_closing)`; `None` if the tag never ends.
fn scan_attrs(b: &[u8], mut i: usize) -> Option<(usize, usize, bool)> {
    let len = b.len();
    loop {
        while i < len && (is_ws(b[i]) || b[i] == b'/') {
            if b[i] == b'/' && i + 1 < len && b[i + 1] == b'>' {
                return Some((i, i + 2, true));
            }
            i += 1;
        }
        if i >= len {
            return None;
        }
        if b[i] == b'>' {
            return Some((i, i + 1, false));
        }
        // attribute name (a leading '=' is part of the name, per HTML5)
        i += 1;
        while i < len && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' && b[i] != b'=' {
            i += 1;
        }
        while i < len && is_ws(b[i]) {
            i += 1;
        }
        if i < len && b[i] == b'=' {
            i += 1;
            while i < len && is_ws(b[i]) {
                i += 1;
            }
            if i < len && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i = match memchr(q, &b[i + 1..]) {
                    Some(p) => i + 1 + p + 1,
                    None => return None,
                };
            } else {
                while i < len && !is_ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

/// Iterates `(name, raw value)` pairs of an attribute source slice.
pub struct Attrs<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a [u8], &'a [u8]);
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.b;
        let len = b.len();
        let mut i = self.i;
        while i < len && (is_ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= len || b[i] == b'>' {
            return None;
        }
        let ns = i;
        i += 1;
        while i < len && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' && b[i] != b'=' {
            i += 1;
        }
        let name = &b[ns..i];
        while i < len && is_ws(b[i]) {
            i += 1;
        }
        // Always a sub-slice of `b` (even when empty) so callers can map it
        // back to a source offset.
        let mut value: &[u8] = &b[i..i];
        if i < len && b[i] == b'=' {
            i += 1;
            while i < len && is_ws(b[i]) {
                i += 1;
            }
            if i < len && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr(q, &b[vs..]).map_or(len, |p| vs + p);
                value = &b[vs..ve];
                i = (ve + 1).min(len);
            } else {
                let vs = i;
                while i < len && !is_ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                value = &b[vs..i];
            }
        }
        self.i = i;
        Some((name, value))
    }
}

/// Finds the end tag `</name` (case-insensitive) of a raw-text element at or
/// after `from`. Returns `(content end, index after the end tag)`.
fn find_raw_end(b: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let finder = memmem::Finder::new(b"</");
    let mut pos = from;
    while let Some(p) = finder.find(&b[pos..]) {
        let s = pos + p;
        let n = s + 2;
        if n + name.len() <= b.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name)
            && b.get(n + name.len()).is_none_or(|c| is_ws(*c) || *c == b'>' || *c == b'/')
        {
            let close = memchr(b'>', &b[n..]).map_or(b.len(), |q| n + q + 1);
            return (s, close);
        }
        pos = s + 2;
    }
    (b.len(), b.len())
}

impl<'a> Document<'a> {
    pub fn parse(src: &'a str) -> Document<'a> {
        let b = src.as_bytes();
        // Arena sizes are bounded by u32 indices; inputs of 4 GiB are not HTML pages.
        let b = &b[..b.len().min(u32::MAX as usize - 1)];
        let mut bd = Builder {
            src: b,
            nodes: Vec::with_capacity(b.len() / 40),
            stack: Vec::with_capacity(64),
            open_count: [0; NUM_TAGS],
        };
        // Synthetic root (index 0) so every real node has a parent.
        bd.nodes.push(Node {
            tag: Tag::Other,
            name_len: 0,
            parent: NONE,
            end: 1,
            start: 0,
            stop: 0,
        });
        bd.stack.push(0);
        bd.open_count[Tag::Other as usize] += 1;

        let len = b.len();
        let mut text_start = 0;
        let mut pos = 0;
        let mut name_buf = [0u8; 16];
        while let Some(p) = memchr(b'<', &b[pos..]) {
            let lt = pos + p;
            let Some(&c) = b.get(lt + 1) else { break };
            if c.is_ascii_alphabetic() {
                let ns = lt + 1;
                let mut ne = ns + 1;
                while ne < len && !is_ws(b[ne]) && b[ne] != b'/' && b[ne] != b'>' {
                    ne += 1;
                }
                let Some((attr_end, after, self_closing)) = scan_attrs(b, ne) else {
                    break; // unterminated tag at EOF: dropped, as browsers do
                };
                bd.text(text_start, lt);
                let name = &b[ns..ne];
                let tag = lower_name(name, &mut name_buf);
                // The name stays addressable as `start - name_len`; longer names
                // than 255 bytes simply never match an end tag.
                let name_len = name.len().min(255) as u8;
                bd.start_tag(tag, name_len, ne, attr_end, self_closing);
                pos = after;
                // Browsers ignore a self-closing flag on raw-text elements.
                if tag.is_raw_text() {
                    let (content_end, close) = if tag == Tag::Plaintext {
                        (len, len)
                    } else {
                        find_raw_end(b, after, name)
                    };
                    bd.text(after, content_end);
                    bd.pop();
                    pos = close;
                }
                text_start = pos;
            } else if c == b'/' {
                let ns = lt + 2;
                if b.get(ns).is_some_and(|c| c.is_ascii_alphabetic()) {
                    let mut ne = ns + 1;
                    while ne < len && !is_ws(b[ne]) && b[ne] != b'/' && b[ne] != b'>' {
                        ne += 1;
                    }
                    let after = match scan_attrs(b, ne) {
                        Some((_, after, _)) => after,
                        None => break,
                    };
                    bd.text(text_start, lt);
                    let name = &b[ns..ne];
                    let tag = lower_name(name, &mut name_buf);
                    bd.end_tag(tag, name);
                    pos = after;
                } else {
                    // `</>` or `</ 3` : bogus comment up to '>'
                    bd.text(text_start, lt);
                    pos = memchr(b'>', &b[lt..]).map_or(len, |q| lt + q + 1);
                }
                text_start = pos;
            } else if c == b'!' {
                bd.text(text_start, lt);
                pos = if b[lt..].starts_with(b"<!--") {
                    // `<!-->` and `<!--->` are complete (empty) comments.
                    if b[lt + 4..].starts_with(b">") {
                        lt + 5
                    } else if b[lt + 4..].starts_with(b"->") {
                        lt + 6
                    } else {
                        memmem::find(&b[lt + 4..], b"-->").map_or(len, |q| lt + 4 + q + 3)
                    }
                } else if b[lt..].starts_with(b"<![CDATA[") {
                    memmem::find(&b[lt..], b"]]>").map_or(len, |q| lt + q + 3)
                } else {
                    memchr(b'>', &b[lt..]).map_or(len, |q| lt + q + 1)
                };
                text_start = pos;
            } else if c == b'?' {
                bd.text(text_start, lt);
                pos = memchr(b'>', &b[lt..]).map_or(len, |q| lt + q + 1);
                text_start = pos;
            } else {
                // A lone '<' is text.
                pos = lt + 1;
            }
            if pos >= len {
                break;
            }
        }
        if text_start < len {
            bd.text(text_start, len);
        }
        while bd.stack.len() > 1 {
            bd.pop();
        }
        bd.nodes[0].end = bd.nodes.len() as u32;
        Document { src, nodes: bd.nodes }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true in practice: the synthetic root is always present.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    #[inline]
    pub fn raw(&self, idx: usize) -> &'a str {
        let n = &self.nodes[idx];
        // Ranges fall on ASCII delimiters ('<', '>', quotes, whitespace), so
        // they are char boundaries; `get` only guards the >4 GiB truncation.
        self.src.get(n.start as usize..n.stop as usize).unwrap_or("")
    }

    pub fn attrs(&self, idx: usize) -> Attrs<'a> {
        let n = &self.nodes[idx];
        if n.tag == Tag::Text {
            return Attrs {
                b: &self.src.as_bytes()[0..0],
                i: 0,
            };
        }
        Attrs {
            b: &self.src.as_bytes()[n.start as usize..n.stop as usize],
            i: 0,
        }
    }

    /// Raw (undecoded) value of an attribute; names compare case-insensitively.
    pub fn attr_raw(&self, idx: usize, name: &str) -> Option<&'a str> {
        let base = self.src.as_ptr() as usize;
        self.attrs(idx)
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| {
                let s = (v.as_ptr() as usize).wrapping_sub(base);
                self.src.get(s..s + v.len()).unwrap_or("")
            })
    }

    /// Attribute value with entities decoded and surrounding whitespace trimmed.
    pub fn attr(&self, idx: usize, name: &str) -> Option<String> {
        self.attr_raw(idx, name).map(|v| {
            let mut out = String::with_capacity(v.len());
            decode_entities(v.trim(), &mut out);
            out
        })
    }

    /// The text of a subtree (decoded, whitespace collapsed), skipping script,
    /// style and other non-visible content; blocks and `<br>` separate words.
    pub fn text_of(&self, idx: usize, max_len: usize) -> String {
        let mut out = String::new();
        let mut space = false;
        let end = self.nodes[idx].end as usize;
        // Ends of open block elements: leaving a block also separates words.
        let mut block_ends: Vec<usize> = Vec::new();
        let mut i = idx + 1;
        while i < end {
            while block_ends.last().is_some_and(|&e| e <= i) {
                block_ends.pop();
                space = true;
            }
            let n = &self.nodes[i];
            match n.tag {
                Tag::Text => {
                    crate::text::push_collapsed(&mut out, self.raw(i), &mut space);
                    if out.len() > max_len {
                        break;
                    }
                }
                Tag::Script | Tag::Style | Tag::Noscript | Tag::Template | Tag::Svg | Tag::Select => {
                    i = n.end as usize;
                    continue;
                }
                t if t.is_block() => {
                    space = true;
                    block_ends.push(n.end as usize);
                }
                _ => {}
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(doc: &Document) -> Vec<(Tag, u32)> {
        doc.nodes.iter().map(|n| (n.tag, n.parent)).collect()
    }

    #[test]
    fn implied_ends() {
        let doc = Document::parse("<ul><li>a<li>b</ul><p>x<div>y</div>");
        let s = shape(&doc);
        // root, ul, li, text, li, text, p, text, div, text
        assert_eq!(s[2], (Tag::Li, 1));
        assert_eq!(s[4], (Tag::Li, 1));
        assert_eq!(s[6].0, Tag::P);
        assert_eq!(s[8], (Tag::Div, 0)); // div closed the p
    }

    #[test]
    fn raw_text_and_comments() {
        let doc = Document::parse("<script>if (a<b) { x = '</div>'; }</script><!-- <p>hidden</p> --><p>ok</p>");
        let texts: Vec<&str> = (0..doc.len())
            .filter(|&i| doc.nodes[i].tag == Tag::Text)
            .map(|i| doc.raw(i))
            .collect();
        assert_eq!(texts, vec!["if (a<b) { x = '</div>'; }", "ok"]);
    }

    #[test]
    fn quoted_gt_in_attribute() {
        let doc = Document::parse(r#"<a title="x > y" href='/z'>link</a>"#);
        assert_eq!(doc.attr(1, "title").as_deref(), Some("x > y"));
        assert_eq!(doc.attr(1, "HREF").as_deref(), Some("/z"));
        assert_eq!(doc.raw(2), "link");
    }
}
