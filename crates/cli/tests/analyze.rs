//! `newsfuse analyze` on degenerate batches: sane output, never a crash.

use std::path::Path;
use std::process::{Command, Output};

fn analyze(paths: &[&Path], format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfuse")).arg("analyze").args(paths).args(["--format", format]).output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

const WIRE: &str = "PORT ELVARA (BPA) - The council of Port Elvara voted on Tuesday to rebuild the old harbour bridge, which was closed last winter after engineers found cracks in two of its piers.\n\nWork is expected to begin in the spring and to last about eighteen months, Mayor Ana Ruiz told reporters after the vote.\n\n\"This bridge carried our grandparents to work, and it will carry our grandchildren,\" Ruiz said.";

#[test]
fn no_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = analyze(&[dir.path()], "json");
    let a = json(&out);
    assert_eq!(a["documents"].as_array().unwrap().len(), 0);
    assert_eq!(a["stories"].as_array().unwrap().len(), 0);
    for format in ["md", "html"] {
        assert!(analyze(&[dir.path()], format).status.success());
    }
}

#[test]
fn one_document_without_a_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), "The bridge opened.\n\nNothing else happened, officials said, and nobody gave a date.").unwrap();
    let a = json(&analyze(&[dir.path()], "json"));
    assert_eq!(a["stories"].as_array().unwrap().len(), 1);
    assert!(a["documents"][0].get("date").is_none(), "no date is invented: {}", a["documents"][0]);
    assert_eq!(a["documents"][0]["date_provenance"], "unknown");
}

#[test]
fn a_thousand_copies_of_one_wire_story_are_one_story_and_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..1000)
        .map(|i| serde_json::json!({"id": format!("copy-{i:04}"), "source": format!("Outlet {i}"), "date": "2025-03-11", "text": WIRE}).to_string())
        .collect();
    let file = dir.path().join("copies.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let a = json(&analyze(&[&file], "json"));
    let stories = a["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["sources"].as_array().unwrap().len(), 1, "copies count once");
    assert_eq!(a["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn a_non_english_document_is_kept_and_grouped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.txt"), WIRE).unwrap();
    std::fs::write(
        dir.path().join("de.txt"),
        "Der Stadtrat von Port Elvara hat am Dienstag beschlossen, die alte Hafenbrücke wieder aufzubauen. Bürgermeisterin Ana Ruiz sagte, die Arbeiten sollen im Frühjahr beginnen und etwa achtzehn Monate dauern.",
    )
    .unwrap();
    let out = analyze(&[dir.path()], "json");
    assert!(out.status.success());
    let a = json(&out);
    assert_eq!(a["documents"].as_array().unwrap().len(), 2);
    assert!(a["documents"].as_array().unwrap().iter().any(|d| d["language"] == "de"));
}

#[test]
fn html_report_is_self_contained() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsfuse")).args(["analyze", "--format", "html"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    for tag in page.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
        assert!(!tag.contains("src=") && !tag.contains("href=") && !tag.contains("url("), "a tag loads something: <{tag}>");
    }
    assert!(!page.contains("<script"));
}
