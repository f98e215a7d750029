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
    let t = one("The eight-month-old truce has held.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P8M"));
    // The issue's own example: the age of a conflict is how long it has lasted.
    let t = one("The three-year-old conflict has no end in sight.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str(), &"The three-year-old conflict has no end in sight."[t.start..t.end]), (TimexType::Duration, "P3Y", "three-year-old"));
    assert_eq!(value("A two-year-old strike ended.", Some(&SUN)), "P2Y");
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

/// Tuesday 2013-02-12 04:30, scheduling mode (Duckling's reference time).
const REF: Dct = Dct { date: (2013, 2, 12), time: Some((4, 30)) };
const SCHED: Options = Options { default_tense: Tense::Future, utc_offset_min: None };

fn sched(text: &str) -> Vec<(String, String, Option<String>)> {
    tag_with(text, Some(&REF), &SCHED).into_iter().map(|t| (text[t.start..t.end].to_string(), t.value, t.range_end)).collect()
}

#[test]
fn scheduling_offsets_are_points() {
    assert_eq!(sched("Call me in 2 hours.")[0].1, "2013-02-12T06:30");
    assert_eq!(sched("We leave in a week.")[0].1, "2013-02-19");
    assert_eq!(sched("Back in half an hour")[0].1, "2013-02-12T05:00:00");
    assert_eq!(sched("It ended three months ago")[0].1, "2013-11-12".replace("2013-11", "2012-11"));
    assert_eq!(sched("the last 2 days")[0], ("the last 2 days".into(), "2013-02-10".into(), Some("2013-02-11".into())));
    assert_eq!(sched("next 3 weeks")[0].2.as_deref(), Some("2013-W10"));
    // News keeps the TimeML reading.
    assert_eq!(value("Talks resume in two weeks.", Some(&SUN)), "P2W");
    assert_eq!(value("Prices fell over the last two days.", Some(&SUN)), "P2D");
}

#[test]
fn scheduling_clock_times_are_the_next_occurrence() {
    assert_eq!(sched("at 3am")[0].1, "2013-02-13T03:00");
    assert_eq!(sched("at 3:30")[0].1, "2013-02-12T15:30");
    assert_eq!(sched("at 6am")[0].1, "2013-02-12T06:00");
    // News: the DCT's day.
    assert_eq!(value("The blast happened at 3 a.m.", Some(&Dct { date: (2013, 2, 12), time: Some((4, 30)) })), "2013-02-12T03:00");
}

#[test]
fn nth_weekday_and_day_of_month() {
    assert_eq!(value("The vote is on the first Tuesday of October 2014.", Some(&SUN)), "2014-10-07");
    assert_eq!(value("They met on the last Monday of March 2025.", Some(&SUN)), "2025-03-31");
    assert_eq!(value("The deadline is the last day of October 2015.", Some(&SUN)), "2015-10-31");
    assert_eq!(value("Payment is due on the 20th of next month.", Some(&SUN)), "2025-06-20");
    assert_eq!(sched("third tuesday of september 2014")[0].1, "2014-09-16");
    assert_eq!(sched("the first Monday of this month")[0].1, "2013-02-04");
}

#[test]
fn weekday_with_day_and_bare_ordinal_days() {
    assert_eq!(sched("Tuesday the 19th")[0].1, "2013-02-19");
    assert_eq!(sched("Thu 15th")[0].1, "2013-08-15");
    assert_eq!(value("The deal closed on the 12th.", Some(&SUN)), "2025-05-12");
    assert_eq!(sched("on the 15th")[0].1, "2013-02-15");
    assert_eq!(sched("on the first")[0].1, "2013-03-01");
    // Not days: centuries, quarters, floors.
    assert!(tag("It dates from the 15th century.", Some(&SUN)).iter().all(|t| t.value != "2025-05-15"));
    assert!(tag("He lived on the 15th floor.", Some(&SUN)).is_empty());
    let t = one("Profit rose in the fourth quarter.", Some(&SUN));
    assert_eq!(t.value, "2024-Q4");
}

mod prop_sched {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn scheduling_mode_never_panics(words in proptest::collection::vec(prop_oneof![
            Just("in"), Just("4000000000"), Just("2"), Just("half"), Just("an"), Just("hour"), Just("years"),
            Just("the"), Just("last"), Just("next"), Just("days"), Just("ago"), Just("from"), Just("now"),
            Just("first"), Just("Tuesday"), Just("of"), Just("month"), Just("March"), Just("15th"), Just("on"),
            Just("at"), Just("3"), Just("am"), Just("past"), Just("quarter"), Just("to"), Just("noon"), Just("-"),
            Just("ten"), Just("thirty"), Just("between"), Just("and"), Just("July"), Just("centuries"),
        ], 0..30)) {
            let s = words.join(" ");
            spans_ok(&s, &tag_with(&s, Some(&REF), &SCHED));
            spans_ok(&s, &tag_with(&s, None, &SCHED));
            spans_ok(&s, &tag(&s, Some(&REF)));
        }
    }
}

#[test]
fn clock_arithmetic_and_spelled_times() {
    let d = Dct { date: (2025, 5, 18), time: None };
    assert_eq!(value("The meeting starts at a quarter past 3pm.", Some(&d)), "2025-05-18T15:15");
    assert_eq!(value("Polls close at a quarter to noon.", Some(&d)), "2025-05-18T11:45");
    assert_eq!(value("He arrived 20 minutes past noon.", Some(&d)), "2025-05-18T12:20");
    assert_eq!(value("The train left at half past 3 pm.", Some(&d)), "2025-05-18T15:30");
    assert_eq!(value("The alarm rang at ten thirty.", Some(&d)), "2025-05-18T10:30");
    assert_eq!(value("They met at three am.", Some(&d)), "2025-05-18T03:00");
    assert_eq!(sched("twelve oh three")[0].1, "2013-02-12T12:03");
    assert_eq!(sched("half three")[0].1, "2013-02-12T15:30");
    // Scores and counts stay untagged.
    assert!(tag("The Jets won 20 to 3 on the road.", Some(&d)).iter().all(|t| t.kind != TimexType::Time));
    assert!(tag("Three twenty-year-olds were hurt.", Some(&d)).iter().all(|t| t.kind != TimexType::Time));
    assert!(tag_with("three twenty", Some(&REF), &SCHED).is_empty());
}

#[test]
fn day_and_hour_ranges() {
    let t = one("The festival runs from 13 to 15 July.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2025-07-13", Some("2025-07-15")));
    let t = one("Talks are set for 23rd to 26th Oct.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2025-10-23", Some("2025-10-26")));
    let t = one("The office is open 3-4pm.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2025-05-18T15:00", Some("2025-05-18T16:00")));
    let t = one("Voting will run from 8am to 1pm on Tuesday.", Some(&SUN));
    assert_eq!(t.range_end.as_deref(), Some("2025-05-20T13:00"));
    // Scores are not ranges.
    assert!(tag("They won the match 3-4 in overtime.", Some(&SUN)).is_empty());
}

#[test]
fn parts_of_the_current_period() {
    let t = one("The deal should close by the end of the year.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025", Some("END")));
    let t = one("Rents are due at the beginning of the month.", Some(&SUN));
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025-05", Some("START")));
}

#[test]
fn more_holidays() {
    assert_eq!(value("Shoppers lined up on Black Friday.", Some(&SUN)), "2024-11-29");
    assert_eq!(value("The parade was held on St. Patrick's Day.", Some(&SUN)), "2025-03-17");
    assert_eq!(value("Crowds gathered on Palm Sunday.", Some(&SUN)), "2025-04-13");
    assert_eq!(value("Banks will close on Martin Luther King Day.", Some(&SUN)), "2026-01-19");
    assert_eq!(sched("new years eve")[0].1, "2013-12-31");
    assert_eq!(sched("whit monday")[0].1, "2013-05-20");
    assert!(tag("Ships crossed the Black Sea. Her mother said St Louis won.", Some(&SUN)).is_empty());
}

#[test]
fn weekday_by_week() {
    // SUN is Sunday 2025-05-18, the last day of ISO week 20.
    assert_eq!(value("The panel will meet Wednesday of next week.", Some(&SUN)), "2025-05-21");
    assert_eq!(value("They met on last week's Monday.", Some(&SUN)), "2025-05-05");
    assert_eq!(sched("friday after next")[0].1, "2013-02-22");
    assert_eq!(sched("3 fridays from now")[0].1, "2013-03-01");
    assert_eq!(sched("2 thursdays ago")[0].1, "2013-01-31");
    assert_eq!(sched("next wednesday")[0].1, "2013-02-20");
}

#[test]
fn upcoming_units_and_year_month() {
    assert_eq!(sched("upcoming two weeks")[0].1, "2013-W09");
    assert_eq!(sched("2 upcoming days")[0].1, "2013-02-14");
    assert_eq!(value("The index for 2014-03 was revised.", Some(&SUN)), "2014-03");
    assert_eq!(sched("2014/10")[0].1, "2014-10");
    // Seasons and figures are not months.
    assert!(tag("The 2010-11 season was long.", Some(&SUN)).iter().all(|t| t.value != "2010-11"));
    assert!(tag("Call 555-2014-03 now.", Some(&SUN)).iter().all(|t| t.value != "2014-03"));
}

#[test]
fn fractions_hours_before_day_words_and_now() {
    assert_eq!(sched("in 1/4 hour")[0].1, "2013-02-12T04:45:00");
    assert_eq!(sched("in 2.5 hours")[0].1, "2013-02-12T07:00:00");
    assert_eq!(sched("in a quarter of an hour")[0].1, "2013-02-12T04:45:00");
    assert_eq!(sched("now")[0].1, "2013-02-12T04:30:00");
    assert_eq!(value("Now the talks resume.", Some(&SUN)), "PRESENT_REF");
    assert_eq!(value("The rally starts at 8 tonight.", Some(&SUN)), "2025-05-18T20:00");
    assert_eq!(value("He lands at 9 tomorrow morning.", Some(&SUN)), "2025-05-19T09:00");
    assert_eq!(value("They arrive 3 in the morning.", Some(&SUN)), "2025-05-18T03:00");
    assert_eq!(value("We spoke this morning at 10.", Some(&SUN)), "2025-05-18T10:00");
    assert_eq!(sched("day after tomorrow 5pm")[0].1, "2013-02-14T17:00");
    // Counts before "today" are not times.
    assert!(tag("He scored 8 today.", Some(&SUN)).iter().all(|t| t.kind != TimexType::Time));
}

#[test]
fn tense_markers_passives_and_irregular_pasts() {
    // "will be named": the participle does not make it past.
    assert_eq!(value("She will be named commander for a mission in December.", Some(&SUN)), "2025-12");
    assert_eq!(value("The case is heard in July.", Some(&SUN)), "2025-07");
    // Irregular pasts.
    assert_eq!(value("KKR bought the company in August.", Some(&SUN)), "2024-08");
    assert_eq!(value("Talks are set to resume Monday.", Some(&SUN)), "2025-05-19");
}

#[test]
fn shorthand_quarters_weekends_and_open_intervals() {
    assert_eq!(value("Results for 2018Q4 beat forecasts.", Some(&SUN)), "2018-Q4");
    assert_eq!(value("The temple was built in 1200 AD.", Some(&SUN)), "1200");
    assert_eq!(value("Talks resume on 26th Oct", Some(&SUN)), "2025-10-26");
    assert_eq!(value("The fair is on the last weekend of October 2025.", Some(&SUN)), "2025-W43-WE");
    assert_eq!(value("Banks closed on Thanksgiving of last year.", Some(&SUN)), "2024-11-28");
    let t = &tag_with("the EOM", Some(&REF), &SCHED)[0];
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2013-02", Some("END")));
    assert_eq!(sched("after 2 pm")[0].0, "after 2 pm");
    assert_eq!(sched("after 5 days")[0].1, "2013-02-17T04:00");
    // News keeps "after" outside the extent; "the boy" is a boy.
    assert_eq!(tags("He left after 2 pm and ran", Some(&SUN))[0].0, "2 pm");
    assert!(tag("The boy of the year.", Some(&SUN)).iter().all(|t| t.value != "2025"));
}

#[test]
fn nth_weeks_and_offsets_from_a_date() {
    assert_eq!(value("Trials begin in the first week of October 2014.", Some(&SUN)), "2014-W41");
    assert_eq!(value("Shipments stop in the last week of September 2014.", Some(&SUN)), "2014-W39");
    assert_eq!(value("It is set for the third last week of 2018.", Some(&SUN)), "2018-W50");
    assert_eq!(value("He returned three days after Easter 2025.", Some(&SUN)), "2025-04-23");
    assert_eq!(sched("15 minutes from 1pm")[0].1, "2013-02-12T13:15");
    // An offset from a non-date stays a duration.
    assert_eq!(value("He died two days after the attack.", Some(&SUN)), "P2D");
}

#[test]
fn recent_units_and_spans_with_a_length() {
    let t = one("Prices have soared in recent years.", Some(&SUN));
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "PXY"));
    assert_eq!(sched("18th Dec for 10 days")[0].2.as_deref(), Some("2013-12-28"));
    assert_eq!(sched("4pm for 30 mins")[0].2.as_deref(), Some("2013-02-12T16:30"));
    assert_eq!(sched("for 10 days from 18th Dec")[0].1, "2013-12-18");
    // News: the date and the duration stay apart.
    assert_eq!(tag("He was jailed on Dec. 18 for 10 days.", Some(&SUN)).len(), 2);
}

#[test]
fn compact_numeric_dates() {
    assert_eq!(value("He was born 31-Oct-74 in Leeds.", Some(&SUN)), "1974-10-31");
    assert_eq!(value("Filed 31/Oct/1974.", Some(&SUN)), "1974-10-31");
    assert_eq!(sched("2-15")[0].1, "2013-02-15");
    assert_eq!(sched("2 / 15")[0].1, "2013-02-15");
    assert_eq!(sched("2/2013")[0].1, "2013-02");
    assert_eq!(sched("at the moment")[0].1, "2013-02-12T04:30:00");
    // News: a score stays a score.
    assert!(tag("They won 2-15 at home.", Some(&SUN)).is_empty());
}

#[test]
fn standalone_names_in_scheduling_text() {
    assert_eq!(sched("thu")[0].1, "2013-02-14");
    assert_eq!(sched("May")[0].1, "2013-05");
    assert_eq!(sched("at 3 15")[0].1, "2013-02-12T15:15");
    // Inside a sentence, or in news, they stay words.
    assert!(tag_with("I sat down", Some(&REF), &SCHED).is_empty());
    assert!(tag_with("May I come in?", Some(&REF), &SCHED).is_empty());
    assert!(tag("May.", Some(&SUN)).is_empty());
}

#[test]
fn counting_from_the_end_of_a_month() {
    assert_eq!(value("Polls close on the fifth last day of May 2025.", Some(&SUN)), "2025-05-27");
    assert_eq!(value("It falls on the second last Friday of May 2025.", Some(&SUN)), "2025-05-23");
}

#[test]
fn scheduling_deadlines_and_day_offsets_with_times() {
    let t = &tag_with("by the end of next month", Some(&REF), &SCHED)[0];
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2013-02-12T04:30:00", Some("2013-03")));
    let t = &tag_with("by EOD", Some(&REF), &SCHED)[0];
    assert_eq!(t.range_end.as_deref(), Some("2013-02-12"));
    assert_eq!(sched("in 7 days at 5pm")[0].1, "2013-02-19T17:00");
    assert_eq!(sched("at 3p.")[0].0, "3p.");
    assert_eq!(sched("3:20 in afternoon")[0].1, "2013-02-12T15:20");
    // News: "by" stays outside and the value is the date itself.
    assert_eq!(tags("Troops will leave by the end of the year.", Some(&SUN))[0].1, "2025");
}

#[test]
fn scheduling_parts_of_days_and_shifted_holidays() {
    assert_eq!(sched("morning")[0].1, "2013-02-12TMO");
    assert_eq!(sched("in the afternoon")[0].1, "2013-02-12TAF");
    let t = &tag_with("late tonight", Some(&REF), &SCHED)[0];
    assert_eq!((t.value.as_str(), t.range_end.as_deref()), ("2013-02-12T21:00", Some("2013-02-12T23:00")));
    assert_eq!(sched("tomorrow lunch")[0].1, "2013-02-13T12:00");
    assert_eq!(sched("morning of xmas")[0].1, "2013-12-25TMO");
    assert_eq!(sched("thanksgiving in a year")[0].1, "2014-11-27");
    assert_eq!(sched("thanksgiving 3 months ago")[0].1, "2012-11-22");
    assert_eq!(sched("March in a year")[0].1, "2014-03");
    assert_eq!(sched("3 years from today")[0].1, "2016-02-12");
    assert_eq!(sched("the 24")[0].1, "2013-02-24");
    assert_eq!(sched("Jul 18, Fri")[0].1, "2014-07-18");
    assert_eq!(sched("boss's day")[0].1, "2013-10-16");
    assert_eq!(sched("this week-end")[0].1, "2013-W07-WE");
    assert_eq!(sched("during March")[0].0, "during March");
    assert_eq!(sched("in 15'")[0].1, "2013-02-12T04:45:00");
    // News: the morning stays a word, "the night of" stays outside.
    assert!(tag("The morning was cold.", Some(&SUN)).is_empty());
    assert_eq!(tags("He was shot on the night of Oct. 23, 2024.", Some(&SUN))[0].0, "Oct. 23, 2024");
}

#[test]
fn orthodox_and_national_holidays() {
    assert_eq!(sched("orthodox easter 2018")[0].1, "2018-04-08");
    assert_eq!(sched("orthodox good friday 2020")[0].1, "2020-04-17");
    assert_eq!(sched("clean monday 2018")[0].1, "2018-02-19");
    assert_eq!(value("Crowds filled Amsterdam on King's Day 2014.", Some(&SUN)), "2014-04-26");
    assert_eq!(value("Crowds filled Amsterdam on Koningsdag 2018.", Some(&SUN)), "2018-04-27");
    assert!(tag("The White House and the Sacramento Kings met King Charles.", Some(&SUN)).is_empty());
}

#[test]
fn closest_occurrence() {
    assert_eq!(sched("the closest xmas to today")[0].1, "2012-12-25");
    assert_eq!(sched("the 3rd closest xmas to today")[0].1, "2011-12-25");
    assert_eq!(value("It moved to the second closest Monday to October 5, 2013.", Some(&SUN)), "2013-09-30");
}

#[test]
fn a_quotation_keeps_its_own_tense() {
    // Written on Saturday 2025-05-17: the call is on the coming Monday, whatever the reporting verb.
    let sat = Dct { date: (2025, 5, 17), time: None };
    let text = "“I will be on the phone and speak to the president at 10am on Monday,” he wrote in a post.";
    let t = tag(text, Some(&sat));
    assert_eq!(t.iter().map(|x| x.value.as_str()).collect::<Vec<_>>(), vec!["2025-05-19T10:00"]);
}

#[test]
fn islamic_jewish_and_chinese_holidays() {
    // Islamic months start the day after a conjunction before sunset in Mecca.
    assert_eq!(
        value("Markets close for Eid al-Fitr 2024.", Some(&SUN)),
        "2024-04-10"
    );
    let t = one("Families gathered during Ramadan 2025.", Some(&SUN));
    assert_eq!(
        (t.value.as_str(), t.range_end.as_deref()),
        ("2025-03-01", Some("2025-03-29"))
    );
    assert_eq!(
        value("The last Eid al-Adha was quiet.", Some(&SUN)),
        "2024-06-16"
    );
    // Jewish holidays begin at sundown: the value is the evening they start.
    assert_eq!(
        value("Talks will resume after Yom Kippur.", Some(&SUN)),
        "2025-10-01"
    );
    let t = one("He visited his parents for Passover 2026.", Some(&SUN));
    assert_eq!(
        (t.value.as_str(), t.range_end.as_deref()),
        ("2026-04-01", Some("2026-04-09"))
    );
    assert_eq!(
        tag("Hanukkah 2024 began on Christmas Day.", Some(&SUN))[0]
            .range_end
            .as_deref(),
        Some("2025-01-01")
    );
    assert_eq!(
        value("Chinese New Year 2025 was celebrated widely.", Some(&SUN)),
        "2025-01-29"
    );
    assert_eq!(
        value("Sales rose before the Lunar New Year 2026.", Some(&SUN)),
        "2026-02-17"
    );
}

#[test]
fn hindu_and_solar_holidays() {
    // Tithi current at the hour of observance in an amanta month named by the Sun's entry.
    assert_eq!(
        value("Diwali 2024 lit up the city.", Some(&SUN)),
        "2024-10-31"
    );
    assert_eq!(
        value("Crowds gathered for Holi 2025.", Some(&SUN)),
        "2025-03-14"
    );
    assert_eq!(
        value("Ganesh Chaturthi 2023 drew crowds.", Some(&SUN)),
        "2023-09-19"
    );
    // The Sun entering sidereal Capricorn; after sunset it counts for the next day.
    assert_eq!(
        value("Makar Sankranti 2025 was a holiday.", Some(&SUN)),
        "2025-01-14"
    );
    let t = one("Navaratri 2023 is celebrated with dances.", Some(&SUN));
    assert_eq!(
        (t.value.as_str(), t.range_end.as_deref()),
        ("2023-10-15", Some("2023-10-24"))
    );
}

#[test]
fn holiday_names_are_sorted() {
    assert!(crate::parse::holiday_names_sorted());
}

#[test]
fn future_markers_and_quarters() {
    // Sunday 2025-05-18
    assert_eq!(value("The envoy could arrive as soon as Tuesday.", Some(&SUN)), "2025-05-20");
    assert_eq!(value("The team planned to leave on Thursday.", Some(&SUN)), "2025-05-22");
    assert_eq!(value("The index is to resume trading Monday.", Some(&SUN)), "2025-05-19");
    assert_eq!(value("Aides said he would be traveling Thursday.", Some(&SUN)), "2025-05-22");
    // "the current quarter" is the DCT's, even after another quarter was mentioned
    let v = tag("Profit fell in the first quarter, and the current quarter looks better.", Some(&SUN));
    assert_eq!(v.last().map(|t| t.value.as_str()), Some("2025-Q2"));
    // "the latest quarter" is the last one completed before the DCT
    let v = tag("Sales in the first quarter of 2024 were weak, but the latest quarter was strong.", Some(&SUN));
    assert_eq!(v.last().map(|t| t.value.as_str()), Some("2025-Q1"));
}

#[test]
fn ended_and_since_dates_are_past() {
    assert_eq!(tag("Revenue rose in the year ended March 31.", Some(&SUN))[1].value, "2025-03-31");
    assert_eq!(value("Prices have risen since Nov. 3.", Some(&SUN)), "2024-11-03");
}

#[test]
fn deadlines_ahead_and_plans() {
    assert_eq!(value("Officials want a deal by August.", Some(&SUN)), "2025-08");
    assert_eq!(value("The loans run through January.", Some(&SUN)), "2026-01");
    assert_eq!(value("The vote was planned for early March.", Some(&Dct { date: (2025, 2, 10), time: None })), "2025-03");
}

#[test]
fn the_week_of_a_date() {
    assert_eq!(value("A hearing is set for the week of March 6, 2000.", Some(&SUN)), "2000-W10");
    assert_eq!(value("They meet the week of June 4.", Some(&SUN)), "2025-W23");
}

#[test]
fn time_zones_convert_with_a_known_offset() {
    let dct = Dct { date: (2025, 5, 18), time: Some((9, 0)) };
    let opts = Options { default_tense: Tense::Future, utc_offset_min: Some(-120) };
    let v = |s: &str| tag_with(s, Some(&dct), &opts).into_iter().map(|t| t.value).collect::<Vec<_>>();
    assert_eq!(v("Call me Monday 8:00 GMT"), vec!["2025-05-19T06:00"]);
    assert_eq!(v("the show starts at 4pm CET"), vec!["2025-05-18T13:00"]);
    assert_eq!(v("Monday 9 am (BST)"), vec!["2025-05-19T06:00"]);
    // news default: TimeML keeps the local reading
    assert_eq!(value("The market closed at 4 p.m. EST.", Some(&SUN)), "2025-05-18T16:00");
}

#[test]
fn reporting_years() {
    let v = tags("Profit rose in the fiscal year ended March 31.", Some(&SUN));
    assert_eq!(v[0], ("the fiscal year".into(), "P1Y".into(), TimexType::Duration));
    assert_eq!(tags("Sales for the full year were flat.", Some(&SUN)), vec![("the full year".into(), "2025".into(), TimexType::Date)]);
    assert!(tag("It was the year of the dragon.", Some(&SUN)).is_empty());
}

#[test]
fn years_in_words() {
    assert_eq!(value("Prices peaked in nineteen ninety-six.", Some(&SUN)), "1996");
    assert_eq!(value("They plan to finish by the year two thousand.", Some(&SUN)), "2000");
    assert_eq!(value("Easter Sunday two thousand ten was cold.", Some(&SUN)), "2010-04-04");
    assert_eq!(value("It began in January nineteen ninety-seven.", Some(&SUN)), "1997-01");
    assert!(tag("Nineteen people were hurt.", Some(&SUN)).is_empty());
}

#[test]
fn past_marked_dates_lean_to_the_past() {
    // Sunday 2025-05-18: Nov. 3 is 169 days back or 196 ahead
    assert_eq!(value("The suspect was last seen Nov. 3 near the border.", Some(&SUN)), "2024-11-03");
    let d = Dct { date: (2025, 2, 6), time: None };
    // Aug. 6: 185 days back, 181 ahead; "was" leans to the past, untensed takes the nearest
    assert_eq!(value("The index was at a record on Aug. 6 amid the rally.", Some(&d)), "2024-08-06");
    assert_eq!(value("Talks resume on Aug. 6", Some(&d)), "2025-08-06");
}

#[test]
fn year_comparisons_do_not_chain() {
    let d = Dct { date: (1989, 10, 26), time: None };
    let v: Vec<String> = tag("Profit in the third quarter rose to $5 million from $4 million a year earlier. Sales rose 10% from a year earlier.", Some(&d))
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(v, vec!["1989-Q3", "1988-Q3", "1988-Q3"]);
}

#[test]
fn holiday_in_a_year() {
    assert_eq!(value("Deepavali in 2019 drew crowds.", Some(&SUN)), "2019-10-27");
}

#[test]
fn ages_fractions_and_ordinals_are_not_periods() {
    for s in [
        "The 50-year-old alliance admitted three members.",
        "A 44-year-old anti-abortion protester was arrested.",
        "Mr. Schwarz, 52 years old, will succeed him.",
        "Iraq imports about three-quarters of its food.",
        "Funds hold more than a quarter of the market.",
        "It would be a second betrayal.",
        "A second group of directors objected.",
    ] {
        assert!(tag(s, Some(&SUN)).is_empty(), "{s}: {:?}", tag(s, Some(&SUN)));
    }
}

#[test]
fn news_period_references() {
    let d = Dct { date: (1989, 10, 26), time: None };
    let t = one("The deal should close by year-end.", Some(&d));
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("1989", Some("END")));
    assert_eq!(value("The index is up 12% since year-end.", Some(&d)), "1988");
    assert!(tag("Year-end net was below the 1987 level.", Some(&d)).iter().all(|t| t.value != "1989"));
    assert_eq!(value("We don't minimize the challenges of the near term.", Some(&d)), "FUTURE_REF");
    assert_eq!(tags("She fled in June 1998 and returned later that year.", Some(&d))[1].1, "1998");
    let t = tags("Net rose in the third quarter. The latest period included a gain.", Some(&d));
    assert_eq!(t[1], ("The latest period".into(), "1989-Q3".into(), TimexType::Date));
    // "the previous Friday" counts back from the day the story is at, not from the DCT
    let t = tags("Stocks fell on Friday, Oct. 27, down 4.5% from the previous Friday.", Some(&Dct { date: (1989, 10, 30), time: None }));
    assert_eq!(t.last().unwrap().1, "1989-10-20");
}

#[test]
fn the_governing_verb_not_a_later_clause_picks_the_weekday() {
    // Sunday 2025-05-18: the reporting verb is past; "will" belongs to the reported clause
    let t = tags("Peskov declined to comment on terms discussed at the talks, telling reporters on Saturday that the negotiations will continue.", Some(&SUN));
    assert_eq!(t[0].1, "2025-05-17");
    // "vacation plans" is a noun, not a plan for the future
    assert_eq!(value("On Friday, when she set aside vacation plans, rescuers worked on.", Some(&SUN)), "2025-05-16");
    assert_eq!(value("Protesters planned a rally on Saturday and were planning to march.", Some(&Dct { date: (2025, 5, 16), time: None })), "2025-05-17");
}

#[test]
fn deadline_months_and_attributive_participles() {
    let d = Dct { date: (1989, 10, 30), time: None };
    assert_eq!(value("The government gave Merieux until mid-November to submit information.", Some(&d)), "1989-11");
    assert_eq!(value("Lenders have extended loans through January.", Some(&d)), "1990-01");
    assert_eq!(tags("Fund sales changed little this year through August.", Some(&d))[1].1, "1989-08");
    assert_eq!(value("The split would be paid on a still unspecified date in January.", Some(&d)), "1990-01");
    assert_eq!(value("The talks are supposed to conclude by May.", Some(&d)), "1990-05");
}

#[test]
fn halves_in_the_next_unit_down() {
    assert_eq!(value("They lived in camps for 2 1/2 years.", Some(&SUN)), "P2Y6M");
    assert_eq!(value("She spent 5 1/2 hours in Nairobi.", Some(&SUN)), "PT5H30M");
    assert_eq!(value("He served for half an hour.", Some(&SUN)), "PT30M");
}

#[test]
fn deferral_deadlines_and_year_ago_periods() {
    // Monday 2000-04-03
    let d = Dct { date: (2000, 4, 3), time: None };
    assert_eq!(value("The INS has given the relatives until 9 a.m. Tuesday to sign.", Some(&d)), "2000-04-04T09:00");
    assert_eq!(value("Officials postponed until Thursday any action on the case.", Some(&d)), "2000-04-06");
    assert_eq!(value("It was not until Saturday that he spoke.", Some(&d)), "2000-04-01");
    let d = Dct { date: (1989, 11, 2), time: None };
    let t = tags("Net fell in the quarter ended Sept. 30. Coast earned $10.2 million in the year-ago quarter.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988-Q3");
    let t = tags("It lost $195 million in the 1988 period. The year-ago results included a charge.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988");
    let t = tags("Profit rose in the third quarter. For the quarter a year ago, it earned $16.3 million.", Some(&d));
    assert_eq!(t.last().unwrap(), &("the quarter a year ago".to_string(), "1988-Q3".to_string(), TimexType::Date));
}

#[test]
fn year_ago_quarters_and_periods_are_one_expression() {
    let d = Dct { date: (1989, 11, 2), time: None };
    let t = tags("Profit fell in the third quarter. In the year-earlier third quarter, it earned $9 million.", Some(&d));
    assert_eq!(t.last().unwrap(), &("the year-earlier third quarter".to_string(), "1988-Q3".to_string(), TimexType::Date));
    let t = tags("Net for the year-earlier nine months included a gain.", Some(&d));
    assert_eq!(t, vec![("the year-earlier nine months".to_string(), "P9M".to_string(), TimexType::Duration)]);
}

#[test]
fn discourse_now_then_current_and_fiscal_years() {
    let d = Dct { date: (1989, 11, 2), time: None };
    assert!(tag("Now, he says, it looks different.", Some(&d)).is_empty());
    assert_eq!(value("Iraq is now ready to withdraw.", Some(&d)), "PRESENT_REF");
    assert_eq!(tags("Holders may buy at 50% of the then current market price.", Some(&d)), vec![("then current".into(), "PAST_REF".into(), TimexType::Date)]);
    assert_eq!(value("It expects higher sales in the current fiscal year.", Some(&d)), "1989");
    assert_eq!(value("It had C$7.38 billion in sales in the latest fiscal year.", Some(&d)), "1988");
    assert!(tag("The quarter-to-quarter comparison was also enhanced.", Some(&d)).is_empty());
}

#[test]
fn the_year_being_reported() {
    let d = Dct { date: (1989, 10, 30), time: None };
    assert_eq!(tags("Revenue rose through the first nine months of the year.", Some(&d)).last().unwrap().1, "1989");
    assert_eq!(value("Herbicide use was delayed earlier in the year by heavy rains.", Some(&d)), "1989");
    let t = tags("Net rose in the third quarter. Slumps will continue through the first two quarters of 1990. In the year-ago period, it earned $101 million.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988-Q3");
}

#[test]
fn fronted_adverbials_and_typewriter_quotes() {
    // Monday 1998-10-26
    let d = Dct { date: (1998, 10, 26), time: None };
    assert_eq!(value("On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.", Some(&d)), "1998-10-27");
    assert_eq!(value("On Friday, when she set aside vacation plans for the hastily planned trip, the department lifted a warning.", Some(&d)), "1998-10-23");
    // Wednesday 2000-04-05
    let d = Dct { date: (2000, 4, 5), time: None };
    assert_eq!(tags("``The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.", Some(&d)).last().unwrap().1, "2000-04-06T04:00");
}

#[test]
fn names_that_read_like_times() {
    let d = Dct { date: (2000, 1, 7), time: None };
    for s in [
        "``The case of Elian is for today's youth what the blockade was,'' he said.",
        "This is VOA Today.",
        "He read USA Today on the plane.",
        "Baker, speaking on ABC News' \"This Week,\" said the request was valid.",
        "Gonzalez said on CBS's ''60 Minutes.''",
        "The poster showed Gary Cooper from the film ``High Noon.''",
    ] {
        assert!(tag(s, Some(&d)).is_empty(), "{s}: {:?}", tag(s, Some(&d)));
    }
    assert_eq!(value("Today's editions of the Journal carry the offer.", Some(&d)), "2000-01-07");
    assert_eq!(value("He will speak this week.", Some(&d)), "2000-W01");
}

#[test]
fn in_the_past_alone() {
    assert_eq!(value("Crane said that in the past it considered seeking control.", Some(&SUN)), "PAST_REF");
    assert_eq!(value("Prices rose in the past four years.", Some(&SUN)), "P4Y");
}

#[test]
fn election_day() {
    let d = Dct { date: (1998, 10, 26), time: None };
    assert_eq!(tags("It will be a major theme of our campaign from now to Election Day.", Some(&d))[1].1, "1998-11-03");
    assert_eq!(tags("It will be a theme of the campaign until Election Day.", Some(&d))[0].1, "1998-11-03");
    assert!(tag("The election day was calm.", Some(&d)).is_empty());
}

#[test]
fn vague_durations_and_part_of_a_relative_day() {
    let d = Dct { date: (1989, 11, 2), time: None };
    assert_eq!(tags("They will have to live without it for a while.", Some(&d)), vec![("a while".into(), "PXX".into(), TimexType::Duration)]);
    assert_eq!(value("In London at mid-afternoon yesterday, shares were up.", Some(&d)), "1989-11-01TAF");
}

#[test]
fn year_to_date_comparisons_are_yearly() {
    let d = Dct { date: (1989, 11, 2), time: None };
    let t = tags("Net rose in the third quarter. For the nine months, it earned $18.9 million, compared with a loss a year earlier.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988");
    let t = tags("Net rose in the third quarter, compared with a loss a year earlier.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988-Q3");
}

#[test]
fn last_year_in_a_quarterly_comparison() {
    let d = Dct { date: (1989, 11, 2), time: None };
    let t = tags("In the latest quarter, it posted earnings of $24 million, compared with a loss of $3 million last year.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988-Q3");
    let t = tags("In the latest quarter, sales rose. Last year, the company earned $480 million.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1988");
}

#[test]
fn the_date_closing_a_quarter_keeps_the_quarter_as_reference() {
    let d = Dct { date: (1989, 10, 26), time: None };
    let t = tags("It posted net income for the fiscal-first quarter ended Sept. 30. It had a net loss a year ago.", Some(&d));
    assert_eq!(t[0], ("the fiscal-first quarter".to_string(), "1989-Q1".to_string(), TimexType::Date));
    assert_eq!(t.last().unwrap().1, "1988-Q1");
}

#[test]
fn the_named_quarter_and_the_year_period() {
    let d = Dct { date: (1989, 10, 20), time: None };
    let t = tags("Sun said it earned $5.2 million in the fiscal first quarter. Earlier this month, it said it expected to break even for the quarter.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1989-Q1");
    let t = tags("Profit rose in the third quarter. In the 1988 period, the company earned $20.6 million.", Some(&d));
    assert_eq!(t.last().unwrap(), &("the 1988 period".to_string(), "1988-Q3".to_string(), TimexType::Date));
}

#[test]
fn comparisons_are_with_the_latest_reported_quarter() {
    let d = Dct { date: (1989, 10, 20), time: None };
    let t = tags("It posted a gain in third-quarter net income. After a flat second quarter, it gained. Charges were taken in the year-earlier period. Tax rates were lower than a year ago.", Some(&d));
    let v: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(v, vec!["1989-Q3", "1989-Q2", "1988-Q3", "1988-Q3"]);
}

#[test]
fn appositive_quarters_and_the_latest_period_alone() {
    let d = Dct { date: (1989, 11, 2), time: None };
    let t = tags("In the comparable year-ago quarter, the second quarter ended Oct. 31, it had a loss. Results for that quarter included a write-down.", Some(&d));
    assert_eq!(t[1], ("the second quarter".to_string(), format!("{}-Q2", t[0].1[..4].to_string()), TimexType::Date));
    assert_eq!(value("There were no one-time gains in the latest period.", Some(&d)), "1989-Q3");
}

#[test]
fn following_year_each_month_one_day_since_and_halves() {
    let d = Dct { date: (1998, 4, 18), time: None };
    let t = tags("On May 22, 1995, he was made a general, and the following year he was appointed attache.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1996");
    assert_eq!(tags("Orangemen march each July from their church.", Some(&d)), vec![("each July".into(), "XXXX-07".into(), TimexType::Set)]);
    assert_eq!(tags("Islam will one day be the second largest religion.", Some(&d)), vec![("one day".into(), "FUTURE_REF".into(), TimexType::Date)]);
    assert_eq!(value("The stay lasted one day.", Some(&d)), "P1D");
    let d = Dct { date: (1999, 5, 6), time: None };
    assert_eq!(value("Police have been searching for him since shortly after the Oct. 23 slaying.", Some(&d)), "1998-10-23");
    let d = Dct { date: (1989, 10, 26), time: None };
    assert_eq!(value("It means lower earnings for the last half of 1989.", Some(&d)), "1989-H2");
    let t = tags("Demand will stay weak through at least the first two quarters of 1990.", Some(&d));
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].1, "1990-H1");
    let t = tags("Net income rose in the third quarter, compared with a year-earlier loss of $6.2 million.", Some(&d));
    assert_eq!(t.last().unwrap(), &("year-earlier".to_string(), "1988-Q3".to_string(), TimexType::Date));
}

#[test]
fn counted_lengths_and_a_later_date() {
    let d = Dct { date: (1998, 2, 27), time: None };
    assert_eq!(tags("Russia may keep a naval base there for at least 20 more years.", Some(&d)), vec![("at least 20 more years".into(), "P20Y".into(), TimexType::Duration)]);
    assert_eq!(value("The boy will stay for two more weeks.", Some(&d)), "P2W");
    assert_eq!(value("The loan may be extended for an additional year.", Some(&d)), "P1Y");
    assert_eq!(value("Eight trading days after the crash, the index recovered.", Some(&d)), "P8D");
    assert_eq!(value("Over the next couple of years we expect growth.", Some(&d)), "P2Y");
    assert_eq!(value("It has been so for almost a hundred years.", Some(&d)), "P100Y");
    assert_eq!(tags("It will raise the money at a later date.", Some(&d)), vec![("a later date".into(), "FUTURE_REF".into(), TimexType::Date)]);
    assert!(tag("He bought 1,000 more shares and a few more cars.", Some(&d)).is_empty());
}

#[test]
fn attributive_centuries_and_unit_long_adjectives() {
    let d = Dct { date: (1998, 2, 19), time: None };
    assert_eq!(tags("It lies near Angkor Wat, the fabled 11th century temple.", Some(&d)), vec![("11th century".into(), "10".into(), TimexType::Date)]);
    assert_eq!(value("She is a 20th-century democrat.", Some(&d)), "19");
    assert_eq!(tags("They emerged from their third day-long meeting.", Some(&d)), vec![("day-long".into(), "P1D".into(), TimexType::Duration)]);
    assert_eq!(value("It is the government's decades-long battle.", Some(&d)), "PXY");
    assert!(tag("He came in 20th in the race.", Some(&d)).is_empty());
}

#[test]
fn decimals_end_no_sentence_and_months_follow_the_sentence() {
    let d = Dct { date: (1989, 10, 30), time: None };
    assert_eq!(value("The stock was 29.75 in March.", Some(&d)), "1989-03");
    let t = tags("Its stock rose to a high for the year of $42.875 a share in June from $29.75 in March.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1989-03");
    let t = tags("Prices climbed from December 1988 to March.", Some(&d));
    assert_eq!(t.last().unwrap().1, "1989-03");
}

#[test]
fn overnight_is_the_night_before_the_story_day() {
    let d = Dct { date: (1989, 10, 30), time: None };
    let t = tags("London stocks closed sharply lower Friday. Shares were depressed initially by overnight losses in New York. The index closed down 4.5% from the previous Friday.", Some(&d));
    let v: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(v, vec!["1989-10-27", "1989-10-26TNI", "1989-10-20"]);
    assert_eq!(value("Shares fell overnight in Tokyo.", Some(&d)), "1989-10-29TNI");
    let d = Dct { date: (2025, 3, 10), time: None };
    let t = tags("A gate at the dam gave way late on Sunday, flooding the town overnight.", Some(&d));
    assert_eq!(t.last().unwrap().1, "2025-03-09TNI");
}
