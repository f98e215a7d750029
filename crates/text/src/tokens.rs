//! Tokenization into byte spans, Penn-Treebank style where it matters for
//! the later stages: punctuation and quotes split off, clitics (`'s`, `n't`)
//! split, but abbreviations (`U.S.`, `Dr.`, `Jan.`), initials (`J.`),
//! numbers (`3.5`, `1,000`, `10:30`), hyphenated words (`cease-fire`) and
//! ellipses kept whole.

use newsfuse_doc::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "llc", "plc", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "mt", "ft", "ave", "blvd", "rd", "dept",
    "est", "fig", "approx", "pres", "rev", "hon", "supt", "messrs", "mme", "mlle", "op", "vol", "pp", "cf", "al", "ca",
];

const CLITICS: &[&str] = &["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '{' | '¿' | '¡')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | ',' | ';' | ':' | '!' | '?' | '.' | '…' | '%')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Tokenizes `text`, returning byte spans into it.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Splits one whitespace-delimited chunk `text[start..end]`.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    // Leading punctuation, one character each; currency symbols too.
    while start < end {
        let c = text[start..end].chars().next().unwrap_or(' ');
        if is_opening(c) || is_dash(c) || matches!(c, '$' | '€' | '£' | '¥' | '#') && end - start > c.len_utf8() {
            out.push(Span::new(start, start + c.len_utf8()));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    if start >= end {
        return;
    }
    // Trailing punctuation, collected right to left.
    let mut trailing: Vec<Span> = Vec::new();
    loop {
        let word = &text[start..end];
        if word.ends_with("...") && word.len() > 3 {
            trailing.push(Span::new(end - 3, end));
            end -= 3;
            continue;
        }
        let Some(c) = word.chars().next_back() else { break };
        if word.len() == c.len_utf8() {
            break;
        }
        if c == '.' && keeps_period(&word[..word.len() - 1]) {
            break;
        }
        if is_closing(c) || is_dash(c) {
            trailing.push(Span::new(end - c.len_utf8(), end));
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    split_inner(text, start, end, out);
    out.extend(trailing.into_iter().rev());
}

/// Splits inside a chunk without outer punctuation: dashes between words
/// (`Kyiv—the`), clitics (`Trump's`).
fn split_inner(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let word = &text[start..end];
    if word.is_empty() {
        return;
    }
    if let Some((i, c)) = word.char_indices().find(|&(i, c)| (is_dash(c) || c == '-' && word[i..].starts_with("--")) && i > 0) {
        let dash_len = if c == '-' { 2 } else { c.len_utf8() };
        split_inner(text, start, start + i, out);
        out.push(Span::new(start + i, start + i + dash_len));
        split_inner(text, start + i + dash_len, end, out);
        return;
    }
    let lower = word.to_lowercase();
    for clitic in CLITICS {
        if lower.len() > clitic.len() && lower.ends_with(clitic) && lower.len() == word.len() {
            let cut = end - clitic.len();
            if text.is_char_boundary(cut) {
                out.push(Span::new(start, cut));
                out.push(Span::new(cut, end));
                return;
            }
        }
    }
    out.push(Span::new(start, end));
}

/// Whether a word followed by `.` keeps the period: abbreviations, initials
/// and dotted acronyms (`U.S`, `a.m`).
fn keeps_period(word: &str) -> bool {
    let bare = word.trim_start_matches(|c: char| is_opening(c));
    if bare.is_empty() {
        return false;
    }
    let mut chars = bare.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_alphabetic() {
        return first.is_uppercase() || bare == "a" || bare == "p";
    }
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    ABBREVIATIONS.contains(&bare.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn news_sentence() {
        assert_eq!(
            toks("“Russia and Ukraine will start,” Trump said, adding it's a 30-day truce."),
            vec!["“", "Russia", "and", "Ukraine", "will", "start", ",", "”", "Trump", "said", ",", "adding", "it", "'s", "a", "30-day", "truce", "."]
        );
    }

    #[test]
    fn abbreviations_numbers_and_ellipses() {
        assert_eq!(toks("Dr. Lee of the U.S. paid $3.5 million (1,000 units)..."), vec!["Dr.", "Lee", "of", "the", "U.S.", "paid", "$", "3.5", "million", "(", "1,000", "units", ")", "..."]);
        assert_eq!(toks("J. Smith met Sen. Ruiz at 10:30 a.m. on Jan. 5."), vec!["J.", "Smith", "met", "Sen.", "Ruiz", "at", "10:30", "a.m.", "on", "Jan.", "5", "."]);
        assert_eq!(toks("Kyiv—the capital—didn't sleep"), vec!["Kyiv", "—", "the", "capital", "—", "did", "n't", "sleep"]);
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_trimmed_and_on_boundaries(text in "\\PC{0,200}") {
            let spans = tokenize(&text);
            let mut last = 0;
            for s in spans {
                prop_assert!(s.start as usize >= last);
                prop_assert!(s.end > s.start);
                let t = s.slice(&text);
                prop_assert!(t.is_some());
                let t = t.unwrap();
                prop_assert_eq!(t.trim(), t);
                last = s.end as usize;
            }
        }
    }
}
