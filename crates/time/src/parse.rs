//! The grammar: a left-to-right scan over tokens that tries a handful of pattern families
//! at every trigger token (a token with a lexical class or a number), keeps the longest
//! match, and resolves it immediately so that the next expression can use it as its
//! narrative anchor ("the next day"). Every pattern looks at a bounded number of tokens,
//! so the whole pass is linear in the input.

use crate::calendar::{self, Gran, Point};
use crate::lunar;
use crate::token::{tokenize, Kind, Kw, Lex, Tok, Unit};
use crate::{Anchor, Dct, Options, Tense, Timex, TimexType};

/// Irregular simple-past forms (beyond the handful in `marked_tense`) that mark the past.
const IRREGULAR_PAST: &[&str] = &[
    "brought", "bought", "sold", "paid", "led", "ran", "struck", "sent", "spent", "built", "found",
    "kept", "thought", "felt", "heard", "stood", "wrote", "got", "grew", "drew", "chose", "broke",
    "caught", "dealt", "drove", "fought", "flew", "knew", "meant", "sought", "shook", "shot", "stole",
    "swept", "swore", "taught", "threw", "understood", "withdrew", "arose", "undertook", "upheld",
    "withheld", "overcame", "forgot", "hid", "slid", "spun", "sank", "rang", "rode", "woke", "froze",
];

/// How far back/forward the tense heuristic looks for a verb marker.
const TENSE_WINDOW: usize = 24;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tn {
    Past,
    Present,
    Future,
}

/// A clock time or a part of the day.
#[derive(Clone, Copy, Debug)]
enum Tod {
    Hm(u32, u32, Option<u32>),
    Part(&'static str),
}

impl Tod {
    fn suffix(self) -> String {
        match self {
            Tod::Hm(h, m, None) => format!("T{:02}:{:02}", h, m),
            Tod::Hm(h, m, Some(s)) => format!("T{:02}:{:02}:{:02}", h, m, s),
            Tod::Part(p) => format!("T{}", p),
        }
    }
}

/// Calendar fields exactly as the text gave them.
#[derive(Clone, Copy, Default, Debug)]
struct Spec {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    wd: Option<u32>,
}

/// Holiday names, written as their letters only (spaces, hyphens and apostrophes dropped,
/// lower case, sorted); matched against consecutive word tokens. `true`: the name is also a common
/// word, so it needs a capital letter outside scheduling text.
const HOLIDAY_NAMES: &[(&str, Hol, bool)] = &[
    ("amunjadid", Hol::Islamic(1, 1), false),
    ("arabicnewyear", Hol::Islamic(1, 1), false),
    ("ascensiontoheaven", Hol::Islamic(7, 27), false),
    ("ashura", Hol::Islamic(1, 10), false),
    ("baisakhi", Hol::Sankranti(0, 0), false),
    ("bakreid", Hol::Islamic(12, 10), false),
    ("bakrid", Hol::Islamic(12, 10), false),
    ("basantpanchami", Hol::Hindu(11, 5, 12, 0), false),
    ("bhaidooj", Hol::Hindu(8, 2, 14, 0), false),
    ("bhaiduj", Hol::Hindu(8, 2, 14, 0), false),
    ("bhaitika", Hol::Hindu(8, 2, 14, 0), false),
    ("bhaubeej", Hol::Hindu(8, 2, 14, 0), false),
    ("bhogi", Hol::Sankranti(270, -1), true),
    ("bhogipandigai", Hol::Sankranti(270, -1), false),
    ("bogi", Hol::Sankranti(270, -1), true),
    ("bogipandigai", Hol::Sankranti(270, -1), false),
    ("buddhaday", Hol::Hindu(2, 15, 6, 0), false),
    ("buddhajayanti", Hol::Hindu(2, 15, 6, 0), false),
    ("buddhapurnima", Hol::Hindu(2, 15, 6, 0), false),
    ("chaitrasukhladi", Hol::Hindu(1, 1, 6, 0), false),
    ("chaitrasukladi", Hol::Hindu(1, 1, 6, 0), false),
    ("chanuka", Hol::Hebrew(9, 25, 8), false),
    ("chanukah", Hol::Hebrew(9, 25, 8), false),
    ("chanukkah", Hol::Hebrew(9, 25, 8), false),
    ("chhath", Hol::Hindu(8, 6, 18, 0), true),
    ("chhathpuja", Hol::Hindu(8, 6, 18, 0), false),
    ("chhotidiwali", Hol::Hindu(7, 29, 6, 0), false),
    ("chhotiholi", Hol::Hindu(12, 15, 19, 0), false),
    ("chineselunarnewyear", Hol::ChineseNewYear, false),
    ("chineselunarnewyears", Hol::ChineseNewYear, false),
    ("chineselunarnewyearsday", Hol::ChineseNewYear, false),
    ("chinesenewyear", Hol::ChineseNewYear, false),
    ("chinesenewyears", Hol::ChineseNewYear, false),
    ("chinesenewyearsday", Hol::ChineseNewYear, false),
    ("chotidiwali", Hol::Hindu(7, 29, 6, 0), false),
    ("chotiholi", Hol::Hindu(12, 15, 19, 0), false),
    ("dalachhath", Hol::Hindu(8, 6, 18, 0), false),
    ("dalapuja", Hol::Hindu(8, 6, 18, 0), false),
    ("dasara", Hol::Hindu(7, 10, 14, 0), false),
    ("dayanandasaraswatijayanti", Hol::Hindu(11, 25, 6, 0), false),
    ("dayofashura", Hol::Islamic(1, 10), false),
    ("deepavali", Hol::Hindu(7, 30, 19, 0), false),
    ("dhanatrayodashi", Hol::Hindu(7, 28, 19, 0), false),
    ("dhanteras", Hol::Hindu(7, 28, 19, 0), false),
    ("dhulandi", Hol::Hindu(12, 15, 19, 1), false),
    ("dhuleti", Hol::Hindu(12, 15, 19, 1), false),
    ("divali", Hol::Hindu(7, 30, 19, 0), false),
    ("diwali", Hol::Hindu(7, 30, 19, 0), false),
    ("durgapuja", Hol::Navaratri, false),
    ("dussehra", Hol::Hindu(7, 10, 14, 0), false),
    ("dussera", Hol::Hindu(7, 10, 14, 0), false),
    ("eidaladha", Hol::Islamic(12, 10), false),
    ("eidalfitr", Hol::Islamic(10, 1), false),
    ("eideladha", Hol::Islamic(12, 10), false),
    ("eidelfitr", Hol::Islamic(10, 1), false),
    ("eiduladha", Hol::Islamic(12, 10), false),
    ("eidulfitr", Hol::Islamic(10, 1), false),
    // US Election Day: the Tuesday after the first Monday in November
    ("electionday", Hol::NthPlus(11, 1, 1, 1), true),
    ("feastofbooths", Hol::Hebrew(7, 15, 9), false),
    ("feastofingathering", Hol::Hebrew(7, 15, 9), false),
    ("feastofsacrifice", Hol::Islamic(12, 10), false),
    ("feastoftabernacles", Hol::Hebrew(7, 15, 9), false),
    ("feastoftheingathering", Hol::Hebrew(7, 15, 9), false),
    ("feastofthesacrifice", Hol::Islamic(12, 10), false),
    ("ganeshchaturthi", Hol::Hindu(6, 4, 12, 0), false),
    ("gokulashtami", Hol::Hindu(5, 23, 23, 0), false),
    ("gudipadwa", Hol::Hindu(1, 1, 6, 0), false),
    ("gurugobindsinghbirthday", Hol::Hindu(10, 7, 6, 0), false),
    ("gurugobindsinghjayanti", Hol::Hindu(10, 7, 6, 0), false),
    ("gurugovindsinghbirthday", Hol::Hindu(10, 7, 6, 0), false),
    ("gurugovindsinghjayanti", Hol::Hindu(10, 7, 6, 0), false),
    ("gururavidasbirthday", Hol::Hindu(11, 15, 6, 0), false),
    ("gururavidasjayanti", Hol::Hindu(11, 15, 6, 0), false),
    ("gururavidassbirthday", Hol::Hindu(11, 15, 6, 0), false),
    ("gururavidassjayanti", Hol::Hindu(11, 15, 6, 0), false),
    ("hannukah", Hol::Hebrew(9, 25, 8), false),
    ("hannukkah", Hol::Hebrew(9, 25, 8), false),
    ("hanuka", Hol::Hebrew(9, 25, 8), false),
    ("hanukah", Hol::Hebrew(9, 25, 8), false),
    ("hanukka", Hol::Hebrew(9, 25, 8), false),
    ("hanukkah", Hol::Hebrew(9, 25, 8), false),
    ("hijrinewyear", Hol::Islamic(1, 1), false),
    ("holi", Hol::Hindu(12, 15, 19, 1), true),
    ("holikadahan", Hol::Hindu(12, 15, 19, 0), false),
    ("holocaustday", Hol::YomHashoah, false),
    ("holocaustremembranceday", Hol::YomHashoah, false),
    ("idaladha", Hol::Islamic(12, 10), false),
    ("iduladha", Hol::Islamic(12, 10), false),
    ("idulfitr", Hol::Islamic(10, 1), false),
    ("islamicnewyear", Hol::Islamic(1, 1), false),
    ("israandmiraj", Hol::Islamic(7, 27), false),
    ("israelindependenceday", Hol::YomHaatzmaut, false),
    ("israwalmiraj", Hol::Islamic(7, 27), false),
    ("jamatulvida", Hol::IslamicLastFriday, false),
    ("jamshedinavroz", Hol::ParsiNewYear, false),
    ("jamshedinowruz", Hol::ParsiNewYear, false),
    ("janmashtami", Hol::Hindu(5, 23, 23, 0), false),
    ("jumatulwida", Hol::IslamicLastFriday, false),
    ("jumuatulwida", Hol::IslamicLastFriday, false),
    ("kaanumpongal", Hol::Sankranti(270, 2), false),
    ("kalichaudas", Hol::Hindu(7, 29, 6, 0), false),
    ("kamudupyre", Hol::Hindu(12, 15, 19, 0), false),
    ("kannipongal", Hol::Sankranti(270, 2), false),
    ("karvachauth", Hol::Hindu(7, 19, 20, 0), false),
    ("karwachauth", Hol::Hindu(7, 19, 20, 0), false),
    ("krishnajanmashtami", Hol::Hindu(5, 23, 23, 0), false),
    ("lagbaomer", Hol::Hebrew(2, 18, 1), false),
    ("lagbomer", Hol::Hebrew(2, 18, 1), false),
    ("lailatalmiraj", Hol::Islamic(7, 27), false),
    ("lailatalqadr", Hol::Islamic(9, 27), false),
    ("lakshmipuja", Hol::Hindu(7, 30, 19, 0), false),
    ("laylatalkadr", Hol::Islamic(9, 27), false),
    ("laylatalmiraj", Hol::Islamic(7, 27), false),
    ("laylatalqadr", Hol::Islamic(9, 27), false),
    ("lunarnewyear", Hol::ChineseNewYear, false),
    ("lunarnewyearsday", Hol::ChineseNewYear, false),
    ("maattupongal", Hol::Sankranti(270, 1), false),
    ("maghi", Hol::Sankranti(270, 0), true),
    ("maharishivalmikijayanti", Hol::Hindu(7, 15, 6, 0), false),
    ("mahasaptami", Hol::Hindu(7, 7, 6, 0), false),
    ("mahashivaratri", Hol::Hindu(11, 29, 23, 0), false),
    ("mahashivratri", Hol::Hindu(11, 29, 23, 0), false),
    ("mahaveerjanmakalyanak", Hol::Hindu(1, 13, 6, 0), false),
    ("mahaveerjayanti", Hol::Hindu(1, 13, 6, 0), false),
    ("mahavirjanmakalyanak", Hol::Hindu(1, 13, 6, 0), false),
    ("mahavirjayanti", Hol::Hindu(1, 13, 6, 0), false),
    ("makarasankranthi", Hol::Sankranti(270, 0), false),
    ("makarasankranti", Hol::Sankranti(270, 0), false),
    ("makarsankranti", Hol::Sankranti(270, 0), false),
    ("mattupongal", Hol::Sankranti(270, 1), false),
    ("mawlid", Hol::Islamic(3, 12), false),
    ("mawlidalnabawi", Hol::Islamic(3, 12), false),
    ("mawlidalnabi", Hol::Islamic(3, 12), false),
    ("mawlidannabi", Hol::Islamic(3, 12), false),
    ("miladunnabi", Hol::Islamic(3, 12), false),
    ("narakachaturdashi", Hol::Hindu(7, 29, 6, 0), false),
    ("navaratri", Hol::Navaratri, false),
    ("navratri", Hol::Navaratri, false),
    ("nightofdecree", Hol::Islamic(9, 27), false),
    ("nightofmeasures", Hol::Islamic(9, 27), false),
    ("nightofpower", Hol::Islamic(9, 27), false),
    ("onam", Hol::Onam, true),
    ("pargatdiwas", Hol::Hindu(7, 15, 6, 0), false),
    ("parsinewyear", Hol::ParsiNewYear, false),
    ("passover", Hol::Hebrew(1, 15, 9), false),
    ("pesach", Hol::Hebrew(1, 15, 9), false),
    ("pesah", Hol::Hebrew(1, 15, 9), false),
    ("phagwah", Hol::Hindu(12, 15, 19, 1), false),
    ("pongal", Hol::Sankranti(270, 0), true),
    ("purim", Hol::Purim(14), false),
    ("rabindrajayanti", Hol::Fixed(5, 9), false),
    ("rabindranathjayanti", Hol::Fixed(5, 9), false),
    ("rakhi", Hol::Hindu(5, 15, 6, 0), true),
    ("rakshabandhan", Hol::Hindu(5, 15, 6, 0), false),
    ("ramadan", Hol::IslamicMonth(9), false),
    ("ramadhan", Hol::IslamicMonth(9), false),
    ("ramanavami", Hol::Hindu(1, 9, 12, 0), false),
    ("ramazan", Hol::IslamicMonth(9), false),
    ("ramnavami", Hol::Hindu(1, 9, 12, 0), false),
    ("rathayatra", Hol::Hindu(4, 2, 6, 0), false),
    ("rathyatra", Hol::Hindu(4, 2, 6, 0), false),
    ("ravidasjayanti", Hol::Hindu(11, 15, 6, 0), false),
    ("roshhashana", Hol::Hebrew(7, 1, 3), false),
    ("roshhashanah", Hol::Hebrew(7, 1, 3), false),
    ("roshhashanna", Hol::Hebrew(7, 1, 3), false),
    ("roshhashono", Hol::Hebrew(7, 1, 3), false),
    ("sacrificefeast", Hol::Islamic(12, 10), false),
    ("samvatsaradi", Hol::Hindu(1, 1, 6, 0), false),
    ("saraswatijayanti", Hol::Hindu(11, 25, 6, 0), false),
    ("shabemiraj", Hol::Islamic(7, 27), false),
    ("shabeqadr", Hol::Islamic(9, 27), false),
    ("shavuos", Hol::Hebrew(3, 6, 3), false),
    ("shavuot", Hol::Hebrew(3, 6, 3), false),
    ("shavuoth", Hol::Hebrew(3, 6, 3), false),
    ("sheminiatzeret", Hol::Hebrew(7, 22, 1), false),
    ("sheminiatzereth", Hol::Hebrew(7, 22, 1), false),
    ("shushanpurim", Hol::Purim(15), false),
    ("simchastorah", Hol::Hebrew(7, 23, 1), false),
    ("simchattorah", Hol::Hebrew(7, 23, 1), false),
    ("simhattorah", Hol::Hebrew(7, 23, 1), false),
    ("succos", Hol::Hebrew(7, 15, 9), false),
    ("succot", Hol::Hebrew(7, 15, 9), false),
    ("sukkos", Hol::Hebrew(7, 15, 9), false),
    ("sukkot", Hol::Hebrew(7, 15, 9), false),
    ("sukkoth", Hol::Hebrew(7, 15, 9), false),
    ("suryashashthi", Hol::Hindu(8, 6, 18, 0), false),
    ("thaipongal", Hol::Sankranti(270, 0), false),
    ("thenightjourney", Hol::Islamic(7, 27), false),
    ("theprophetsascension", Hol::Islamic(7, 27), false),
    ("thiruonam", Hol::Onam, false),
    ("thiruvonam", Hol::Onam, false),
    ("tishabav", Hol::TishaBav, false),
    ("tishahbav", Hol::TishaBav, false),
    ("tubishevat", Hol::Hebrew(11, 15, 1), false),
    ("tubishvat", Hol::Hebrew(11, 15, 1), false),
    ("tubshevat", Hol::Hebrew(11, 15, 1), false),
    ("tubshvat", Hol::Hebrew(11, 15, 1), false),
    ("ugadi", Hol::Hindu(1, 1, 6, 0), false),
    ("vaisakha", Hol::Hindu(2, 15, 6, 0), false),
    ("vaisakhi", Hol::Sankranti(0, 0), false),
    ("vaishakhi", Hol::Sankranti(0, 0), false),
    ("valmikijayanti", Hol::Hindu(7, 15, 6, 0), false),
    ("vasakhi", Hol::Sankranti(0, 0), false),
    ("vasantpanchami", Hol::Hindu(11, 5, 12, 0), false),
    ("vesak", Hol::Hindu(2, 15, 6, 0), false),
    ("vijayadashami", Hol::Hindu(7, 10, 14, 0), false),
    ("vinayakachaturthi", Hol::Hindu(6, 4, 12, 0), false),
    ("vinayakchaturthi", Hol::Hindu(6, 4, 12, 0), false),
    ("wesak", Hol::Hindu(2, 15, 6, 0), false),
    ("worldveganday", Hol::Fixed(11, 1), false),
    ("yomhaatzmaut", Hol::YomHaatzmaut, false),
    ("yomhashoah", Hol::YomHashoah, false),
    ("yomkippur", Hol::Hebrew(7, 10, 1), false),
    ("yugadi", Hol::Hindu(1, 1, 6, 0), false),
];

#[cfg(test)]
pub(crate) fn holiday_names_sorted() -> bool {
    HOLIDAY_NAMES.windows(2).all(|w| w[0].0 < w[1].0)
}

/// First words of [`HOLIDAY_NAMES`] that have another lexical class of their own, with the
/// word that must follow (checked first: "the" and "day" are frequent).
const HOLIDAY_SHARED_FIRST: &[(&str, &str)] = &[("the", "prophet"), ("the", "night"), ("day", "of"), ("night", "of")];

#[derive(Clone, Copy, Debug)]
enum Hol {
    Fixed(u32, u32),
    /// n-th weekday of a month (negative: from the end).
    Nth(u32, u32, i32),
    /// Days after the n-th weekday of a month (Black Friday).
    NthPlus(u32, u32, i32, i64),
    /// Days relative to Orthodox Easter Sunday.
    OrthodoxEaster(i64),
    /// King's Day (Netherlands): April 27, or the 26th when the 27th is a Sunday.
    KingsDay,
    /// Days relative to Easter Sunday.
    Easter(i64),
    /// Islamic (month, day).
    Islamic(u32, u32),
    /// A whole Islamic month (Ramadan).
    IslamicMonth(u32),
    /// The last Friday of Ramadan (Jumu'atul-Wida).
    IslamicLastFriday,
    /// Hebrew (month Nisan = 1 .. Adar = 12, day, length in days). Jewish holidays begin
    /// at sundown, so the value is the civil day on whose evening it starts (Duckling's
    /// convention) and a multi-day festival runs from that evening.
    Hebrew(u32, u32, u32),
    /// Purim (14 Adar, or Adar II in a leap year); 15 for Shushan Purim.
    Purim(u32),
    /// Yom HaShoah: 27 Nisan, moved off Friday and Sunday.
    YomHashoah,
    /// Yom Ha'atzmaut: 5 Iyar, moved off Friday, Saturday and Monday.
    YomHaatzmaut,
    /// Tisha B'Av: 9 Av, postponed from Shabbat.
    TishaBav,
    /// Chinese (lunar) New Year.
    ChineseNewYear,
    /// Hindu lunar date: (amanta month Chaitra = 1 .. Phalguna = 12, tithi 1..=30, hour
    /// IST at which the tithi must be current, days added).
    Hindu(u8, u8, u8, i8),
    /// Navaratri: Ashvin shukla 1 to Vijayadashami.
    Navaratri,
    /// The Sun's entry into a sidereal longitude (degrees), plus days.
    Sankranti(u16, i8),
    /// Onam (Thiruvonam in Chingam).
    Onam,
    /// Parsi (Shahenshahi) New Year: a 365-day year, August 17 in 2018.
    ParsiNewYear,
}

/// Month-day dates in a past-marked clause: the future occurrence wins only when this many
/// times nearer than the past one (tuned on TBAQ: 1.5 and 2 are within one case).
const FUTURE_WEIGHT: f64 = 2.0;

/// What a day-level phrase refers to, before anchoring.
#[derive(Clone, Copy, Debug)]
enum DayRef {
    Spec(Spec),
    /// Offset in days from the DCT (today 0, yesterday -1).
    Rel(i64),
    Holiday(Hol, Option<i32>),
    Season(u32, Option<i32>),
}

#[derive(Clone, Copy, Debug)]
enum Qty {
    N(u32),
    /// n and a half.
    Half(u32),
    /// Unspecified ("several", "a few").
    X,
}

struct Cand {
    /// Token range [s, e).
    s: usize,
    e: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    range_end: Option<String>,
    anchor: Anchor,
    /// The resolved point, which becomes the narrative anchor for what follows.
    point: Option<Point>,
    /// A comparison ("a year earlier") that does not become the next narrative anchor.
    comparison: bool,
}

impl Cand {
    fn new(s: usize, e: usize, kind: TimexType, value: String) -> Cand {
        Cand { s, e, kind, value, modifier: None, range_end: None, anchor: Anchor::None, point: None, comparison: false }
    }
}

/// A resolved value: its string, the point (if any) and what it was anchored on.
struct Res {
    value: String,
    point: Option<Point>,
    anchor: Anchor,
}

impl Res {
    fn abs(p: Point) -> Res {
        Res { value: p.fmt(), point: Some(p), anchor: Anchor::None }
    }
    fn rel(p: Point, anchor: Anchor) -> Res {
        Res { value: p.fmt(), point: Some(p), anchor }
    }
    fn open(value: String) -> Res {
        Res { value, point: None, anchor: Anchor::None }
    }
}

pub(crate) struct Tagger<'a> {
    text: &'a str,
    t: Vec<Tok>,
    dct: Option<Point>,
    /// Clock time of the DCT, when it carries one.
    dct_tm: Option<(u32, u32)>,
    opts: Options,
    /// Latest resolved point and the index of the timex that produced it.
    last: Option<(Point, usize)>,
    out: Vec<Timex>,
}

pub(crate) fn run(text: &str, dct: Option<&Dct>, opts: &Options) -> Vec<Timex> {
    let dct_in = dct;
    let dct = dct.and_then(|d| {
        let (y, m, dd) = d.date;
        calendar::valid_date(y, m, dd).then(|| Point::day(y, m, dd))
    });
    let dct_tm = if dct.is_some() { dct_in.and_then(|d| d.time).filter(|&(h, m)| h < 24 && m < 60) } else { None };
    let mut t = Vec::new();
    tokenize(text, &mut t);
    let mut tg = Tagger { text, t, dct, dct_tm, opts: *opts, last: None, out: Vec::new() };
    tg.scan();
    tg.out
}

fn unit_letter(u: Unit) -> (bool, &'static str, u32) {
    // (is a time unit, ISO letter, multiplier)
    match u {
        Unit::Second => (true, "S", 1),
        Unit::Minute => (true, "M", 1),
        Unit::Hour => (true, "H", 1),
        Unit::Day | Unit::Night => (false, "D", 1),
        Unit::Weekend => (false, "D", 2),
        Unit::Week => (false, "W", 1),
        Unit::Fortnight => (false, "W", 2),
        Unit::Month => (false, "M", 1),
        Unit::Quarter => (false, "Q", 1),
        Unit::Year => (false, "Y", 1),
        Unit::Decade => (false, "Y", 10),
        Unit::Century => (false, "Y", 100),
    }
}

/// ISO 8601 duration for a quantity of a unit; halves move to the next smaller unit.
fn duration_value(q: Qty, u: Unit) -> String {
    let (time, letter, mul) = unit_letter(u);
    let t = if time { "T" } else { "" };
    match q {
        Qty::X => format!("P{}X{}", t, letter),
        Qty::N(n) => format!("P{}{}{}", t, n as u64 * mul as u64, letter),
        // "2 1/2 years", "five and a half hours": the whole units and the half in the next
        // unit down, as ISO 8601 writes them and TimeBank annotates (P2Y6M, PT5H30M)
        Qty::Half(n) if n > 0 && matches!(u, Unit::Year | Unit::Day | Unit::Hour | Unit::Minute) => match u {
            Unit::Year => format!("P{}Y6M", n),
            Unit::Day => format!("P{}DT12H", n),
            Unit::Hour => format!("PT{}H30M", n),
            _ => format!("PT{}M30S", n),
        },
        Qty::Half(n) => {
            let n2 = n as u64 * 2 + 1; // in half units
            match u {
                Unit::Year => format!("P{}M", n2 * 6),
                Unit::Decade => format!("P{}Y", n2 * 5),
                Unit::Century => format!("P{}Y", n2 * 50),
                Unit::Day | Unit::Night => format!("PT{}H", n2 * 12),
                Unit::Hour => format!("PT{}M", n2 * 30),
                Unit::Minute => format!("PT{}S", n2 * 30),
                Unit::Week => format!("P{}D", n2 * 7 / 2),
                Unit::Month => format!("P{}D", n2 * 15),
                _ => format!("P{}{}.5{}", t, n, letter),
            }
        }
    }
}

/// Granularity a unit of relative movement produces ("last week" is a week).
fn unit_gran(u: Unit) -> Option<Gran> {
    Some(match u {
        Unit::Day | Unit::Night => Gran::Day,
        Unit::Week | Unit::Fortnight => Gran::Week,
        Unit::Weekend => Gran::Weekend,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century => Gran::Century,
        _ => return None,
    })
}

/// Words after a number that make a four-digit number a quantity, not a year.
fn is_measure_word(w: &str) -> bool {
    const M: &[&str] = &[
        "percent", "people", "troops", "soldiers", "shares", "points", "miles", "feet", "meters",
        "metres", "tons", "tonnes", "dollars", "pounds", "euros", "yen", "barrels", "cars", "men",
        "women", "children", "jobs", "workers", "units", "votes", "pages", "acres", "km", "kg",
        "employees", "members", "cases", "deaths", "homes", "students", "words", "copies",
    ];
    M.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Capitalized words after a weekday that make it part of a name ("Sunday Times").
fn is_name_word(w: &str) -> bool {
    const N: &[&str] = &[
        "Times", "Telegraph", "Mirror", "Express", "Herald", "Post", "Mail", "Independent",
        "Tribune", "Observer", "Sport", "Star", "Review", "Magazine", "Edition", "Night",
        "Football", "School", "Service", "People", "Business", "Record", "Sun",
    ];
    N.contains(&w)
}

impl<'a> Tagger<'a> {
    // ---------------------------------------------------------------- token helpers

    fn n(&self) -> usize {
        self.t.len()
    }
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Lex::Kw(k)
    }
    fn txt(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    fn word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word) && self.txt(i).eq_ignore_ascii_case(w)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && t.e - t.s == 1)
            && self.text.as_bytes()[self.t[i].s] == c as u8
    }
    /// A closing quotation mark: a quotation keeps its own tense, apart from
    /// the reporting clause after it ("I will call on Monday," he wrote).
    fn closes_quote(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct) && matches!(self.text[self.t[i].s..].chars().next(), Some('”' | '"' | '»'))
            // the wire services' typewriter quotes: ``...''
            || self.punct(i, '\'') && self.adj(i) && self.punct(i + 1, '\'')
    }
    fn is_punct(&self, i: usize) -> bool {
        self.t.get(i).is_none_or(|t| t.kind == Kind::Punct)
    }
    /// Token i and i+1 touch (no whitespace between).
    fn adj(&self, i: usize) -> bool {
        i + 1 < self.n() && self.t[i].e == self.t[i + 1].s
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    /// Value of a plain number token of at most 9 digits.
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.e - t.s > 9 {
            return None;
        }
        self.text[t.s..t.e].parse().ok()
    }
    fn ndigits(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| if t.kind == Kind::Num { t.e - t.s } else { 0 })
    }
    /// A number token that is part of a larger figure ("1,000", "3.5", "10-15").
    fn in_figure(&self, i: usize) -> bool {
        let before = i >= 2
            && self.adj(i - 1)
            && self.adj(i - 2)
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.t[i - 2].kind == Kind::Num;
        let after = self.adj(i)
            && self.adj(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Num);
        let money = i >= 1 && self.adj(i - 1) && (self.punct(i - 1, '$') || self.txt(i - 1) == "£" || self.txt(i - 1) == "€");
        before || after || money
    }

    fn trigger(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.kind == Kind::Num || t.lex != Lex::None || (t.kind == Kind::Punct && self.punct(i, '\''))
    }

    // ---------------------------------------------------------------- driver

    fn scan(&mut self) {
        let mut i = 0;
        while i < self.n() {
            if !self.trigger(i) || self.generic_today(i) {
                i += 1;
                continue;
            }
            let best = [
                self.p_datetime(i),
                self.p_relative(i),
                self.p_quarter(i),
                self.p_duration(i),
                self.p_set(i),
                self.p_ref(i),
                self.p_news(i),
                self.p_extra(i),
            ]
            .into_iter()
            .flatten()
            .max_by_key(|c| (c.e, std::cmp::Reverse(c.s)));
            match best {
                Some(c) if c.e > i && self.title(c.s, c.e) => i = c.e,
                Some(mut c) if c.e > i => {
                    i = c.e;
                    self.approximator(&mut c);
                    self.emit(c);
                }
                _ => i += 1,
            }
        }
    }

    /// "today" that is no day: a name ("USA Today", "VOA Today") or the generic present
    /// ("today's youth", "in today's world", "today's personal computers" = nowadays).
    fn generic_today(&self, i: usize) -> bool {
        if !self.kw(i, Kw::Today) {
            return false;
        }
        if self.cap(i) && i > 0 && self.cap(i - 1) && self.t[i - 1].kind == Kind::Word && !self.is_punct(i - 1) && self.lex(i - 1) == Lex::None {
            return true;
        }
        const GENERIC: &[&str] = &[
            "world", "youth", "society", "generation", "generations", "young", "youngsters", "children", "kids", "teenagers",
            "families", "standards", "technology", "culture", "personal", "modern", "consumers", "students", "parents",
        ];
        self.punct(i + 1, '\'') && self.word(i + 2, "s") && GENERIC.iter().any(|g| self.word(i + 3, g))
    }

    /// A title that reads like a time: "This Week" (a TV show) in quotation marks, CBS's
    /// "60 Minutes", "High Noon": capitalized words inside quotes or after a capitalized word,
    /// ending in a capitalized unit, mid-sentence.
    fn title(&self, s: usize, e: usize) -> bool {
        let last = e - 1;
        let unit_cap = self.cap(last) && (matches!(self.lex(last), Lex::Unit(..)) || self.kw(last, Kw::Noon));
        if !unit_cap || s == 0 || !(s..e).all(|k| self.cap(k) || self.t[k].kind == Kind::Num) {
            return false;
        }
        let p = s - 1;
        let opens = |p: usize| self.t[p].kind == Kind::Punct && matches!(self.text[self.t[p].s..].chars().next(), Some('"' | '“' | '`' | '\'')) && self.adj(p);
        let opening = opens(p);
        let name_before = self.t[p].kind == Kind::Word && self.cap(p) && self.lex(p) == Lex::None && p > 0 && (!self.is_punct(p - 1) || opens(p - 1));
        opening || name_before
    }

    /// Quantity hedges that TimeML puts inside the extent: "nearly two years", "more than
    /// four hours", "at least 20 days", "around 7:15 p.m.". ("about", "over" and "almost"
    /// are mostly left outside in TimeBank/AQUAINT, so we leave them too.)
    fn approximator(&self, c: &mut Cand) {
        // Scheduling text: open intervals and hedges belong to the expression ("after 2 pm",
        // "until 2:00pm", "sometime before 2014", "around next week").
        if self.opts.default_tense == Tense::Future && c.s > 0 {
            let p = c.s - 1;
            // "by the end of the month": from now until then
            if self.word(p, "by") && c.kind == TimexType::Date && c.range_end.is_none() && c.value.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                if let (Some(d), Some((h, m))) = (self.dct, self.dct_tm) {
                    c.s = p;
                    c.range_end = Some(std::mem::replace(&mut c.value, format!("{}T{:02}:{:02}:00", d.fmt(), h, m)));
                    c.modifier = None;
                    c.point = None;
                    return;
                }
            }
            if matches!(self.lex(p), Lex::Kw(Kw::After | Kw::Since | Kw::Before | Kw::Until | Kw::Through)) || self.word(p, "around") || self.word(p, "about") || self.word(p, "approximately") || self.word(p, "during") {
                c.s = p;
                if p > 0 && (self.word(p - 1, "anytime") || self.word(p - 1, "sometime") || self.word(p - 1, "sometimes")) {
                    c.s = p - 1;
                }
                return;
            }
        }
        if c.s == 0 || !matches!(c.kind, TimexType::Duration | TimexType::Time) && !self.kw(c.e - 1, Kw::Ago) {
            return;
        }
        let s = c.s;
        let (m, n) = if self.word(s - 1, "nearly") {
            ("LESS_THAN", 1)
        } else if self.word(s - 1, "around") {
            ("APPROX", 1)
        } else if s >= 2 && self.word(s - 1, "than") && self.word(s - 2, "more") {
            ("MORE_THAN", 2)
        } else if s >= 2 && self.word(s - 1, "than") && (self.word(s - 2, "less") || self.word(s - 2, "fewer")) {
            ("LESS_THAN", 2)
        } else if s >= 2 && self.word(s - 1, "to") && self.word(s - 2, "up") {
            ("EQUAL_OR_LESS", 2)
        } else if s >= 2 && self.word(s - 1, "least") && self.word(s - 2, "at") {
            ("EQUAL_OR_MORE", 2)
        } else {
            return;
        };
        c.s -= n;
        c.modifier.get_or_insert(m);
    }

    fn emit(&mut self, c: Cand) {
        let idx = self.out.len();
        // "the quarter ended Sept. 30": the date only closes the period just named, which
        // stays the reference for what follows ("a year ago" = that quarter a year before)
        let closes_period = c.s >= 2
            && (self.word(c.s - 1, "ended") || self.word(c.s - 1, "ending"))
            && (matches!(self.lex(c.s - 2), Lex::Unit(Unit::Quarter | Unit::Year, false)) || self.word(c.s - 2, "period"))
            && self.last.is_some_and(|(p, _)| matches!(p.gran, Gran::Quarter | Gran::Half));
        if let Some(p) = c.point.filter(|_| !c.comparison && !closes_period) {
            self.last = Some((p, idx));
        }
        let (start, end) = (self.t[c.s].s, self.t[c.e - 1].e);
        self.out.push(Timex {
            start,
            end,
            kind: c.kind,
            value: c.value,
            modifier: c.modifier.map(str::to_string),
            range_end: c.range_end,
            anchor: c.anchor,
        });
    }

    // ---------------------------------------------------------------- tense

    /// Tense of the clause around tokens [s, e): the nearest auxiliary or past-tense verb,
    /// looking back to the sentence start and a few tokens ahead.
    fn tense(&self, s: usize, e: usize) -> Tn {
        if self.deferred(s) {
            return Tn::Future;
        }
        self.marked_tense(s, e).unwrap_or(self.default_tn())
    }

    /// A comparison of figures earlier in the sentence: "compared with", "from", "versus".
    fn comparing(&self, s: usize) -> bool {
        let mut i = s;
        while i > 0 && s - i < 15 {
            i -= 1;
            if self.punct(i, '.') || self.punct(i, ';') {
                return false;
            }
            if ["compared", "from", "versus", "vs", "against"].iter().any(|w| self.word(i, w)) {
                return true;
            }
        }
        false
    }

    /// "postponed until Tuesday morning", "has given the relatives until 9 a.m. Tuesday",
    /// "extended its deadline until ...": a deadline set by a verb of deferral lies ahead,
    /// whatever the verb's tense ("not until Tuesday", "up until Thursday" do not count).
    fn deferred(&self, s: usize) -> bool {
        let Some(u) = (s.saturating_sub(3)..s).rev().find(|&i| self.word(i, "until") || self.word(i, "till")) else { return false };
        const STEMS: &[&str] = &["postpon", "delay", "defer", "extend", "adjourn", "grant", "gave", "give", "put off"];
        (u.saturating_sub(4)..u).any(|i| {
            let w = self.txt(i).to_ascii_lowercase();
            self.t[i].kind == Kind::Word && STEMS.iter().any(|st| w.starts_with(st))
        })
    }

    fn marked_tense(&self, s: usize, e: usize) -> Option<Tn> {
        // "since Oct. 23", "since shortly after the Oct. 23 slaying": a starting point that
        // lies behind the clause's present, whatever its verb
        const SINCE_GAP: &[&str] = &["shortly", "just", "soon", "after", "the", "early", "late", "mid", "around"];
        if let Some(sn) = (s.saturating_sub(5)..s).rev().find(|&i| self.kw(i, Kw::Since)) {
            if (sn + 1..s).all(|i| SINCE_GAP.iter().any(|w| self.word(i, w))) {
                return Some(Tn::Past);
            }
        }
        let marker = |i: usize| -> Option<Tn> {
            let t = &self.t[i];
            if t.kind != Kind::Word {
                return None;
            }
            let w = self.txt(i);
            let lw = |x: &str| w.eq_ignore_ascii_case(x);
            if lw("will") || lw("shall") || lw("ll") || lw("gonna") || lw("upcoming")
                || lw("scheduled") || lw("expected") || lw("expects")
                // "plans to" (the verb), not "vacation plans"
                || (lw("plans") && self.word(i + 1, "to"))
                || (lw("going") && self.word(i + 1, "to"))
                || lw("planning") || lw("slated")
                || (lw("supposed") && self.word(i + 1, "to"))
                || ((lw("set") || lw("due")) && (self.word(i + 1, "to") || self.word(i + 1, "for")) && !(i > 0 && self.word(i - 1, "been")))
                || (lw("wo") && self.punct(i + 1, '\''))
                // "as soon as Tuesday", "as early as Monday"
                || (lw("as") && i > 0 && (self.word(i - 1, "soon") || self.word(i - 1, "early")))
                // "planned to leave", "is to resume", "intends to"
                // "planned to leave", not "the hastily planned trip"
                || lw("planned") && !(i > 0 && (self.txt(i - 1).to_ascii_lowercase().ends_with("ly") || ["a", "an", "the", "its", "their", "his", "her"].iter().any(|d| self.word(i - 1, d))))
                || lw("would")
                || ((lw("plan") || lw("intends") || lw("intend") || lw("is") || lw("are")) && self.word(i + 1, "to"))
            {
                return Some(Tn::Future);
            }
            if lw("is") || lw("are") || lw("am") || lw("says") || lw("say") {
                return Some(Tn::Present);
            }
            // "were planning to", "was going to", "was scheduled for": the future seen from
            // the past; the verb after the auxiliary decides
            if (lw("was") || lw("were")) && ["planning", "going", "scheduled", "due", "expected", "slated"].iter().any(|x| self.word(i + 1, x)) {
                return None;
            }
            if lw("was") || lw("were") || lw("had") || lw("did") || lw("said") || lw("told")
                || lw("ago") || lw("came") || lw("went") || lw("took") || lw("gave") || lw("made")
                || lw("met") || lw("spoke") || lw("began") || lw("won") || lw("lost") || lw("saw")
                || lw("left") || lw("held") || lw("became") || lw("fell") || lw("rose")
                || IRREGULAR_PAST.iter().any(|x| lw(x)) && !(i > 0 && (self.word(i - 1, "be") || self.word(i - 1, "is") || self.word(i - 1, "are")))
            {
                return Some(Tn::Past);
            }
            let b = w.as_bytes();
            // "will be named": a passive participle carries no tense of its own
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") && i > 0 && (self.word(i - 1, "be") || self.word(i - 1, "is") || self.word(i - 1, "are")) {
                return None;
            }
            // an attributive participle is an adjective: "a still unspecified date", "the
            // undisclosed sum", "its revised forecast"
            const DET: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"];
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
                && (b[..2].eq_ignore_ascii_case(b"un") || i > 0 && DET.iter().any(|d| self.word(i - 1, d)) || i > 1 && self.word(i - 1, "still") && DET.iter().any(|d| self.word(i - 2, d)))
            {
                return None;
            }
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") {
                const NOT_PAST: &[&str] = &["hundred", "indeed", "united", "proceed", "exceed", "succeed", "speed", "need", "based"];
                if !NOT_PAST.iter().any(|x| lw(x)) {
                    return Some(Tn::Past);
                }
            }
            None
        };
        // a decimal point ("$29.75 in March", "rose 4.5% in May") ends no sentence
        let decimal = |i: usize| i > 0 && self.adj(i - 1) && self.adj(i) && self.t[i - 1].kind == Kind::Num && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Num);
        let is_end = |i: usize| self.punct(i, '.') && !decimal(i) || self.punct(i, '!') || self.punct(i, '?') || self.punct(i, ';');
        let mut back = None;
        let mut i = s;
        // a fronted adverbial ("On Tuesday, the league plans to ...") takes the tense of the
        // main clause after it, however long its subject
        let mut fronted = true;
        while i > 0 && s - i < TENSE_WINDOW {
            i -= 1;
            if is_end(i) && !(i > 0 && self.adj(i - 1) && self.t[i - 1].e - self.t[i - 1].s <= 4 && self.cap(i - 1)) {
                break;
            }
            if !(matches!(self.lex(i), Lex::Kw(Kw::On | Kw::In | Kw::At)) || self.word(i, "by")) {
                fronted = false;
            }
            if let Some(m) = marker(i) {
                back = Some((s - i, m));
                break;
            }
        }
        let fronted = fronted && self.punct(e, ',');
        let mut fwd = None;
        let mut j = e;
        while j < self.n() && j - e < if fronted { 16 } else { 8 } {
            // a subordinate clause after the expression ("telling reporters on Saturday that
            // the talks will ...") has its own tense; the governing verb is before
            if is_end(j) || self.closes_quote(j) || ["that", "which", "who", "whether", "because"].iter().any(|w| self.word(j, w)) {
                break;
            }
            if let Some(m) = marker(j) {
                fwd = Some((j - e + 1, m));
                break;
            }
            j += 1;
        }
        match (back, fwd) {
            (Some(b), Some(f)) => Some(if f.0 < b.0 { f.1 } else { b.1 }),
            (Some(b), None) => Some(b.1),
            (None, Some(f)) => Some(f.1),
            (None, None) => None,
        }
    }

    fn default_tn(&self) -> Tn {
        match self.opts.default_tense {
            Tense::Past => Tn::Past,
            Tense::Future => Tn::Future,
        }
    }

    // ---------------------------------------------------------------- small parsers

    /// Day of month: "15", "15th", "fifteenth", "twenty-first".
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(d) = self.num(i) {
            if self.ndigits(i) > 2 || !(1..=31).contains(&d) || self.clock_colon(i) || self.in_figure(i) {
                return None;
            }
            if self.adj(i) && ["st", "nd", "rd", "th"].iter().any(|s| self.word(i + 1, s)) {
                return Some((d, i + 2));
            }
            if self.adj(i) && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word) {
                return None;
            }
            return Some((d, i + 1));
        }
        match self.lex(i) {
            Lex::Ord(d) if d <= 31 => Some((d, i + 1)),
            Lex::Card(20) | Lex::Card(30) if self.punct(i + 1, '-') => match self.lex(i + 2) {
                Lex::Ord(u) if u < 10 => {
                    let Lex::Card(t) = self.lex(i) else { return None };
                    (t + u <= 31).then_some((t + u, i + 3))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Number token i is the hour of "10:30".
    fn clock_colon(&self, i: usize) -> bool {
        self.punct(i + 1, ':') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2
    }

    /// Four-digit year (1000..2999) or "'98".
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if self.ndigits(i) == 4 && !self.in_figure(i) {
            let y = self.num(i)? as i32;
            return (1000..3000).contains(&y).then_some((y, i + 1));
        }
        if self.punct(i, '\'') && self.adj(i) && self.ndigits(i + 1) == 2 && !(self.adj(i + 1) && self.word(i + 2, "s")) {
            let y = self.num(i + 1)? as i32;
            return Some((if y < 30 { 2000 + y } else { 1900 + y }, i + 2));
        }
        None
    }

    /// A year in words: "nineteen ninety-six", "nineteen oh five", "nineteen hundred",
    /// "two thousand", "two thousand and ten", "two thousand eighteen".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let card = |k: usize| match self.lex(k) {
            Lex::Card(n) => Some(n),
            _ => None,
        };
        // tens [-units] or 10..19
        let below_100 = |k: usize| -> Option<(u32, usize)> {
            let t = card(k)?;
            if (10..20).contains(&t) || (1..10).contains(&t) {
                return Some((t, k + 1));
            }
            if t % 10 != 0 || !(20..100).contains(&t) {
                return None;
            }
            let k2 = if self.punct(k + 1, '-') { k + 2 } else { k + 1 };
            match card(k2) {
                Some(u) if (1..10).contains(&u) => Some((t + u, k2 + 1)),
                _ => Some((t, k + 1)),
            }
        };
        let c = card(i)?;
        if c == 2 && self.kw(i + 1, Kw::Thousand) {
            let k = if self.word(i + 2, "and") { i + 3 } else { i + 2 };
            return Some(match below_100(k) {
                Some((n, e)) => (2000 + n as i32, e),
                None => (2000, i + 2),
            });
        }
        if !(11..=20).contains(&c) {
            return None;
        }
        if self.kw(i + 1, Kw::Hundred) {
            return Some((c as i32 * 100, i + 2));
        }
        if self.word(i + 1, "oh") {
            let u = card(i + 2).filter(|u| (1..10).contains(u))?;
            return Some((c as i32 * 100 + u as i32, i + 3));
        }
        let (n, e) = below_100(i + 1).filter(|&(n, _)| n >= 10)?;
        Some((c as i32 * 100 + n as i32, e))
    }

    /// A month name; abbreviations need a following "." or number.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Month(m) => Some((m, i + 1)),
            Lex::MonthAbbr(m) => {
                if self.punct(i + 1, '.') && self.adj(i) {
                    Some((m, i + 2))
                } else if self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Num) && (self.cap(i) || self.adj(i)) {
                    Some((m, i + 1))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A weekly SET ("every Monday", "Mondays") over tokens [s, e), with the
    /// part of day when one follows ("Monday mornings": XXXX-WXX-1TMO).
    fn weekly(&self, s: usize, mut e: usize, w: u32) -> Cand {
        let mut v = format!("XXXX-WXX-{w}");
        if let Lex::Pod(p) = self.lex(e) {
            v.push('T');
            v.push_str(p);
            e += 1;
        }
        Cand::new(s, e, TimexType::Set, v)
    }

    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Weekday(w, false) => Some((w, i + 1)),
            Lex::WeekdayAbbr(w) if self.punct(i + 1, '.') && self.adj(i) => Some((w, i + 2)),
            Lex::WeekdayAbbr(w) if self.sched() && self.alone(i, i + 1) => Some((w, i + 1)),
            _ => None,
        }
    }

    /// Tokens [i, j) form the whole phrase: nothing but punctuation around them.
    fn alone(&self, i: usize, j: usize) -> bool {
        (i == 0 || self.is_punct(i - 1) && !self.punct(i - 1, '\'')) && (j >= self.n() || self.is_punct(j) && !self.punct(j, '\''))
    }

    /// Optional ", YEAR" / " YEAR" after a month or day.
    fn opt_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.punct(i, ',') { i + 1 } else { i };
        if let Some((y, e)) = self.spelled_year(j) {
            return (Some(y), e);
        }
        match self.year(j) {
            Some((y, k)) if !(self.punct(k, ':') || self.adj(j) && self.word(k, "s")) => (Some(y), k),
            _ => (None, i),
        }
    }

    /// A calendar date: month–day(–year), day–month(–year), month–year, numeric formats,
    /// optionally preceded by a weekday ("Monday, May 19").
    fn spec(&self, i: usize) -> Option<(Spec, usize)> {
        // "Thu 15th", "Wed, Feb13": abbreviations without a dot only before a date.
        if let Lex::WeekdayAbbr(wd) = self.lex(i) {
            if !self.punct(i + 1, '.') {
                let k = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
                match self.spec_date(k, false) {
                    Some((mut sp, e)) if sp.d.is_some() => {
                        sp.wd = Some(wd);
                        return Some((sp, e));
                    }
                    _ if self.sched() && self.alone(i, i + 1) => {}
                    _ => return None,
                }
            }
        }
        if let Some((wd, j)) = self.weekday(i) {
            let k = if self.punct(j, ',') { j + 1 } else { j };
            if let Some((mut sp, e)) = self.spec_date(k, true) {
                if sp.d.is_some() {
                    sp.wd = Some(wd);
                    return Some((sp, e));
                }
            }
            return Some((Spec { wd: Some(wd), ..Spec::default() }, j));
        }
        // "Jul 18, Fri": a trailing weekday fixes the year too
        let (mut sp, e) = self.spec_date(i, true)?;
        if sp.d.is_some() && sp.y.is_none() && self.punct(e, ',') {
            let wd = match self.lex(e + 1) {
                Lex::Weekday(w, false) | Lex::WeekdayAbbr(w) => Some(w),
                _ => None,
            };
            if let Some(w) = wd {
                if e + 2 >= self.n() || self.is_punct(e + 2) {
                    sp.wd = Some(w);
                    return Some((sp, e + 2));
                }
            }
        }
        Some((sp, e))
    }

    fn spec_date(&self, i: usize, allow_bare_month: bool) -> Option<(Spec, usize)> {
        // Month first: "May 19", "May 19th, 2025", "February the 15th", "May 2025".
        if let Some((m, j)) = self.month(i) {
            let jd = if self.kw(j, Kw::The) { j + 1 } else { j };
            if let Some((d, k)) = self.day_num(jd) {
                if d <= calendar::days_in_month(2000, m) && !(self.adj(jd) && self.punct(jd + 1, '%')) {
                    let (y, e) = self.opt_year(k);
                    return Some((Spec { y, m: Some(m), d: Some(d), wd: None }, e));
                }
            }
            let (y, e) = self.opt_year(if self.kw(j, Kw::Of) { j + 1 } else { j });
            if y.is_some() {
                return Some((Spec { y, m: Some(m), ..Spec::default() }, e));
            }
            if allow_bare_month && self.bare_month_ok(i, j) {
                return Some((Spec { m: Some(m), ..Spec::default() }, j));
            }
            return None;
        }
        // Day first: "19 May 2025", "the 4th of July", "14april 2015".
        {
            let jd = if self.kw(i, Kw::The) { i + 1 } else { i };
            if let Some((d, k)) = self.day_num(jd).or_else(|| {
                // "14april": digits glued to a month name
                let d = self.num(jd)?;
                (self.ndigits(jd) <= 2 && self.adj(jd) && matches!(self.lex(jd + 1), Lex::Month(_))).then_some((d, jd + 1))
            }) {
                let k2 = if self.kw(k, Kw::Of) { k + 1 } else { k };
                // "26th Oct", "19 aug": an abbreviation right after a day number is the month
                let bare_abbr = match self.lex(k2) {
                    Lex::MonthAbbr(m) if self.t.get(jd).is_some_and(|t| t.kind == Kind::Num) && !self.word(k2, "mar") => Some((m, k2 + 1)),
                    _ => None,
                };
                if let Some((m, e)) = self.month(k2).or(bare_abbr) {
                    if d <= calendar::days_in_month(2000, m) && (self.lex(jd) != Lex::Ord(2) || k2 > k) {
                        let (y, e) = self.opt_year(e);
                        return Some((Spec { y, m: Some(m), d: Some(d), wd: None }, e));
                    }
                }
            }
        }
        self.numeric_date(i).or_else(|| self.bare_year(i))
    }

    /// A four-digit number standing alone is a year unless it measures something.
    fn bare_year(&self, i: usize) -> Option<(Spec, usize)> {
        if self.ndigits(i) != 4 {
            return None;
        }
        let (y, e) = self.year(i)?;
        let figure_next = self.adj(i) && !self.is_punct(e) || self.punct(e, '%') || self.punct(e, ':') || (self.punct(e, '-') || self.punct(e, '/')) && self.adj(i) && self.ndigits(e + 1) > 0 && self.ndigits(e + 1) != 4;
        let prev_figure = i > 0 && self.adj(i - 1) && (self.t[i - 1].kind == Kind::Num || self.punct(i - 1, '$') || self.punct(i - 1, '#') || self.punct(i - 1, '-') && i > 1 && self.ndigits(i - 2) > 0 && self.ndigits(i - 2) != 4);
        if !(1800..=2100).contains(&y) || figure_next || prev_figure || is_measure_word(self.txt(e)) {
            return None;
        }
        Some((Spec { y: Some(y), ..Spec::default() }, e))
    }

    /// Is a month name standing alone really the month? Rejects "may" the verb, "protesters
    /// march", names ("April Jones") and other non-temporal uses.
    fn bare_month_ok(&self, i: usize, j: usize) -> bool {
        let Lex::Month(m) = self.lex(i) else { return false };
        // scheduling text: a month name standing alone as the whole phrase
        if self.sched() && self.cap(i) && self.alone(i, j) {
            return true;
        }
        let prev_temporal = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Kw(Kw::In | Kw::Since | Kw::Until | Kw::Through | Kw::From | Kw::To | Kw::Of | Kw::Early | Kw::Late
                    | Kw::Mid | Kw::Last | Kw::Next | Kw::This | Kw::Before | Kw::After | Kw::Between | Kw::On | Kw::End
                    | Kw::Beginning | Kw::Start | Kw::Middle | Kw::Every | Kw::Each | Kw::Coming | Kw::Past)
            ) || self.word(i - 1, "by")
                || self.word(i - 1, "during")
                || self.word(i - 1, "and")
                || self.word(i - 1, "or")
                || (self.punct(i - 1, '-') && self.adj(i - 1)));
        if m == 5 || m == 3 {
            // Both are common English words; demand a capital and a temporal context.
            return self.cap(i) && (prev_temporal || (self.punct(j, '.') || self.punct(j, ',')) && i > 0 && self.word(i - 1, "in"));
        }
        if !self.cap(i) {
            return prev_temporal;
        }
        // "August Wilson": a following capitalized word that is not itself temporal.
        let next_name = self.cap(j) && self.t[j].kind == Kind::Word && self.lex(j) == Lex::None;
        prev_temporal || !next_name
    }

    /// Numeric dates: 2025-05-19, 5/19/2025, 5/19/25, 19.05.2025, 20250519, 2/15, 2014-10.
    fn numeric_date(&self, i: usize) -> Option<(Spec, usize)> {
        let a = self.num(i)?;
        let da = self.ndigits(i);
        // year-month "2014-10", "2014/03": zero-padded month, nothing glued around
        if da == 4 && (1900..2100).contains(&a) && (self.punct(i + 1, '-') || self.punct(i + 1, '/')) && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2 {
            let m = self.num(i + 2)?;
            let glued_before = i > 0 && self.adj(i - 1) && !self.punct(i - 1, '(');
            let glued_after = self.adj(i + 2) && !self.is_punct(i + 3) || self.adj(i + 2) && (self.punct(i + 3, '-') || self.punct(i + 3, '/') || self.punct(i + 3, '.') && self.ndigits(i + 4) > 0);
            if (1..=12).contains(&m) && self.txt(i + 2).starts_with('0') || (10..=12).contains(&m) {
                if !glued_before && !glued_after && !(self.punct(i + 1, '-') && m >= 10 && !self.sched()) {
                    return Some((Spec { y: Some(a as i32), m: Some(m), d: None, wd: None }, i + 3));
                }
            }
        }
        if da == 8 && !self.in_figure(i) {
            let (y, m, d) = ((a / 10000) as i32, a / 100 % 100, a % 100);
            return ((1900..2100).contains(&y) && calendar::valid_date(y, m, d) && !self.adj(i))
                .then_some((Spec { y: Some(y), m: Some(m), d: Some(d), wd: None }, i + 1));
        }
        let sep = |k: usize| -> Option<char> {
            ['-', '/', '.'].into_iter().find(|&c| self.punct(k, c) && self.adj(k - 1) && self.adj(k))
        };
        let s1 = sep(i + 1)?;
        let b = self.num(i + 2)?;
        let db = self.ndigits(i + 2);
        let s2 = sep(i + 3).filter(|&c| c == s1);
        let c = s2.and_then(|_| self.num(i + 4));
        let dc = self.ndigits(i + 4);
        if i > 0 && self.adj(i - 1) && matches!(self.t[i - 1].kind, Kind::Num | Kind::Punct) && !self.punct(i - 1, '(') {
            return None;
        }
        if let Some(c) = c {
            if s2.is_some() && self.adj(i + 4) && (self.punct(i + 5, s1) || self.t.get(i + 5).is_some_and(|t| t.kind == Kind::Num)) {
                return None;
            }
            let (y, m, d) = if da == 4 {
                (a as i32, b, c)
            } else if dc == 4 || dc == 2 {
                let y = if dc == 2 { if c < 30 { 2000 + c as i32 } else { 1900 + c as i32 } } else { c as i32 };
                // month first (US) unless the first number cannot be a month
                if a > 12 { (y, b, a) } else { (y, a, b) }
            } else {
                return None;
            };
            return calendar::valid_date(y, m, d).then_some((Spec { y: Some(y), m: Some(m), d: Some(d), wd: None }, i + 5));
        }
        // "2/15": month/day without a year, only with '/' and a plausible day.
        if s1 == '/' && da <= 2 && db <= 2 && (1..=12).contains(&a) && (1..=31).contains(&b) && (b > 12 || i > 0 && self.kw(i - 1, Kw::On)) {
            if self.adj(i + 2) && !self.is_punct(i + 3) || self.kw(i + 3, Kw::Of) {
                return None;
            }
            return Some((Spec { m: Some(a), d: Some(b), ..Spec::default() }, i + 3));
        }
        None
    }

    /// Clock time: "10:30", "10 a.m.", "3pm", "15h30", "noon", "10 o'clock" with an optional
    /// time zone and "in the morning".
    fn time(&self, i: usize) -> Option<(Tod, usize)> {
        if let Some(r) = self.time_words(i) {
            return Some(r);
        }
        self.time_plain(i)
    }

    fn time_plain(&self, i: usize) -> Option<(Tod, usize)> {
        let (mut h, mut m, mut s, mut j, explicit);
        if self.kw(i, Kw::Noon) || self.kw(i, Kw::Midday) {
            return Some((Tod::Hm(12, 0, None), i + 1));
        }
        if self.kw(i, Kw::Midnight) {
            return Some((Tod::Hm(24, 0, None), i + 1));
        }
        let a = self.num(i)?;
        if self.in_figure(i) && !self.punct(i + 1, '.') {
            return None;
        }
        let da = self.ndigits(i);
        if self.punct(i + 1, ':') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2 && da <= 2 {
            h = a;
            m = self.num(i + 2)?;
            s = None;
            j = i + 3;
            if self.punct(j, ':') && self.adj(j - 1) && self.adj(j) && self.ndigits(j + 1) == 2 {
                s = self.num(j + 1);
                j += 2;
            }
            explicit = true;
        } else if self.adj(i) && self.word(i + 1, "h") && da <= 2 {
            // European "15h30", "16h"
            h = a;
            m = 0;
            s = None;
            j = i + 2;
            if self.adj(i + 1) && self.ndigits(i + 2) == 2 {
                m = self.num(i + 2)?;
                j = i + 3;
            }
            explicit = true;
        } else if da == 3 || da == 4 {
            h = a / 100;
            m = a % 100;
            s = None;
            j = i + 1;
            explicit = false;
        } else if da <= 2 {
            h = a;
            m = 0;
            s = None;
            j = i + 1;
            explicit = false;
        } else {
            return None;
        }
        if h > 24 || m > 59 || s.is_some_and(|s| s > 59) {
            return None;
        }
        let mut ok = explicit;
        if let Some((pm, k)) = self.ampm(j) {
            if h > 12 || h == 0 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
            j = k;
            ok = true;
        } else if self.kw(j, Kw::Oclock) && da <= 2 {
            j += 1;
            ok = true;
            if let Some((pm, k)) = self.ampm(j) {
                if pm && h < 12 {
                    h += 12;
                }
                j = k;
            }
        }
        if !ok && da <= 2 && (1..=12).contains(&h) && self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            // "3 in the morning", "8 in the evening", "3 in the AM"
            if matches!(self.lex(j + 2), Lex::Pod(_)) {
                ok = true;
            } else if let Some((pm, k)) = self.ampm(j + 2) {
                if pm && h < 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
                return Some((Tod::Hm(h, m, s), k));
            }
        }
        if !ok && (da == 3 || da == 4) && self.sched() && !self.adj(i) && i > 0 && (self.kw(i - 1, Kw::At) || self.word(i - 1, "around") || self.word(i - 1, "approximately") || self.kw(i - 1, Kw::Tonight)) {
            // "at 1030", "tonight 815" in scheduling text
            ok = true;
            if i > 0 && self.kw(i - 1, Kw::Tonight) && h < 12 {
                h += 12;
            }
        }
        if !ok || (da == 3 || da == 4) && j == i + 1 && !(self.sched() && !self.adj(i) && i > 0 && (self.kw(i - 1, Kw::At) || self.word(i - 1, "around") || self.word(i - 1, "approximately") || self.kw(i - 1, Kw::Tonight))) {
            return None;
        }
        // "3 in the morning / afternoon / evening" ("in afternoon" in scheduling text)
        if self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            if let Lex::Pod(p) = self.lex(j + 2) {
                if p != "MO" && h < 12 {
                    h += 12;
                }
                j += 3;
            }
        } else if self.kw(j, Kw::In) && self.sched() {
            if let Lex::Pod(p) = self.lex(j + 1) {
                if p != "MO" && h < 12 {
                    h += 12;
                }
                j += 2;
            }
        }
        // Time zone abbreviations are part of the expression ("4pm CET", "9 am (BST)"); with
        // a known DCT offset the time is converted to the DCT's zone.
        const TZ: &[(&str, i32)] = &[
            ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420), ("MDT", -360), ("PST", -480), ("PDT", -420),
            ("GMT", 0), ("UTC", 0), ("BST", 60), ("CET", 60), ("CEST", 120), ("ET", -300), ("PT", -480), ("IST", 330),
        ];
        let paren = self.punct(j, '(') && self.punct(j + 2, ')');
        let k = if paren { j + 1 } else { j };
        let zone = self.t.get(k).filter(|t| t.kind == Kind::Word).and_then(|_| TZ.iter().find(|z| z.0.eq_ignore_ascii_case(self.txt(k))));
        // lower-case "ist"/"et"/"pt" are words; only accept them capitalized or in scheduling text
        if let Some(&(_, off)) = zone.filter(|z| self.cap(k) || self.sched() && z.0.len() == 3) {
            if !paren || self.opts.utc_offset_min.is_some() {
                j = if paren { k + 2 } else { k + 1 };
                if let Some(dct_off) = self.opts.utc_offset_min {
                    let t = (h * 60 + m) as i32 - off + dct_off;
                    if (0..24 * 60).contains(&t) {
                        (h, m) = (t as u32 / 60, t as u32 % 60);
                    }
                }
            }
        }
        Some((Tod::Hm(h, m, s), j))
    }

    /// "am", "pm", "a.m.", "p.m", and a bare "a"/"p" glued to the number.
    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        let w = self.txt(j);
        if self.t.get(j).is_none_or(|t| t.kind != Kind::Word) {
            return None;
        }
        let pm = if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("a") {
            false
        } else if w.eq_ignore_ascii_case("pm") || w.eq_ignore_ascii_case("p") {
            true
        } else {
            return None;
        };
        if w.len() == 2 {
            let k = if self.punct(j + 1, '.') && self.adj(j) { j + 2 } else { j + 1 };
            return Some((pm, k));
        }
        if w.len() == 1 && self.word(j + 1, "m") && !self.adj(j) && j > 0 && matches!(self.lex(j - 1), Lex::Card(_)) || self.t.get(j - 1).is_some_and(|t| t.kind == Kind::Num) && w.len() == 1 && self.word(j + 1, "m") {
            // "nine fifty nine a m"
            return Some((pm, j + 2));
        }
        if self.punct(j + 1, '.') && self.adj(j) && self.word(j + 2, "m") && self.adj(j + 1) {
            let k = if self.punct(j + 3, '.') && self.adj(j + 2) { j + 4 } else { j + 3 };
            return Some((pm, k));
        }
        // "3p", "3:18a": only when glued to the number ("4a" is more often a label)
        let k = if self.punct(j + 1, '.') && self.adj(j) && (j + 2 >= self.n() || !self.adj(j + 1)) { j + 2 } else { j + 1 };
        (j > 0 && self.adj(j - 1) && self.t[j - 1].kind == Kind::Num && (pm || j >= 3 && self.punct(j - 2, ':'))).then_some((pm, k))
    }

    /// Cardinal quantity: digits, number words ("twenty-four"), "a", "a few", "several".
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        let (q, mut j) = if let Some(n) = self.num(i) {
            if self.in_figure(i) && !(self.adj(i) && self.punct(i + 1, ',')) {
                return None;
            }
            // "1,000"-style groups
            let mut n = n as u64;
            let mut j = i + 1;
            while self.adj(j - 1) && self.punct(j, ',') && self.adj(j) && self.ndigits(j + 1) == 3 && n < 1_000_000 {
                n = n * 1000 + self.num(j + 1)? as u64;
                j += 2;
            }
            (Qty::N(n.min(u32::MAX as u64) as u32), j)
        } else {
            match self.lex(i) {
                Lex::Card(n) => {
                    let mut n = n;
                    let mut j = i + 1;
                    if n >= 20 && n % 10 == 0 {
                        let k = if self.punct(j, '-') { j + 1 } else { j };
                        if let Lex::Card(u) = self.lex(k) {
                            if u < 10 {
                                n += u;
                                j = k + 1;
                            }
                        }
                    }
                    if self.kw(j, Kw::Hundred) {
                        n *= 100;
                        j += 1;
                    }
                    (Qty::N(n), j)
                }
                Lex::Kw(Kw::A) => {
                    if self.kw(i + 1, Kw::Few) {
                        (Qty::X, i + 2)
                    } else if self.kw(i + 1, Kw::Couple) {
                        (Qty::N(2), if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 })
                    } else if self.kw(i + 1, Kw::Dozen) {
                        (Qty::N(12), i + 2)
                    } else if self.kw(i + 1, Kw::Hundred) {
                        // "for almost a hundred years"
                        (Qty::N(100), i + 2)
                    } else {
                        (Qty::N(1), i + 1)
                    }
                }
                Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => (Qty::X, i + 1),
                Lex::Kw(Kw::Dozen) => (Qty::N(12), i + 1),
                // "over the next couple of years"
                Lex::Kw(Kw::Couple) if self.word(i, "couple") && self.kw(i + 1, Kw::Of) => (Qty::N(2), i + 2),
                _ => return None,
            }
        };
        // "2 1/2"
        if let Qty::N(n) = q {
            if self.num(j) == Some(1) && self.punct(j + 1, '/') && self.adj(j) && self.adj(j + 1) && self.num(j + 2) == Some(2) && j > i && !self.adj(j - 1) {
                return Some((Qty::Half(n), j + 3));
            }
        }
        // "two and a half"
        let mut q = q;
        if let Qty::N(n) = q {
            if self.kw(j, Kw::And) && self.kw(j + 1, Kw::A) && self.kw(j + 2, Kw::Half) {
                q = Qty::Half(n);
                j += 3;
            }
        }
        Some((q, j))
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        match self.lex(i) {
            // "week-end"
            Lex::Unit(Unit::Week, false) if self.punct(i + 1, '-') && self.adj(i) && self.adj(i + 1) && self.kw(i + 2, Kw::End) => Some((Unit::Weekend, false, i + 3)),
            Lex::Unit(u, pl) => Some((u, pl, i + 1)),
            Lex::Ord(2) if self.word(i, "second") && !matches!(self.lex(i + 1), Lex::Unit(..) | Lex::Kw(Kw::Half)) => Some((Unit::Second, false, i + 1)),
            _ => None,
        }
    }

    // ---------------------------------------------------------------- anchoring

    /// The narrative anchor: the latest resolved point, else the DCT.
    fn base(&self) -> Option<(Point, Anchor)> {
        match (self.last, self.dct) {
            (Some((p, k)), _) => Some((p, Anchor::Narrative(k))),
            (None, Some(d)) => Some((d, Anchor::Dct)),
            _ => None,
        }
    }

    /// Year for a month(/day) given without one: the occurrence the tense points to, or
    /// without a tense marker the occurrence nearest to the DCT.
    fn year_for(&self, m: u32, d: Option<u32>, tn: Option<Tn>, rel: Option<Kw>) -> Option<i32> {
        self.year_for_w(m, d, tn, rel, 1.0)
    }

    /// `w`: how many times nearer a later occurrence must be to win when untensed.
    fn year_for_w(&self, m: u32, d: Option<u32>, tn: Option<Tn>, rel: Option<Kw>, w: f64) -> Option<i32> {
        let dct = self.dct?;
        let target = (m, d.unwrap_or(if matches!(rel, Some(Kw::Last)) { 1 } else { 0 }));
        let now = (dct.m, if d.is_some() { dct.d } else { 0 });
        Some(match rel {
            Some(Kw::Last | Kw::Past) => dct.y - (target >= now) as i32,
            Some(Kw::Next | Kw::Coming | Kw::Upcoming) => dct.y + (target <= now) as i32,
            Some(Kw::This) => dct.y,
            _ => match tn {
                Some(Tn::Past) => dct.y - (target > now) as i32,
                Some(Tn::Future) => dct.y + (target < now) as i32,
                Some(Tn::Present) => dct.y,
                None => {
                    let day = |y: i32| calendar::days_from_civil(y, m, d.unwrap_or(15).min(calendar::days_in_month(y, m)));
                    let z = calendar::days_from_civil(dct.y, dct.m, dct.d);
                    let cost = |y: i32| {
                        let d = (day(y) - z) as f64;
                        if d > 0.0 { d * w } else { -d }
                    };
                    [dct.y - 1, dct.y, dct.y + 1].into_iter().min_by(|&a, &b| cost(a).total_cmp(&cost(b)))?
                }
            },
        })
    }

    fn resolve_weekday(&self, wd: u32, rel: Option<Kw>, tn: Tn) -> Res {
        let Some(dct) = self.dct else {
            return Res::open(format!("XXXX-WXX-{}", wd));
        };
        // "the previous Friday", "the following Monday": before/after the day the narrative is
        // at (the reference time), not the DCT ("last Friday", "next Monday").
        if let (Some(Kw::Previous | Kw::Following), Some((lp, idx))) = (rel, self.last) {
            if lp.gran == Gran::Day && lp != dct {
                let lw = calendar::weekday(lp.y, lp.m, lp.d) as i64;
                let off = if rel == Some(Kw::Previous) { -((lw - wd as i64).rem_euclid(7)) } else { (wd as i64 - lw).rem_euclid(7) };
                let off = if off == 0 { if rel == Some(Kw::Previous) { -7 } else { 7 } } else { off };
                if let Some(p) = lp.shift(off, Gran::Day) {
                    return Res::rel(p, Anchor::Narrative(idx));
                }
            }
        }
        let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
        let back = (dw - wd as i64).rem_euclid(7);
        let fwd = (wd as i64 - dw).rem_euclid(7);
        let off = match rel {
            Some(Kw::Last | Kw::Past | Kw::Previous) => -(if back == 0 { 7 } else { back }),
            Some(Kw::Next) if self.sched() => 7 - (dw - 1) + (wd as i64 - 1),
            Some(Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following) => if fwd == 0 { 7 } else { fwd },
            Some(Kw::This) if tn == Tn::Past => -back,
            Some(Kw::This) => fwd,
            _ => match tn {
                Tn::Past => -back,
                Tn::Future => if fwd == 0 { 7 } else { fwd },
                Tn::Present if back == 0 => 0,
                Tn::Present => match self.default_tn() {
                    Tn::Future => fwd,
                    _ => -back,
                },
            },
        };
        match dct.shift(off, Gran::Day) {
            Some(p) => Res::rel(p, Anchor::Dct),
            None => Res::open(format!("XXXX-WXX-{}", wd)),
        }
    }

    fn holiday_date(h: Hol, y: i32) -> (i32, u32, u32) {
        match h {
            Hol::Fixed(m, d) => (y, m, d),
            Hol::Nth(m, wd, n) => calendar::nth_weekday(y, m, wd, n),
            Hol::OrthodoxEaster(off) => {
                // Julian computus (Meeus), then the Julian-Gregorian difference of the century
                let (a, b, c) = (y.rem_euclid(4), y.rem_euclid(7), y.rem_euclid(19));
                let d = (19 * c + 15) % 30;
                let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
                let (m, dd) = (((d + e + 114) / 31) as u32, ((d + e + 114) % 31 + 1) as u32);
                let diff = (y / 100 - y / 400 - 2) as i64;
                calendar::civil_from_days(calendar::days_from_civil(y, m, dd) + diff + off)
            }
            Hol::KingsDay => {
                if calendar::weekday(y, 4, 27) == 7 { (y, 4, 26) } else { (y, 4, 27) }
            }
            Hol::NthPlus(m, wd, n, off) => {
                let (y, m, d) = calendar::nth_weekday(y, m, wd, n);
                calendar::civil_from_days(calendar::days_from_civil(y, m, d) + off)
            }
            Hol::Easter(off) => {
                let (y, m, d) = calendar::easter(y);
                calendar::civil_from_days(calendar::days_from_civil(y, m, d) + off)
            }
            _ => calendar::civil_from_days(Self::holiday_span(h, y).0),
        }
    }

    /// First and last day (days since 1970) of a holiday in Gregorian year `y`.
    fn holiday_span(h: Hol, y: i32) -> (i64, i64) {
        let yy = y as i64;
        // Hebrew year of a month in Gregorian year y: Tishrei..Kislev start the next year.
        let hy = |m: u32| {
            if (7..=9).contains(&m) {
                yy + 3761
            } else {
                yy + 3760
            }
        };
        let one = |z: i64| (z, z);
        match h {
            Hol::Islamic(m, d) => one(lunar::islamic_in_year(y, m as i64, d as i64)),
            Hol::IslamicMonth(m) => {
                let s = lunar::islamic_in_year(y, m as i64, 1);
                let iy = lunar::islamic_year_for(y, m as i64);
                (s, s + lunar::islamic_month_len(iy, m as i64) - 1)
            }
            Hol::IslamicLastFriday => {
                let eid = lunar::islamic_in_year(y, 10, 1);
                let back = (lunar::wd(eid) as i64 - 5 + 6).rem_euclid(7) + 1;
                one(eid - back)
            }
            Hol::Hebrew(m, d, len) => {
                let z = lunar::hebrew_to_days(hy(m), m as i64, d as i64) - 1;
                (z, z + len.max(1) as i64 - 1)
            }
            Hol::Purim(d) => {
                let hy = yy + 3760;
                let m = if lunar::hebrew_leap_year(hy) { 13 } else { 12 };
                one(lunar::hebrew_to_days(hy, m, d as i64) - 1)
            }
            Hol::YomHashoah => {
                let z = lunar::hebrew_to_days(yy + 3760, 1, 27);
                let z = match lunar::wd(z) {
                    5 => z - 1,
                    7 => z + 1,
                    _ => z,
                };
                one(z - 1)
            }
            Hol::YomHaatzmaut => {
                let z = lunar::hebrew_to_days(yy + 3760, 2, 5);
                let z = match lunar::wd(z) {
                    5 => z - 1,
                    6 => z - 2,
                    1 if y >= 2004 => z + 1,
                    _ => z,
                };
                one(z - 1)
            }
            Hol::TishaBav => {
                let z = lunar::hebrew_to_days(yy + 3760, 5, 9);
                one(if lunar::wd(z) == 6 { z } else { z - 1 })
            }
            Hol::ChineseNewYear => one(lunar::chinese_new_year(y)),
            Hol::Hindu(m, t, h, off) => {
                one(lunar::hindu_lunar_day(y, m as u32, t as u32, h as f64) + off as i64)
            }
            Hol::Navaratri => (
                lunar::hindu_lunar_day(y, 7, 1, 6.0),
                lunar::hindu_lunar_day(y, 7, 10, 14.0),
            ),
            Hol::Sankranti(lon, off) => one(lunar::sankranti(y, lon as f64) + off as i64),
            Hol::Onam => one(lunar::onam(y)),
            Hol::ParsiNewYear => {
                let z0 = calendar::days_from_civil(2018, 8, 17);
                let z = z0 + 365 * (yy - 2018);
                // the same Shahenshahi year can begin twice in one Gregorian year only
                // before 1400 or so; take the one in year y
                one(if calendar::civil_from_days(z).0 == y {
                    z
                } else {
                    z + 365
                })
            }
            _ => {
                let (y, m, d) = Self::holiday_date(h, y);
                one(calendar::days_from_civil(y, m, d))
            }
        }
    }

    /// Whether no sentence ends between byte offset `from` and token `s`.
    fn same_sentence(&self, from: usize, s: usize) -> bool {
        let mut k = s;
        while k > 0 && self.t[k - 1].s >= from {
            k -= 1;
            let decimal = k > 0 && self.adj(k - 1) && self.adj(k) && self.t[k - 1].kind == Kind::Num && self.t[k + 1].kind == Kind::Num;
            if self.punct(k, '.') && !decimal || self.punct(k, '!') || self.punct(k, '?') || self.punct(k, ';') {
                return false;
            }
        }
        true
    }

    /// The month or day (year, month, day) of the latest timex when it is in the sentence of
    /// token `s` and has a year.
    fn sentence_month(&self, s: usize) -> Option<(i32, u32, u32)> {
        let prev = self.out.last()?;
        let mut k = s;
        while k > 0 && self.t[k - 1].s >= prev.end {
            k -= 1;
            let decimal = k > 0 && self.adj(k - 1) && self.adj(k) && self.t[k - 1].kind == Kind::Num && self.t[k + 1].kind == Kind::Num;
            if self.punct(k, '.') && !decimal || self.punct(k, '!') || self.punct(k, '?') || self.punct(k, ';') {
                return None;
            }
        }
        let v = prev.value.as_bytes();
        if !(v.len() == 7 || v.len() == 10) || !v[..4].iter().all(u8::is_ascii_digit) || v[4] != b'-' || !v[5..7].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i32 = prev.value[..4].parse().ok()?;
        let m: u32 = prev.value[5..7].parse().ok()?;
        let d: u32 = if v.len() == 10 { prev.value[8..10].parse().ok()? } else { 15 };
        Some((y, m, d)).filter(|_| (1..=12).contains(&m))
    }

    fn resolve_day(&self, dr: DayRef, rel: Option<Kw>, s: usize, e: usize) -> Option<Res> {
        Some(match dr {
            DayRef::Spec(sp) => match (sp.y, sp.m, sp.d) {
                (Some(y), Some(m), Some(d)) => {
                    if !calendar::valid_date(y, m, d) {
                        return None;
                    }
                    Res::abs(Point::day(y, m, d))
                }
                (Some(y), Some(m), None) => Res::abs(Point::with(y, m, Gran::Month)),
                (Some(y), None, None) => Res::abs(Point::with(y, 1, Gran::Year)),
                (None, Some(m), d) => {
                    // A weekday fixes the year: pick the nearby year where the date falls on it.
                    if let (Some(wd), Some(d), Some(dct)) = (sp.wd, d, self.dct) {
                        if let Some(y) = [dct.y, dct.y - 1, dct.y + 1]
                            .into_iter()
                            .find(|&y| calendar::valid_date(y, m, d) && calendar::weekday(y, m, d) == wd)
                        {
                            return Some(Res::rel(Point::day(y, m, d), Anchor::Dct));
                        }
                    }
                    // "the year ended March 31", "since Oct. 23": the past one
                    let ended = s > 0 && (self.word(s - 1, "ended") || self.word(s - 1, "since"));
                    // "by August", "until mid-November", "through January": a deadline ahead
                    let until = d.is_none() && s > 0 && ["by", "until", "till", "through"].iter().any(|w| self.word(s - 1, w));
                    let marked = self.marked_tense(s, e);
                    // A deadline's month is the next one whatever the clause's tense ("gave
                    // Merieux until mid-November", "extended loans through January"), unless
                    // the past one is much nearer ("sales this year through August").
                    let tn = if ended {
                        Some(Tn::Past)
                    } else if until && self.opts.default_tense == Tense::Past {
                        None
                    } else if until && marked != Some(Tn::Past) {
                        Some(Tn::Future)
                    } else {
                        marked.filter(|&t| t == Tn::Future || d.is_none() && t == Tn::Past)
                    };
                    let tn = tn.or(match self.opts.default_tense {
                        Tense::Future => Some(Tn::Future),
                        Tense::Past => None,
                    });
                    // A past marker the date rule does not trust ("was last seen Nov. 3")
                    // still leans to the past: the later date must be clearly nearer.
                    let w = if until { 0.5 } else if marked == Some(Tn::Past) { FUTURE_WEIGHT } else { 1.0 };
                    // Untensed, after a month or date of the same sentence ("rising to $42 in
                    // June from $29 in March", "from December to March"): the occurrence nearest
                    // that one, not the DCT
                    let year = match (tn, rel, self.sentence_month(s)) {
                        (None, None, Some((py, pm, pd))) => {
                            let z = calendar::days_from_civil(py, pm, pd);
                            [py - 1, py, py + 1].into_iter().filter(|&y| d.is_none_or(|d| calendar::valid_date(y, m, d))).min_by_key(|&y| (calendar::days_from_civil(y, m, d.unwrap_or(15)) - z).abs())
                        }
                        _ => self.year_for_w(m, d, tn, rel, w),
                    };
                    match year {
                        Some(y) => {
                            let p = match d {
                                Some(d) if calendar::valid_date(y, m, d) => Point::day(y, m, d),
                                Some(_) => return None,
                                None => Point::with(y, m, Gran::Month),
                            };
                            Res::rel(p, Anchor::Dct)
                        }
                        None => Res::open(match d {
                            Some(d) => format!("XXXX-{:02}-{:02}", m, d),
                            None => format!("XXXX-{:02}", m),
                        }),
                    }
                }
                (None, None, None) => {
                    let wd = sp.wd?;
                    self.resolve_weekday(wd, rel, self.tense(s, e))
                }
                _ => return None,
            },
            DayRef::Rel(off) => match self.dct.and_then(|d| d.shift(off, Gran::Day)) {
                Some(p) => Res::rel(p, Anchor::Dct),
                None => Res::open("XXXX-XX-XX".into()),
            },
            DayRef::Holiday(h, y) => {
                if let Some(y) = y {
                    let (y, m, d) = Self::holiday_date(h, y);
                    return Some(Res::abs(Point::day(y, m, d)));
                }
                let Some(dct) = self.dct else {
                    return Some(Res::open(match h {
                        Hol::Fixed(m, d) => format!("XXXX-{:02}-{:02}", m, d),
                        _ => "XXXX-XX-XX".into(),
                    }));
                };
                let now = calendar::days_from_civil(dct.y, dct.m, dct.d);
                let tn = self.tense(s, e);
                let day = |y| {
                    let (y, m, d) = Self::holiday_date(h, y);
                    calendar::days_from_civil(y, m, d)
                };
                let want_past = match rel {
                    Some(Kw::Last | Kw::Past) => true,
                    Some(Kw::Next | Kw::Coming | Kw::Upcoming) => false,
                    _ => tn == Tn::Past,
                };
                let z = if want_past {
                    if day(dct.y) <= now { day(dct.y) } else { day(dct.y - 1) }
                } else if day(dct.y) >= now {
                    day(dct.y)
                } else {
                    day(dct.y + 1)
                };
                let (y, m, d) = calendar::civil_from_days(z);
                Res::rel(Point::day(y, m, d), Anchor::Dct)
            }
            DayRef::Season(sm, y) => {
                if let Some(y) = y {
                    return Some(Res::abs(Point::with(y, sm, Gran::Season)));
                }
                let Some(dct) = self.dct else {
                    return Some(Res::open(Point::with(0, sm, Gran::Season).fmt().replacen("0000", "XXXX", 1)));
                };
                // The season the DCT is in (winter counts from December).
                let cur = match dct.m {
                    3..=5 => 3,
                    6..=8 => 6,
                    9..=11 => 9,
                    _ => 12,
                };
                let cur_y = if dct.m < 3 { dct.y - 1 } else { dct.y };
                let order = |m: u32| if m == 12 { 4 } else { m / 3 };
                let tn = self.tense(s, e);
                let y = match rel {
                    Some(Kw::Last | Kw::Past) => cur_y - (order(sm) >= order(cur)) as i32,
                    Some(Kw::Next | Kw::Coming | Kw::Upcoming) => cur_y + (order(sm) <= order(cur)) as i32,
                    Some(Kw::This) => cur_y,
                    _ => match tn {
                        Tn::Past => cur_y - (order(sm) > order(cur)) as i32,
                        Tn::Future => cur_y + (order(sm) < order(cur)) as i32,
                        Tn::Present => cur_y,
                    },
                };
                Res::rel(Point::with(y, sm, Gran::Season), Anchor::Dct)
            }
        })
    }

    // ---------------------------------------------------------------- pattern families

    /// Fuzzy prefix: "early", "mid", "mid-", "late", "the beginning/end/middle of".
    fn fuzzy(&self, i: usize) -> (Option<&'static str>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::Early) => (Some("EARLY"), i + 1),
            Lex::Kw(Kw::Late) => (Some("LATE"), i + 1),
            Lex::Kw(Kw::Mid) if self.punct(i + 1, '-') && self.adj(i) => (Some("MID"), i + 2),
            Lex::Kw(Kw::Mid) => (Some("MID"), i + 1),
            Lex::Kw(Kw::The | Kw::Beginning | Kw::End | Kw::Start | Kw::Middle) => {
                let j = if self.kw(i, Kw::The) { i + 1 } else { i };
                let m = match self.lex(j) {
                    Lex::Kw(Kw::Beginning | Kw::Start) => "START",
                    Lex::Kw(Kw::End) => "END",
                    Lex::Kw(Kw::Middle) => "MID",
                    _ => return (None, i),
                };
                if self.kw(j + 1, Kw::Of) {
                    (Some(m), j + 2)
                } else {
                    (None, i)
                }
            }
            _ => (None, i),
        }
    }

    /// Relative prefix for weekdays, months, seasons, holidays: last / next / this /
    /// coming / "this past" / "this coming".
    fn rel_prefix(&self, i: usize) -> (Option<Kw>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Past)) => (Some(Kw::Last), i + 2),
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Coming | Kw::Upcoming)) => (Some(Kw::Next), i + 2),
            Lex::Kw(k @ (Kw::Last | Kw::Next | Kw::This | Kw::Coming | Kw::Upcoming | Kw::Past | Kw::Previous | Kw::Following)) => (Some(k), i + 1),
            _ => (None, i),
        }
    }

    /// A name from [`HOLIDAY_NAMES`] starting at token `i`, the longest that matches.
    fn holiday_name(&self, i: usize) -> Option<(Hol, usize)> {
        let mut buf = [0u8; 32];
        let mut len = 0;
        let mut best = None;
        let mut j = i;
        while j < self.n() && j < i + 8 {
            let t = &self.t[j];
            if t.kind == Kind::Punct {
                let x = self.txt(j);
                if j == i || !(x == "-" || x == "'" || x == "\u{2019}") {
                    break;
                }
                j += 1;
                continue;
            }
            if t.kind != Kind::Word || len + (t.e - t.s) > buf.len() {
                break;
            }
            for &c in self.txt(j).as_bytes() {
                buf[len] = c.to_ascii_lowercase();
                len += 1;
            }
            let w = &buf[..len];
            let mut prefix = false;
            let lo = HOLIDAY_NAMES.partition_point(|&(n, _, _)| n.as_bytes() < w);
            for &(name, h, common) in HOLIDAY_NAMES[lo..].iter().take_while(|(n, _, _)| n.as_bytes().starts_with(w)) {
                if name.len() == len {
                    if !common || self.cap(i) || self.sched() {
                        best = Some((h, j + 1));
                    }
                } else {
                    prefix = true;
                }
            }
            if !prefix {
                break;
            }
            j += 1;
        }
        best
    }

    fn holiday(&self, i: usize) -> Option<(Hol, usize)> {
        let shared = || HOLIDAY_SHARED_FIRST.iter().any(|&(w, next)| self.word(i, w) && self.word(i + 1, next));
        if matches!(self.lex(i), Lex::Kw(Kw::Holiday)) || shared() {
            if let Some(r) = self.holiday_name(i) {
                return Some(r);
            }
        }
        let poss = |j: usize| if (self.punct(j, '\'') || self.txt(j) == "’") && self.word(j + 1, "s") { j + 2 } else { j };
        let day = |j: usize| if self.word(j, "day") { j + 1 } else { j };
        let r = match self.lex(i) {
            Lex::Kw(Kw::Christmas) => {
                if self.kw(i + 1, Kw::Eve) {
                    (Hol::Fixed(12, 24), i + 2)
                } else {
                    (Hol::Fixed(12, 25), day(i + 1))
                }
            }
            Lex::Kw(Kw::Thanksgiving) => (Hol::Nth(11, 4, 4), day(i + 1)),
            Lex::Kw(Kw::Halloween) => (Hol::Fixed(10, 31), i + 1),
            Lex::Kw(Kw::Easter) => {
                if self.word(i + 1, "monday") || self.word(i + 1, "mon") {
                    (Hol::Easter(1), i + 2)
                } else {
                    (Hol::Easter(0), if self.word(i + 1, "sunday") { i + 2 } else { i + 1 })
                }
            }
            Lex::Kw(Kw::Holiday) => {
                let w = self.txt(i);
                let is = |x: &str| w.eq_ignore_ascii_case(x);
                if let Some(r) = self.holiday_more(i) {
                    return Some(r);
                }
                if is("new") && (self.word(i + 1, "year") || self.word(i + 1, "years") && !self.punct(i + 2, '\'')) {
                    let j = poss(i + 2);
                    if self.kw(j, Kw::Eve) {
                        (Hol::Fixed(12, 31), j + 1)
                    } else if self.word(j, "day") {
                        (Hol::Fixed(1, 1), j + 1)
                    } else {
                        return None;
                    }
                } else if is("good") && self.word(i + 1, "friday") && self.cap(i) {
                    (Hol::Easter(-2), i + 2)
                } else if !self.word(poss(i + 1), "day") || !self.cap(i) && !self.sched() {
                    return None;
                } else if is("independence") {
                    (Hol::Fixed(7, 4), poss(i + 1) + 1)
                } else if is("labor") || is("labour") {
                    (Hol::Nth(9, 1, 1), poss(i + 1) + 1)
                } else if is("memorial") {
                    (Hol::Nth(5, 1, -1), poss(i + 1) + 1)
                } else if is("valentine") || is("valentines") {
                    (Hol::Fixed(2, 14), poss(i + 1) + 1)
                } else if is("veterans") {
                    (Hol::Fixed(11, 11), poss(i + 1) + 1)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(r)
    }

    /// A day-level (or coarser calendar) reference: weekday, date, month, relative day,
    /// holiday, season. `rel` is a preceding last/next/this.
    fn dayref(&self, i: usize, rel: Option<Kw>) -> Option<(DayRef, usize)> {
        if rel.is_none() {
            let r = match self.lex(i) {
                Lex::Kw(Kw::Today) => Some(0),
                Lex::Kw(Kw::Tomorrow) => Some(1),
                Lex::Kw(Kw::Yesterday) => Some(-1),
                _ => None,
            };
            if let Some(r) = r {
                return Some((DayRef::Rel(r), i + 1));
            }
        }
        if let Some((h, j)) = self.holiday(i) {
            // "Thanksgiving of next year", "MLK day of last year"
            if let (true, Some(d)) = (self.kw(j, Kw::Of) && self.word(j + 2, "year"), self.dct) {
                let dy = match self.lex(j + 1) {
                    Lex::Kw(Kw::Last) => Some(-1),
                    Lex::Kw(Kw::This) => Some(0),
                    Lex::Kw(Kw::Next) => Some(1),
                    _ => None,
                };
                if let Some(dy) = dy {
                    return Some((DayRef::Holiday(h, Some(d.y + dy)), j + 3));
                }
            }
            let (y, j) = self.opt_year(j);
            // "Diwali in 2019"
            if let (None, true, Some((y, e))) = (y, self.kw(j, Kw::In), self.year(j + 1)) {
                return Some((DayRef::Holiday(h, Some(y)), e));
            }
            return Some((DayRef::Holiday(h, y), j));
        }
        if let Lex::Season(sm) = self.lex(i) {
            // "fall" and "spring" are verbs/nouns too: need a determiner, a year or a modifier.
            let k = if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
            let (y, j) = self.opt_year(k);
            let j = if y.is_some() { j } else { i + 1 };
            let determined = rel.is_some() || y.is_some() || i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::The | Kw::Early | Kw::Late | Kw::Mid) | Lex::Kw(Kw::In) | Lex::Kw(Kw::Since) | Lex::Kw(Kw::Until)) || (i > 0 && self.punct(i - 1, '-'));
            if !determined || sm == 9 && y.is_none() && !(rel.is_some() || i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::The | Kw::Early | Kw::Late | Kw::Mid))) {
                return None;
            }
            return Some((DayRef::Season(sm, y), j));
        }
        let (sp, j) = self.spec(i)?;
        if rel.is_some() && (sp.d.is_some() || sp.y.is_some()) {
            return None;
        }
        Some((DayRef::Spec(sp), j))
    }

    /// Dates and times: "Monday", "last Friday", "May 19, 2025", "late April", "10am on
    /// Monday", "Friday morning", "May 8-10", "yesterday afternoon", "mid-March".
    fn p_datetime(&self, i: usize) -> Option<Cand> {
        let (modi, j0) = self.fuzzy(i);
        let (rel, j) = self.rel_prefix(j0);
        if let Some((tod, k)) = self.time(j).filter(|_| rel.is_none()) {
            // A time then its day: "10 a.m. Monday", "at 10am on Monday", "5 p.m. EST, Nov. 9"
            let mut k2 = if self.punct(k, ',') { k + 1 } else { k };
            if self.kw(k2, Kw::On) {
                k2 += 1;
            }
            let (dr, e) = match self.dayref(k2, None) {
                Some((DayRef::Spec(sp), _)) if sp.m.is_none() && sp.y.is_some() => (None, k),
                Some((dr, e)) => (Some(dr), e),
                None if self.kw(k2, Kw::Tonight) => (Some(DayRef::Rel(0)), k2 + 1),
                None => (None, k),
            };
            if self.num(j).is_some() && !matches!(self.t[j].kind, Kind::Num) {
                return None;
            }
            let no_day = dr.is_none();
            let res = match dr {
                Some(dr) => self.resolve_day(dr, None, j, e)?,
                None => match self.base() {
                    Some((p, a)) if p.gran == Gran::Day => Res::rel(p, a),
                    _ => match self.dct {
                        Some(d) => Res::rel(d, Anchor::Dct),
                        None => Res::open("XXXX-XX-XX".into()),
                    },
                },
            };
            let (res, tod) = if no_day { self.next_occurrence(res, tod, j, k) } else { (res, tod) };
            return Some(self.time_cand(i, e, res, tod, modi));
        }
        // "this morning", "last night", "tonight"
        // ("night of power" is a holiday name)
        if let Some(p) = Some(self.lex(j)).and_then(|l| if let Lex::Pod(p) = l { Some(p) } else { None }).filter(|_| rel.is_some() || self.holiday_name(j).is_none()) {
            let off = match rel {
                Some(Kw::This) => 0,
                Some(Kw::Last) if p == "NI" => -1,
                _ => return None,
            };
            let res = self.resolve_day(DayRef::Rel(off), None, j, j + 1)?;
            // "this morning at 10", "this evening @ 8"
            if let Some((Tod::Hm(h, m, sec), e)) = self.at_time(j + 1).filter(|_| self.kw(j + 1, Kw::At) || self.punct(j + 1, ',')) {
                let h = if p != "MO" && h < 12 { h + 12 } else if p == "MO" && h == 12 { 24 } else { h };
                let (res, h) = if h == 24 { (Res::rel(res.point.and_then(|x| x.shift(1, Gran::Day)).unwrap_or(res.point?), res.anchor), 0) } else { (res, h) };
                return Some(self.time_cand(i, e, res, Tod::Hm(h, m, sec), modi));
            }
            return Some(self.time_cand(i, j + 1, res, Tod::Part(p), modi));
        }
        if rel.is_none() && self.kw(j, Kw::Tonight) {
            let res = self.resolve_day(DayRef::Rel(0), None, j, j + 1)?;
            let (tod, e) = self.at_time(j + 1).unwrap_or((Tod::Part("NI"), j + 1));
            let tod = match tod {
                Tod::Hm(h, m, s) if h < 12 => Tod::Hm(h + 12, m, s),
                t => t,
            };
            return Some(self.time_cand(i, e, res, tod, modi));
        }
        if rel.is_none() && self.kw(j, Kw::Overnight) {
            // the night before the day the story is at: "stocks closed lower Friday. ... depressed
            // by overnight losses in New York" is Thursday night (within the day's own sentence,
            // "gave way late on Sunday, flooding the town overnight", it may be the night after)
            let story_day = match (self.last, self.dct) {
                (Some((lp, idx)), Some(d)) if lp.gran == Gran::Day && lp != d && (1..=7).contains(&(calendar::days_from_civil(d.y, d.m, d.d) - calendar::days_from_civil(lp.y, lp.m, lp.d))) && !self.same_sentence(self.out[idx].end, j) => {
                    lp.shift(-1, Gran::Day).map(|p| Res::rel(p, Anchor::Narrative(idx)))
                }
                _ => None,
            };
            let res = match story_day {
                Some(r) => r,
                None => self.resolve_day(DayRef::Rel(-1), None, j, j + 1)?,
            };
            return Some(self.time_cand(i, j + 1, res, Tod::Part("NI"), modi));
        }
        let (mut dr, mut e) = self.dayref(j, rel)?;
        // "June last year", "January this year"
        let mut year_anchor = None;
        if let (DayRef::Spec(sp), Some(d)) = (&mut dr, self.dct) {
            if sp.m.is_some() && sp.y.is_none() && sp.wd.is_none() && self.word(e + 1, "year") {
                let dy = match self.lex(e) {
                    Lex::Kw(Kw::Last) => Some(-1),
                    Lex::Kw(Kw::This) => Some(0),
                    Lex::Kw(Kw::Next) => Some(1),
                    _ => None,
                };
                if let Some(dy) = dy {
                    sp.y = Some(d.y + dy);
                    e += 2;
                    year_anchor = Some(Anchor::Dct);
                }
            }
        }
        // Bare weekday checks: "Sunday Times".
        if let DayRef::Spec(Spec { wd: Some(_), m: None, .. }) = dr {
            if self.cap(e) && is_name_word(self.txt(e)) && !matches!(self.lex(e), Lex::Pod(_)) && self.cap(j) && !self.word(e, "night") {
                return None;
            }
        }
        let mut res = self.resolve_day(dr, rel, i, e)?;
        if let Some(a) = year_anchor {
            res.anchor = a;
        }
        // Time of day after the day: "Friday morning", "Monday at 10am", "Monday, 10 a.m.", "February the 15th in the morning"
        let mut tod = None;
        if let Lex::Pod(p) = self.lex(e) {
            tod = Some(Tod::Part(p));
            e += 1;
        } else if self.kw(e, Kw::In) && self.kw(e + 1, Kw::The) && matches!(self.lex(e + 2), Lex::Pod(_)) {
            if let Lex::Pod(p) = self.lex(e + 2) {
                tod = Some(Tod::Part(p));
                e += 3;
            }
        }
        if let Some((t2, e2)) = self.at_time(e) {
            tod = Some(match (tod, t2) {
                (Some(Tod::Part(p)), Tod::Hm(h, m, s)) if p != "MO" && h < 12 => Tod::Hm(h + 12, m, s),
                _ => t2,
            });
            e = e2;
        }
        if let Some(t) = tod {
            if res.point.is_none_or(|p| p.gran == Gran::Day) || res.value.starts_with("XXXX-WXX") {
                return Some(self.time_cand(i, e, res, t, modi));
            }
        }
        let mut c = Cand::new(i, e, TimexType::Date, res.value);
        c.anchor = res.anchor;
        c.point = res.point;
        c.modifier = modi;
        // Festivals lasting several days (Ramadan, Passover, Hanukkah) are a range.
        if let (DayRef::Holiday(h, _), Some(p), None) = (dr, res.point, modi) {
            let (first, last) = Self::holiday_span(h, p.y);
            if last > first && calendar::civil_from_days(first) == (p.y, p.m, p.d) {
                let (y, m, d) = calendar::civil_from_days(last);
                c.range_end = Some(Point::day(y, m, d).fmt());
            }
        }
        // Ranges: "May 8-10", "May 8 through May 10", "May 8 to 10".
        if let (DayRef::Spec(sp), Some(p)) = (dr, res.point) {
            if let (Some(m), Some(d)) = (sp.m, sp.d) {
                if let Some((p2, e2, explicit_year)) = self.range_end(e, p, m) {
                    // "May 8 through May 10, 2026": the end's year applies to the start too.
                    if explicit_year && sp.y.is_none() && p2.m >= m && calendar::valid_date(p2.y, m, d) {
                        let p = Point::day(p2.y, m, d);
                        c.value = p.fmt();
                        c.point = Some(p);
                        c.anchor = Anchor::None;
                    }
                    c.range_end = Some(p2.fmt());
                    c.e = e2;
                }
            }
        }
        Some(c)
    }

    /// "[,] [at|@] TIME" after a day.
    fn at_time(&self, e: usize) -> Option<(Tod, usize)> {
        let mut k = if self.punct(e, ',') { e + 1 } else { e };
        if self.kw(k, Kw::At) {
            k += 1;
        }
        if let Some((t, e2)) = self.time(k) {
            return Some((t, e2));
        }
        // "at 9" after a day part: a bare hour is a time here
        if k > e && self.ndigits(k) <= 2 && !self.adj(k) || k > e && self.ndigits(k) <= 2 && self.is_punct(k + 1) {
            let h = self.num(k)?;
            if (1..=12).contains(&h) && !self.in_figure(k) {
                return Some((Tod::Hm(h, 0, None), k + 1));
            }
        }
        None
    }

    fn time_cand(&self, s: usize, e: usize, res: Res, tod: Tod, modi: Option<&'static str>) -> Cand {
        let mut c = Cand::new(s, e, TimexType::Time, format!("{}{}", res.value, tod.suffix()));
        c.anchor = res.anchor;
        c.point = res.point;
        c.modifier = modi;
        c
    }

    /// End of a day range after a resolved start: "-10", "through May 10", "to 10".
    fn range_end(&self, e: usize, start: Point, m: u32) -> Option<(Point, usize, bool)> {
        let k = if self.punct(e, '-') || self.punct(e, '–') || matches!(self.lex(e), Lex::Kw(Kw::Through | Kw::Until | Kw::To)) {
            e + 1
        } else {
            return None;
        };
        let (m2, k2) = self.month(k).unwrap_or((m, k));
        let (d2, k3) = self.day_num(k2)?;
        if self.clock_colon(k3 - 1) || self.word(k3, "percent") || self.punct(k3, '%') {
            return None;
        }
        let (y2, k4) = self.opt_year(k3);
        let y = y2.unwrap_or(start.y + (m2 < m) as i32);
        if !calendar::valid_date(y, m2, d2) {
            return None;
        }
        let end = Point::day(y, m2, d2);
        let later = calendar::days_from_civil(end.y, end.m, end.d) > calendar::days_from_civil(start.y, start.m, start.d);
        (later || y2.is_some()).then_some((end, k4, y2.is_some()))
    }

    /// Relative calendar units: "last week", "this month", "the next day", "two days later",
    /// "four months ago", "a year earlier", "the year-earlier period", "the 1990s".
    fn p_relative(&self, i: usize) -> Option<Cand> {
        let (modi, j0) = self.fuzzy(i);
        // "the beginning of around next week" (scheduling text)
        let j0 = if modi.is_some() && self.sched() && self.word(j0, "around") { j0 + 1 } else { j0 };
        // "earlier this year", "later this month"
        let j = if matches!(self.lex(j0), Lex::Kw(Kw::Earlier | Kw::Later)) && self.kw(j0 + 1, Kw::This) { j0 + 1 } else { j0 };
        let the = self.kw(j, Kw::The);
        let k = if the { j + 1 } else { j };

        // "the day before yesterday" / "the day after tomorrow"
        if the && self.word(k, "day") {
            if self.kw(k + 1, Kw::Before) && self.kw(k + 2, Kw::Yesterday) {
                return self.dct_shift_cand(i, k + 3, -2, Gran::Day, modi);
            }
            if self.kw(k + 1, Kw::After) && self.kw(k + 2, Kw::Tomorrow) {
                return self.dct_shift_cand(i, k + 3, 2, Gran::Day, modi);
            }
            // narrative "the day before/after" closing a clause
            if matches!(self.lex(k + 1), Lex::Kw(Kw::Before | Kw::After)) && self.is_punct(k + 2) {
                let n = if self.kw(k + 1, Kw::Before) { -1 } else { 1 };
                return self.narrative_cand(i, k + 2, n, Gran::Day, modi);
            }
        }

        // the next / following / previous UNIT (narrative) ; last / next / this UNIT (DCT)
        let (rel, k2) = self.rel_prefix(k);
        let rel = rel.or_else(|| match self.lex(k) {
            Lex::Kw(Kw::Current | Kw::Latest) => Some(Kw::This),
            _ => None,
        });
        let k2 = if rel.is_some() && k2 == k { k + 1 } else { k2 };
        if let (Some(r), Some((u, false, e))) = (rel, self.unit(k2)) {
            let g = unit_gran(u)?;
            if the && matches!(r, Kw::Next | Kw::Following | Kw::Previous) {
                let n = if r == Kw::Previous { -1 } else { 1 };
                // "the following year" is the calendar year after the one in the story, not
                // the same day a year on (that is "a year later")
                return self.narrative_cand_g(i, e, n, g, modi, false);
            }
            if the && matches!(r, Kw::Past | Kw::Last | Kw::Coming | Kw::Next | Kw::Upcoming) && !(self.punct(e, '\'')) {
                return Some(self.dur_cand(i, e, Qty::N(1), u));
            }
            let n = match r {
                Kw::Last | Kw::Past | Kw::Previous => -1,
                Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
                _ => 0,
            };
            // "net of $24 million, compared with a loss of $3 million last year": in a
            // comparison with a quarter just reported, the same quarter a year before (as
            // "a year ago" is read)
            if g == Gran::Year && r == Kw::Last && !the && !self.punct(e, '\'') && self.comparing(i) {
                if let (Some((lp, _)), Some(d)) = (self.last, self.dct) {
                    if matches!(lp.gran, Gran::Quarter | Gran::Half) && lp.y == d.y {
                        let p = lp.shift(-1, Gran::Year)?;
                        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                        c.anchor = Anchor::Dct;
                        c.comparison = true;
                        return Some(c);
                    }
                }
            }
            // "the weekend" family handled below; "this weekend" is the DCT week's weekend.
            return self.dct_shift_cand(i, e, n, g, modi);
        }
        // "the weekend"
        if the && self.unit(k).is_some_and(|(u, pl, _)| u == Unit::Weekend && !pl) {
            let dct = self.dct?;
            let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
            let tn = self.tense(i, k + 1);
            let off = if dw >= 6 || tn == Tn::Future { 0 } else { -7 };
            let p = Point { gran: Gran::Weekend, ..dct.shift(off, Gran::Day)? };
            let mut c = Cand::new(i, k + 1, TimexType::Date, p.fmt());
            c.anchor = Anchor::Dct;
            c.modifier = modi;
            return Some(c);
        }

        // N UNIT ago / later / earlier / from now / hence
        if let Some((q, e)) = self.qty(k) {
            let k3 = if self.punct(e, '-') { e + 1 } else { e };
            if let Some((u, _, e2)) = self.unit(k3) {
                let dir = match self.lex(e2) {
                    Lex::Kw(Kw::Ago) => Some((-1, false)),
                    Lex::Kw(Kw::Hence) => Some((1, false)),
                    Lex::Kw(Kw::From) if self.kw(e2 + 1, Kw::Now) => Some((1, false)),
                    Lex::Kw(Kw::Earlier) => Some((-1, true)),
                    Lex::Kw(Kw::Later) => Some((1, true)),
                    Lex::Kw(Kw::Before | Kw::After) if self.is_punct(e2 + 1) => Some((if self.kw(e2, Kw::Before) { -1 } else { 1 }, true)),
                    _ => None,
                };
                if let Some((sign, narrative)) = dir {
                    let end = if self.kw(e2, Kw::From) { e2 + 2 } else { e2 + 1 };
                    let Qty::N(n) = q else {
                        let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                        let mut c = Cand::new(i, end, TimexType::Date, v.into());
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    };
                    let n = sign * n as i64;
                    return match unit_gran(u) {
                        Some(g) if narrative => self.narrative_cand(i, end, n, g, modi),
                        Some(g) => {
                            // Comparisons with the same period a year before keep its granularity
                            // ("third-quarter profit ... a year ago" is that quarter last year).
                            if g == Gran::Year {
                                if let Some((lp, _)) = self.last {
                                    if matches!(lp.gran, Gran::Quarter | Gran::Half) && self.dct.is_some_and(|d| lp.y == d.y) {
                                        let lp = if lp.gran == Gran::Quarter { self.reported_quarter().unwrap_or(lp) } else { lp };
                                        let p = lp.shift(n, Gran::Year)?;
                                        let mut c = Cand::new(i, end, TimexType::Date, p.fmt());
                                        c.anchor = Anchor::Dct;
                                        return Some(c);
                                    }
                                }
                            }
                            self.dct_shift_cand(i, end, n, g, modi)
                        }
                        None => {
                            // "two hours ago": finer than a day; the DCT rarely carries a clock
                            let v = if n < 0 { "PAST_REF" } else { "FUTURE_REF" };
                            let mut c = Cand::new(i, end, TimexType::Date, v.into());
                            c.anchor = Anchor::Dct;
                            Some(c)
                        }
                    };
                }
            }
        }

        // "year-earlier" / "year-ago" (adjective), with an optional following period noun
        if self.word(k, "year") && self.punct(k + 1, '-') && matches!(self.lex(k + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            let mut e = k + 3;
            let start = if the { j } else { k };
            let mut g = None;
            // "the year-ago third quarter": that quarter a year before the report's
            let ord_q = match self.lex(e) {
                Lex::Ord(n) if (1..=4).contains(&n) && matches!(self.lex(e + 1), Lex::Unit(Unit::Quarter, false)) => Some(n),
                _ => None,
            };
            if let (Some(n), Some(d)) = (ord_q, self.dct) {
                let y = match self.last {
                    Some((lp, _)) if lp.y < d.y => lp.y,
                    _ => d.y - 1,
                };
                let p = Point::with(y, (n - 1) * 3 + 1, Gran::Quarter);
                let mut c = Cand::new(if the { i } else { start }, e + 2, TimexType::Date, p.fmt());
                c.anchor = Anchor::Dct;
                c.comparison = true;
                return Some(c);
            }
            // "the year-earlier nine months": a period of that length
            if let Some((q @ Qty::N(_), e2)) = self.qty(e) {
                if let Some((u, true, e3)) = self.unit(e2) {
                    if self.kw(e, Kw::A) {
                        return None;
                    }
                    return Some(self.dur_cand(if the { i } else { start }, e3, q, u));
                }
            }
            if let Some((u, false, e2)) = self.unit(e) {
                g = unit_gran(u);
                e = e2;
            } else if self.word(e, "period") {
                e += 1;
            } else if the {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                // a forecast just mentioned ("the first two quarters of 1990") or another
                // quarter of the year ("after a flat second quarter") is not the period being
                // compared: the reported quarter is
                (Some((lp, _)), Some(d)) if (lp.y > d.y || lp.y == d.y && lp.gran == Gran::Quarter) && self.reported_quarter().is_some() => (self.reported_quarter()?, Anchor::Dct),
                (Some((lp, idx)), _) => (lp, Anchor::Narrative(idx)),
                (None, Some(d)) => (Point { gran: g.unwrap_or(Gran::Year), ..d }, Anchor::Dct),
                _ => return None,
            };
            let mut p = p.shift(-1, Gran::Year)?;
            if let (Some(d), Some((lp, _))) = (self.dct, self.last) {
                // the comparison period is the year before the report's: a point already in
                // the year before the DCT's ("in the 1988 period. The year-ago results") is it
                if lp.y == d.y - 1 {
                    p = lp;
                }
            }
            // "the year-ago quarter" after "the quarter ended Sept. 30": that quarter's grain
            p = match g {
                Some(Gran::Quarter) if matches!(p.gran, Gran::Month | Gran::Day) => Point::with(p.y, (p.m - 1) / 3 * 3 + 1, Gran::Quarter),
                Some(Gran::Month) if p.gran == Gran::Day => Point::with(p.y, p.m, Gran::Month),
                Some(Gran::Year) if p.gran != Gran::Year => Point::with(p.y, 1, Gran::Year),
                _ => p,
            };
            let mut c = Cand::new(if the { i } else { start }, e, TimexType::Date, p.fmt());
            c.anchor = anchor;
            return Some(c);
        }

        // Decades and centuries: "the 1990s", "the '80s", "the 20th century", "this century".
        let dk = k;
        if self.ndigits(dk) == 4 && self.adj(dk) && (self.word(dk + 1, "s") || self.punct(dk + 1, '\'') && self.word(dk + 2, "s")) {
            let y = self.num(dk)? as i32;
            if y % 10 == 0 && (1000..3000).contains(&y) {
                let e = if self.word(dk + 1, "s") { dk + 2 } else { dk + 3 };
                let mut c = Cand::new(i, e, TimexType::Date, Point::with(y, 1, Gran::Decade).fmt());
                c.modifier = modi;
                return Some(c);
            }
        }
        if self.punct(dk, '\'') && self.ndigits(dk + 1) == 2 && self.adj(dk + 1) && self.word(dk + 2, "s") {
            let y = self.num(dk + 1)? as i32;
            let y = if y < 30 { 2000 + y } else { 1900 + y };
            let mut c = Cand::new(i, dk + 3, TimexType::Date, Point::with(y, 1, Gran::Decade).fmt());
            c.modifier = modi;
            return Some(c);
        }
        // "the 20th century", and attributive "an 11th century temple", "a 20th-century democrat"
        if let Some((n, e)) = self.day_num(dk).filter(|&(_, e)| the || self.ndigits(dk) > 0 && (self.word(e, "century") || self.punct(e, '-') && self.adj(e - 1) && self.word(e + 1, "century") && !self.adj(e + 1))) {
            let e = if self.punct(e, '-') && self.word(e + 1, "century") { e + 1 } else { e };
            if self.word(e, "century") {
                let mut c = Cand::new(i, e + 1, TimexType::Date, format!("{:02}", n.saturating_sub(1)));
                c.modifier = modi;
                return Some(c);
            }
        }
        // "fiscal 1989", "fiscal year 1990"
        if self.kw(k, Kw::Fiscal) {
            let k2 = if self.word(k + 1, "year") { k + 2 } else { k + 1 };
            if let Some((y, e)) = self.year(k2) {
                return Some(Cand::new(i, e, TimexType::Date, format!("{:04}", y)));
            }
        }
        None
    }

    fn dct_shift_cand(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>) -> Option<Cand> {
        let mut c = match self.dct {
            Some(d) => {
                let p = Point { gran: g, ..d }.shift(n, if g == Gran::Weekend { Gran::Week } else { g })?;
                let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                c.anchor = Anchor::Dct;
                c
            }
            None => Cand::new(s, e, TimexType::Date, Self::open_value(g, n)),
        };
        c.modifier = modi;
        Some(c)
    }

    /// Underspecified value when nothing can anchor a relative expression.
    fn open_value(g: Gran, n: i64) -> String {
        match g {
            Gran::Day => "XXXX-XX-XX".into(),
            Gran::Week => "XXXX-WXX".into(),
            Gran::Weekend => "XXXX-WXX-WE".into(),
            Gran::Month => "XXXX-XX".into(),
            Gran::Quarter => "XXXX-QX".into(),
            Gran::Half => "XXXX-HX".into(),
            Gran::Season => "XXXX-XX".into(),
            _ if n < 0 => "PAST_REF".into(),
            _ if n > 0 => "FUTURE_REF".into(),
            _ => "PRESENT_REF".into(),
        }
    }

    fn narrative_cand(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>) -> Option<Cand> {
        self.narrative_cand_g(s, e, n, g, modi, true)
    }

    /// `keep_fine`: "a year earlier" keeps the anchor's finer grain (the same quarter or day a
    /// year before); "the following year" does not.
    fn narrative_cand_g(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>, keep_fine: bool) -> Option<Cand> {
        let mut c = match self.base() {
            Some((bp, anchor)) => {
                let finer = |a: Gran| matches!(a, Gran::Day | Gran::Month | Gran::Quarter | Gran::Half);
                let gran = if g == Gran::Year && keep_fine && finer(bp.gran) { bp.gran } else { g };
                let p = Point { gran, ..bp }.shift(n, if g == Gran::Weekend { Gran::Week } else { g })?;
                let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                c.anchor = anchor;
                // "a year earlier ... a year earlier": both compare with the same period
                c.comparison = g == Gran::Year && matches!(anchor, Anchor::Narrative(_));
                c
            }
            None => Cand::new(s, e, TimexType::Date, Self::open_value(g, n)),
        };
        c.modifier = modi;
        Some(c)
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2013", "the fiscal first
    /// quarter", "1989's fourth quarter", "the first half of 1990", "the latest quarter".
    fn p_quarter(&self, i: usize) -> Option<Cand> {
        let the = self.kw(i, Kw::The);
        let mut k = if the { i + 1 } else { i };
        // "this year's", "last year's", "1989's"
        let mut year: Option<i32> = None;
        let mut anchor = Anchor::None;
        if self.punct(k + 1, '\'') && self.word(k + 2, "s") && self.ndigits(k) == 4 {
            year = self.year(k).map(|y| y.0);
            k += 3;
        } else if matches!(self.lex(k), Lex::Kw(Kw::This | Kw::Last | Kw::Next)) && self.word(k + 1, "year") && self.punct(k + 2, '\'') && self.word(k + 3, "s") {
            let d = self.dct?;
            year = Some(d.y + if self.kw(k, Kw::Last) { -1 } else if self.kw(k, Kw::Next) { 1 } else { 0 });
            anchor = Anchor::Dct;
            k += 4;
        }
        if self.kw(k, Kw::Fiscal) {
            k += 1;
            // "the fiscal-first quarter"
            if self.punct(k, '-') && self.adj(k - 1) && self.adj(k) {
                k += 1;
            }
        }
        // "the 1988 second quarter", "the 1988 quarter"
        if the && year.is_none() && self.ndigits(k) == 4 && matches!(self.lex(k + 1), Lex::Ord(_) | Lex::Unit(Unit::Quarter, false)) {
            year = self.year(k).map(|y| y.0);
            k += 1;
        }
        let (q, half, mut e, hyph) = if let Some((n, k2)) = self.day_num(k).filter(|&(n, _)| (1..=4).contains(&n)) {
            let hyph = self.punct(k2, '-') && self.adj(k2 - 1);
            let k3 = if hyph { k2 + 1 } else { k2 };
            let k3 = if self.kw(k3, Kw::Fiscal) { k3 + 1 } else { k3 };
            match self.lex(k3) {
                Lex::Unit(Unit::Quarter, false) => (n, false, k3 + 1, hyph),
                Lex::Kw(Kw::Half) if n <= 2 => (n, true, k3 + 1, hyph),
                // "the first two quarters of 1990": the first half of that year
                _ if n == 1 && !hyph && self.qty(k3).is_some_and(|(q, k4)| matches!(q, Qty::N(2)) && matches!(self.unit(k4), Some((Unit::Quarter, true, _))) && self.kw(k4 + 1, Kw::Of) && self.year(k4 + 2).is_some()) => (1, true, k3 + 2, false),
                _ => return None,
            }
        } else if (self.kw(k, Kw::Last) || self.word(k, "latter")) && self.kw(k + 1, Kw::Half) && self.kw(k + 2, Kw::Of) && self.year(k + 3).is_some() {
            // "the last half of 1989": the second half
            (2, true, k + 2, false)
        } else if self.word(k, "q") && self.adj(k) && self.ndigits(k + 1) == 1 {
            let n = self.num(k + 1)?;
            if !(1..=4).contains(&n) {
                return None;
            }
            (n, false, k + 2, false)
        } else if the || year.is_some() {
            // "the quarter", "the latest quarter", "the current quarter"
            let k2 = if matches!(self.lex(k), Lex::Kw(Kw::Latest | Kw::Current)) { k + 1 } else { k };
            if !matches!(self.lex(k2), Lex::Unit(Unit::Quarter, false)) {
                return None;
            }
            let e = k2 + 1;
            // "the quarter-to-quarter comparison": a compound adjective, no particular quarter
            if self.kw(e, Kw::Of) || self.kw(e, Kw::Ago) || self.kw(e, Kw::Earlier) || self.punct(e, '-') && self.adj(e - 1) {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                (Some((lp, idx)), _) if lp.gran == Gran::Quarter && !self.kw(k, Kw::Current) && !self.kw(k, Kw::Latest) => match year {
                    Some(y) => (Point { y, ..lp }, Anchor::Narrative(idx)),
                    None => (lp, Anchor::Narrative(idx)),
                },
                (_, Some(d)) => {
                    let cur = Point { gran: Gran::Quarter, ..d };
                    // the quarter this report is about, when one has been named ("the fiscal
                    // first quarter ... earlier this month ... break even for the quarter")
                    let named = if the && !self.kw(k, Kw::Current) && !self.kw(k, Kw::Latest) && year.is_none() && !self.word(e, "ended") && !self.word(e, "ending") { self.reported_quarter() } else { None };
                    let p = if let Some(q) = named { q } else if self.kw(k, Kw::Current) { cur } else { cur.shift(-1, Gran::Quarter)? };
                    // "the 1988 quarter": the latest quarter's number in that year
                    match year {
                        Some(y) => (Point { y, ..p }, Anchor::Dct),
                        None => (p, Anchor::Dct),
                    }
                }
                _ => return Some(Cand::new(i, e, TimexType::Date, "XXXX-QX".into())),
            };
            let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
            c.anchor = anchor;
            c.point = Some(p);
            return Some(c);
        } else {
            return None;
        };
        if year.is_none() {
            let k2 = if self.kw(e, Kw::Of) || self.punct(e, ',') { e + 1 } else { e };
            let k2 = if self.kw(k2, Kw::Fiscal) { k2 + 1 } else { k2 };
            if let Some((y, e2)) = self.year(k2) {
                year = Some(y);
                e = e2;
            } else if self.kw(k2, Kw::This) && self.word(k2 + 1, "year") && k2 > e {
                year = self.dct.map(|d| d.y);
                anchor = Anchor::Dct;
                e = k2 + 2;
            }
        }
        let start = if the && !hyph { i } else if the { i + 1 } else { i };
        let (gran, m) = if half { (Gran::Half, (q - 1) * 6 + 1) } else { (Gran::Quarter, (q - 1) * 3 + 1) };
        // "the comparable year-ago quarter, the second quarter ended Oct. 31,": an appositive
        // renames the quarter just given and has its year
        if year.is_none() && !half && the && i > 0 && self.punct(i - 1, ',') {
            if let Some(prev) = self.out.last().filter(|t| t.end == self.t[i - 1].s) {
                let b = prev.value.as_bytes();
                if b.len() == 7 && &b[4..6] == b"-Q" {
                    year = prev.value[..4].parse().ok();
                }
            }
        }
        let y = match year {
            Some(y) => y,
            None => match self.dct {
                Some(d) => {
                    anchor = Anchor::Dct;
                    let cur = if half { (d.m - 1) / 6 + 1 } else { (d.m - 1) / 3 + 1 };
                    if q <= cur || self.tense(start, e) == Tn::Future { d.y } else { d.y - 1 }
                }
                None => {
                    let v = if half { format!("XXXX-H{}", q) } else { format!("XXXX-Q{}", q) };
                    return Some(Cand::new(start, e, TimexType::Date, v));
                }
            },
        };
        let p = Point::with(y, m, gran);
        let mut c = Cand::new(start, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = anchor;
        Some(c)
    }

    fn dur_cand(&self, s: usize, e: usize, q: Qty, u: Unit) -> Cand {
        Cand::new(s, e, TimexType::Duration, duration_value(q, u))
    }

    /// Durations: "three years", "the past two months", "the first nine months", "a week",
    /// "40-month war", "three-year-old", "half an hour", "several years", "for years".
    fn p_duration(&self, i: usize) -> Option<Cand> {
        // "half an hour", "half a day"
        if self.kw(i, Kw::Half) && self.kw(i + 1, Kw::A) {
            if let Some((u, false, e)) = self.unit(i + 2) {
                return Some(self.dur_cand(i, e, Qty::Half(0), u));
            }
        }
        let the = self.kw(i, Kw::The);
        let mut k = if the { i + 1 } else { i };
        let lead = matches!(self.lex(k), Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following | Kw::Recent) | Lex::Ord(1)) || self.word(k, "initial") || self.word(k, "final");
        if lead {
            k += 1;
        }
        let (q, e) = match self.qty(k) {
            Some(r) => r,
            // bare plural: "for years", "in recent months" is handled by p_ref
            None => {
                let (u, pl, e) = self.unit(k)?;
                // "a day-long meeting", "the decades-long battle": how long it lasts
                if !the && !lead && self.punct(e, '-') && self.adj(e - 1) && self.adj(e) && self.kw(e + 1, Kw::Long) && !matches!(u, Unit::Weekend | Unit::Night) {
                    return Some(self.dur_cand(k, e + 2, if pl { Qty::X } else { Qty::N(1) }, u));
                }
                let prev_ok = k > 0 && (self.word(k - 1, "for") || self.word(k - 1, "over") || self.word(k - 1, "within") || self.kw(k - 1, Kw::In) || self.kw(k - 1, Kw::Past) || self.kw(k - 1, Kw::Last));
                if !pl || !(prev_ok || lead) || matches!(u, Unit::Weekend | Unit::Night) {
                    return None;
                }
                let s = if lead { i } else { k };
                return Some(self.dur_cand(s, e, Qty::X, u));
            }
        };
        // The article of "a year" is the quantity; "a 30-day truce" drops it.
        if self.kw(k, Kw::A) && e == k + 1 && self.qty(k + 1).is_some() {
            return None;
        }
        // "a year-earlier loss", "a year-ago quarter": the comparison adjective, not a year
        if self.kw(k, Kw::A) && e == k + 1 && self.word(e, "year") && self.punct(e + 1, '-') && self.adj(e) && matches!(self.lex(e + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            return None;
        }
        if the && !lead && self.kw(k, Kw::A) {
            return None;
        }
        let hyph = self.punct(e, '-') && self.adj(e - 1);
        let k2 = if hyph { e + 1 } else { e };
        // "20 more years", "an additional year", "eight trading days": the length counted
        let k2 = if !hyph
            && (self.word(k2, "more") && !self.kw(k, Kw::A) || ["additional", "extra", "further"].iter().any(|w| self.word(k2, w)) || ["trading", "business", "working"].iter().any(|w| self.word(k2, w)) && matches!(self.lex(k2 + 1), Lex::Unit(Unit::Day, _)))
            && matches!(self.lex(k2 + 1), Lex::Unit(..))
        {
            k2 + 1
        } else {
            k2
        };
        let (u, plural, mut end) = self.unit(k2)?;
        // "Islam will one day be ...", "he may one day return": some time in the future
        const MODAL: &[&str] = &["will", "would", "could", "may", "might", "can", "should", "shall", "ll", "he", "she", "they", "we", "i", "you"];
        if u == Unit::Day && !plural && !hyph && !the && !lead && self.word(k, "one") && k > 0 && MODAL.iter().any(|m| self.word(k - 1, m)) {
            return Some(Cand::new(k, end, TimexType::Date, "FUTURE_REF".into()));
        }
        if self.ndigits(k) == 4 && !hyph && !plural {
            return None;
        }
        // Ages ("Mr. Reupke, 52 years old,", "a 44-year-old protester", "the 50-year-old
        // alliance") are attributes, not time expressions: TimeBank/AQUAINT leave all 36 of them
        // untagged. The age of an ongoing event ("the three-year-old conflict", "a two-year-old
        // strike") is how long it has lasted, which dates the story: a duration, like "the
        // 40-month war". After a copula ("the war is three years old") it is a duration too.
        let copula = k > 0 && ["is", "was", "are", "were", "be", "been", "becomes", "turns"].iter().any(|w| self.word(k - 1, w));
        if u == Unit::Year
            && ((plural && !hyph && self.kw(end, Kw::Old) && !copula) || (hyph && self.punct(end, '-') && self.adj(end - 1) && self.kw(end + 1, Kw::Old) && !self.event_follows(end + 2)))
        {
            return None;
        }
        // Fractions, not periods: "three-quarters of its food", "more than a quarter of the
        // market" (a quarter *of* something that is not a time: "a quarter of a century").
        if u == Unit::Quarter && (hyph && plural || !plural && self.kw(end, Kw::Of) && self.unit(end + 1).is_none() && self.unit(end + 2).is_none() && self.year(end + 1).is_none()) {
            return None;
        }
        // The ordinal, not the unit: "a second betrayal", "A second group".
        if u == Unit::Second && !plural && self.kw(k, Kw::A) && self.t.get(end).is_some_and(|t| t.kind == Kind::Word && !t.cap) && self.lex(end) == Lex::None {
            return None;
        }
        if let Qty::N(n) = q {
            // "1 years" is fine, "10 day" is a compound adjective only with a hyphen; bare
            // numbers in figures ("1,000") have been rejected by qty.
            if n == 0 && !hyph {
                return None;
            }
        }
        let mut start = i;
        if hyph {
            // compound adjective: "three-year-old", "40-month war", "a 30-day truce"
            if self.punct(end, '-') && self.adj(end - 1) && matches!(self.lex(end + 1), Lex::Kw(Kw::Old | Kw::Long)) {
                // "the three-month-old (baby) said": an age, not a time expression; "an
                // 8-month-old truce" is how long the truce has lasted
                if self.kw(end + 1, Kw::Old) && !self.thing_follows(end + 2) {
                    return None;
                }
                end += 2;
            }
            start = k;
        } else if self.kw(k, Kw::A) && !lead && !the {
            // "a year": a SET after a rate ("5% a year", "twice a year")
            if k > 0 && (self.punct(k - 1, '%') || self.word(k - 1, "percent") || self.word(k - 1, "times") || self.word(k - 1, "twice") || self.word(k - 1, "once") || self.t[k - 1].kind == Kind::Num) {
                return Some(Cand::new(k, end, TimexType::Set, duration_value(Qty::N(1), u)));
            }
        }
        let mut q = q;
        if let Qty::N(n) = q {
            if self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half) {
                q = Qty::Half(n);
                end += 3;
            }
        }
        if self.kw(end, Kw::Ahead) {
            end += 1;
        }
        let mut c = self.dur_cand(start, end, q, u);
        // "for the (first) nine months": the year to date, so a comparison after it ("a year
        // earlier") is with the year before, not with the quarter named earlier
        if let (true, Qty::N(6 | 9), Unit::Month, Some(d)) = (the && (!lead || matches!(self.lex(i + 1), Lex::Ord(1))), q, u, self.dct) {
            c.point = Some(Point::with(d.y, 1, Gran::Year));
        }
        Some(c)
    }

    /// After "N-year-old": an ongoing event whose age is how long it has lasted.
    fn event_follows(&self, i: usize) -> bool {
        const EVENTS: &[&str] = &[
            "conflict", "war", "truce", "ceasefire", "cease-fire", "insurgency", "crisis", "dispute", "standoff", "stand-off",
            "siege", "blockade", "occupation", "feud", "rivalry", "strike", "fighting", "uprising", "revolt", "rebellion",
            "campaign", "invasion", "offensive", "embargo", "moratorium", "boycott", "recession", "drought", "famine",
            "epidemic", "pandemic", "negotiations", "talks", "investigation", "probe", "lockdown", "shutdown", "stalemate",
        ];
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap) && EVENTS.iter().any(|e| e.eq_ignore_ascii_case(self.txt(i)))
    }

    /// After "N-month-old": a lowercase noun that is not a person ("truce", "war").
    fn thing_follows(&self, i: usize) -> bool {
        const PERSON: &[&str] = &[
            "man", "woman", "boy", "girl", "son", "daughter", "child", "baby", "mother", "father", "brother",
            "sister", "wife", "husband", "student", "driver", "suspect", "victim", "resident", "player", "actor",
            "actress", "singer", "star", "officer", "soldier", "worker", "teenager", "who", "and", "of", "from",
        ];
        let Some(t) = self.t.get(i) else { return false };
        if t.kind != Kind::Word || t.cap || self.lex(i) != Lex::None {
            return false;
        }
        let w = self.txt(i);
        let b = w.as_bytes();
        !(PERSON.iter().any(|p| p.eq_ignore_ascii_case(w)) || b.len() > 3 && b.ends_with(b"ed") || w.eq_ignore_ascii_case("said") || w.eq_ignore_ascii_case("has") || w.eq_ignore_ascii_case("was") || w.eq_ignore_ascii_case("is"))
    }

    /// SETs: "daily", "every week", "each year", "every Monday", "on Mondays", "Tuesday nights".
    fn p_set(&self, i: usize) -> Option<Cand> {
        let v: &str = match self.lex(i) {
            Lex::Kw(Kw::Daily) => "P1D",
            Lex::Kw(Kw::Weekly) => "P1W",
            Lex::Kw(Kw::Monthly) => "P1M",
            Lex::Kw(Kw::Yearly) => "P1Y",
            Lex::Kw(Kw::Hourly) => "PT1H",
            Lex::Kw(Kw::Nightly) => "P1D",
            Lex::Kw(Kw::Every | Kw::Each) => {
                let mut k = i + 1;
                let other = self.kw(k, Kw::Other);
                if other {
                    k += 1;
                }
                if let Some((w, e)) = self.weekday(k) {
                    return Some(self.weekly(i, e, w));
                }
                if let Lex::Pod(p) = self.lex(k) {
                    return Some(Cand::new(i, k + 1, TimexType::Set, format!("XXXX-XX-XXT{}", p)));
                }
                // "each July": that month of every year
                if let Some((m, e)) = self.month(k).filter(|_| !other) {
                    return Some(Cand::new(i, e, TimexType::Set, format!("XXXX-{:02}", m)));
                }
                let (q, k2) = match self.qty(k) {
                    Some((q @ Qty::N(_), k2)) if !self.kw(k, Kw::A) => (q, k2),
                    _ => (Qty::N(if other { 2 } else { 1 }), k),
                };
                let (u, _, e) = self.unit(k2)?;
                return Some(Cand::new(i, e, TimexType::Set, duration_value(q, u)));
            }
            Lex::Weekday(w, true) if self.cap(i) => {
                return Some(self.weekly(i, i + 1, w));
            }
            Lex::Weekday(w, false) if self.cap(i) && self.word(i + 1, "nights") => {
                return Some(Cand::new(i, i + 2, TimexType::Set, format!("XXXX-WXX-{}TNI", w)));
            }
            Lex::Kw(Kw::Per) => {
                let (u, false, e) = self.unit(i + 1)? else { return None };
                return Some(Cand::new(i, e, TimexType::Set, duration_value(Qty::N(1), u)));
            }
            _ => return None,
        };
        Some(Cand::new(i, i + 1, TimexType::Set, v.into()))
    }

    /// References to the present, past and future: "now", "currently", "recently",
    /// "the past", "soon", "the future", "these days".
    fn p_ref(&self, i: usize) -> Option<Cand> {
        let (v, e) = match self.lex(i) {
            // "Now, he says, ...", "Now for the quiz": a sentence-opening discourse marker
            Lex::Kw(Kw::Now) if self.cap(i) && (self.punct(i + 1, ',') || self.word(i + 1, "for")) && (i == 0 || self.is_punct(i - 1)) => return None,
            Lex::Kw(Kw::Now) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Right) if self.kw(i + 1, Kw::Now) => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Currently | Kw::Nowadays) => ("PRESENT_REF", i + 1),
            // "the then current market price": current at that past time
            Lex::Kw(Kw::Current) if i > 0 && self.word(i - 1, "then") => {
                return Some(Cand::new(i - 1, i + 1, TimexType::Date, "PAST_REF".into()));
            }
            Lex::Kw(Kw::Current) if !self.word(i + 1, "account") && !self.word(i + 1, "accounts") && !self.word(i + 1, "affairs") => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::These) if self.word(i + 1, "days") => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Present) if i > 0 && self.kw(i - 1, Kw::At) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Recently) => ("PAST_REF", i + 1),
            // "at a later date": some time ahead; "at an earlier date": some time before
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Later) && self.word(i + 2, "date") => ("FUTURE_REF", i + 3),
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Earlier) && self.word(i + 2, "date") => ("PAST_REF", i + 3),
            // "recent years": TimeBank mostly annotates an unspecified duration (PXY)
            Lex::Kw(Kw::Recent) => match self.unit(i + 1) {
                Some((u, true, e)) if !matches!(u, Unit::Weekend | Unit::Night) => {
                    return Some(Cand::new(i, e, TimexType::Duration, duration_value(Qty::X, u)));
                }
                Some((_, true, e)) => ("PAST_REF", e),
                _ => return None,
            },
            Lex::Kw(Kw::The) => {
                let k = if self.kw(i + 1, Kw::Near) { i + 2 } else { i + 1 };
                if self.kw(k, Kw::Future) {
                    ("FUTURE_REF", k + 1)
                } else if self.kw(k, Kw::Past) && k == i + 1 && (self.is_punct(k + 1) || matches!(self.lex(k + 1), Lex::Kw(Kw::And | Kw::Of | Kw::Since | Kw::Before | Kw::After | Kw::At | Kw::In | Kw::To)) || self.word(k + 1, "but") || self.word(k + 1, "when") || self.word(k + 1, "is") || self.word(k + 1, "was")
                    // "in the past it considered ...": no length follows, so the past itself
                    || i > 0 && self.kw(i - 1, Kw::In) && self.qty(k + 1).is_none() && self.unit(k + 1).is_none() && !matches!(self.lex(k + 1), Lex::Kw(Kw::Few | Kw::Several | Kw::Many | Kw::Couple) | Lex::Ord(_) | Lex::Card(_))) {
                    ("PAST_REF", k + 1)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(Cand::new(i, e, TimexType::Date, v.into()))
    }
}

impl Tagger<'_> {
    /// News-report references: "by year-end", "in the near term", "later that year",
    /// "results for that quarter", "the latest period" (of a quarterly report).
    fn p_news(&self, i: usize) -> Option<Cand> {
        // "year-end", "year end", "year's end" after a temporal preposition (TimeML: the
        // year, mod END); "since year-end" is the one before the DCT's year. Adjective uses
        // ("year-end net") are left alone.
        if matches!(self.lex(i), Lex::Unit(Unit::Year, false)) && i > 0 && !self.kw(i - 1, Kw::The) {
            let e = if self.punct(i + 1, '-') && self.adj(i) && self.adj(i + 1) && self.kw(i + 2, Kw::End) {
                i + 3
            } else if self.kw(i + 1, Kw::End) {
                i + 2
            } else if self.punct(i + 1, '\'') && self.word(i + 2, "s") && self.kw(i + 3, Kw::End) {
                i + 4
            } else {
                0
            };
            let prep = matches!(self.lex(i - 1), Lex::Kw(Kw::Since | Kw::Before | Kw::After | Kw::Until | Kw::At | Kw::Through)) || self.word(i - 1, "by") || self.word(i - 1, "around") || self.word(i - 1, "near") || self.word(i - 1, "till");
            const FUNCTION: &[&str] = &["and", "or", "but", "when", "to", "that", "as", "is", "was", "will", "would", "if", "for"];
            let adjective = self.t.get(e).is_some_and(|t| t.kind == Kind::Word && self.lex(e) == Lex::None) && !FUNCTION.iter().any(|w| self.word(e, w));
            if e > 0 && prep && !adjective {
                let mut c = match self.dct {
                    Some(d) => {
                        let y = if self.kw(i - 1, Kw::Since) { d.y - 1 } else { d.y };
                        let mut c = Cand::new(i, e, TimexType::Date, Point::with(y, 1, Gran::Year).fmt());
                        c.anchor = Anchor::Dct;
                        c
                    }
                    None => Cand::new(i, e, TimexType::Date, "XXXX".into()),
                };
                c.modifier = Some("END");
                return Some(c);
            }
        }
        // "the current fiscal year", "the latest fiscal year": the DCT's (fiscal) year
        if self.kw(i, Kw::The) && matches!(self.lex(i + 1), Lex::Kw(Kw::Current | Kw::Latest)) && self.kw(i + 2, Kw::Fiscal) && matches!(self.lex(i + 3), Lex::Unit(Unit::Year, false)) && !self.punct(i + 4, '-') {
            let d = self.dct?;
            let y = if self.kw(i + 1, Kw::Latest) { d.y - 1 } else { d.y };
            let mut c = Cand::new(i, i + 4, TimexType::Date, Point::with(y, 1, Gran::Year).fmt());
            c.anchor = Anchor::Dct;
            return Some(c);
        }
        // "earlier in the year", "later in the year": the DCT's year; "(the first nine months)
        // of the year", "a high for the year of $42": the year being reported, the DCT's
        if let Some(d) = self.dct {
            let lead = matches!(self.lex(i), Lex::Kw(Kw::Earlier | Kw::Later)) && self.kw(i + 1, Kw::In);
            let k = if lead { i + 2 } else { i };
            if self.kw(k, Kw::The) && matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false)) && !self.punct(k + 2, '-') && !self.punct(k + 2, '\'') && !self.word(k + 2, "ended") && !self.word(k + 2, "ending") && self.unit(k + 2).is_none() && self.spelled_year(k + 2).is_none() {
                let after_of = k > 0 && (self.kw(k - 1, Kw::Of) && k > 1 && matches!(self.lex(k - 2), Lex::Unit(_, true)) || self.word(k - 1, "for") && self.kw(k + 2, Kw::Of));
                if lead || after_of {
                    let p = Point::with(d.y, 1, Gran::Year);
                    let mut c = Cand::new(i, k + 2, TimexType::Date, p.fmt());
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "for some time", "for a while": a duration of unknown length
        if i > 0 && self.word(i - 1, "for") && (self.kw(i, Kw::Some) && self.word(i + 1, "time") || self.kw(i, Kw::A) && self.word(i + 1, "while")) && self.is_punct(i + 2) {
            return Some(Cand::new(i, i + 2, TimexType::Duration, "PXX".into()));
        }
        // "mid-afternoon yesterday", "late evening today": the part of that day
        {
            let k = if self.kw(i, Kw::Mid) && self.punct(i + 1, '-') && self.adj(i) { i + 2 } else if self.kw(i, Kw::Mid) || self.kw(i, Kw::Late) || self.kw(i, Kw::Early) { i + 1 } else { i };
            if let (Lex::Pod(p), Some(d)) = (self.lex(k), self.dct) {
                let off = match self.lex(k + 1) {
                    Lex::Kw(Kw::Yesterday) => Some(-1),
                    Lex::Kw(Kw::Today) => Some(0),
                    Lex::Kw(Kw::Tomorrow) => Some(1),
                    _ => None,
                };
                if let Some(day) = off.and_then(|o| d.shift(o, Gran::Day)) {
                    let mut c = Cand::new(i, k + 2, TimexType::Time, format!("{}T{}", day.fmt(), p));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "the near term", "the short term", "the long term": the future (FUTURE_REF);
        // "near-term" and "short-term" as adjectives are not references.
        if self.kw(i, Kw::The) && (self.word(i + 1, "near") || self.word(i + 1, "short") || self.word(i + 1, "long")) && self.word(i + 2, "term") && !self.punct(i + 3, '-') {
            return Some(Cand::new(i, i + 3, TimexType::Date, "FUTURE_REF".into()));
        }
        // "that year", "that quarter", "that month", "earlier/later that day", "that same
        // day": the period of the time just mentioned (an anaphoric reference; TimeML gives it
        // the referent's value at the named granularity).
        {
            let (s, k) = if matches!(self.lex(i), Lex::Kw(Kw::Earlier | Kw::Later)) && self.word(i + 1, "that") {
                (i, i + 2)
            } else if i > 0 && self.word(i - 1, "that") && self.unit(i).is_some() {
                (if i > 1 && matches!(self.lex(i - 2), Lex::Kw(Kw::Earlier | Kw::Later)) { i - 2 } else { i - 1 }, i)
            } else if i > 1 && self.word(i - 2, "that") && self.word(i - 1, "same") && self.unit(i).is_some() {
                (i - 2, i)
            } else {
                (0, 0)
            };
            let k = if k > 0 && k == i + 2 && self.word(k, "same") { k + 1 } else { k };
            if let (true, Some((u, false, e)), Some((lp, idx))) = (k > 0, self.unit(k), self.last) {
                let marked = s < k - 1 || self.word(k - 1, "same");
                let finer = |g: Gran| match u {
                    Unit::Year => matches!(g, Gran::Year | Gran::Half | Gran::Quarter | Gran::Season | Gran::Month | Gran::Week | Gran::Day),
                    Unit::Quarter => matches!(g, Gran::Quarter | Gran::Month | Gran::Day),
                    Unit::Month => matches!(g, Gran::Month | Gran::Day),
                    Unit::Day => marked && g == Gran::Day,
                    _ => false,
                };
                if finer(lp.gran) && !self.punct(e, '-') && !self.punct(e, '\'') {
                    let p = match u {
                        Unit::Year => Point::with(lp.y, 1, Gran::Year),
                        Unit::Quarter => Point::with(lp.y, (lp.m - 1) / 3 * 3 + 1, Gran::Quarter),
                        Unit::Month => Point::with(lp.y, lp.m, Gran::Month),
                        _ => lp,
                    };
                    let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    c.anchor = Anchor::Narrative(idx);
                    return Some(c);
                }
            }
        }
        // "the latest period" in a quarterly report: the quarter being reported, i.e. the
        // latest quarter of the DCT's year named so far.
        if self.kw(i, Kw::The) && self.kw(i + 1, Kw::Latest) && self.word(i + 2, "period") {
            // none named: the latest quarter, as for "the latest quarter"
            let q = self.reported_quarter().or_else(|| Point { gran: Gran::Quarter, ..self.dct? }.shift(-1, Gran::Quarter))?;
            let mut c = Cand::new(i, i + 3, TimexType::Date, q.fmt());
            c.anchor = Anchor::Dct;
            return Some(c);
        }
        // "the 1988 period" in a results report: the period being compared, at the grain of
        // the one just reported (a quarter, or the year to date)
        if self.kw(i, Kw::The) && self.ndigits(i + 1) == 4 && self.word(i + 2, "period") {
            let (y, _) = self.year(i + 1)?;
            let p = match self.last {
                Some((lp, _)) if lp.gran == Gran::Quarter => Point { y, ..self.reported_quarter().unwrap_or(lp) },
                Some((lp, _)) if lp.gran == Gran::Half => Point { y, ..lp },
                _ => Point::with(y, 1, Gran::Year),
            };
            let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
            c.anchor = Anchor::Dct;
            c.comparison = true;
            c.point = Some(p);
            return Some(c);
        }
        // "the quarter a year ago", "the period a year earlier", "the corresponding period
        // last year": the reported quarter one year back, one expression.
        if self.kw(i, Kw::The) {
            let k = if ["same", "comparable", "corresponding", "year-ago"].iter().any(|w| self.word(i + 1, w)) { i + 2 } else { i + 1 };
            if matches!(self.lex(k), Lex::Unit(Unit::Quarter, false)) || self.word(k, "period") {
                let e = if self.kw(k + 1, Kw::A) && self.word(k + 2, "year") && matches!(self.lex(k + 3), Lex::Kw(Kw::Ago | Kw::Earlier)) {
                    k + 4
                } else if self.kw(k + 1, Kw::Last) && self.word(k + 2, "year") && !self.punct(k + 3, '\'') {
                    k + 3
                } else {
                    0
                };
                if e > 0 {
                    let p = self.reported_quarter()?.shift(-1, Gran::Year)?;
                    let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                    c.anchor = Anchor::Dct;
                    c.comparison = true;
                    c.point = Some(p);
                    return Some(c);
                }
            }
        }
        None
    }

    /// The quarter a results report is about: the latest quarter of the DCT's year named so far.
    /// A quarter that has already ended is preferred to one still running or ahead (a
    /// forecast for "the fourth quarter"); fiscal quarters may be named ahead of the calendar.
    fn reported_quarter(&self) -> Option<Point> {
        let dy = self.dct.map(|d| d.y);
        let quarters = || {
            self.out.iter().rev().filter_map(|t| {
                let (v, b) = (t.value.as_str(), t.value.as_bytes());
                if !(b.len() == 7 && &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6])) {
                    return None;
                }
                let (y, q) = (v[..4].parse::<i32>().ok()?, (b[6] - b'0') as u32);
                dy.is_none_or(|dy| y == dy).then_some((y, q))
            })
        };
        let ended = |&(_, q): &(i32, u32)| self.dct.is_none_or(|d| q * 3 < d.m);
        // the latest ended one ("third-quarter net ... after a flat second quarter")
        let (y, q) = quarters().filter(ended).max_by_key(|&(_, q)| q).or_else(|| quarters().next())?;
        Some(Point::with(y, (q - 1) * 3 + 1, Gran::Quarter))
    }
}

// -------------------------------------------------------------------- scheduling language
//
// Duckling-style readings that news annotation (TimeML) does not use: "in 2 hours" as the
// point two hours after the DCT, "the last 2 days" as the interval. They only apply with
// `Tense::Future` as the default tense (scheduling text); news keeps durations.

/// Seconds in a fixed-length unit (None for calendar units).
fn unit_secs(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Second => 1,
        Unit::Minute => 60,
        Unit::Hour => 3600,
        Unit::Day | Unit::Night => 86400,
        Unit::Week => 7 * 86400,
        Unit::Fortnight => 14 * 86400,
        _ => return None,
    })
}

/// Months in a calendar unit.
fn unit_months(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Month => 1,
        Unit::Quarter => 3,
        Unit::Year => 12,
        Unit::Decade => 120,
        Unit::Century => 1200,
        _ => return None,
    })
}

/// A civil date-time as seconds since 1970.
fn dt_secs(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    calendar::days_from_civil(y, m, d) * 86400 + h as i64 * 3600 + mi as i64 * 60 + s as i64
}

fn dt_civil(t: i64) -> (i32, u32, u32, u32, u32, u32) {
    let (y, m, d) = calendar::civil_from_days(t.div_euclid(86400));
    let r = t.rem_euclid(86400) as u32;
    (y, m, d, r / 3600, r % 3600 / 60, r % 60)
}

/// `t` moved by `n` units (month arithmetic clamps the day).
fn dt_add(t: i64, u: Unit, n: i64) -> Option<i64> {
    if let Some(s) = unit_secs(u) {
        return t.checked_add(s.checked_mul(n)?).filter(|x| x.abs() < 300_000_000_000);
    }
    let k = unit_months(u)?;
    let (y, m, d, h, mi, s) = dt_civil(t);
    let tot = (y as i64 * 12 + m as i64 - 1).checked_add(k.checked_mul(n)?)?;
    let ny = tot.div_euclid(12);
    if !(-9999..=9999).contains(&ny) {
        return None;
    }
    let nm = (tot.rem_euclid(12) + 1) as u32;
    Some(dt_secs(ny as i32, nm, d.min(calendar::days_in_month(ny as i32, nm)), h, mi, s))
}

/// Start of the unit containing `t`.
fn dt_trunc(t: i64, u: Unit) -> i64 {
    let (y, m, d, h, mi, _) = dt_civil(t);
    match u {
        Unit::Second => t,
        Unit::Minute => dt_secs(y, m, d, h, mi, 0),
        Unit::Hour => dt_secs(y, m, d, h, 0, 0),
        Unit::Day | Unit::Night => dt_secs(y, m, d, 0, 0, 0),
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let z = calendar::days_from_civil(y, m, d);
            (z - calendar::weekday_of_days(z) as i64 + 1) * 86400
        }
        Unit::Month => dt_secs(y, m, 1, 0, 0, 0),
        Unit::Quarter => dt_secs(y, (m - 1) / 3 * 3 + 1, 1, 0, 0, 0),
        Unit::Year => dt_secs(y, 1, 1, 0, 0, 0),
        Unit::Decade => dt_secs(y - y.rem_euclid(10), 1, 1, 0, 0, 0),
        Unit::Century => dt_secs(y - y.rem_euclid(100), 1, 1, 0, 0, 0),
    }
}

/// TimeML value of `t` at grain `u`.
fn dt_fmt(t: i64, u: Unit) -> String {
    let (y, m, d, h, mi, s) = dt_civil(t);
    match u {
        Unit::Second => format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, h, mi, s),
        Unit::Minute => format!("{:04}-{:02}-{:02}T{:02}:{:02}", y, m, d, h, mi),
        Unit::Hour => format!("{:04}-{:02}-{:02}T{:02}:00", y, m, d, h),
        Unit::Day | Unit::Night => format!("{:04}-{:02}-{:02}", y, m, d),
        Unit::Week | Unit::Fortnight | Unit::Weekend => Point { gran: Gran::Week, ..Point::day(y, m, d) }.fmt(),
        Unit::Month => format!("{:04}-{:02}", y, m),
        Unit::Quarter => format!("{:04}-Q{}", y, (m - 1) / 3 + 1),
        Unit::Year => format!("{:04}", y),
        Unit::Decade => format!("{:03}", y.div_euclid(10)),
        Unit::Century => format!("{:02}", y.div_euclid(100)),
    }
}

impl<'a> Tagger<'a> {
    fn sched(&self) -> bool {
        self.opts.default_tense == Tense::Future
    }

    /// The DCT with its clock time, in seconds.
    fn now_secs(&self) -> Option<i64> {
        let d = self.dct?;
        let (h, m) = self.dct_tm.unwrap_or((0, 0));
        Some(dt_secs(d.y, d.m, d.d, h, m, 0))
    }

    /// Quantity and unit for offsets: "2 hours", "a few minutes", "half an hour",
    /// "2 and a half hours", "a couple of days", "1/4 hour", "2.5 hours", "a quarter of an
    /// hour", "1h" (scheduling). Returns the offset in quarter units.
    fn qty_unit(&self, k: usize) -> Option<(i64, Unit, usize)> {
        let unit_at = |e: usize| -> Option<(Unit, usize)> {
            let e = if self.kw(e, Kw::Of) && self.kw(e + 1, Kw::A) { e + 2 } else { e };
            if let Some((u, _, e2)) = self.unit(e) {
                return Some((u, e2));
            }
            (self.sched() && self.word(e, "h")).then_some((Unit::Hour, e + 1))
        };
        if self.kw(k, Kw::Half) && self.kw(k + 1, Kw::A) {
            let (u, e) = unit_at(k + 2)?;
            return Some((2, u, e));
        }
        // "a quarter of an hour", "three-quarters of an hour"
        let (qk, qn) = if self.kw(k, Kw::A) && self.word(k + 1, "quarter") {
            (k + 2, 1)
        } else if matches!(self.lex(k), Lex::Card(3)) && self.punct(k + 1, '-') && self.word(k + 2, "quarters") {
            (k + 3, 3)
        } else {
            (0, 0)
        };
        if qn > 0 && self.kw(qk, Kw::Of) {
            let (u, e) = unit_at(qk)?;
            return Some((qn, u, e));
        }
        // "1/4 hour", "3/4h", "1/2 h", "2.5 hours"
        if let (Some(a), true) = (self.num(k), self.adj(k) && self.adj(k + 1) && self.ndigits(k + 2) == 1) {
            let b = self.num(k + 2)?;
            let q4 = if self.punct(k + 1, '/') && b == 4 && (1..=3).contains(&a) {
                Some(a as i64)
            } else if self.punct(k + 1, '/') && b == 2 && a == 1 {
                Some(2)
            } else if self.punct(k + 1, '.') && (b == 5 || b == 0) && a < 10_000 {
                Some(a as i64 * 4 + if b == 5 { 2 } else { 0 })
            } else {
                None
            };
            if let Some(q4) = q4 {
                let (u, e) = unit_at(k + 3)?;
                return Some((q4, u, e));
            }
        }
        let (q, e) = self.qty(k)?;
        let e = if self.word(e, "more") { e + 1 } else { e };
        let (u, e2) = if self.sched() && self.word(e, "h") && self.adj(e - 1) {
            (Unit::Hour, e + 1)
        } else if self.sched() && self.adj(e - 1) && self.t[e - 1].kind == Kind::Num && (self.punct(e, '\'') || self.punct(e, '"')) && (e + 1 >= self.n() || !self.adj(e)) {
            // "in 15'", "in 1\"": minutes and seconds marks
            (if self.punct(e, '\'') { Unit::Minute } else { Unit::Second }, e + 1)
        } else {
            let (u, _, e2) = self.unit(e)?;
            (u, e2)
        };
        let q4 = match q {
            Qty::N(n) => 4 * n as i64,
            Qty::Half(n) => 4 * n as i64 + 2,
            Qty::X => 12,
        };
        Some((q4, u, e2))
    }

    /// `now` moved by a count of quarter units; the grain of the result follows Duckling
    /// (one step finer than the unit).
    fn offset_value(&self, q4: i64, u: Unit, sign: i64) -> Option<String> {
        let now = self.now_secs()?;
        let whole = q4 % 4 == 0;
        let t = if !whole {
            let s = unit_secs(u).or_else(|| unit_months(u).map(|m| m * 30 * 86400))?;
            now.checked_add(q4.checked_mul(s)? / 4 * sign).filter(|x| x.abs() < 300_000_000_000)?
        } else {
            dt_add(now, u, sign * (q4 / 4))?
        };
        let g = match u {
            Unit::Second | Unit::Minute => Unit::Second,
            Unit::Hour => if whole { Unit::Minute } else { Unit::Second },
            Unit::Day | Unit::Night | Unit::Fortnight if self.dct_tm.is_some() && whole => Unit::Hour,
            Unit::Day | Unit::Night | Unit::Fortnight => if whole { Unit::Day } else { Unit::Hour },
            Unit::Week | Unit::Month | Unit::Quarter => Unit::Day,
            Unit::Year => Unit::Month,
            _ => Unit::Year,
        };
        if matches!(g, Unit::Minute | Unit::Second | Unit::Hour) && self.dct_tm.is_none() {
            return None;
        }
        Some(dt_fmt(t, g))
    }

    /// Extra families: scheduling offsets and intervals.
    fn p_extra(&self, i: usize) -> Option<Cand> {
        if self.sched() {
            if let Some(c) = self.p_sched(i) {
                return Some(c);
            }
        }
        // "the year ended March 31", "the fiscal year ending June 30": a reporting period
        // (a year long); "for the full year": the DCT's year
        if self.kw(i, Kw::The) {
            let k = if self.word(i + 1, "fiscal") || self.word(i + 1, "full") { i + 2 } else { i + 1 };
            if matches!(self.lex(k), Lex::Unit(Unit::Year, false)) && !self.punct(k + 1, '-') && !self.punct(k + 1, '\'') {
                if self.word(k + 1, "ended") || self.word(k + 1, "ending") {
                    return Some(Cand::new(i, k + 1, TimexType::Duration, "P1Y".into()));
                }
                let next_ok = k + 1 >= self.n() || self.is_punct(k + 1) || self.word(k + 1, "and") || self.word(k + 1, "was") || self.word(k + 1, "were");
                if let (true, true, Some(d)) = (i > 0 && self.word(i - 1, "for"), next_ok, self.dct) {
                    let p = Point::with(d.y, 1, Gran::Year);
                    let mut c = Cand::new(i, k + 1, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "nineteen ninety-six", "the year two thousand" ("twenty thirty" alone may be a time)
        {
            let k = if self.kw(i, Kw::The) && self.word(i + 1, "year") { i + 2 } else { i };
            if let Some((y, e)) = self.spelled_year(k) {
                if (k > i || (1800..2000).contains(&y)) && (1000..2100).contains(&y) && !(self.word(e, "people") || is_measure_word(self.txt(e))) {
                    let p = Point::with(y, 1, Gran::Year);
                    let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    return Some(c);
                }
            }
        }
        // "the week of March 6": the (ISO) week containing that day
        if self.kw(i, Kw::The) && matches!(self.lex(i + 1), Lex::Unit(Unit::Week, false)) && self.kw(i + 2, Kw::Of) {
            if let Some(c) = self.p_datetime(i + 3).filter(|c| c.s == i + 3 && c.range_end.is_none()) {
                if let Some(p) = c.point.filter(|p| p.gran == Gran::Day) {
                    let z = calendar::days_from_civil(p.y, p.m, p.d);
                    let (y, m, d) = calendar::civil_from_days(z - calendar::weekday_of_days(z) as i64 + 1);
                    let w = Point { gran: Gran::Week, ..Point::day(y, m, d) };
                    let mut r = Cand::new(i, c.e, TimexType::Date, w.fmt());
                    r.point = Some(w);
                    r.anchor = c.anchor;
                    return Some(r);
                }
            }
        }
        // "2018Q4", "18q4": a year glued to its quarter
        if (self.ndigits(i) == 4 || self.ndigits(i) == 2) && self.adj(i) && self.word(i + 1, "q") && self.adj(i + 1) && self.ndigits(i + 2) == 1 && !(self.adj(i + 2) && !self.is_punct(i + 3)) && !(i > 0 && self.adj(i - 1)) {
            let (y, q) = (self.num(i)? as i32, self.num(i + 2)?);
            let y = if y < 100 { 2000 + y } else { y };
            if (1..=4).contains(&q) && (1900..2100).contains(&y) {
                let p = Point::with(y, (q - 1) * 3 + 1, Gran::Quarter);
                let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
                c.point = Some(p);
                return Some(c);
            }
        }
        // "31-Oct-74", "31/Oct/1974"
        if let (Some(d), Lex::MonthAbbr(m) | Lex::Month(m)) = (self.num(i).filter(|_| self.ndigits(i) <= 2), self.lex(i + 2)) {
            let sep = if self.punct(i + 1, '-') { Some('-') } else if self.punct(i + 1, '/') { Some('/') } else { None };
            if let Some(sep) = sep {
                if self.adj(i) && self.adj(i + 1) && self.adj(i + 2) && self.punct(i + 3, sep) && self.adj(i + 3) && !(i > 0 && self.adj(i - 1)) {
                    let yd = self.ndigits(i + 4);
                    if (yd == 2 || yd == 4) && !(self.adj(i + 4) && !self.is_punct(i + 5)) {
                        let y = self.num(i + 4)? as i32;
                        let y = if yd == 2 { if y < 30 { 2000 + y } else { 1900 + y } } else { y };
                        if calendar::valid_date(y, m, d) {
                            let p = Point::day(y, m, d);
                            let mut c = Cand::new(i, i + 5, TimexType::Date, p.fmt());
                            c.point = Some(p);
                            return Some(c);
                        }
                    }
                }
            }
        }
        // "2014 AD", "2014 A.D."
        if self.ndigits(i) == 4 && (self.word(i + 1, "ad") && self.t[i + 1].cap || self.word(i + 1, "a") && self.punct(i + 2, '.') && self.word(i + 3, "d")) {
            if let Some((Spec { y: Some(y), m: None, .. }, _)) = self.bare_year(i).or_else(|| self.year(i).map(|(y, e)| (Spec { y: Some(y), ..Spec::default() }, e))) {
                let e = if self.word(i + 1, "ad") { i + 2 } else if self.punct(i + 4, '.') { i + 5 } else { i + 4 };
                let p = Point::with(y, 1, Gran::Year);
                let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                return Some(c);
            }
        }
        self.p_month_day(i)
            .or_else(|| self.p_nth_week(i))
            .or_else(|| self.p_offset_from(i))
            .or_else(|| self.p_weekday_day(i))
            .or_else(|| self.p_ordinal_day(i))
            .or_else(|| self.p_day_range(i))
            .or_else(|| self.p_period_part(i))
            .or_else(|| self.p_hour_range(i))
            .or_else(|| self.p_weekday_week(i))
            .or_else(|| self.p_hour_day(i))
            .or_else(|| self.p_day_after(i))
            .or_else(|| self.p_pod_of_day(i))
            .or_else(|| self.p_closest(i))
    }

    /// "the closest Christmas to today", "the second closest Monday to October 5th": the
    /// n-th nearest occurrence to a reference day.
    fn p_closest(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, k) = match self.day_num(k) {
            Some((n, k2)) if (1..=5).contains(&n) && self.word(k2, "closest") => (n as i64, k2 + 1),
            _ if self.word(k, "closest") => (1, k + 1),
            _ => return None,
        };
        enum X {
            Wd(u32),
            Hol(Hol),
        }
        let (x, j) = if let Some((h, j)) = self.holiday(k) {
            (X::Hol(h), j)
        } else if let Some((w, j)) = self.weekday(k).or(match self.lex(k) {
            Lex::WeekdayAbbr(w) => Some((w, k + 1)),
            _ => None,
        }) {
            (X::Wd(w), j)
        } else {
            return None;
        };
        if !self.kw(j, Kw::To) {
            return None;
        }
        let c = self.p_datetime(j + 1).filter(|c| c.s == j + 1 && c.value.len() == 10 && c.value.as_bytes()[0].is_ascii_digit())?;
        let num = |r: std::ops::Range<usize>| c.value.get(r).and_then(|x| x.parse::<u32>().ok());
        let z = calendar::days_from_civil(num(0..4)? as i32, num(5..7)?, num(8..10)?);
        let mut cands: Vec<i64> = match x {
            X::Wd(w) => (-40..=40).map(|o| z + o).filter(|&d| calendar::weekday_of_days(d) == w).collect(),
            X::Hol(h) => {
                let (y, _, _) = calendar::civil_from_days(z);
                (y - 4..=y + 4).map(|yy| {
                    let (a, b, c2) = Self::holiday_date(h, yy);
                    calendar::days_from_civil(a, b, c2)
                }).collect()
            }
        };
        cands.sort_by_key(|&d| ((d - z).abs(), d));
        let d = *cands.get(n as usize - 1)?;
        let (y, m, dd) = calendar::civil_from_days(d);
        let p = Point::day(y, m, dd);
        let mut r = Cand::new(i, c.e, TimexType::Date, p.fmt());
        r.anchor = c.anchor;
        r.point = Some(p);
        Some(r)
    }

    /// "the morning of Christmas", "morning of the 15th of February": a part of that day
    /// (scheduling text).
    fn p_pod_of_day(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let Lex::Pod(p) = self.lex(k) else { return None };
        // TimeBank leaves "the night of" outside the date: scheduling text only
        if !self.sched() || !self.kw(k + 1, Kw::Of) || self.word(k, "mornings") {
            return None;
        }
        let c = self.p_datetime(k + 2).filter(|c| c.s == k + 2 && c.kind == TimexType::Date && c.range_end.is_none())?;
        if c.value.len() != 10 || !c.value.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        let mut r = Cand::new(i, c.e, TimexType::Time, format!("{}T{}", c.value, p));
        r.anchor = c.anchor;
        r.point = c.point;
        Some(r)
    }

    /// A bare hour before a day word: "8 tonight", "eight this evening", "9 tomorrow
    /// morning", "at 5 tomorrow afternoon".
    fn p_hour_day(&self, i: usize) -> Option<Cand> {
        let (h, k) = match self.num(i) {
            Some(h) if (1..=12).contains(&h) && self.ndigits(i) <= 2 && !self.in_figure(i) && !self.adj(i) => (h, i + 1),
            _ => self.hour_word(i)?,
        };
        let (off, pod, e) = match self.lex(k) {
            Lex::Kw(Kw::Tonight) => (0, Some("NI"), k + 1),
            Lex::Kw(Kw::This) => match self.lex(k + 1) {
                Lex::Pod(p) => (0, Some(p), k + 2),
                _ => return None,
            },
            Lex::Kw(Kw::Tomorrow | Kw::Today) => {
                let off = if self.kw(k, Kw::Tomorrow) { 1 } else { 0 };
                match self.lex(k + 1) {
                    Lex::Pod(p) => (off, Some(p), k + 2),
                    _ => (off, None, k + 1),
                }
            }
            _ => return None,
        };
        // without a part of day only in scheduling text ("9 tomorrow")
        if pod.is_none() && !self.sched() {
            return None;
        }
        let h = match pod {
            Some(p) if p != "MO" && h < 12 => h + 12,
            _ => h,
        };
        let res = self.resolve_day(DayRef::Rel(off), None, i, e)?;
        Some(self.time_cand(i, e, res, Tod::Hm(h, 0, None), None))
    }

    /// "day after tomorrow", "day before yesterday" (without "the"), with an optional time.
    fn p_day_after(&self, i: usize) -> Option<Cand> {
        if !(self.lex(i) == Lex::Unit(Unit::Day, false)) || i > 0 && self.kw(i - 1, Kw::The) {
            return None;
        }
        let off = if self.kw(i + 1, Kw::After) && self.kw(i + 2, Kw::Tomorrow) {
            2
        } else if self.kw(i + 1, Kw::Before) && self.kw(i + 2, Kw::Yesterday) {
            -2
        } else {
            return None;
        };
        let res = self.resolve_day(DayRef::Rel(off), None, i, i + 3)?;
        if let Some((tod, e)) = self.at_time(i + 3) {
            return Some(self.time_cand(i, e, res, tod, None));
        }
        let mut c = Cand::new(i, i + 3, TimexType::Date, res.value);
        c.point = res.point;
        c.anchor = res.anchor;
        Some(c)
    }

    /// A weekday placed by a week: "Wednesday of next week", "Wednesday next week", "last
    /// week's Sunday", "Friday after next", "3 Fridays from now", "2 Thursdays ago".
    fn p_weekday_week(&self, i: usize) -> Option<Cand> {
        let dct = self.dct?;
        let today = calendar::days_from_civil(dct.y, dct.m, dct.d);
        let monday = today - calendar::weekday(dct.y, dct.m, dct.d) as i64 + 1;
        let week_off = |k: usize| -> Option<(i64, usize)> {
            let k = if self.kw(k, Kw::The) { k + 1 } else { k };
            let off = match self.lex(k) {
                Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
                Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => -1,
                Lex::Kw(Kw::This) => 0,
                _ => return None,
            };
            matches!(self.lex(k + 1), Lex::Unit(Unit::Week, false)).then_some((off, k + 2))
        };
        let day_in = |off: i64, wd: u32| -> Point {
            let (y, m, d) = calendar::civil_from_days(monday + 7 * off + wd as i64 - 1);
            Point::day(y, m, d)
        };
        let done = |s: usize, e: usize, p: Point| {
            let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
            c.point = Some(p);
            c.anchor = Anchor::Dct;
            Some(c)
        };
        // "last week's Sunday"
        if let Some((off, k)) = week_off(i) {
            if self.punct(k, '\'') && self.word(k + 1, "s") {
                if let Some((wd, e)) = self.weekday(k + 2) {
                    return done(i, e, day_in(off, wd));
                }
            }
            return None;
        }
        // "3 Fridays from now", "2 thursdays ago"
        if let Some((Qty::N(n), k)) = self.qty(i) {
            if let Lex::Weekday(wd, true) = self.lex(k) {
                if !(1..=60).contains(&n) {
                    return None;
                }
                let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
                let (sign, e) = if self.kw(k + 1, Kw::From) && self.kw(k + 2, Kw::Now) {
                    (1, k + 3)
                } else if self.kw(k + 1, Kw::Ago) || self.word(k + 1, "back") {
                    (-1, k + 2)
                } else {
                    return None;
                };
                let first = if sign > 0 {
                    let f = (wd as i64 - dw).rem_euclid(7);
                    today + if f == 0 { 7 } else { f }
                } else {
                    let b = (dw - wd as i64).rem_euclid(7);
                    today - if b == 0 { 7 } else { b }
                };
                let (y, m, d) = calendar::civil_from_days(first + sign * 7 * (n as i64 - 1));
                return done(i, e, Point::day(y, m, d));
            }
            return None;
        }
        let (wd, j) = self.weekday(i)?;
        // "Friday after next"
        if self.kw(j, Kw::After) && self.kw(j + 1, Kw::Next) {
            let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
            let f = (wd as i64 - dw).rem_euclid(7);
            let (y, m, d) = calendar::civil_from_days(today + if f == 0 { 7 } else { f } + 7);
            return done(i, j + 2, Point::day(y, m, d));
        }
        let k = if self.kw(j, Kw::Of) || self.kw(j, Kw::From) { j + 1 } else if self.punct(j, ',') { j + 1 } else { j };
        let (off, e) = week_off(k)?;
        if k == j && self.kw(k, Kw::This) {
            return None;
        }
        done(i, e, day_in(off, wd))
    }

    /// "13-15 July", "from 13 to 15 July", "between the 13th and the 15th of July",
    /// "23rd to 26th Oct": a day range whose first day borrows the month of the second.
    fn p_day_range(&self, i: usize) -> Option<Cand> {
        let between = self.kw(i, Kw::Between);
        let k = if between || self.kw(i, Kw::From) { i + 1 } else { i };
        let d1s = k;
        let k = if self.kw(k, Kw::The) { k + 1 } else { k };
        let (d1, j) = self.day_num(k)?;
        if self.lex(k) != Lex::None && !matches!(self.lex(k), Lex::Ord(_)) {
            return None;
        }
        let j2 = if between {
            if !self.kw(j, Kw::And) {
                return None;
            }
            j + 1
        } else if self.punct(j, '-') || self.punct(j, '–') || matches!(self.lex(j), Lex::Kw(Kw::To | Kw::Through | Kw::Until)) {
            j + 1
        } else {
            return None;
        };
        let (sp, e) = self.spec_date(j2, false)?;
        let (m, d2) = (sp.m?, sp.d?);
        if sp.wd.is_some() || d1 >= d2 || self.month(j2).is_some() {
            return None;
        }
        let res = self.resolve_day(DayRef::Spec(sp), None, d1s, e)?;
        let p2 = res.point?;
        if !calendar::valid_date(p2.y, m, d1) {
            return None;
        }
        let p1 = Point::day(p2.y, m, d1);
        let mut c = Cand::new(d1s, e, TimexType::Date, p1.fmt());
        c.range_end = Some(p2.fmt());
        c.point = Some(p1);
        c.anchor = res.anchor;
        Some(c)
    }

    /// "the end of the month", "the beginning of the year", "end of the week" (the DCT's).
    fn p_period_part(&self, i: usize) -> Option<Cand> {
        let (modi, j) = self.fuzzy(i);
        let modi = modi?;
        if !self.kw(j - 1, Kw::Of) && !(self.kw(i, Kw::End) || self.kw(i, Kw::Beginning) || self.kw(i, Kw::Start)) {
            return None;
        }
        let j = if !self.kw(j - 1, Kw::Of) {
            if !self.kw(j, Kw::Of) {
                return None;
            }
            j + 1
        } else {
            j
        };
        let k = if self.kw(j, Kw::The) { j + 1 } else { j };
        let g = match self.lex(k) {
            Lex::Unit(Unit::Month, false) => Gran::Month,
            Lex::Unit(Unit::Year, false) => Gran::Year,
            Lex::Unit(Unit::Week, false) => Gran::Week,
            _ => return None,
        };
        if self.kw(k + 1, Kw::Of) || self.punct(k + 1, '\'') {
            return None;
        }
        let mut c = self.dct_shift_cand(i, k + 1, 0, g, Some(modi))?;
        if self.kw(i, Kw::The) && !self.kw(i + 1, Kw::The) {
            c.s = i;
        }
        Some(c)
    }

    /// "3-4pm", "8am - 1pm", "from 9 to 11 am", "between 9 and 11 in the morning": an
    /// hour range; the second time's am/pm carries over to the first.
    fn p_hour_range(&self, i: usize) -> Option<Cand> {
        let between = self.kw(i, Kw::Between);
        let k = if between || self.kw(i, Kw::From) { i + 1 } else { i };
        let (t1, j) = match self.time(k) {
            Some((Tod::Hm(h, m, None), j)) => ((h, m, true), j),
            Some(_) => return None,
            None => {
                let h = self.num(k).filter(|&h| (1..=12).contains(&h) && self.ndigits(k) <= 2 && !self.in_figure(k))
                    .or_else(|| self.hour_word(k).map(|x| x.0))?;
                ((h, 0, false), k + 1)
            }
        };
        let j2 = if between {
            if !self.kw(j, Kw::And) {
                return None;
            }
            j + 1
        } else if self.punct(j, '-') || self.punct(j, '–') || matches!(self.lex(j), Lex::Kw(Kw::To | Kw::Until)) || self.word(j, "untill") {
            j + 1
        } else {
            return None;
        };
        let (Tod::Hm(h2, m2, None), e) = self.time(j2).or_else(|| {
            // "from 3 to 4 in the PM", "between 9 and 11": a bare second hour
            let h = self.num(j2).filter(|&h| (1..=12).contains(&h) && self.ndigits(j2) <= 2)?;
            (!t1.2 || self.sched() && (between || self.kw(i, Kw::From))).then_some((Tod::Hm(h, 0, None), j2 + 1))
        })? else { return None };
        let (mut e, mut h2) = (e, h2);
        if self.kw(e, Kw::In) && self.kw(e + 1, Kw::The) && (self.word(e + 2, "pm") || self.word(e + 2, "am")) {
            if self.word(e + 2, "pm") && h2 < 12 {
                h2 += 12;
            }
            e += 3;
        }
        // both bare numbers is a score or a figure, not a time
        let second_marked = !(j2..e).all(|x| self.t[x].kind == Kind::Num);
        if !t1.2 && !second_marked && !self.sched() {
            return None;
        }
        if !t1.2 && !second_marked && !(between || self.kw(i, Kw::From)) {
            return None;
        }
        let (mut h1, m1) = (t1.0, t1.1);
        if !t1.2 || (h1 <= 12 && !(k..j).any(|x| matches!(self.lex(x), Lex::Kw(Kw::Am | Kw::Pm)) || self.word(x, "a") || self.word(x, "p"))) {
            // carry am/pm: the latest reading of h1 that is not after h2
            if h2 >= 12 && h1 < 12 && h1 + 12 <= h2 {
                h1 += 12;
            }
        }
        if (h1, m1) >= (h2, m2) && !(h2 < h1 && h1 <= 12) {
            return None;
        }
        // an optional day: "on Thursday", "tomorrow"
        let mut k2 = if self.punct(e, ',') { e + 1 } else { e };
        if self.kw(k2, Kw::On) {
            k2 += 1;
        }
        let (res, e) = match self.dayref(k2, None) {
            Some((dr @ (DayRef::Spec(Spec { m: None, y: None, .. }) | DayRef::Rel(_)), e2)) => (self.resolve_day(dr, None, k, e2)?, e2),
            _ => (
                match self.dct {
                    Some(d) => Res::rel(d, Anchor::Dct),
                    None => Res::open("XXXX-XX-XX".into()),
                },
                e,
            ),
        };
        let (h2, m2) = if h2 < h1 { (h2 + 12, m2) } else { (h2, m2) };
        let start = if self.kw(i, Kw::From) || between { i + 1 } else { i };
        let mut c = self.time_cand(start, e, Res { value: res.value.clone(), point: res.point, anchor: res.anchor }, Tod::Hm(h1, m1, None), None);
        c.range_end = Some(format!("{}{}", res.value, Tod::Hm(h2.min(24), m2, None).suffix()));
        Some(c)
    }

    /// Tense used to place an expression without a year: scheduling text looks ahead.
    fn place_tense(&self, s: usize, e: usize) -> Option<Tn> {
        if self.sched() {
            return Some(Tn::Future);
        }
        self.marked_tense(s, e)
    }

    /// A month reference: "March", "March 2014", "this month", "the next month", "the month".
    fn month_ref(&self, k: usize, s: usize) -> Option<(i32, u32, usize, Anchor)> {
        if let Some((m, j)) = self.month(k) {
            let (y, e) = self.opt_year(j);
            if let Some(y) = y {
                return Some((y, m, e, Anchor::None));
            }
            let y = self.year_for(m, None, self.place_tense(s, j), None)?;
            return Some((y, m, j, Anchor::Dct));
        }
        let the = self.kw(k, Kw::The);
        let k2 = if the { k + 1 } else { k };
        let off = match self.lex(k2) {
            Lex::Kw(Kw::This | Kw::Current) => Some(0),
            Lex::Kw(Kw::Next | Kw::Following | Kw::Coming) => Some(1),
            Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => Some(-1),
            _ => None,
        };
        let (off, k3) = match off {
            Some(o) => (o, k2 + 1),
            None if the => (0, k2),
            None => return None,
        };
        if !self.word(k3, "month") {
            return None;
        }
        let d = self.dct?;
        let p = Point::with(d.y, d.m, Gran::Month).shift(off, Gran::Month)?;
        Some((p.y, p.m, k3 + 1, Anchor::Dct))
    }

    /// "the first Tuesday of October", "last Monday of March 2014", "the last day of
    /// October", "the third day of October", "the 20th of next month".
    fn p_month_day(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, j) = if self.kw(k, Kw::Last) {
            (-1, k + 1)
        } else {
            let (n, j) = self.day_num(k)?;
            // "the fifth last day of May"
            if self.kw(j, Kw::Last) && (1..=31).contains(&n) && (self.word(j + 1, "day") || self.weekday(j + 1).is_some()) {
                (-(n as i32), j + 1)
            } else {
                (n as i32, j)
            }
        };
        enum What {
            Wd(u32),
            Day,
            Weekend,
        }
        let (what, j2) = if let Some((wd, j2)) = self.weekday(j) {
            if !(-5..=5).contains(&n) || n == 0 {
                return None;
            }
            (What::Wd(wd), j2)
        } else if self.word(j, "day") {
            (What::Day, j + 1)
        } else if n == -1 && matches!(self.lex(j), Lex::Unit(Unit::Weekend, false)) {
            (What::Weekend, j + 1)
        } else if n > 0 && self.kw(j, Kw::Of) && !self.kw(j + 1, Kw::The) || n > 0 && self.kw(j, Kw::Of) && self.word(j + 3, "month") {
            // "20th of next month" (bare "the 20th of March" is a plain date)
            if self.month(j + 1).is_some() {
                return None;
            }
            (What::Day, j)
        } else {
            return None;
        };
        if !(self.kw(j2, Kw::Of) || self.kw(j2, Kw::In)) {
            return None;
        }
        let (y, m, e, anchor) = self.month_ref(j2 + 1, i)?;
        let m0 = m;
        let (y, m, d) = match what {
            What::Wd(wd) => calendar::nth_weekday(y, m, wd, n),
            What::Weekend => {
                let (y2, m2, d2) = calendar::nth_weekday(y, m, 7, -1);
                if m2 != m0 {
                    return None;
                }
                let p = Point { gran: Gran::Weekend, ..Point::day(y2, m2, d2) };
                let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                c.anchor = anchor;
                return Some(c);
            }
            What::Day if n < 0 => {
                let last = calendar::days_in_month(y, m) as i32;
                if last + n + 1 < 1 {
                    return None;
                }
                (y, m, (last + n + 1) as u32)
            }
            What::Day => (y, m, n as u32),
        };
        if !calendar::valid_date(y, m, d) || m != m0 {
            return None;
        }
        let p = Point::day(y, m, d);
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = anchor;
        Some(c)
    }

    /// "Tuesday the 19th", "Tuesday 19th", "Thu 15th": the nearby month where the day
    /// falls on that weekday.
    fn p_weekday_day(&self, i: usize) -> Option<Cand> {
        let (wd, j) = match self.lex(i) {
            Lex::WeekdayAbbr(w) => (w, if self.punct(i + 1, '.') && self.adj(i) { i + 2 } else { i + 1 }),
            _ => self.weekday(i)?,
        };
        let k = if self.kw(j, Kw::The) { j + 1 } else { j };
        // digits need an ordinal suffix or "the" ("Monday 19" is too often a score)
        if self.num(k).is_some() && !(k > j || self.adj(k) && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)) {
            return None;
        }
        let (d, e) = self.day_num(k)?;
        if self.month(e).is_some() || !self.day_closes(e) {
            return None;
        }
        let dct = self.dct?;
        let tn = self.place_tense(i, e).unwrap_or(self.default_tn());
        let base = Point::with(dct.y, dct.m, Gran::Month);
        let today = calendar::days_from_civil(dct.y, dct.m, dct.d);
        let mut found = None;
        for step in 0..14i64 {
            let off = if tn == Tn::Past { -step } else { step };
            let p = base.shift(off, Gran::Month)?;
            if !calendar::valid_date(p.y, p.m, d) || calendar::weekday(p.y, p.m, d) != wd {
                continue;
            }
            let z = calendar::days_from_civil(p.y, p.m, d);
            if tn == Tn::Past && z > today || tn != Tn::Past && z < today {
                continue;
            }
            found = Some(Point::day(p.y, p.m, d));
            break;
        }
        let p = found?;
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = Anchor::Dct;
        Some(c)
    }

    /// A day number ends the phrase here (not "the 15th century", "the fourth quarter").
    fn day_closes(&self, e: usize) -> bool {
        e >= self.n()
            || self.is_punct(e) && !self.punct(e, '-') && !self.punct(e, '/') && !self.punct(e, '\'')
            || matches!(self.lex(e), Lex::Kw(Kw::At | Kw::In | Kw::On | Kw::From | Kw::Until | Kw::Through | Kw::To)) && !self.word(e + 1, "a") && !self.word(e + 1, "the")
            || self.word(e, "and") || self.word(e, "or") || matches!(self.lex(e), Lex::Pod(_))
    }

    /// "on the 15th", "the 1st,", "On 24th": a day of the DCT's month (or the next/previous
    /// one, as the tense says).
    fn p_ordinal_day(&self, i: usize) -> Option<Cand> {
        let on = self.kw(i, Kw::On);
        let the = self.kw(i + on as usize, Kw::The);
        if !on && !the {
            return None;
        }
        let k = i + on as usize + the as usize;
        let digits = self.num(k).is_some();
        // bare digits need "on the"; ordinal words need "on"
        if digits && !(self.adj(k) && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)) && !(on && the) {
            return None;
        }
        if !digits && !on {
            return None;
        }
        let (d, e) = self.day_num(k)?;
        if !self.day_closes(e) {
            return None;
        }
        let dct = self.dct?;
        let start = if on { i + 1 } else { i };
        let tn = self.place_tense(start, e);
        let off = match tn {
            Some(Tn::Future) => if d < dct.d { 1 } else { 0 },
            Some(Tn::Past) => if d > dct.d { -1 } else { 0 },
            _ => {
                if d + 15 < dct.d { 1 } else if d > dct.d + 15 { -1 } else { 0 }
            }
        };
        let p = Point::with(dct.y, dct.m, Gran::Month).shift(off, Gran::Month)?;
        if !calendar::valid_date(p.y, p.m, d) {
            return None;
        }
        let p = Point::day(p.y, p.m, d);
        let mut c = Cand::new(start, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = Anchor::Dct;
        Some(c)
    }

    fn p_sched(&self, i: usize) -> Option<Cand> {
        // "EOM", "BOM", "EOY", "BOY"
        let ai = if self.kw(i, Kw::The) && self.kw(i + 1, Kw::PeriodAbbr) { i + 1 } else { i };
        if self.kw(ai, Kw::PeriodAbbr) {
            let w = self.txt(ai);
            let is = |x: &str| w.eq_ignore_ascii_case(x);
            let r = if is("eod") { Some(("END", Gran::Day)) } else if is("eom") { Some(("END", Gran::Month)) } else if is("bom") { Some(("START", Gran::Month)) } else if is("eoy") { Some(("END", Gran::Year)) } else if is("boy") && self.cap(ai) { Some(("START", Gran::Year)) } else { None };
            if let Some((m, g)) = r {
                return self.dct_shift_cand(i, ai + 1, 0, g, Some(m));
            }
        }
        // "at this time": today
        if self.kw(i, Kw::This) && self.word(i + 1, "time") && i > 0 && self.kw(i - 1, Kw::At) {
            return self.dct_shift_cand(i, i + 2, 0, Gran::Day, None);
        }
        // "2/15", "2-15", "2 - 15": month and day
        if let (Some(a), Some(d)) = (self.num(i), self.dct) {
            if (1..=12).contains(&a) && self.ndigits(i) <= 2 && (self.punct(i + 1, '/') || self.punct(i + 1, '-')) && !(i > 0 && self.adj(i - 1)) {
                if let Some(b) = self.num(i + 2).filter(|&b| (13..=31).contains(&b) && self.ndigits(i + 2) == 2 && !(self.adj(i + 2) && !self.is_punct(i + 3))) {
                    if !(self.punct(i + 3, '/') || self.punct(i + 3, '-')) && calendar::valid_date(d.y, a, b) {
                        let y = self.year_for(a, Some(b), Some(Tn::Future), None)?;
                        let p = Point::day(y, a, b);
                        let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                }
                // "2/2013": month and year
                if self.punct(i + 1, '/') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 4 && !(self.adj(i + 2) && !self.is_punct(i + 3)) {
                    let y = self.num(i + 2)? as i32;
                    if (1900..2100).contains(&y) {
                        return Some(Cand::new(i, i + 3, TimexType::Date, format!("{:04}-{:02}", y, a)));
                    }
                }
            }
        }
        // "now", "right now", "just now", "at the moment": the reference time itself
        if let (Some(tm), Some(d)) = (self.dct_tm, self.dct) {
            let e = match self.lex(i) {
                Lex::Kw(Kw::Now) => Some(i + 1),
                Lex::Kw(Kw::Right) if self.kw(i + 1, Kw::Now) => Some(i + 2),
                Lex::Kw(Kw::The) if self.word(i + 1, "moment") && i > 0 && self.kw(i - 1, Kw::At) => Some(i + 2),
                _ => None,
            };
            if let Some(e) = e {
                let mut c = Cand::new(i, e, TimexType::Time, format!("{}T{:02}:{:02}:00", d.fmt(), tm.0, tm.1));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "in 2 hours", "in a week", "in half an hour", "after 5 days"
        if self.kw(i, Kw::In) || self.word(i, "within") || self.kw(i, Kw::After) {
            let k = if self.word(i + 1, "about") || self.word(i + 1, "approximately") { i + 2 } else { i + 1 };
            if let Some((h, u, e)) = self.qty_unit(k) {
                // "in 7 days at 5pm": the day, then the clock time
                if let (true, Some((Tod::Hm(hh, mm, ss), e2))) = (h % 4 == 0 && matches!(u, Unit::Day | Unit::Week | Unit::Fortnight), self.at_time(e).filter(|_| self.kw(e, Kw::At))) {
                    let t = dt_add(self.now_secs()?, u, h / 4)?;
                    let day = dt_fmt(t, Unit::Day);
                    let mut c = Cand::new(if self.kw(i, Kw::After) { i } else { i + 1 }, e2, TimexType::Time, format!("{}{}", day, Tod::Hm(hh, mm, ss).suffix()));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
                let v = self.offset_value(h, u, 1)?;
                let mut c = Cand::new(if self.kw(i, Kw::After) { i } else { i + 1 }, e, TimexType::Date, v);
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "2 hours from now", "a week ago", "3 days hence"
        if let Some((h, u, e)) = self.qty_unit(i) {
            let (sign, end) = match self.lex(e) {
                Lex::Kw(Kw::Ago) => (-1, e + 1),
                Lex::Kw(Kw::Hence) => (1, e + 1),
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Now) => (1, e + 2),
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Today) => {
                    // "3 years from today": counted in days
                    if matches!(u, Unit::Year | Unit::Month | Unit::Quarter | Unit::Decade) && h % 4 == 0 {
                        let t = dt_add(self.now_secs()?, u, h / 4)?;
                        let mut c = Cand::new(i, e + 2, TimexType::Date, dt_fmt(t, Unit::Day));
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                    (1, e + 2)
                }
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Right) && self.kw(e + 2, Kw::Now) => (1, e + 3),
                _ => (0, e),
            };
            if sign != 0 {
                let v = self.offset_value(h, u, sign)?;
                let mut c = Cand::new(i, end, TimexType::Date, v);
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "18th Dec for 10 days", "4pm for 30 mins", "for 10 days from 18th Dec"
        if let Some(c) = self.p_for_span(i).or_else(|| if i > 0 && self.word(i - 1, "for") { self.p_for_span(i - 1) } else { None }) {
            return Some(c);
        }
        // "late tonight", "late last night": 21:00 to midnight
        if self.kw(i, Kw::Late) {
            let (off, e) = if self.kw(i + 1, Kw::Tonight) { (0, i + 2) } else if self.kw(i + 1, Kw::Last) && self.word(i + 2, "night") { (-1, i + 3) } else { (0, 0) };
            if e > 0 {
                let p = self.dct?.shift(off, Gran::Day)?;
                let mut c = Cand::new(i, e, TimexType::Time, format!("{}T21:00", p.fmt()));
                c.range_end = Some(format!("{}T23:00", p.fmt()));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "tomorrow lunch", "today at lunch": 12:00 to 14:00
        if let Some((DayRef::Rel(off), e)) = self.dayref(i, None) {
            let k = if self.kw(e, Kw::At) { e + 1 } else { e };
            if self.word(k, "lunch") {
                let p = self.dct?.shift(off, Gran::Day)?;
                let mut c = Cand::new(i, k + 1, TimexType::Time, format!("{}T12:00", p.fmt()));
                c.range_end = Some(format!("{}T13:00", p.fmt()));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "the 24": a day of the month, alone
        if self.kw(i, Kw::The) && self.alone(i, i + 2) {
            if let (Some(d), Some(dct)) = (self.num(i + 1).filter(|&d| (1..=31).contains(&d) && self.ndigits(i + 1) <= 2), self.dct) {
                let p = Point::with(dct.y, dct.m, Gran::Month).shift(if d < dct.d { 1 } else { 0 }, Gran::Month)?;
                if calendar::valid_date(p.y, p.m, d) {
                    let mut c = Cand::new(i, i + 2, TimexType::Date, Point::day(p.y, p.m, d).fmt());
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "morning", "the afternoon", "in the evening": today's part of the day, alone
        {
            let k = if self.kw(i, Kw::The) { i + 1 } else { i };
            if let (Lex::Pod(p), Some(d)) = (self.lex(k), self.dct) {
                let before_ok = i == 0 || self.is_punct(i - 1) || self.kw(i - 1, Kw::In) && (i < 2 || self.is_punct(i - 2));
                if before_ok && (k + 1 >= self.n() || self.is_punct(k + 1)) && !self.word(k, "mornings") {
                    let mut c = Cand::new(i, k + 1, TimexType::Time, format!("{}T{}", d.fmt(), p));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "Thanksgiving in 9 months", "March in a year", "Thanksgiving 3 months ago": the
        // holiday or month in the year of the shifted reference time
        let shifted = self.dayref(i, None).or_else(|| match self.lex(i) {
            Lex::Month(m) if self.cap(i) => Some((DayRef::Spec(Spec { m: Some(m), ..Spec::default() }), i + 1)),
            _ => None,
        });
        if let Some((dr @ (DayRef::Holiday(_, None) | DayRef::Spec(Spec { y: None, d: None, wd: None, m: Some(_) })), e)) = shifted {
            let (k, sign0) = if self.kw(e, Kw::In) { (e + 1, 1) } else { (e, 0) };
            if let Some((q4, u, e2)) = self.qty_unit(k).filter(|x| x.0 % 4 == 0) {
                let (sign, end) = match self.lex(e2) {
                    _ if sign0 == 1 => (1, e2),
                    Lex::Kw(Kw::Ago) => (-1, e2 + 1),
                    Lex::Kw(Kw::Hence) => (1, e2 + 1),
                    Lex::Kw(Kw::From) if self.kw(e2 + 1, Kw::Now) => (1, e2 + 2),
                    _ => (0, e2),
                };
                if sign != 0 {
                    let t = dt_add(self.now_secs()?, u, sign * q4 / 4)?;
                    let y = dt_civil(t).0;
                    let v = match dr {
                        DayRef::Holiday(h, _) => {
                            let (y, m, d) = Self::holiday_date(h, y);
                            Point::day(y, m, d).fmt()
                        }
                        DayRef::Spec(Spec { m: Some(m), .. }) => Point::with(y, m, Gran::Month).fmt(),
                        _ => return None,
                    };
                    let mut c = Cand::new(i, end, TimexType::Date, v);
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "upcoming two weeks", "2 upcoming days": the start of the N-th next unit
        {
            let up = self.kw(i, Kw::Upcoming);
            let k = if up { i + 1 } else { i };
            if let Some((Qty::N(n), e)) = self.qty(k) {
                let (up2, e) = if !up && self.kw(e, Kw::Upcoming) { (true, e + 1) } else { (up, e) };
                if let (true, Some((u, _, e2))) = (up2, self.unit(e)) {
                    let g = if u == Unit::Night { Unit::Day } else { u };
                    if !matches!(g, Unit::Weekend | Unit::Fortnight) && (!matches!(g, Unit::Second | Unit::Minute | Unit::Hour) || self.dct_tm.is_some()) {
                        let t = dt_add(dt_trunc(self.now_secs()?, g), g, n as i64)?;
                        let mut c = Cand::new(i, e2, TimexType::Date, dt_fmt(t, g));
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                }
            }
        }
        // "the last 2 days", "next three weeks", "past 2 years": the interval before/after now
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let sign = match self.lex(k) {
            Lex::Kw(Kw::Last | Kw::Past | Kw::Previous) => -1,
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
            _ => return None,
        };
        let (h, u, e) = self.qty_unit(k + 1)?;
        if h % 4 != 0 || self.kw(k + 1, Kw::A) && !self.kw(k + 2, Kw::Few) && !self.kw(k + 2, Kw::Couple) {
            return None;
        }
        let n = h / 4;
        let now = self.now_secs()?;
        let g = if u == Unit::Night { Unit::Day } else if u == Unit::Fortnight { Unit::Week } else { u };
        let n = if u == Unit::Fortnight { 2 * n } else { n };
        if matches!(g, Unit::Second | Unit::Minute | Unit::Hour) && self.dct_tm.is_none() {
            return None;
        }
        let cur = dt_trunc(now, g);
        let (s, last) = if sign < 0 {
            (dt_add(cur, g, -n)?, dt_add(cur, g, -1)?)
        } else if matches!(g, Unit::Second | Unit::Minute) {
            (dt_add(cur, g, 1)?, dt_add(cur, g, n)?)
        } else {
            (dt_add(cur, g, 1)?, dt_add(cur, g, n)?)
        };
        let mut c = Cand::new(i, e, TimexType::Date, dt_fmt(s, g));
        c.range_end = Some(dt_fmt(last, g));
        c.anchor = Anchor::Dct;
        Some(c)
    }
}

impl<'a> Tagger<'a> {
    /// Scheduling text: a clock time without a day is its next occurrence after the DCT;
    /// without am/pm, "3:30" at 04:30 is 15:30.
    fn next_occurrence(&self, res: Res, tod: Tod, j: usize, k: usize) -> (Res, Tod) {
        let (Some((nh, nm)), Some(d), Tod::Hm(h, m, sec)) = (self.dct_tm, self.dct, tod) else { return (res, tod) };
        if !self.sched() || self.last.is_some() || res.anchor != Anchor::Dct {
            return (res, tod);
        }
        let marked = (j..k).any(|x| matches!(self.lex(x), Lex::Kw(Kw::Am | Kw::Pm | Kw::Noon | Kw::Midnight | Kw::Midday | Kw::In) | Lex::Pod(_)) || self.word(x, "a") || self.word(x, "p") || self.word(x, "h"))
            || self.ndigits(j) == 2 && self.txt(j).starts_with('0');
        let now = nh * 60 + nm;
        let cands: Vec<u32> = if !marked && (1..=12).contains(&h) { vec![h % 12, h % 12 + 12] } else { vec![h] };
        let pick = cands.iter().copied().find(|&c| c * 60 + m >= now);
        let (h2, shift) = match pick {
            Some(c) => (c, 0),
            None => (cands[0], 1),
        };
        let Some(p) = d.shift(shift, Gran::Day) else { return (res, tod) };
        (Res::rel(p, Anchor::Dct), Tod::Hm(h2, m, sec))
    }
}

impl<'a> Tagger<'a> {
    /// Hour as a word: "three", "twelve".
    fn hour_word(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Card(n) if (1..=12).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// Minutes spelled out after an hour: "thirty", "fifty nine", "twenty-five", "oh three".
    fn minute_words(&self, i: usize) -> Option<(u32, usize)> {
        let i = if self.punct(i, '-') && i > 0 && self.adj(i - 1) { i + 1 } else { i };
        if self.word(i, "oh") || self.word(i, "o") || self.word(i, "ou") || self.word(i, "zero") {
            let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
            return match self.lex(k) {
                Lex::Card(u) if (1..=9).contains(&u) => Some((u, k + 1)),
                _ => None,
            };
        }
        match self.lex(i) {
            Lex::Card(t @ (20 | 30 | 40 | 50)) => {
                let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
                match self.lex(k) {
                    Lex::Card(u) if (1..=9).contains(&u) => Some((t + u, k + 1)),
                    _ => Some((t, i + 1)),
                }
            }
            Lex::Card(n) if (10..=19).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// am/pm applied to an hour of the 12-hour clock.
    fn apply_ampm(h: u32, pm: bool) -> Option<u32> {
        if h == 0 || h > 12 {
            return None;
        }
        Some(if pm && h < 12 { h + 12 } else if !pm && h == 12 { 0 } else { h })
    }

    /// Clock times in words and clock arithmetic: "ten thirty", "three am", "twelve oh
    /// three", "a quarter past 3pm", "20 minutes past noon", "a quarter to noon", "half
    /// past three", "half three" (scheduling text only).
    fn time_words(&self, i: usize) -> Option<(Tod, usize)> {
        let at = i > 0 && self.kw(i - 1, Kw::At);
        // "(a) quarter / half / N (minutes) past|after|to|till HOUR"
        let (mins, strong, k) = if self.kw(i, Kw::A) && self.word(i + 1, "quarter") {
            (15, true, i + 2)
        } else if self.word(i, "quarter") {
            (15, true, i + 1)
        } else if self.kw(i, Kw::Half) {
            (30, true, i + 1)
        } else if let Some(n) = self.num(i).filter(|&n| (1..=59).contains(&n) && self.ndigits(i) <= 2 && !self.in_figure(i)) {
            let mw = matches!(self.lex(i + 1), Lex::Unit(Unit::Minute, _));
            (n, mw, i + 1 + mw as usize)
        } else if let Some((n, e)) = self.minute_words(i).or_else(|| match self.lex(i) {
            Lex::Card(n) if (1..=9).contains(&n) => Some((n, i + 1)),
            _ => None,
        }) {
            let mw = matches!(self.lex(e), Lex::Unit(Unit::Minute, _));
            (n, mw, e + mw as usize)
        } else {
            (0, false, usize::MAX)
        };
        if k != usize::MAX {
            let dir = if self.word(k, "past") || self.kw(k, Kw::After) {
                Some(1)
            } else if self.kw(k, Kw::To) || self.kw(k, Kw::Until) || self.kw(k, Kw::Before) {
                Some(-1)
            } else {
                None
            };
            if let Some(dir) = dir {
                let hour = self.time_plain(k + 1).map(|(t, e)| (t, e, true)).or_else(|| {
                    let (h, e) = self.hour_word(k + 1).or_else(|| self.num(k + 1).filter(|&h| (1..=12).contains(&h) && self.ndigits(k + 1) <= 2).map(|h| (h, k + 2)))?;
                    Some((Tod::Hm(h, 0, None), e, false))
                });
                if let Some((Tod::Hm(h, 0, None), e, strong_h)) = hour {
                    if (strong || strong_h || self.sched()) && !(dir < 0 && !strong && !matches!(self.lex(k + 1), Lex::Kw(Kw::Noon | Kw::Midnight | Kw::Midday))) {
                        let base = h as i64 * 60 + dir * mins as i64;
                        let base = base.rem_euclid(24 * 60) as u32;
                        let (mut hh, mm) = (base / 60, base % 60);
                        let mut e = e;
                        if !strong_h {
                            if let Some((pm, e2)) = self.ampm(e) {
                                hh = Self::apply_ampm(hh.max(1), pm)?;
                                e = e2;
                            }
                        }
                        if h == 24 && hh == 0 {
                            hh = 0;
                        }
                        return Some((Tod::Hm(hh, mm, None), e));
                    }
                }
            }
        }
        // "at 3 15", "at 12 15": hour and minutes with a space, scheduling text only
        if at && self.sched() {
            if let (Some(h), Some(m)) = (self.num(i).filter(|&h| (1..=12).contains(&h) && self.ndigits(i) <= 2), self.num(i + 1).filter(|&m| m <= 59 && self.ndigits(i + 1) == 2)) {
                if !self.adj(i) && (i + 2 >= self.n() || self.is_punct(i + 2)) {
                    return Some((Tod::Hm(h, m, None), i + 2));
                }
            }
        }
        // "half three" (British), scheduling text only
        if self.kw(i, Kw::Half) && self.sched() {
            if let Some((h, e)) = self.hour_word(i + 1).or_else(|| self.num(i + 1).filter(|&h| (1..=12).contains(&h) && self.ndigits(i + 1) <= 2).map(|h| (h, i + 2))) {
                if self.is_punct(e) || e >= self.n() {
                    return Some((Tod::Hm(h, 30, None), e));
                }
            }
        }
        // "ten thirty", "three am", "twelve oh three", "nine fifty nine a m", "eight o'clock"
        let (h, e) = self.hour_word(i)?;
        if self.kw(e, Kw::Oclock) {
            let (h, e2) = match self.ampm(e + 1) {
                Some((pm, e2)) => (Self::apply_ampm(h, pm)?, e2),
                None => (h, e + 1),
            };
            return Some((Tod::Hm(h, 0, None), e2));
        }
        let (m, e2) = match self.minute_words(e) {
            Some((m, e2)) if !(self.punct(e, '-') && !self.adj(e)) => (Some(m), e2),
            _ => (None, e),
        };
        if let Some((pm, e3)) = self.ampm(e2) {
            return Some((Tod::Hm(Self::apply_ampm(h, pm)?, m.unwrap_or(0), None), e3));
        }
        let m = m?;
        // without am/pm only where a clock is expected
        let oh_form = !matches!(self.lex(e), Lex::Card(_));
        if !(at || self.sched() && (h >= 10 || oh_form)) || self.unit(e2).is_some() {
            return None;
        }
        Some((Tod::Hm(h, m, None), e2))
    }
}

impl<'a> Tagger<'a> {
    /// More holiday names: Easter-based feasts, Black Friday, MLK Day, St Patrick's Day,
    /// Mother's and Father's Day. Lower case only in scheduling text.
    fn holiday_more(&self, i: usize) -> Option<(Hol, usize)> {
        if !self.cap(i) && !self.sched() {
            return None;
        }
        let w = self.txt(i);
        let is = |x: &str| w.eq_ignore_ascii_case(x);
        let poss = |j: usize| if (self.punct(j, '\'') || self.txt(j) == "\u{2019}") && self.word(j + 1, "s") { j + 2 } else { j };
        let day = |j: usize| if self.word(j, "day") { Some(j + 1) } else { None };
        let wd = |j: usize, name: &str, abbr: &str| self.word(j, name) || self.word(j, abbr);
        Some(if is("black") && wd(i + 1, "friday", "fri") {
            (Hol::NthPlus(11, 4, 4, 1), i + 2)
        } else if is("palm") && wd(i + 1, "sunday", "sun") {
            (Hol::Easter(-7), i + 2)
        } else if is("maundy") && wd(i + 1, "thursday", "thu") {
            (Hol::Easter(-3), i + 2)
        } else if is("ash") && wd(i + 1, "wednesday", "wed") {
            (Hol::Easter(-46), i + 2)
        } else if is("shrove") && wd(i + 1, "tuesday", "tue") || is("pancake") && self.word(i + 1, "day") {
            (Hol::Easter(-47), i + 2)
        } else if is("mardi") && self.word(i + 1, "gras") {
            (Hol::Easter(-47), i + 2)
        } else if is("pentecost") || is("whitsun") {
            (Hol::Easter(49), i + 1)
        } else if is("whit") && wd(i + 1, "sunday", "sun") {
            (Hol::Easter(49), i + 2)
        } else if is("whit") && wd(i + 1, "monday", "mon") {
            (Hol::Easter(50), i + 2)
        } else if is("trinity") && wd(i + 1, "sunday", "sun") {
            (Hol::Easter(56), i + 2)
        } else if is("mlk") {
            let j = if self.word(i + 1, "jr") { if self.punct(i + 2, '.') { i + 3 } else { i + 2 } } else { i + 1 };
            (Hol::Nth(1, 1, 3), day(j)?)
        } else if is("martin") && self.word(i + 1, "luther") && (self.word(i + 2, "king") || self.word(i + 2, "kings")) {
            (Hol::Nth(1, 1, 3), day(poss(i + 3))?)
        } else if (is("st") || is("saint")) && ["patrick", "patricks", "paddy", "paddys"].iter().any(|x| self.word(if self.punct(i + 1, '.') { i + 2 } else { i + 1 }, x)) {
            let j = if self.punct(i + 1, '.') { i + 3 } else { i + 2 };
            (Hol::Fixed(3, 17), day(poss(j))?)
        } else if is("orthodox") {
            let j = i + 1;
            if self.kw(j, Kw::Easter) {
                (Hol::OrthodoxEaster(0), if self.word(j + 1, "sunday") { j + 2 } else { j + 1 })
            } else if (self.word(j, "good") || self.word(j, "great")) && wd(j + 1, "friday", "fri") {
                (Hol::OrthodoxEaster(-2), j + 2)
            } else if (self.word(j, "shrove") || self.word(j, "clean")) && wd(j + 1, "monday", "mon") {
                (Hol::OrthodoxEaster(-48), j + 2)
            } else {
                return None;
            }
        } else if is("clean") && wd(i + 1, "monday", "mon") {
            (Hol::OrthodoxEaster(-48), i + 2)
        } else if is("lazarus") && wd(i + 1, "saturday", "sat") {
            (Hol::OrthodoxEaster(-8), i + 2)
        } else if is("white") && wd(i + 1, "sunday", "sun") {
            (Hol::Easter(49), i + 2)
        } else if is("branch") && wd(i + 1, "sunday", "sun") {
            (Hol::Easter(-7), i + 2)
        } else if is("koningsdag") {
            (Hol::KingsDay, i + 1)
        } else if (is("king") || is("kings")) && self.word(poss(i + 1), "day") {
            (Hol::KingsDay, poss(i + 1) + 1)
        } else if is("boss") || is("bosses") {
            let j = poss(i + 1);
            let e = day(j).or((j > i + 1 && self.sched()).then_some(j))?;
            (Hol::Fixed(10, 16), e)
        } else if is("mother") || is("mothers") {
            (Hol::Nth(5, 7, 2), day(poss(i + 1))?)
        } else if is("father") || is("fathers") {
            (Hol::Nth(6, 7, 3), day(poss(i + 1))?)
        } else {
            return None;
        })
    }
}

impl<'a> Tagger<'a> {
    /// "the first week of October 2014", "the last week of September", "the third last
    /// week of 2018": full Monday-Sunday weeks inside the month or year.
    fn p_nth_week(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, j) = if self.kw(k, Kw::Last) {
            (-1i64, k + 1)
        } else {
            let (n, j) = self.day_num(k).filter(|&(n, _)| (1..=5).contains(&n))?;
            if self.kw(j, Kw::Last) { (-(n as i64), j + 1) } else { (n as i64, j) }
        };
        if !matches!(self.lex(j), Lex::Unit(Unit::Week, false)) || !(self.kw(j + 1, Kw::Of) || self.kw(j + 1, Kw::In)) {
            return None;
        }
        let r = j + 2;
        let (first_day, last_day, e, anchor) = if let Some((y, m, e, a)) = self.month_ref(r, i) {
            (calendar::days_from_civil(y, m, 1), calendar::days_from_civil(y, m, calendar::days_in_month(y, m)), e, a)
        } else {
            let (y, e) = self.year(r)?;
            (calendar::days_from_civil(y, 1, 1), calendar::days_from_civil(y, 12, 31), e, Anchor::None)
        };
        let first_mon = first_day + (8 - calendar::weekday_of_days(first_day) as i64) % 7;
        let last_sun = last_day - (calendar::weekday_of_days(last_day) as i64 % 7);
        let mon = if n > 0 { first_mon + 7 * (n - 1) } else { last_sun - 6 + 7 * (n + 1) };
        if mon < first_day || mon + 6 > last_day {
            return None;
        }
        let (y, m, d) = calendar::civil_from_days(mon);
        let p = Point { gran: Gran::Week, ..Point::day(y, m, d) };
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.anchor = anchor;
        Some(c)
    }

    /// "three days after Easter", "a year from Christmas", "two weeks before May 1",
    /// "15 minutes from 1pm": an offset from a date or time given right after.
    fn p_offset_from(&self, i: usize) -> Option<Cand> {
        let (q4, u, e) = self.qty_unit(i)?;
        if q4 % 4 != 0 {
            return None;
        }
        let n = q4 / 4;
        let sign = match self.lex(e) {
            Lex::Kw(Kw::After) => 1,
            Lex::Kw(Kw::Before) => -1,
            Lex::Kw(Kw::From) if !self.kw(e + 1, Kw::Now) && !self.kw(e + 1, Kw::Today) && !self.kw(e + 1, Kw::Right) => 1,
            _ => return None,
        };
        let c = self.p_datetime(e + 1)?;
        if c.s != e + 1 {
            return None;
        }
        let v = &c.value;
        let b = v.as_bytes();
        let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
        let out = if b.len() == 10 {
            let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
            let g = match u {
                Unit::Day | Unit::Night => Gran::Day,
                Unit::Week | Unit::Fortnight => Gran::Week,
                Unit::Month => Gran::Month,
                Unit::Year => Gran::Year,
                _ => return None,
            };
            let n = if u == Unit::Fortnight { 2 * n } else { n };
            Point::day(y, m, d).shift(sign * n, g)?.fmt()
        } else if b.len() == 16 && b[10] == b'T' {
            let t = dt_secs(num(0..4)? as i32, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, 0);
            if !matches!(u, Unit::Minute | Unit::Hour | Unit::Second) {
                return None;
            }
            dt_fmt(dt_add(t, u, sign * n)?, Unit::Minute)
        } else {
            return None;
        };
        let mut r = Cand::new(i, c.e, if b.len() == 10 { TimexType::Date } else { TimexType::Time }, out);
        r.anchor = c.anchor;
        Some(r)
    }
}

impl<'a> Tagger<'a> {
    /// A start and a length: "18th Dec for 10 days", "from 4pm for thirty minutes", "for 10
    /// days from 18th Dec" (scheduling text): the interval from the start.
    fn p_for_span(&self, i: usize) -> Option<Cand> {
        let (c, q4, u, s, e) = if self.word(i, "for") {
            let (q4, u, e) = self.qty_unit(i + 1)?;
            if !self.kw(e, Kw::From) {
                return None;
            }
            let c = self.p_datetime(e + 1).filter(|c| c.s == e + 1)?;
            let end = c.e;
            (c, q4, u, i + 1, end)
        } else {
            let k = if self.kw(i, Kw::From) { i + 1 } else { i };
            let c = self.p_datetime(k).filter(|c| c.s == k && c.range_end.is_none())?;
            if !self.word(c.e, "for") {
                return None;
            }
            let (q4, u, e) = self.qty_unit(c.e + 1)?;
            (c, q4, u, k, e)
        };
        if q4 % 4 != 0 {
            return None;
        }
        let n = q4 / 4;
        let v = c.value.clone();
        let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
        let end = if v.len() == 10 {
            let days = match u {
                Unit::Day | Unit::Night => n,
                Unit::Week => 7 * n,
                _ => return None,
            };
            Point::day(num(0..4)? as i32, num(5..7)?, num(8..10)?).shift(days, Gran::Day)?.fmt()
        } else if v.len() == 16 && v.as_bytes()[10] == b'T' {
            if !matches!(u, Unit::Minute | Unit::Hour) {
                return None;
            }
            let t = dt_secs(num(0..4)? as i32, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, 0);
            dt_fmt(dt_add(t, u, n)?, Unit::Minute)
        } else {
            return None;
        };
        let mut r = Cand::new(s, e, c.kind, v);
        r.range_end = Some(end);
        r.anchor = c.anchor;
        Some(r)
    }
}
