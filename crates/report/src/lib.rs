//! Renders a [`newsfuse_fuse::analyze::Analysis`] for people: Markdown, or one
//! self-contained HTML page (inline CSS, no scripts, nothing loaded from
//! outside; every piece of article text escaped) that also prints cleanly.
//!
//! It knows the analysis's shape and the two output languages; it knows
//! nothing of how the analysis was made.
//!
//! ```
//! let analysis = newsfuse_fuse::analyze::analyze(&[]);
//! assert!(newsfuse_report::markdown(&analysis).starts_with("# "));
//! let page = newsfuse_report::html(&analysis);
//! assert!(page.starts_with("<!DOCTYPE html>") && !page.contains("<script"));
//! assert_eq!(newsfuse_report::escape("<b onclick=x>"), "&lt;b onclick=x&gt;");
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use newsfuse_fuse::analyze::{Analysis, Cite, DocInfo, Source, Story};

/// What every part of a report needs besides its story: the batch's documents and sources.
/// Reports are written head, stories one by one, tail, so a large batch need
/// not hold all its stories at once.
pub struct Context<'a> {
    pub documents: &'a [DocInfo],
    pub sources: &'a [Source],
    outlets: BTreeMap<&'a str, &'a str>,
    source_of: BTreeMap<&'a str, usize>,
}

impl<'a> Context<'a> {
    pub fn new(documents: &'a [DocInfo], sources: &'a [Source]) -> Self {
        let outlets = documents.iter().map(|d| (d.id.as_str(), d.outlet.as_deref().unwrap_or(d.id.as_str()))).collect();
        let source_of = documents.iter().map(|d| (d.id.as_str(), d.source)).collect();
        Context { documents, sources, outlets, source_of }
    }
}

fn cite_label(c: &Cite, outlets: &BTreeMap<&str, &str>) -> String {
    format!("{} [{}:{}-{}]", outlets.get(c.doc.as_str()).copied().unwrap_or(&c.doc), c.doc, c.span.start, c.span.end)
}

/// Control characters (NUL, ESC, C1: terminal escapes) and bidi embeddings,
/// overrides and isolates (text that displays as something else than it is)
/// never reach a report: each shows as U+FFFD.
fn hazard(ch: char) -> bool {
    (ch.is_control() && !matches!(ch, '\n' | '\r' | '\t')) || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of Markdown-safe text: newlines folded, Markdown and HTML specials escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\n' | '\r' => out.push(' '),
            _ if hazard(ch) => out.push('\u{fffd}'),
            // Raw HTML in Markdown would render: entities show the characters instead.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

pub fn markdown(a: &Analysis) -> String {
    let ctx = Context::new(&a.documents, &a.sources);
    let mut s = markdown_head(&ctx, a.stories.len());
    for story in &a.stories {
        s.push_str(&markdown_story(&ctx, story));
    }
    s
}

pub fn markdown_head(ctx: &Context, n_stories: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# newsfuse analysis\n");
    let _ = writeln!(s, "{} documents, {} independent sources, {} stories.\n", ctx.documents.len(), ctx.sources.len(), n_stories);
    let _ = writeln!(s, "| document | outlet | date | dated by | source | story |\n|---|---|---|---|---|---|");
    for d in ctx.documents {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            md(&d.id),
            md(d.outlet.as_deref().unwrap_or("")),
            d.date.as_deref().unwrap_or("unknown"),
            d.date_provenance,
            d.source,
            d.story
        );
    }
    s
}

pub fn markdown_story(ctx: &Context, story: &Story) -> String {
    let mut s = String::new();
    story_md(&mut s, story, ctx);
    s
}

fn story_md(s: &mut String, st: &Story, ctx: &Context) {
    let o = &ctx.outlets;
    let _ = writeln!(s, "\n## Story {}: {}\n", st.id, md(&st.headline));
    let _ = writeln!(s, "{} documents from {} independent sources: {}.\n", st.documents.len(), st.sources.len(), st.sources.iter().map(|&x| md(&ctx.sources[x].name)).collect::<Vec<_>>().join("; "));
    if !st.brief.is_empty() {
        let _ = writeln!(s, "### Brief\n");
        for b in &st.brief {
            let mut cites = vec![cite_label(&b.cite, o)];
            cites.extend(b.also.iter().map(|c| cite_label(c, o)));
            let _ = writeln!(s, "- {} ({})", md(&b.text), md(&cites.join("; ")));
        }
    }
    if !st.entities.is_empty() {
        let _ = writeln!(s, "\n### Who is involved\n");
        for e in &st.entities {
            let _ = writeln!(s, "- **{}** ({}; {} documents; also written: {})", md(&e.name), e.label, e.documents, md(&e.aliases.join(", ")));
        }
    }
    if !st.quotes.is_empty() {
        let _ = writeln!(s, "\n### Who said what\n");
        for q in &st.quotes {
            let _ = writeln!(s, "- **{}**: “{}” — {} independent source(s)", md(&q.speaker_label()), md(&q.text), q.independent_sources);
            for v in &q.variants {
                let text = if v.cite.text.is_empty() { String::new() } else { format!(": “{}”", md(&v.cite.text)) };
                let _ = writeln!(s, "  - {} {}{}{}", v.form, md(&cite_label(&v.cite, o)), text, v.speaker.as_deref().map(|x| format!(" — attributed to {}", md(x))).unwrap_or_default());
            }
        }
    }
    if !st.statements.is_empty() {
        let _ = writeln!(s, "\n### Corroborated\n");
        for c in &st.statements {
            let _ = writeln!(s, "- ({} sources) {} — {}", c.independent_sources, md(&c.text), md(&c.citations.iter().map(|c| cite_label(c, o)).collect::<Vec<_>>().join("; ")));
        }
    }
    if !st.figures.is_empty() {
        let _ = writeln!(s, "\n### Figures\n");
        for f in &st.figures {
            let _ = writeln!(s, "- {}: {} ({} sources) — {}", md(&f.quantity), md(&f.values.join(" / ")), f.independent_sources, md(&f.citations.iter().map(|c| cite_label(c, o)).collect::<Vec<_>>().join("; ")));
        }
    }
    // Low-confidence conflicts stay in the JSON only.
    let shown: Vec<_> = st.conflicts.iter().filter(|c| c.shown()).collect();
    if !shown.is_empty() {
        let _ = writeln!(s, "\n### Conflicts and updates\n");
        for c in shown {
            let _ = writeln!(s, "- **{}{}**: {} — {}", c.kind, if c.update { " (update)" } else { "" }, md(&c.about), md(&c.why));
            for side in &c.sides {
                let _ = writeln!(s, "  - {} ({} sources): {}", md(&side.value), side.independent_sources, md(&side.citations.iter().map(|c| format!("“{}” {}", c.text, cite_label(c, o))).collect::<Vec<_>>().join("; ")));
            }
        }
    }
    if !st.timeline.is_empty() {
        let _ = writeln!(s, "\n### Timeline\n");
        for t in &st.timeline {
            let _ = writeln!(s, "- **{}** {} ({} sources) — {}", t.date, md(&t.text), t.independent_sources, md(&t.citations.iter().map(|c| cite_label(c, o)).collect::<Vec<_>>().join("; ")));
        }
    }
    if !st.outlets.is_empty() {
        let _ = writeln!(s, "\n### By source\n");
        for v in &st.outlets {
            let _ = writeln!(s, "- **{}**", md(&v.name));
            for c in &v.only_here {
                let _ = writeln!(s, "  - only here: {} [{}-{}]", md(&c.text), c.span.start, c.span.end);
            }
            for t in &v.omits {
                let _ = writeln!(s, "  - does not report: {}", md(t));
            }
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ if hazard(ch) => out.push('\u{fffd}'),
            _ => out.push(ch),
        }
    }
    out
}

const CSS: &str = "body{font:15px/1.45 Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;overflow-wrap:anywhere}\
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-top:2px solid #444;padding-top:.6em;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}\
th{background:#eee}.cite{color:#555;font-size:.85em}.n{font-weight:bold;white-space:nowrap}.conflict{background:#fff3f0}\
.update{background:#f2f7ff}q{font-style:italic}@media print{body{max-width:none;margin:0}h2{page-break-before:always}}";

fn cites_html(cites: &[Cite], o: &BTreeMap<&str, &str>) -> String {
    cites.iter().map(|c| format!("<span class=cite>{}</span>", escape(&cite_label(c, o)))).collect::<Vec<_>>().join("; ")
}

pub fn html(a: &Analysis) -> String {
    let ctx = Context::new(&a.documents, &a.sources);
    let mut s = html_head(&ctx, a.stories.len());
    for story in &a.stories {
        s.push_str(&html_story(&ctx, story));
    }
    s.push_str(html_tail());
    s
}

pub fn html_tail() -> &'static str {
    "</body></html>\n"
}

pub fn html_head(ctx: &Context, n_stories: usize) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>newsfuse analysis</title><style>{CSS}</style></head><body>\n<h1>newsfuse analysis</h1>\n<p>{} documents, {} independent sources, {} stories.</p>\n",
        ctx.documents.len(),
        ctx.sources.len(),
        n_stories
    );
    let _ = writeln!(s, "<table><tr><th>document<th>outlet<th>date<th>dated by<th>source<th>story");
    for d in ctx.documents {
        let _ = writeln!(
            s,
            "<tr><td>{}<td>{}<td>{}<td>{}<td>{}<td>{}",
            escape(&d.id),
            escape(d.outlet.as_deref().unwrap_or("")),
            escape(d.date.as_deref().unwrap_or("unknown")),
            escape(&d.date_provenance),
            d.source,
            d.story
        );
    }
    let _ = writeln!(s, "</table>");
    s
}

pub fn html_story(ctx: &Context, st: &Story) -> String {
    let o = &ctx.outlets;
    let mut s = String::new();
    let _ = writeln!(s, "<h2>Story {}: {}</h2>", st.id, escape(&st.headline));
    let _ = writeln!(
        s,
        "<p>{} documents from {} independent sources: {}.</p>",
        st.documents.len(),
        st.sources.len(),
        st.sources.iter().map(|&x| escape(&ctx.sources[x].name)).collect::<Vec<_>>().join("; ")
    );
    if !st.brief.is_empty() {
        let _ = writeln!(s, "<h3>Brief</h3><ul>");
        for b in &st.brief {
            let mut cites = vec![b.cite.clone()];
            cites.extend(b.also.iter().cloned());
            let _ = writeln!(s, "<li>{} {}", escape(&b.text), cites_html(&cites, o));
        }
        let _ = writeln!(s, "</ul>");
    }
    if !st.timeline.is_empty() {
        let _ = writeln!(s, "<h3>Timeline</h3><table><tr><th>date<th>what<th>sources<th>citations");
        for t in &st.timeline {
            let _ = writeln!(s, "<tr><td class=n>{}<td>{}<td class=n>{}<td>{}", escape(&t.date), escape(&t.text), t.independent_sources, cites_html(&t.citations, o));
        }
        let _ = writeln!(s, "</table>");
    }
    if !st.quotes.is_empty() {
        // Quote-by-outlet matrix: one row per statement, one column per source.
        let _ = writeln!(s, "<h3>Who said what, by source</h3><table><tr><th>speaker<th>statement");
        for &src in &st.sources {
            let _ = write!(s, "<th>{}", escape(&ctx.sources[src].name));
        }
        for q in &st.quotes {
            let _ = write!(s, "\n<tr><td>{}<td><q>{}</q> <span class=n>({})</span>", escape(&q.speaker_label()), escape(&q.text), q.independent_sources);
            for &src in &st.sources {
                let cells: Vec<String> = q
                    .variants
                    .iter()
                    .filter(|v| ctx.source_of.get(v.cite.doc.as_str()) == Some(&src))
                    .map(|v| format!("{}{} <span class=cite>[{}:{}-{}]</span>", v.form, v.speaker.as_deref().map(|x| format!(", {}", escape(x))).unwrap_or_default(), escape(&v.cite.doc), v.cite.span.start, v.cite.span.end))
                    .collect();
                let _ = write!(s, "<td>{}", cells.join("<br>"));
            }
        }
        let _ = writeln!(s, "\n</table>");
    }
    if !st.statements.is_empty() {
        let _ = writeln!(s, "<h3>Corroborated</h3><table><tr><th>sources<th>statement<th>citations");
        for c in &st.statements {
            let _ = writeln!(s, "<tr><td class=n>{}<td>{}<td>{}", c.independent_sources, escape(&c.text), cites_html(&c.citations, o));
        }
        let _ = writeln!(s, "</table>");
    }
    if !st.figures.is_empty() {
        let _ = writeln!(s, "<h3>Figures</h3><table><tr><th>quantity<th>values<th>sources<th>citations");
        for f in &st.figures {
            let _ = writeln!(s, "<tr><td>{}<td>{}<td class=n>{}<td>{}", escape(&f.quantity), escape(&f.values.join(" / ")), f.independent_sources, cites_html(&f.citations, o));
        }
        let _ = writeln!(s, "</table>");
    }
    let shown: Vec<_> = st.conflicts.iter().filter(|c| c.shown()).collect();
    if !shown.is_empty() {
        let _ = writeln!(s, "<h3>Conflicts and updates</h3><table><tr><th>kind<th>about<th>why<th>sides");
        for c in shown {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|side| format!("<b>{}</b> ({} sources): {}", escape(&side.value), side.independent_sources, cites_html(&side.citations, o)))
                .collect();
            let _ = writeln!(
                s,
                "<tr class={}><td>{}{}<td>{}<td>{}<td>{}",
                if c.update { "update" } else { "conflict" },
                escape(&c.kind),
                if c.update { " (update)" } else { "" },
                escape(&c.about),
                escape(&c.why),
                sides.join("<br>")
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !st.outlets.is_empty() {
        let _ = writeln!(s, "<h3>By source</h3>");
        for v in &st.outlets {
            let _ = writeln!(s, "<h4>{}</h4><ul>", escape(&v.name));
            for c in &v.only_here {
                let _ = writeln!(s, "<li>only here: {} <span class=cite>[{}:{}-{}]</span>", escape(&c.text), escape(&c.doc), c.span.start, c.span.end);
            }
            for t in &v.omits {
                let _ = writeln!(s, "<li>does not report: {}", escape(t));
            }
            let _ = writeln!(s, "</ul>");
        }
    }
    if !st.entities.is_empty() {
        let _ = writeln!(s, "<h3>Who is involved</h3><table><tr><th>entity<th>type<th>documents<th>spellings");
        for e in &st.entities {
            let _ = writeln!(s, "<tr><td>{}<td>{}<td class=n>{}<td>{}", escape(&e.name), escape(e.label.as_str()), e.documents, escape(&e.aliases.join(", ")));
        }
        let _ = writeln!(s, "</table>");
    }
    s
}

#[cfg(test)]
mod tests {

    #[test]
    fn controls_and_bidi_overrides_never_reach_a_report() {
        let hostile = "said \u{202e}gnp.exe\u{202c} and\u{0} \u{1b}[31mred\u{7} \u{2067}x\u{2069} \u{9b}";
        for out in [super::md(hostile), super::escape(hostile)] {
            assert!(!out.chars().any(super::hazard), "{out:?}");
            assert_eq!(out.matches('\u{fffd}').count(), 8, "{out:?}");
        }
        // Tabs and newlines are text, not hazards; right-to-left marks stay.
        assert_eq!(super::escape("a\tb\nc \u{200f}"), "a\tb\nc \u{200f}");
    }

    #[test]
    fn long_words_wrap_in_the_page() {
        assert!(super::CSS.contains("overflow-wrap:anywhere"));
    }

    use super::*;
    use newsfuse_doc::{Document, Origin, Paragraph, Span};

    #[test]
    fn article_text_is_escaped_and_nothing_is_loaded() {
        let text = "<script>alert('x')</script> The dam <img src=http://evil/x.png> failed on Monday, officials said.";
        let mut d = Document::new("a<b", Origin::default(), text.into());
        d.outlet = Some("<b>Outlet</b>".into());
        d.title = Some("<iframe src=//x>".into());
        d.paragraphs.push(Paragraph { span: Span::new(0, text.len()), kind: Default::default() });
        d.sentences.push(Span::new(0, text.len()));
        let a = newsfuse_fuse::analyze::analyze(&[d]);
        let page = html(&a);
        for bad in ["<script", "<img", "<iframe", "<b>Outlet", "<link"] {
            assert!(!page.contains(bad), "{bad} in the page");
        }
        // No tag of the page loads anything: no src, href or url() anywhere inside a tag.
        for tag in page.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
            assert!(!tag.contains("src=") && !tag.contains("href=") && !tag.contains("url("), "<{tag}>");
        }
        assert!(page.contains("&lt;script&gt;") || page.contains("&lt;iframe"));
        let text = markdown(&a);
        assert!(!text.contains("<iframe"), "{text}");
    }

    #[test]
    fn low_confidence_conflicts_stay_out_of_summaries() {
        use newsfuse_fuse::analyze::{Cite, Conflict, Side};
        let text = "Fourteen people were killed on Monday, officials said.";
        let mut d = Document::new("a", Origin::default(), text.into());
        d.paragraphs.push(Paragraph { span: Span::new(0, text.len()), kind: Default::default() });
        d.sentences.push(Span::new(0, text.len()));
        let mut a = newsfuse_fuse::analyze::analyze(&[d]);
        let side = |v: &str| Side { value: v.into(), independent_sources: 1, citations: vec![Cite { doc: "a".into(), span: Span::new(0, 8), text: "Fourteen".into() }] };
        let conflict = |about: &str, confidence: f32| Conflict {
            kind: "figure".into(),
            about: about.into(),
            update: false,
            confidence,
            why: format!("why {about}"),
            sides: vec![side("12"), side("14")],
        };
        a.stories[0].conflicts = vec![conflict("sure toll", 0.7), conflict("unsure rockets", 0.3)];
        for page in [markdown(&a), html(&a)] {
            assert!(page.contains("sure toll") && page.contains("why sure toll"), "{page}");
            assert!(!page.contains("unsure rockets"), "{page}");
        }
    }
}
