//! News-specific clean-up that generic extractors miss: bylines, datelines and
//! agency credit lines move out of the body into metadata; photo captions and
//! read-time crumbs are dropped.
//!
//! Everything here works on paragraph blocks that are already plain text, so
//! every reader (HTML, feeds, JSONL, plain text) shares it.

use std::sync::LazyLock;

use newsfuse_doc::{BlockKind, Dateline};
use regex::Regex;

/// One paragraph-level block of article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
}

impl Block {
    pub fn body(text: impl Into<String>) -> Self {
        Block {
            text: text.into(),
            kind: BlockKind::Body,
        }
    }
}

/// What the clean-up took out of the body.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Extracted {
    pub byline: Vec<String>,
    pub dateline: Option<Dateline>,
    pub credits: Vec<String>,
}

/// How far into the article a byline or dateline may appear (in blocks).
/// Beyond the head of the article a "By ..." line is body text.
const HEAD_BLOCKS: usize = 6;

pub fn clean(blocks: &mut Vec<Block>) -> Extracted {
    let mut out = Extracted::default();
    for block in blocks.iter_mut() {
        block.text = collapse_spaces(&block.text);
    }
    blocks.retain(|b| !b.text.is_empty());
    drop_crumbs_and_captions(blocks);

    // Byline: a short "By A, B and C" block near the top.
    if let Some((pos, names)) = blocks.iter().take(HEAD_BLOCKS).enumerate().find_map(|(i, b)| parse_byline(&b.text).map(|n| (i, n))) {
        out.byline = names;
        blocks.remove(pos);
    }

    // Dateline: opens one of the first body paragraphs (a standfirst may come first).
    for block in blocks.iter_mut().take(HEAD_BLOCKS).filter(|b| b.kind == BlockKind::Body && b.text.len() > 60).take(3) {
        if let Some((dateline, rest)) = split_dateline(&block.text) {
            out.dateline = Some(dateline);
            block.text = rest;
            break;
        }
    }

    // Credit lines: "(Reporting by ...; Editing by ...)" at the end, wherever
    // the extractor put them.
    let mut i = 0;
    while i < blocks.len() {
        if let Some(credit) = parse_credit(&blocks[i].text) {
            out.credits.push(credit);
            blocks.remove(i);
        } else {
            i += 1;
        }
    }
    out
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

static READ_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:reading time:?\s*)?(?:\d{1,2}|an?|one|two|three|four|five)[ -]?(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|de lectura|lectura))?$|^(?:\d{1,2} )?min(?:ute)? read$")
        .unwrap()
});

/// Page furniture lines: "Local | 3 min read", "From Agency · Updated 4:02 p.m.".
static META_CRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}\s*min(?:ute)?s?\s+read\b|^(?:.{0,60}[·|•]\s*)?(?:updated|published|posted|last updated)\b[^.]{0,40}\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|cet)?\.?$")
        .unwrap()
});

/// A read-time or updated-at crumb (short page furniture, never article text).
pub fn is_crumb(text: &str) -> bool {
    READ_TIME.is_match(text) || word_count(text) <= 15 && META_CRUMB.is_match(text)
}

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \((?:AP|AFP|Reuters|EPA|Getty)\ Photo[^)]*\)\s*$     # (AP Photo/Evan Vucci)
      | \b(?:REUTERS|AFP|EPA-EFE|Getty\ Images|AP\ Photo|Shutterstock|Bloomberg)/[A-Z][\w.\- ]+\s*$
      | ^(?:Photo|Image|Picture|Photograph|File\ photo|Foto)(?:\ credit)?\s*[:/|]
      | (?:Photo|Image|Photograph|Credit)\s*:\s*[A-Z][^.]{0,60}(?:Getty\ Images|Reuters|AFP|AP|EPA|Shutterstock)\.?\s*$
      | ^Image\ caption\b
      | ^(?:Enlarge\ this\ image|Toggle\ caption|hide\ caption)",
    )
    .unwrap()
});

/// Drops read-time crumbs ("3 min", "5 min read") and photo captions. A short
/// block right before a read-time crumb is the lead image's caption: article
/// pages put the hero image and its caption between the standfirst and the
/// meta line, and text copied from them keeps that order.
fn drop_crumbs_and_captions(blocks: &mut Vec<Block>) {
    let mut drop = vec![false; blocks.len()];
    for (i, block) in blocks.iter().enumerate() {
        let text = block.text.as_str();
        if is_crumb(text) {
            drop[i] = true;
            // (The first block is never a caption: it is the standfirst or the lead.)
            if READ_TIME.is_match(text) && i > 1 && i < HEAD_BLOCKS + 2 && word_count(&blocks[i - 1].text) <= 40 && !drop[i - 1] {
                drop[i - 1] = true;
            }
        } else if word_count(text) <= 45 && CAPTION.is_match(text) {
            drop[i] = true;
        }
    }
    // A trailing lone lowercase word ("stats", "share") is page furniture.
    if let Some(last) = blocks.len().checked_sub(1) {
        let t = blocks[last].text.as_str();
        if blocks.len() > 1 && !t.contains(' ') && t.chars().all(|c| c.is_lowercase()) {
            drop[last] = true;
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

pub use newsfuse_extract::names::{looks_like_name, parse_byline, split_names};

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<places>[A-Z][A-Z.'’\-]+(?:\ [A-Z][A-Z.'’\-]+){0,3}(?:\s*/\s*[A-Z][A-Z.'’\-]+(?:\ [A-Z][A-Z.'’\-]+){0,3})*)
        (?:,\ (?P<region>[A-Z][A-Za-z.]+(?:\ [A-Z][A-Za-z.]+){0,2}))?
        (?:,?\ (?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\ \d{1,2}))?
        \s*(?:\((?P<agency>[A-Za-z][A-Za-z.&\ \-]{0,38})\)\s*(?:[-–—]+|:)?|(?P<dash>[-–—]+))\s*",
    )
    .unwrap()
});

/// Splits a dateline off the start of a paragraph:
/// `WASHINGTON/MOSCOW/KYIV (Reuters) -U.S. President ...`,
/// `PORT ELVARA, Calvaria (MPA) — ...`, `LONDON, May 19 (Reuters) - ...`.
pub fn split_dateline(text: &str) -> Option<(Dateline, String)> {
    split_caps_dateline(text).or_else(|| split_mixed_case_dateline(text)).or_else(|| split_glued_dateline(text))
}

static MIXED_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<place>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)(?:, (?P<region>\p{Lu}\p{Ll}+))? [–—] ").unwrap());

/// `Brezhovo – Nach dem ...`: a mixed-case place set off by an en or em dash
/// (German, Spanish and many regional papers print datelines this way).
fn split_mixed_case_dateline(text: &str) -> Option<(Dateline, String)> {
    let caps = MIXED_CASE.captures(text)?;
    let whole = caps.get(0)?;
    if !text[whole.end()..].starts_with(char::is_uppercase) {
        return None;
    }
    let mut places = vec![caps.name("place")?.as_str().to_string()];
    if let Some(r) = caps.name("region") {
        places.push(r.as_str().to_string());
    }
    let printed = text[..whole.end()].trim_end().trim_end_matches(['–', '—']).trim_end().to_string();
    Some((Dateline { text: printed, places, agency: None, date: None }, text[whole.end()..].trim_start().to_string()))
}

fn split_caps_dateline(text: &str) -> Option<(Dateline, String)> {
    let caps = DATELINE.captures(text)?;
    let places_str = caps.name("places")?.as_str();
    let agency = caps.name("agency").map(|m| m.as_str().trim().to_string());
    let places: Vec<String> = places_str.split('/').map(|p| p.trim().to_string()).collect();
    if places.iter().any(|p| p.chars().filter(|c| c.is_alphabetic()).count() < 2) {
        return None;
    }
    let whole = caps.get(0)?;
    let rest = text[whole.end()..].trim_start().to_string();
    if rest.is_empty() {
        return None;
    }
    let mut printed = text[..whole.end()].trim_end().trim_end_matches(['-', '–', '—', ':']).trim_end().to_string();
    if printed.is_empty() {
        printed = places_str.to_string();
    }
    let mut places = places;
    if let Some(region) = caps.name("region") {
        places.push(region.as_str().to_string());
    }
    Some((
        Dateline {
            text: printed,
            places,
            agency,
            date: caps.name("date").map(|m| m.as_str().to_string()),
        },
        rest,
    ))
}

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>[A-Z][a-z]{3,})(?P<next>[A-Z]{2,}\b|(?:The|A|An|President|Prime|Police|Officials|Authorities|Rescue|Government) )").unwrap()
});

/// A dateline element scraped without a separator: `WashingtonUS President ...`.
/// The glued word must be an acronym or a usual sentence opener, so brand
/// names (`JavaScript`, `LinkedIn`) and `McDonald` never match.
fn split_glued_dateline(text: &str) -> Option<(Dateline, String)> {
    let caps = GLUED.captures(text)?;
    let place = caps.name("place")?.as_str();
    let rest = text[place.len()..].to_string();
    Some((
        Dateline {
            text: place.to_string(),
            places: vec![place.to_string()],
            agency: None,
            date: None,
        },
        rest,
    ))
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|reporting and writing|written)\s+by\b.{3,}|(?:translated|translation)\s+(?:from|by)\s+\w.{0,80})$").unwrap()
});

/// An agency credit line: `(Reporting by ...; Editing by ...)`.
pub fn parse_credit(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() > 600 || !CREDIT.is_match(t) {
        return None;
    }
    // Unparenthesized, a "Reporting by" line must still look like a credit, not prose.
    if !(t.starts_with('(') || t.contains(';') || t.split_whitespace().count() < 25) {
        return None;
    }
    Some(t.trim_start_matches('(').trim_end_matches(')').trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_byline() {
        assert_eq!(
            parse_byline("By Steve Holland, Guy Faulconbridge and Olena Harmash").unwrap(),
            vec!["Steve Holland", "Guy Faulconbridge", "Olena Harmash"]
        );
    }

    #[test]
    fn reuters_dateline() {
        let (d, rest) = split_dateline("WASHINGTON/MOSCOW/KYIV (Reuters) -U.S. President Donald Trump said on Monday").unwrap();
        assert_eq!(d.text, "WASHINGTON/MOSCOW/KYIV (Reuters)");
        assert_eq!(d.places, vec!["WASHINGTON", "MOSCOW", "KYIV"]);
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(rest, "U.S. President Donald Trump said on Monday");
    }

    #[test]
    fn datelines_with_region_and_date() {
        let (d, rest) = split_dateline("PORT ELVARA, Calvaria (MPA) — The river rose overnight.").unwrap();
        assert_eq!(d.places, vec!["PORT ELVARA", "Calvaria"]);
        assert_eq!(d.agency.as_deref(), Some("MPA"));
        assert_eq!(rest, "The river rose overnight.");
        let (d, _) = split_dateline("LONDON, May 19 (Reuters) - Shares fell.").unwrap();
        assert_eq!(d.date.as_deref(), Some("May 19"));
        let (d, _) = split_dateline("WASHINGTON (AP) — The Senate voted.").unwrap();
        assert_eq!(d.agency.as_deref(), Some("AP"));
    }

    #[test]
    fn not_datelines() {
        assert!(split_dateline("U.S. President Donald Trump said on Monday").is_none());
        assert!(split_dateline("NATO allies met in Brussels on Tuesday.").is_none());
        assert!(split_dateline("McDonald's said profits rose.").is_none());
        assert!(split_dateline("The minister said").is_none());
        assert!(split_dateline("JavaScript powers the page").is_none());
        assert!(split_dateline("LinkedIn said on Monday").is_none());
    }

    #[test]
    fn glued_dateline() {
        let (d, rest) = split_dateline("WashingtonUS President Donald Trump and Russian President").unwrap();
        assert_eq!(d.text, "Washington");
        assert_eq!(rest, "US President Donald Trump and Russian President");
    }

    #[test]
    fn mixed_case_dateline_and_translation_credit() {
        let (d, rest) = split_dateline("Brezhovo – Nach dem Versagen eines Tores").unwrap();
        assert_eq!(d.text, "Brezhovo");
        assert_eq!(rest, "Nach dem Versagen eines Tores");
        // After a real dateline a sentence starts; an aside in dashes does not.
        assert!(split_dateline("Officials – including the mayor – said the dam was safe.").is_none());
        assert_eq!(parse_credit("(Translated from Spanish)").as_deref(), Some("Translated from Spanish"));
    }

    #[test]
    fn credits_and_crumbs_leave_the_body() {
        let mut blocks = vec![
            Block::body("Headline standfirst here."),
            Block::body("The leader at a rally in the capital on April 17."),
            Block::body("3 min"),
            Block::body("By Ana Ruiz and Tomas Berg"),
            Block::body("PORT ELVARA, Calvaria (MPA) — Floodwaters rose 3.5 meters overnight, officials said on Monday."),
            Block::body("The mayor said evacuations would continue."),
            Block::body("(Reporting by Ana Ruiz; Editing by Lena Ford)"),
            Block::body("stats"),
        ];
        blocks.insert(0, Block::body("Local | | 3 min read"));
        blocks.insert(4, Block::body("From Beacon Press Agency · Updated 4:02 p.m."));
        let got = clean(&mut blocks);
        assert_eq!(got.byline, vec!["Ana Ruiz", "Tomas Berg"]);
        assert_eq!(got.dateline.unwrap().agency.as_deref(), Some("MPA"));
        assert_eq!(got.credits, vec!["Reporting by Ana Ruiz; Editing by Lena Ford"]);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Headline standfirst here.",
                "Floodwaters rose 3.5 meters overnight, officials said on Monday.",
                "The mayor said evacuations would continue."
            ]
        );
    }

    #[test]
    fn captions_are_dropped() {
        let mut blocks = vec![
            Block::body("Rescue workers search the rubble in Port Elvara. (AP Photo/Jane Smith)"),
            Block::body("The bridge collapsed at dawn."),
            Block::body("Photo: Mark Lee/Getty Images"),
        ];
        clean(&mut blocks);
        assert_eq!(blocks, vec![Block::body("The bridge collapsed at dawn.")]);
    }
}
