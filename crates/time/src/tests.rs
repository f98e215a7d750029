//! Behavioural tests on invented sentences.

use super::*;

/// Sunday 2025-05-18.
const SUN: Dct = Dct { date: (2025, 5, 18), time: None };

fn tags(text: &str, dct: Option<&Dct>) -> Vec<(String, String, TimexType)> {
    tag(text, dct).into_iter().map(|t| (text[t.start..t.end].to_string(), t.value, t.kind)).collect()
}

fn one(text: &str, dct: Option<&Dct>) -> Timex {
    let v = tag(text, dct);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

fn value(text: &str, dct: Option<&Dct>) -> String {
    one(text, dct).value
}

#[test]
fn tense_picks_the_weekday() {
    let t = one("The president will speak to Putin at 10am on Monday.", Some(&SUN));
    assert_eq!(t.value, "2025-05-19T10:00");
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(value("The president spoke to Putin on Monday.", Some(&SUN)), "2025-05-12");
    assert_eq!(value("Officials said Friday that talks had stalled.", Some(&SUN)), "2025-05-16");
    assert_eq!(value("The ministers are scheduled to meet Wednesday.", Some(&SUN)), "2025-05-21");
    assert_eq!(value("He left last Friday.", Some(&SUN)), "2025-05-16");
    assert_eq!(value("They meet next Tuesday.", Some(&SUN)), "2025-05-20");
}

#[test]
fn may_and_march_the_verbs() {
    assert_eq!(tags("Prices may rise in May.", Some(&SUN)), vec![("May".into(), "2025-05".into(), TimexType::Date)]);
    assert!(tag("Thousands of protesters march through the capital.", Some(&SUN)).is_empty());
    assert!(tag("May the best team win.", Some(&SUN)).is_empty());
    assert_eq!(value("The vote was held in March.", Some(&SUN)), "2025-03");
    assert_eq!(value("The vote was held in March.", None), "XXXX-03");
}

#[test]
fn not_times() {
    for s in [
        "The Sunday Times reported the story.",
        "Ships crossed the Black Sea.",
        "About 1,000 people attended.",
        "He scored 42 points and 7 rebounds.",
        "The 44-year-old man was arrested.",
    ] {
        assert!(tag(s, Some(&SUN)).is_empty(), "{s}: {:?}", tag(s, Some(&SUN)));
    }
}

#[test]
fn durations_are_not_dates() {
    let t = one("The three-year-old conflict has displaced millions.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3Y"));
    let t = one("The nearly 40-month war continues.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P40M"));
    assert_eq!(value("A 30-day truce was agreed.", Some(&SUN)), "P30D");
    assert_eq!(value("The talks lasted two hours.", Some(&SUN)), "PT2H");
    assert_eq!(value("He served for half an hour.", Some(&SUN)), "PT30M");
    let t = one("It happened four months ago.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str(), t.anchor), (TimexType::Date, "2025-01", Anchor::Dct));
}

#[test]
fn ranges() {
    let t = one("The summit runs May 8-10 in Geneva.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2025-05-08", Some("2025-05-10")));
    let t = one("Voting lasts from May 8 through May 10, 2026.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2026-05-08", Some("2026-05-10")));
}

#[test]
fn fuzzy_parts() {
    let t = one("The offensive began in late April.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025-04", Some("LATE")));
    let t = one("Elections are due in early 2026.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2026", Some("EARLY")));
    assert_eq!(value("Fighting resumed over the weekend.", Some(&SUN)), "2025-W20-WE");
    assert_eq!(value("The law passed this spring.", Some(&SUN)), "2025-SP");
    assert_eq!(value("Talks resume this month.", Some(&SUN)), "2025-05");
    assert_eq!(value("Shares fell last week.", Some(&SUN)), "2025-W19");
    assert_eq!(value("Profit rose in the third quarter.", Some(&SUN)), "2024-Q3");
    assert_eq!(value("Growth slowed in the 1990s.", Some(&SUN)), "199");
}

#[test]
fn present_refs_and_numeric_formats() {
    assert_eq!(value("The army now controls the town.", Some(&SUN)), "PRESENT_REF");
    assert_eq!(value("He is currently in Kyiv.", Some(&SUN)), "PRESENT_REF");
    assert_eq!(value("Filed on 2024-11-05 in court.", Some(&SUN)), "2024-11-05");
    assert_eq!(value("Filed on 11/05/2024 in court.", Some(&SUN)), "2024-11-05");
    assert_eq!(value("Filed on the 5th of November, 2024.", Some(&SUN)), "2024-11-05");
    assert_eq!(value("Deadline is Friday, May 23.", Some(&SUN)), "2025-05-23");
    assert_eq!(value("Rates are cut daily.", Some(&SUN)), "P1D");
    assert_eq!(one("They meet every Monday.", Some(&SUN)).kind, TimexType::Set);
}

#[test]
fn weekday_fixes_the_year() {
    // 2026-05-19 is a Tuesday, 2025-05-19 a Monday.
    assert_eq!(value("It was announced on Tuesday, May 19.", Some(&SUN)), "2026-05-19");
}

#[test]
fn narrative_anchors() {
    let v = tag("Talks began on March 3, 2022. The next day, shelling resumed. Two days later it stopped.", Some(&SUN));
    let vals: Vec<_> = v.iter().map(|t| (t.value.as_str(), t.anchor)).collect();
    assert_eq!(vals, vec![("2022-03-03", Anchor::None), ("2022-03-04", Anchor::Narrative(0)), ("2022-03-06", Anchor::Narrative(1))]);
}

#[test]
fn without_dct_nothing_is_invented() {
    assert_eq!(value("He spoke on Monday.", None), "XXXX-WXX-1");
    assert_eq!(value("He spoke yesterday.", None), "XXXX-XX-XX");
    assert_eq!(value("He spoke on May 19.", None), "XXXX-05-19");
    assert_eq!(value("He spoke last week.", None), "XXXX-WXX");
    assert_eq!(value("It ended on May 19, 2024.", None), "2024-05-19");
}

fn spans_ok(text: &str, v: &[Timex]) {
    let mut prev = 0;
    for t in v {
        assert!(t.start >= prev && t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prev = t.end;
    }
}

#[test]
fn hostile_inputs_are_bounded() {
    // Boundedness, not speed: these finish in milliseconds (see `eval bench` for
    // speed); a quadratic regression would show as a hung test run.
    let digits = "7".repeat(1 << 20);
    let many_dates = "May 19, 2025 ".repeat(100_000);
    let long_sentence = "and he said that ".repeat(3_000) + "on Monday";
    let mixed = "1,000-2/3:4.5 May-March/Sunday ".repeat(20_000);
    for text in [&digits, &many_dates, &long_sentence, &mixed] {
        let v = tag(text, Some(&SUN));
        spans_ok(text, &v);
    }
    assert!(tag(&digits, Some(&SUN)).is_empty());
    assert_eq!(tag(&many_dates, Some(&SUN)).len(), 100_000);
    assert_eq!(tag(&long_sentence, Some(&SUN)).len(), 1);
    // huge quantities must not overflow date arithmetic
    let _ = tag("4000000000 years ago, 99999999 days later, 1e9 weeks", Some(&SUN));
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sane(s in "\\PC{0,200}") {
            let v = tag(&s, Some(&SUN));
            spans_ok(&s, &v);
            let v = tag(&s, None);
            spans_ok(&s, &v);
        }

        #[test]
        fn temporal_soup(words in proptest::collection::vec(prop_oneof![
            Just("May"), Just("19"), Just("2025"), Just("-"), Just("last"), Just("next"), Just("the"),
            Just("week"), Just("Monday"), Just("at"), Just("10"), Just("am"), Just("."), Just(":"),
            Just("three"), Just("years"), Just("ago"), Just("early"), Just("quarter"), Just("1/2"),
            Just("é"), Just("'"), Just("s"), Just(","), Just("third"), Just("of"), Just("through"),
        ], 0..40)) {
            let s = words.join(" ");
            spans_ok(&s, &tag(&s, Some(&SUN)));
            let glued = words.concat();
            spans_ok(&glued, &tag(&glued, Some(&SUN)));
        }
    }
}
