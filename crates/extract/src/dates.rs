//! Finds a calendar date in short visible text ("Updated on July 9, 2025",
//! "12.12.2025", "Published 2024-03-01") and normalizes it to `YYYY-MM-DD`.
//! Only used on small strings (date/byline elements), never on whole pages.

use std::sync::OnceLock;

use regex::Regex;

const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German, French, Spanish, Italian, Dutch, Portuguese forms whose first three letters differ.
    ("mär", 3),
    ("mai", 5),
    ("okt", 10),
    ("dez", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juin", 6),
    ("juil", 7),
    ("août", 8),
    ("déc", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("set", 9),
    ("ott", 10),
    ("mrt", 3),
    ("mei", 5),
    ("fev", 2),
    ("out", 10),
    ("dez", 12),
];

fn month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    // Longest prefix first so "juil" beats "jul" and "janv" beats "jan".
    MONTHS
        .iter()
        .filter(|(p, _)| lower.starts_with(p))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, m)| *m)
}

struct Res {
    iso: Regex,
    mdy: Regex,
    dmy: Regex,
    numeric: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| Res {
        iso: Regex::new(r"\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)").unwrap(),
        mdy: Regex::new(r"(?i)\b(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b").unwrap(),
        dmy: Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(\p{L}{3,9})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b").unwrap(),
        numeric: Regex::new(r"\b(\d\d?)[/.](\d\d?)[/.]((?:19|20)\d\d)\b").unwrap(),
    })
}

fn fmt(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date found in `text`, as `YYYY-MM-DD`.
pub fn find_date(text: &str) -> Option<String> {
    if text.len() > 400 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let r = res();
    let mut found: Vec<(usize, String)> = Vec::new();
    if let Some(c) = r.iso.captures(text) {
        let p = |i: usize| c[i].parse::<u32>().ok();
        if let Some(s) = fmt(p(1)?, p(2)?, p(3)?) {
            found.push((c.get(0)?.start(), s));
        }
    }
    if let Some(c) = r.mdy.captures(text) {
        if let (Some(m), Ok(d), Ok(y)) = (month(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(s) = fmt(y, m, d) {
                found.push((c.get(0)?.start(), s));
            }
        }
    }
    if let Some(c) = r.dmy.captures(text) {
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month(&c[2]), c[3].parse()) {
            if let Some(s) = fmt(y, m, d) {
                found.push((c.get(0)?.start(), s));
            }
        }
    }
    if found.is_empty() {
        if let Some(c) = r.numeric.captures(text) {
            let (a, b, y): (u32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            // Dotted dates are day-first (European); slashed ones are US month-first
            // unless the first number cannot be a month.
            let day_first = text[c.get(0)?.start()..].contains('.') || a > 12;
            let s = if day_first { fmt(y, b, a) } else { fmt(y, a, b) };
            if let Some(s) = s {
                found.push((c.get(0)?.start(), s));
            }
        }
    }
    found.into_iter().min_by_key(|(pos, _)| *pos).map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::find_date;

    #[test]
    fn formats() {
        assert_eq!(find_date("Updated on July 9, 2025").as_deref(), Some("2025-07-09"));
        assert_eq!(find_date("Published 23 Oct 2025 by Ann").as_deref(), Some("2025-10-23"));
        assert_eq!(find_date("12.12.2025").as_deref(), Some("2025-12-12"));
        assert_eq!(find_date("03/04/2024").as_deref(), Some("2024-03-04"));
        assert_eq!(find_date("2024-03-01T10:00:00Z").as_deref(), Some("2024-03-01"));
        assert_eq!(find_date("Jun 08, 2023 • 10 min read").as_deref(), Some("2023-06-08"));
        assert_eq!(find_date("5 de mayo de 2024").as_deref(), Some("2024-05-05"));
        assert_eq!(find_date("no date here 2024"), None);
    }
}
