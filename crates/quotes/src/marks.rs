//! Quotation marks: which characters open and close a quote, how they pair,
//! and how an unbalanced mark is recovered from without swallowing the rest
//! of the article.

use newsfuse_doc::Span;

/// A quotation found between marks. `content` excludes the marks; a quote
/// continued across paragraphs has one span per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the end of the content
    /// when the quote was never closed).
    pub end: usize,
    pub closed: bool,
    pub content: Vec<Span>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    /// Either: decided by the pairing state.
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Mark {
    at: usize,
    len: usize,
    role: Role,
    double: bool,
    /// The character family, so „ pairs with “ and « with ».
    ch: char,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'))
}

/// Classifies the quotation marks of one paragraph. Apostrophes ("didn’t",
/// "Clinton’s", "the ’90s") are not marks.
fn marks_of(text: &str, base: usize, out: &mut Vec<Mark>) {
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        // A closing mark set off by a space from its comma (`box, "said
        // Klitschko`, tokenized text): it may close as well as open.
        let spaced_close = prev == Some(' ') && matches!(prev2, Some(',' | '?' | '!')) && is_word(next);
        // Two apostrophes as one double mark (''like this'', newspaper archives).
        if c == '\'' && next == Some('\'') {
            it.next();
            let after = it.peek().map(|&(_, n)| n);
            let role = if is_space(prev) && !is_space(after) {
                Role::Open
            } else if !is_space(prev) && (is_space(after) || !is_word(after)) {
                Role::Close
            } else {
                Role::Both
            };
            out.push(Mark { at: base + i, len: 2, role, double: true, ch: '"' });
            prev2 = prev;
            prev = Some('\'');
            continue;
        }
        let role = match c {
            '“' => Some((Role::Both, true)),
            '”' => Some((if is_space(prev) && !is_space(next) { Role::Open } else { Role::Close }, true)),
            '„' => Some((Role::Open, true)),
            '«' | '»' => Some((Role::Both, true)),
            '"' => Some((
                if spaced_close {
                    Role::Both
                } else if is_space(prev) && !is_space(next) {
                    Role::Open
                } else if !is_space(prev) && (is_space(next) || !is_word(next)) {
                    Role::Close
                } else {
                    Role::Both
                },
                true,
            )),
            '‹' | '›' => Some((Role::Both, false)),
            '‘' | '’' | '\'' => {
                if is_word(prev) && is_word(next) {
                    None // didn’t, Clinton’s
                } else if is_space(prev) && is_word(next) {
                    Some((Role::Open, false))
                } else if !is_space(prev) && !is_word(next) {
                    Some((Role::Close, false))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((role, double)) = role {
            out.push(Mark { at: base + i, len: c.len_utf8(), role, double, ch: c });
        }
        prev2 = prev;
        prev = Some(c);
    }
}

fn closes(open: char, close: Mark) -> bool {
    match open {
        '“' => matches!(close.ch, '”' | '"'),
        '„' => matches!(close.ch, '“' | '”' | '"'),
        '«' => close.ch == '»',
        '»' => close.ch == '«',
        '"' => matches!(close.ch, '"' | '”' | '“'),
        '”' => matches!(close.ch, '”' | '"'),
        '‹' => close.ch == '›',
        '›' => close.ch == '‹',
        _ => close.ch == '’' || close.ch == '\'',
    }
}

fn trimmed(text: &str, a: usize, b: usize) -> Option<Span> {
    let s = text.get(a..b)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    Some(Span::new(a + lead, a + lead + t.len()))
}

/// Finds the top-level quotes of a text split into paragraphs. Quotes inside
/// quotes stay part of the outer one; single marks make quotes of their own
/// only where a paragraph has no double marks (headline style).
pub fn find_marked(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    // An unclosed quote carried into the next paragraph (English convention:
    // the continued paragraph reopens with a mark).
    let mut carry: Option<(usize, char, Vec<Span>)> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let ptext = match text.get(para.range()) {
            Some(t) => t,
            None => continue,
        };
        marks.clear();
        marks_of(ptext, para.start as usize, &mut marks);
        let has_double = marks.iter().any(|m| m.double);
        if has_double {
            marks.retain(|m| m.double);
        }
        let mut k = 0;
        let mut open: Option<(usize, char, Vec<Span>, usize)> = None; // (open at, ch, spans so far, content start)
        if let Some((at, ch, spans)) = carry.take() {
            // Reopened: the paragraph starts with a mark.
            if let Some(first) = marks.first().filter(|m| m.at == para.start as usize && m.role != Role::Close) {
                open = Some((at, ch, spans, first.at + first.len));
                k = 1;
            } else if marks.first().is_some_and(|m| m.role != Role::Open && closes(ch, *m)) {
                // The text closes the quote in this paragraph without reopening it.
                open = Some((at, ch, spans, para.start as usize));
            } else {
                flush_unclosed(&mut out, at, spans);
            }
        }
        while k < marks.len() {
            let m = marks[k];
            k += 1;
            match open.take() {
                None => {
                    // A stray closing mark with nothing open is dropped.
                    if m.role != Role::Close {
                        open = Some((m.at, m.ch, Vec::new(), m.at + m.len));
                    }
                }
                Some((at, ch, mut spans, cstart)) => {
                    if m.role != Role::Open && closes(ch, m) {
                        if let Some(s) = trimmed(text, cstart, m.at) {
                            spans.push(s);
                        }
                        if !spans.is_empty() {
                            out.push(Marked { open: at, end: m.at + m.len, closed: true, content: spans });
                        }
                    } else if m.role != Role::Close && (m.double || !has_double) {
                        // An opening mark while one is open: the first was
                        // never closed. End it at the last sentence end
                        // before the new mark.
                        let cut = last_sentence_end(text, cstart, m.at);
                        if let Some(s) = trimmed(text, cstart, cut) {
                            spans.push(s);
                        }
                        flush_unclosed(&mut out, at, spans);
                        open = Some((m.at, m.ch, Vec::new(), m.at + m.len));
                    } else {
                        open = Some((at, ch, spans, cstart));
                    }
                }
            }
        }
        if let Some((at, ch, mut spans, cstart)) = open {
            if let Some(s) = trimmed(text, cstart, para.end as usize) {
                spans.push(s);
            }
            if pi + 1 < paragraphs.len() && spans.len() < 20 {
                carry = Some((at, ch, spans));
            } else {
                flush_unclosed(&mut out, at, spans);
            }
        }
    }
    if let Some((at, _, spans)) = carry {
        flush_unclosed(&mut out, at, spans);
    }
    out.sort_by_key(|m| m.open);
    out
}

fn flush_unclosed(out: &mut Vec<Marked>, at: usize, spans: Vec<Span>) {
    if let Some(last) = spans.last() {
        out.push(Marked { open: at, end: last.end as usize, closed: false, content: spans });
    }
}

/// The end of the last sentence-final punctuation in `text[a..b]`, or `b`.
fn last_sentence_end(text: &str, a: usize, b: usize) -> usize {
    let s = text.get(a..b).unwrap_or("");
    match s.rfind(['.', '!', '?']) {
        Some(i) if i > 0 => a + i + 1,
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras: Vec<Span> = {
            let mut v = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                v.push(Span::new(start, start + part.len()));
                start += part.len() + 2;
            }
            v
        };
        find_marked(text, &paras)
            .iter()
            .map(|m| m.content.iter().map(|s| &text[s.range()]).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    #[test]
    fn every_style() {
        assert_eq!(quotes("“We will rebuild,” said Mayor Ana Ruiz."), vec!["We will rebuild,"]);
        assert_eq!(quotes("He said \"no\" and \"yes\"."), vec!["no", "yes"]);
        assert_eq!(quotes("Elle a dit « non » hier."), vec!["non"]);
        assert_eq!(quotes("Er sagte „nein“ gestern."), vec!["nein"]);
        assert_eq!(quotes("She said ‹ oui › twice."), vec!["oui"]);
        assert_eq!(quotes("Ruiz’s team didn’t say ‘maybe’ at all."), vec!["maybe"]);
        assert_eq!(quotes("''We are ready,'' Mr. Ruiz said, ''and we didn't wait.''"), vec!["We are ready,", "and we didn't wait."]);
    }

    #[test]
    fn nested_and_apostrophes() {
        let q = quotes("“They told me ‘wait’, and I didn’t,” Ruiz’s aide said.");
        assert_eq!(q, vec!["They told me ‘wait’, and I didn’t,"]);
    }

    #[test]
    fn continued_paragraphs() {
        let q = quotes("“First part of it.\n\n“Second part,” she said.\n\nNext story.");
        assert_eq!(q, vec!["First part of it. | Second part,"]);
    }

    #[test]
    fn spaced_closing_marks() {
        let q = quotes("\"Not easy to box.\n\nI'm satisfied, \"said the champion.\n\n\"Very hard to hit, \"Steward said.");
        assert_eq!(q, vec!["Not easy to box. | I'm satisfied,", "Very hard to hit,"]);
        // After a comma, a mark before a word still opens when nothing is open.
        assert_eq!(quotes("He said, \"we will go\" today."), vec!["we will go"]);
    }

    #[test]
    fn unclosed_is_bounded() {
        let q = quotes("“We will never stop, Ruiz said.\n\nThe bridge opened in May.\n\nTraffic grew “fast” later.");
        assert_eq!(q[0], "We will never stop, Ruiz said.");
        assert!(q.contains(&"fast".to_string()), "{q:?}");
        let q = quotes("“One. Two “three” four.");
        assert!(q.contains(&"three".to_string()), "{q:?}");
    }
}
