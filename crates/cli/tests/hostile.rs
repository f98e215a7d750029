//! Hostile inputs: every broken file is reported with its path and reason,
//! everything readable is read, the exit code is 1, and nothing panics.

use std::io::Write;
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const ARTICLE: &str = "The council of Port Elvara voted on Tuesday to rebuild the old harbour bridge, which was closed last winter after engineers found cracks in two of its piers. Work is expected to begin in the spring and to last about eighteen months, the mayor said.";

fn html_page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article><footer>Contact us</footer></body></html>")
}

#[test]
fn hostile_batch_is_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Unreadable inputs.
    write(d, "binary.html", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]);
    write(d, "empty.txt", b"");
    let gz = gzip(html_page("Truncated", ARTICLE).as_bytes());
    write(d, "truncated.html.gz", &gz[..gz.len() / 2]);
    let big = format!("<html><body><p>{}</p></body></html>", "x".repeat(100 << 20));
    write(d, "huge.html", big.as_bytes());
    drop(big);

    // Readable, with trouble inside.
    let legacy_page = html_page("Café owners protest", &ARTICLE.replace("The council", "The café’s council"));
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&legacy_page);
    write(d, "legacy-1252.html", &cp1252);
    let mut invalid_utf8 = b"Headline about the bridge\n\n".to_vec();
    invalid_utf8.extend_from_slice(ARTICLE.as_bytes());
    invalid_utf8.extend_from_slice(b" The mayor\xff\xfe said \xc3 more.");
    write(d, "invalid-utf8.txt", &invalid_utf8);
    let deep = format!("<html><body>{}<p>{ARTICLE}</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
    write(d, "deep.html", deep.as_bytes());
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Bridge vote</title><guid>hn-1</guid><description>{ARTICLE}</description></item>
<item><title>Broken <b>item</title><guid>hn-2</guid><description>oops</item>
<item><title>Ferry resumes</title><guid>hn-3</guid><description>{ARTICLE}</description></item>
</channel></rss>"#
    );
    write(d, "feed.xml", feed.as_bytes());
    let jsonl = format!("{{\"id\":\"a1\",\"title\":\"Bridge vote\",\"text\":\"{ARTICLE}\"}}\n{{\"id\":\"a2\",\"title\":\"Broken\",\"text\":\"unterminated\n{{\"id\":\"a3\",\"title\":\"Ferry\",\"text\":\"{ARTICLE}\"}}\n");
    write(d, "batch.jsonl", jsonl.as_bytes());
    write(d, "quotes.txt", format!("Unbalanced quotes in the harbour story\n\n“The bridge will be rebuilt, the mayor said. {ARTICLE} \"And then").as_bytes());

    let out = Command::new(env!("CARGO_BIN_EXE_newsfuse")).arg("read").arg(d).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    for (file, reason) in [
        ("binary.html", "not a text document"),
        ("empty.txt", "empty input"),
        ("truncated.html.gz", "gzip stream is truncated or corrupt"),
        ("huge.html", "too large"),
        ("feed.xml: item 2", "malformed item"),
        ("batch.jsonl: line 2", "invalid JSON"),
    ] {
        assert!(stderr.lines().any(|l| l.contains(file) && l.contains(reason)), "no '{file}' / '{reason}' in:\n{stderr}");
    }

    let docs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a1", "a3", "deep", "hn-1", "hn-3", "invalid-utf8", "legacy-1252", "quotes"], "stderr: {stderr}");
    let by_id = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap();
    let legacy = by_id("legacy-1252");
    assert!(legacy["text"].as_str().unwrap().contains("The café’s council"), "{legacy}");
    assert_eq!(legacy["title"], "Café owners protest");
    assert!(legacy["origin"]["encoding"].as_str().unwrap().starts_with("windows-1252"));
    assert!(by_id("deep")["text"].as_str().unwrap().contains("harbour bridge"));
    assert!(by_id("invalid-utf8")["text"].as_str().unwrap().contains("The mayor"));
}

#[test]
fn usage_errors_exit_2_and_missing_paths_exit_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsfuse")).arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_newsfuse")).args(["read", "/no/such/path"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/path"));
}

#[test]
fn stdin_and_gzip_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.html.gz", &gzip(html_page("Gzipped page", ARTICLE).as_bytes()));
    let out = Command::new(env!("CARGO_BIN_EXE_newsfuse")).arg("extract").arg(dir.path().join("page.html.gz")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], "page");
    assert_eq!(doc["title"], "Gzipped page");

    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfuse"))
        .args(["read", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{{\"id\":\"s1\",\"text\":\"{ARTICLE}\"}}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\":\"s1\""));
}
