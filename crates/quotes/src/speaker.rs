//! Who the source is (names, pronouns, role descriptions, the previous
//! quote), how it was said (channel) and when (a time expression of the
//! attribution clause).

use newsfuse_doc::{Channel, Document, EntityLabel, Mention, QuoteTime, Span, Speaker};

use crate::Attribution;

fn norm_role(w: &str) -> String {
    let l = w.to_lowercase();
    let l = l.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    match l {
        "kremlin" | "russian" | "russia" | "moscow" | "russia's" => "RU".into(),
        "u.s." | "us" | "american" | "america" | "washington" | "united" => "US".into(),
        "ukrainian" | "ukraine" | "kyiv" | "kiev" => "UA".into(),
        "president" | "leader" | "premier" | "chancellor" | "head" => "LEADER".into(),
        "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" => "SPOKES".into(),
        "official" | "officials" => "OFFICIAL".into(),
        _ => l.to_string(),
    }
}

/// Role words that fit anyone of the kind: they count half.
const GENERIC: &[&str] = &["LEADER", "OFFICIAL", "SPOKES", "aide", "minister", "secretary", "adviser", "advisor", "envoy", "chief"];
const PARTY: &[&str] = &["republican", "democrat", "democratic", "conservative", "liberal", "billionaire", "businessman", "candidate", "nominee"];

const SKIP: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "’s", "'s", "of", "and", "former", "then", "new", "top"];

/// Canonical name of a mention: its resolved entity, else the longest
/// earlier mention ending with the same word ("Putin" → "Vladimir Putin").
fn canonical(doc: &Document, mentions: &[Mention], m: &Mention) -> String {
    if let Some(e) = &m.entity {
        return e.clone();
    }
    let t = doc.span_text(m.span);
    let last = t.split_whitespace().last().unwrap_or(t);
    let mut best = t;
    for o in mentions {
        if o.label != m.label {
            continue;
        }
        let ot = doc.span_text(o.span);
        if ot.len() > best.len() && ot.split_whitespace().last() == Some(last) {
            best = ot;
        }
    }
    best.to_string()
}

fn tok_range(doc: &Document, s: Span) -> (usize, usize) {
    let r = doc.token_range(s);
    (r.start, r.end)
}

/// Titles that a name tagger may take into the mention ("Mayor Ana Ruiz").
const TITLES: &[&str] = &[
    "mayor", "minister", "LEADER", "governor", "senator", "general", "gen.", "SPOKES", "secretary", "chief", "commander",
    "ambassador", "judge", "prosecutor", "director", "chairman", "chairwoman", "sheriff", "councilman", "councilwoman",
    "rep.", "sen.", "gov.", "dr.", "prime", "vice", "deputy", "king", "queen", "pope", "captain", "colonel", "mp",
];

/// Words around a mention that describe it: "Ukrainian President", ", the
/// Kremlin's chief negotiator". The second list holds the words after a
/// comma (an apposition), kept apart: they are the source itself when the
/// mention stands just before it ("with Trump, the Ukrainian leader said").
fn role_words(doc: &Document, m: &Mention) -> (Vec<String>, Vec<String>) {
    let (a, b) = tok_range(doc, m.span);
    let mut out = Vec::new();
    for i in a.saturating_sub(4)..a {
        let w = doc.span_text(doc.tokens[i]);
        if w.chars().all(|c| !c.is_alphanumeric()) {
            out.clear();
            continue;
        }
        out.push(norm_role(w));
    }
    for i in a..b.min(doc.tokens.len()) {
        let w = norm_role(doc.span_text(doc.tokens[i]));
        // A nationality before a full name: "Ukrainian Volodymyr Zelensky".
        let demonym = i + 2 < b && ["ian", "ean", "ese", "ish"].iter().any(|s| w.ends_with(s));
        if TITLES.contains(&w.as_str()) || matches!(w.as_str(), "RU" | "US" | "UA") || demonym {
            out.push(w);
        }
    }
    let mut post = Vec::new();
    if b < doc.tokens.len() && doc.span_text(doc.tokens[b]) == "," {
        // An apposition ends at punctuation ("Ruiz, the town's mayor, said");
        // "Putin, the Ukrainian told him" is a new clause, not a description.
        let mut closed = b + 1 >= doc.tokens.len();
        for i in b + 1..(b + 8).min(doc.tokens.len()) {
            let w = doc.span_text(doc.tokens[i]);
            if w.chars().all(|c| !c.is_alphanumeric()) {
                closed = true;
                break;
            }
            if crate::lexicon::cue(&w.to_lowercase()).is_some() {
                break;
            }
            post.push(norm_role(w));
        }
        if !closed {
            post.clear();
        }
    }
    (out, post)
}

fn is_pronoun(s: &str) -> Option<&'static str> {
    match s.to_lowercase().as_str() {
        // German sources too ("sagte sie"): `sie` as a speaker is mostly "she".
        "he" | "him" | "er" => Some("he"),
        "she" | "her" | "sie" => Some("she"),
        "they" | "we" | "it" => Some("they"),
        _ => None,
    }
}

/// Resolves the speaker of every statement, in text order: a statement
/// without a source continues the previous speaker; a source is resolved by
/// the name it holds ([`Resolver::head`]), a pronoun ([`Resolver::by_pronoun`])
/// or a description ([`Resolver::by_description`]).
pub(crate) fn resolve(doc: &Document, atts: &mut [Attribution]) {
    // The direct quotes' content spans, sorted by start, with the furthest end
    // so far: whether a mention lies inside one is a binary search, not a scan
    // of every quote per mention.
    let mut quoted: Vec<Span> = atts.iter().filter(|a| a.quote.direct).flat_map(|a| a.quote.content.iter().copied()).collect();
    quoted.sort_unstable_by_key(|c| c.start);
    let furthest: Vec<u32> = quoted
        .iter()
        .scan(0, |end, c| {
            *end = c.end.max(*end);
            Some(*end)
        })
        .collect();
    let resolver = Resolver {
        doc,
        mentions: &doc.mentions,
        quoted,
        furthest,
        roles: doc.mentions.iter().map(|m| role_words(doc, m)).collect(),
    };
    let mut prev: Option<(Speaker, u32)> = None;
    let mut speakers = Vec::with_capacity(atts.len());
    for att in atts.iter() {
        let content_start = att.quote.content.first().map_or(0, |s| s.start);
        let speaker = match att.quote.source {
            None if att.quote.direct && att.quote.cue.is_none() => prev
                .as_ref()
                .filter(|(_, p)| resolver.para_of(content_start) <= resolver.para_of(*p) + 2)
                .map(|(s, _)| Speaker { via: "previous-quote".into(), ..s.clone() }),
            None => None,
            Some(src) => Some(resolver.by_source(src, content_start, prev.as_ref())),
        };
        // The outlet that prints a quote is not its speaker ("seen by the Herald").
        let speaker = speaker.map(|mut s| {
            if s.entity.as_deref().is_some_and(|e| is_outlet(doc, e)) {
                s.entity = None;
                s.label = None;
            }
            s
        });
        if let Some(s) = &speaker {
            if s.entity.is_some() {
                prev = Some((s.clone(), att.quote.content.last().map_or(content_start, |c| c.end)));
            }
        }
        speakers.push(speaker);
    }
    for (att, speaker) in atts.iter_mut().zip(speakers) {
        att.quote.speaker = speaker;
    }
}

/// What speaker resolution reads: the document, its mentions, the direct
/// quotes' content (whose words hold no speakers) and each mention's role words.
struct Resolver<'a> {
    doc: &'a Document,
    mentions: &'a [Mention],
    /// Direct quotes' content spans, sorted by start.
    quoted: Vec<Span>,
    /// The furthest end among `quoted[..=i]`.
    furthest: Vec<u32>,
    roles: Vec<(Vec<String>, Vec<String>)>,
}

impl Resolver<'_> {
    fn para_of(&self, b: u32) -> usize {
        self.doc.paragraphs.partition_point(|p| p.span.end <= b)
    }

    /// Mentions inside quoted words are not candidates for who speaks. A
    /// quote contains the mention iff one starting at or before it ends at or
    /// after it.
    fn inside_content(&self, m: &Mention) -> bool {
        let n = self.quoted.partition_point(|c| c.start <= m.span.start);
        n > 0 && self.furthest[n - 1] >= m.span.end
    }

    /// Up to three people (or organizations) named before `src` that `pred`
    /// accepts, nearest first, by canonical name.
    fn before(&self, src: Span, pred: &dyn Fn(&Mention) -> bool) -> Vec<String> {
        let mut c: Vec<String> = Vec::new();
        for m in self.mentions.iter().rev().filter(|m| m.span.end <= src.start && pred(m) && !self.inside_content(m)) {
            let name = canonical(self.doc, self.mentions, m);
            if !c.contains(&name) {
                c.push(name);
            }
            if c.len() == 3 {
                break;
            }
        }
        c
    }

    fn named(&self, m: &Mention, via: &str) -> Speaker {
        Speaker { entity: Some(canonical(self.doc, self.mentions, m)), label: Some(m.label), via: via.into(), candidates: vec![] }
    }

    /// The speaker a source span names.
    fn by_source(&self, mut src: Span, content_start: u32, prev: Option<&(Speaker, u32)>) -> Speaker {
        let doc = self.doc;
        // "later at the White House he": the pronoun is the source.
        let full = doc.span_text(src);
        if let Some((_, last)) = full.rsplit_once(' ') {
            if is_pronoun(last).is_some() && !doc.mentions.iter().any(|m| src.contains(m.span) && m.label == EntityLabel::Per) {
                src = Span::new(src.end as usize - last.len(), src.end as usize);
            }
        }
        let text = doc.span_text(src);
        // "Ruiz, who said ...": the name before the relative pronoun.
        let relative = matches!(text.to_lowercase().as_str(), "who" | "which");
        let antecedent = if relative {
            self.mentions.iter().rev().find(|m| m.span.end <= src.start && m.span.end + 4 >= src.start && m.label.can_speak())
        } else {
            None
        };
        if let Some(m) = antecedent {
            self.named(m, "pronoun")
        } else if let Some(m) = self.head(src) {
            self.named(m, "name")
        } else if let Some(p) = is_pronoun(text) {
            self.by_pronoun(src, p, prev)
        } else {
            self.by_description(src, content_start, prev)
        }
    }

    /// The name that heads a source: "Putin's aide Yuri Ushakov" → Ushakov;
    /// "the mayor of the locality, Teodoro Mraz" → Mraz (in apposition).
    fn head(&self, src: Span) -> Option<&Mention> {
        let (doc, mentions) = (self.doc, self.mentions);
        let text = doc.span_text(src);
        // "Mayor Ruiz, whose office on Mill Street ...": names in a
        // relative clause of the source are not its head.
        let low = text.to_lowercase();
        let cut = [", who ", ", whose ", ", which "].iter().filter_map(|k| low.find(k)).min().map_or(src.end, |i| src.start + i as u32);
        // "the New York Democrat", "Nevada Democrat": a description, not a name.
        let inside: Vec<&Mention> = mentions.iter().filter(|m| src.contains(m.span) && m.span.start < cut && !is_party_description(doc.span_text(m.span))).collect();
        let possessive = |m: &Mention| {
            let rest = doc.text.get(m.span.end as usize..).unwrap_or("");
            let t = doc.span_text(m.span);
            rest.starts_with("’s") || rest.starts_with("'s") || (t.ends_with('s') && (rest.starts_with('\'') || rest.starts_with('’')))
        };
        // A person who speaks for an organization is the speaker: "Roque
        // Rodrigues, a spokesman for the Council", "Lt. Gregg Hastings of the
        // State Police", "Mehdi Zareh, the head of Iran's Seismic Center": the
        // first person named, when a comma or a preposition follows the name.
        let first_per = inside.iter().find(|m| m.label == EntityLabel::Per && !possessive(m)).filter(|m| {
            let rest = doc.text.get(m.span.end as usize..src.end as usize).unwrap_or("");
            let next = rest.trim_start().split_whitespace().next().unwrap_or("").to_lowercase();
            rest.trim_start().starts_with(',') || matches!(next.as_str(), "of" | "for" | "from" | "at" | "with")
        });
        // "Putin's aide Yuri Ushakov": the last name not followed by 's, a
        // person before an organization.
        let head = first_per
            .or_else(|| inside.iter().rev().find(|m| !possessive(m) && m.label == EntityLabel::Per))
            .or_else(|| inside.iter().rev().find(|m| !possessive(m) && m.label == EntityLabel::Org));
        // "the minister of Infrastructure", "Fishermen on Lake Sovin": a
        // name after a preposition is not the one who speaks.
        let after_prep = |m: &Mention| {
            let before = doc.text.get(src.start as usize..m.span.start as usize).unwrap_or("");
            let last = before.split_whitespace().last().unwrap_or("").to_lowercase();
            matches!(last.as_str(), "of" | "on" | "in" | "at" | "from" | "for" | "near" | "by" | "to" | "with")
        };
        let head = head.or_else(|| {
            inside.iter().rev().find(|m| {
                let rest = doc.text.get(m.span.end as usize..src.end as usize).unwrap_or("");
                // "the Republican" is a description, not the party.
                rest.trim().trim_end_matches(',').is_empty() && !PARTY.contains(&doc.span_text(m.span).to_lowercase().as_str()) && !(m.label != EntityLabel::Per && after_prep(m))
            })
        });
        // "the mayor of the locality, Teodoro Mraz": the name in apposition.
        let has_per = inside.iter().any(|m| m.label == EntityLabel::Per);
        let apposition = if has_per || is_pronoun(text).is_some() {
            None
        } else {
            let rest = doc.text.get(src.end as usize..).unwrap_or("");
            let gap = rest.len() - rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace()).len();
            let comma = rest.get(..gap).is_some_and(|g| g.contains(','));
            mentions.iter().find(|m| comma && m.label == EntityLabel::Per && m.span.start as usize == src.end as usize + gap && !self.inside_content(m))
        };
        apposition.or(head.copied())
    }

    /// A pronoun: the person the text is talking about. Candidates are the
    /// people (or, for "they" and "it", organizations) named before it,
    /// nearest first, that agree with it in gender (first names, Mr./Mrs./Ms.
    /// and other titles); a name that is the subject of its clause goes before
    /// one after a preposition or a possessive ("travelled with King Carl",
    /// "chatting to Mrs McMeekin"); the last speaker goes first when it is
    /// among the two nearest such candidates.
    fn by_pronoun(&self, src: Span, pronoun: &str, prev: Option<&(Speaker, u32)>) -> Speaker {
        let label = if pronoun == "they" { EntityLabel::Org } else { EntityLabel::Per };
        let want = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let agrees = |name: &str| want.is_none() || self.gender_of(name).is_none_or(|g| Some(g) == want);
        let recent = prev
            .filter(|(s, at)| s.label == Some(label) && s.entity.is_some() && self.para_of(src.start) <= self.para_of(*at) + 1)
            .map(|(s, _)| s.entity.clone().unwrap_or_default())
            .filter(|r| agrees(r));
        // Nearest first: (name, is a subject), each name once at its nearest mention.
        let mut near: Vec<(String, bool)> = Vec::new();
        for m in self.mentions.iter().rev().filter(|m| m.span.end <= src.start && m.label == label && !self.inside_content(m)) {
            let name = canonical(self.doc, self.mentions, m);
            if near.iter().any(|(n, _)| *n == name) || !agrees(&name) {
                continue;
            }
            near.push((name, self.is_subject(m)));
            if near.len() == 4 {
                break;
            }
        }
        let mut cands: Vec<String> = near.iter().filter(|(_, subj)| *subj).chain(near.iter().filter(|(_, subj)| !*subj)).map(|(n, _)| n.clone()).collect();
        cands.truncate(3);
        if let Some(r) = recent {
            // Prefer the last speaker when it is among the last two people named.
            if cands.iter().take(2).any(|c| *c == r) {
                cands.retain(|c| *c != r);
                cands.insert(0, r);
            }
        }
        match cands.first() {
            Some(c) => Speaker { entity: Some(c.clone()), label: Some(label), via: "pronoun".into(), candidates: cands[1..].to_vec() },
            None => Speaker { entity: None, label: None, via: "pronoun".into(), candidates: vec![] },
        }
    }

    /// Whether a mention is the subject of its clause rather than the object
    /// of a preposition or a possessor: "with King Carl", "to Mrs McMeekin",
    /// "Sughayer's brother" are not.
    fn is_subject(&self, m: &Mention) -> bool {
        let doc = self.doc;
        let (a, b) = tok_range(doc, m.span);
        let rest = doc.text.get(m.span.end as usize..).unwrap_or("");
        if rest.starts_with("’s") || rest.starts_with("'s") || b < doc.tokens.len() && matches!(doc.span_text(doc.tokens[b]), "’s" | "'s") {
            return false;
        }
        // The word before the name, over titles and determiners.
        let mut i = a;
        while i > 0 {
            i -= 1;
            let w = doc.span_text(doc.tokens[i]).to_lowercase();
            let w = w.trim_end_matches('.');
            if TITLES.contains(&norm_role(w).as_str()) || matches!(w, "the" | "mr" | "mrs" | "ms" | "miss" | "dr") || gender_title(w).is_some() {
                continue;
            }
            return !matches!(
                w,
                "with" | "to" | "of" | "for" | "by" | "from" | "at" | "on" | "in" | "against" | "about" | "than" | "like" | "between" | "among" | "and" | "or" | "into" | "toward" | "towards" | "behind" | "under" | "over" | "after" | "before" | "near" | "without" | "alongside"
            );
        }
        true
    }

    /// The gender the document gives a person: titles before any of its
    /// mentions (Mr., Mrs., Ms., King, Queen) first, then a common first name.
    fn gender_of(&self, name: &str) -> Option<Gender> {
        let doc = self.doc;
        let mut votes = [0usize; 2];
        for m in self.mentions.iter().filter(|m| m.label == EntityLabel::Per && canonical(doc, self.mentions, m) == name) {
            let (a, b) = tok_range(doc, m.span);
            for i in a.saturating_sub(1)..b.min(a + 2) {
                if let Some(g) = gender_title(&doc.span_text(doc.tokens[i]).to_lowercase()) {
                    votes[g as usize] += 1;
                }
            }
        }
        match votes {
            [m, f] if m > f => return Some(Gender::Male),
            [m, f] if f > m => return Some(Gender::Female),
            _ => {}
        }
        let first = name.split_whitespace().find(|w| gender_title(&w.to_lowercase()).is_none())?;
        first_name_gender(first)
    }

    /// An organization's voice: "a spokesman for Waitrose", "a statement
    /// from the Council" (an unnamed spokesperson: the organization speaks);
    /// "the navy", "police" for the organization named before with that word
    /// ("Indian Navy", "Vancouver Police").
    fn by_organization(&self, src: Span, words: &[String]) -> Option<Speaker> {
        let (doc, mentions) = (self.doc, self.mentions);
        let org = |m: &Mention| Speaker { entity: Some(canonical(doc, mentions, m)), label: Some(EntityLabel::Org), via: "role".into(), candidates: vec![] };
        let voice = words.iter().any(|w| matches!(w.as_str(), "SPOKES" | "statement" | "representative" | "representatives" | "release"));
        if voice {
            let low = doc.span_text(src).to_lowercase();
            let after = [" for ", " from ", " of ", " at "].iter().filter_map(|k| low.find(k).map(|i| src.start + (i + k.len()) as u32)).min()?;
            let m = mentions.iter().find(|m| src.contains(m.span) && m.span.start >= after && m.label != EntityLabel::Per)?;
            return Some(org(m));
        }
        // One common noun: "the navy", "police".
        let [noun] = words else { return None };
        if noun.chars().any(|c| !c.is_lowercase()) || noun.len() < 4 {
            return None;
        }
        mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= src.start && matches!(m.label, EntityLabel::Org) && !self.inside_content(m))
            .find(|m| doc.span_text(m.span).contains(' ') && doc.span_text(m.span).split_whitespace().last().is_some_and(|l| l.to_lowercase() == *noun))
            .map(org)
    }

    /// A description: "the Ukrainian leader", "the Kremlin" — the person the
    /// text names in that role, the person just quoted for a bare party or
    /// title, an organization the tagger did not name, or candidates.
    fn by_description(&self, src: Span, content_start: u32, prev: Option<&(Speaker, u32)>) -> Speaker {
        let (doc, mentions) = (self.doc, self.mentions);
        let text = doc.span_text(src);
        let words: Vec<String> = text.split_whitespace().map(norm_role).filter(|w| !SKIP.contains(&w.as_str()) && !w.is_empty()).collect();
        if let Some(sp) = self.by_organization(src, &words) {
            return sp;
        }
        // "a female friend of mine", "one woman in the town": an indefinite
        // description brings in someone new, never a person named before.
        let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
        if matches!(first.as_str(), "a" | "an" | "one" | "another" | "some" | "someone" | "somebody") {
            return Speaker { entity: None, label: None, via: "role".into(), candidates: vec![] };
        }
        let mut best: Option<(usize, usize)> = None; // (score, mention index)
        let cap = text.split_whitespace().filter(|w| !SKIP.contains(&w.to_lowercase().as_str())).all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // "Experts", "European leaders": a group, not one person.
        let plural = text.split_whitespace().last().is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("’s") && !w.ends_with("'s"));
        if !words.is_empty() && !plural && (!cap || words.len() <= 1) {
            for (i, m) in mentions.iter().enumerate() {
                if m.label != EntityLabel::Per || m.span.start >= src.start && m.span.start > content_start || self.inside_content(m) {
                    continue;
                }
                // Words after the mention's comma that are this source itself do not describe it.
                let adjacent = m.span.end <= src.start && doc.text.get(m.span.end as usize..src.start as usize).is_some_and(|t| t.trim() == ",");
                let (pre, post) = &self.roles[i];
                let has = |w: &String| pre.contains(w) || !adjacent && post.contains(w);
                let score: usize = words.iter().filter(|w| has(w)).map(|w| if GENERIC.contains(&w.as_str()) { 1 } else { 2 }).sum();
                if score > 0 && best.is_none_or(|(s, _)| score >= s) {
                    best = Some((score, i));
                }
            }
        }
        if let Some((_, i)) = best.filter(|&(score, _)| score >= 2) {
            return self.named(&mentions[i], "role");
        }
        let party = words.iter().all(|w| GENERIC.contains(&w.as_str()) || PARTY.contains(&w.as_str())) || is_party_description(text);
        let recent = prev.filter(|(sp, at)| sp.label == Some(EntityLabel::Per) && self.para_of(src.start) <= self.para_of(*at) + 2);
        if party && recent.is_some() && !plural {
            // "the Republican", "the president": the person just quoted.
            let (sp, _) = recent.cloned().unwrap_or_default();
            Speaker { via: "role".into(), candidates: vec![], ..sp }
        } else if cap && !words.is_empty() && !party && !plural {
            // An organization the tagger did not name: "the Kremlin".
            let name = text.trim_start_matches("the ").trim_start_matches("The ").trim_end_matches(',').to_string();
            Speaker { entity: Some(name), label: Some(EntityLabel::Org), via: "name".into(), candidates: vec![] }
        } else {
            let cands = self.before(src, &|m: &Mention| m.label == EntityLabel::Per);
            Speaker { entity: None, label: None, via: "role".into(), candidates: cands }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male = 0,
    Female = 1,
}

/// Titles and kin words that give a person's gender.
fn gender_title(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "mr" | "sir" | "king" | "prince" | "lord" | "father" | "brother" | "son" | "husband" | "uncle" | "actor" | "spokesman" | "chairman" | "councilman" | "congressman" | "businessman" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "lady" | "mother" | "sister" | "daughter" | "wife" | "aunt" | "actress" | "spokeswoman" | "chairwoman" | "councilwoman"
        | "congresswoman" | "businesswoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Common given names whose gender is clear (English and frequent in
/// international news).
fn first_name_gender(name: &str) -> Option<Gender> {
    const MALE: &[&str] = &[
        "aaron", "adam", "ahmed", "alan", "albert", "alex", "alexander", "ali", "andrew", "anthony", "antonio", "barack", "ben", "benjamin", "bernard", "bill", "bob", "boris",
        "brian", "bruce", "carl", "carlos", "charles", "chris", "christopher", "chuck", "craig", "dan", "daniel", "david", "dennis", "donald", "douglas", "ed", "edward",
        "emmanuel", "eric", "francis", "frank", "fred", "gary", "george", "gerald", "gerry", "gordon", "greg", "gregory", "hans", "harold", "harry", "henry",
        "hugh", "ian", "ivan", "jack", "jacques", "james", "jason", "jean", "jeff", "jeffrey", "jim", "joe", "john", "jon", "jonathan", "jose", "joseph", "juan", "kenneth",
        "kevin", "larry", "lee", "luis", "mahmoud", "manuel", "mark", "martin", "matt", "matthew", "michael", "mike", "mohamed", "mohammad", "mohammed", "muhammad",
        "nicholas", "nick", "nikolai", "omar", "patrick", "paul", "peter", "philip", "pierre", "ralph", "richard", "rick", "robert", "roger", "ronald", "ryan", "sam",
        "samuel", "scott", "sergei", "stephen", "steve", "steven", "terry", "thomas", "tim", "timothy", "tom", "tony", "vladimir", "walter", "wayne", "william", "yuri",
    ];
    const FEMALE: &[&str] = &[
        "alice", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betty", "carol", "catherine", "christina", "christine", "claire", "deborah",
        "diana", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma", "fatima", "hannah", "heather", "helen", "hillary", "jane", "janet",
        "jennifer", "jessica", "joan", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathy", "kim", "kirsten", "laura", "linda", "lindsay", "lisa",
        "margaret", "maria", "marie", "mary", "melissa", "michelle", "nancy", "natalia", "nicole", "olga", "patricia", "rachel", "rebecca", "ruth", "sandra", "sara",
        "sarah", "sharon", "stephanie", "susan", "tara", "teresa", "theresa", "victoria", "yvonne",
    ];
    let n = name.to_lowercase();
    if MALE.binary_search(&n.as_str()).is_ok() {
        Some(Gender::Male)
    } else if FEMALE.binary_search(&n.as_str()).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// "New York Democrat", "the Ohio Republican": a party member described by
/// place, which a name tagger may take for a name.
fn is_party_description(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    t.contains(' ') && matches!(last.as_str(), "democrat" | "republican" | "democrats" | "republicans")
}

/// Whether `name` is the document's outlet ("Herald", "the Corvelle Herald"
/// for "The Corvelle Herald").
fn is_outlet(doc: &Document, name: &str) -> bool {
    let Some(outlet) = doc.outlet.as_deref() else { return false };
    let norm = |s: &str| {
        let s = s.trim().trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    let (o, n) = (norm(outlet), norm(name));
    !n.is_empty() && (o == n || o.ends_with(&format!(" {n}")))
}

const CHANNELS: &[(&str, &str, Option<&str>)] = &[
    ("truth social", "social-post", Some("Truth Social")),
    ("twitter", "social-post", Some("X")),
    ("on x", "social-post", Some("X")),
    ("telegram", "social-post", Some("Telegram")),
    ("facebook", "social-post", Some("Facebook")),
    ("instagram", "social-post", Some("Instagram")),
    ("tweet", "social-post", Some("X")),
    ("post", "social-post", None),
    ("told reporters", "reporters", None),
    ("reporters", "reporters", None),
    ("journalists", "reporters", None),
    ("press conference", "press-conference", None),
    ("news conference", "press-conference", None),
    ("briefing", "press-conference", None),
    ("interview", "interview", None),
    ("statement", "statement", None),
    ("letter", "letter", None),
    ("phone call", "call", None),
    ("call with", "call", None),
    ("television", "broadcast", None),
    ("broadcast", "broadcast", None),
    ("televised", "broadcast", None),
    ("radio", "broadcast", None),
];

fn word_at(hay: &str, i: usize, n: usize) -> bool {
    let before = hay[..i].chars().last();
    let after = hay[i + n..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
}

pub(crate) fn channels_and_times(doc: &Document, atts: &mut [Attribution]) {
    for a in atts.iter_mut() {
        let Some(cue) = a.quote.cue else { continue };
        let Some(sent) = doc.sentences.iter().find(|s| s.contains(cue)).copied() else { continue };
        let in_content = |s: Span| a.quote.content.iter().chain(a.clause.iter()).any(|c| c.start < s.end && s.start < c.end);
        let Some(stext) = doc.text.get(sent.range()) else { continue };
        let low = stext.to_ascii_lowercase();
        'outer: for (key, kind, name) in CHANNELS {
            let mut from = 0;
            while let Some(i) = low.get(from..).and_then(|h| h.find(key)).map(|i| i + from) {
                from = i + key.len();
                if !word_at(&low, i, key.len()) {
                    continue;
                }
                let span = Span::new(sent.start as usize + i, sent.start as usize + i + key.len());
                if in_content(span) {
                    continue;
                }
                let mut name = name.map(str::to_string);
                if name.is_none() && matches!(*kind, "interview" | "broadcast" | "statement") {
                    // "in an interview with CNN": the outlet mentioned next.
                    name = doc
                        .mentions
                        .iter()
                        .find(|m| m.span.start >= span.end && m.span.start <= span.end + 20 && m.label != EntityLabel::Per && !in_content(m.span))
                        .map(|m| doc.span_text(m.span).to_string());
                }
                a.quote.channel = Some(Channel { kind: kind.to_string(), name, span });
                break 'outer;
            }
        }
        if a.quote.channel.is_none() {
            // "told Reuters": a media outlet as addressee.
            if doc.span_text(cue).eq_ignore_ascii_case("told") {
                if let Some(m) = doc.mentions.iter().find(|m| m.span.start > cue.end && m.span.start <= cue.end + 2 && m.label == EntityLabel::Org) {
                    a.quote.channel = Some(Channel { kind: "media".into(), name: Some(doc.span_text(m.span).to_string()), span: m.span });
                }
            }
        }
        let best = doc
            .times
            .iter()
            .filter(|t| sent.contains(t.span) && !in_content(t.span))
            .min_by_key(|t| if t.span.start >= cue.end { t.span.start - cue.end } else { cue.start - t.span.end.min(cue.start) });
        if let Some(t) = best {
            a.quote.time = Some(QuoteTime { span: t.span, value: t.value.clone() });
        }
    }
}
