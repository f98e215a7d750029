//! Publication dates as sources print them in metadata: ISO 8601 / RFC 3339,
//! RFC 2822 (feeds, HTTP), "May 19, 2025", "19 May 2025", "2025/05/19", and
//! `/2025/05/19/` in URLs.
//!
//! The calendar date is kept in the publisher's own offset: an article stamped
//! `2025-05-19T23:30:00-04:00` was published on the 19th where it was written,
//! even though it was already the 20th in UTC.

use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    /// `YYYY-MM-DD`
    pub date: String,
    /// RFC 3339 with offset, when a time of day and an offset were given.
    pub datetime: Option<String>,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?)?(?:\[[^\]]*\])?$",
    )
    .unwrap()
});
static SLASHED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})/(\d{1,2})/(\d{1,2})\b").unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap());
static COMPACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?$").unwrap());
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b").unwrap()
});
static URL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$|\.)").unwrap());

fn month_number(name: &str) -> Option<u8> {
    let m = match name.to_ascii_lowercase().get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<jiff::civil::Date> {
    let y: i16 = y.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    jiff::civil::Date::new(y, m, d).ok()
}

fn date_only(date: jiff::civil::Date) -> ParsedDate {
    ParsedDate {
        date: date.to_string(),
        datetime: None,
    }
}

/// Parses a date as metadata prints it. Returns `None` for anything it cannot
/// read with certainty (ambiguous `05/06/2025` included).
pub fn parse(raw: &str) -> Option<ParsedDate> {
    // CMSs sometimes JSON-encode a date twice: `"\"2025-12-17T13:22:47Z\""`.
    let s = raw.trim().trim_matches(['"', '\'', '\\']).trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let date = ymd(&c[1], &c[2], &c[3])?;
        let datetime = match (c.get(4), c.get(7)) {
            (Some(h), Some(off)) => {
                let offset = match off.as_str() {
                    "Z" | "z" | "UTC" | "GMT" => "Z".to_string(),
                    o if o.len() == 5 => format!("{}:{}", &o[..3], &o[3..]),
                    o => o.to_string(),
                };
                let hour: u8 = h.as_str().parse().ok()?;
                let minute: u8 = c[5].parse().ok()?;
                let second: u8 = c.get(6).map_or(Some(0), |m| m.as_str().parse().ok())?;
                if hour > 23 || minute > 59 || second > 60 {
                    return None;
                }
                Some(format!("{date}T{hour:02}:{minute:02}:{second:02}{offset}"))
            }
            _ => None,
        };
        return Some(ParsedDate {
            date: date.to_string(),
            datetime,
        });
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        let date = zoned.date();
        let offset = zoned.offset();
        let ts = zoned.timestamp();
        let datetime = ts.display_with_offset(offset).to_string();
        return Some(ParsedDate {
            date: date.to_string(),
            datetime: Some(datetime),
        });
    }
    if let Some(c) = SLASHED.captures(s) {
        return ymd(&c[1], &c[2], &c[3]).map(date_only);
    }
    if let Some(c) = NUMERIC.captures(s) {
        // `09/25/2025`: only when one side cannot be a month is the order known.
        let (a, b): (u8, u8) = (c[1].parse().ok()?, c[2].parse().ok()?);
        return match (a > 12, b > 12) {
            (false, true) => ymd(&c[3], &c[1], &c[2]).map(date_only),
            (true, false) => ymd(&c[3], &c[2], &c[1]).map(date_only),
            _ => None,
        };
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(&c[1], &c[2], &c[3]).map(date_only);
    }
    if let Some(c) = MONTH_FIRST.captures(s) {
        let m = month_number(&c[1])?;
        return ymd(&c[3], &m.to_string(), &c[2]).map(date_only);
    }
    if let Some(c) = DAY_FIRST.captures(s) {
        let m = month_number(&c[2])?;
        return ymd(&c[3], &m.to_string(), &c[1]).map(date_only);
    }
    None
}

/// A `/2025/05/19/` date in a URL path.
pub fn from_url(url: &str) -> Option<ParsedDate> {
    let c = URL_DATE.captures(url)?;
    ymd(&c[1], &c[2], &c[3]).map(date_only)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<(String, Option<String>)> {
        parse(s).map(|p| (p.date, p.datetime))
    }

    #[test]
    fn iso_forms_keep_the_publishers_offset() {
        assert_eq!(d("2025-05-19"), Some(("2025-05-19".into(), None)));
        assert_eq!(
            d("2025-05-19T23:30:00-04:00"),
            Some(("2025-05-19".into(), Some("2025-05-19T23:30:00-04:00".into())))
        );
        assert_eq!(d("2025-05-19T10:00:00.000Z").unwrap().1.unwrap(), "2025-05-19T10:00:00Z");
        assert_eq!(d("2025-05-19 10:00:00+0200").unwrap().1.unwrap(), "2025-05-19T10:00:00+02:00");
        assert_eq!(d("2025-05-19T10:00").unwrap(), ("2025-05-19".into(), None));
    }

    #[test]
    fn rfc2822_and_prose() {
        assert_eq!(
            d("Mon, 19 May 2025 14:05:00 +0100").unwrap(),
            ("2025-05-19".into(), Some("2025-05-19T14:05:00+01:00".into()))
        );
        assert_eq!(d("May 19, 2025").unwrap().0, "2025-05-19");
        assert_eq!(d("Published 19th May 2025, 10:00").unwrap().0, "2025-05-19");
        assert_eq!(d("Sept. 3, 2024").unwrap().0, "2024-09-03");
        assert_eq!(d("2025/05/19").unwrap().0, "2025-05-19");
    }

    #[test]
    fn rejects_nonsense() {
        assert_eq!(d("2025-02-30"), None);
        assert_eq!(d("05/06/2025"), None);
        assert_eq!(d("Thu, 09/25/2025 - 11:38").unwrap().0, "2025-09-25");
        assert_eq!(d("\"2025-12-17T13:22:47Z\"").unwrap().0, "2025-12-17");
        assert_eq!(d("yesterday"), None);
        assert_eq!(d(""), None);
        assert_eq!(d("2025-05-19T25:00:00Z"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(from_url("https://example.com/world/2025/05/19/ceasefire-talks/").unwrap().date, "2025-05-19");
        assert_eq!(from_url("https://example.com/2025-05-19-story.html").unwrap().date, "2025-05-19");
        assert!(from_url("https://example.com/story/20250519").is_none());
    }
}
