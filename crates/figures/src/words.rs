//! Word lists: number words, scales, hedges ("at least", "nearly"), currencies,
//! units, and the small closed classes the figure patterns test.

use crate::tokens::*;
use newsfuse_doc::Hedge;

pub(crate) fn small_number(w: &str) -> Option<f64> {
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

pub(crate) fn tens_number(w: &str) -> Option<f64> {
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

pub(crate) fn big_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scales written after digits: "2.5 million", "$2.5bn", "3m".
pub(crate) fn digit_scale(w: &str, tight: bool) -> Option<f64> {
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
pub(crate) fn denominator(w: &str) -> Option<f64> {
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
pub(crate) fn vague_number(w: &str) -> Option<f64> {
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

pub(crate) fn hedge_at(toks: &[Tok], i: usize) -> Option<(Hedge, usize)> {
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

pub(crate) fn currency_prefix(t: &Tok) -> Option<&'static str> {
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

pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
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

pub(crate) fn duration_unit(w: &str) -> Option<&'static str> {
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

pub(crate) fn measure_unit(w: &str) -> Option<&'static str> {
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
pub(crate) fn duration_seconds(unit: &str) -> Option<f64> {
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

pub(crate) const MONTHS: [&str; 21] = [
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
];

pub(crate) fn is_month(w: &str) -> bool {
    MONTHS.contains(&w) || w == "nov" || w == "dec" || w == "may"
}

/// Words before a number that make it a label, not a quantity.
pub(crate) fn is_label_word(w: &str) -> bool {
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
pub(crate) fn is_stop_word(w: &str) -> bool {
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
pub(crate) fn is_adverb(w: &str) -> bool {
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
pub(crate) fn is_common_verb(w: &str) -> bool {
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
pub(crate) fn predicate_word(w: &str) -> Option<&'static str> {
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

pub(crate) fn is_person_noun(w: &str) -> bool {
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
pub(crate) fn predicate_verb(w: &str) -> Option<&'static str> {
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
pub(crate) fn is_compound_adjective(w: &str) -> bool {
    matches!(w, "strong" | "odd" | "plus" | "long" | "wide" | "high" | "deep" | "tall" | "large" | "big")
}
