//! The figures stage's tests: phrases, values, hedges, exclusions and comparisons.

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
