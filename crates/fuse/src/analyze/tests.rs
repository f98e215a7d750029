//! Tests of the story record: speaker labels, conflicts, updates and ages.

use super::*;

fn variant(speaker: Option<&str>, source: Option<&str>) -> QuoteVariant {
    QuoteVariant {
        cite: Cite { doc: "d".into(), span: Span::new(0, 1), text: String::new() },
        direct: true,
        form: "verbatim".into(),
        speaker: speaker.map(String::from),
        source: source.map(String::from),
        channel: None,
    }
}

#[test]
fn speaker_labels_say_who_or_why_not() {
    let unit = |speaker: Option<&str>, variants| QuoteUnit { speaker: speaker.map(String::from), text: "t".into(), independent_sources: 1, variants };
    assert_eq!(unit(Some("Pavel Orsich"), vec![variant(Some("Pavel Orsich"), Some("he"))]).speaker_label(), "Pavel Orsich");
    let disputed = unit(None, vec![variant(Some("Pavel Orsich"), Some("Orsich")), variant(Some("Ilona Vasarek"), Some("Vasarek"))]);
    assert_eq!(disputed.speaker_label(), "disputed: Pavel Orsich / Ilona Vasarek");
    assert_eq!(unit(None, vec![variant(None, None), variant(None, Some("a government source"))]).speaker_label(), "“a government source” (unresolved)");
    assert_eq!(unit(None, vec![variant(None, None)]).speaker_label(), "unknown speaker");
}

fn person_doc(id: &str, date: &str, text: &str, names: &[&str]) -> Document {
    let mut d = Document::new(id, Default::default(), text.to_string());
    d.published.date = Some(date.into());
    d.published.provenance = newsfuse_doc::DateProvenance::Metadata;
    for n in names {
        let start = text.find(n).unwrap();
        d.mentions.push(newsfuse_doc::Mention { span: Span::new(start, start + n.len()), label: EntityLabel::Per, entity: Some(n.to_string()) });
    }
    d.figures = newsfuse_figures::figures(&d);
    d
}

#[test]
fn spellings_of_one_person_are_no_speaker_conflict() {
    let set = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(distinct_people(&set(&["Lanier", "Cathy Lanier"])), 1);
    assert_eq!(distinct_people(&set(&["Heller", "Mark Jay Heller"])), 1);
    assert_eq!(distinct_people(&set(&["Lockart", "Joe Lockhart"])), 1);
    assert_eq!(distinct_people(&set(&["Captain Nambiar", "Manohar Nambiar"])), 1);
    assert_eq!(distinct_people(&set(&["Tara Reid", "Jack Ketsoyan"])), 2);
    assert_eq!(distinct_people(&set(&["Socialist Party of Timor", "National Council of Timorese Resistance"])), 2);
}

#[test]
fn ages_of_one_named_person_conflict_across_sources() {
    let a = person_doc("a", "1998-12-16", "Qin, 44, and Wang, 31, are accused of subversion.", &["Qin", "Wang"]);
    let b = person_doc("b", "1998-12-16", "The defendant is Qin Yongmin, 45, and Wang Youcai, 33, goes on trial. Dr. Wang Bingzhang, 50, was expelled.", &["Qin Yongmin", "Wang Youcai", "Wang Bingzhang"]);
    let docs = vec![&a, &b];
    let out = age_conflicts(&docs, |i| i);
    let abouts: Vec<&str> = out.iter().map(|c| c.about.as_str()).collect();
    assert_eq!(abouts, ["age of Qin Yongmin", "age of Wang Youcai"]);
    assert!(out.iter().all(|c| c.shown() && !c.update && c.kind == "age" && c.why.contains("day(s) apart")));
    // One source saying two ages is no conflict between independent reports.
    assert!(age_conflicts(&docs, |_| 0).iter().all(|c| !c.shown()));
    // 32 and 36: two people of one name or two times of one story, not shown.
    let c = person_doc("c", "2009-01-01", "Vitali Klitschko, 32, won.", &["Vitali Klitschko"]);
    let d = person_doc("d", "2009-01-01", "Vitali Klitschko, 36, won again.", &["Vitali Klitschko"]);
    let out = age_conflicts(&[&c, &d], |i| i);
    assert_eq!(out.len(), 1);
    assert!(!out[0].shown());
    // Without both dates, a birthday may lie between the reports: not shown.
    let undated = |id: &str, text: &str| {
        let mut x = person_doc(id, "2020-01-01", text, &["Ruth Ginsburg"]);
        x.published.date = None;
        x.published.provenance = newsfuse_doc::DateProvenance::Unknown;
        x
    };
    let (e, f, g) = (undated("e", "Ruth Ginsburg, 83, spoke."), undated("f", "Ruth Ginsburg, 84, spoke."), undated("g", "Ruth Ginsburg, 85, spoke."));
    assert!(!age_conflicts(&[&e, &f], |i| i)[0].shown());
    assert!(!age_conflicts(&[&e, &g], |i| i)[0].shown());
    // Reports two months apart: a birthday may lie between.
    let h = person_doc("h", "2020-03-01", "Ruth Ginsburg, 84, spoke.", &["Ruth Ginsburg"]);
    let i = person_doc("i", "2020-05-01", "Ruth Ginsburg, 85, spoke.", &["Ruth Ginsburg"]);
    assert!(!age_conflicts(&[&h, &i], |k| k)[0].shown());
}

#[test]
fn only_tolls_in_alike_sentences_at_one_time_are_shown() {
    let fig = |text: &str| newsfuse_figures::figures(&Document::new("x", Default::default(), text.into())).remove(0);
    let (killed12, killed14) = (fig("12 people were killed."), fig("14 people were killed."));
    assert!(pair_confidence(&killed12, &killed14, true, Some(0), false).0 >= SHOWN_CONFIDENCE);
    // Published days apart: perhaps an update; dates unknown: cannot tell.
    assert!(pair_confidence(&killed12, &killed14, true, Some(3), false).0 < SHOWN_CONFIDENCE);
    // An update within weeks is shown; years apart it is another event's toll.
    assert!(pair_confidence(&killed12, &killed14, true, Some(18), true).0 >= SHOWN_CONFIDENCE);
    assert!(pair_confidence(&killed12, &killed14, true, Some(2002), true).0 < SHOWN_CONFIDENCE);
    assert!(pair_confidence(&killed12, &killed14, true, None, false).0 < SHOWN_CONFIDENCE);
    // Sentences not alike: maybe another scope of the story.
    assert!(pair_confidence(&killed12, &killed14, false, Some(0), false).0 < SHOWN_CONFIDENCE);
    // Not a toll: "13 nautical miles" / "150 nautical miles" are often two places.
    let (near, far) = (fig("some 13 nautical miles"), fig("150 nautical miles"));
    assert!(pair_confidence(&near, &far, true, Some(0), false).0 < SHOWN_CONFIDENCE);
}

#[test]
fn a_day_is_named_whether_or_not_its_year_is_known() {
    for v in ["2025-05-19", "XXXX-10-16", "XXXX-WXX-5", "2025-W20-1", "1998-10-16T10:00"] {
        assert!(names_a_day(v), "{v}");
    }
    for v in ["1973", "1998-10", "2025-W20", "XXXX", "P3D", "PRESENT_REF", "19"] {
        assert!(!names_a_day(v), "{v}");
    }
}
