//! TimeML I/O: read the DCT and TEXT of a `.tml` or TempEval-3 `.TE3input` file and write
//! the same document with our TIMEX3 tags in the TEXT (all other tags of the TEXT removed,
//! its characters otherwise untouched).

use crate::{Dct, Timex};

/// A TimeML document split around its TEXT element.
pub struct Document {
    /// Everything up to and including `<TEXT>`.
    pub head: String,
    /// Plain text of the TEXT element: tags removed, entities decoded.
    pub text: String,
    /// Everything from `</TEXT>` on.
    pub tail: String,
    pub dct: Option<Dct>,
}

fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Value of attribute `name` inside a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let rest = &tag[at + name.len()..];
        let before_ok = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        if let (true, Some(r)) = (before_ok, rest.trim_start().strip_prefix('=')) {
            let r = r.trim_start();
            let q = r.chars().next()?;
            if q == '"' || q == '\'' {
                let end = r[1..].find(q)?;
                return Some(&r[1..1 + end]);
            }
        }
        from = at + name.len();
    }
    None
}

/// Parse a TimeML value's leading "YYYY-MM-DD[THH:MM]" into a DCT.
pub fn parse_dct_value(v: &str) -> Option<Dct> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = v.get(r)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let (y, m, d) = if b.len() >= 10 && b[4] == b'-' {
        (digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    } else {
        (digits(0..4)? as i32, digits(4..6)?, digits(6..8)?)
    };
    let off = if b.get(4) == Some(&b'-') { 10 } else { 8 };
    let time = (b.get(off) == Some(&b'T')).then(|| Some((digits(off + 1..off + 3)?, digits(off + 4..off + 6).unwrap_or(0)))).flatten();
    Some(Dct { date: (y, m, d), time })
}

impl Document {
    /// Parse a .tml / .TE3input file. The DCT is the TIMEX3 with
    /// functionInDocument="CREATION_TIME".
    pub fn parse(raw: &str) -> Option<Document> {
        let open = raw.find("<TEXT>")? + "<TEXT>".len();
        let close = open + raw[open..].find("</TEXT>")?;
        let body = &raw[open..close];
        let mut text = String::with_capacity(body.len());
        let mut pos = 0;
        while let Some(p) = body[pos..].find('<') {
            decode_entities(&body[pos..pos + p], &mut text);
            let q = body[pos + p..].find('>').map_or(body.len(), |q| pos + p + q + 1);
            pos = q;
        }
        decode_entities(&body[pos..], &mut text);
        let mut dct = None;
        let mut from = 0;
        while let Some(p) = raw[from..].find("<TIMEX3") {
            let s = from + p;
            let e = s + raw[s..].find('>').unwrap_or(raw.len() - s);
            let tag = &raw[s..e];
            if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
                dct = attr(tag, "value").and_then(parse_dct_value);
                break;
            }
            from = e;
        }
        Some(Document { head: raw[..open].to_string(), text, tail: raw[close..].to_string(), dct })
    }

    /// The document with `timexes` (sorted, non-overlapping, offsets into `self.text`) as
    /// TIMEX3 elements in its TEXT.
    pub fn render(&self, timexes: &[Timex]) -> String {
        let mut out = String::with_capacity(self.head.len() + self.text.len() * 2 + self.tail.len());
        out.push_str(&self.head);
        let mut pos = 0;
        for (k, t) in timexes.iter().enumerate() {
            if t.start < pos {
                continue;
            }
            escape(&self.text[pos..t.start], &mut out);
            out.push_str(&format!("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"", 1000 + k, t.kind.as_str()));
            escape(&t.value, &mut out);
            out.push('"');
            if let Some(m) = &t.modifier {
                out.push_str(&format!(" mod=\"{}\"", m));
            }
            out.push('>');
            escape(&self.text[t.start..t.end], &mut out);
            out.push_str("</TIMEX3>");
            pos = t.end;
        }
        escape(&self.text[pos..], &mut out);
        out.push_str(&self.tail);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_keeps_text() {
        let raw = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>Rates &amp; <EVENT eid=\"e1\">fell</EVENT> on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-05\">Monday</TIMEX3>.</TEXT></TimeML>";
        let d = Document::parse(raw).unwrap();
        assert_eq!(d.text, "Rates & fell on Monday.");
        assert_eq!(d.dct.unwrap().date, (1998, 1, 8));
        let tx = crate::tag(&d.text, d.dct.as_ref());
        let out = d.render(&tx);
        assert!(out.contains("Rates &amp; fell on <TIMEX3 tid=\"t1000\" type=\"DATE\" value=\"1998-01-05\">Monday</TIMEX3>."), "{}", out);
    }
}
