//! Property tests: the HTML, JSONL and plain-text readers never panic, and
//! whatever they return satisfies the document invariants.

use newsfuse_doc::Format;
use newsfuse_ingest::{read_bytes, ReadOptions};
use proptest::prelude::*;

fn opts(format: Format) -> ReadOptions {
    ReadOptions {
        format: Some(format),
        ..ReadOptions::default()
    }
}

fn check(name: &str, bytes: &[u8], format: Format) -> Result<(), TestCaseError> {
    let out = read_bytes(name, name, bytes, &opts(format));
    for doc in &out.documents {
        prop_assert!(doc.check_spans().is_ok(), "{:?}", doc.check_spans());
        prop_assert!(!doc.text.is_empty());
        for p in &doc.paragraphs {
            prop_assert!(!doc.span_text(p.span).trim().is_empty());
        }
    }
    for f in &out.failures {
        prop_assert!(f.path == name);
    }
    Ok(())
}

/// HTML-ish soup: tags, attributes, entities, text, unclosed and stray tags.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<article class=\"story\">".to_string()),
        Just("<script>var x = '</p>';</script>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<meta property=\"og:title\" content=\"T &amp; x\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"name\":".to_string()),
        Just("&nbsp;&#x2014;&bogus;".to_string()),
        Just("<!-- c".to_string()),
        Just("<br/>".to_string()),
        "[a-zA-Z ,.“”\"'é—]{0,80}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn html_reader_never_panics(html in html_soup()) {
        check("p.html", html.as_bytes(), Format::Html)?;
    }

    #[test]
    fn html_reader_survives_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check("r.html", &bytes, Format::Html)?;
    }

    #[test]
    fn jsonl_reader_never_panics(lines in prop::collection::vec(prop_oneof![
        "\\{\"id\":\"[a-z0-9]{1,5}\",\"text\":\"[A-Za-z .,]{0,120}\"\\}",
        "\\{\"text\":\"[A-Za-z .]{1,60}\",\"date\":\"[0-9T:+ -]{0,25}\",\"authors\":\\[\"[A-Za-z ]{0,20}\"\\]\\}",
        "\\{\"content\":\"<p>[a-z ]{1,40}</p>\",\"extra\":[0-9]{1,4}\\}",
        "\\PC{0,60}",
    ], 0..12)) {
        let text = lines.join("\n");
        check("j.jsonl", text.as_bytes(), Format::Jsonl)?;
        let out = read_bytes("j.jsonl", "j.jsonl", text.as_bytes(), &opts(Format::Jsonl));
        let nonempty = text.lines().filter(|l| !l.trim().is_empty()).count();
        if nonempty > 0 {
            // Every non-empty line is either a document or a failure naming its line.
            prop_assert_eq!(out.documents.len() + out.failures.len(), nonempty);
            for f in &out.failures {
                prop_assert!(f.location.as_deref().is_some_and(|l| l.starts_with("line ")));
            }
        } else {
            prop_assert!(out.documents.is_empty() && out.failures.len() == 1);
        }
    }

    #[test]
    fn text_reader_never_panics(text in "\\PC{0,600}") {
        check("t.txt", text.as_bytes(), Format::Text)?;
    }
}
