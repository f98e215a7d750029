//! JSONL: one article per line. Recognised fields: `id`, `title`,
//! `text|content|body`, `date|published|...`, `source|outlet|...`, `url`,
//! `authors|author`, `language`; all other fields are kept in `extra`.
//! Only `id` and the date may be numbers; a recognised field of another type
//! (`"url": 42`) is not coerced: it stays in `extra` as given and the
//! document is flagged `wrong-type-field` (for the text, the line fails).

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
    // Past `--max-docs` lines, the rest are not parsed at all (read_bytes reports it).
    let lines: Vec<(u32, &str)> = decoded
        .text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .take(ctx.options.max_documents.saturating_add(1))
        .collect();
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

/// The first of `keys` holding a string (or, for ids and dates, a number),
/// removed from `map`. Values of other types are left where they are.
fn take(map: &mut Map<String, Value>, keys: &[&str], numbers: bool) -> Option<String> {
    for key in keys {
        if let Some(v) = map.get(*key) {
            let s = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) if numbers => n.to_string(),
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

fn take_str(map: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    take(map, keys, false)
}

/// JSON's name for a value's type, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn document(ctx: &Ctx<'_>, mut map: Map<String, Value>, line_no: u32, decoded: &crate::decode::Decoded) -> Result<newsfuse_doc::Document, ReadError> {
    let Some(text) = take_str(&mut map, TEXT_KEYS) else {
        if let Some((key, v)) = TEXT_KEYS.iter().find_map(|k| map.get(*k).filter(|v| !v.is_null()).map(|v| (k, v))) {
            return Err(ReadError::Parse(format!("field \"{key}\" is {}, not a string", type_name(v))));
        }
        return Err(ReadError::Parse(format!("no text field (one of {})", TEXT_KEYS.join(", "))));
    };
    let id = take(&mut map, ID_KEYS, true).unwrap_or_else(|| format!("{}#{line_no}", ctx.stem));
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
    let raw_date = take(&mut map, DATE_KEYS, true);
    let published = raw_date.as_deref().and_then(dates::parse);
    let mut flags = Vec::new();
    if raw_date.is_some() && published.is_none() {
        flags.push("unreadable-date".to_string());
        map.insert("date_as_given".into(), Value::String(raw_date.unwrap_or_default()));
    }
    let outlet = take_str(&mut map, OUTLET_KEYS);
    let url = take_str(&mut map, URL_KEYS);
    let title = take_str(&mut map, TITLE_KEYS);
    let language = take_str(&mut map, LANG_KEYS);
    // What is left of the recognised fields was of the wrong type: kept as given, and said so.
    let recognised = [TEXT_KEYS, ID_KEYS, DATE_KEYS, OUTLET_KEYS, URL_KEYS, TITLE_KEYS, LANG_KEYS];
    if recognised.iter().flat_map(|keys| keys.iter()).any(|k| map.get(*k).is_some_and(|v| !v.is_null())) {
        flags.push("wrong-type-field".to_string());
    }
    let meta = Meta {
        outlet,
        url,
        title,
        authors,
        published,
        modified: None,
        language,
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

#[cfg(test)]
mod tests {
    use crate::{read_bytes, ReadError, ReadOptions};

    #[test]
    fn fields_of_the_wrong_type_are_kept_as_given_and_flagged() {
        let jsonl = b"{\"id\": 7, \"url\": 42, \"title\": [\"a\"], \"text\": \"The bridge reopened on Monday.\"}\n{\"id\": \"b\", \"text\": 42}\n";
        let out = read_bytes("a.jsonl", "a.jsonl", jsonl, &ReadOptions::default());
        let d = &out.documents[0];
        assert_eq!(d.id, "7");
        assert_eq!((d.url.as_deref(), d.title.as_deref()), (None, None));
        assert!(d.has_flag("wrong-type-field"));
        assert_eq!(d.extra["url"], 42);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].to_string(), "a.jsonl: line 2: field \"text\" is a number, not a string");
    }

    #[test]
    fn documents_past_the_limit_are_not_read() {
        let jsonl: String = (0..50).map(|i| format!("{{\"id\": {i}, \"text\": \"Story number {i} of the batch.\"}}\n")).collect();
        let options = ReadOptions { max_documents: 10, ..ReadOptions::default() };
        let out = read_bytes("a.jsonl", "a.jsonl", jsonl.as_bytes(), &options);
        assert_eq!(out.documents.len(), 10);
        assert_eq!(out.documents[9].id, "9");
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].error, ReadError::TooManyDocuments { limit: 10 });
        assert!(out.failures[0].to_string().ends_with("(raise it with --max-docs)"));
    }
}
