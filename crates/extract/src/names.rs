//! Author names as pages print them: `By A, B and C`, `Written by: A`,
//! `A | Outlet`, `A, Staff Writer`. One implementation shared by the HTML
//! metadata reader and the plain-text byline reader.

use std::sync::OnceLock;

use regex::Regex;

/// Roles and outlets that trail a name in a byline.
const BYLINE_ROLES: &[&str] = &[
    "the author", "author", "admin", "staff writer", "staff reporter", "reporter", "correspondent", "senior writer", "contributor",
    "editor", "staff", "columnist", "contributing writer", "writer", "the associated press", "associated press", "reuters", "afp",
    "bloomberg", "updated", "published", "posted",
];

/// Texts that fill an author slot without naming anyone.
const NOT_NAMES: &[&str] = &[
    "by", "the", "and", "admin", "administrator", "author", "authors", "the author", "written by", "editor", "staff", "team", "guest",
    "anonymous", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "share", "follow", "home", "news", "blog", "posted", "written",
    "development", "updated", "published", "read more", "learn more", "more", "view all posts", "contributor", "contributors", "unknown",
    "webmaster", "about", "posts", "guide", "guides", "lifestyle", "spotlight", "research", "privacy", "content", "contact", "menu",
    "search", "subscribe", "login", "sign in", "newsletter", "opinion", "sponsored", "partner", "advertisement",
];

/// Words that mark an organization or a job, not a person.
const ORG_WORDS: &[&str] = &[
    "clinic", "foundation", "news", "university", "institute", "association", "press", "media", "official", "group", "inc", "inc.", "llc",
    "ltd", "ltd.", "corp", "corp.", "company", "solutions", "dentistry", "center", "centre", "department", "agency", "ministry", "council",
    "society", "hospital", "services", "newsroom", "magazine", "times", "journal", "online", "consultant", "reviewer", "expert",
    "director", "marketing", "content", "strategy",
];

const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "van", "von", "bin", "al", "el", "la", "le", "du", "dos", "y", "ben", "di", "ter", "den",
];

/// `By`, `Written by:`, `Posted By`, `Author`, `Authors:`, `Von`, `Por` ... before the names.
fn author_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?i:(?:(?:written|posted|published|authored|reported)\s+)?(?:by|von|par|por|door|di)\s*:?\s+|authors?\s*:?\s+)").unwrap()
    })
}

/// Splits an author string into names, dropping labels, roles, outlets and
/// placeholders: `By A, B and C` → `[A, B, C]`, `A | Outlet` → `[A]`.
pub fn split_names(raw: &str) -> Vec<String> {
    let raw = raw.split(['|', '\n', '•', '·']).next().unwrap_or("");
    let raw = raw.replace(" and ", ", ").replace(" & ", ", ").replace(" und ", ", ").replace(" y ", ", ");
    let mut names = Vec::new();
    for part in raw.split([',', ';']) {
        let mut name = part.trim().trim_matches(['"', '“', '”', '\'']).trim();
        if let Some(m) = author_label().find(name) {
            name = &name[m.end()..];
        }
        let lower = name.to_lowercase();
        if let Some(role) = BYLINE_ROLES.iter().find(|r| lower.ends_with(*r) && lower.len() > r.len()) {
            // `get`: lowercasing may change byte lengths outside ASCII.
            if let Some(head) = name.get(..name.len().saturating_sub(role.len())) {
                name = head.trim_end_matches([' ', '-', ',', '–']).trim();
            }
        }
        if looks_like_name(name) && !names.iter().any(|n: &String| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// Whether a string reads as a person's name: one to five words, capitalized
/// but for particles (`van`, `de`), no digits or handles, not an
/// organization or a placeholder.
pub fn looks_like_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || name.len() > 80 {
        return false;
    }
    let lower = name.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) || BYLINE_ROLES.contains(&lower.as_str()) {
        return false;
    }
    if words.iter().any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str())) || lower.contains(".com") || lower.contains(".net") || name.contains('_') {
        return false;
    }
    // A single camel-case token is a handle (OMAsocial), an all-caps one an acronym (CDC).
    if let [only] = words[..] {
        let inner_capital = only.chars().skip(1).any(char::is_uppercase);
        if inner_capital && !only.contains(['-', '\'', '’']) && !only.starts_with("Mc") && !only.starts_with("Mac") {
            return false;
        }
    }
    let mut capitalized = 0;
    for w in &words {
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalized += 1;
        } else if !NAME_PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
        if w.chars().any(|c| c.is_ascii_digit() || c == '@' || c == '/' || c == ':') || w.ends_with('-') {
            return false;
        }
        // `andrew.keaveney`: a dot inside a lowercase token is a handle, not an initial.
        if w.contains('.') && w.chars().any(char::is_lowercase) && !w.ends_with('.') {
            return false;
        }
    }
    capitalized >= 1
}

/// A byline line: `By Steve Holland, Guy Faulconbridge and Olena Harmash`.
/// `None` when the line is not one (too long, a sentence, or no names).
pub fn parse_byline(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    let m = author_label().find(text)?;
    let rest = &text[m.end()..];
    if rest.split_whitespace().count() > 24 || rest.ends_with(['.', '?', '!']) && !rest.ends_with(" Jr.") {
        return None;
    }
    let names = split_names(rest);
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            parse_byline("By Steve Holland, Guy Faulconbridge and Olena Harmash").unwrap(),
            vec!["Steve Holland", "Guy Faulconbridge", "Olena Harmash"]
        );
        assert_eq!(parse_byline("By Jane Doe, Staff Writer").unwrap(), vec!["Jane Doe"]);
        assert_eq!(parse_byline("Von Jonas Albrecht").unwrap(), vec!["Jonas Albrecht"]);
        assert!(parse_byline("By the time the talks began, both sides had hardened their positions.").is_none());
        assert!(parse_byline("Bystanders said the bridge shook.").is_none());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(split_names("Written By: Tom May"), vec!["Tom May"]);
        assert_eq!(split_names("Authors: Ana Ruiz, Tomas Berg"), vec!["Ana Ruiz", "Tomas Berg"]);
        assert_eq!(split_names("\"David Kim\""), vec!["David Kim"]);
        assert_eq!(split_names("Sergio Martínez-Beltrán | The Texas Newsroom"), vec!["Sergio Martínez-Beltrán"]);
        assert_eq!(split_names("Ana Ruiz & Tomas Berg"), vec!["Ana Ruiz", "Tomas Berg"]);
        for junk in ["Follow", "OMAsocial", "Cleveland Clinic", "CDC", "US_FDA", "by", "Paperium.net", "andrew.keaveney", "Posts", "Home-"] {
            assert!(split_names(junk).is_empty(), "{junk}");
        }
        assert!(looks_like_name("Ludwig van Beethoven"));
        assert!(looks_like_name("Aoife O'Riordan"));
        assert!(looks_like_name("Jean-Luc Aufranc"));
        assert!(looks_like_name("Justin C. Meserole"));
    }
}
