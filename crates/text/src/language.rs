//! Language identification with whatlang, reported as ISO 639-1 codes where
//! one exists (`en`, `es`), else the ISO 639-3 code whatlang gives.

use newsfuse_doc::Language;

/// Longest prefix of the text the detector looks at: a few paragraphs decide
/// the language as well as the whole article, at a fraction of the cost.
const SAMPLE_BYTES: usize = 2000;

pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) => Language {
            code: iso639_1(info.lang().code()).to_string(),
            confidence: (info.confidence() * 100.0).round() as f32 / 100.0,
            declared: false,
        },
        None => Language {
            code: "und".into(),
            confidence: 0.0,
            declared: false,
        },
    }
}

fn iso639_1(code3: &'static str) -> &'static str {
    match code3 {
        "eng" => "en",
        "spa" => "es",
        "por" => "pt",
        "fra" => "fr",
        "deu" => "de",
        "ita" => "it",
        "nld" => "nl",
        "cat" => "ca",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ces" => "cs",
        "slk" => "sk",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "bul" => "bg",
        "ron" => "ro",
        "hun" => "hu",
        "fin" => "fi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "tur" => "tr",
        "ell" => "el",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "hin" => "hi",
        "ben" => "bn",
        "urd" => "ur",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "vie" => "vi",
        "tha" => "th",
        "ind" => "id",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "bel" => "be",
        "kat" => "ka",
        "hye" => "hy",
        "aze" => "az",
        "epo" => "eo",
        "lat" => "la",
        "afr" => "af",
        "tgl" => "tl",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages() {
        assert_eq!(detect("The minister said the dam had been inspected last year and was found to be safe.").code, "en");
        assert_eq!(detect("El ministro dijo que la presa había sido inspeccionada el año pasado y que era segura.").code, "es");
        assert_eq!(detect("Der Minister sagte, der Damm sei im vergangenen Jahr geprüft und für sicher befunden worden.").code, "de");
        assert_eq!(detect("").code, "und");
    }
}
