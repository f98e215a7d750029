//! Text helpers: entity decoding and whitespace collapsing, fused in one pass
//! because they run over every text byte of the page.

/// Named entities seen in real pages. The full HTML5 table has ~2,200 names;
/// news text uses a few dozen, and an unknown entity is left as written.
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "hairsp" => "\u{200a}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "hellip" | "mldr" => "…",
        "lsquo" => "‘",
        "rsquo" | "rsquor" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" | "rdquor" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "prime" => "′",
        "Prime" => "″",
        "bull" | "bullet" => "•",
        "middot" | "centerdot" => "·",
        "copy" | "COPY" => "©",
        "reg" | "REG" => "®",
        "trade" | "TRADE" => "™",
        "deg" => "°",
        "plusmn" | "pm" => "±",
        "times" => "×",
        "divide" | "div" => "÷",
        "frac12" | "half" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "curren" => "¤",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordf" => "ª",
        "ordm" => "º",
        "acute" => "´",
        "uml" => "¨",
        "cedil" => "¸",
        "macr" => "¯",
        "not" => "¬",
        "brvbar" => "¦",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "hearts" => "♥",
        "star" => "☆",
        "check" => "✓",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "ETH" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "THORN" => "Þ",
        "szlig" => "ß",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "yuml" => "ÿ",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Yuml" => "Ÿ",
        "fnof" => "ƒ",
        "circ" => "ˆ",
        "tilde" => "˜",
        "Alpha" => "Α",
        "Beta" => "Β",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Omega" => "Ω",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ε",
        "lambda" => "λ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "omega" => "ω",
        "theta" => "θ",
        "infin" => "∞",
        "ne" => "≠",
        "le" => "≤",
        "ge" => "≥",
        "asymp" => "≈",
        "sum" => "∑",
        "radic" => "√",
        "loz" => "◊",
        "spades" => "♠",
        "clubs" => "♣",
        "diams" => "♦",
        "lrm" => "\u{200e}",
        "rlm" => "\u{200f}",
        _ => return None,
    })
}

/// Legacy entities that browsers decode even without a trailing ';'.
const LEGACY_NO_SEMI: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Decodes the entity starting at `s[0] == '&'`. Returns the decoded text and
/// the number of bytes consumed, or `None` when it is not an entity.
fn decode_one(s: &str, out: &mut String) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if b[1] == b'#' {
        let (hex, start) = if b.get(2).is_some_and(|c| *c == b'x' || *c == b'X') {
            (true, 3)
        } else {
            (false, 2)
        };
        let mut i = start;
        let mut v: u32 = 0;
        while i < b.len() && i < start + 8 {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v * if hex { 16 } else { 10 } + d;
            i += 1;
        }
        if i == start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        // Windows-1252 remapping of C1 controls, as browsers do (&#150; is a dash).
        let v = match v {
            0x80 => 0x20ac,
            0x82 => 0x201a,
            0x84 => 0x201e,
            0x85 => 0x2026,
            0x91 => 0x2018,
            0x92 => 0x2019,
            0x93 => 0x201c,
            0x94 => 0x201d,
            0x95 => 0x2022,
            0x96 => 0x2013,
            0x97 => 0x2014,
            0x99 => 0x2122,
            v => v,
        };
        out.push(char::from_u32(v).filter(|c| *c != '\0').unwrap_or('\u{fffd}'));
        return Some(i);
    }
    let mut i = 1;
    while i < b.len() && i < 33 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = &s[1..i];
    if b.get(i) == Some(&b';') {
        if let Some(v) = named_entity(name) {
            out.push_str(v);
            return Some(i + 1);
        }
        return None;
    }
    // No ';': only the legacy names, and only as a prefix match of the run.
    for legacy in LEGACY_NO_SEMI {
        if name.starts_with(legacy)
            && (name.len() == legacy.len() || !name.as_bytes()[legacy.len()].is_ascii_alphanumeric() || *legacy == "amp")
        {
            out.push_str(named_entity(legacy).unwrap());
            return Some(1 + legacy.len());
        }
    }
    None
}

/// Appends `s` with entities decoded (no whitespace changes).
pub fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..p]);
        match decode_one(&rest[p..], out) {
            Some(n) => rest = &rest[p + n..],
            None => {
                out.push('&');
                rest = &rest[p + 1..];
            }
        }
    }
    out.push_str(rest);
}

#[inline]
fn is_space_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// Appends raw HTML text to `out`, decoding entities and collapsing runs of
/// whitespace (including NBSP) to one space. `space` carries a pending
/// separator across calls so inline markup (`a<b>c</b>`) joins correctly and
/// block boundaries (set by the caller) separate words. Never writes leading
/// whitespace into an empty `out`.
pub fn push_collapsed(out: &mut String, raw: &str, space: &mut bool) {
    let b = raw.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    // Fast path over ASCII: copy runs between whitespace/'&'/non-ASCII bytes.
    while i < b.len() {
        let c = b[i];
        if c == b'&' || c >= 0x80 || is_ascii_ws(c) {
            if run_start < i {
                if *space && !out.is_empty() {
                    out.push(' ');
                }
                *space = false;
                out.push_str(&raw[run_start..i]);
            }
            if is_ascii_ws(c) {
                *space = true;
                i += 1;
            } else if c == b'&' {
                let mut tmp = String::new();
                match decode_one(&raw[i..], &mut tmp) {
                    Some(n) => {
                        push_chars(out, &tmp, space);
                        i += n;
                    }
                    None => {
                        push_chars(out, "&", space);
                        i += 1;
                    }
                }
            } else {
                // Non-ASCII: one char at a time (only whitespace-like ones matter).
                let ch = raw[i..].chars().next().unwrap_or('\u{fffd}');
                let n = ch.len_utf8();
                push_chars(out, &raw[i..i + n], space);
                i += n;
            }
            run_start = i;
        } else {
            i += 1;
        }
    }
    if run_start < b.len() {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(&raw[run_start..]);
    }
}

#[inline]
fn is_ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn push_chars(out: &mut String, s: &str, space: &mut bool) {
    for ch in s.chars() {
        if is_space_char(ch) {
            *space = true;
        } else if ch == '\u{ad}' || ch == '\u{200c}' || ch == '\u{200d}' || ch == '\u{200e}' || ch == '\u{200f}' {
            // Invisible formatting characters: dropped so words stay whole.
        } else {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push(ch);
        }
    }
}

/// Collapses whitespace of already-decoded text.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    push_chars(&mut out, s, &mut space);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        let mut out = String::new();
        decode_entities("a &amp; b &lt;c&gt; &#8220;q&#x201D; &copy 2025 &bogus; &#150;", &mut out);
        assert_eq!(out, "a & b <c> “q” © 2025 &bogus; –");
    }

    #[test]
    fn collapsing() {
        let mut out = String::new();
        let mut sp = false;
        push_collapsed(&mut out, "  Hello,\n\t world&nbsp;&nbsp;again ", &mut sp);
        push_collapsed(&mut out, "more", &mut sp);
        assert_eq!(out, "Hello, world again more");
        assert_eq!(collapse(" x \u{a0} y "), "x y");
    }
}
