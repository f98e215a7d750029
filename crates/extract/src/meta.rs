//! Article metadata: JSON-LD (`NewsArticle` and kin, `@graph` included), Open
//! Graph / `<meta>` tags, `<time>`, byline elements, `<title>` and `<h1>`.
//!
//! One pass over the arena gathers raw candidates; `decide` then picks between
//! sources in order of reliability.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde_json::Value;

use crate::names::split_names;

use crate::content::norm;
use crate::dom::{Document, Tag};
use crate::text::{collapse, decode_entities};

#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// JSON-LD `articleBody`, when the page ships one.
    pub ld_body: Option<String>,
    /// Last-modified date from JSON-LD / meta tags.
    pub modified: Option<String>,
    /// Dates shown in date/byline elements (ISO), in page order.
    pub text_dates: Vec<String>,
    /// The date shown right under the headline (ISO).
    pub headline_date: Option<String>,
}

#[derive(Default)]
struct Raw {
    ld_found: bool,
    ld_headline: Option<String>,
    ld_authors: Vec<String>,
    /// All JSON-LD blocks of the page, walked together at the end so `@id`
    /// references can cross `<script>` blocks.
    ld_values: Vec<Value>,
    ld_published: Option<String>,
    ld_modified: Option<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
    ld_lang: Option<String>,
    ld_body: Option<String>,
    metas: Vec<(String, String)>,
    html_title: Option<String>,
    h1s: Vec<String>,
    container_h1: Option<String>,
    time_elements: Vec<String>,
    /// Dates read from the visible text of date/byline elements (ISO).
    text_dates: Vec<String>,
    /// `datetime` of visible `<time>` elements.
    shown_times: Vec<String>,
    /// Dates in short texts labelled "Published", "Updated", "Posted on" (ISO).
    label_dates: Vec<String>,
    /// A "By …" line right after the first `<h1>`.
    headline_byline: Option<String>,
    /// First date in a short text right after the first `<h1>` (ISO).
    headline_date: Option<String>,
    byline_elements: Vec<String>,
    canonical: Option<String>,
    lang: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
    "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting",
    "MedicalWebPage", "Recipe", "HowTo",
];

/// Markers in class/id/rel/itemprop values, matched case-insensitively
/// without allocating (this runs on every element's attributes).
const MARKERS: &[&str] = &[
    // 0..=2: byline
    "author", "byline", "writer", // 3..=8: not a byline after all
    "authority", "comment", "avatar", "-bio", "image", "photo", // 9..=15: date-ish
    "date", "time", "publish", "posted", "updated", "meta", "info", // 16..=17: not date-ish
    "timeline", "runtime",
];

/// `(byline-ish, date-ish)` for one attribute value.
fn marker_flags(v: &[u8]) -> (bool, bool) {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AC.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(MARKERS)
            .expect("static patterns")
    });
    let (mut by, mut not_by, mut date, mut not_date) = (false, false, false, false);
    // Overlapping search: "authority" must be seen even though "author" matches first.
    for m in ac.find_overlapping_iter(v) {
        match m.pattern().as_usize() {
            0..=2 => by = true,
            3..=8 => not_by = true,
            9..=15 => date = true,
            _ => not_date = true,
        }
    }
    (by && !not_by, date && !not_date)
}

/// `headline`: arena index of the `<h1>` nearest the article text, if known.
pub fn read(doc: &Document, headline: Option<usize>) -> Meta {
    let mut raw = Raw {
        container_h1: headline.map(|i| doc.text_of(i, 1000)).filter(|t| !t.is_empty()),
        ..Raw::default()
    };
    let nodes = &doc.nodes;
    let mut i = 1;
    let mut after_label = false;
    while i < nodes.len() {
        let node = nodes[i];
        match node.tag {
            Tag::Text if raw.label_dates.len() < 4 => {
                label_date(doc, i, &mut after_label, &mut raw.label_dates);
            }
            Tag::Meta => {
                let key = doc
                    .attr(i, "property")
                    .or_else(|| doc.attr(i, "name"))
                    .or_else(|| doc.attr(i, "itemprop"));
                if let (Some(key), Some(content)) = (key, doc.attr(i, "content")) {
                    if !content.is_empty() {
                        if key.eq_ignore_ascii_case("datePublished") && raw.time_elements.len() < 8 {
                            raw.time_elements.push(content.clone());
                        }
                        raw.metas.push((key.to_ascii_lowercase(), content));
                    }
                }
            }
            Tag::Script => {
                let is_ld = doc
                    .attr_raw(i, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld && node.end as usize > i + 1 && nodes[i + 1].tag == Tag::Text {
                    if let Some(v) = parse_json_ld(doc.raw(i + 1)) {
                        if raw.ld_values.len() < 16 {
                            raw.ld_values.push(v);
                        }
                    }
                }
                i = node.end as usize;
                continue;
            }
            Tag::Title if raw.html_title.is_none() && !under(doc, i, Tag::Svg) => {
                let t = doc.text_of(i, 2000);
                if !t.is_empty() {
                    raw.html_title = Some(t);
                }
            }
            Tag::Link if raw.canonical.is_none() && doc.attr_raw(i, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                raw.canonical = doc.attr(i, "href");
            }
            Tag::Html if raw.lang.is_none() => {
                raw.lang = doc.attr(i, "lang").filter(|l| !l.is_empty());
            }
            Tag::H1 => {
                if raw.h1s.is_empty() {
                    raw.headline_date = date_after(doc, i);
                    raw.headline_byline = byline_after(doc, i);
                }
                if raw.h1s.len() < 8 {
                    let t = doc.text_of(i, 1000);
                    if !t.is_empty() {
                        raw.h1s.push(t);
                    }
                }
            }
            Tag::Svg | Tag::Style | Tag::Noscript | Tag::Template => {
                i = node.end as usize;
                continue;
            }
            _ => {}
        }
        if node.tag != Tag::Text {
            element_signals(doc, i, &mut raw);
        }
        i += 1;
    }
    let values = std::mem::take(&mut raw.ld_values);
    walk_json_ld(&values, &mut raw);
    decide(raw)
}

/// `<time datetime>`, `itemprop=datePublished` and byline elements.
fn element_signals(doc: &Document, i: usize, raw: &mut Raw) {
    let mut itemprop_date = false;
    let mut byline = false;
    let mut dateish = false;
    let mut datetime = None;
    for (name, value) in doc.attrs(i) {
        if name.eq_ignore_ascii_case(b"itemprop") {
            if value.eq_ignore_ascii_case(b"datePublished") {
                itemprop_date = true;
            } else {
                byline |= marker_flags(value).0;
            }
        } else if name.eq_ignore_ascii_case(b"class")
            || name.eq_ignore_ascii_case(b"id")
            || name.eq_ignore_ascii_case(b"rel")
            || name.eq_ignore_ascii_case(b"data-testid")
        {
            let (b, d) = marker_flags(value);
            byline |= b;
            dateish |= d;
        } else if name.eq_ignore_ascii_case(b"datetime") {
            datetime = Some(value);
        }
    }
    let node = doc.nodes[i];
    if (node.tag == Tag::Time || itemprop_date) && raw.time_elements.len() < 8 {
        let v = match datetime {
            Some(v) => std::str::from_utf8(v).unwrap_or("").trim().to_string(),
            None => doc.attr(i, "content").unwrap_or_else(|| doc.text_of(i, 200)),
        };
        if !v.is_empty() {
            if node.tag == Tag::Time && raw.shown_times.len() < 8 {
                raw.shown_times.push(v.clone());
            }
            // Published dates first: an explicit datePublished outranks a bare <time>.
            if itemprop_date {
                raw.time_elements.insert(0, v);
            } else {
                raw.time_elements.push(v);
            }
        }
    }
    // Small subtrees only: a date line, not a page region named `*-meta`.
    let small = (node.end as usize) - i < 60;
    if (dateish || byline)
        && small
        && raw.text_dates.len() < 8
        && !matches!(node.tag, Tag::Meta | Tag::Link | Tag::Img | Tag::Body | Tag::Html)
    {
        if let Some(d) = crate::dates::find_date(&doc.text_of(i, 300)) {
            raw.text_dates.push(d);
        }
    }
    if byline
        && raw.byline_elements.len() < 8
        && !matches!(node.tag, Tag::Meta | Tag::Link | Tag::Img | Tag::Body | Tag::Html | Tag::Article)
    {
        // Author boxes put the name first and a job title or outlet after
        // it: the first text node alone is the first candidate, the whole
        // element text the second ("By" + linked name).
        let end = doc.nodes[i].end as usize;
        if let Some(first) = (i + 1..end.min(i + 40)).find(|&j| doc.nodes[j].tag == Tag::Text && !doc.raw(j).trim().is_empty()) {
            let f = decoded_text(doc, first);
            if f.len() < 100 {
                raw.byline_elements.push(f);
            }
        }
        let t = doc.text_of(i, 300);
        if !t.is_empty() && t.len() < 200 && raw.byline_elements.last() != Some(&t) {
            raw.byline_elements.push(t);
        }
    }
}

/// The first date in a short text node among the ~40 after node `h1`: the
/// byline/dateline area, whatever markup or class names it uses.
fn date_after(doc: &Document, h1: usize) -> Option<String> {
    let mut seen = 0;
    let mut i = h1 + 1;
    while i < doc.len() && seen < 40 {
        let n = doc.nodes[i];
        match n.tag {
            Tag::Text => {
                let t = doc.raw(i).trim();
                if !t.is_empty() {
                    seen += 1;
                    if t.len() <= 120 {
                        if let Some(d) = crate::dates::find_date(t) {
                            return Some(d);
                        }
                    }
                }
            }
            Tag::Script | Tag::Style | Tag::Svg | Tag::Noscript | Tag::Template => {
                i = n.end as usize;
                continue;
            }
            Tag::Time => {
                if let Some(d) = doc.attr(i, "datetime").as_deref().and_then(crate::dates::find_date) {
                    return Some(d);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Date labels, lowercase.
const DATE_LABELS: &[&str] = &[
    "published", "updated", "posted", "date:", "last modified", "veröffentlicht", "publié", "publicado", "pubblicato",
];

/// Records a date from a short text node that carries a date label
/// ("Last updated: May 2, 2025"), or that follows a label-only node.
fn label_date(doc: &Document, i: usize, after_label: &mut bool, out: &mut Vec<String>) {
    let raw = doc.raw(i).trim();
    if raw.is_empty() {
        return;
    }
    let was_label = std::mem::replace(after_label, false);
    if raw.len() > 100 {
        return;
    }
    let lower = raw.to_lowercase();
    let labelled = DATE_LABELS.iter().any(|l| lower.contains(l));
    if !raw.bytes().any(|b| b.is_ascii_digit()) {
        // "Published" alone: the date is in the next text node.
        *after_label = labelled && raw.len() < 30;
        return;
    }
    if labelled || was_label {
        if let Some(d) = crate::dates::find_date(&decoded_text(doc, i)) {
            out.push(d);
        }
    }
}

/// One text node, entities decoded and whitespace collapsed.
fn decoded_text(doc: &Document, i: usize) -> String {
    let mut out = String::new();
    crate::text::push_collapsed(&mut out, doc.raw(i), &mut false);
    out
}

/// Byline prefixes, lowercase.
const BY_PREFIXES: &[&str] = &[
    "by ", "written by ", "posted by ", "author: ", "authors: ", "author ", "words by ", "von ", "par ", "por ",
];

/// A "By Jane Roe" line among the ~40 text nodes after node `h1`. The name
/// is often a link, so "By" alone takes the next text node.
fn byline_after(doc: &Document, h1: usize) -> Option<String> {
    let mut seen = 0;
    let mut i = h1 + 1;
    let mut pending = false;
    while i < doc.len() && seen < 40 {
        let n = doc.nodes[i];
        match n.tag {
            Tag::Text => {
                let t = decoded_text(doc, i);
                if !t.is_empty() {
                    seen += 1;
                    if pending {
                        return Some(t).filter(|t| t.len() < 100);
                    }
                    let lower = t.to_lowercase();
                    if matches!(
                        lower.as_str(),
                        "by" | "written by" | "posted by" | "author" | "author:" | "authors:" | "words by"
                    ) {
                        pending = true;
                    } else if t.len() < 100 {
                        if let Some(p) = BY_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
                            // `get`: lowercasing may change byte lengths outside ASCII.
                            return t.get(p.len()..).map(|r| r.trim().to_string());
                        }
                    }
                }
            }
            Tag::Script | Tag::Style | Tag::Svg | Tag::Noscript | Tag::Template => {
                i = n.end as usize;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether `i` has an ancestor with tag `t` (bounded walk: used rarely).
fn under(doc: &Document, mut i: usize, t: Tag) -> bool {
    for _ in 0..64 {
        let p = doc.nodes[i].parent;
        if p == u32::MAX {
            return false;
        }
        i = p as usize;
        if doc.nodes[i].tag == t {
            return true;
        }
    }
    false
}

fn parse_json_ld(text: &str) -> Option<Value> {
    let t = text.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t);
    let t = t
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(t).ok().or_else(|| {
        // Raw control characters inside strings are a common CMS bug.
        let cleaned: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Collects JSON-LD objects with an explicit stack (input depth is not
/// trusted), then reads the article object. `@graph` layouts (Yoast and kin)
/// reference the author by `@id`, so references are resolved against all
/// objects of the page's JSON-LD.
fn walk_json_ld(roots: &[Value], raw: &mut Raw) {
    let mut objects: Vec<&serde_json::Map<String, Value>> = Vec::new();
    let mut stack: Vec<(&Value, u8)> = roots.iter().rev().map(|v| (v, 0)).collect();
    while let Some((value, depth)) = stack.pop() {
        if depth > 8 || objects.len() > 2000 {
            continue;
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().rev().map(|v| (v, depth + 1))),
            Value::Object(map) => {
                objects.push(map);
                for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"] {
                    if let Some(v) = map.get(key) {
                        if v.is_object() || v.is_array() {
                            stack.push((v, depth + 1));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let has_type = |m: &serde_json::Map<String, Value>, types: &[&str]| match m.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    };
    let by_id = |id: &str| {
        objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.len() > 1)
            .copied()
    };

    let article = objects.iter().find(|o| has_type(o, ARTICLE_TYPES)).copied();
    // Pages (not posts) often carry their dates only on the WebPage object.
    let page = objects
        .iter()
        .find(|o| has_type(o, &["WebPage", "ItemPage", "AboutPage", "CollectionPage", "FAQPage", "ProfilePage"]))
        .copied();
    if let Some(map) = article {
        raw.ld_found = true;
        raw.ld_headline = map.get("headline").or_else(|| map.get("name")).and_then(str_value);
        raw.ld_body = map.get("articleBody").and_then(str_value);
        raw.ld_url = map.get("url").and_then(str_value);
    }
    for map in article.iter().chain(page.iter()) {
        if raw.ld_published.is_none() {
            raw.ld_published = map.get("datePublished").or_else(|| map.get("dateCreated")).and_then(str_value);
        }
        if raw.ld_modified.is_none() {
            raw.ld_modified = map.get("dateModified").and_then(str_value);
        }
        if raw.ld_authors.is_empty() {
            if let Some(a) = map.get("author").or_else(|| map.get("creator")) {
                raw.ld_authors = names_of(a, &by_id);
            }
        }
        if raw.ld_lang.is_none() {
            raw.ld_lang = map.get("inLanguage").and_then(str_value);
        }
        if raw.ld_publisher.is_none() {
            raw.ld_publisher = map.get("publisher").and_then(|p| {
                let p = match p {
                    Value::Array(a) => a.first()?,
                    p => p,
                };
                match p {
                    Value::Object(o) => o.get("name").and_then(str_value).or_else(|| {
                        o.get("@id")
                            .and_then(Value::as_str)
                            .and_then(by_id)
                            .and_then(|o| o.get("name"))
                            .and_then(str_value)
                    }),
                    Value::String(s) => Some(s.clone()),
                    _ => None,
                }
            });
        }
    }
    if raw.ld_publisher.is_none() {
        raw.ld_publisher = objects
            .iter()
            .find(|o| has_type(o, &["NewsMediaOrganization", "WebSite"]))
            .and_then(|o| o.get("name"))
            .and_then(str_value);
    }
}

fn str_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(html_unescape(s.trim())),
        Value::Array(a) => a.first().and_then(str_value),
        _ => None,
    }
}

/// JSON-LD strings are sometimes HTML-escaped (even twice) by CMSs.
fn html_unescape(s: &str) -> String {
    let mut cur = s.to_string();
    for _ in 0..2 {
        if !cur.contains('&') {
            break;
        }
        let mut out = String::with_capacity(cur.len());
        decode_entities(&cur, &mut out);
        cur = out;
    }
    collapse(&cur)
}

/// Author names from a JSON-LD `author` value: `(people, organizations)`.
/// A declared `Person` name is kept verbatim (credentials such as
/// "Jane Roe, MD" included): it is one person by declaration. Plain strings
/// may list several people and are split.
/// Person names of a JSON-LD `author` value; organizations are not bylines.
fn names_of<'v>(v: &'v Value, by_id: &dyn Fn(&str) -> Option<&'v serde_json::Map<String, Value>>) -> Vec<String> {
    let mut people: Vec<String> = Vec::new();
    let push = |n: String, out: &mut Vec<String>| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().take(20).collect(),
        other => vec![other],
    };
    for item in items {
        match item {
            Value::String(s) => split_names(&html_unescape(s)).into_iter().for_each(|n| push(n, &mut people)),
            Value::Object(o) => {
                // `{"@id": "…#/schema/person/…"}` refers to an object elsewhere in the graph.
                let o = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                    (None, Some(id)) => by_id(id).unwrap_or(o),
                    _ => o,
                };
                let ty = match o.get("@type") {
                    Some(Value::String(t)) => t.as_str(),
                    Some(Value::Array(ts)) => ts.first().and_then(Value::as_str).unwrap_or(""),
                    _ => "",
                };
                let Some(name) = o.get("name").and_then(str_value) else { continue };
                let is_org = ty.contains("Organization") || ty == "Corporation" || ty == "WebSite";
                if !is_org && plausible_person(&name) {
                    push(name, &mut people);
                }
            }
            _ => {}
        }
    }
    people
}

fn plausible_person(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=8).contains(&words)
        && !name.contains("://")
        && !name.contains('@')
        && name.len() < 100
        && name.chars().next().is_some_and(char::is_alphanumeric)
}


impl Raw {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

const DATE_META_KEYS: &[&str] = &[
    "article:published_time", "datepublished", "og:published_time", "article.published", "published_time", "publish-date", "publish_date",
    "publishdate", "pubdate", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime", "article:published", "og:article:published_time", "release_date", "date",
    "citation_publication_date", "citation_date", "originalpublicationdate", "article_date_original", "displaydate",
];

const AUTHOR_META_KEYS: &[&str] = &[
    "author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "cxenseparse:author",
    "citation_author", "twitter:creator",
];

fn decide(raw: Raw) -> Meta {
    let site_name = raw
        .meta("og:site_name")
        .map(str::to_string)
        .or_else(|| raw.ld_publisher.clone())
        .or_else(|| raw.meta("application-name").map(str::to_string));

    let published = raw
        .ld_published
        .clone()
        .or_else(|| DATE_META_KEYS.iter().find_map(|k| raw.meta(k)).map(str::to_string))
        .or_else(|| {
            // Any other meta that calls itself a publication date (`cludo:date`, `pub-date`, …).
            raw.metas
                .iter()
                .find(|(k, v)| {
                    (k.contains("publish") || k.ends_with("date") || k.ends_with("pubdate"))
                        && !k.contains("modif")
                        && !k.contains("update")
                        && crate::dates::find_date(v).is_some()
                })
                .map(|(_, v)| v.clone())
        })
        .or_else(|| {
            raw.time_elements
                .iter()
                .find(|t| t.chars().filter(|c| c.is_ascii_digit()).count() >= 4)
                .cloned()
        });

    // Author sources, most reliable first; the first that yields a name
    // (other than the site itself) wins.
    let site_n = site_name.as_deref().map(norm);
    let publisher_n = raw.ld_publisher.as_deref().map(norm);
    let not_site = |names: Vec<String>| -> Vec<String> {
        names
            .into_iter()
            .filter(|a| Some(norm(a)) != site_n && Some(norm(a)) != publisher_n && !norm(a).is_empty())
            .collect()
    };
    // Declared authors may equal the site name (personal sites); visible
    // byline text that equals it is the publisher's credit line instead.
    let mut authors = raw.ld_authors.clone();
    if authors.is_empty() {
        let written_by = raw
            .meta("twitter:label1")
            .is_some_and(|l| l.eq_ignore_ascii_case("written by"))
            .then(|| raw.meta("twitter:data1"))
            .flatten();
        for v in AUTHOR_META_KEYS.iter().filter_map(|k| raw.meta(k)).chain(written_by) {
            {
                if v.contains("://") || v.starts_with('@') {
                    continue; // profile URLs and social handles are not names
                }
                authors = split_names(v);
                if !authors.is_empty() {
                    break;
                }
            }
        }
    }
    if authors.is_empty() {
        for b in &raw.byline_elements {
            // "Jane Roe USA TODAY": the outlet follows the name.
            let b = match site_name.as_deref() {
                Some(site) if site.len() > 2 && b.ends_with(site) && b.len() > site.len() => &b[..b.len() - site.len()],
                _ => b.as_str(),
            };
            authors = not_site(split_names(b));
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        if let Some(b) = &raw.headline_byline {
            authors = not_site(split_names(b));
        }
    }

    let title = choose_title(&raw, site_name.as_deref());
    // With no declared site name, the suffix the page title carries names the outlet.
    let site_name = site_name.or_else(|| {
        let rest = raw.html_title.as_deref()?.strip_prefix(title.as_deref()?)?.trim_start();
        let sep = TITLE_SEPARATORS.iter().find(|s| rest.starts_with(s.trim_start()))?;
        Some(rest[sep.trim_start().len()..].trim().to_string()).filter(|s| !s.is_empty() && s.split_whitespace().count() <= 5)
    });
    let url = raw
        .meta("og:url")
        .map(str::to_string)
        .or(raw.canonical.clone())
        .or(raw.ld_url.clone());
    let lang = raw.lang.clone().or(raw.ld_lang.clone()).or_else(|| {
        ["og:locale", "language", "content-language", "dc.language"]
            .iter()
            .find_map(|k| raw.meta(k))
            .map(str::to_string)
    });
    let modified = raw.ld_modified.clone().or_else(|| {
        [
            "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
        ]
        .iter()
        .find_map(|k| raw.meta(k))
        .map(str::to_string)
    });
    // Dates shown to readers, most reliable first.
    let headline_date = raw.headline_date.clone();
    let mut text_dates: Vec<String> = raw.headline_date.into_iter().collect();
    text_dates.extend(raw.label_dates);
    text_dates.extend(raw.text_dates);
    text_dates.extend(raw.shown_times.iter().filter_map(|t| crate::dates::find_date(t)));
    Meta {
        title,
        authors,
        published,
        site_name,
        url,
        lang,
        ld_body: raw.ld_body,
        modified,
        text_dates,
        headline_date,
    }
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " || ", " : "];

/// Strips `| Site Name` style suffixes (and `Site Name |` prefixes) from a title.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let mut title = collapse(title);
    let site_n = site.map(norm).filter(|s| !s.is_empty());
    // Bounded: each round removes a separator.
    for _ in 0..4 {
        let mut changed = false;
        for sep in TITLE_SEPARATORS {
            if let Some(pos) = title.rfind(sep) {
                let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
                let tail_n = norm(tail);
                let is_site = site_n
                    .as_ref()
                    .is_some_and(|s| tail_n == *s || (tail_n.contains(s.as_str()) && tail.split_whitespace().count() <= 6))
                    || (*sep != " : " && tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3);
                if is_site && !head.trim().is_empty() {
                    title = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(pos) = title.find(sep) {
                let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
                if site_n.as_ref().is_some_and(|s| norm(head) == *s) && !tail.trim().is_empty() {
                    title = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    title
}

fn choose_title(raw: &Raw, site: Option<&str>) -> Option<String> {
    let metas: Vec<&str> = [
        raw.ld_headline.as_deref(),
        raw.meta("og:title"),
        raw.meta("twitter:title"),
        raw.html_title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The visible headline is the most faithful, when the metadata confirms it is the headline.
    for h1 in &raw.h1s {
        let n = norm(h1);
        if n.len() >= 8 && metas.iter().any(|m| norm(m).contains(&n)) {
            return Some(h1.clone());
        }
    }
    // Else the `<h1>` heading the article text: SEO titles often differ
    // from the visible headline. Not when it is the site's name (blog logos).
    if let Some(h1) = &raw.container_h1 {
        let n = norm(h1);
        let is_site = site.is_some_and(|s| norm(s) == n);
        if n.len() >= 8 && h1.split_whitespace().count() >= 2 && h1.len() < 300 && !is_site && !h1.contains("{{") {
            return Some(h1.clone());
        }
    }
    if let Some(h) = &raw.ld_headline {
        return Some(strip_site(h, site));
    }
    if let Some(m) = metas.first() {
        return Some(strip_site(m, site));
    }
    raw.h1s.first().cloned()
}
