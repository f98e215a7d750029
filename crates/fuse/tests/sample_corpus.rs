//! Gold test: the sample corpus's syndicated wire story (three copies) is one
//! group, and every other document is an independent source.

use std::path::PathBuf;

use newsfuse_fuse::syndication;
use newsfuse_ingest::{collect_inputs, read_file, ReadOptions};

#[test]
fn wire_copies_are_one_group() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let (files, failures) = collect_inputs(&[root.join("corpus")]);
    assert!(failures.is_empty());
    let docs: Vec<_> = files.iter().flat_map(|f| read_file(f, &ReadOptions::default()).documents).collect();
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join("gold.json")).unwrap()).unwrap();

    // Gold copies are "corpus/FILE" or "corpus/FILE#ITEM"; ids are the item or the file stem.
    let mut want: Vec<String> = gold["wire_groups"][0]["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let c = c.as_str().unwrap();
            match c.split_once('#') {
                Some((_, item)) => item.to_string(),
                None => c.rsplit('/').next().unwrap().rsplit_once('.').unwrap().0.to_string(),
            }
        })
        .collect();
    want.sort();

    let groups = syndication::groups(&docs);
    let multi: Vec<Vec<String>> = groups
        .iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| {
            let mut ids: Vec<String> = g.members.iter().map(|&m| docs[m].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    assert_eq!(multi, vec![want]);
    assert_eq!(groups.len(), docs.len() - 2, "three copies count once");
}
