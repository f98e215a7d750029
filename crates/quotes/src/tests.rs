use newsfuse_doc::{Document, Mention, Paragraph, Span};

use super::*;

/// A document split into paragraphs on blank lines, with sentences and
/// tokens, and PER/ORG mentions for the given names.
pub(crate) fn doc(text: &str, names: &[(&str, &str)]) -> Document {
    let mut d = Document::new("t", Default::default(), text.to_string());
    let mut start = 0;
    for part in text.split("\n\n") {
        d.paragraphs.push(Paragraph { span: Span::new(start, start + part.len()), kind: Default::default() });
        start += part.len() + 2;
    }
    newsfuse_text::annotate(&mut d);
    for (name, label) in names {
        for (i, _) in text.match_indices(name) {
            d.mentions.push(Mention { span: Span::new(i, i + name.len()), label: label.parse().unwrap(), entity: None });
        }
    }
    d.mentions.sort_by_key(|m| m.span);
    d.mentions.dedup_by(|b, a| a.span.contains(b.span));
    d
}

/// The rules alone: what these tests pin down.
fn find_quotes(d: &Document) -> Vec<newsfuse_doc::Quote> {
    find_attributions_with(d, Method::Rules).into_iter().map(|a| a.quote).collect()
}

fn show(d: &Document) -> Vec<(String, Option<String>, Option<String>, Option<String>)> {
    find_quotes(d)
        .iter()
        .map(|q| {
            (
                q.content.iter().map(|s| d.span_text(*s)).collect::<Vec<_>>().join(" | "),
                q.source.map(|s| d.span_text(s).to_string()),
                q.cue.map(|s| d.span_text(s).to_string()),
                q.speaker.as_ref().and_then(|s| s.entity.clone()),
            )
        })
        .collect()
}

#[test]
fn direct_after_and_before() {
    let d = doc(
        "Mayor Ana Ruiz opened the bridge on Monday.\n\n“This is a great day for Brezhovo,” Ruiz said.\n\nCouncilman Tom Bell said: “It cost too much.”",
        &[("Ana Ruiz", "PER"), ("Ruiz", "PER"), ("Tom Bell", "PER"), ("Brezhovo", "LOC")],
    );
    let q = show(&d);
    assert_eq!(q[0].0, "This is a great day for Brezhovo,");
    assert_eq!(q[0].1.as_deref(), Some("Ruiz"));
    assert_eq!(q[0].3.as_deref(), Some("Ana Ruiz"));
    assert_eq!(q[1].0, "It cost too much.");
    assert_eq!(q[1].3.as_deref(), Some("Tom Bell"));
}

#[test]
fn split_quote_and_inversion() {
    let d = doc("“We are ready,” said Ana Ruiz, “to talk to anyone.”", &[("Ana Ruiz", "PER")]);
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "We are ready, | to talk to anyone.");
    assert_eq!(q[0].3.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn partial_quote_and_pronoun() {
    let d = doc(
        "Mayor Ana Ruiz met the governor on Friday.\n\nShe called the meeting “a real step forward for the valley.”\n\n“We will keep going,” she told reporters.",
        &[("Ana Ruiz", "PER")],
    );
    let quotes = find_quotes(&d);
    assert_eq!(quotes.len(), 2, "{:?}", show(&d));
    let s = quotes[0].speaker.as_ref().unwrap();
    assert_eq!((s.entity.as_deref(), s.via.as_str()), (Some("Ana Ruiz"), "pronoun"));
    assert_eq!(quotes[1].channel.as_ref().map(|c| c.kind.as_str()), Some("reporters"));
}

#[test]
fn reported_speech_forms() {
    let d = doc(
        "Ana Ruiz said that the river would crest on Thursday.\n\nThe levee will hold, the engineers said.\n\nAccording to the state agency, repairs will take a month.",
        &[("Ana Ruiz", "PER")],
    );
    let q = show(&d);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].0, "that the river would crest on Thursday");
    assert_eq!(q[1].0, "The levee will hold");
    assert_eq!(q[1].1.as_deref(), Some("the engineers"));
    assert_eq!(q[2].0, "repairs will take a month");
    assert_eq!(q[2].1.as_deref(), Some("the state agency"));
    assert!(find_quotes(&d).iter().all(|q| !q.direct));
}

#[test]
fn roles_and_previous_quote() {
    let d = doc(
        "Valdorian President Marco Lenz arrived in the capital.\n\n“The border stays open,” the Valdorian leader said in a post on Truth Social.\n\n“Nobody will be turned away.”",
        &[("Marco Lenz", "PER")],
    );
    let quotes = find_quotes(&d);
    assert_eq!(quotes.len(), 2, "{:?}", show(&d));
    let s = quotes[0].speaker.as_ref().unwrap();
    assert_eq!((s.entity.as_deref(), s.via.as_str()), (Some("Marco Lenz"), "role"));
    let c = quotes[0].channel.as_ref().unwrap();
    assert_eq!((c.kind.as_str(), c.name.as_deref()), ("social-post", Some("Truth Social")));
    let s = quotes[1].speaker.as_ref().unwrap();
    assert_eq!((s.entity.as_deref(), s.via.as_str()), (Some("Marco Lenz"), "previous-quote"));
}

#[test]
fn unclosed_mark_loses_nothing() {
    let d = doc(
        "“The water is rising, Ruiz said on Monday.\n\nThe council met later. “We need sandbags,” Bell said.",
        &[("Ruiz", "PER"), ("Bell", "PER")],
    );
    let q = show(&d);
    assert!(q.iter().any(|x| x.0 == "We need sandbags," && x.3.as_deref() == Some("Bell")), "{q:?}");
    assert!(q.iter().all(|x| !x.0.contains("council")), "{q:?}");
}

#[test]
fn scare_quotes_and_apostrophes_are_not_statements() {
    let d = doc("The so-called “deal” didn’t survive Ruiz’s veto.", &[]);
    assert!(find_quotes(&d).is_empty());
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long = "word ".repeat(10_000) + "said “ and « „ ‹";
    for text in [
        "“".to_string(),
        "”“”“”“\n\n‘’‘’\n\n«»«»„".to_string(),
        "\"\"\"\"\"\n\n\"".to_string(),
        long,
        "he said he said he said".to_string(),
        "according to".to_string(),
        ", said".to_string(),
        String::new(),
    ] {
        let d = doc(&text, &[]);
        for q in crate::find_quotes(&d) {
            for s in q.content.iter().chain(q.source.iter()).chain(q.cue.iter()) {
                assert!(s.slice(&d.text).is_some());
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("“"), Just("”"), Just("\""), Just("‘"), Just("’"), Just("«"), Just("»"), Just("„"), Just("'"),
            Just(" said "), Just(" he "), Just("Ruiz"), Just(", "), Just(". "), Just("\n\n"), Just("according to "), Just("told reporters"),
            Just("word"), Just("é"), Just("didn’t"),
        ], 0..60)) {
            let text: String = parts.concat();
            let d = doc(&text, &[("Ruiz", "PER")]);
            for q in crate::find_quotes(&d).into_iter().chain(super::find_quotes(&d)) {
                for s in q.content.iter().chain(q.source.iter()).chain(q.cue.iter()) {
                    prop_assert!(s.slice(&d.text).is_some());
                }
            }
        }
    }
}

#[test]
fn default_method_finds_speakers() {
    let d = doc(
        "Mayor Ana Ruiz opened the new bridge in Brezhovo on Monday.\n\n“This is a great day for the whole valley,” Ruiz told reporters.\n\nCouncilman Tom Bell said the project had cost far too much money.",
        &[("Ana Ruiz", "PER"), ("Ruiz", "PER"), ("Tom Bell", "PER"), ("Brezhovo", "LOC")],
    );
    let quotes = crate::find_quotes(&d);
    let direct = quotes.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(d.span_text(direct.content[0]), "This is a great day for the whole valley,");
    assert_eq!(direct.speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Ana Ruiz"));
    assert_eq!(direct.channel.as_ref().map(|c| c.kind.as_str()), Some("reporters"));
    let reported = quotes.iter().find(|q| !q.direct).expect("the reported statement");
    assert!(d.span_text(reported.content[0]).contains("cost far too much"));
    assert_eq!(reported.speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Tom Bell"));
}

#[test]
fn groups_and_organizations_are_not_people() {
    let d = doc(
        "Valdorian President Marco Lenz spoke on Monday.\n\nAnalysts said the deal would not last.\n\nThe Valdorian Water Agency said the dam was safe.",
        &[("Marco Lenz", "PER")],
    );
    let q = find_quotes(&d);
    assert_eq!(q.len(), 2, "{:?}", show(&d));
    assert_eq!(q[0].speaker.as_ref().and_then(|s| s.entity.as_deref()), None);
    assert_eq!(q[1].speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Valdorian Water Agency"));
}

fn speaker_of(d: &Document, q: &newsfuse_doc::Quote) -> Option<String> {
    let _ = d;
    q.speaker.as_ref().and_then(|s| s.entity.clone())
}

#[test]
fn colon_quote_takes_the_sentence_subject() {
    let d = doc(
        "Fisheries and Coastal Affairs Minister Maren Holloway, visiting the harbour on Tuesday, gave a pledge to the crews: “Nobody here will lose a boat because of this. We will pay for every repair.”\n\nShe left at noon.",
        &[("Maren Holloway", "PER")],
    );
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        let q = q.iter().find(|q| q.direct).expect("the quote");
        assert_eq!(d.span_text(q.content[0]), "Nobody here will lose a boat because of this. We will pay for every repair.");
        assert_eq!(speaker_of(&d, q).as_deref(), Some("Maren Holloway"));
    }
}

#[test]
fn title_words_before_the_name_in_apposition() {
    let d = doc(
        "Storm damage closed the pier.\n\n“We will rebuild the pier before summer,” announced the minister of Fisheries and Coastal Affairs, Maren Holloway, during a visit.\n\n“The waves came over the wall faster than anyone could tie a line,” said the mayor of the town, Oskar Lindqvist.",
        &[("Maren Holloway", "PER"), ("Fisheries", "ORG"), ("Coastal Affairs", "ORG"), ("Oskar Lindqvist", "PER")],
    );
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        let q: Vec<_> = q.iter().filter(|q| q.direct).collect();
        assert_eq!(q.len(), 2);
        assert_eq!(speaker_of(&d, q[0]).as_deref(), Some("Maren Holloway"), "{:?}", q[0].source.map(|s| d.span_text(s)));
        assert_eq!(speaker_of(&d, q[1]).as_deref(), Some("Oskar Lindqvist"));
    }
}

#[test]
fn role_resolves_to_the_titled_name() {
    // The name tagger took the title into the mention: "Mayor Oskar Lindqvist".
    let d = doc(
        "Mayor Oskar Lindqvist met the crews at the pier with Fisheries Minister Maren Holloway.\n\n“The water was higher than I have ever seen,” the mayor recalled.",
        &[("Mayor Oskar Lindqvist", "PER"), ("Maren Holloway", "PER")],
    );
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        let q = q.iter().find(|q| q.direct).expect("the quote");
        assert_eq!(speaker_of(&d, q).as_deref(), Some("Mayor Oskar Lindqvist"));
    }
}

#[test]
fn nationality_role_is_not_the_name_before_the_comma() {
    // "with Lenz, the Norvalian leader said": the words after Lenz's comma
    // are the source itself, not a description of Lenz.
    let d = doc(
        "Valdorian President Marco Lenz phoned the Norvalian Ida Brun on Monday.\n\nSpeaking after two calls with Marco Lenz, the Norvalian leader said she hoped to meet him soon in Geneva.",
        &[("Marco Lenz", "PER"), ("Norvalian Ida Brun", "PER")],
    );
    let q = crate::find_quotes(&d);
    let r = q.iter().find(|q| q.content.iter().any(|c| d.span_text(*c).contains("hoped"))).expect("the statement");
    assert_eq!(speaker_of(&d, r).as_deref(), Some("Norvalian Ida Brun"), "{:?}", r.source.map(|s| d.span_text(s)));
}

#[test]
fn a_document_is_not_spoken_by_the_outlet() {
    let mut d = doc(
        "The report, dated May 2, 2021, and obtained by the Gazette, urged replacing the sea wall “before the storm season.”\n\nThe harbour board did not comment.",
        &[("Gazette", "ORG")],
    );
    d.outlet = Some("The Lindholm Gazette".into());
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        for q in q.iter().filter(|q| q.content.iter().any(|c| d.span_text(*c).contains("storm season"))) {
            assert_eq!(speaker_of(&d, q), None, "{:?}", q.source.map(|s| d.span_text(s)));
            if let Some(s) = q.source {
                assert!(!d.span_text(s).contains("Gazette"), "{}", d.span_text(s));
            }
        }
    }
}

#[test]
fn place_after_a_preposition_is_not_the_speaker() {
    let d = doc("Fishermen on Lake Orlen said the water was “higher than anyone had seen in 30 years.”", &[("Lake Orlen", "LOC")]);
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        assert!(q.iter().all(|q| speaker_of(&d, q).as_deref() != Some("Lake Orlen")));
    }
}

#[test]
fn quote_paragraph_after_a_colon() {
    let d = doc(
        "The council met on Monday.\n\nAna Ruiz said:\n\n“We will open the bridge in May, and not a day later.”\n\nThe Valley Gazette reports:\n\n“Repairs have cost twice the estimate, according to the council’s own records.”",
        &[("Ana Ruiz", "PER"), ("Valley Gazette", "ORG")],
    );
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        let q: Vec<_> = q.iter().filter(|q| q.direct).collect();
        assert!(q.len() >= 2, "{}", q.len());
        assert_eq!(q[0].speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Ana Ruiz"));
        assert_eq!(q[0].cue.map(|c| d.span_text(c)), Some("said"));
        let g = q.iter().find(|x| d.span_text(x.content[0]).contains("Repairs"));
        let all: Vec<_> = q.iter().map(|x| (x.content.iter().map(|c| d.span_text(*c)).collect::<Vec<_>>(), x.source.map(|s| d.span_text(s)))).collect();
        assert_eq!(g.and_then(|g| g.source).map(|s| d.span_text(s)), Some("The Valley Gazette"), "{all:?}");
    }
}

#[test]
fn names_in_a_relative_clause_are_not_the_source() {
    let d = doc(
        "“The river took the whole street,” said Mayor Oskar Lindqvist, whose own office on Harbour Road was flooded.",
        &[("Oskar Lindqvist", "PER"), ("Harbour Road", "ORG")],
    );
    for q in [find_quotes(&d), crate::find_quotes(&d)] {
        let q = q.iter().find(|q| q.direct).expect("the quote");
        assert_eq!(q.speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Oskar Lindqvist"), "{:?}", q.source.map(|s| d.span_text(s)));
    }
}

#[test]
fn german_statements() {
    let mut d = doc(
        "Bürgermeister Tomas Berger besuchte am Dienstag die Brücke.\n\n„Wir bauen sie bis zum Winter wieder auf“, sagte er. Die Stadtwerke Lenzhaven erklärten, sie prüften die Pfeiler.\n\nDie Straße bleibt gesperrt, teilte die Polizei mit. Berger sagte: „Niemand wird allein gelassen.“ Der Fluss sagt uns nichts Neues, meinen die Anwohner.",
        &[("Tomas Berger", "PER"), ("Berger", "PER"), ("Stadtwerke Lenzhaven", "ORG")],
    );
    d.language.code = "de".into();
    let q = show(&d);
    let expected = [
        ("Wir bauen sie bis zum Winter wieder auf", Some("er"), Some("sagte"), Some("Tomas Berger")),
        ("sie prüften die Pfeiler", Some("Die Stadtwerke Lenzhaven"), Some("erklärten"), Some("Stadtwerke Lenzhaven")),
        ("Die Straße bleibt gesperrt", Some("die Polizei"), Some("teilte"), None),
        ("Niemand wird allein gelassen.", Some("Berger"), Some("sagte"), Some("Tomas Berger")),
    ];
    assert_eq!(q.len(), expected.len(), "{q:?}");
    for (got, want) in q.iter().zip(expected) {
        assert_eq!(got.0, want.0);
        assert_eq!(got.1.as_deref(), want.1);
        assert_eq!(got.2.as_deref(), want.2);
        assert_eq!(got.3.as_deref(), want.3);
    }
    let direct: Vec<bool> = find_quotes(&d).iter().map(|q| q.direct).collect();
    assert_eq!(direct, vec![true, false, false, true]);
}

#[test]
fn a_possessive_source_keeps_its_possessor() {
    let d = doc(
        "The U.N. has offered to send a disaster assessment team, Estavia's foreign ministry said, and neighbouring countries have pledged pumps and generators.",
        &[("Estavia", "LOC"), ("U.N.", "ORG")],
    );
    let sources: Vec<String> = crate::find_quotes(&d).iter().filter_map(|q| q.source.map(|s| d.span_text(s).to_string())).collect();
    assert!(sources.iter().all(|s| !s.starts_with("'s")), "{sources:?}");
    assert!(sources.iter().any(|s| s == "Estavia's foreign ministry"), "{sources:?}");
}

/// What a token tagger splits, mended: a source cut inside a name takes the
/// whole name from the content; a stray determiner before the source joins it.
#[test]
fn tagger_splits_are_mended() {
    let text = "Minister Ilona Vasarek is expected to return to the town this afternoon.\n\nThe U.N. has offered to send a disaster assessment team.";
    let d = doc(text, &[("Ilona Vasarek", "PER"), ("U.N.", "ORG")]);
    let ctx = rules::Ctx::new(&d);
    let at = |s: &str| {
        let i = text.find(s).expect("in text");
        Span::new(i, i + s.len())
    };
    let att = |source: &str, cue: &str, content: &[&str]| {
        let content: Vec<Span> = content.iter().map(|c| at(c)).collect();
        Attribution { quote: Quote { content: content.clone(), source: Some(at(source)), cue: Some(at(cue)), ..Default::default() }, clause: content, cue_tok: None }
    };
    let mut atts = vec![
        att("Ilona", "is expected", &["Vasarek", "to return to the town this afternoon"]),
        att("U.N.", "has offered", &["The", "to send a disaster assessment team"]),
    ];
    rules::mend_splits(&ctx, &mut atts);
    let texts = |a: &Attribution| (d.span_text(a.quote.source.expect("source")).to_string(), a.clause.iter().map(|c| d.span_text(*c)).collect::<Vec<_>>());
    assert_eq!(texts(&atts[0]), ("Ilona Vasarek".to_string(), vec!["to return to the town this afternoon"]));
    assert_eq!(texts(&atts[1]), ("The U.N.".to_string(), vec!["to send a disaster assessment team"]));
    // A quoted word before the cue is content ("“Yes,” she said, “we will.”").
    let text2 = "“Yes,” Ana Ruiz said, “we will open the bridge on Monday.”";
    let d2 = doc(text2, &[("Ana Ruiz", "PER")]);
    let ctx2 = rules::Ctx::new(&d2);
    let q = |s: &str| {
        let i = text2.find(s).expect("in text");
        Span::new(i, i + s.len())
    };
    let content = vec![q("Yes,"), q("we will open the bridge on Monday.")];
    let mut atts2 = vec![Attribution { quote: Quote { content: content.clone(), source: Some(q("Ana Ruiz")), cue: Some(q("said")), ..Default::default() }, clause: content.clone(), cue_tok: None }];
    rules::mend_splits(&ctx2, &mut atts2);
    assert_eq!(atts2[0].clause, content);
    // The mirror case: the content before the cue, the source's last word tagged as content.
    let text3 = "Heavy rain fell across the basin last week, according to the national weather service.";
    let d3 = doc(text3, &[]);
    let ctx3 = rules::Ctx::new(&d3);
    let r = |s: &str| {
        let i = text3.find(s).expect("in text");
        Span::new(i, i + s.len())
    };
    let content = vec![r("Heavy rain fell across the basin last week"), r("service")];
    let mut atts3 = vec![Attribution { quote: Quote { content: content.clone(), source: Some(r("the national weather")), cue: Some(r("according to")), ..Default::default() }, clause: content, cue_tok: None }];
    rules::mend_splits(&ctx3, &mut atts3);
    assert_eq!(d3.span_text(atts3[0].quote.source.expect("source")), "the national weather service");
    assert_eq!(atts3[0].clause, vec![r("Heavy rain fell across the basin last week")]);
}

#[test]
fn pronouns_take_the_subject_that_agrees_in_gender() {
    // "with King Carl" is not the subject; "he" is the prime minister.
    let d = doc(
        "Prime Minister Goran Larsson travelled to the town with King Carl Gustaf on Monday.\n\n“The floor was full of water,” he said.",
        &[("Goran Larsson", "PER"), ("Carl Gustaf", "PER")],
    );
    assert_eq!(show(&d)[0].3.as_deref(), Some("Goran Larsson"));
    // "she" after a man named last: the woman.
    let d = doc("Mary Olsen met Mr. Brandt at the school.\n\n“It was terrible,” she said.", &[("Mary Olsen", "PER"), ("Brandt", "PER")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Mary Olsen"));
    let d = doc("Mrs. Olsen met David Brandt at the school.\n\n“It was terrible,” he said.", &[("Olsen", "PER"), ("David Brandt", "PER")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("David Brandt"));
}

#[test]
fn a_person_speaking_for_an_organization_is_the_speaker() {
    let d = doc("“No reason to doubt it,” said Rui Costa, a spokesman for the Timor Council.", &[("Rui Costa", "PER"), ("Timor Council", "ORG")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Rui Costa"));
    let d = doc("“He is dangerous,” said Lt. Greg Hale of the Oregon State Police.", &[("Greg Hale", "PER"), ("Oregon State Police", "ORG")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Greg Hale"));
    // An unnamed spokesperson: the organization speaks.
    let d = doc("Fire hit the Milbrook Stores shop.\n\n“No one was hurt,” a spokesman for Milbrook Stores said.", &[("Milbrook Stores", "ORG")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Milbrook Stores"));
    // "the navy" is the navy the story named.
    let d = doc("The Indian Navy seized a boat.\n\n“Twenty men surrendered,” the navy said.", &[("Indian Navy", "ORG")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Indian Navy"));
}

#[test]
fn a_party_description_is_not_a_name() {
    let d = doc("“The hard work starts now,” said Senate Leader Harry Reed, Nevada Democrat.", &[("Harry Reed", "PER"), ("Nevada Democrat", "PER")]);
    assert_eq!(show(&d)[0].3.as_deref(), Some("Harry Reed"));
}

#[test]
fn headlines_questions_and_negated_cues_are_not_statements() {
    // A headline line (no final punctuation) and a quote under a label and a colon.
    let d = doc("Ruiz opens bridge, mayor says\n\nAna Ruiz said the bridge would open on Monday.", &[("Ana Ruiz", "PER")]);
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.contains("would open"), "{q:?}");
    let d = doc("Ruiz, after the vote: “We will rebuild.”\n\nThe council voted on Monday.\n\nIt met again on Tuesday.", &[("Ruiz", "PER")]);
    assert!(show(&d).is_empty(), "{:?}", show(&d));
    // An indirect question, a negated cue, a source that is a function word.
    let d = doc("Critics questioned whether the council truly wanted to settle the dispute.", &[]);
    assert!(show(&d).is_empty(), "{:?}", show(&d));
    let d = doc("The ministry did not immediately respond to a request for comment.", &[]);
    assert!(show(&d).is_empty(), "{:?}", show(&d));
}

#[test]
fn an_indefinite_description_is_nobody_named_before() {
    let d = doc("Hillary Clinton praised the model.\n\n“She changed everything,” a female friend of mine said.", &[("Hillary Clinton", "PER")]);
    assert_eq!(show(&d)[0].3, None);
}
