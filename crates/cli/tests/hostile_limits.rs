//! Regression tests for issue 13: every hostile input is bounded, reported
//! with its path and the flag that raises its limit, and the rest of the
//! batch is read; outputs are atomic and deterministic.

use std::io::Write;
use std::process::{Command, Output};

const ARTICLE: &str = "The council of Port Elvara voted on Tuesday to rebuild the old harbour bridge, which was closed last winter after engineers found cracks in two of its piers. Work is expected to begin in the spring and to last about eighteen months, the mayor said.";

fn newsfuse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfuse")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn ids(stdout: &[u8]) -> Vec<String> {
    text(stdout).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect()
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_each_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("a.txt"), format!("Bridge vote\n\n{ARTICLE}")).unwrap();
    std::os::unix::fs::symlink("../d", d.join("self")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(".", d.join("dot")).unwrap();
    let out = newsfuse(&["read", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(ids(&out.stdout), ["a"]);
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_read_within_the_limit() {
    let out = newsfuse(&["read", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/dev/zero: not a text document"), "{}", text(&out.stderr));
    // A FIFO that never ends: refused at the limit, not read forever.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let line = format!("{ARTICLE}\n");
            while f.write_all(line.as_bytes()).is_ok() {}
        })
    };
    let out = newsfuse(&["read", "--max-mb", "2", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("endless.txt: input is too large: more than the 2 MB limit (raise it with --max-mb)"), "{stderr}");
}

#[test]
fn gzip_bombs_and_document_floods_are_refused_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let line = format!("{{\"id\":\"x\",\"text\":\"{}\"}}\n", "flood ".repeat(200));
    std::fs::write(d.join("bomb.jsonl.gz"), gzip(line.repeat(100_000).as_bytes())).unwrap();
    let many: String = (0..300).map(|i| format!("{{\"id\":\"m{i}\",\"text\":\"{ARTICLE}\"}}\n")).collect();
    std::fs::write(d.join("many.jsonl"), many).unwrap();
    std::fs::write(d.join("z.txt"), format!("Bridge vote\n\n{ARTICLE}")).unwrap();
    let out = newsfuse(&["read", "--max-docs", "100", "-j", "2", d.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("bomb.jsonl.gz: gzip stream inflates more than 100 times its size, a compression bomb? (raise it with --max-ratio)"), "{stderr}");
    assert!(stderr.contains("many.jsonl: more than 100 documents: the first 100 are kept (raise it with --max-docs)"), "{stderr}");
    let ids = ids(&out.stdout);
    assert_eq!(ids.len(), 101);
    assert_eq!((ids[0].as_str(), ids[99].as_str(), ids[100].as_str()), ("m0", "m99", "z"));

    // The batch's total: the input that passes it and every later one are refused, in input order.
    let big: String = (0..3000).map(|i| format!("{{\"id\":\"b{i}\",\"text\":\"{ARTICLE}\"}}\n")).collect();
    assert!(big.len() > 800_000);
    std::fs::write(d.join("big.jsonl"), big).unwrap();
    let (z, big) = (d.join("z.txt"), d.join("big.jsonl"));
    let out = newsfuse(&["read", "--max-total-mb", "1", z.to_str().unwrap(), big.to_str().unwrap(), big.to_str().unwrap(), z.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(self::ids(&out.stdout).len(), 3001);
    assert_eq!(stderr.matches("not read: the batch's inputs reached 1 MB after decompression (raise it with --max-total-mb)").count(), 2, "{stderr}");
}

#[test]
fn threads_are_bounded() {
    let out = newsfuse(&["read", "-j", "10000", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("10000 is not in 1..=256"), "{}", text(&out.stderr));
}

#[test]
fn output_is_checked_first_and_replaced_atomically() {
    let start = std::time::Instant::now();
    let out = newsfuse(&["analyze", "-o", "/nonexistent/x.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot write /nonexistent/x.json"), "{}", text(&out.stderr));
    assert!(start.elapsed().as_secs() < 5, "the target must be checked before the work");

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "previous report").unwrap();
    let out = newsfuse(&["analyze", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(report["schema"], "newsfuse.analysis/1");
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["report.json"], "no temporary file is left");
}

#[test]
fn an_interrupted_run_leaves_the_previous_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.txt");
    let body: String = (0..60_000).map(|i| format!("Paragraph {i} of the harbour report.\n\n")).collect();
    std::fs::write(&input, format!("Harbour report\n\n{body}")).unwrap();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "{\"previous\": true}").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfuse"))
        .args(["analyze", "--format", "json", "-o", target.to_str().unwrap(), input.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    // Killed mid-run, the old report is intact; if the run had finished, the new one is whole.
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).expect("the target is always valid JSON");
    assert!(report["previous"] == true || report["schema"] == "newsfuse.analysis/1", "{report}");
}

#[test]
fn feeds_without_ids_give_the_same_output_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Bridge vote</title><description>{ARTICLE}</description></item>
<item><description>{ARTICLE} A second item.</description></item></channel></rss>"#
    );
    let path = dir.path().join("feed.xml");
    std::fs::write(&path, feed).unwrap();
    let first = newsfuse(&["read", path.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert_eq!(ids(&first.stdout), ["feed#1", "feed#2"]);
    assert_eq!(first.stdout, newsfuse(&["read", path.to_str().unwrap()]).stdout);
}

#[test]
fn truncated_feeds_and_bad_warc_records_keep_the_good_documents() {
    let dir = tempfile::tempdir().unwrap();
    let items: String = (1..=10).map(|i| format!("<item><title>Report {i}</title><guid>r{i}</guid><description>{ARTICLE}</description></item>\n")).collect();
    let feed = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>\n{items}</channel></rss>");
    // Cut at 85 %: inside the ninth item.
    let path = dir.path().join("cut.xml");
    std::fs::write(&path, &feed.as_bytes()[..feed.len() * 85 / 100]).unwrap();
    let out = newsfuse(&["read", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let got = ids(&out.stdout);
    assert_eq!(got, (1..=8).map(|i| format!("r{i}")).collect::<Vec<_>>(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("cut.xml: item 9: the file ends inside this item"), "{}", text(&out.stderr));

    let record = |n: u32, length_fix: &str| {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Report {n}. {ARTICLE}</p></article></body></html>");
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/{n}\r\nContent-Length: {length_fix}{}\r\n\r\n{http}\r\n\r\n", http.len())
    };
    let warc = format!("{}{}{}", record(1, ""), record(2, "x"), record(3, ""));
    let path = dir.path().join("a.warc");
    std::fs::write(&path, warc).unwrap();
    let out = newsfuse(&["read", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out.stdout), ["https://n.example/1", "https://n.example/3"]);
    assert!(text(&out.stderr).contains("a.warc: record 2: malformed WARC record"), "{}", text(&out.stderr));
}

#[test]
fn one_bad_byte_keeps_a_utf8_page_utf8_and_flags_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = format!("<html><head><meta charset=\"utf-8\"><title>Café</title></head><body><article><p>Café owners in Zürich. {ARTICLE}</p><p>").into_bytes();
    page.extend_from_slice(b"One bad \xff byte.</p></article></body></html>");
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    let out = newsfuse(&["read", dir.path().join("page.html").to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["text"].as_str().unwrap().contains("Café owners in Zürich."), "{doc}");
    assert!(doc["flags"].as_array().unwrap().iter().any(|f| f == "lossy-decoding"), "{doc}");
}

#[test]
fn terminal_escapes_and_bidi_controls_stay_out_of_stderr_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil\u{1b}[2J\u{1b}]0;pwned\u{7}.txt"), b"").unwrap();
    let body = format!("{ARTICLE} The mayor said \u{202e}gnp.exe\u{202c} was\u{0} a \u{1b}[31mrisk, and {}.", "w".repeat(20_000));
    let jsonl = serde_json::json!({"id": "e1", "title": "Bridge \u{202e}vote", "text": body}).to_string();
    std::fs::write(dir.path().join("b.jsonl"), jsonl).unwrap();
    for format in ["md", "html"] {
        let out = newsfuse(&["analyze", "--format", format, dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(!stderr.contains('\u{1b}') && stderr.contains("evil\\u{1b}[2J"), "{stderr}");
        let report = text(&out.stdout);
        for bad in ['\u{202e}', '\u{202c}', '\u{0}', '\u{1b}', '\u{7}'] {
            assert!(!report.contains(bad), "{format} report holds {:?}", bad);
        }
        assert!(report.contains("The mayor said"), "{report}");
        if format == "html" {
            assert!(report.contains("overflow-wrap:anywhere"));
        }
    }
}
