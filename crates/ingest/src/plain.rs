//! Plain text articles: paragraphs by blank lines (or by lines when a file
//! has none), the first line as title only when it reads like a headline.

use newsfuse_doc::{Document, Origin};

use crate::news::{parse_byline, split_dateline, Block};
use crate::{assemble, Ctx, Meta, ReadError};

pub(crate) fn read(ctx: &Ctx<'_>, text: &str, origin: Origin) -> Result<Document, ReadError> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = split_paragraphs(&text);
    let mut meta = Meta::default();
    if paragraphs.len() > 1 && looks_like_headline(&paragraphs[0]) {
        meta.title = Some(paragraphs.remove(0));
    }
    let blocks = paragraphs.into_iter().map(Block::body).collect();
    assemble(ctx.stem.to_string(), origin, blocks, meta)
}

/// Blank lines separate paragraphs when the file uses them; otherwise (one
/// paragraph per line, as text copied from a page often is) lines do.
fn split_paragraphs(text: &str) -> Vec<String> {
    let has_blank_lines = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains("\n\n");
    let parts: Vec<String> = if has_blank_lines {
        text.split("\n\n").map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" ")).collect()
    } else {
        text.lines().map(|l| l.trim().to_string()).collect()
    };
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
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
        assert_eq!(split_paragraphs("a\nstill a\n\nb\n\n\nc\n"), vec!["a still a", "b", "c"]);
    }
}
