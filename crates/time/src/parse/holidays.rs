//! Holidays: the name table ([`HOLIDAY_NAMES`], matched letters-only over consecutive
//! words, and the more irregular names in `holiday_more`), the kinds of rule that date
//! them ([`Hol`]: fixed days, n-th weekdays, Easter-based, Islamic, Hebrew, Chinese,
//! Hindu lunar and solar dates), and their dates and spans in a given year. The calendar
//! computations for the lunar and lunisolar rules are in `crate::lunar`; this file knows
//! which rule each name follows.

use super::*;

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
pub(super) enum Hol {
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

impl Tagger<'_> {
    pub(super) fn holiday_date(h: Hol, y: i32) -> (i32, u32, u32) {
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
    pub(super) fn holiday_span(h: Hol, y: i32) -> (i64, i64) {
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

    /// A name from [`HOLIDAY_NAMES`] starting at token `i`, the longest that matches.
    pub(super) fn holiday_name(&self, i: usize) -> Option<(Hol, usize)> {
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

    pub(super) fn holiday(&self, i: usize) -> Option<(Hol, usize)> {
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
