//! The entity stage's glue: the shipped NER model, mentions in documents
//! (with the rules the model needs around it), and the batch's mentions
//! resolved into entities, metadata names included.

use std::sync::LazyLock;

use newsfuse_doc::{Document, EntityLabel, Mention, Span};
use newsfuse_entities::{Kind, Model};

/// The CoNLL-2003 model shipped in `models/` (rebuilt by the command in
/// `crates/entities/README.md`), embedded so the binary needs no files.
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::load(include_bytes!("../../../models/ner-conll2003.model")).expect("the embedded NER model is valid: it is tested at build time")
});

/// Tags named entities sentence by sentence, with the document-level second
/// pass, and records them as byte spans over whole tokens.
pub fn annotate(doc: &mut Document) {
    // Tokens never cross a sentence, so a sentence's tokens are those in it.
    let sentences: Vec<&[Span]> = doc.sentences.iter().map(|s| doc.tokens_in(*s)).filter(|toks| !toks.is_empty()).collect();
    // The model learned from CoNLL's ASCII apostrophes: "Romney’s" must read as "Romney's",
    // or the clitic looks like a word of the name ("Romney’s fatal" as a person).
    let owned: Vec<Vec<std::borrow::Cow<str>>> = sentences
        .iter()
        .map(|toks| {
            toks.iter()
                .map(|t| {
                    let w = doc.span_text(*t);
                    if w.contains(['’', '‘']) {
                        std::borrow::Cow::Owned(w.replace(['’', '‘'], "'"))
                    } else {
                        std::borrow::Cow::Borrowed(w)
                    }
                })
                .collect()
        })
        .collect();
    let words: Vec<Vec<&str>> = owned.iter().map(|ws| ws.iter().map(|w| w.as_ref()).collect()).collect();
    let tags = MODEL.tag_document(&words);
    // Words the document also writes in lower case ("the war") are common
    // nouns when capitalized for emphasis in a quote ("an END to the War").
    let lowercase_words: std::collections::HashSet<&str> =
        doc.tokens.iter().map(|t| doc.span_text(*t)).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).collect();
    let mut mentions = Vec::new();
    for (toks, tags) in sentences.iter().zip(&tags) {
        for e in newsfuse_entities::spans(tags) {
            let single = e.end - e.start == 1;
            let word = doc.span_text(toks[e.start]);
            if single && matches!(e.kind, Kind::Misc | Kind::Org) && lowercase_words.contains(word.to_lowercase().as_str()) {
                continue;
            }
            mentions.push(Mention {
                span: Span::new(toks[e.start].start as usize, toks[e.end - 1].end as usize),
                label: label_of(e.kind),
                entity: None,
            });
        }
    }
    let mentions = split_conjunctions(doc, mentions);
    doc.mentions = mentions.into_iter().filter_map(|m| trim_title(doc, m)).filter_map(|m| trim_tail(doc, m)).filter(|m| !is_junk(doc.span_text(m.span))).collect();
}

/// Words that, written before a person's name, are a title or a role, not
/// part of the name: "Genesee County Undersheriff James Gage", "Troy police
/// Lt. Gerry Scherlinck", "Defense Secretary Robert Gates".
const NAME_TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "chief", "lt", "lieutenant", "sgt",
    "sergeant", "capt", "captain", "col", "colonel", "gen", "general", "officer", "constable", "sheriff", "undersheriff", "deputy", "detective", "det", "commissioner",
    "director", "spokesman", "spokeswoman", "spokesperson", "judge", "justice", "attorney", "prosecutor", "ambassador", "chairman", "chairwoman", "ceo", "coach",
    "inspector", "superintendent", "police", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "rev", "reverend", "adm", "admiral", "cmdr", "commander", "leader",
    "councilman", "councilwoman", "cpl", "corporal", "trooper", "chancellor", "premier", "sir", "dame",
];

/// A person's mention starts after the last title word in it, when a name
/// is left ("Lt. Gregg Hastings" → "Gregg Hastings"; "John Major" keeps its
/// last word).
fn trim_title(doc: &Document, mut m: Mention) -> Option<Mention> {
    let toks = doc.tokens_in(m.span);
    let words: Vec<String> = toks.iter().map(|t| doc.span_text(*t).trim_end_matches('.').to_lowercase()).collect();
    if m.label != EntityLabel::Per {
        // "Genesee County Undersheriff James Gage" tagged as one organization:
        // a person's title followed by a name of two capitalized words or more.
        let person_title = |w: &str| {
            matches!(w, "lt" | "sgt" | "capt" | "undersheriff" | "sheriff" | "constable" | "detective" | "det" | "spokesman" | "spokeswoman" | "spokesperson" | "chief" | "mayor" | "mr" | "mrs" | "ms" | "dr" | "judge" | "senator" | "sen" | "gov" | "governor")
        };
        if let Some(i) = (0..words.len().saturating_sub(2)).rev().find(|&i| person_title(&words[i])) {
            let rest = &toks[i + 1..];
            if rest.len() <= 3 && rest.iter().all(|t| doc.span_text(*t).chars().next().is_some_and(char::is_uppercase)) {
                m.span = Span::new(rest[0].start as usize, m.span.end as usize);
                m.label = EntityLabel::Per;
            }
        }
        return Some(m);
    }
    // The last title word that is not the name's last word.
    let last_title = (0..words.len().saturating_sub(1)).rev().find(|&i| NAME_TITLES.contains(&words[i].as_str()));
    if let Some(i) = last_title {
        let rest = &toks[i + 1..];
        // Only a capitalized name is left: "Lt. Gerry Scherlinck", not "Chief of staff".
        if rest.first().is_some_and(|t| doc.span_text(*t).chars().next().is_some_and(char::is_uppercase)) {
            m.span = Span::new(rest[0].start as usize, m.span.end as usize);
        } else if rest.iter().all(|t| !doc.span_text(*t).chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
    }
    Some(m)
}

/// Lower-case words that may sit inside a name ("Gulf of Aden", "Osama bin Laden").
const NAME_PARTICLES: &[&str] = &["of", "de", "la", "le", "the", "and", "for", "du", "des", "van", "von", "bin", "al", "der", "den", "da", "dos", "das", "y", "e", "el", "di", "del", "ibn", "abu", "st.", "&"];

/// A name ends before a comma or a lower-case word that no name holds
/// ("Betty Ford Centre, where the", "Betty Ford Centre on Thursday" →
/// "Betty Ford Centre"); a span of title-case headline words ("Lohan Checks
/// Into Rehab") is not a name.
fn trim_tail(doc: &Document, mut m: Mention) -> Option<Mention> {
    let toks = doc.tokens_in(m.span);
    if toks.len() < 2 {
        return Some(m);
    }
    let word = |t: &Span| doc.span_text(*t);
    // Capitalized function words inside a span: a headline in title case.
    if toks[1..].iter().any(|t| matches!(word(t), "Into" | "Out" | "At" | "After" | "From" | "With" | "Over" | "To" | "Is" | "Are" | "Was" | "Were" | "Has" | "Have" | "Will" | "Where" | "She" | "He" | "Her" | "His" | "Its" | "Their")) {
        return None;
    }
    let stop = toks.iter().position(|t| {
        let w = word(t);
        w == "," || w.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(&w) && !w.contains(['-', '.'])
    });
    match stop {
        Some(0) => None,
        Some(k) => {
            // A particle or a mark left at the end goes too ("Centre and").
            let mut end = k;
            while end > 1 && (NAME_PARTICLES.contains(&word(&toks[end - 1])) || word(&toks[end - 1]).chars().all(|c| !c.is_alphanumeric())) {
                end -= 1;
            }
            m.span = Span::new(m.span.start as usize, toks[end - 1].end as usize);
            Some(m)
        }
        None => Some(m),
    }
}

/// Spans that are not names: lone function words and sentence openers the
/// tagger takes in ("The", "An", "It"), numbers and marks.
fn is_junk(text: &str) -> bool {
    let t = text.trim();
    let low = t.to_lowercase();
    !t.chars().any(char::is_alphabetic)
        || matches!(
            low.as_str(),
            "the" | "a" | "an" | "it" | "its" | "this" | "that" | "these" | "those" | "he" | "she" | "they" | "we" | "i" | "you" | "his" | "her" | "their" | "our" | "my"
                | "in" | "on" | "at" | "of" | "for" | "but" | "and" | "or" | "if" | "as" | "by" | "to" | "posted" | "updated" | "read" | "more" | "related" | "photo"
                | "advertisement" | "share" | "comments" | "oh" | "ah" | "yes" | "no" | "okay" | "ok" | "mr" | "mrs" | "ms" | "dr"
        )
        || NAME_TITLES.contains(&low.trim_end_matches('.'))
}

/// "British Petroleum and Amoco": two names joined by "and" are two
/// mentions when the document also writes the second on its own (a name
/// like "Bosnia and Herzegovina" or "Surrey Fire and Rescue Service" stays
/// whole: its parts do not stand alone).
fn split_conjunctions(doc: &Document, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let toks = doc.tokens_in(m.span);
        let and = toks.iter().position(|t| doc.span_text(*t) == "and");
        let split = and.filter(|&k| k > 0 && k + 1 < toks.len()).and_then(|k| {
            let (left, right) = (Span::new(toks[0].start as usize, toks[k - 1].end as usize), Span::new(toks[k + 1].start as usize, toks[toks.len() - 1].end as usize));
            let alone = |s: Span| {
                let name = doc.span_text(s);
                doc.text.match_indices(name).any(|(i, _)| (i as u32) < m.span.start || i as u32 >= m.span.end)
            };
            let capital = |s: Span| doc.span_text(s).chars().next().is_some_and(char::is_uppercase);
            (capital(left) && capital(right) && alone(right) && alone(left)).then_some((left, right))
        });
        match split {
            Some((left, right)) => {
                out.push(Mention { span: left, ..m.clone() });
                out.push(Mention { span: right, ..m });
            }
            None => out.push(m),
        }
    }
    out
}

/// The document model's label for a tagger type.
fn label_of(kind: Kind) -> EntityLabel {
    match kind {
        Kind::Per => EntityLabel::Per,
        Kind::Org => EntityLabel::Org,
        Kind::Loc => EntityLabel::Loc,
        Kind::Misc => EntityLabel::Misc,
    }
}

/// Resolves the mentions of all documents into entities (`newsfuse_fuse::entities::resolve`)
/// and records each mention's entity; returns the entities with the documents they appear in.
pub fn resolve_batch(docs: &mut [Document]) -> Vec<(newsfuse_fuse::entities::Entity, Vec<String>)> {
    use newsfuse_fuse::entities::MentionRef;
    mention_known_names(docs);
    // Text mentions, plus who the metadata names: dateline agencies and
    // organizations in bylines ("Beacon Press Agency") are involved too.
    let mut refs = Vec::new();
    let mut owners: Vec<(usize, Option<usize>)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (m, mention) in doc.mentions.iter().enumerate() {
            refs.push(MentionRef { doc: d, text: doc.span_text(mention.span), label: mention.label });
            owners.push((d, Some(m)));
        }
        if let Some(agency) = doc.dateline.as_ref().and_then(|dl| dl.agency.as_deref()) {
            refs.push(MentionRef { doc: d, text: agency, label: EntityLabel::Org });
            owners.push((d, None));
        }
        for name in &doc.byline {
            refs.push(MentionRef { doc: d, text: name, label: if is_organization(name) { EntityLabel::Org } else { EntityLabel::Per } });
            owners.push((d, None));
        }
        for name in doc.credits.iter().flat_map(|c| credited_names(c)) {
            refs.push(MentionRef { doc: d, text: name, label: EntityLabel::Per });
            owners.push((d, None));
        }
    }
    let entities = newsfuse_fuse::entities::resolve(&refs);
    let mut out = Vec::with_capacity(entities.len());
    for e in entities {
        let mut ids: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &i in &e.mentions {
            let (d, m) = owners[i];
            if seen.insert(d) {
                ids.push(docs[d].id.clone());
            }
            if let Some(m) = m {
                // One type per entity: the majority of its mentions' (corpus-level consistency).
                docs[d].mentions[m].label = e.label;
                docs[d].mentions[m].entity = Some(e.canonical.clone());
            }
        }
        out.push((e, ids));
    }
    out
}

/// Names are names in any language: documents the tagger does not read
/// (non-English) get mentions wherever they spell a name the tagged documents
/// found ("Brezhovo", "Ilona Vasarek" in a German report), so the German
/// report joins its story and counts for who is involved.
fn mention_known_names(docs: &mut [Document]) {
    use std::collections::BTreeMap;
    let untagged: Vec<usize> = (0..docs.len()).filter(|&d| docs[d].mentions.is_empty() && docs[d].has_flag("non-english")).collect();
    if untagged.is_empty() {
        return;
    }
    // Surface form -> its most frequent label; short or lower-case forms are too ambiguous.
    let mut labels: BTreeMap<&str, BTreeMap<EntityLabel, usize>> = BTreeMap::new();
    for doc in docs.iter() {
        for m in &doc.mentions {
            let surface = doc.span_text(m.span);
            if surface.chars().count() >= 4 && surface.chars().next().is_some_and(char::is_uppercase) {
                *labels.entry(surface).or_default().entry(m.label).or_insert(0) += 1;
            }
        }
    }
    if labels.is_empty() {
        return;
    }
    // Names seen once are too many (a large batch has hundreds of thousands) and too uncertain.
    let (names, kinds): (Vec<String>, Vec<EntityLabel>) = labels
        .iter()
        .filter(|(_, counts)| counts.values().sum::<usize>() >= 2)
        .map(|(surface, counts)| {
            let label = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or(EntityLabel::Misc, |(l, _)| *l);
            (surface.to_string(), label)
        })
        .unzip();
    let Ok(matcher) = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(&names) else {
        return;
    };
    for d in untagged {
        let doc = &mut docs[d];
        let starts: std::collections::HashSet<u32> = doc.tokens.iter().map(|t| t.start).collect();
        let ends: std::collections::HashSet<u32> = doc.tokens.iter().map(|t| t.end).collect();
        let mut found = Vec::new();
        for m in matcher.find_iter(&doc.text) {
            if starts.contains(&(m.start() as u32)) && ends.contains(&(m.end() as u32)) {
                found.push(Mention { span: Span::new(m.start(), m.end()), label: kinds[m.pattern().as_usize()], entity: None });
            }
        }
        doc.mentions = found;
    }
}

/// The people a credit line names: "Reporting by A and B in Moscow, C in Kyiv;
/// Editing by D" → A, B, C, D.
fn credited_names(credit: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for part in credit.split([';', ',']) {
        let part = part.trim();
        let part = part.find(" by ").map_or(part, |i| &part[i + 4..]);
        // "B in Moscow": the place is where the reporter worked.
        let part = part.find(" in ").map_or(part, |i| &part[..i]);
        for name in part.split(" and ") {
            let name = name.trim();
            if newsfuse_ingest::news::looks_like_name(name) && name.contains(' ') {
                names.push(name);
            }
        }
    }
    names
}

/// A byline entry naming an organization rather than a person.
fn is_organization(name: &str) -> bool {
    const WORDS: &[&str] = &["agency", "press", "news", "service", "wire", "associated", "reuters", "staff", "desk"];
    name.split_whitespace().any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// The embedded CoNLL-2003 model (for `newsfuse ner --conll` and benchmarks).
pub fn model() -> &'static Model {
    &MODEL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines_name_people() {
        assert_eq!(
            credited_names("Reporting by Guy Faulconbridge and Vladimir Soldatkin in Moscow, Max Hunder in Kyiv; Editing by Clarence Fernandez"),
            vec!["Guy Faulconbridge", "Vladimir Soldatkin", "Max Hunder", "Clarence Fernandez"]
        );
        assert!(credited_names("Translated from Spanish").is_empty());
    }

    #[test]
    fn mentions_are_whole_token_spans() {
        let text = "President Vladimir Putin spoke to reporters in Moscow on Monday, the Kremlin said.";
        let mut doc = Document::new("t", Default::default(), text.into());
        doc.paragraphs = vec![newsfuse_doc::Paragraph { span: Span::new(0, doc.text.len()), kind: Default::default() }];
        newsfuse_text::annotate(&mut doc);
        annotate(&mut doc);
        doc.check_spans().unwrap();
        for m in &doc.mentions {
            assert!(doc.tokens.iter().any(|t| t.start == m.span.start), "{m:?} starts inside a token");
            assert!(doc.tokens.iter().any(|t| t.end == m.span.end), "{m:?} ends inside a token");
        }
        let got: Vec<(&str, &str)> = doc.mentions.iter().map(|m| (doc.span_text(m.span), m.label.as_str())).collect();
        assert!(got.contains(&("Vladimir Putin", "PER")), "{got:?}");
        assert!(got.contains(&("Moscow", "LOC")), "{got:?}");
        assert!(got.contains(&("Kremlin", "ORG")) || got.contains(&("Kremlin", "LOC")), "{got:?}");

        let mut doc = Document::new("t", Default::default(), "He wants an END to the War. The war has lasted three years.".into());
        doc.paragraphs = vec![newsfuse_doc::Paragraph { span: Span::new(0, doc.text.len()), kind: Default::default() }];
        newsfuse_text::annotate(&mut doc);
        annotate(&mut doc);
        assert!(doc.mentions.iter().all(|m| doc.span_text(m.span) != "War"), "{:?}", doc.mentions);
    }

    fn tagged(text: &str) -> Vec<(String, &'static str)> {
        let mut doc = Document::new("t", Default::default(), text.into());
        doc.paragraphs = vec![newsfuse_doc::Paragraph { span: Span::new(0, doc.text.len()), kind: Default::default() }];
        newsfuse_text::annotate(&mut doc);
        annotate(&mut doc);
        doc.check_spans().unwrap();
        doc.mentions.iter().map(|m| (doc.span_text(m.span).to_string(), m.label.as_str())).collect()
    }

    #[test]
    fn titles_are_not_names_and_conjunctions_are_two_names() {
        let got = tagged("Defense Secretary Robert Gates met Genesee County Undersheriff James Gage in Detroit on Monday.");
        assert!(got.iter().any(|(t, _)| t == "Robert Gates"), "{got:?}");
        assert!(got.iter().all(|(t, _)| !t.contains("Secretary") && !t.contains("Undersheriff")), "{got:?}");
        let got = tagged("Lindsay Lohan entered the Betty Ford Centre on Thursday. She left the Betty Ford Centre, where the staff knew her.");
        assert!(got.iter().all(|(t, _)| !t.contains("Thursday") && !t.contains("where")), "{got:?}");
        let got = tagged("Amoco agreed to a merger. The deal between British Petroleum and Amoco was signed in London by British Petroleum.");
        assert!(got.iter().all(|(t, _)| t != "British Petroleum and Amoco"), "{got:?}");
    }
}
