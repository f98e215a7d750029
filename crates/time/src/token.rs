//! Tokenizer and lexicon. Every token carries its lexical class, looked up once, so the
//! grammar never re-lowercases or allocates; non-trigger words are skipped in O(1).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// Time units, ordered from finest to coarsest.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Keywords the grammar branches on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kw {
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Future,
    Past,
    Present,
    Nowadays,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Hence,
    Last,
    Next,
    This,
    These,
    Coming,
    Upcoming,
    Previous,
    Following,
    Latest,
    Early,
    Mid,
    Late,
    Beginning,
    End,
    Start,
    Middle,
    Every,
    Each,
    Per,
    Noon,
    Midnight,
    Midday,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Hourly,
    Nightly,
    Fiscal,
    The,
    A,
    Of,
    On,
    At,
    In,
    From,
    Several,
    Few,
    Many,
    Some,
    Couple,
    Half,
    Am,
    Pm,
    Oclock,
    Through,
    Until,
    To,
    And,
    Between,
    Since,
    Ahead,
    Dozen,
    Hundred,
    Thousand,
    Old,
    Long,
    Other,
    Christmas,
    Eve,
    Thanksgiving,
    Halloween,
    Easter,
    Overnight,
    /// First word of a multi-word holiday name ("new year's", "good friday", "labor day").
    Holiday,
    Right,
    Near,
    /// "EOD", "EOM", "BOM", "EOY", "BOY" (scheduling shorthand).
    PeriodAbbr,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Lex {
    None,
    /// Full month name (1..12).
    Month(u32),
    /// Abbreviated month ("Sept", "Oct"); only a month when followed by "." or a number.
    MonthAbbr(u32),
    /// Weekday, Monday = 1; `plural` for "Mondays".
    Weekday(u32, bool),
    WeekdayAbbr(u32),
    /// Cardinal number word ("four", "twenty").
    Card(u32),
    /// Ordinal word ("third"), also used for quarter and day numbers.
    Ord(u32),
    Unit(Unit, bool),
    /// Part of day: MO, AF, EV, NI.
    Pod(&'static str),
    /// Season by first month (3, 6, 9, 12).
    Season(u32),
    Kw(Kw),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// First byte is an ASCII uppercase letter (proper-noun and month checks).
    pub cap: bool,
}

/// The lexical class of a lower-case word. A data table, one arm per word,
/// which the compiler turns into a perfect match: long, but nothing to split.
fn lookup(w: &str) -> Lex {

    use self::Unit as U;
    use self::Kw::*;
    use Lex::*;
    match w {
        "january" => Month(1),
        "february" => Month(2),
        "march" => Month(3),
        "april" => Month(4),
        "may" => Month(5),
        "june" => Month(6),
        "july" => Month(7),
        "august" => Month(8),
        "september" => Month(9),
        "october" => Month(10),
        "november" => Month(11),
        "december" => Month(12),
        "jan" => MonthAbbr(1),
        "feb" => MonthAbbr(2),
        "mar" => MonthAbbr(3),
        "apr" => MonthAbbr(4),
        "jun" => MonthAbbr(6),
        "jul" => MonthAbbr(7),
        "aug" => MonthAbbr(8),
        "sep" | "sept" => MonthAbbr(9),
        "oct" => MonthAbbr(10),
        "nov" => MonthAbbr(11),
        "dec" => MonthAbbr(12),
        "monday" => Weekday(1, false),
        "tuesday" => Weekday(2, false),
        "wednesday" => Weekday(3, false),
        "thursday" => Weekday(4, false),
        "friday" => Weekday(5, false),
        "saturday" => Weekday(6, false),
        "sunday" => Weekday(7, false),
        "mondays" => Weekday(1, true),
        "tuesdays" => Weekday(2, true),
        "wednesdays" => Weekday(3, true),
        "thursdays" => Weekday(4, true),
        "fridays" => Weekday(5, true),
        "saturdays" => Weekday(6, true),
        "sundays" => Weekday(7, true),
        "mon" => WeekdayAbbr(1),
        "tue" | "tues" => WeekdayAbbr(2),
        "wed" => WeekdayAbbr(3),
        "thu" | "thur" | "thurs" => WeekdayAbbr(4),
        "fri" => WeekdayAbbr(5),
        "sat" => WeekdayAbbr(6),
        "sun" => WeekdayAbbr(7),
        "one" => Card(1),
        "two" => Card(2),
        "three" => Card(3),
        "four" => Card(4),
        "five" => Card(5),
        "six" => Card(6),
        "seven" => Card(7),
        "eight" => Card(8),
        "nine" => Card(9),
        "ten" => Card(10),
        "eleven" => Card(11),
        "twelve" => Card(12),
        "thirteen" => Card(13),
        "fourteen" => Card(14),
        "fifteen" => Card(15),
        "sixteen" => Card(16),
        "seventeen" => Card(17),
        "eighteen" => Card(18),
        "nineteen" => Card(19),
        "twenty" => Card(20),
        "thirty" => Card(30),
        "forty" => Card(40),
        "fifty" => Card(50),
        "sixty" => Card(60),
        "seventy" => Card(70),
        "eighty" => Card(80),
        "ninety" => Card(90),
        "first" => Ord(1),
        "second" => Ord(2),
        "third" => Ord(3),
        "fourth" => Ord(4),
        "fifth" => Ord(5),
        "sixth" => Ord(6),
        "seventh" => Ord(7),
        "eighth" => Ord(8),
        "ninth" => Ord(9),
        "tenth" => Ord(10),
        "eleventh" => Ord(11),
        "twelfth" => Ord(12),
        "thirteenth" => Ord(13),
        "fourteenth" => Ord(14),
        "fifteenth" => Ord(15),
        "sixteenth" => Ord(16),
        "seventeenth" => Ord(17),
        "eighteenth" => Ord(18),
        "nineteenth" => Ord(19),
        "twentieth" => Ord(20),
        "thirtieth" => Ord(30),
        "seconds" | "sec" | "secs" => Unit(U::Second, w.len() > 3),
        "minute" | "min" => Unit(U::Minute, false),
        "minutes" | "mins" => Unit(U::Minute, true),
        "hour" | "hr" => Unit(U::Hour, false),
        "hours" | "hrs" => Unit(U::Hour, true),
        "day" => Unit(U::Day, false),
        "days" => Unit(U::Day, true),
        "nights" => Unit(U::Night, true),
        "week" | "wk" => Unit(U::Week, false),
        "weeks" | "wks" => Unit(U::Week, true),
        "weekend" | "wkend" => Unit(U::Weekend, false),
        "weekends" => Unit(U::Weekend, true),
        "fortnight" => Unit(U::Fortnight, false),
        "month" | "mo" => Unit(U::Month, false),
        "months" | "mos" => Unit(U::Month, true),
        "quarter" | "qtr" => Unit(U::Quarter, false),
        "quarters" | "qtrs" => Unit(U::Quarter, true),
        "year" | "yr" => Unit(U::Year, false),
        "years" | "yrs" => Unit(U::Year, true),
        "decade" => Unit(U::Decade, false),
        "decades" => Unit(U::Decade, true),
        "century" => Unit(U::Century, false),
        "centuries" => Unit(U::Century, true),
        "morning" | "mornings" => Pod("MO"),
        "afternoon" | "afternoons" => Pod("AF"),
        "evening" | "evenings" => Pod("EV"),
        "night" => Pod("NI"),
        "spring" => Season(3),
        "summer" => Season(6),
        "fall" | "autumn" => Season(9),
        "winter" => Season(12),
        "today" | "todays" => Kw(Today),
        "tomorrow" | "tomorrows" => Kw(Tomorrow),
        "yesterday" => Kw(Yesterday),
        "tonight" | "tonite" => Kw(Tonight),
        "now" => Kw(Now),
        "currently" | "presently" => Kw(Currently),
        "current" => Kw(Current),
        "recently" | "lately" => Kw(Recently),
        "recent" => Kw(Recent),
        "future" => Kw(Future),
        "past" => Kw(Past),
        "present" => Kw(Present),
        "nowadays" => Kw(Nowadays),
        "ago" => Kw(Ago),
        "later" => Kw(Later),
        "earlier" => Kw(Earlier),
        "before" => Kw(Before),
        "after" => Kw(After),
        "hence" => Kw(Hence),
        "last" => Kw(Last),
        "next" => Kw(Next),
        "this" => Kw(This),
        "these" => Kw(These),
        "coming" => Kw(Coming),
        "upcoming" => Kw(Upcoming),
        "previous" | "prior" => Kw(Previous),
        "following" => Kw(Following),
        "latest" => Kw(Latest),
        "early" => Kw(Early),
        "mid" => Kw(Mid),
        "late" => Kw(Late),
        "beginning" => Kw(Beginning),
        "end" => Kw(End),
        "start" => Kw(Start),
        "middle" => Kw(Middle),
        "every" => Kw(Every),
        "each" => Kw(Each),
        "per" => Kw(Per),
        "noon" => Kw(Noon),
        "midnight" => Kw(Midnight),
        "midday" => Kw(Midday),
        "daily" => Kw(Daily),
        "weekly" => Kw(Weekly),
        "monthly" => Kw(Monthly),
        "yearly" | "annually" => Kw(Yearly),
        "hourly" => Kw(Hourly),
        "nightly" => Kw(Nightly),
        "fiscal" => Kw(Fiscal),
        "the" => Kw(The),
        "a" | "an" => Kw(A),
        "of" => Kw(Of),
        "on" => Kw(On),
        "at" | "@" => Kw(At),
        "in" => Kw(In),
        "from" => Kw(From),
        "several" => Kw(Several),
        "few" => Kw(Few),
        "many" => Kw(Many),
        "some" => Kw(Some),
        "couple" | "pair" => Kw(Couple),
        "half" => Kw(Half),
        "am" => Kw(Am),
        "pm" => Kw(Pm),
        "oclock" => Kw(Oclock),
        "through" | "thru" => Kw(Through),
        "until" | "till" | "til" => Kw(Until),
        "to" => Kw(To),
        "and" => Kw(And),
        "between" => Kw(Between),
        "since" => Kw(Since),
        "ahead" => Kw(Ahead),
        "dozen" => Kw(Dozen),
        "hundred" => Kw(Hundred),
        "thousand" => Kw(Thousand),
        "old" => Kw(Old),
        "long" => Kw(Long),
        "other" => Kw(Other),
        "christmas" | "xmas" => Kw(Christmas),
        "eve" => Kw(Eve),
        "thanksgiving" => Kw(Thanksgiving),
        "halloween" => Kw(Halloween),
        "easter" => Kw(Easter),
        "overnight" => Kw(Overnight),
        "new" | "good" | "independence" | "labor" | "labour" | "memorial" | "valentine"
        | "valentines" | "veterans" | "black" | "palm" | "maundy" | "ash" | "shrove" | "pancake" | "mardi"
        | "pentecost" | "whitsun" | "whit" | "trinity" | "mlk" | "martin" | "st" | "saint" | "mother"
        | "mothers" | "father" | "fathers" | "boss" | "bosses" | "orthodox" | "clean" | "lazarus" | "white"
        | "branch" | "koningsdag" | "king" | "kings" => Kw(Holiday),
        "right" | "just" => Kw(Right),
        "eod" | "eom" | "bom" | "eoy" | "boy" => Kw(PeriodAbbr),
        "near" | "foreseeable" | "immediate" | "distant" => Kw(Near),
        _ => Lex::None,
    }
}

/// First words of religious and national holiday names (sorted; binary search after the
/// main table, so the common path does not pay for them).
const HOLIDAY_FIRST_WORDS: &[&str] = &[
    "amun", "arabic", "ascension", "ashura", "baisakhi", "bakr", "bakrid", "basant", "bhai", "bhau",
    "bhogi", "bogi", "buddha", "chaitra", "chanuka", "chanukah", "chanukkah", "chhath", "chhoti",
    "chinese", "choti", "dala", "dasara", "dayananda", "deepavali", "dhanatrayodashi", "dhanteras",
    "dhulandi", "dhuleti", "divali", "diwali", "durga", "dussehra", "dussera", "eid", "election", "feast",
    "ganesh", "gokulashtami", "gudi", "guru", "hannukah", "hannukkah", "hanuka", "hanukah",
    "hanukka", "hanukkah", "hijri", "holi", "holika", "holocaust", "id", "islamic", "isra",
    "israel", "jamat", "jamshedi", "janmashtami", "jumat", "jumu", "kaanum", "kali", "kamudu",
    "kanni", "karva", "karwa", "krishna", "lag", "lailat", "lakshmi", "laylat", "lunar", "maattu",
    "maghi", "maha", "maharishi", "mahashivaratri", "mahashivratri", "mahaveer", "mahavir", "makar",
    "makara", "mattu", "mawlid", "milad", "naraka", "navaratri", "navratri", "onam", "pargat",
    "parsi", "passover", "pesach", "pesah", "phagwah", "pongal", "purim", "rabindra",
    "rabindranath", "rakhi", "raksha", "ram", "rama", "ramadan", "ramadhan", "ramazan", "rath",
    "ratha", "ravidas", "rosh", "sacrifice", "samvatsaradi", "saraswati", "shab", "shavuos",
    "shavuot", "shavuoth", "shemini", "shushan", "simchas", "simchat", "simhat", "succos", "succot",
    "sukkos", "sukkot", "sukkoth", "surya", "thai", "thiru", "thiruonam", "thiruvonam", "tisha",
    "tishah", "tu", "ugadi", "vaisakha", "vaisakhi", "vaishakhi", "valmiki", "vasakhi", "vasant",
    "vesak", "vijayadashami", "vinayak", "vinayaka", "wesak", "world", "yom", "yugadi",
];

/// Per first letter, a bit per word length present in [`HOLIDAY_FIRST_WORDS`]: most words
/// are rejected without a search.
const HOLIDAY_MASK: [u32; 26] = {
    let mut m = [0u32; 26];
    let mut i = 0;
    while i < HOLIDAY_FIRST_WORDS.len() {
        let b = HOLIDAY_FIRST_WORDS[i].as_bytes();
        m[(b[0] - b'a') as usize] |= 1 << b.len();
        i += 1;
    }
    m
};

/// Lexical class of a word, compared case-insensitively without allocating.
pub(crate) fn classify(w: &str) -> Lex {
    let b = w.as_bytes();
    if b.len() > 16 || b.is_empty() {
        return Lex::None;
    }
    let mut buf = [0u8; 16];
    for (o, c) in buf.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    let w = &buf[..b.len()];
    // Only ASCII letters reach here, so this cannot fail.
    let lex = if b.len() <= 12 { std::str::from_utf8(w).map(lookup).unwrap_or(Lex::None) } else { Lex::None };
    if lex == Lex::None && HOLIDAY_MASK[(w[0] - b'a') as usize] & (1 << w.len()) != 0 && HOLIDAY_FIRST_WORDS.binary_search_by(|x| x.as_bytes().cmp(w)).is_ok() {
        return Lex::Kw(Kw::Holiday);
    }
    lex
}

/// Split into words (ASCII letters), numbers (ASCII digits) and single-character
/// punctuation; whitespace is dropped, non-ASCII characters become punctuation tokens
/// (so every offset stays on a char boundary). `out` is reused across calls.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            // "o'clock" is one word; other apostrophes split ("Monday's" -> Monday ' s).
            let mut lex = classify(&text[s..i]);
            if i - s == 1 && (c == b'o' || c == b'O') && b[i..].starts_with(b"'clock") {
                i += 6;
                lex = Lex::Kw(Kw::Oclock);
            }
            out.push(Tok { s, e: i, kind: Kind::Word, lex, cap: c.is_ascii_uppercase() });
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok { s, e: i, kind: Kind::Num, lex: Lex::None, cap: false });
        } else {
            let len = if c < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
            i += len;
            let lex = if c == b'@' { Lex::Kw(Kw::At) } else { Lex::None };
            out.push(Tok { s, e: i, kind: Kind::Punct, lex, cap: false });
        }
    }
}

#[cfg(test)]
mod holiday_words_tests {
    #[test]
    fn sorted_and_classified() {
        assert!(super::HOLIDAY_FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(super::classify("Diwali"), super::Lex::Kw(super::Kw::Holiday));
    }
}
