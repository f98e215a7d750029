//! JSONL: one article per line. Recognised fields: `id`, `title`,
//! `text|content|body`, `date|published|...`, `source|outlet|...`, `url`,
//! `authors|author`, `language`; all other fields are kept in `extra`.

use newsfuse_doc::Format;
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::decode::{decode, Declared};
use crate::html::fragment_blocks;
use crate::news::{split_names, Block};
use crate::{assemble, dates, origin, Ctx, Failure, FileOutcome, Meta, ReadError};

const TEXT_KEYS: &[&str] = &["text", "content", "body", "article", "articleBody", "maintext", "full_text"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["date", "published", "publish_date", "published_at", "pubDate", "datePublished", "date_publish", "publication_date", "timestamp"];
const OUTLET_KEYS: &[&str] = &["source", "outlet", "publisher", "site_name", "source_name", "domain"];
const URL_KEYS: &[&str] = &["url", "link", "source_url"];
const AUTHOR_KEYS: &[&str] = &["authors", "author", "byline", "creator"];
const LANG_KEYS: &[&str] = &["language", "lang"];
const ID_KEYS: &[&str] = &["id", "_id", "guid", "uuid", "doc_id"];

pub(crate) fn read(ctx: &Ctx<'_>, bytes: &[u8]) -> FileOutcome {
    let mut out = FileOutcome::default();
    let decoded = match decode(bytes, Declared::None, false) {
        Ok(d) => d,
        Err(e) => return FileOutcome::failed(ctx.shown, e),
    };
    // Lines are independent: parse and clean them in parallel, keeping file order.
    let lines: Vec<(u32, &str)> = decoded.text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l.trim())).filter(|(_, l)| !l.is_empty()).collect();
    let results: Vec<Result<newsfuse_doc::Document, Failure>> = lines
        .par_iter()
        .map(|&(line_no, line)| {
            let fail = |error: ReadError| Failure {
                path: ctx.shown.to_string(),
                location: Some(format!("line {line_no}")),
                error,
            };
            let record: Map<String, Value> = match serde_json::from_str(line) {
                Ok(Value::Object(map)) => map,
                Ok(_) => return Err(fail(ReadError::Parse("not a JSON object".into()))),
                Err(e) => return Err(fail(ReadError::Parse(format!("invalid JSON: {e}")))),
            };
            document(ctx, record, line_no, &decoded).map_err(fail)
        })
        .collect();
    for result in results {
        match result {
            Ok(doc) => out.documents.push(doc),
            Err(f) => out.failures.push(f),
        }
    }
    out
}

fn take_str(map: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for key in keys {
        if let Some(v) = map.get(*key) {
            let s = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => continue,
            };
            map.remove(*key);
            if !s.is_empty() {
                return Some(s);
            }
        }
    }
    None
}

fn document(ctx: &Ctx<'_>, mut map: Map<String, Value>, line_no: u32, decoded: &crate::decode::Decoded) -> Result<newsfuse_doc::Document, ReadError> {
    let text = take_str(&mut map, TEXT_KEYS).ok_or_else(|| ReadError::Parse(format!("no text field (one of {})", TEXT_KEYS.join(", "))))?;
    let id = take_str(&mut map, ID_KEYS).unwrap_or_else(|| format!("{}#{line_no}", ctx.stem));
    let authors = AUTHOR_KEYS
        .iter()
        .find_map(|k| {
            let v = map.remove(*k)?;
            Some(match v {
                Value::String(s) => split_names(&s),
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| match i {
                        Value::String(s) => Some(s.trim().to_string()),
                        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
                        _ => None,
                    })
                    .filter(|s| !s.is_empty())
                    .collect(),
                _ => Vec::new(),
            })
        })
        .unwrap_or_default();
    let raw_date = take_str(&mut map, DATE_KEYS);
    let published = raw_date.as_deref().and_then(dates::parse);
    let mut flags = Vec::new();
    if raw_date.is_some() && published.is_none() {
        flags.push("unreadable-date".to_string());
        map.insert("date_as_given".into(), Value::String(raw_date.unwrap_or_default()));
    }
    let meta = Meta {
        outlet: take_str(&mut map, OUTLET_KEYS),
        url: take_str(&mut map, URL_KEYS),
        title: take_str(&mut map, TITLE_KEYS),
        authors,
        published,
        modified: None,
        language: take_str(&mut map, LANG_KEYS),
        extra: map,
        flags,
    };
    let blocks = text_blocks(&text);
    assemble(id, origin(ctx.shown, Format::Jsonl, Some(line_no), decoded), blocks, meta)
}

/// Body text from a field that may hold plain text or an HTML fragment.
pub(crate) fn text_blocks(text: &str) -> Vec<Block> {
    let t = text.trim_start();
    if t.starts_with('<') && t.contains('>') {
        return fragment_blocks(text);
    }
    let has_blank_lines = text.contains("\n\n");
    let sep = if has_blank_lines { "\n\n" } else { "\n" };
    text.split(sep).map(|p| Block::body(p.split_whitespace().collect::<Vec<_>>().join(" "))).filter(|b| !b.text.is_empty()).collect()
}
