//! The figures scanner's tokens: words, numbers and symbols with their byte
//! spans, lower-cased once, so every pattern after this is a look at a few tokens.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokKind,
    /// Whitespace (or the start of the text) right before the token.
    pub(crate) gap: bool,
    /// Borrowed from the text when it is lower case already (most tokens).
    pub(crate) lower: std::borrow::Cow<'a, str>,
    /// The word starts with an upper-case letter.
    pub(crate) cap: bool,
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut gap = true;
    while let Some(&(start, c)) = it.peek() {
        if c.is_whitespace() {
            gap = true;
            it.next();
            continue;
        }
        let kind;
        let mut end;
        if c.is_ascii_digit() {
            kind = TokKind::Num;
            it.next();
            end = start + 1;
            while let Some(&(p, d)) = it.peek() {
                if d.is_ascii_digit() {
                    it.next();
                    end = p + 1;
                } else if d == ',' || d == '.' {
                    // A separator only when a digit follows.
                    let next = text[p + 1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        it.next();
                        end = p + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            kind = TokKind::Word;
            it.next();
            end = start + c.len_utf8();
            while let Some(&(p, d)) = it.peek() {
                if d.is_alphabetic() {
                    it.next();
                    end = p + d.len_utf8();
                } else if d == '\'' || d == '\u{2019}' {
                    let next = text[p + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphabetic()) {
                        it.next();
                        end = p + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            kind = TokKind::Sym;
            it.next();
            end = start + c.len_utf8();
        }
        let s = &text[start..end];
        toks.push(Tok {
            start,
            end,
            kind,
            gap,
            lower: if s.chars().any(char::is_uppercase) { s.to_lowercase().into() } else { s.into() },
            cap: s.chars().next().is_some_and(|c| c.is_uppercase()),
        });
        gap = false;
    }
    toks
}

pub(crate) fn is_hyphen(t: &Tok) -> bool {
    t.kind == TokKind::Sym && matches!(t.lower.as_ref(), "-" | "\u{2010}" | "\u{2011}")
}

pub(crate) fn is_range_dash(t: &Tok) -> bool {
    is_hyphen(t) || (t.kind == TokKind::Sym && matches!(t.lower.as_ref(), "\u{2013}" | "\u{2014}"))
}

/// Lower-case text of token `i`, or "" past the end.
pub(crate) fn lw<'a>(toks: &'a [Tok<'_>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower.as_ref()).unwrap_or("")
}
