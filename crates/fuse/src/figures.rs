//! Figures: the numbers a story reports ("at least 17 civilians", "a 30-day
//! truce", "$2.5bn", "a fifth of the region"), normalized so that two reports
//! of one quantity can be compared.
//!
//! Extraction is a hand-written scanner over the document text: the text is cut
//! into word, number and symbol tokens once, and each token is tried as the
//! start of a figure with a bounded look-ahead, so the work is linear in the
//! text. Years, dates and clock times are left to the time stage: a figure
//! overlapping a `DATE`, `TIME` or `SET` expression of [`Document::times`] is
//! dropped, and year-like or date-like numbers are skipped on their own too.
//!
//! [`same_quantity`] says whether two figures count the same thing;
//! [`compatible`] whether their values can both be true given hedges ("at
//! least", "nearly"), ranges and rounding. A conflict between two reports is
//! `same_quantity(a, b) && !compatible(a, b)`. Vague figures ("dozens",
//! "hundreds of") are always compatible.

use newsfuse_doc::{Document, Span, TimeExpr, TimeKind};

/// How the text qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    Exact,
    /// "at least", "no fewer than", "or more", "1,000+"
    AtLeast,
    /// "at most", "no more than"
    AtMost,
    /// "about", "around", "roughly", "some", "approximately", "an estimated", "or so"
    About,
    /// "as many as", "up to"
    UpTo,
    /// "more than", "over"
    MoreThan,
    /// "fewer than", "less than", "under"
    LessThan,
    /// "nearly", "almost", "close to"
    Nearly,
}

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    /// A number of things: "14 civilians", "the 1,000-prisoner exchange".
    Count,
    /// A length of time: "a 30-day truce" (unit `day`).
    Duration,
    /// An amount of money: "$2.5 billion" (unit `USD`).
    Money,
    /// "20 per cent" (value 20, unit `percent`).
    Percent,
    /// "a fifth of", "two-thirds" (value 0.2, 0.666...).
    Fraction,
    /// A physical measure: "12 km", "300 tonnes".
    Measure,
    /// An age: "a 40-year-old man" (unit `year`).
    Age,
}

/// One figure found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The whole figure phrase: hedge, number, unit and what it counts.
    pub span: Span,
    /// The normalized number: 1000.0, 30.0, 0.2 for "a fifth", 2.5e9.
    pub value: f64,
    /// The end of a range ("between 10 and 12", "10-12").
    pub upper: Option<f64>,
    pub hedge: Hedge,
    /// Normalized unit: `day`, `hour`, `month`, `year`, `percent`, `USD`, `EUR`, `km`, or empty.
    pub unit: String,
    /// What it counts, lower-cased and singular: `prisoner of war`, `civilian`, `truce`.
    pub counted: String,
    pub counted_span: Option<Span>,
    pub kind: FigureKind,
    /// A vague quantity ("dozens", "hundreds of", "thousands"): `value` is a
    /// rough lower bound and the figure is never in conflict with another.
    pub vague: bool,
    /// What happened to the counted things, when the text says right after
    /// the figure: "14 civilians killed", "17 were injured" (`killed`, `injured`, ...).
    pub predicate: String,
}

/// The figures of a document, sorted by span.
pub fn figures(doc: &Document) -> Vec<Figure> {
    figures_in(&doc.text, &doc.times)
}

/// The figures of a text, given the time expressions found in it (may be empty).
pub fn figures_in(text: &str, times: &[TimeExpr]) -> Vec<Figure> {
    let toks = tokenize(text);
    let mut excluded: Vec<Span> = times
        .iter()
        .filter(|t| t.kind != TimeKind::Duration)
        .map(|t| t.span)
        .collect();
    excluded.sort();
    // The longest excluded span bounds how far back an overlapping one can start.
    let longest = excluded.iter().map(|s| s.len()).max().unwrap_or(0) as u32;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_figure(text, &toks, i) {
            Some((fig, next)) => {
                let from = excluded.partition_point(|s| s.start.saturating_add(longest) < fig.span.start);
                let overlaps = excluded[from..]
                    .iter()
                    .take_while(|s| s.start < fig.span.end)
                    .any(|s| fig.span.start < s.end && fig_core_overlaps(&fig, *s, text));
                if !overlaps {
                    out.push(fig);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|f| f.span);
    out
}

/// Whether a date/time expression touches the number part of a figure (the
/// span minus the counted noun phrase): "3 days ago" is a DATE and drops the
/// figure; "14 civilians killed on Monday" keeps it.
fn fig_core_overlaps(fig: &Figure, s: Span, _text: &str) -> bool {
    let core_end = match fig.counted_span {
        Some(c) if c.start > fig.span.start => c.start,
        _ => fig.span.end,
    };
    s.start < core_end && fig.span.start < s.end
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: TokKind,
    /// Whitespace (or the start of the text) right before the token.
    gap: bool,
    /// Borrowed from the text when it is lower case already (most tokens).
    lower: std::borrow::Cow<'a, str>,
    /// The word starts with an upper-case letter.
    cap: bool,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
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

fn is_hyphen(t: &Tok) -> bool {
    t.kind == TokKind::Sym && matches!(t.lower.as_ref(), "-" | "\u{2010}" | "\u{2011}")
}

fn is_range_dash(t: &Tok) -> bool {
    is_hyphen(t) || (t.kind == TokKind::Sym && matches!(t.lower.as_ref(), "\u{2013}" | "\u{2014}"))
}

/// Lower-case text of token `i`, or "" past the end.
fn lw<'a>(toks: &'a [Tok<'_>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower.as_ref()).unwrap_or("")
}

// ---------------------------------------------------------------------------
// Word lists

fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_number(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn big_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scales written after digits: "2.5 million", "$2.5bn", "3m".
fn digit_scale(w: &str, tight: bool) -> Option<f64> {
    if let Some(s) = big_scale(w) {
        return Some(s);
    }
    Some(match w {
        "bn" | "bln" | "b" if tight || w != "b" => 1e9,
        "mn" | "mln" => 1e6,
        "m" if tight => 1e6,
        "k" if tight => 1e3,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Denominators: "third" -> 3; plural forms for "two-thirds".
fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Vague plurals: "dozens", "hundreds of" -> a rough lower bound.
fn vague_number(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2000.0,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

fn hedge_at(toks: &[Tok], i: usize) -> Option<(Hedge, usize)> {
    let w = |k: usize| lw(toks, i + k);
    let two = |a: &str, b: &str| w(0) == a && w(1) == b;
    if w(0) == "as" && w(1) == "many" && w(2) == "as" || w(0) == "as" && w(1) == "much" && w(2) == "as" {
        return Some((Hedge::UpTo, 3));
    }
    if w(0) == "no" && (w(1) == "more" || w(1) == "fewer" || w(1) == "less") && w(2) == "than" {
        let h = if w(1) == "more" { Hedge::AtMost } else { Hedge::AtLeast };
        return Some((h, 3));
    }
    if w(0) == "just" && (w(1) == "over" || w(1) == "under") {
        let h = if w(1) == "over" { Hedge::MoreThan } else { Hedge::LessThan };
        return Some((h, 2));
    }
    if w(0) == "just" && (w(1) == "more" || w(1) == "less" || w(1) == "fewer") && w(2) == "than" {
        let h = if w(1) == "more" { Hedge::MoreThan } else { Hedge::LessThan };
        return Some((h, 3));
    }
    let pairs: [(&str, &str, Hedge); 9] = [
        ("at", "least", Hedge::AtLeast),
        ("at", "most", Hedge::AtMost),
        ("more", "than", Hedge::MoreThan),
        ("fewer", "than", Hedge::LessThan),
        ("less", "than", Hedge::LessThan),
        ("up", "to", Hedge::UpTo),
        ("an", "estimated", Hedge::About),
        ("close", "to", Hedge::Nearly),
        ("upwards", "of", Hedge::MoreThan),
    ];
    for (a, b, h) in pairs {
        if two(a, b) {
            return Some((h, 2));
        }
    }
    let h = match w(0) {
        "over" => Hedge::MoreThan,
        "under" => Hedge::LessThan,
        "nearly" | "almost" => Hedge::Nearly,
        "about" | "around" | "roughly" | "some" | "approximately" | "approx" | "estimated" | "circa" => {
            Hedge::About
        }
        _ => return None,
    };
    Some((h, 1))
}

fn currency_prefix(t: &Tok) -> Option<&'static str> {
    Some(match t.lower.as_ref() {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₴" => "UAH",
        "₽" => "RUB",
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "rupee" | "rupees" => "INR",
        _ => return None,
    })
}

fn duration_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" => "mile",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" => "cm",
        "foot" | "feet" | "ft" => "ft",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "tonne" | "tonnes" | "ton" | "tons" => "tonne",
        "hectare" | "hectares" | "ha" => "hectare",
        "acre" | "acres" => "acre",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "barrel" | "barrels" => "barrel",
        "megawatt" | "megawatts" | "mw" => "MW",
        "mph" => "mph",
        "gigawatt" | "gigawatts" | "gw" => "GW",
        _ => return None,
    })
}

/// Seconds in a duration unit, for comparing "two hours" with "120 minutes".
fn duration_seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86400.0,
        "week" => 7.0 * 86400.0,
        "month" => 30.0 * 86400.0,
        "year" => 365.0 * 86400.0,
        "decade" => 3650.0 * 86400.0,
        "century" => 36500.0 * 86400.0,
        _ => return None,
    })
}

const MONTHS: [&str; 21] = [
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
];

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w) || w == "nov" || w == "dec" || w == "may"
}

/// Words before a number that make it a label, not a quantity.
fn is_label_word(w: &str) -> bool {
    matches!(
        w,
        "page" | "p" | "pp" | "no" | "nos" | "number" | "#" | "article" | "section" | "chapter" | "paragraph"
            | "resolution" | "flight" | "route" | "highway" | "line" | "room" | "gate" | "platform" | "bus"
            | "apartment" | "phone" | "tel" | "ext" | "rule" | "amendment" | "item" | "level" | "stage" | "phase"
            | "version" | "season" | "episode" | "volume" | "vol" | "fig" | "figure" | "table" | "exit" | "channel"
            | "block" | "building" | "district" | "zone" | "hall" | "pier" | "terminal" | "ward" | "floor"
            | "act" | "verse" | "psalm" | "grade" | "class" | "category" | "code" | "id" | "model" | "mark"
            | "unit" | "sector" | "brigade" | "division" | "battalion" | "corps" | "regiment" | "army"
    )
}

/// Words that end a counted noun phrase.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "and" | "or" | "but" | "nor" | "of" | "in" | "on" | "at" | "to" | "for" | "from"
            | "by" | "with" | "without" | "into" | "onto" | "over" | "under" | "after" | "before" | "since"
            | "during" | "until" | "till" | "than" | "as" | "that" | "which" | "who" | "whom" | "whose" | "this"
            | "these" | "those" | "it" | "its" | "they" | "them" | "their" | "he" | "him" | "his" | "she" | "her"
            | "we" | "us" | "our" | "you" | "your" | "i" | "me" | "my" | "is" | "are" | "was" | "were" | "be"
            | "been" | "being" | "has" | "have" | "had" | "do" | "does" | "did" | "will" | "would" | "shall"
            | "should" | "can" | "could" | "may" | "might" | "must" | "not" | "no" | "each" | "every" | "all"
            | "both" | "some" | "any" | "more" | "most" | "less" | "fewer" | "so" | "too" | "very" | "also"
            | "said" | "says" | "say" | "according" | "while" | "when" | "where" | "if" | "because" | "about"
            | "around" | "across" | "against" | "between" | "among" | "per" | "via" | "ago" | "later" | "earlier"
            | "there" | "here" | "then" | "now" | "again" | "only" | "just" | "still" | "yet" | "ever" | "never"
            | "apiece" | "respectively" | "away" | "long" | "old" | "including" | "who's" | "what" | "whether"
            | "out" | "up" | "down" | "off" | "through" | "toward" | "towards" | "within" | "near" | "behind"
            | "died" | "fled" | "remain" | "remained" | "remains" | "went" | "came" | "got" | "left" | "took"
    ) || is_common_verb(w)
}

/// "-ly" adverbs end a noun phrase ("$1bn level initially").
fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "ally" | "supply" | "assembly" | "rally" | "monopoly" | "anomaly" | "italy" | "july"
                | "reply" | "bully" | "butterfly" | "belly" | "jelly" | "lily" | "holy" | "ugly" | "early" | "daily"
                | "weekly" | "monthly" | "yearly" | "elderly" | "friendly" | "only"
        )
}

/// Frequent verbs that are not caught by the "-ed" rule: they end a noun phrase
/// ("30-day truce began", "residents lost power").
fn is_common_verb(w: &str) -> bool {
    matches!(
        w,
        "began" | "begin" | "begins" | "fell" | "fall" | "falls" | "lost" | "lose" | "loses" | "rose" | "rise"
            | "rises" | "told" | "tell" | "tells" | "met" | "meet" | "meets" | "go" | "goes" | "come" | "comes"
            | "take" | "takes" | "ran" | "run" | "runs" | "stay" | "stays" | "face" | "faces" | "need" | "needs"
            | "want" | "wants" | "get" | "gets" | "make" | "makes" | "made" | "gave" | "give" | "gives" | "saw"
            | "see" | "sees" | "held" | "hold" | "holds" | "kept" | "keep" | "keeps" | "stood" | "stand"
            | "stands" | "sent" | "send" | "sends" | "brought" | "bring" | "brings" | "found" | "find" | "finds"
            | "spent" | "spend" | "cost" | "costs" | "paid" | "pay" | "pays" | "won" | "win" | "wins" | "fought"
            | "struck" | "seek" | "seeks" | "sought" | "became" | "become" | "becomes" | "followed" | "ended"
            | "end" | "ends" | "start" | "starts" | "started" | "expired" | "expire" | "expires" | "broke"
            | "break" | "breaks" | "hit" | "hits" | "let" | "put" | "puts" | "set" | "sets" | "sat" | "sit"
            | "flee" | "flees" | "die" | "dies" | "live" | "lived" | "work" | "worked" | "works" | "arrive"
            | "arrived" | "arrives" | "wait" | "waited" | "waits" | "joined" | "join" | "joins" | "returned"
            | "return" | "returns" | "gathered" | "gather" | "gathers" | "searched" | "search" | "inspected"
            | "inspect" | "guarded" | "guard" | "agreed" | "agree" | "agrees" | "helped" | "help" | "helps"
            | "lasted" | "last" | "lasts" | "says" | "was" | "were" | "total" | "all" | "cash"
    )
}

/// Participles that say what happened to the counted things.
fn predicate_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "dead" | "died" | "slain" => "killed",
        "injured" | "wounded" | "hurt" => "injured",
        "missing" => "missing",
        "arrested" | "detained" => "detained",
        "displaced" => "displaced",
        "evacuated" => "evacuated",
        "released" | "freed" => "released",
        "exchanged" | "swapped" => "exchanged",
        "captured" => "captured",
        "rescued" => "rescued",
        "hospitalized" | "hospitalised" => "hospitalized",
        "infected" => "infected",
        "sentenced" => "sentenced",
        _ => return None,
    })
}

fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "man" | "woman" | "boy" | "girl" | "child" | "baby" | "son" | "daughter" | "mother" | "father" | "people"
            | "teenager" | "teen" | "youth" | "victim" | "suspect" | "resident" | "soldier" | "student" | "pupil"
            | "husband" | "wife" | "brother" | "sister" | "grandmother" | "grandfather" | "patient" | "pensioner"
            | "infant" | "toddler" | "girlfriend" | "boyfriend" | "civilian" | "citizen" | "national" | "male"
            | "female" | "adult" | "kid" | "mayor" | "official" | "candidate"
    ) || ["er", "ist", "ian", "or", "man", "woman", "person"].iter().any(|e| w.ends_with(e))
}

/// Verbs before a figure that say what happened to it: "killed 14 people".
fn predicate_verb(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "killing" | "kills" | "kill" => "killed",
        "injured" | "injuring" | "injures" | "wounded" | "wounding" | "wounds" | "hurt" | "hurting" => "injured",
        "arrested" | "arresting" | "detained" | "detaining" => "detained",
        "displaced" | "displacing" => "displaced",
        "evacuated" | "evacuating" | "evacuates" => "evacuated",
        "released" | "releasing" | "releases" | "freed" | "freeing" | "frees" => "released",
        "exchanged" | "exchanging" | "swapped" | "swapping" => "exchanged",
        "captured" | "capturing" => "captured",
        "rescued" | "rescuing" | "rescues" => "rescued",
        _ => return None,
    })
}

/// Adjectives in "a 1,000-strong force": the counted thing is the noun after.
fn is_compound_adjective(w: &str) -> bool {
    matches!(w, "strong" | "odd" | "plus" | "long" | "wide" | "high" | "deep" | "tall" | "large" | "big")
}

// ---------------------------------------------------------------------------
// Numbers

/// Parses a digit token: "1,000", "2.5", "1.000.000". `None` when it is not a
/// plain quantity (leading zeros, version numbers, long digit runs).
fn parse_digits(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && bytes[1] != b'.' {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let clean: String = if commas > 0 && dots == 0 {
        if !groups_of_three(',') {
            return None;
        }
        s.replace(',', "")
    } else if commas > 0 && dots == 1 {
        let (int, _) = s.split_once('.')?;
        let mut parts = int.split(',');
        let first = parts.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || !parts.all(|p| p.len() == 3) {
            return None;
        }
        s.replace(',', "")
    } else if commas == 0 && dots > 1 {
        // European thousands: "1.000.000".
        if !groups_of_three('.') {
            return None;
        }
        s.replace('.', "")
    } else if commas == 0 {
        let int_len = s.split('.').next().unwrap_or("").len();
        if int_len > 8 {
            return None; // phone numbers, ids
        }
        s.to_string()
    } else {
        return None;
    };
    let v: f64 = clean.parse().ok()?;
    v.is_finite().then_some(v)
}

struct Num {
    value: f64,
    /// Token index after the number.
    end: usize,
    vague: bool,
    /// Set by "a dozen" (About) or "dozens".
    hedge: Option<Hedge>,
    fraction: bool,
    /// A scale word was part of it ("2.5 million").
    scaled: bool,
    digits: bool,
}

/// A number written in words starting at `i`: "twenty-one", "a hundred",
/// "two thousand five hundred", "a dozen".
fn parse_number_words(toks: &[Tok], i: usize) -> Option<Num> {
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut hedge = None;
    let mut scaled = false;
    if matches!(lw(toks, j), "a" | "an" | "one") {
        let next = lw(toks, j + 1);
        if next == "hundred" || big_scale(next).is_some() {
            current = 1.0;
            j += 1;
        } else if next == "dozen" {
            return Some(Num {
                value: 12.0,
                end: j + 2,
                vague: false,
                hedge: Some(Hedge::About),
                fraction: false,
                scaled: false,
                digits: false,
            });
        } else if lw(toks, j) != "one" {
            return None;
        }
    }
    loop {
        let w = lw(toks, j);
        // Bounded, so that a run of number words costs linear time overall.
        if j >= i + 12 || toks.get(j).is_none_or(|t| t.kind != TokKind::Word) {
            break;
        }
        if let Some(n) = small_number(w) {
            if any && current % 100.0 != 0.0 {
                break; // "two three"
            }
            current += n;
            any = true;
            j += 1;
        } else if let Some(n) = tens_number(w) {
            if any && current % 100.0 != 0.0 {
                break;
            }
            current += n;
            any = true;
            j += 1;
            // "twenty-one"
            if toks.get(j).is_some_and(|t| is_hyphen(t) && !t.gap)
                && toks.get(j + 1).is_some_and(|t| !t.gap)
            {
                if let Some(u) = small_number(lw(toks, j + 1)).filter(|u| *u >= 1.0 && *u <= 9.0) {
                    current += u;
                    j += 2;
                }
            }
        } else if w == "hundred" && (any || current > 0.0) {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
            any = true;
            j += 1;
            if lw(toks, j) == "and"
                && (small_number(lw(toks, j + 1)).is_some() || tens_number(lw(toks, j + 1)).is_some())
            {
                j += 1;
            }
        } else if let Some(s) = big_scale(w).filter(|_| any || current > 0.0) {
            total += (if current == 0.0 { 1.0 } else { current }) * s;
            current = 0.0;
            any = true;
            scaled = true;
            j += 1;
            if lw(toks, j) == "and"
                && (small_number(lw(toks, j + 1)).is_some() || tens_number(lw(toks, j + 1)).is_some())
            {
                j += 1;
            }
        } else if w == "dozen" && any {
            current *= 12.0;
            hedge = Some(Hedge::About);
            j += 1;
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    // "and" swallowed without a number after it cannot happen (checked above).
    Some(Num { value: total + current, end: j, vague: false, hedge, fraction: false, scaled, digits: false })
}

/// A fraction at `i`: "half of", "a fifth of", "two-thirds", "one third of".
fn parse_fraction(toks: &[Tok], i: usize) -> Option<Num> {
    let w0 = lw(toks, i);
    if w0 == "half" {
        if lw(toks, i + 1) == "of" {
            return Some(frac(0.5, i + 1));
        }
        return None;
    }
    let numerator = match w0 {
        "a" | "an" | "one" => 1.0,
        _ => small_number(w0).filter(|n| *n >= 2.0)?,
    };
    let (mut j, hyph) = if toks.get(i + 1).is_some_and(|t| is_hyphen(t) && !t.gap) { (i + 2, true) } else { (i + 1, false) };
    if hyph && toks.get(j).is_some_and(|t| t.gap) {
        return None;
    }
    let w = lw(toks, j);
    let d = denominator(w)?;
    let plural = w.ends_with('s');
    if numerator >= 2.0 && !plural || numerator == 1.0 && plural {
        return None;
    }
    j += 1;
    // "a third" / "one third" needs "of" (else "a third attempt"); "two-thirds" stands alone.
    if numerator == 1.0 && lw(toks, j) != "of" {
        return None;
    }
    if d == 2.0 && numerator == 1.0 && w0 != "one" && w != "half" {
        return None;
    }
    Some(frac(numerator / d, j))
}

fn frac(value: f64, end: usize) -> Num {
    Num { value, end, vague: false, hedge: None, fraction: true, scaled: false, digits: false }
}

/// Any number at `i`.
fn parse_number(text: &str, toks: &[Tok], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => {
            let s = &text[t.start..t.end];
            let mut value = parse_digits(s)?;
            let mut j = i + 1;
            let mut scaled = false;
            if let Some(n) = toks.get(j) {
                if n.kind == TokKind::Word {
                    if let Some(sc) = digit_scale(&n.lower, !n.gap) {
                        value *= sc;
                        scaled = true;
                        j += 1;
                    }
                }
            }
            Some(Num { value, end: j, vague: false, hedge: None, fraction: false, scaled, digits: true })
        }
        TokKind::Word => {
            let w = t.lower.as_ref();
            if let Some(v) = vague_number(w) {
                // "tens of thousands", "hundreds of thousands"
                let mut value = v;
                let mut j = i + 1;
                if lw(toks, j) == "of" {
                    if let Some(v2) = vague_number(lw(toks, j + 1)).filter(|_| v < 1000.0 && w != "dozens") {
                        value = v * v2 / 2.0;
                        j += 2;
                    }
                }
                return Some(Num { value, end: j, vague: true, hedge: Some(Hedge::About), fraction: false, scaled: false, digits: false });
            }
            if w == "tens" && lw(toks, i + 1) == "of" {
                if let Some(v2) = vague_number(lw(toks, i + 2)).filter(|v| *v >= 1000.0) {
                    return Some(Num { value: 10.0 * v2, end: i + 3, vague: true, hedge: Some(Hedge::About), fraction: false, scaled: false, digits: false });
                }
            }
            if let Some(f) = parse_fraction(toks, i) {
                return Some(f);
            }
            parse_number_words(toks, i)
        }
        TokKind::Sym => None,
    }
}

// ---------------------------------------------------------------------------
// Figures

fn is_year_like(text: &str, t: &Tok) -> bool {
    let s = &text[t.start..t.end];
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1500..=2199).contains(&s.parse::<u32>().unwrap_or(0))
}

/// Whether the digit token at `i` is part of something that is not a quantity:
/// a clock time, a date, a model name, an ordinal, a phone number, a label.
fn digits_excluded(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 1);
    // Digit groups side by side: "+44 20 7946 0958".
    if prev.is_some_and(|p| p.kind == TokKind::Num) || next.is_some_and(|n| n.kind == TokKind::Num) {
        return true;
    }
    // Glued to a letter or symbol before: "G7", "Covid-19", "F-16", "+380", "/12".
    if let Some(p) = prev {
        if !t.gap {
            if p.kind == TokKind::Word || p.kind == TokKind::Num {
                return true;
            }
            if matches!(p.lower.as_ref(), "+" | "/" | ":" | "#" | "." | "№") {
                return true;
            }
            if is_hyphen(p) {
                let pp = i.checked_sub(2).and_then(|q| toks.get(q));
                if pp.is_some_and(|q| !p.gap && (q.kind == TokKind::Word || q.kind == TokKind::Num)) {
                    return true;
                }
            }
        }
        if is_label_word(&p.lower) {
            return true;
        }
        // "No. 5", "p. 12"
        if p.lower == "." && i >= 2 && matches!(toks[i - 2].lower.as_ref(), "no" | "nos" | "p" | "pp" | "vol" | "fig" | "art" | "sec") {
            return true;
        }
        // "Oct. 24"
        if p.lower == "." && i >= 2 && is_month(&toks[i - 2].lower) && toks[i - 2].cap {
            return true;
        }
        if is_month(&p.lower) && p.cap && parse_digits(&text[t.start..t.end]).is_some_and(|v| v <= 31.0) {
            return true;
        }
    }
    if let Some(n) = next {
        if !n.gap {
            match n.lower.as_ref() {
                ":" | "/" if toks.get(i + 2).is_some_and(|m| m.kind == TokKind::Num && !m.gap) => return true,
                "st" | "nd" | "rd" | "th" | "am" | "pm" | "h" | "hrs" | "gmt" | "utc" | "s" => return true,
                _ => {}
            }
            if n.kind == TokKind::Word
                && !matches!(n.lower.as_ref(), "pc" | "pct" | "percent")
                && digit_scale(&n.lower, true).is_none()
                && measure_unit(&n.lower).is_none()
                && currency_word(&n.lower).is_none()
            {
                return true; // "5G", "3D"
            }
            // Phone numbers and ids: three groups of digits joined by hyphens.
            if is_hyphen(n)
                && toks.get(i + 2).is_some_and(|m| m.kind == TokKind::Num && !m.gap)
                && toks.get(i + 3).is_some_and(|h| is_hyphen(h) && !h.gap)
                && toks.get(i + 4).is_some_and(|m| m.kind == TokKind::Num && !m.gap)
            {
                return true;
            }
        }
        match n.lower.as_ref() {
            "a" | "p" if toks.get(i + 2).is_some_and(|d| d.lower == "." && !d.gap)
                && toks.get(i + 3).is_some_and(|m| m.lower == "m" && !m.gap) => return true,
            "am" | "pm" | "gmt" | "utc" | "o'clock" | "o\u{2019}clock" | "bst" | "cet" | "est" | "edt" => return true,
            _ => {}
        }
        if is_month(&n.lower) && n.cap && parse_digits(&text[t.start..t.end]).is_some_and(|v| v <= 31.0) {
            return true;
        }
    }
    false
}

fn year_context(toks: &[Tok], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| lw(toks, p)).unwrap_or("");
    matches!(
        prev,
        "in" | "since" | "by" | "until" | "till" | "from" | "of" | "before" | "after" | "during" | "early"
            | "late" | "mid" | "summer" | "winter" | "spring" | "autumn" | "fall" | "year" | "the" | "between"
            | "and" | "to" | "through" | "circa" | "c" | "-" | "\u{2013}" | "'" | "’" | ","
    ) || is_month(prev)
}

/// Words a counted noun phrase may hold: words that are not function words.
fn np_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.lower.chars().nth(1).is_some()
        && !t.lower.ends_with("'s")
        && !t.lower.ends_with("\u{2019}s")
        && !is_stop_word(&t.lower)
        && predicate_word(&t.lower).is_none()
        && duration_unit(&t.lower).is_none()
        && small_number(&t.lower).is_none()
        && tens_number(&t.lower).is_none()
}

/// A counted noun phrase starting at `j`: up to three content words, then an
/// optional "of X" complement ("prisoners of war"). Returns (counted, span, end).
fn parse_np(toks: &[Tok], j: usize, allow_proper: bool) -> Option<(String, Span, usize)> {
    // "a fifth of Ukraine's territory": the possessor is what is divided when
    // the noun after it is a generic whole (territory, land, population).
    if allow_proper {
        if let Some(t) = toks.get(j) {
            let possessor = t.lower.strip_suffix("'s").or_else(|| t.lower.strip_suffix("\u{2019}s"));
            if let Some(owner) = possessor.filter(|o| t.kind == TokKind::Word && !o.is_empty()) {
                let rest = parse_np_plain(toks, j + 1, false);
                let whole = |c: &str| {
                    matches!(head(c), "territory" | "land" | "area" | "soil" | "landmass" | "population" | "surface")
                };
                return Some(match rest {
                    Some((c, s, e)) if !whole(&c) => (c, Span::new(t.start, s.end as usize), e),
                    Some((_, s, e)) => (owner.to_string(), Span::new(t.start, s.end as usize), e),
                    None => return None,
                });
            }
        }
    }
    parse_np_plain(toks, j, allow_proper)
}

fn parse_np_plain(toks: &[Tok], mut j: usize, allow_proper: bool) -> Option<(String, Span, usize)> {
    let start = j;
    let mut words: Vec<String> = Vec::new();
    let mut glue = false;
    while words.len() < 3 {
        let Some(t) = toks.get(j) else { break };
        if !np_word(t) {
            break;
        }
        // Proper nouns only as nationalities ("14 Palestinians", "3 Ukrainian soldiers")
        // or after "of" ("a fifth of Brezhovo"); else "$2.5bn Ruiz said" would count Ruiz.
        // A lower-case noun follows: the word is a modifier ("undocumented
        // migrants", "US agencies"), not a verb or a name.
        let modifier = toks.get(j + 1).is_some_and(|n| {
            n.gap && np_word(n) && !n.cap && !is_adverb(&n.lower) && (singular(&n.lower) != n.lower || n.lower == "people")
        });
        if t.cap && !allow_proper {
            let demonym = ["ans", "ian", "ese", "is", "ish", "an"].iter().any(|e| t.lower.ends_with(e));
            if !demonym && !modifier {
                break;
            }
        }
        // Verb-looking words end the phrase: "17 killed", "30 fled".
        if t.lower.len() > 4 && t.lower.ends_with("ed") && !t.cap && !modifier {
            break;
        }
        if is_adverb(&t.lower) {
            break;
        }
        // "$8 million attacking Ruiz"
        if words.is_empty() && t.lower.ends_with("ing") && !modifier {
            break;
        }
        if !words.is_empty() && t.lower.ends_with("ing") && t.lower.len() > 5 {
            break;
        }
        match words.last_mut() {
            // "cease-fire" -> "ceasefire"
            Some(last) if glue => last.push_str(&t.lower),
            _ => words.push(t.lower.to_string()),
        }
        glue = false;
        j += 1;
        let plural = t.lower.len() > 3
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && !t.lower.ends_with("us")
            && !t.lower.ends_with("is");
        if plural || matches!(t.lower.as_ref(), "people" | "children" | "men" | "women" | "police") {
            break; // a plural is the head: "3 bridges fell", "residents lost power"
        }
        // "phone-call": glue hyphenated compounds.
        if toks.get(j).is_some_and(|h| is_hyphen(h) && !h.gap) && toks.get(j + 1).is_some_and(|n| !n.gap && np_word(n)) {
            j += 1;
            glue = true;
        }
    }
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    words[last] = singular(&words[last]);
    let mut counted = words.join(" ");
    let mut end = toks[j - 1].end;
    // "of war", "of state": a bare lower-case noun after "of".
    if lw(toks, j) == "of" {
        if let Some(t) = toks.get(j + 1) {
            if np_word(t) && !t.cap && toks.get(j + 2).is_none_or(|n| !np_word(n)) && !t.lower.ends_with("ing") {
                counted.push_str(" of ");
                counted.push_str(&t.lower);
                end = t.end;
                j += 2;
            }
        }
    }
    Some((counted, Span::new(toks[start].start, end), j))
}

/// Singular of a lower-case English noun, good enough for comparing heads.
pub fn singular(w: &str) -> String {
    let irregular = [
        ("people", "people"), ("persons", "people"), ("person", "people"), ("children", "child"), ("men", "man"),
        ("women", "woman"), ("police", "police"), ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"),
        ("lives", "life"), ("wives", "wife"), ("knives", "knife"), ("halves", "half"), ("news", "news"),
        ("series", "series"), ("species", "species"), ("staff", "staff"), ("troops", "troop"),
        ("civilians", "civilian"), ("crises", "crisis"), ("analyses", "analysis"), ("thieves", "thief"),
    ];
    for (p, s) in irregular {
        if w == p {
            return s.to_string();
        }
    }
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes") || w.ends_with("zes")) {
        return w[..n - 2].to_string();
    }
    if n >= 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !matches!(w, "gas" | "yes" | "has" | "was" | "its" | "bus") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// Tries a figure starting at token `i`. Returns it and the token index after it.
fn parse_figure(text: &str, toks: &[Tok], i: usize) -> Option<(Figure, usize)> {
    let start_tok = i;
    let mut j = i;
    let mut hedge = Hedge::Exact;
    let mut between = false;
    if let Some((h, n)) = hedge_at(toks, j) {
        hedge = h;
        j += n;
    } else if lw(toks, j) == "between" {
        between = true;
        j += 1;
    }
    // Currency before the number: "$2.5bn", "US$40", "€300".
    let mut unit = String::new();
    if lw(toks, j) == "us" && toks.get(j + 1).is_some_and(|t| t.lower == "$" && !t.gap) {
        j += 1;
    }
    if let Some(c) = toks.get(j).and_then(currency_prefix) {
        let nt = toks.get(j + 1)?;
        if nt.kind == TokKind::Num {
            unit = c.to_string();
            j += 1;
        }
    }
    let num_tok = j;
    let nt = toks.get(num_tok)?;
    // Don't start on a word preceded by a hedge-less "the one" etc.
    let mut num = parse_number(text, toks, num_tok)?;
    if num.digits && digits_excluded(text, toks, num_tok) {
        return None;
    }
    if num.digits && unit.is_empty() && i == num_tok && toks.get(num_tok.wrapping_sub(1)).is_some_and(|p| !nt.gap && p.kind == TokKind::Sym && !is_hyphen(p) && !matches!(p.lower.as_ref(), "(" | "[" | "\"" | "“" | "'" | "‘" | "~")) {
        return None;
    }
    let prev_word = num_tok.checked_sub(1).map(|p| lw(toks, p)).unwrap_or("");
    // "one" as a pronoun: "the one who", "one of the", "no one".
    if !num.digits
        && nt.lower == "one"
        && num.end == num_tok + 1
        && (matches!(prev_word, "the" | "this" | "that" | "no" | "any" | "every" | "each" | "which" | "some" | "such" | "another")
            || matches!(lw(toks, num.end), "of" | "another" | "who" | "that" | "which" | "thing" | "day" | "time" | "way")
            || toks.get(num.end).is_none_or(|t| t.kind != TokKind::Word && (!is_hyphen(t) || t.gap)))
    {
        return None;
    }
    let mut upper: Option<f64> = None;
    let mut kind;
    if let Some(h) = num.hedge {
        if hedge == Hedge::Exact {
            hedge = h;
        }
    }
    // Ratios: "7 in 10 residents", "one in five", "3 out of 5".
    if !num.fraction && !num.vague && !between && num.value >= 1.0 && num.value.fract() == 0.0 {
        let k = match (lw(toks, num.end), lw(toks, num.end + 1)) {
            ("in" | "of", _) => Some(num.end + 1),
            ("out", "of") => Some(num.end + 2),
            _ => None,
        };
        if let Some(k) = k {
            if let Some(d) = parse_number(text, toks, k).filter(|d| !d.vague && !d.fraction && !d.scaled) {
                // "two in 10 days" is not a ratio; nor is "3 in 2022".
                let year = toks.get(k).is_some_and(|t| is_year_like(text, t))
                    || duration_unit(lw(toks, d.end)).is_some()
                    || measure_unit(lw(toks, d.end)).is_some()
                    || toks.get(k).is_some_and(|t| t.kind == TokKind::Num && digits_excluded(text, toks, k));
                if !year && d.value > num.value && d.value <= 1000.0 && d.value.fract() == 0.0 {
                    num = frac(num.value / d.value, d.end);
                }
            }
        }
    }
    j = num.end;
    kind = if num.fraction { FigureKind::Fraction } else { FigureKind::Count };
    // Ranges: "between 10 and 12", "10-12", "10 to 12".
    let range_sep = toks.get(j).map(|t| {
        (between && t.lower == "and")
            || (!between && (is_range_dash(t) || t.lower == "to" || t.lower == "or") && !num.vague && !num.fraction)
    });
    if range_sep == Some(true) {
        let sep = &toks[j];
        let from_before = prev_word == "from";
        // "$200 million and $300 million", "$1.5-$2bn": the currency again.
        let mut sep_end = j + 1;
        if !unit.is_empty() && toks.get(j + 1).and_then(currency_prefix) == Some(unit.as_str()) {
            sep_end += 1;
        }
        let k = sep_end - 1;
        if let Some(t2) = toks.get(k + 1) {
            let same_form = (t2.kind == TokKind::Num) == num.digits;
            if same_form && !from_before && (!matches!(sep.lower.as_ref(), "to" | "or") || t2.kind == TokKind::Num || small_number(&t2.lower).is_some() || tens_number(&t2.lower).is_some()) {
                if let Some(n2) = parse_number(text, toks, k + 1).filter(|n| !n.vague && !n.fraction) {
                    let glued_ok = !(n2.digits && digits_excluded(text, toks, k + 1)) || is_range_dash(sep);
                    let text2 = &text[t2.start..t2.end];
                    let leading_zero = text2.len() > 1 && text2.starts_with('0');
                    let v2 = n2.value;
                    let mut first = num.value;
                    if n2.scaled && !num.scaled && n2.digits && num.digits {
                        let sc = toks.get(n2.end - 1).and_then(|s| digit_scale(&s.lower, !s.gap)).unwrap_or(1.0);
                        first *= sc;
                    }
                    if leading_zero && is_range_dash(sep) {
                        return None; // "555-0123"
                    }
                    if is_year_like(text, nt) && t2.kind == TokKind::Num && (is_year_like(text, t2) || text2.len() == 2) {
                        return None; // "2022-23", "1990-2000"
                    }
                    if glued_ok && v2 > first {
                        num.value = first;
                        upper = Some(v2);
                        num.scaled |= n2.scaled;
                        j = n2.end;
                    } else if is_range_dash(sep) && n2.digits && !sep.gap && !t2.gap {
                        return None; // scores "3-1", "2-0"
                    }
                }
            }
        }
    }
    if between && upper.is_none() {
        return None;
    }
    // Years: "in 2022", "2022 elections" (a bare year-like number, no unit or hedge).
    if num.digits && is_year_like(text, nt) && unit.is_empty() && hedge == Hedge::Exact && upper.is_none() {
        let next = toks.get(j);
        let plural_noun = next.is_some_and(|t| np_word(t) && !t.cap && t.lower.ends_with('s') && t.lower.len() > 3);
        let unit_next = next.is_some_and(|t| measure_unit(&t.lower).is_some() || currency_word(&t.lower).is_some() || t.lower == "%" || t.lower == "per" || t.lower == "percent");
        if year_context(toks, num_tok) || !(plural_noun || unit_next) {
            return None;
        }
    }
    // "or more", "+", "plus", "or so"
    let after_hedge = |toks: &[Tok], j: &mut usize, hedge: &mut Hedge| {
        if toks.get(*j).is_some_and(|t| t.lower == "+" && !t.gap) {
            if *hedge == Hedge::Exact {
                *hedge = Hedge::AtLeast;
            }
            *j += 1;
        } else if lw(toks, *j) == "or" && lw(toks, *j + 1) == "more" {
            if *hedge == Hedge::Exact {
                *hedge = Hedge::AtLeast;
            }
            *j += 2;
        } else if lw(toks, *j) == "or" && lw(toks, *j + 1) == "so" {
            if *hedge == Hedge::Exact {
                *hedge = Hedge::About;
            }
            *j += 2;
        }
    };
    after_hedge(toks, &mut j, &mut hedge);
    let mut end_byte = toks[j - 1].end;
    let mut counted = String::new();
    let mut counted_span = None;
    // Units after the number.
    let next = toks.get(j);
    let next_lower = lw(toks, j);
    let mut compound = false;
    let glued_hyphen = next.is_some_and(|t| is_hyphen(t) && !t.gap) && toks.get(j + 1).is_some_and(|t| !t.gap && t.kind == TokKind::Word);
    if !num.fraction && (next_lower == "%" || next_lower == "percent" || next_lower == "pct" || next_lower == "pc" || (next_lower == "per" && lw(toks, j + 1) == "cent")) {
        kind = FigureKind::Percent;
        unit = "percent".into();
        j += if next_lower == "per" { 2 } else { 1 };
        if lw(toks, j) == "points" || (lw(toks, j) == "point") {
            unit = "percentage point".into();
            j += 1;
        } else if lw(toks, j) == "-" && lw(toks, j + 1) == "point" {
            unit = "percentage point".into();
            j += 2;
        }
        end_byte = toks[j - 1].end;
    } else if !num.fraction && next_lower == "percentage" && matches!(lw(toks, j + 1), "point" | "points") {
        kind = FigureKind::Percent;
        unit = "percentage point".into();
        j += 2;
        end_byte = toks[j - 1].end;
    } else if glued_hyphen && !num.vague && !num.fraction {
        compound = true;
        // Compound adjective: "30-day truce", "1,000-prisoner exchange", "40-year-old man".
        let w = lw(toks, j + 1).to_string();
        let mut k = j + 2;
        if let Some(u) = duration_unit(&w) {
            unit = u.to_string();
            kind = FigureKind::Duration;
            if toks.get(k).is_some_and(|t| is_hyphen(t) && !t.gap) && lw(toks, k + 1) == "old" {
                kind = FigureKind::Age;
                k += 2;
            }
        } else if let Some(u) = measure_unit(&w) {
            unit = u.to_string();
            kind = FigureKind::Measure;
        } else if let Some(c) = currency_word(&w) {
            unit = c.to_string();
            kind = FigureKind::Money;
        } else if w == "percent" {
            unit = "percent".into();
            kind = FigureKind::Percent;
        } else if is_compound_adjective(&w) {
        } else if np_word(&toks[j + 1]) {
            counted = singular(&w);
            counted_span = Some(Span::new(toks[j + 1].start, toks[j + 1].end));
        } else {
            return None;
        }
        // "40-month-long war", "2-km-wide zone"
        if kind != FigureKind::Age
            && counted.is_empty()
            && toks.get(k).is_some_and(|t| is_hyphen(t) && !t.gap)
            && toks.get(k + 1).is_some_and(|t| !t.gap && is_compound_adjective(&t.lower))
        {
            k += 2;
        }
        end_byte = toks[k - 1].end;
        j = k;
        if kind == FigureKind::Age || counted.is_empty() {
            if let Some((c, s, e)) = parse_np(toks, j, false) {
                counted = c;
                counted_span = Some(s);
                end_byte = s.end as usize;
                j = e;
            }
        } else if let Some((c, s, e)) = parse_np(toks, j, false) {
            // "1,000-prisoner exchange": the span takes the noun it modifies.
            let _ = c;
            end_byte = s.end as usize;
            j = e;
        }
    } else {
        let mut k = j;
        if let Some(u) = duration_unit(next_lower).filter(|_| !num.fraction && !num.vague) {
            unit = u.to_string();
            kind = FigureKind::Duration;
            k += 1;
        } else if let Some(u) = measure_unit(next_lower).filter(|_| !num.fraction && !num.vague) {
            unit = u.to_string();
            kind = FigureKind::Measure;
            k += 1;
            // "km/h"
            if u == "km" && lw(toks, k) == "/" && lw(toks, k + 1) == "h" {
                unit = "km/h".into();
                k += 2;
            }
        } else if next_lower == "°" && !num.fraction && !num.vague {
            kind = FigureKind::Measure;
            k += 1;
            unit = match lw(toks, k) {
                "c" | "f" => {
                    k += 1;
                    format!("°{}", lw(toks, k - 1).to_uppercase())
                }
                _ => "°".into(),
            };
        } else if next_lower == "square" && measure_unit(lw(toks, j + 1)).is_some() && !num.fraction {
            unit = format!("sq {}", measure_unit(lw(toks, j + 1)).unwrap_or(""));
            kind = FigureKind::Measure;
            k += 2;
        } else if let Some(c) = currency_word(next_lower).filter(|_| !num.fraction) {
            unit = c.to_string();
            k += 1;
        }
        if k > j {
            end_byte = toks[k - 1].end;
            j = k;
        }
        if !unit.is_empty() && matches!(unit.as_str(), "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "INR") {
            kind = FigureKind::Money;
        }
    }
    if !compound {
        // What it counts.
        let after_of = kind == FigureKind::Fraction || kind == FigureKind::Percent || num.vague;
        let mut np_start = j;
        if lw(toks, j) == "of" && (after_of || kind == FigureKind::Count || kind == FigureKind::Money)
            || lw(toks, j) == "in" && kind == FigureKind::Money
        {
            np_start = j + 1;
            if matches!(lw(toks, np_start), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "those" | "these" | "all") {
                np_start += 1;
            }
        }
        let take_np = match kind {
            FigureKind::Count | FigureKind::Fraction | FigureKind::Percent => true,
            FigureKind::Money => true,
            _ => np_start > j,
        };
        if take_np {
            let proper = np_start > j;
            if let Some((c, s, e)) = parse_np(toks, np_start, proper) {
                counted = c;
                counted_span = Some(s);
                end_byte = s.end as usize;
                j = e;
            }
        }
    }
    after_hedge(toks, &mut j, &mut hedge);
    // "each", "apiece" belong to the figure phrase but not to what it counts.
    let mut pj = j;
    if matches!(lw(toks, pj), "each" | "apiece") {
        pj += 1;
    }
    // What happened to them: "14 civilians killed", "17 were killed".
    let mut predicate = String::new();
    let mut q = pj;
    if matches!(lw(toks, q), "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "being" | "reportedly") {
        q += 1;
        if matches!(lw(toks, q), "been" | "reportedly") {
            q += 1;
        }
    }
    if kind != FigureKind::Count {
        // "the 40-month war displaced ...": the war is not what was displaced.
    } else if let Some(p) = predicate_word(lw(toks, q)) {
        predicate = p.to_string();
    } else if let Some(p) = start_tok.checked_sub(1).and_then(|b| predicate_verb(lw(toks, b))) {
        // "the flood killed 14 people", "killing at least 17"
        predicate = p.to_string();
    }
    // A bare number word with nothing around it is not worth reporting.
    if !num.digits && !num.fraction && !num.vague && counted.is_empty() && predicate.is_empty() && unit.is_empty() {
        return None;
    }
    if num.fraction && counted.is_empty() && !num.vague {
        // "two-thirds" alone is fine, "half of" alone is not.
        if lw(toks, num.end - 1) == "of" {
            return None;
        }
    }
    // "a three-year-old conflict" is a duration; ages are of people.
    if kind == FigureKind::Age && !counted.is_empty() && !is_person_noun(head(&counted)) {
        kind = FigureKind::Duration;
    }
    // "Ruiz, 54, said": an age in apposition to a name.
    if num.digits
        && kind == FigureKind::Count
        && hedge == Hedge::Exact
        && upper.is_none()
        && counted.is_empty()
        && (1.0..=120.0).contains(&num.value)
        && num.value.fract() == 0.0
        && start_tok >= 2
        && toks[start_tok - 1].lower == ","
        && toks[start_tok - 2].kind == TokKind::Word
        && toks[start_tok - 2].cap
        && matches!(lw(toks, num.end), "," | ")" | "." | ";")
    {
        kind = FigureKind::Age;
        unit = "year".into();
    }
    // "Glock 19", "Apollo 11 mission": a number after a name, counting
    // nothing or one thing, is a label.
    let singular_head = counted_span.and_then(|s| s.slice(text)).is_some_and(|w| {
        let w = w.split(" of ").next().unwrap_or(w);
        let last = w.rsplit(' ').next().unwrap_or(w).to_lowercase();
        singular(&last) == last && !matches!(last.as_str(), "people" | "police" | "staff")
    });
    if num.digits
        && kind == FigureKind::Count
        && (counted.is_empty() || singular_head && num.value > 1.0)
        && predicate.is_empty()
        && unit.is_empty()
        && hedge == Hedge::Exact
        && upper.is_none()
        && num_tok >= 1
        && toks[num_tok - 1].kind == TokKind::Word
        && toks[num_tok - 1].cap
        && num_tok >= 2
        && !matches!(toks[num_tok - 2].lower.as_ref(), "." | "!" | "?" | "\"" | "“" | ":")
    {
        return None;
    }
    // Sanity: the number itself.
    if !num.value.is_finite() || upper.is_some_and(|u| !u.is_finite()) {
        return None;
    }
    let start_byte = toks[start_tok].start;
    if end_byte < start_byte {
        return None;
    }
    let fig = Figure {
        span: Span::new(start_byte, end_byte),
        value: num.value,
        upper,
        hedge,
        unit,
        counted,
        counted_span,
        kind,
        vague: num.vague,
        predicate,
    };
    Some((fig, j.max(num.end)))
}

// ---------------------------------------------------------------------------
// Comparison

/// The head noun of a counted phrase: "prisoner" for "prisoner of war",
/// "call" for "phone call".
fn head(counted: &str) -> &str {
    let before_of = counted.split(" of ").next().unwrap_or(counted);
    canon(before_of.rsplit(' ').next().unwrap_or(before_of))
}

/// One name for nouns news uses interchangeably.
fn canon(w: &str) -> &str {
    match w {
        "truce" | "ceasefire" | "armistice" => "ceasefire",
        "person" | "people" | "individual" => "people",
        "pow" => "prisoner",
        "fatality" | "death" => "dead",
        "talk" | "negotiation" => "talk",
        "kid" => "child",
        _ => w,
    }
}

/// The words of a counted phrase before any "of" complement, canonical.
/// Keys two figures must share one of to be [`same_quantity`]: the counted
/// head noun and the nouns modifying it, and (when it says) what happened to
/// them. Lets callers compare a figure only with the few that could match.
pub fn quantity_keys(f: &Figure) -> Vec<String> {
    let mut keys: Vec<String> = modifiers(&f.counted).filter(|w| !w.is_empty()).map(|w| format!("n:{w}")).collect();
    let h = head(&f.counted);
    if !h.is_empty() {
        keys.push(format!("n:{h}"));
    }
    if !f.predicate.is_empty() {
        keys.push(format!("p:{}", f.predicate));
    }
    keys.sort();
    keys.dedup();
    keys
}

fn modifiers(counted: &str) -> impl Iterator<Item = &str> {
    counted.split(" of ").next().unwrap_or(counted).split(' ').map(canon)
}

fn generic(counted: &str) -> bool {
    matches!(head(counted), "people" | "person" | "")
}

fn is_money_unit(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether two figures measure the same thing: the same kind (a percentage
/// and a fraction compare), a compatible unit, and the same counted head noun
/// (singular, lower-case). "People" matches any head when both say what
/// happened ("14 civilians killed", "17 people were killed"); a figure that
/// counts nothing matches only through the same predicate.
pub fn same_quantity(a: &Figure, b: &Figure) -> bool {
    use FigureKind::*;
    let kinds_ok = a.kind == b.kind || matches!((a.kind, b.kind), (Percent, Fraction) | (Fraction, Percent));
    if !kinds_ok {
        return false;
    }
    match a.kind {
        Duration => {}
        Percent | Fraction => {
            if a.kind == b.kind && a.unit != b.unit {
                return false;
            }
        }
        _ => {
            if a.unit != b.unit {
                return false;
            }
        }
    }
    let (ha, hb) = (head(&a.counted), head(&b.counted));
    if !a.predicate.is_empty() && !b.predicate.is_empty() && a.predicate != b.predicate {
        return false;
    }
    if !ha.is_empty() && ha == hb {
        return true;
    }
    // "a 30-day ceasefire proposal" and "a 30-day truce": the figure modifies
    // the first noun of a compound as often as its head.
    if !ha.is_empty() && !hb.is_empty() && !generic(&a.counted) && !generic(&b.counted)
        && (modifiers(&a.counted).any(|w| w == hb) || modifiers(&b.counted).any(|w| w == ha))
    {
        return true;
    }
    let both_pred = !a.predicate.is_empty() && a.predicate == b.predicate;
    both_pred && (generic(&a.counted) || generic(&b.counted))
}

/// The comparable scale of a figure's value: durations in seconds,
/// percentages as fractions.
fn scaled(f: &Figure, v: f64) -> f64 {
    match f.kind {
        FigureKind::Duration => v * duration_seconds(&f.unit).unwrap_or(1.0),
        FigureKind::Percent if f.unit == "percent" => v / 100.0,
        _ => v,
    }
}

/// How much a reported exact number may have been rounded: 5% for round
/// numbers of 100 and more ("1,000", "$2.5bn"), nothing for small counts.
fn rounding(v: f64) -> f64 {
    let a = v.abs();
    if a >= 100.0 && a.fract() == 0.0 && a % 100.0 == 0.0 {
        0.05 * a
    } else {
        0.0
    }
}

#[derive(Debug, Clone, Copy)]
struct Interval {
    lo: f64,
    lo_open: bool,
    hi: f64,
    hi_open: bool,
}

fn interval(f: &Figure) -> Interval {
    let lo = f.value;
    let hi = f.upper.unwrap_or(f.value).max(lo);
    let tol_lo = rounding(lo);
    let tol_hi = rounding(hi);
    let about = |v: f64| (0.1 * v.abs()).max(rounding(v)).max(1.0_f64.min(v.abs()));
    let (l, lo_open, h, hi_open) = match f.hedge {
        Hedge::Exact => (lo - tol_lo, false, hi + tol_hi, false),
        Hedge::About => (lo - about(lo), false, hi + about(hi), false),
        Hedge::AtLeast => (lo - tol_lo, false, f64::INFINITY, false),
        Hedge::MoreThan => (lo - tol_lo, tol_lo == 0.0, f64::INFINITY, false),
        Hedge::AtMost => (f64::NEG_INFINITY, false, hi + tol_hi, false),
        Hedge::LessThan => (f64::NEG_INFINITY, false, hi + tol_hi, tol_hi == 0.0),
        Hedge::UpTo => (0.0_f64.min(lo), false, hi + tol_hi, false),
        Hedge::Nearly => (lo - (0.1 * lo.abs()).max(1.0).max(tol_lo), false, hi + tol_hi, false),
    };
    Interval { lo: scaled(f, l), lo_open, hi: scaled(f, h), hi_open }
}

fn overlap(a: Interval, b: Interval) -> bool {
    let below = |lo: f64, lo_open: bool, hi: f64, hi_open: bool| lo < hi || (lo == hi && !lo_open && !hi_open);
    below(a.lo, a.lo_open, b.hi, b.hi_open) && below(b.lo, b.lo_open, a.hi, a.hi_open)
}

/// Whether the values of two figures can both be true, given hedges, ranges
/// and rounding: "at least 17" and "20" are compatible, "14" and "17" are
/// not. Vague figures are compatible with anything, and so are figures whose
/// units cannot be compared (two currencies): this never claims a conflict it
/// cannot see. Meant for pairs that are [`same_quantity`].
pub fn compatible(a: &Figure, b: &Figure) -> bool {
    if a.vague || b.vague {
        return true;
    }
    if (is_money_unit(&a.unit) || is_money_unit(&b.unit)) && a.unit != b.unit {
        return true;
    }
    if a.kind == FigureKind::Duration && b.kind == FigureKind::Duration
        && (duration_seconds(&a.unit).is_none() || duration_seconds(&b.unit).is_none())
    {
        return true;
    }
    if a.kind == FigureKind::Measure && b.kind == FigureKind::Measure && a.unit != b.unit {
        return true;
    }
    overlap(interval(a), interval(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<Figure> {
        let doc = Document::new("t", Default::default(), text.to_string());
        figures(&doc)
    }

    /// The only figure of a text.
    fn one(text: &str) -> Figure {
        let f = figs(text);
        assert_eq!(f.len(), 1, "{text:?} -> {f:#?}");
        f.into_iter().next().unwrap()
    }

    fn phrase<'a>(text: &'a str, f: &Figure) -> &'a str {
        f.span.slice(text).unwrap()
    }

    #[test]
    fn plain_counts_with_separators() {
        let t = "The Brezhovo dam forced 1,250 residents from their homes.";
        let f = one(t);
        assert_eq!(f.value, 1250.0);
        assert_eq!(f.counted, "resident");
        assert_eq!(f.kind, FigureKind::Count);
        assert_eq!(f.hedge, Hedge::Exact);
        assert_eq!(phrase(t, &f), "1,250 residents");
        assert_eq!(f.counted_span.unwrap().slice(t), Some("residents"));
    }

    #[test]
    fn decimals_and_european_thousands() {
        assert_eq!(one("The reservoir holds 3.75 million cubic metres of water").value, 3.75e6);
        assert_eq!(one("Ruiz said 1.000.000 litres were lost.").value, 1e6);
    }

    #[test]
    fn number_words() {
        let t = "Mayor Ana Ruiz met three people at the Brezhovo dam.";
        let f = one(t);
        assert_eq!((f.value, f.counted.as_str()), (3.0, "people"));
        assert_eq!(one("twenty-one engineers inspected the spillway").value, 21.0);
        assert_eq!(one("It took two hundred and fifty volunteers.").value, 250.0);
        assert_eq!(one("a million sandbags were filled").value, 1e6);
        let dozen = one("a dozen boats searched the lake");
        assert_eq!((dozen.value, dozen.hedge), (12.0, Hedge::About));
    }

    #[test]
    fn vague_plurals() {
        let t = "Dozens of villagers gathered; hundreds of homes were flooded.";
        let f = figs(t);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.vague));
        assert_eq!(f[0].counted, "villager");
        assert_eq!(f[1].counted, "home");
        let tens = one("tens of thousands of residents lost power");
        assert!(tens.vague);
        assert_eq!(tens.counted, "resident");
    }

    #[test]
    fn scales_and_money() {
        let t = "The repairs will cost $2.5bn, Ruiz said.";
        let f = one(t);
        assert_eq!((f.value, f.unit.as_str(), f.kind), (2.5e9, "USD", FigureKind::Money));
        assert_eq!(phrase(t, &f), "$2.5bn");
        let g = one("The bank lent €300 million to the region.");
        assert_eq!((g.value, g.unit.as_str()), (3e8, "EUR"));
        let h = one("a loan of 2.5 billion dollars");
        assert_eq!((h.value, h.unit.as_str()), (2.5e9, "USD"));
        assert_eq!(one("An extra £40m was pledged.").value, 4e7);
    }

    #[test]
    fn percents() {
        for t in ["Turnout fell 20% in Brezhovo.", "Turnout fell 20 per cent in Brezhovo.", "Turnout fell 20 percent in Brezhovo."] {
            let f = one(t);
            assert_eq!((f.value, f.unit.as_str(), f.kind), (20.0, "percent", FigureKind::Percent), "{t}");
        }
        let f = one("Ruiz won 54pc of voters.");
        assert_eq!((f.value, f.unit.as_str(), f.counted.as_str()), (54.0, "percent", "voter"));
        let t = "Ruiz won 54 per cent of the vote.";
        let f = one(t);
        assert_eq!(f.counted, "vote");
        assert_eq!(phrase(t, &f), "54 per cent of the vote");
    }

    #[test]
    fn fractions() {
        let t = "The flood covered a fifth of Brezhovo.";
        let f = one(t);
        assert_eq!((f.value, f.kind, f.counted.as_str()), (0.2, FigureKind::Fraction, "brezhovo"));
        assert_eq!(phrase(t, &f), "a fifth of Brezhovo");
        assert_eq!(one("half of the farms were under water").value, 0.5);
        let t = "Floods covered a fifth of Brezhovo's territory.";
        let f = one(t);
        assert_eq!((f.value, f.counted.as_str()), (0.2, "brezhovo"));
        assert_eq!(phrase(t, &f), "a fifth of Brezhovo's territory");
        let two = one("a two-thirds majority of the council");
        assert!((two.value - 2.0 / 3.0).abs() < 1e-9);
        assert!(figs("It was the fifth time the dam failed.").is_empty());
        assert!(figs("A third attempt failed.").is_empty());
    }

    #[test]
    fn compound_adjectives() {
        let t = "Both sides agreed to a 30-day truce around the dam.";
        let f = one(t);
        assert_eq!((f.value, f.unit.as_str(), f.counted.as_str(), f.kind), (30.0, "day", "truce", FigureKind::Duration));
        assert_eq!(phrase(t, &f), "30-day truce");
        let t = "Ruiz held a two-hour phone call with the engineers.";
        let f = one(t);
        assert_eq!((f.value, f.unit.as_str(), f.counted.as_str()), (2.0, "hour", "phone call"));
        let t = "the end of a nearly 40-month war";
        let f = one(t);
        assert_eq!((f.value, f.hedge, f.unit.as_str(), f.counted.as_str()), (40.0, Hedge::Nearly, "month", "war"));
        assert_eq!(phrase(t, &f), "nearly 40-month war");
        let t = "the 1,000-prisoner exchange at the dam";
        let f = one(t);
        assert_eq!((f.value, f.counted.as_str(), f.kind), (1000.0, "prisoner", FigureKind::Count));
        assert_eq!(phrase(t, &f), "1,000-prisoner exchange");
        let t = "the 40-month-long siege displaced families";
        let f = one(t);
        assert_eq!((f.value, f.unit.as_str(), f.counted.as_str(), f.predicate.as_str()), (40.0, "month", "siege", ""));
        assert_eq!(phrase(t, &f), "40-month-long siege");
        let f = one("a 1,500-strong militia guarded the valley");
        assert_eq!(f.counted, "militia");
        let f = one("a 67-year-old fisherman was rescued");
        assert_eq!((f.kind, f.value, f.counted.as_str()), (FigureKind::Age, 67.0, "fisherman"));
        let f = one("the three-year-old dispute over the dam");
        assert_eq!((f.kind, f.value, f.unit.as_str()), (FigureKind::Duration, 3.0, "year"));
        assert_eq!(one("a 30-day cease-fire").counted, "ceasefire");
    }

    #[test]
    fn each_and_of_complements() {
        let t = "The sides will release as many as 1,000 prisoners of war each.";
        let f = one(t);
        assert_eq!((f.value, f.hedge, f.counted.as_str()), (1000.0, Hedge::UpTo, "prisoner of war"));
        assert_eq!(phrase(t, &f), "as many as 1,000 prisoners of war");
    }

    #[test]
    fn hedges() {
        let cases = [
            ("at least 17 civilians", Hedge::AtLeast),
            ("more than 40 houses", Hedge::MoreThan),
            ("over 40 houses", Hedge::MoreThan),
            ("nearly 40 houses", Hedge::Nearly),
            ("almost 40 houses", Hedge::Nearly),
            ("about 40 houses", Hedge::About),
            ("around 40 houses", Hedge::About),
            ("roughly 40 houses", Hedge::About),
            ("some 40 houses", Hedge::About),
            ("approximately 40 houses", Hedge::About),
            ("an estimated 40 houses", Hedge::About),
            ("as many as 40 houses", Hedge::UpTo),
            ("up to 40 houses", Hedge::UpTo),
            ("fewer than 40 houses", Hedge::LessThan),
            ("less than 40 houses", Hedge::LessThan),
            ("at most 40 houses", Hedge::AtMost),
            ("40 houses or more", Hedge::AtLeast),
            ("40 or so houses", Hedge::About),
        ];
        for (t, h) in cases {
            let text = format!("Ruiz said {t} were damaged.");
            let f = one(&text);
            assert_eq!(f.hedge, h, "{t}");
            assert_eq!(f.value, 40.0f64.min(if t.contains("17") { 17.0 } else { 40.0 }), "{t}");
        }
        let t = "at least 17 civilians died";
        assert_eq!(phrase(t, &one(t)), "at least 17 civilians");
    }

    #[test]
    fn ranges() {
        let f = one("between 10 and 12 pumps failed");
        assert_eq!((f.value, f.upper), (10.0, Some(12.0)));
        assert_eq!(f.counted, "pump");
        let f = one("10-12 pumps failed");
        assert_eq!((f.value, f.upper), (10.0, Some(12.0)));
        let f = one("10 to 12 pumps failed");
        assert_eq!((f.value, f.upper), (10.0, Some(12.0)));
        let f = one("two or three pumps failed");
        assert_eq!((f.value, f.upper), (2.0, Some(3.0)));
        let f = one("the dam needs $1.5-2 billion");
        assert_eq!((f.value, f.upper), (1.5e9, Some(2e9)));
        let t = "losses of between $200 million and $300 million";
        let f = one(t);
        assert_eq!((f.value, f.upper, f.unit.as_str()), (2e8, Some(3e8), "USD"));
        assert_eq!(phrase(t, &f), "between $200 million and $300 million");
        let f = one("a bill of $1.5-$2bn in all");
        assert_eq!((f.value, f.upper), (1.5e9, Some(2e9)));
        // A change is not a range.
        assert_eq!(figs("Water rose from 10 to 12 metres.").len(), 2);
    }

    #[test]
    fn predicates() {
        let f = one("14 civilians killed near the dam");
        assert_eq!((f.counted.as_str(), f.predicate.as_str()), ("civilian", "killed"));
        let t = "at least 17 killed, officials said";
        let f = one(t);
        assert_eq!((f.counted.as_str(), f.predicate.as_str()), ("", "killed"));
        assert_eq!(phrase(t, &f), "at least 17");
        let f = one("17 people were injured");
        assert_eq!((f.counted.as_str(), f.predicate.as_str()), ("people", "injured"));
        let f = one("The flood killed 14 villagers overnight.");
        assert_eq!((f.counted.as_str(), f.predicate.as_str()), ("villager", "killed"));
        let f = one("The wave hit the town, killing at least 17.");
        assert_eq!((f.value, f.hedge, f.predicate.as_str()), (17.0, Hedge::AtLeast, "killed"));
    }

    #[test]
    fn not_figures() {
        for t in [
            "The dam was finished in 2022.",
            "Ruiz spoke on May 5 at the dam.",
            "Ruiz spoke on 5 May at the dam.",
            "The vote is at 10:30 on Monday.",
            "The vote is at 3 p.m. on Monday.",
            "The vote is at 3pm on Monday.",
            "It was the first breach.",
            "See page 12 of the report.",
            "Call 555-0123-44 for help.",
            "Call +44 20 7946 0958 for help.",
            "She is one of the engineers.",
            "He is the one who warned them.",
            "A dam burst and an alarm rang.",
            "Covid-19 slowed the repairs.",
            "Pump No. 5 failed.",
            "Crews worked 24/7 at the dam.",
            "The dam was built in the 1970s.",
            "It opened in mid-2022.",
            "Between 2019 and 2022 the lake shrank.",
            "The dam opened on 12/05/2021.",
            "Ruiz spoke on Oct. 24 at the dam.",
            "He carried a Glock 19 pistol.",
            "A Mi-8 helicopter landed.",
            "The 21st century dam.",
            "The 5G mast fell.",
            "The home side won 3-1 on Sunday.",
            "It was a 2022-23 budget.",
            "one",
            "",
        ] {
            assert!(figs(t).is_empty(), "{t:?} -> {:#?}", figs(t));
        }
    }

    #[test]
    fn ratios() {
        let t = "7 in 10 residents back the repairs";
        let f = one(t);
        assert_eq!((f.kind, f.value, f.counted.as_str()), (FigureKind::Fraction, 0.7, "resident"));
        assert_eq!(phrase(t, &f), "7 in 10 residents");
        let f = one("one in five homes flooded");
        assert_eq!((f.value, f.counted.as_str()), (0.2, "home"));
        assert_eq!(one("3 out of 4 pumps").value, 0.75);
        assert_eq!(one("nine of 12 pumps").value, 0.75);
        assert!(figs("two in 10 days").iter().all(|f| f.kind != FigureKind::Fraction));
        let (a, b) = (one("one in five residents"), one("20 per cent of residents"));
        assert!(same_quantity(&a, &b) && compatible(&a, &b));
    }

    #[test]
    fn modifiers_before_the_head() {
        assert_eq!(one("some 4 million undocumented migrants").counted, "undocumented migrant");
        assert_eq!(one("56 percent lacked confidence").counted, "");
        assert_eq!(one("all 17 Brezhovo agencies").counted, "brezhovo agency");
        let t = "a $1bn budget initially";
        assert_eq!(phrase(t, &one(t)), "$1bn budget");
        let t = "spent $8 million attacking Ruiz";
        assert_eq!(phrase(t, &one(t)), "$8 million");
    }

    #[test]
    fn measures() {
        let f = one("The lake covers 42 square kilometres.");
        assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Measure, "sq km"));
        assert_eq!(one("water at 18 °C").unit, "°C");
        assert_eq!(one("winds of 90 km/h").unit, "km/h");
        let f = one("a 2-km exclusion zone");
        assert_eq!((f.unit.as_str(), f.counted.as_str()), ("km", "exclusion zone"));
    }

    #[test]
    fn appositive_age() {
        let f = one("Ana Ruiz, 54, visited the dam.");
        assert_eq!((f.kind, f.value, f.unit.as_str()), (FigureKind::Age, 54.0, "year"));
    }

    #[test]
    fn possessives_end_the_counted_phrase() {
        let f = figs("Some 60 per cent of the town's 8,000 inhabitants lack water.");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!((f[0].value, f[0].hedge, f[0].counted.as_str()), (60.0, Hedge::About, ""));
        assert_eq!(f[1].counted, "inhabitant");
    }

    #[test]
    fn year_like_counts_are_kept() {
        let f = one("Ruiz said 2000 soldiers were deployed.");
        assert_eq!((f.value, f.counted.as_str()), (2000.0, "soldier"));
    }

    #[test]
    fn time_stage_dates_are_excluded_but_durations_kept() {
        let text = "Three days ago a 30-day truce began.";
        let mut doc = Document::new("t", Default::default(), text.to_string());
        let te = |s: usize, e: usize, kind: TimeKind| TimeExpr {
            span: Span::new(s, e),
            kind,
            value: String::new(),
            modifier: None,
            range_end: None,
            anchor: newsfuse_doc::TimeAnchor::None,
        };
        doc.times = vec![te(0, 14, TimeKind::Date), te(17, 23, TimeKind::Duration)];
        let f = figures(&doc);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].counted, "truce");
    }

    #[test]
    fn sorted_and_several() {
        let t = "Ruiz said 14 civilians were killed and 3 bridges fell; a 30-day truce followed, costing $2.5bn.";
        let f = figs(t);
        let phrases: Vec<&str> = f.iter().map(|x| phrase(t, x)).collect();
        assert_eq!(phrases, ["14 civilians", "3 bridges", "30-day truce", "$2.5bn"]);
        assert!(f.windows(2).all(|w| w[0].span <= w[1].span));
    }

    #[test]
    fn singulars() {
        for (p, s) in [("civilians", "civilian"), ("casualties", "casualty"), ("people", "people"), ("children", "child"), ("buses", "buse"), ("churches", "church"), ("prisoners", "prisoner"), ("ads", "ad"), ("gas", "gas"), ("news", "news"), ("status", "status")] {
            assert_eq!(singular(p), s);
        }
    }

    fn pair(a: &str, b: &str) -> (Figure, Figure) {
        (one(a), one(b))
    }

    #[test]
    fn same_quantity_pairs() {
        let yes = [
            ("14 civilians killed", "at least 17 killed"),
            ("14 civilians killed", "17 people were killed"),
            ("the flood killed 14 villagers", "17 villagers died"),
            ("the 1,000-prisoner exchange", "as many as 1,000 prisoners of war each"),
            ("a 30-day truce", "a one-month truce"),
            ("three people", "3 persons"),
            ("a fifth of Brezhovo", "20 per cent of Brezhovo"),
            ("a two-hour phone call", "a 90-minute call"),
            ("a $2.5bn loan", "a 2.5 billion dollar loan"),
            ("a 30-day cease-fire", "a 30-day truce"),
            ("a 30-day ceasefire proposal", "a 30-day truce"),
            ("$40m in aid", "an extra $40m of aid"),
        ];
        for (a, b) in yes {
            let (fa, fb) = pair(a, b);
            assert!(same_quantity(&fa, &fb), "{a} / {b}: {fa:#?} {fb:#?}");
            assert!(same_quantity(&fb, &fa), "{b} / {a}");
        }
        let no = [
            ("14 civilians killed", "14 civilians injured"),
            ("14 civilians", "14 soldiers"),
            ("a 30-day truce", "a 30-day war"),
            ("$2.5bn", "€2.5bn"),
            ("$2.5bn", "$2.5bn"),
            ("20 per cent of the vote", "20 voters"),
            ("17 killed", "17 injured"),
            ("30 days", "30 hours"),
        ];
        for (a, b) in no {
            let (fa, fb) = pair(a, b);
            assert!(!same_quantity(&fa, &fb), "{a} / {b}: {fa:#?} {fb:#?}");
        }
    }

    #[test]
    fn compatible_pairs() {
        let yes = [
            ("at least 17 civilians", "20 civilians"),
            ("nearly 40 months", "39 months"),
            ("nearly 40 months", "40 months"),
            ("about 1,000 prisoners", "1,000 prisoners"),
            ("about 1,000 prisoners", "1,080 prisoners"),
            ("as many as 1,000 prisoners", "1,000 prisoners"),
            ("as many as 1,000 prisoners", "800 prisoners"),
            ("between 10 and 12 pumps", "11 pumps"),
            ("10-12 pumps", "12-15 pumps"),
            ("more than 1,000 prisoners", "1,000 prisoners"),
            ("a fifth of Brezhovo", "20 per cent of Brezhovo"),
            ("a two-hour call", "120-minute call"),
            ("dozens of villagers", "7 villagers"),
            ("$2.5bn", "2.5 billion dollars"),
            ("up to 40 houses", "12 houses"),
            ("fewer than 40 houses", "39 houses"),
        ];
        for (a, b) in yes {
            let (fa, fb) = pair(a, b);
            assert!(compatible(&fa, &fb), "{a} / {b}: {fa:#?} {fb:#?}");
            assert!(compatible(&fb, &fa), "{b} / {a}");
        }
        let no = [
            ("14 civilians", "17 civilians"),
            ("at least 17 civilians", "14 civilians"),
            ("nearly 40 months", "41 months"),
            ("more than 17 civilians", "17 civilians"),
            ("fewer than 40 houses", "40 houses"),
            ("as many as 1,000 prisoners", "1,500 prisoners"),
            ("about 1,000 prisoners", "1,500 prisoners"),
            ("10-12 pumps", "14 pumps"),
            ("a 30-day truce", "a 60-day truce"),
            ("a fifth of Brezhovo", "40 per cent of Brezhovo"),
            ("$2.5bn", "$4bn"),
        ];
        for (a, b) in no {
            let (fa, fb) = pair(a, b);
            assert!(!compatible(&fa, &fb), "{a} / {b}: {fa:#?} {fb:#?}");
            assert!(!compatible(&fb, &fa), "{b} / {a}");
        }
    }

    #[test]
    fn conflict_between_reports() {
        let a = figs("Officials said 14 civilians were killed at the Brezhovo dam.");
        let b = figs("At least 17 were killed, Mayor Ana Ruiz said.");
        assert_eq!((a.len(), b.len()), (1, 1));
        assert!(same_quantity(&a[0], &b[0]));
        assert!(!compatible(&a[0], &b[0]));
    }

    #[test]
    fn long_inputs_are_fast() {
        let text = "Ruiz said at least 17 civilians, twenty-one engineers and $2.5bn; ".repeat(20_000);
        let t0 = std::time::Instant::now();
        let f = figs(&text);
        assert_eq!(f.len(), 60_000);
        assert!(t0.elapsed().as_secs() < 5);
        let words = "one two three four five six seven eight nine ".repeat(20_000);
        let _ = figs(&words);
        let hyphens = "1-".repeat(50_000);
        let _ = figs(&hyphens);
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        fn check(text: &str) {
            let f = figs(text);
            for x in &f {
                assert!(x.span.slice(text).is_some(), "{x:?}");
                assert!(x.span.end as usize <= text.len());
                if let Some(c) = x.counted_span {
                    assert!(c.slice(text).is_some());
                    assert!(x.span.contains(c), "{x:?}");
                }
                assert!(x.value.is_finite());
            }
            assert!(f.windows(2).all(|w| w[0].span <= w[1].span));
            for a in f.iter().take(8) {
                for b in f.iter().take(8) {
                    let _ = same_quantity(a, b);
                    let _ = compatible(a, b);
                }
            }
        }

        proptest! {
            #[test]
            fn any_string_no_panic(s in "\\PC*") {
                check(&s);
            }

            #[test]
            fn figure_like_strings_no_panic(parts in proptest::collection::vec(prop_oneof![
                Just("1"), Just("1,000"), Just("2.5"), Just("0"), Just("007"), Just("-"), Just("–"), Just("$"), Just("€"),
                Just("%"), Just("per"), Just("cent"), Just("a"), Just("fifth"), Just("of"), Just("half"), Just("two"),
                Just("twenty"), Just("hundred"), Just("million"), Just("bn"), Just("m"), Just("day"), Just("old"),
                Just("year"), Just("at"), Just("least"), Just("as"), Just("many"), Just("between"), Just("and"),
                Just("to"), Just("dozens"), Just("tens"), Just("thousands"), Just("people"), Just("killed"),
                Just("each"), Just(" "), Just("."), Just(","), Just("é"), Just("日本"), Just("+"), Just(":"),
                Just("or"), Just("more"), Just("one"), Just("2022"), Just("May"), Just("war"), Just("prisoners"),
            ], 0..30)) {
                let s: String = parts.concat();
                check(&s);
                let spaced = parts.join(" ");
                check(&spaced);
            }
        }
    }
}
