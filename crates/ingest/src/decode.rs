//! Bytes to text: gzip, size limits, binary detection and character encodings.

use std::borrow::Cow;
use std::io::Read;

use encoding_rs::Encoding;

use crate::ReadError;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Inflates a gzip stream, refusing to produce more than `limit` bytes so a
/// small bomb cannot exhaust memory.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, ReadError> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    let mut limited = decoder.take(limit as u64 + 1);
    limited
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Corrupt(format!("gzip stream is truncated or corrupt: {e}")))?;
    if out.len() > limit {
        return Err(ReadError::TooLarge {
            size: out.len(),
            limit,
            what: "decompressed input",
        });
    }
    Ok(out)
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
    if sniff_meta {
        if let Some(enc) = meta_charset(bytes) {
            // A page that claims UTF-8 but is not valid UTF-8 is common (copy-pasted
            // legacy text); trust the bytes over the claim in that case.
            if enc != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() {
                return Ok(finish(enc, bytes, "meta charset"));
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8".into(),
            lossy: false,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let decoded = finish(enc, bytes, "detected");
    Ok(decoded)
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
        assert_eq!(gunzip(&full, 1 << 20).unwrap().len(), 10_000);
        assert!(matches!(gunzip(&full[..full.len() / 2], 1 << 20), Err(ReadError::Corrupt(_))));
        assert!(matches!(gunzip(&full, 100), Err(ReadError::TooLarge { .. })));
    }
}
