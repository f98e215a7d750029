//! News metadata from an HTML page: JSON-LD (`NewsArticle` and kin), Open
//! Graph, `<meta>` tags, `<time>`, byline elements, `<title>` and `<h1>`.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

use crate::dates::{self, ParsedDate};
use crate::news::split_names;

/// What the page says about itself, before any choice between sources.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<(ParsedDate, &'static str)>,
    pub modified: Option<ParsedDate>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// Texts of headings (`h1`–`h6`) so extracted blocks can be typed as such.
    pub headings: HashSet<String>,
}

#[derive(Default)]
struct Raw {
    ld_headline: Option<String>,
    ld_authors: Vec<String>,
    ld_published: Option<String>,
    ld_modified: Option<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
    ld_lang: Option<String>,
    metas: Vec<(String, String)>,
    html_title: Option<String>,
    h1s: Vec<String>,
    time_elements: Vec<String>,
    visible_dates: Vec<String>,
    inline_json_date: Option<String>,
    headline_date: Option<ParsedDate>,
    headline_byline: Vec<String>,
    byline_elements: Vec<String>,
    canonical: Option<String>,
    lang: Option<String>,
    headings: HashSet<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
];

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static HEADINGS: LazyLock<Selector> = LazyLock::new(|| sel("h1, h2, h3, h4, h5, h6"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime], [itemprop=datePublished], [data-pubdate], [data-published]"));
/// Elements whose class names say they hold the page's date.
static DATE_CLASS: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"[class*="date"], [class*="Date"], [class*="publish"], [class*="posted"], [class*="byline"], [class*="meta"] span, time"#)
});
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"[rel=author], [itemprop=author], [class*="byline"], [class*="Byline"], [class*="author"], [class*="Author"], a[href*="/author/"], a[href*="/authors/"], [data-testid*="byline"]"#)
});
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel=canonical]"#));
static HTML_EL: LazyLock<Selector> = LazyLock::new(|| sel("html"));

fn element_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for t in el.text() {
        out.push_str(t);
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn read(doc: &Html, html: &str) -> PageMeta {
    let mut raw = Raw::default();
    raw.inline_json_date = date_in_inline_json(html);
    raw.headline_date = date_near_headline(html);
    raw.headline_byline = byline_near_headline(html);
    for script in doc.select(&LD_JSON) {
        let text: String = script.text().collect();
        if let Some(value) = parse_json_ld(&text) {
            walk_json_ld(&value, &mut raw, 0);
        }
    }
    for meta in doc.select(&META) {
        let el = meta.value();
        let key = el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            let content = content.trim();
            if !content.is_empty() {
                raw.metas.push((key.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    raw.html_title = doc.select(&TITLE).next().map(element_text).filter(|t| !t.is_empty());
    for h in doc.select(&HEADINGS) {
        let text = element_text(h);
        if text.is_empty() {
            continue;
        }
        if h.value().name() == "h1" {
            raw.h1s.push(text.clone());
        }
        raw.headings.insert(text);
    }
    for t in doc.select(&TIME) {
        let el = t.value();
        if let Some(v) = el.attr("datetime").or_else(|| el.attr("content")).or_else(|| el.attr("data-pubdate")).or_else(|| el.attr("data-published")) {
            raw.time_elements.push(v.to_string());
        } else {
            raw.time_elements.push(element_text(t));
        }
    }
    for el in doc.select(&DATE_CLASS).take(60) {
        let text = element_text(el);
        // Only short texts: a date with at most a label ("Published August 7, 2023").
        if text.len() <= 60 && text.chars().any(|c| c.is_ascii_digit()) {
            raw.visible_dates.push(text);
        }
    }
    for b in doc.select(&BYLINE).take(12) {
        let text = element_text(b);
        if !text.is_empty() && text.len() <= 100 {
            raw.byline_elements.push(text);
        }
    }
    raw.canonical = doc.select(&CANONICAL).next().and_then(|l| l.value().attr("href")).map(str::to_string);
    raw.lang = doc.select(&HTML_EL).next().and_then(|h| h.value().attr("lang")).map(str::to_string);
    decide(raw)
}

static INLINE_JSON_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r#"["']?(?:datePublished|publishedAt|publishedDate|published_at|publishDate|publish_date|first_publication_date|firstPublishedAt|pubDate)["']?\s*:\s*["']([0-9]{4}-[0-9]{2}-[0-9]{2}[^"']{0,25})["']"#).unwrap()
});

/// A publication date in the page's inline application data (Next.js, Nuxt,
/// Contentful, Prismic): `"publishedAt":"2025-10-20T13:08:55-07:00"`.
fn date_in_inline_json(html: &str) -> Option<String> {
    INLINE_JSON_DATE.captures(html).map(|c| c[1].to_string())
}

static TAG: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"(?s)<script.*?</script>|<style.*?</style>|<[^>]*>").unwrap());

/// The visible text right after the headline (`</h1>`), up to `max_chars`:
/// article templates print the byline and the date line there.
fn text_after_headline(html: &str, max_chars: usize) -> Option<String> {
    let pos = html.find("</h1>").or_else(|| html.find("</H1>"))?;
    let mut end = (pos + 6000).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let text = TAG.replace_all(&html[pos + 5..end], " ");
    let mut text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut cut = text.len().min(max_chars);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    Some(text)
}

/// The first full date printed within a few hundred characters after the headline.
fn date_near_headline(html: &str) -> Option<ParsedDate> {
    dates::find_in_text(&text_after_headline(html, 300)?)
}

static BY_NAMES: LazyLock<regex::Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|de|der|von|da|del)){0,3}";
    regex::Regex::new(&format!(r"(?:^|[\s|•·,])(?:[Ww]ritten |[Tt]ext |[Aa]rticle |[Pp]osted |[Rr]eported )?[Bb]y:?\s+((?:the )?{name}(?:\s*(?:,|and|&)\s*{name})*)")).unwrap()
});

/// A "By Name" line printed under the headline.
fn byline_near_headline(html: &str) -> Vec<String> {
    let Some(text) = text_after_headline(html, 400) else { return Vec::new() };
    BY_NAMES.captures(&text).map(|c| split_names(&c[1])).unwrap_or_default()
}

fn parse_json_ld(text: &str) -> Option<Value> {
    let t = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim();
    serde_json::from_str(t).ok()
}

fn walk_json_ld(value: &Value, raw: &mut Raw, depth: usize) {
    let mut nodes = Vec::new();
    collect_nodes(value, &mut nodes, 0);
    let _ = depth;
    let persons: Vec<(&str, &serde_json::Map<String, Value>)> = nodes
        .iter()
        .filter(|n| has_type(n, &["Person"]))
        .filter_map(|n| n.get("@id").and_then(Value::as_str).map(|id| (id, *n)))
        .collect();
    let resolve = |v: &Value| -> Vec<String> {
        // An author given only as {"@id": ...} points at a Person node elsewhere in the graph.
        let resolved;
        let v = match v {
            Value::Object(o) if !o.contains_key("name") => match o.get("@id").and_then(Value::as_str).and_then(|id| persons.iter().find(|(pid, _)| *pid == id)) {
                Some((_, person)) => {
                    resolved = Value::Object((*person).clone());
                    &resolved
                }
                None => v,
            },
            _ => v,
        };
        names_of(v)
    };
    for node in &nodes {
        if has_type(node, ARTICLE_TYPES) && raw.ld_headline.is_none() {
            raw.ld_headline = node.get("headline").or_else(|| node.get("name")).and_then(str_value);
            raw.ld_published = node.get("datePublished").or_else(|| node.get("dateCreated")).and_then(str_value);
            raw.ld_modified = node.get("dateModified").and_then(str_value);
            raw.ld_authors = node.get("author").map(|a| match a {
                Value::Array(items) => items.iter().flat_map(|i| resolve(i)).collect(),
                other => resolve(other),
            }).unwrap_or_default();
            raw.ld_publisher = node.get("publisher").and_then(|p| match p {
                Value::Object(o) => o.get("name").and_then(str_value),
                Value::String(s) => Some(s.clone()),
                _ => None,
            });
            raw.ld_url = node.get("url").and_then(str_value);
            raw.ld_lang = node.get("inLanguage").and_then(str_value);
        }
    }
    // Pages that describe themselves only as a WebPage (common with SEO plugins)
    // still date and credit themselves there.
    for node in &nodes {
        if has_type(node, &["WebPage", "ItemPage", "AboutPage", "CollectionPage", "MedicalWebPage", "FAQPage"]) {
            if raw.ld_published.is_none() {
                raw.ld_published = node.get("datePublished").and_then(str_value);
            }
            if raw.ld_authors.is_empty() {
                raw.ld_authors = node.get("author").map(|a| resolve(a)).unwrap_or_default();
            }
        }
    }
}

/// Every JSON object in a JSON-LD value, `@graph` members included.
fn collect_nodes<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>, depth: usize) {
    if depth > 8 || out.len() > 500 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_nodes(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_nodes(graph, out, depth + 1);
            }
            if let Some(main) = map.get("mainEntity") {
                collect_nodes(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(node: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

fn str_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(html_unescape(s.trim())),
        Value::Array(a) => a.first().and_then(str_value),
        _ => None,
    }
}

/// JSON-LD strings are sometimes HTML-escaped twice by CMSs.
fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => split_names(s),
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                for n in names_of(item) {
                    if !out.contains(&n) {
                        out.push(n);
                    }
                }
            }
            out
        }
        Value::Object(o) => {
            let is_org = o.get("@type").and_then(Value::as_str).is_some_and(|t| t == "Organization" || t == "NewsMediaOrganization");
            let is_person = o.get("@type").and_then(Value::as_str) == Some("Person");
            match o.get("name").and_then(str_value) {
                // A node typed Person is a person even when written in lower case.
                Some(name) if is_person && !name.contains(',') && name.split_whitespace().count() <= 5 && !crate::news::is_placeholder_name(&name) => vec![name],
                Some(name) if !is_org => split_names(&name),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

impl Raw {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        for key in keys {
            if let Some((_, v)) = self.metas.iter().find(|(k, _)| k == key) {
                return Some(v.as_str());
            }
        }
        None
    }
}

const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "article:published",
    "og:article:published_time",
    "release_date",
];

const AUTHOR_META_KEYS: &[&str] = &["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author", "cxenseparse:author", "twitter:creator"];

fn decide(raw: Raw) -> PageMeta {
    let site_name = raw
        .meta(&["og:site_name", "application-name", "publisher"])
        .map(str::to_string)
        .or_else(|| raw.ld_publisher.clone());

    let published = raw
        .ld_published
        .as_deref()
        .and_then(dates::parse)
        .map(|d| (d, "json-ld"))
        .or_else(|| DATE_META_KEYS.iter().find_map(|k| raw.meta(&[k]).and_then(dates::parse)).map(|d| (d, "meta")))
        .or_else(|| raw.time_elements.iter().find_map(|t| dates::parse(t)).map(|d| (d, "time element")))
        .or_else(|| {
            raw.metas
                .iter()
                .filter(|(k, _)| (k.contains("date") || k.contains("publish")) && !k.contains("modif") && !k.contains("update") && !k.contains("expir"))
                .find_map(|(_, v)| dates::parse(v))
                .map(|d| (d, "meta"))
        })
        .or_else(|| raw.inline_json_date.as_deref().and_then(dates::parse).map(|d| (d, "inline json")))
        .or_else(|| raw.visible_dates.iter().find_map(|t| dates::find_in_text(t)).map(|d| (d, "visible date")))
        .or_else(|| raw.headline_date.clone().map(|d| (d, "date under the headline")));

    let modified = raw
        .ld_modified
        .as_deref()
        .and_then(dates::parse)
        .or_else(|| raw.meta(&["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"]).and_then(dates::parse));

    let mut authors = raw.ld_authors.clone();
    if authors.is_empty() {
        for key in AUTHOR_META_KEYS {
            if let Some(v) = raw.meta(&[key]) {
                let v = v.trim_start_matches('@');
                if v.contains("://") {
                    continue;
                }
                authors = split_names(v);
                if !authors.is_empty() {
                    break;
                }
            }
        }
    }
    if authors.is_empty() {
        // Yoast SEO: <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Name">
        for n in 1..=3 {
            let label = raw.meta(&[&format!("twitter:label{n}")]).unwrap_or("");
            if label.eq_ignore_ascii_case("written by") || label.eq_ignore_ascii_case("author") {
                if let Some(v) = raw.meta(&[&format!("twitter:data{n}")]) {
                    authors = split_names(v);
                }
            }
        }
    }
    if authors.is_empty() {
        for b in &raw.byline_elements {
            authors = split_names(b);
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        authors = raw.headline_byline.clone();
    }

    let title = choose_title(&raw, site_name.as_deref());
    // With no declared site name, the suffix the title carried names the outlet.
    let site_name = site_name.or_else(|| {
        let full = raw.html_title.as_deref()?;
        let headline = title.as_deref()?;
        let rest = full.strip_prefix(headline)?.trim_start();
        let sep = TITLE_SEPARATORS.iter().find(|s| rest.starts_with(s.trim_start()))?;
        Some(rest[sep.trim_start().len()..].trim().to_string()).filter(|s| !s.is_empty() && s.split_whitespace().count() <= 5)
    });
    let url = raw.meta(&["og:url"]).map(str::to_string).or(raw.canonical.clone()).or(raw.ld_url.clone());
    let lang = raw.ld_lang.clone().or(raw.lang.clone()).or_else(|| raw.meta(&["og:locale", "language", "content-language"]).map(str::to_string));
    PageMeta {
        title,
        authors,
        published,
        modified,
        site_name,
        url,
        lang,
        headings: raw.headings,
    }
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " || "];

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Strips `| Site Name` style suffixes and prefixes from a page title.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| norm(s) == norm(tail) || norm(tail).contains(&norm(s)) && !norm(s).is_empty())
                || tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3;
            if tail_is_site && !head.trim().is_empty() {
                return strip_site(head, site);
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if site.is_some_and(|s| norm(s) == norm(head)) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn choose_title(raw: &Raw, site: Option<&str>) -> Option<String> {
    let metas: Vec<&str> = [raw.ld_headline.as_deref(), raw.meta(&["og:title"]), raw.meta(&["twitter:title"]), raw.html_title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    // The visible headline is the most faithful, when the metadata confirms it
    // is the headline, or when it is the page's only h1 and not the site's name.
    for h1 in &raw.h1s {
        let n = norm(h1);
        if n.len() >= 8 && metas.iter().any(|m| norm(m).contains(&n)) {
            return Some(strip_site(h1, site));
        }
    }
    let mut distinct: Vec<&String> = raw.h1s.iter().collect();
    distinct.dedup();
    if let [only] = distinct[..] {
        let is_site = site.is_some_and(|s| norm(s) == norm(only));
        if !is_site && only.split_whitespace().count() >= 3 {
            return Some(strip_site(only, site));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_are_stripped() {
        assert_eq!(strip_site("Bridge collapses in Port Elvara | The Calvaria Herald", Some("The Calvaria Herald")), "Bridge collapses in Port Elvara");
        assert_eq!(strip_site("Bridge collapses in Port Elvara - BBC News", None), "Bridge collapses in Port Elvara");
        assert_eq!(strip_site("Herald | Bridge collapses in Port Elvara", Some("Herald")), "Bridge collapses in Port Elvara");
        assert_eq!(strip_site("Kyiv - the city that never sleeps, again", None), "Kyiv - the city that never sleeps, again");
    }

    #[test]
    fn json_ld_news_article() {
        let html = r#"<html lang="en"><head><title>Dam breaks | Herald</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Herald"},
{"@type":"NewsArticle","headline":"Dam breaks","datePublished":"2025-03-10T08:15:00+01:00",
"author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tomas Berg"}],
"publisher":{"@type":"Organization","name":"The Herald"}}]}</script></head>
<body><h1>Dam breaks</h1><h2>What happens next</h2></body></html>"#;
        let meta = read(&Html::parse_document(html), html);
        assert_eq!(meta.title.as_deref(), Some("Dam breaks"));
        assert_eq!(meta.authors, vec!["Ana Ruiz", "Tomas Berg"]);
        let (date, how) = meta.published.unwrap();
        assert_eq!(date.date, "2025-03-10");
        assert_eq!(how, "json-ld");
        assert_eq!(meta.site_name.as_deref(), Some("The Herald"));
        assert_eq!(meta.lang.as_deref(), Some("en"));
        assert!(meta.headings.contains("What happens next"));
    }

    #[test]
    fn open_graph_and_meta() {
        let html = r#"<html><head><title>Floods spread - Daily Post</title>
<meta property="og:title" content="Floods spread"><meta property="og:site_name" content="Daily Post">
<meta property="article:published_time" content="2025-03-11T06:00:00Z">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="author" content="Lena Ford"></head><body></body></html>"#;
        let meta = read(&Html::parse_document(html), html);
        assert_eq!(meta.title.as_deref(), Some("Floods spread"));
        assert_eq!(meta.authors, vec!["Lena Ford"]);
        assert_eq!(meta.published.unwrap().0.date, "2025-03-11");
    }
}
