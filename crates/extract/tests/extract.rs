//! Behaviour tests on small hand-written pages (all text invented).
use newsfuse_extract::{extract, BlockKind};

const PARA1: &str = "The harbour authority of Port Elvara said on Tuesday that the northern breakwater, damaged in last winter's storms, will be rebuilt by a consortium of three local firms over the next two years.";
const PARA2: &str = "Officials expect the works to cost about 40 million crowns, most of it covered by the regional resilience fund, and promised that fishing boats will keep access to the inner basin throughout.";
const PARA3: &str = "Residents who attended the public meeting asked for the old lighthouse to be preserved, and the authority agreed to survey the structure before any demolition is considered.";

fn page(body: &str, head: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=utf-8>{head}</head><body>{body}</body></html>")
}

fn nav() -> String {
    let items: String = (0..12)
        .map(|i| format!("<li><a href=\"/s{i}\">Section number {i}</a></li>"))
        .collect();
    format!("<nav><ul>{items}</ul></nav><div class=\"menu\"><a href=/a>Home</a> <a href=/b>World</a></div>")
}

#[test]
fn boilerplate_is_removed() {
    let body = format!(
        r#"{nav}
        <div class="layout">
          <article>
            <h1>Breakwater to be rebuilt</h1>
            <div class="share-bar"><a href="/fb">Share on social</a> <span>Share this story with your friends and family today</span></div>
            <p>{PARA1}</p>
            <figure><img src="x.jpg"><figcaption>The breakwater seen from the old town at dusk, photographed last month.</figcaption></figure>
            <p>{PARA2}</p>
            <div class="newsletter-signup"><p>Sign up for our morning newsletter and never miss a story from the harbour again, it is free.</p></div>
            <p>{PARA3}</p>
          </article>
          <aside class="sidebar"><h3>Most read</h3><p>An unrelated story about a bakery that is long enough to look like a real paragraph of text, honestly.</p></aside>
          <div id="comments"><p>I think this is a great idea and the authority should have done it years ago, frankly speaking.</p></div>
        </div>
        <footer><p>Copyright 2025 The Elvara Courier. All rights reserved. Contact us at the harbour office, 12 Quay Street.</p></footer>"#,
        nav = nav()
    );
    let x = extract(&page(&body, "<title>Breakwater to be rebuilt | The Elvara Courier</title>"));
    let texts: Vec<&str> = x.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec![PARA1, PARA2, PARA3], "got {texts:#?}");
    assert_eq!(x.title.as_deref(), Some("Breakwater to be rebuilt"));
    assert_eq!(x.lang.as_deref(), Some("en"));
}

#[test]
fn headings_items_and_quotes_are_typed() {
    let body = format!(
        "<div class=\"article-body\"><p>{PARA1}</p><h2>What happens next</h2><p>{PARA2}</p>\
         <ul><li>First, the survey of the lighthouse.</li><li>Then the tender for the works.</li></ul>\
         <blockquote><p>We will not let the harbour close for a single day.</p></blockquote><p>{PARA3}</p></div>"
    );
    let x = extract(&page(&body, ""));
    let kinds: Vec<(BlockKind, &str)> = x.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (BlockKind::Body, PARA1),
            (BlockKind::Heading, "What happens next"),
            (BlockKind::Body, PARA2),
            (BlockKind::Item, "First, the survey of the lighthouse."),
            (BlockKind::Item, "Then the tender for the works."),
            (BlockKind::Quote, "We will not let the harbour close for a single day."),
            (BlockKind::Body, PARA3),
        ]
    );
}

#[test]
fn entities_and_whitespace() {
    let body =
        format!("<div><p>Caf&eacute; &amp; bar&nbsp;owners\n\t  said &#8220;no&#x201D; to the plan, which {PARA1}</p><p>{PARA2}</p></div>");
    let x = extract(&page(&body, ""));
    assert!(
        x.blocks[0]
            .text
            .starts_with("Café & bar owners said “no” to the plan, which The harbour"),
        "{}",
        x.blocks[0].text
    );
}

#[test]
fn json_ld_metadata() {
    let head = r#"<title>Dam holds - Herald</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://herald.example/#site","name":"Herald"},
 {"@type":"Person","@id":"https://herald.example/#ana","name":"Ana Ruiz"},
 {"@type":"NewsArticle","headline":"Dam holds after record rain","datePublished":"2025-03-10T08:15:00+01:00",
  "author":[{"@id":"https://herald.example/#ana"},{"@type":"Person","name":"Tomas Berg"}],
  "publisher":{"@type":"Organization","name":"The Herald"},"inLanguage":"en-GB"}]}</script>"#;
    let body = format!("<h1>Dam holds after record rain</h1><div class=story><p>{PARA1}</p><p>{PARA2}</p></div>");
    let x = extract(&page(&body, head));
    assert_eq!(x.title.as_deref(), Some("Dam holds after record rain"));
    assert_eq!(x.authors, vec!["Ana Ruiz", "Tomas Berg"]);
    assert_eq!(x.published.as_deref(), Some("2025-03-10T08:15:00+01:00"));
    assert_eq!(x.site_name.as_deref(), Some("The Herald"));
    // The headline h1 is metadata, not body text.
    assert!(x.blocks.iter().all(|b| b.kind != BlockKind::Heading));
}

#[test]
fn open_graph_and_meta_tags() {
    let head = r#"<title>Floods spread - Daily Post</title>
<meta property="og:title" content="Floods spread across the delta">
<meta property="og:site_name" content="Daily Post">
<meta property="og:url" content="https://post.example/floods">
<meta property="article:published_time" content="2025-03-11T06:00:00Z">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="author" content="Lena Ford">"#;
    let x = extract(&page(&format!("<p>{PARA1}</p>"), head));
    assert_eq!(x.title.as_deref(), Some("Floods spread across the delta"));
    assert_eq!(x.authors, vec!["Lena Ford"]);
    assert_eq!(x.published.as_deref(), Some("2025-03-11T06:00:00Z"));
    assert_eq!(x.url.as_deref(), Some("https://post.example/floods"));
}

#[test]
fn byline_and_visible_date() {
    let body = format!(
        "<main><h1>Ferry timetable changes</h1><div class=\"byline\">By <a href=/p/j>Jonas Weber</a></div>\
         <span class=posted-on>March 3, 2025</span><p>{PARA1}</p><p>{PARA2}</p></main>"
    );
    let x = extract(&page(&body, "<title>Ferry timetable changes | Quay News</title>"));
    assert_eq!(x.authors, vec!["Jonas Weber"]);
    assert_eq!(x.published.as_deref(), Some("2025-03-03"));
    assert_eq!(x.title.as_deref(), Some("Ferry timetable changes"));
}

#[test]
fn title_suffix_is_stripped() {
    use newsfuse_extract::meta::strip_site;
    assert_eq!(
        strip_site("Bridge reopens in Port Elvara | The Calvaria Herald", Some("The Calvaria Herald")),
        "Bridge reopens in Port Elvara"
    );
    assert_eq!(
        strip_site("Bridge reopens in Port Elvara - Herald News", None),
        "Bridge reopens in Port Elvara"
    );
    assert_eq!(
        strip_site("Bridge reopens in Port Elvara — Herald", None),
        "Bridge reopens in Port Elvara"
    );
    assert_eq!(
        strip_site("Herald | Bridge reopens in Port Elvara", Some("Herald")),
        "Bridge reopens in Port Elvara"
    );
    // A dash inside the headline is not a site suffix.
    assert_eq!(
        strip_site("Kyiv - the city that never sleeps, again", None),
        "Kyiv - the city that never sleeps, again"
    );
    // Without an h1 the <title> is used, stripped.
    let x = extract(&page(
        &format!("<p>{PARA1}</p>"),
        "<title>Lighthouse survey begins | Elvara Courier</title><meta property=og:site_name content=\"Elvara Courier\">",
    ));
    assert_eq!(x.title.as_deref(), Some("Lighthouse survey begins"));
}

#[test]
fn deep_nesting_is_fast_and_safe() {
    let n = 100_000;
    let mut html = String::with_capacity(n * 12);
    for _ in 0..n {
        html.push_str("<div>");
    }
    html.push_str(PARA1);
    for _ in 0..n {
        html.push_str("</div>");
    }
    let t = std::time::Instant::now();
    let x = extract(&html);
    assert!(t.elapsed().as_secs_f64() < 2.0, "took {:?}", t.elapsed());
    assert_eq!(x.blocks.len(), 1);

    // Unclosed inline nesting with stray end tags: the quadratic trap.
    let mut html = String::new();
    for _ in 0..n {
        html.push_str("<span><b>");
    }
    for _ in 0..n {
        html.push_str("</i></em>x<br>");
    }
    let t = std::time::Instant::now();
    let _ = extract(&html);
    assert!(t.elapsed().as_secs_f64() < 2.0, "took {:?}", t.elapsed());
}

#[test]
fn garbage_does_not_panic() {
    let cases = [
        "",
        "<",
        "</",
        "<!--",
        "<!-- unterminated",
        "<script>never closed",
        "<a href='unterminated",
        "<p>text<",
        "&",
        "&#",
        "&#x;",
        "&#99999999999;",
        "&#0;",
        "<<<>>>",
        "<html><head><title>x</title></head><body><p>é</p>",
        "<![CDATA[ x",
        "<svg><title>t</title><p>in svg</p></svg>",
        "<table><td>a<td>b<tr><td>c</table></td></tr>",
        "\u{0}\u{1}<p\u{0}>\u{feff}",
        "<div hidden><div hidden><p>x</p>",
        "<script type=\"application/ld+json\">{\"@graph\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}</script>",
        "<script type=\"application/ld+json\">{not json</script>",
    ];
    for c in cases {
        let _ = extract(c);
    }
}

#[test]
fn confidence_reflects_competing_regions() {
    let body = format!("<div class=story><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p></div>");
    let x = extract(&page(&body, ""));
    assert!(x.confidence > 0.9, "{}", x.confidence);
}

#[test]
fn unicode_case_folding_in_bylines_does_not_panic() {
    // 'İ' lowercases to two chars: byte offsets from a lowercased copy must
    // never be used to slice the original.
    for byline in ["By İİİİ Staff Writer", "İİ STAFF WRITER", "Written by İstanbul Reporter", "İ"] {
        let html = format!(
            "<h1>Headline here today</h1><div class=byline>{byline}</div><p>{}</p>",
            "word ".repeat(40)
        );
        let _ = extract(&html);
    }
}
