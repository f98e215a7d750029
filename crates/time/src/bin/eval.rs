//! Evaluation harness (feature `eval`).
//!
//!   eval duckling [JSONL]             Duckling corpus pass rates per kind
//!   eval bench [JSONL_GZ] [MB]        single-thread throughput, median of 5 passes
//!
//! Duckling matching rule (a fair reading of "an expression that covers the phrase, with
//! the value at the expected grain"): the phrase is tagged with the corpus reference time
//! as DCT and `Tense::Future` as the untensed default (the corpus is scheduling language).
//! The timex overlapping the phrase most must cover it, except leading "on/at/in/for/by/
//! from/@" and surrounding punctuation. Its value is turned into an interval
//! [start, end): a value of grain g covers one g (a range runs to the end of `range_end`);
//! EARLY/LATE/START/END/MID mods and parts of day (TMO...) and weekends (-WE) map to
//! Duckling's conventions (early March = 1st-10th, weekend = Fri 18:00-Mon 00:00, ...).
//! datetime: start truncated to the expected grain equals the expected value and our
//! grain is not coarser than expected; interval: start and end both equal from/to at the
//! expected grain; open_interval: start equals the value; negative: nothing tagged.

use newsfuse_time::calendar::{civil_from_days, days_from_civil};
use newsfuse_time::{tag, tag_with, Dct, Options, Tense, Timex};
use std::io::{BufRead, Read};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("duckling") => duckling(args.get(2).map_or("../shared/data/time/duckling-en-time.jsonl", String::as_str)),
        Some("bench") => bench(
            args.get(2).map_or("../shared/data/corpus/news-37k.jsonl.gz", String::as_str),
            args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20.0),
        ),
        _ => {
            eprintln!("usage: newsfuse-time-eval duckling [JSONL] | newsfuse-time-eval bench [JSONL_GZ] [MB]   (TBAQ: newsfuse timex --timeml)");
            std::process::exit(2);
        }
    }
}

// ------------------------------------------------------------------ Duckling

/// Seconds since 1970 of a civil date-time (UTC-naive).
fn secs(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> i64 {
    days_from_civil(y as i32, mo as u32, d as u32) * 86400 + h * 3600 + mi * 60 + s
}

fn civil(t: i64) -> (i64, i64, i64, i64, i64, i64) {
    let (y, m, d) = civil_from_days(t.div_euclid(86400));
    let sod = t.rem_euclid(86400);
    (y as i64, m as i64, d as i64, sod / 3600, sod % 3600 / 60, sod % 60)
}

#[derive(Clone, Copy, PartialEq, PartialOrd, Debug)]
enum G {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

fn grain(s: &str) -> Option<G> {
    Some(match s {
        "second" => G::Second,
        "minute" => G::Minute,
        "hour" => G::Hour,
        "day" => G::Day,
        "week" => G::Week,
        "month" => G::Month,
        "quarter" => G::Quarter,
        "year" => G::Year,
        _ => return None,
    })
}

fn add(t: i64, g: G, n: i64) -> i64 {
    let (y, mo, d, h, mi, s) = civil(t);
    let months = |k: i64| {
        let tot = y * 12 + mo - 1 + k * n;
        secs(tot.div_euclid(12), tot.rem_euclid(12) + 1, d, h, mi, s)
    };
    match g {
        G::Second => t + n,
        G::Minute => t + 60 * n,
        G::Hour => t + 3600 * n,
        G::Day => t + 86400 * n,
        G::Week => t + 7 * 86400 * n,
        G::Month => months(1),
        G::Quarter => months(3),
        G::Year => months(12),
    }
}

fn trunc(t: i64, g: G) -> i64 {
    let (y, mo, d, h, mi, _) = civil(t);
    match g {
        G::Second => t,
        G::Minute => secs(y, mo, d, h, mi, 0),
        G::Hour => secs(y, mo, d, h, 0, 0),
        G::Day => secs(y, mo, d, 0, 0, 0),
        G::Week => {
            let day = secs(y, mo, d, 0, 0, 0);
            let wd = (day.div_euclid(86400) + 3).rem_euclid(7); // Monday = 0
            day - wd * 86400
        }
        G::Month => secs(y, mo, 1, 0, 0, 0),
        G::Quarter => secs(y, (mo - 1) / 3 * 3 + 1, 1, 0, 0, 0),
        G::Year => secs(y, 1, 1, 0, 0, 0),
    }
}

/// Interval [start, end) and grain of a TimeML value, in Duckling's conventions.
fn interval(v: &str, modifier: Option<&str>) -> Option<(i64, i64, G)> {
    let (date, time) = match v.find('T') {
        Some(p) => (&v[..p], Some(&v[p + 1..])),
        None => (v, None),
    };
    let num = |s: &str| s.parse::<i64>().ok();
    let parts: Vec<&str> = date.split('-').collect();
    let y = num(parts.first()?)?;
    if parts[0].len() != 4 {
        return None;
    }
    let (mut s, mut e, mut g) = match parts.len() {
        1 => (secs(y, 1, 1, 0, 0, 0), secs(y + 1, 1, 1, 0, 0, 0), G::Year),
        _ => {
            let p = parts[1];
            if let Some(w) = p.strip_prefix('W') {
                let w = num(w)?;
                // ISO week 1 contains Jan 4
                let jan4 = secs(y, 1, 4, 0, 0, 0);
                let mon = trunc(jan4, G::Week) + (w - 1) * 7 * 86400;
                if parts.get(2) == Some(&"WE") {
                    (mon + 4 * 86400 + 18 * 3600, mon + 7 * 86400, G::Hour)
                } else if let Some(d) = parts.get(2).and_then(|d| num(d)) {
                    (mon + (d - 1) * 86400, mon + d * 86400, G::Day)
                } else {
                    (mon, mon + 7 * 86400, G::Week)
                }
            } else if let Some(q) = p.strip_prefix('Q') {
                let q = num(q)?;
                let s = secs(y, (q - 1) * 3 + 1, 1, 0, 0, 0);
                (s, add(s, G::Quarter, 1), G::Quarter)
            } else if let Some(h) = p.strip_prefix('H') {
                let h = num(h)?;
                let s = secs(y, (h - 1) * 6 + 1, 1, 0, 0, 0);
                (s, add(s, G::Month, 6), G::Month)
            } else if p.chars().all(|c| c.is_ascii_digit()) {
                let m = num(p)?;
                match parts.get(2).and_then(|d| num(d)) {
                    Some(d) => {
                        let s = secs(y, m, d, 0, 0, 0);
                        (s, s + 86400, G::Day)
                    }
                    None => {
                        let s = secs(y, m, 1, 0, 0, 0);
                        (s, add(s, G::Month, 1), G::Month)
                    }
                }
            } else {
                return None;
            }
        }
    };
    if let Some(t) = time {
        let day = s;
        match t {
            "MO" => (s, e, g) = (day, day + 12 * 3600, G::Hour),
            "AF" => (s, e, g) = (day + 12 * 3600, day + 19 * 3600, G::Hour),
            "EV" | "NI" => (s, e, g) = (day + 18 * 3600, day + 24 * 3600, G::Hour),
            _ => {
                let f: Vec<&str> = t.split(':').collect();
                let h = num(f.first()?)?;
                let mi = f.get(1).and_then(|x| num(x));
                let sec = f.get(2).and_then(|x| num(x));
                s = day + h * 3600 + mi.unwrap_or(0) * 60 + sec.unwrap_or(0);
                g = if sec.is_some() { G::Second } else if mi.is_some_and(|m| m != 0) { G::Minute } else { G::Hour };
                e = add(s, g, 1);
            }
        }
    }
    // Fuzzy parts as Duckling defines them.
    match (modifier, g) {
        (Some("EARLY" | "START"), G::Month) => e = s + 10 * 86400,
        (Some("LATE" | "END"), G::Month) => s += 20 * 86400,
        (Some("EARLY" | "START"), G::Year) => (e, g) = (add(s, G::Month, 3), G::Month),
        (Some("LATE" | "END"), G::Year) => (s, g) = (add(s, G::Month, 8), G::Month),
        (Some("EARLY" | "START"), G::Week) => (e, g) = (s + 3 * 86400, G::Day),
        (Some("LATE" | "END"), G::Week) => (s, g) = (s + 4 * 86400, G::Day),
        _ => {}
    }
    if matches!((modifier, g), (Some(_), G::Month)) && modifier != Some("MID") {
        g = G::Day;
    }
    Some((s, e, g))
}

fn parse_ts(v: &str) -> Option<i64> {
    let n = |r: std::ops::Range<usize>| v.get(r)?.parse::<i64>().ok();
    Some(secs(n(0..4)?, n(5..7)?, n(8..10)?, n(11..13)?, n(14..16)?, n(17..19)?))
}

/// The phrase core: without leading prepositions and surrounding punctuation.
fn core(text: &str) -> (usize, usize) {
    let mut s = 0;
    let lower = text.to_ascii_lowercase();
    for p in ["on ", "at ", "in ", "for ", "by ", "from ", "@ "] {
        if lower[s..].starts_with(p) {
            s += p.len();
            break;
        }
    }
    let e = text.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '.' || c.is_whitespace()).len().max(s);
    let s = s + text[s..].len() - text[s..].trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).len();
    (s.min(e), e)
}

fn duckling(path: &str) {
    let f = std::fs::File::open(path).expect("open duckling corpus");
    let mut opts = Options { default_tense: Tense::Future, utc_offset_min: None };
    let mut stats: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    let mut day_or_coarser = (0u32, 0u32);
    let verbose = std::env::var("EVAL_VERBOSE").is_ok();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.expect("read line");
        let c: serde_json::Value = serde_json::from_str(&line).expect("json");
        let text = c["text"].as_str().unwrap_or_default();
        let kind = c["kind"].as_str().unwrap_or_default().to_string();
        let reference = c["reference"].as_str().unwrap_or_default();
        let dct = newsfuse_time::timeml::parse_dct_value(reference).unwrap_or(Dct { date: (2013, 2, 12), time: Some((4, 30)) });
        // the reference's UTC offset, "...T04:30:00-02:00"
        opts.utc_offset_min = reference.get(19..).and_then(|z| {
            let sign = if z.starts_with('-') { -1 } else if z.starts_with('+') { 1 } else { return None };
            Some(sign * (z.get(1..3)?.parse::<i32>().ok()? * 60 + z.get(4..6)?.parse::<i32>().ok()?))
        });
        let tx = tag_with(text, Some(&dct), &opts);
        let g = c["grain"].as_str().and_then(grain);
        let ok = if kind == "negative" {
            tx.is_empty()
        } else {
            let (cs, ce) = core(text);
            let best: Option<&Timex> = tx.iter().max_by_key(|t| t.end.min(ce) as i64 - t.start.max(cs) as i64);
            match (best, g) {
                (Some(t), Some(g)) if t.start <= cs && t.end >= ce => {
                    let iv = interval(&t.value, t.modifier.as_deref());
                    let end_iv = t.range_end.as_deref().and_then(|r| interval(r, None));
                    match (iv, kind.as_str()) {
                        (Some((s, e, og)), "datetime") => {
                            let want = c["value"].as_str().and_then(parse_ts);
                            let _ = e;
                            want.is_some_and(|w| trunc(s, g) == w && (og <= g || og == G::Hour && g == G::Minute))
                        }
                        (Some((s, e, _)), "interval") => {
                            let e = end_iv.map_or(e, |x| x.1);
                            let from = c["from"].as_str().and_then(parse_ts);
                            let to = c["to"].as_str().and_then(parse_ts);
                            from.is_some_and(|f| trunc(s, g) == f) && to.is_some_and(|x| trunc(e, g) == x)
                        }
                        (Some((s, _, _)), "open_interval") => c["value"].as_str().and_then(parse_ts).is_some_and(|w| trunc(s, g) == w),
                        _ => false,
                    }
                }
                _ => false,
            }
        };
        if verbose && !ok {
            eprintln!("FAIL {kind} {:?} {text:?} -> {:?}", c.get("value").or(c.get("from")), tx.iter().map(|t| (&text[t.start..t.end], &t.value, &t.modifier, &t.range_end)).collect::<Vec<_>>());
        }
        let st = stats.entry(kind.clone()).or_default();
        st.0 += ok as u32;
        st.1 += 1;
        if (kind == "datetime" || kind == "interval") && g.is_some_and(|g| g >= G::Day) {
            day_or_coarser.0 += ok as u32;
            day_or_coarser.1 += 1;
        }
    }
    let (mut p, mut n) = (0, 0);
    for (k, (ok, tot)) in &stats {
        println!("{:<14} {:>4}/{:<4} {:>6.1}%", k, ok, tot, 100.0 * *ok as f64 / *tot as f64);
        if k != "negative" {
            p += ok;
            n += tot;
        }
    }
    let all: (u32, u32) = stats.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{:<14} {:>4}/{:<4} {:>6.1}%", "date/interval day+", day_or_coarser.0, day_or_coarser.1, 100.0 * day_or_coarser.0 as f64 / day_or_coarser.1 as f64);
    println!("{:<14} {:>4}/{:<4} {:>6.1}%", "positive", p, n, 100.0 * p as f64 / n as f64);
    println!("{:<14} {:>4}/{:<4} {:>6.1}%", "overall", all.0, all.1, 100.0 * all.0 as f64 / all.1 as f64);
}

// ------------------------------------------------------------------ speed

fn bench(path: &str, mb: f64) {
    let f = std::fs::File::open(path).expect("open news corpus");
    let mut s = String::new();
    flate2::read::GzDecoder::new(f).read_to_string(&mut s).expect("gunzip");
    let limit = (mb * 1e6) as usize;
    let mut docs = Vec::new();
    let mut bytes = 0;
    for line in s.lines() {
        if bytes >= limit {
            break;
        }
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        if let Some(t) = v["text"].as_str() {
            bytes += t.len();
            docs.push(t.to_string());
        }
    }
    let dct = Dct { date: (2025, 5, 19), time: None };
    let mut rates = Vec::new();
    let mut n = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        n = 0;
        for d in &docs {
            n += tag(d, Some(&dct)).len();
        }
        rates.push(bytes as f64 / 1e6 / t0.elapsed().as_secs_f64());
    }
    rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{} docs, {:.1} MB, {} timexes; MB/s single thread: median {:.2} (min {:.2}, max {:.2})", docs.len(), bytes as f64 / 1e6, n, rates[2], rates[0], rates[4]);
}
