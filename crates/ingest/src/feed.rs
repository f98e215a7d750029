//! RSS 2.0, Atom and JSON Feed through feed-rs: one document per item, the
//! full `content:encoded` body when present, else the summary (flagged).
//!
//! feed-rs parses a feed as a whole, so one malformed item would lose every
//! item. When the whole feed fails, each item is parsed on its own inside the
//! feed's envelope, and only the broken ones are reported; a feed cut off
//! mid-file keeps its complete items.
//!
//! An item without a guid or id takes its link's hash (as feed-rs makes it) or,
//! without a link, `STEM#N` from its position: never a random id, so the same
//! feed gives the same documents on every run.

use newsfuse_doc::{Document, Format};

use crate::decode::{decode, Declared, Decoded};
use crate::jsonl::text_blocks;
use crate::news::looks_like_name;
use crate::{assemble, dates, origin, Ctx, Failure, FileOutcome, Meta, ReadError};

pub(crate) fn read(ctx: &Ctx<'_>, bytes: &[u8]) -> FileOutcome {
    let decoded = match decode(bytes, Declared::None, true) {
        Ok(d) => d,
        Err(e) => return FileOutcome::failed(ctx.shown, e),
    };
    let source = decoded.text.trim_start_matches('\u{feff}');
    // feed-rs reads a feed cut off mid-file as if it were whole, half an item
    // included: such a feed is read item by item, so the cut item is reported.
    if source.trim_start().starts_with('<') && !closes_its_root(&source.to_ascii_lowercase()) {
        return read_item_by_item(ctx, source, &decoded, "the file ends before the feed does (cut off?)".into());
    }
    match parse(source) {
        Ok(feed) => {
            let mut out = FileOutcome::default();
            let format = format_of(&feed);
            let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string());
            for (i, entry) in feed.entries.into_iter().enumerate() {
                push(ctx, &mut out, entry, i as u32 + 1, format, outlet.clone(), &decoded);
            }
            out
        }
        Err(whole_error) => read_item_by_item(ctx, source, &decoded, whole_error.to_string()),
    }
}

/// feed-rs with deterministic ids: an item without a guid and without a link
/// gets an empty id, which [`document`] replaces by its position.
fn parse(source: &str) -> Result<feed_rs::model::Feed, feed_rs::parser::ParseFeedError> {
    feed_rs::parser::Builder::new()
        .id_generator(|links, title, _| links.first().map(|link| feed_rs::parser::generate_id_from_link_and_title(link, title)).unwrap_or_default())
        .build()
        .parse(source.as_bytes())
}

/// Whether lower-cased feed text holds the end of a feed.
fn closes_its_root(lower: &str) -> bool {
    ["</channel", "</feed", "</rss", "</rdf:rdf"].iter().any(|t| lower.contains(t))
}

fn format_of(feed: &feed_rs::model::Feed) -> Format {
    match feed.feed_type {
        feed_rs::model::FeedType::Atom => Format::Atom,
        feed_rs::model::FeedType::JSON => Format::JsonFeed,
        _ => Format::Rss,
    }
}

fn push(ctx: &Ctx<'_>, out: &mut FileOutcome, entry: feed_rs::model::Entry, index: u32, format: Format, outlet: Option<String>, decoded: &Decoded) {
    let label = format!("item {index}{}", if entry.id.is_empty() { String::new() } else { format!(" ({})", entry.id) });
    match document(ctx, entry, index, format, outlet, decoded) {
        Ok(doc) => out.documents.push(doc),
        Err(error) => out.failures.push(Failure {
            path: ctx.shown.to_string(),
            location: Some(label),
            error,
        }),
    }
}

fn document(ctx: &Ctx<'_>, entry: feed_rs::model::Entry, index: u32, format: Format, outlet: Option<String>, decoded: &Decoded) -> Result<Document, ReadError> {
    let mut flags = Vec::new();
    let body = entry.content.as_ref().and_then(|c| c.body.clone()).filter(|b| !b.trim().is_empty());
    let body = match body {
        Some(b) => b,
        None => {
            flags.push("summary-only".to_string());
            entry.summary.as_ref().map(|s| s.content.clone()).filter(|s| !s.trim().is_empty()).ok_or(ReadError::NoText)?
        }
    };
    let url = entry.links.first().map(|l| l.href.clone());
    let id = if !entry.id.is_empty() { entry.id.clone() } else { url.clone().unwrap_or_else(|| format!("{}#{index}", ctx.stem)) };
    let when = entry.published.or(entry.updated);
    let meta = Meta {
        outlet,
        url,
        title: entry.title.as_ref().map(|t| t.content.trim().to_string()),
        authors: entry.authors.iter().filter_map(|p| p.name.as_deref().map(|n| n.trim().to_string()).filter(|n| looks_like_name(n))).collect(),
        published: when.and_then(|t| dates::parse(&t.to_rfc3339())),
        modified: None,
        language: None,
        extra: Default::default(),
        flags,
    };
    assemble(id, origin(ctx.shown, format, Some(index), decoded), text_blocks(&body), meta)
}

/// Parses each `<item>` / `<entry>` alone, wrapped in the feed's own header
/// and footer, so a broken item costs only itself.
fn read_item_by_item(ctx: &Ctx<'_>, source: &str, decoded: &Decoded, whole_error: String) -> FileOutcome {
    let lower = source.to_ascii_lowercase();
    let (open, close) = if lower.contains("<item") { ("<item", "</item>") } else { ("<entry", "</entry>") };
    let starts: Vec<usize> = lower
        .match_indices(open)
        .map(|(i, _)| i)
        .filter(|&i| lower[i + open.len()..].starts_with(['>', ' ', '\n', '\r', '\t']))
        .collect();
    if starts.is_empty() {
        return FileOutcome::failed(ctx.shown, ReadError::Parse(format!("not a readable feed: {whole_error}")));
    }
    let header = &source[..starts[0]];
    let footer_start = lower.rfind(close).map(|i| i + close.len()).unwrap_or(source.len());
    let footer_start = footer_start.max(starts[0]);
    // A feed cut off mid-file has no closing tags: close it as its header opened it.
    let closed = closes_its_root(&lower[footer_start..]);
    let synthetic;
    let footer = if closed {
        &source[footer_start..]
    } else {
        let head = &lower[..starts[0]];
        synthetic = [("<channel", "</channel>"), ("<rss", "</rss>"), ("<rdf:rdf", "</rdf:RDF>"), ("<feed", "</feed>")]
            .iter()
            .filter(|(open, _)| head.contains(open))
            .map(|(_, close)| *close)
            .collect::<String>();
        &synthetic
    };
    let mut out = FileOutcome::default();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(if closed { footer_start.max(start) } else { source.len() });
        let item = &source[start..end];
        let index = n as u32 + 1;
        if !closed && n + 1 == starts.len() {
            // The cut item is lost; a cut between items loses none, but is said.
            let cut_item = !lower[start..end].contains(close);
            out.failures.push(Failure {
                path: ctx.shown.to_string(),
                location: cut_item.then(|| format!("item {index}")),
                error: ReadError::Parse(if cut_item { "the file ends inside this item (cut off?)" } else { "the file ends before the feed does (cut off?)" }.into()),
            });
            if cut_item {
                continue;
            }
        }
        let wrapped = format!("{header}{item}{footer}");
        match parse(&wrapped) {
            Ok(feed) if feed.entries.len() == 1 => {
                let format = format_of(&feed);
                let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string());
                let entry = feed.entries.into_iter().next().expect("one entry");
                push(ctx, &mut out, entry, index, format, outlet, decoded);
            }
            Ok(_) => out.failures.push(Failure {
                path: ctx.shown.to_string(),
                location: Some(format!("item {index}")),
                error: ReadError::Parse("malformed item".into()),
            }),
            Err(e) => out.failures.push(Failure {
                path: ctx.shown.to_string(),
                location: Some(format!("item {index}")),
                error: ReadError::Parse(format!("malformed item: {e}")),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, ReadOptions};

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier</title><link>https://courier.example</link>
<item><title>Floods reach the old town</title><link>https://courier.example/floods</link><guid>courier-1</guid>
<pubDate>Tue, 11 Mar 2025 07:30:00 +0000</pubDate><dc:creator>Mara Voss</dc:creator>
<content:encoded><![CDATA[<p>Water reached the old town on Monday.</p><p>The mayor said 3,000 people left.</p>]]></content:encoded></item>
ITEM2
<item><title>Cup final</title><guid>courier-3</guid><description>The home side won 2-1.</description></item>
</channel></rss>"#;

    #[test]
    fn items_become_documents() {
        let xml = RSS.replace("ITEM2", "");
        let out = read_bytes("f.xml", "f.xml", xml.as_bytes(), &ReadOptions::default());
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        assert_eq!(out.documents.len(), 2);
        let d = &out.documents[0];
        assert_eq!(d.id, "courier-1");
        assert_eq!(d.outlet.as_deref(), Some("Valley Courier"));
        assert_eq!(d.byline, vec!["Mara Voss"]);
        assert_eq!(d.published.date.as_deref(), Some("2025-03-11"));
        assert_eq!(d.text, "Water reached the old town on Monday.\n\nThe mayor said 3,000 people left.");
        assert!(out.documents[1].has_flag("summary-only"));
    }

    #[test]
    fn one_malformed_item_costs_only_itself() {
        let xml = RSS.replace("ITEM2", "<item><title>Broken <b>unclosed</title><guid>courier-2</guid><description>x</item>");
        let out = read_bytes("f.xml", "f.xml", xml.as_bytes(), &ReadOptions::default());
        assert_eq!(out.documents.len(), 2, "{:?}", out.failures);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].location.as_deref(), Some("item 2"));
    }

    #[test]
    fn a_feed_cut_off_keeps_its_complete_items() {
        let xml = RSS.replace("ITEM2", "<item><title>Ferry</title><guid>courier-2</guid><description>Ferries run again.</description></item>");
        let cut = xml.find("Cup final").unwrap();
        let out = read_bytes("f.xml", "f.xml", xml[..cut].as_bytes(), &ReadOptions::default());
        let ids: Vec<&str> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["courier-1", "courier-2"], "{:?}", out.failures);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].location.as_deref(), Some("item 3"));
        // Cut between two items: every item is complete, and the cut is said.
        let cut = xml.find("<item><title>Cup").unwrap();
        let out = read_bytes("f.xml", "f.xml", xml[..cut].as_bytes(), &ReadOptions::default());
        assert_eq!(out.documents.len(), 2, "{:?}", out.failures);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].to_string(), "f.xml: the file ends before the feed does (cut off?)");
    }

    #[test]
    fn items_without_guid_or_link_get_ids_from_their_position() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Bulletin</title>
<item><title>Dam</title><description>The dam held overnight.</description></item>
<item><description>Schools reopen on Monday.</description></item>
<item><title>Linked</title><link>https://b.example/3</link><description>A third item.</description></item></channel></rss>"#;
        let ids = |bytes: &[u8]| read_bytes("b.xml", "b.xml", bytes, &ReadOptions::default()).documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let first = ids(xml.as_bytes());
        assert_eq!(&first[..2], ["b#1", "b#2"]);
        assert_eq!(first.len(), 3);
        assert_eq!(first, ids(xml.as_bytes()));
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Gazette</title><id>urn:hg</id><updated>2025-03-11T09:00:00Z</updated>
<entry><title>Ferries resume</title><id>urn:hg:1</id><link href="https://hg.example/ferries"/><updated>2025-03-11T09:00:00Z</updated>
<published>2025-03-11T08:00:00+01:00</published><author><name>Ines Moreau</name></author>
<content type="html">&lt;p&gt;Ferries resumed on Tuesday.&lt;/p&gt;&lt;h2&gt;Delays&lt;/h2&gt;&lt;p&gt;Queues were long.&lt;/p&gt;</content></entry></feed>"#;
        let out = read_bytes("a.atom", "a.atom", atom.as_bytes(), &ReadOptions::default());
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        let d = &out.documents[0];
        assert_eq!(d.origin.format, newsfuse_doc::Format::Atom);
        assert_eq!((d.id.as_str(), d.outlet.as_deref(), d.byline.as_slice()), ("urn:hg:1", Some("Harbour Gazette"), &["Ines Moreau".to_string()][..]));
        assert_eq!(d.published.date.as_deref(), Some("2025-03-11"));
        assert_eq!(d.text, "Ferries resumed on Tuesday.\n\nDelays\n\nQueues were long.");
        assert_eq!(d.paragraphs[1].kind, newsfuse_doc::BlockKind::Heading);

        let json_feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Valley Wire",
 "items": [{"id": "vw-7", "url": "https://vw.example/7", "title": "Dam inspection ordered", "content_text": "The ministry ordered an inspection.\n\nIt starts next month.",
 "date_published": "2025-03-12T10:00:00Z", "authors": [{"name": "Omar Haddad"}]}]}"#;
        let out = read_bytes("f.json", "f.json", json_feed.as_bytes(), &ReadOptions::default());
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        let d = &out.documents[0];
        assert_eq!(d.origin.format, newsfuse_doc::Format::JsonFeed);
        assert_eq!(d.id, "vw-7");
        assert_eq!(d.text, "The ministry ordered an inspection.\n\nIt starts next month.");
        assert_eq!(d.byline, vec!["Omar Haddad"]);
    }
}
