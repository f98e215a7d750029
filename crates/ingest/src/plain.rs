//! Plain text articles: paragraphs by blank lines (or by lines when a file
//! has none), the first line as title only when it reads like a headline.

use newsfuse_doc::{BlockKind, Document, Origin};

use crate::news::{is_crumb, parse_byline, split_dateline, Block};
use crate::{assemble, Ctx, Meta, ReadError};

pub(crate) fn read(ctx: &Ctx<'_>, text: &str, origin: Origin) -> Result<Document, ReadError> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = split_paragraphs(&text);
    let mut meta = Meta::default();
    if paragraphs.len() > 1 && looks_like_headline(&paragraphs[0]) {
        meta.title = Some(paragraphs.remove(0));
    }
    let n = paragraphs.len();
    let blocks = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let next_is_long = paragraphs.get(i + 1).is_some_and(|q| q.split_whitespace().count() > 25);
            let kind = if i > 0 && i + 1 < n && next_is_long && looks_like_section_heading(p) { BlockKind::Heading } else { BlockKind::Body };
            Block { text: p.clone(), kind }
        })
        .collect();
    assemble(ctx.stem.to_string(), origin, blocks, meta)
}

/// Blank lines separate paragraphs when the file uses them; otherwise (one
/// paragraph per line, as text copied from a page often is) lines do.
fn split_paragraphs(text: &str) -> Vec<String> {
    let has_blank_lines = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains("\n\n");
    let parts: Vec<String> = if has_blank_lines {
        let mut parts = Vec::new();
        for para in text.split("\n\n") {
            let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            if is_hard_wrapped(&lines) {
                parts.push(lines.join(" "));
            } else {
                parts.extend(lines.iter().map(|l| l.to_string()));
            }
        }
        parts
    } else {
        text.lines().map(|l| l.trim().to_string()).collect()
    };
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Lines of one paragraph wrapped at a fixed width (as in e-mail or wire
/// copy) are joined; lines of other lengths inside a blank-line paragraph
/// are separate blocks (a caption followed by a "3 min" crumb, say).
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return true;
    }
    // A byline, dateline or crumb line is never a wrapped continuation.
    if lines[1..].iter().any(|l| parse_byline(l).is_some() || is_crumb(l)) {
        return false;
    }
    let widths: Vec<usize> = lines[..lines.len() - 1].iter().map(|l| l.chars().count()).collect();
    let (min, max) = (widths.iter().min().copied().unwrap_or(0), widths.iter().max().copied().unwrap_or(0));
    // Two lines, the first a whole sentence: nothing shows a wrap width, so they are two blocks.
    let two_sentences = lines.len() == 2 && lines[0].ends_with(['.', '!', '?', '"', '”']);
    min >= 30 && max <= 100 && max - min <= 25 && !two_sentences
}

/// A section heading inside the body: a short line without a final period.
fn looks_like_section_heading(p: &str) -> bool {
    let words = p.split_whitespace().count();
    (1..=10).contains(&words) && !p.ends_with(['.', ',', ';', ':', '"', '”']) && p.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A headline: short, not a byline or dateline, and not a sentence ending in
/// a period, unless it is the `Speaker: "Quote."` form headlines use.
pub(crate) fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 30 || line.len() > 250 {
        return false;
    }
    if parse_byline(line).is_some() || split_dateline(line).is_some() {
        return false;
    }
    let unquoted = line.trim_end_matches(['"', '”', '’', '\'', '»']);
    if !unquoted.ends_with('.') || unquoted.ends_with("...") {
        return true;
    }
    // `Trump, after the call: "Talks will start."`
    match line.find([':']) {
        Some(colon) => {
            let after = line[colon + 1..].trim_start();
            colon < 120 && after.starts_with(['"', '“', '«', '\'', '‘']) && unquoted.len() < line.len()
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(looks_like_headline("Bridge collapses in Port Elvara, at least 12 dead"));
        assert!(looks_like_headline("Trump, after speaking with Putin and Zelensky: \"Russia and Ukraine will immediately begin ceasefire negotiations.\""));
        assert!(!looks_like_headline("Trump said he believed that his call with the Russian leader went well."));
        assert!(!looks_like_headline("By Steve Holland and Olena Harmash"));
        assert!(!looks_like_headline("WASHINGTON (Reuters) - The Senate voted on Monday to approve the bill."));
    }

    #[test]
    fn paragraphs_by_lines_or_blank_lines() {
        assert_eq!(split_paragraphs("a\nb\nc"), vec!["a", "b", "c"]);
        let wrapped = "The river rose overnight and the mayor ordered the\nevacuation of the lower town before dawn.\n\nb\n\n\nc\n";
        assert_eq!(split_paragraphs(wrapped), vec!["The river rose overnight and the mayor ordered the evacuation of the lower town before dawn.", "b", "c"]);
        assert_eq!(split_paragraphs("Dam gate fails above Brezhovo, flooding the town\nBy Ana Ruiz\n\nBody."), vec!["Dam gate fails above Brezhovo, flooding the town", "By Ana Ruiz", "Body."]);
        assert_eq!(split_paragraphs("A caption of the photo at the top of the page, long enough to pass the wrap limit.\n3 min\n\nBody."), vec!["A caption of the photo at the top of the page, long enough to pass the wrap limit.", "3 min", "Body."]);
    }
}
