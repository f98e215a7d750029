//! The mutation harness for `analyze` (issue 13): a batch of related
//! articles (`tests/seeds/analyze/`, written for this repository) and mutants
//! of it are read, annotated with language, sentences and tokens, and
//! analysed; the analysis must never panic, must cite only characters of its
//! documents, and must be the same when run twice. (Entities and quotes run in
//! the binary's pipeline, not here.)
//!
//! CI: a couple of seconds. For an hour:
//! `NEWSFUSE_FUZZ_SECS=3600 cargo test --release -p newsfuse-fuse --test mutate`.

use std::path::Path;

use newsfuse_doc::Format;
use newsfuse_ingest::{mutate, read_bytes, ReadOptions};

fn check(bytes: &[u8]) {
    let options = ReadOptions { format: Some(Format::Jsonl), ..ReadOptions::default() };
    let mut docs = read_bytes("story.jsonl", "story.jsonl", bytes, &options).documents;
    for doc in &mut docs {
        newsfuse_text::annotate(doc);
        doc.check_spans().unwrap();
    }
    let analysis = newsfuse_fuse::analyze::analyze(&docs);
    let json = serde_json::to_value(&analysis).unwrap();
    // Every citation is a span inside its document, on character boundaries.
    let mut stack = vec![&json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let (Some(id), Some(span)) = (map.get("doc").and_then(|d| d.as_str()), map.get("span").and_then(|s| s.as_array())) {
                    // Ids need not be unique in a batch (a line repeated with its id): the
                    // span must lie inside one of the documents of that id.
                    let (start, end) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
                    assert!(docs.iter().filter(|d| d.id == id).any(|d| start <= end && d.text.get(start..end).is_some()), "{id} [{start}, {end}]");
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    assert_eq!(json, serde_json::to_value(newsfuse_fuse::analyze::analyze(&docs)).unwrap());
}

#[test]
fn analyze_survives_mutation() {
    let seeds = mutate::seeds(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/analyze"));
    let n = mutate::run("analyze", &seeds, check);
    eprintln!("analyze: {n} inputs");
    assert!(n > seeds.len(), "no mutant was tried");
}
