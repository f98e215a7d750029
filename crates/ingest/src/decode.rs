//! Bytes to text: gzip, size limits, binary detection and character encodings.

use std::borrow::Cow;
use std::io::Read;

use encoding_rs::Encoding;

use crate::limits::{reserve, Limit};
use crate::ReadError;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Below this size an inflated stream is not checked for its expansion ratio.
const RATIO_FLOOR: usize = 1 << 20;

/// Inflates a gzip stream, refusing to produce more than `limit` bytes, or,
/// past 1 MB, more than `max_ratio` times the compressed size (news text
/// compresses 3-5 times; a bomb 1,000 times), so a small file cannot exhaust
/// memory. Memory is reserved fallibly.
pub(crate) fn gunzip(bytes: &[u8], limit: Limit, max_ratio: usize) -> Result<Vec<u8>, ReadError> {
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::new();
    reserve(&mut out, bytes.len().saturating_mul(4).min(limit.bytes))?;
    let ratio_cap = bytes.len().saturating_mul(max_ratio).max(RATIO_FLOOR);
    let mut chunk = vec![0u8; 256 << 10];
    loop {
        let n = match decoder.read(&mut chunk) {
            Ok(0) => return Ok(out),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::Corrupt(format!("gzip stream is truncated or corrupt: {e}"))),
        };
        if out.len() + n > limit.bytes {
            return Err(ReadError::TooLarge { size: None, limit: limit.bytes, what: "decompressed input", flag: limit.flag });
        }
        if out.len() + n > ratio_cap {
            return Err(ReadError::Bomb { ratio: max_ratio });
        }
        reserve(&mut out, n)?;
        out.extend_from_slice(&chunk[..n]);
    }
}

/// For streams read in chunks: refuses, from their first bytes, those that
/// are not text (`/dev/zero`, `/dev/urandom`). Gzip, WARC (whose records may
/// hold images) and UTF-16 are left to the readers.
pub(crate) fn refuse_binary_stream(bytes: &[u8]) -> Result<(), ReadError> {
    if is_gzip(bytes) || bytes.starts_with(b"WARC/") || Encoding::for_bom(bytes).is_some() || looks_like_bomless_utf16(bytes) {
        return Ok(());
    }
    check_not_binary(bytes)
}

/// Text decoded from bytes, with a note on how its encoding was known.
pub struct Decoded {
    pub text: String,
    /// e.g. `UTF-8 (bom)`, `windows-1252 (meta charset)`, `windows-1252 (detected)`.
    pub encoding: String,
    /// Set when some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
}

/// Where a declared charset came from, if any.
pub enum Declared<'a> {
    None,
    /// A label from an HTTP header or similar out-of-band source.
    Header(&'a str),
}

/// Decodes `bytes`: BOM first, then an out-of-band declaration, then (for
/// markup) a `<meta charset>` in the first 4 kB, then strict UTF-8, then
/// chardetng's guess for legacy single- and multi-byte encodings.
pub fn decode(bytes: &[u8], declared: Declared<'_>, sniff_meta: bool) -> Result<Decoded, ReadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(enc, &bytes[bom_len..], "bom"));
    }
    if looks_like_bomless_utf16(bytes) {
        let enc = if bytes.len() > 1 && bytes[0] == 0 {
            encoding_rs::UTF_16BE
        } else {
            encoding_rs::UTF_16LE
        };
        return Ok(finish(enc, bytes, "detected"));
    }
    check_not_binary(bytes)?;
    if let Declared::Header(label) = declared {
        if let Some(enc) = Encoding::for_label(label.trim().as_bytes()) {
            return Ok(finish(enc, bytes, "declared"));
        }
    }
    let utf8 = Utf8Census::of(bytes);
    if sniff_meta {
        if let Some(enc) = meta_charset(bytes) {
            // A page that claims UTF-8 but is not valid UTF-8 is common (copy-pasted
            // legacy text); trust the bytes over the claim in that case. A few bad
            // bytes in real UTF-8 are not that: they are replaced, and flagged.
            if enc != encoding_rs::UTF_8 || utf8.invalid == 0 {
                return Ok(finish(enc, bytes, "meta charset"));
            }
            if utf8.mostly_utf8() {
                return Ok(finish(enc, bytes, "meta charset, invalid bytes replaced"));
            }
        }
    }
    if utf8.invalid == 0 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8".into(),
                lossy: false,
            });
        }
    }
    if utf8.mostly_utf8() {
        return Ok(finish(encoding_rs::UTF_8, bytes, "detected, invalid bytes replaced"));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    // A non-Latin legacy encoding (Cyrillic, Greek, CJK, ...) writes nearly every
    // letter with a high byte. ASCII text with a few stray high bytes is not
    // that: it is broken UTF-8, decoded with replacements and flagged, not read
    // as Cyrillic.
    if !LATIN.contains(&enc.name()) && utf8.high_bytes * 5 < utf8.letters {
        return Ok(finish(encoding_rs::UTF_8, bytes, "detected, invalid bytes replaced"));
    }
    Ok(finish(enc, bytes, "detected"))
}

/// Legacy encodings of Latin-script languages, where high bytes are the odd
/// accented letter among ASCII ones.
const LATIN: &[&str] = &["windows-1252", "windows-1250", "windows-1254", "windows-1257", "windows-1258", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-13", "ISO-8859-15", "ISO-8859-16", "macintosh"];

/// How much of a byte string reads as UTF-8.
#[derive(Debug, Default)]
struct Utf8Census {
    /// Well-formed multi-byte sequences.
    multibyte: usize,
    /// Maximal invalid subsequences (each would become one U+FFFD).
    invalid: usize,
    /// Bytes >= 0x80, and ASCII letters plus those.
    high_bytes: usize,
    letters: usize,
}

impl Utf8Census {
    fn of(bytes: &[u8]) -> Self {
        let mut census = Utf8Census {
            high_bytes: bytes.iter().filter(|&&b| b >= 0x80).count(),
            ..Utf8Census::default()
        };
        census.letters = census.high_bytes + bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
        if census.high_bytes == 0 {
            return census;
        }
        let mut rest = bytes;
        loop {
            let (valid, bad) = match std::str::from_utf8(rest) {
                Ok(text) => (text, None),
                Err(e) => (
                    // Safe by construction: `valid_up_to` ends a valid prefix.
                    std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
                    Some(e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to())),
                ),
            };
            census.multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
            match bad {
                Some(next) => {
                    census.invalid += 1;
                    rest = &rest[next.max(1).min(rest.len())..];
                }
                None => return census,
            }
        }
    }

    /// UTF-8 with a few bad bytes: at least as many well-formed multi-byte
    /// characters as invalid sequences. Legacy text has next to none of the former.
    fn mostly_utf8(&self) -> bool {
        self.invalid > 0 && self.multibyte > 0 && self.multibyte >= self.invalid
    }
}

fn finish(enc: &'static Encoding, bytes: &[u8], how: &str) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: format!("{} ({how})", enc.name()),
        lossy: had_errors,
    }
}

/// UTF-16 text without a BOM shows up as every other byte being NUL.
fn looks_like_bomless_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    if sample.len() < 16 {
        return false;
    }
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    (even_nul * 10 >= half * 9 && odd_nul == 0) || (odd_nul * 10 >= half * 9 && even_nul == 0)
}

/// Rejects files that are not text: NUL bytes or many control characters in
/// the first 8 kB (images, PDFs, executables, zip archives).
fn check_not_binary(bytes: &[u8]) -> Result<(), ReadError> {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return Ok(());
    }
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"%PDF-", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a zip archive"),
        (b"\x7fELF", "an executable"),
    ];
    for (magic, what) in SIGNATURES {
        if sample.starts_with(magic) {
            return Err(ReadError::Binary(format!("looks like {what}")));
        }
    }
    if sample.contains(&0) {
        return Err(ReadError::Binary("contains NUL bytes".into()));
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > sample.len() {
        return Err(ReadError::Binary(format!(
            "{control} control bytes in the first {} bytes",
            sample.len()
        )));
    }
    Ok(())
}

/// Finds `<meta charset=...>` or `<meta http-equiv=content-type content="...charset=...">`
/// in the first 4 kB, as the HTML spec's prescan does.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Cow<'_, str> = String::from_utf8_lossy(head);
    let lower = lower.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(pos) = rest.find("charset") {
        let after = &rest[pos + "charset".len()..];
        let after = after.trim_start_matches([' ', '\t']);
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start_matches([' ', '"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '>' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value.as_bytes()[..end]) {
                // The spec maps UTF-16 labels found in meta to UTF-8: the bytes we are
                // reading are evidently ASCII-compatible.
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    return Some(encoding_rs::UTF_8);
                }
                return Some(enc);
            }
        }
        rest = &rest[pos + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zelenskyy – Kyiv".as_bytes(), Declared::None, false).unwrap();
        assert_eq!(d.text, "Zelenskyy – Kyiv");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Café news".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, Declared::None, false).unwrap();
        assert_eq!(d.text, "Café news");
        assert!(d.encoding.starts_with("UTF-16LE"));
    }

    #[test]
    fn windows_1252_without_declaration_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<p>The café’s owner said “no” to the mayor’s résumé request.</p>");
        let d = decode(&bytes, Declared::None, true).unwrap();
        assert!(d.text.contains("café’s owner said “no”"), "{}", d.text);
        assert!(!d.lossy);
    }

    #[test]
    fn meta_charset_is_honoured() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
        bytes.extend_from_slice(&[b'S', 0xe3, b'o', b' ', b'P', b'a', b'u', b'l', b'o']);
        let d = decode(&bytes, Declared::None, true).unwrap();
        assert!(d.text.contains("São Paulo"));
        assert_eq!(d.encoding, "windows-1252 (meta charset)");
    }

    #[test]
    fn one_bad_byte_does_not_turn_utf8_into_windows_1252() {
        let mut page = "<html><head><meta charset=\"utf-8\"></head><body><p>Café owners met in Zürich.</p>".as_bytes().to_vec();
        page.extend_from_slice(b"<p>A stray \xff byte.</p></body></html>");
        let d = decode(&page, Declared::None, true).unwrap();
        assert!(d.text.contains("Café owners met in Zürich.") && d.text.contains("stray \u{fffd} byte"), "{}", d.text);
        assert!(d.lossy);
        assert_eq!(d.encoding, "UTF-8 (meta charset, invalid bytes replaced)");
        // The same without a declaration.
        let d = decode(&page[40..], Declared::None, false).unwrap();
        assert!(d.text.contains("Café owners") && d.lossy, "{}", d.text);
        assert_eq!(d.encoding, "UTF-8 (detected, invalid bytes replaced)");
    }

    #[test]
    fn stray_high_bytes_in_ascii_are_not_read_as_cyrillic() {
        let text = b"The council voted on Tuesday to rebuild the harbour bridge. The mayor \xff\xfe said \xc3 more.";
        let d = decode(text, Declared::None, false).unwrap();
        assert_eq!(d.encoding, "UTF-8 (detected, invalid bytes replaced)");
        assert!(d.lossy && d.text.contains("The mayor \u{fffd}\u{fffd} said \u{fffd} more."), "{}", d.text);
        // Real Cyrillic text in windows-1251 stays Cyrillic.
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode("Совет города проголосовал во вторник за восстановление старого моста через гавань.");
        let d = decode(&cyrillic, Declared::None, false).unwrap();
        assert!(d.text.starts_with("Совет города"), "{} {}", d.encoding, d.text);
        assert!(!d.lossy);
    }

    #[test]
    fn gzip_bombs_are_refused_by_ratio() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'{'; 20 << 20]).unwrap();
        let bomb = enc.finish().unwrap();
        let limit = Limit { bytes: 1 << 30, flag: "--max-container-mb" };
        assert_eq!(gunzip(&bomb, limit, 100), Err(ReadError::Bomb { ratio: 100 }));
        assert_eq!(gunzip(&bomb, limit, 100_000).unwrap().len(), 20 << 20);
    }

    #[test]
    fn streams_of_zeros_are_binary_but_utf16_and_warc_are_not() {
        assert!(refuse_binary_stream(&[0u8; 4096]).is_err());
        let utf16: Vec<u8> = "News from the harbour".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(refuse_binary_stream(&utf16).is_ok());
        assert!(refuse_binary_stream(b"WARC/1.0\r\n\0\0\0").is_ok());
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n....", Declared::None, false), Err(ReadError::Binary(_))));
        let mut noise = vec![1u8; 100];
        noise.extend_from_slice(b"abc");
        assert!(decode(&noise, Declared::None, false).is_err());
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![b'a'; 10_000]).unwrap();
        let full = enc.finish().unwrap();
        let limit = |bytes| Limit { bytes, flag: "--max-mb" };
        assert_eq!(gunzip(&full, limit(1 << 20), 100).unwrap().len(), 10_000);
        assert!(matches!(gunzip(&full[..full.len() / 2], limit(1 << 20), 100), Err(ReadError::Corrupt(_))));
        assert!(matches!(gunzip(&full, limit(100), 100), Err(ReadError::TooLarge { .. })));
    }
}
