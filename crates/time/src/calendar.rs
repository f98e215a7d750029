//! Proleptic Gregorian calendar arithmetic and TimeML value formatting of calendar points.

/// Days since 1970-01-01 (Howard Hinnant's algorithm; exact for all i32 years we accept).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - (m <= 2) as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + (m <= 2) as i64) as i32, m, d)
}

/// ISO weekday, Monday = 1 .. Sunday = 7.
pub(crate) fn weekday_of_days(z: i64) -> u32 {
    ((z + 3).rem_euclid(7) + 1) as u32
}

pub(crate) fn weekday(y: i32, m: u32, d: u32) -> u32 {
    weekday_of_days(days_from_civil(y, m, d))
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(crate) fn valid_date(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// ISO 8601 (year, week) of a day.
pub(crate) fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let z = days_from_civil(y, m, d);
    let thursday = z - weekday_of_days(z) as i64 + 4;
    let (wy, _, _) = civil_from_days(thursday);
    (wy, ((thursday - days_from_civil(wy, 1, 1)) / 7 + 1) as u32)
}

/// The `n`-th (1-based; negative counts from the end) weekday `wd` of a month.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> (i32, u32, u32) {
    if n > 0 {
        let first = days_from_civil(y, m, 1);
        let off = (wd as i64 - weekday_of_days(first) as i64).rem_euclid(7);
        civil_from_days(first + off + 7 * (n as i64 - 1))
    } else {
        let last = days_from_civil(y, m, days_in_month(y, m));
        let off = (weekday_of_days(last) as i64 - wd as i64).rem_euclid(7);
        civil_from_days(last - off - 7 * (-n as i64 - 1))
    }
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> (i32, u32, u32) {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (y, month as u32, day as u32)
}

/// How precisely a calendar point is known; decides its TimeML value format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Gran {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Weekend,
    Day,
}

/// A resolved calendar point: the day it starts on plus the granularity the text gave.
/// Seasons store their first month (3 spring, 6 summer, 9 fall, 12 winter).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Point {
    pub y: i32,
    pub m: u32,
    pub d: u32,
    pub gran: Gran,
}

/// Years outside this range are not plausible news dates; arithmetic stops there so that
/// "99999999 years ago" cannot overflow.
const YEAR_RANGE: std::ops::RangeInclusive<i64> = -9999..=9999;

impl Point {
    pub fn day(y: i32, m: u32, d: u32) -> Point {
        Point { y, m, d, gran: Gran::Day }
    }
    pub fn with(y: i32, m: u32, gran: Gran) -> Point {
        Point { y, m, d: 1, gran }
    }

    /// Move by `n` units of `unit`, keeping the point's own granularity.
    pub fn shift(self, n: i64, unit: Gran) -> Option<Point> {
        let months = |k: i64| -> Option<Point> {
            let total = self.y as i64 * 12 + self.m as i64 - 1 + n.checked_mul(k)?;
            let y = total.div_euclid(12);
            if !YEAR_RANGE.contains(&y) {
                return None;
            }
            let m = (total.rem_euclid(12) + 1) as u32;
            let d = self.d.min(days_in_month(y as i32, m));
            Some(Point { y: y as i32, m, d, ..self })
        };
        let days = |k: i64| -> Option<Point> {
            let z = days_from_civil(self.y, self.m, self.d).checked_add(n.checked_mul(k)?)?;
            if z.abs() > 4_000_000 {
                return None;
            }
            let (y, m, d) = civil_from_days(z);
            Some(Point { y, m, d, ..self })
        };
        match unit {
            Gran::Day => days(1),
            Gran::Week | Gran::Weekend => days(7),
            Gran::Month => months(1),
            Gran::Quarter => months(3),
            Gran::Half => months(6),
            Gran::Year | Gran::Season => months(12),
            Gran::Decade => months(120),
            Gran::Century => months(1200),
        }
    }

    pub fn fmt(&self) -> String {
        let (y, m, d) = (self.y, self.m, self.d);
        match self.gran {
            Gran::Century => format!("{:02}", y.div_euclid(100)),
            Gran::Decade => format!("{:03}", y.div_euclid(10)),
            Gran::Year => format!("{:04}", y),
            Gran::Half => format!("{:04}-H{}", y, (m - 1) / 6 + 1),
            Gran::Quarter => format!("{:04}-Q{}", y, (m - 1) / 3 + 1),
            Gran::Season => {
                let s = match m {
                    3..=5 => "SP",
                    6..=8 => "SU",
                    9..=11 => "FA",
                    _ => "WI",
                };
                format!("{:04}-{}", y, s)
            }
            Gran::Month => format!("{:04}-{:02}", y, m),
            Gran::Week => {
                let (wy, w) = iso_week(y, m, d);
                format!("{:04}-W{:02}", wy, w)
            }
            Gran::Weekend => {
                let (wy, w) = iso_week(y, m, d);
                format!("{:04}-W{:02}-WE", wy, w)
            }
            Gran::Day => format!("{:04}-{:02}-{:02}", y, m, d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_weekdays() {
        for z in -800_000..800_000i64 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(weekday(2025, 5, 18), 7);
        assert_eq!(weekday(2013, 2, 12), 2);
        assert_eq!(iso_week(2025, 5, 19), (2025, 21));
        assert_eq!(iso_week(2021, 1, 1), (2020, 53));
        assert_eq!(easter(2013), (2013, 3, 31));
        assert_eq!(nth_weekday(2013, 11, 4, 4), (2013, 11, 28));
        assert_eq!(nth_weekday(2013, 5, 1, -1), (2013, 5, 27));
    }

    #[test]
    fn shifting_keeps_granularity_and_clamps() {
        let p = Point::day(2025, 3, 31).shift(-1, Gran::Month).unwrap();
        assert_eq!(p.fmt(), "2025-02-28");
        let q = Point::with(1989, 7, Gran::Quarter).shift(-1, Gran::Year).unwrap();
        assert_eq!(q.fmt(), "1988-Q3");
        assert!(Point::day(2025, 1, 1).shift(i64::MAX, Gran::Year).is_none());
    }
}
