//! Property tests: `extract` never panics, whatever the input.
use proptest::prelude::*;

/// HTML-ish fragments so random inputs reach the interesting parser states.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<li>".to_string()),
        Just("<a href=\"x\">".to_string()),
        Just("</a>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<h1>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<br/>".to_string()),
        Just("&amp;".to_string()),
        Just("&#x1F600;".to_string()),
        Just("<meta name=author content='A B'>".to_string()),
        Just("<script type=application/ld+json>{\"@type\":\"Article\",\"author\":".to_string()),
        Just("<div class=\"comments\" hidden style='display:none'>".to_string()),
        "[a-zA-Z ,.]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_fragments(parts in prop::collection::vec(fragment(), 0..60)) {
        let html: String = parts.concat();
        let x = newsfuse_extract::extract(&html);
        for b in &x.blocks {
            prop_assert!(!b.text.is_empty());
            prop_assert_eq!(b.text.trim(), b.text.as_str());
        }
    }

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>()) {
        let _ = newsfuse_extract::extract(&s);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = newsfuse_extract::extract(&s);
    }
}
