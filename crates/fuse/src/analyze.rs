//! The cross-checked record of a batch: documents grouped into stories, and
//! per story who is involved, who said what (matched across outlets), which
//! statements several independent sources support, where they disagree,
//! what each outlet alone adds, a timeline and a cited brief.
//!
//! Everything cites a document id and a byte span of its text. Sources are
//! syndication groups ([`crate::syndication`]): a wire story run by three
//! outlets is one source, and so are two reports of one outlet. Stories are analysed independently, in parallel,
//! and the output is ordered by input order only, so it is deterministic.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use newsfuse_doc::{Document, EntityLabel, Span};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::units::{align, terms, units, Unit};
use crate::vector::{dot, normalize, Vector};

pub const SCHEMA: &str = "newsfuse.analysis/1";

/// Words of the brief per story.
const BRIEF_WORDS: usize = 100;
/// Most rows kept per list of a story (entities, statements, per-outlet lists).
const MAX_ROWS: usize = 40;
/// Cosine above which two quotes are the same statement in other words.
const SAME_QUOTE: f32 = 0.45;
/// Share of the shorter quote's words found in the longer for a partial quote.
const PARTIAL_QUOTE: f32 = 0.8;
/// Fewest content words of the shorter quote for it to be a partial quote of a longer one.
const MIN_PARTIAL_WORDS: f32 = 3.0;
/// Cosine above which quotes given to different speakers are still one quote.
const SAME_WORDS: f32 = 0.7;
/// Fewest content words of a quote for it to be matched across documents.
const MIN_DIRECT_WORDS: usize = 3;
const MIN_REPORTED_WORDS: usize = 5;
/// Cosine above which two sentences about one date describe one event
/// (lower than statement alignment: the date already agrees).
const SAME_EVENT: f32 = 0.2;
/// Cosine above which two sentences that give different dates conflict.
const SAME_DATED_EVENT: f32 = 0.35;
/// Cosine above which two sentences that give different certain dates are
/// shown as a conflict.
const SURE_DATED_EVENT: f32 = 0.5;
/// Members of each side of a conflict whose pairs are weighed for its
/// confidence (the first ones, in input order): bounds the work on a story of
/// thousands of reports.
const MAX_ASSESSED: usize = 24;
/// Most days between two reports whose dates of one event may conflict.
const MAX_REPORT_DAYS: i64 = 3;
/// Most days by which two reports may misdate one event.
const MAX_MISDATE_DAYS: i64 = 14;
/// Bytes of a sentence outside its date for it to state a dated event.
const MIN_DATED_CLAUSE: usize = 30;
/// Hours between the last report of one figure and the first of another for
/// the second to be an update of the first.
const UPDATE_GAP_HOURS: i64 = 12;
/// Words carried by more quotes than this do not propose candidate pairs.
const MAX_POSTING: usize = 400;

/// A citation: a span of a document, with its text for the reader.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cite {
    pub doc: String,
    pub span: Span,
    /// The cited text; left out where it repeats the text of the row that
    /// cites it (a verbatim copy), to keep large reports small.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    pub documents: Vec<DocInfo>,
    /// Independent sources: syndication groups, numbered in input order.
    pub sources: Vec<Source>,
    pub stories: Vec<Story>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocInfo {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `YYYY-MM-DD`, absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `metadata`, `dateline`, `url`, `text-inferred` or `unknown`.
    pub date_provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_confidence: Option<f32>,
    pub language: String,
    pub story: usize,
    pub source: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: usize,
    /// The outlets (or agency) of its documents, for the reader.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Story {
    pub id: usize,
    pub headline: String,
    pub documents: Vec<String>,
    /// Ids of the independent sources that report it.
    pub sources: Vec<usize>,
    pub entities: Vec<EntityRow>,
    pub quotes: Vec<QuoteUnit>,
    /// Statements carried by two or more independent sources, most supported first.
    pub statements: Vec<Statement>,
    pub figures: Vec<FigureRow>,
    pub conflicts: Vec<Conflict>,
    pub timeline: Vec<TimelineEntry>,
    pub outlets: Vec<OutletView>,
    pub brief: Vec<BriefSentence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub name: String,
    pub label: EntityLabel,
    /// Spellings seen in this story, most frequent first.
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub documents: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteUnit {
    /// The speaker's entity, when every attributed variant agrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The longest direct wording (else the longest reported one).
    pub text: String,
    pub independent_sources: usize,
    pub variants: Vec<QuoteVariant>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteVariant {
    pub cite: Cite,
    pub direct: bool,
    /// `verbatim` (same words as the unit's text), `partial` (a part of it),
    /// `reworded`, or `reported` (indirect speech).
    pub form: String,
    /// Who this outlet says said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The words that name the speaker here ("he", "the Kremlin", "a government
    /// source"): what a reader sees when no entity could be decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

impl QuoteUnit {
    /// Who said it, for a reader: the entity; the entities the outlets
    /// disagree on (`disputed: A / B`); else how the first source that names
    /// the speaker describes them (`“a government source” (unresolved)`).
    pub fn speaker_label(&self) -> String {
        let mut named: Vec<&str> = Vec::new();
        for v in &self.variants {
            if let Some(s) = v.speaker.as_deref() {
                if !named.contains(&s) {
                    named.push(s);
                }
            }
        }
        match (&self.speaker, self.variants.iter().find_map(|v| v.source.as_deref())) {
            (Some(entity), _) => entity.clone(),
            (None, _) if named.len() >= 2 => format!("disputed: {}", named.join(" / ")),
            (None, Some(source)) => format!("“{source}” (unresolved)"),
            (None, None) => "unknown speaker".to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub text: String,
    pub independent_sources: usize,
    pub citations: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    /// What is counted and its unit: "prisoner of war", "day truce".
    pub quantity: String,
    /// The values given, as normalized text ("at least 12", "14").
    pub values: Vec<String>,
    pub independent_sources: usize,
    pub citations: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// `figure`, `age`, `date`, `speaker`.
    pub kind: String,
    /// What the sides disagree about.
    pub about: String,
    /// `true` when the sides are an earlier and a later report (a figure that
    /// was updated), not a disagreement at one time.
    pub update: bool,
    /// 0..=1: how sure newsfuse is that the sides are one quantity of one
    /// event at one time (or, for an update, one quantity revised). Summaries
    /// show only conflicts at or above [`SHOWN_CONFIDENCE`]; the JSON keeps all.
    pub confidence: f32,
    /// Why it was flagged, for a reader: the shared quantity, its scope, the
    /// two claims compared and what lowered the confidence.
    pub why: String,
    pub sides: Vec<Side>,
}

/// Confidence at or above which a conflict or update is shown in the
/// Markdown and HTML summaries.
pub const SHOWN_CONFIDENCE: f32 = 0.5;

impl Conflict {
    /// Whether summaries show it ([`SHOWN_CONFIDENCE`]).
    pub fn shown(&self) -> bool {
        self.confidence >= SHOWN_CONFIDENCE
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub value: String,
    pub independent_sources: usize,
    pub citations: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// TimeML value at the granularity the sources give: `2025-05-19`, `2025-05`, `2025-W20`.
    pub date: String,
    pub granularity: String,
    pub text: String,
    pub independent_sources: usize,
    pub citations: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletView {
    pub source: usize,
    pub name: String,
    /// Statements only this source carries, most central first.
    pub only_here: Vec<Cite>,
    /// Statements most other sources carry that this one does not.
    pub omits: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefSentence {
    pub text: String,
    pub cite: Cite,
    /// The same statement in other independent sources.
    pub also: Vec<Cite>,
}

fn cite(doc: &Document, span: Span) -> Cite {
    Cite { doc: doc.id.clone(), span, text: doc.span_text(span).to_string() }
}

/// A batch divided into stories and independent sources, before any story
/// is analysed: stories can then be analysed (and written out, and dropped)
/// a few at a time, so memory stays bounded on large batches.
pub struct Plan {
    pub documents: Vec<DocInfo>,
    pub sources: Vec<Source>,
    /// Each story's documents, by index into the batch.
    pub stories: Vec<Vec<usize>>,
    source_of: Vec<usize>,
}

/// Analyses a batch. `docs` are fully annotated (text, times, mentions with
/// resolved entities, quotes).
pub fn analyze(docs: &[Document]) -> Analysis {
    let plan = plan(docs);
    let stories = (0..plan.stories.len()).into_par_iter().map(|id| plan.story(docs, id)).collect();
    Analysis { schema: SCHEMA, documents: plan.documents, sources: plan.sources, stories }
}

/// Independent sources and stories of a batch.
pub fn plan(docs: &[Document]) -> Plan {
    // Sources and stories do not depend on each other: found side by side.
    let (groups, story_of) = rayon::join(|| independent_sources(docs), || crate::cluster::stories_of(docs));
    let mut source_of = vec![0usize; docs.len()];
    let sources: Vec<Source> = groups
        .iter()
        .enumerate()
        .map(|(g, (members, agency))| {
            for &m in members {
                source_of[m] = g;
            }
            let mut names: Vec<String> = Vec::new();
            for &m in members {
                let name = docs[m].outlet.clone().unwrap_or_else(|| docs[m].id.clone());
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let name = match agency {
                Some(a) if names.len() > 1 => format!("{a} (wire: {})", names.join(", ")),
                _ => names.join(", "),
            };
            Source { id: g, name, agency: agency.clone(), documents: members.iter().map(|&m| docs[m].id.clone()).collect() }
        })
        .collect();

    let mut stories: Vec<Vec<usize>> = Vec::new();
    for (d, &s) in story_of.iter().enumerate() {
        if s == stories.len() {
            stories.push(Vec::new());
        }
        stories[s].push(d);
    }
    let documents = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| DocInfo {
            id: doc.id.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            date: doc.published.date.clone(),
            date_provenance: serde_json::to_value(doc.published.provenance).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            date_confidence: doc.published.confidence,
            language: doc.language.code.clone(),
            story: story_of[d],
            source: source_of[d],
        })
        .collect();
    Plan { documents, sources, stories, source_of }
}

impl Plan {
    /// Analyses story `id` (stories are numbered in order of their first document).
    pub fn story(&self, docs: &[Document], id: usize) -> Story {
        story(id, &self.stories[id], docs, &self.source_of, &self.sources)
    }
}

/// Independent sources: syndication groups (copies of one wire story), then
/// joined by outlet (two reports of one outlet are not independent of each
/// other). Each is its members in input order and the agency they credit.
fn independent_sources(docs: &[Document]) -> Vec<(Vec<usize>, Option<String>)> {
    let groups = crate::syndication::groups(docs);
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut by_outlet: BTreeMap<String, usize> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            let Some(outlet) = docs[m].outlet.as_deref() else { continue };
            let key = outlet.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            match by_outlet.get(&key) {
                Some(&other) => {
                    let (a, b) = (crate::units::find(&mut parent, g), crate::units::find(&mut parent, other));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    by_outlet.insert(key, g);
                }
            }
        }
    }
    let mut merged: BTreeMap<usize, (Vec<usize>, Option<String>)> = BTreeMap::new();
    for (g, group) in groups.into_iter().enumerate() {
        let root = crate::units::find(&mut parent, g);
        let entry = merged.entry(root).or_default();
        entry.0.extend(group.members);
        if entry.1.is_none() {
            entry.1 = group.agency;
        }
    }
    let mut out: Vec<(Vec<usize>, Option<String>)> = merged.into_values().collect();
    for (members, _) in &mut out {
        members.sort_unstable();
    }
    out.sort_by_key(|(members, _)| members[0]);
    out
}

fn story(id: usize, members: &[usize], all: &[Document], source_of: &[usize], sources: &[Source]) -> Story {
    let docs: Vec<&Document> = members.iter().map(|&d| &all[d]).collect();
    let src = |i: usize| source_of[members[i]];
    let count_sources = |doc_indices: &mut dyn Iterator<Item = usize>| doc_indices.map(src).collect::<BTreeSet<_>>().len();
    let story_sources: Vec<usize> = members.iter().map(|&d| source_of[d]).collect::<BTreeSet<_>>().into_iter().collect();

    let units = units(&docs);
    let (groups, group_of) = align(&units);
    let centroid = centroid(&units);

    // Statements: aligned groups with two or more independent sources.
    let mut statements: Vec<(usize, f32, Statement)> = groups
        .iter()
        .map(|g| {
            let n = count_sources(&mut g.iter().map(|&u| units[u].doc));
            let best = representative(g, &units, &centroid);
            let citations = g.iter().map(|&u| cite(docs[units[u].doc], units[u].span)).collect();
            let text = docs[units[best].doc].span_text(units[best].span).to_string();
            (n, dot(&units[best].vector, &centroid), Statement { text, independent_sources: n, citations })
        })
        .filter(|(n, _, _)| *n >= 2)
        .collect();
    statements.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let statements: Vec<Statement> = statements.into_iter().take(MAX_ROWS).map(|x| x.2).collect();

    let outlets = outlet_views(&docs, &units, &groups, &group_of, &centroid, &story_sources, src, sources);
    let timeline = timeline(&docs, &units, &group_of, src);
    let mut conflicts = date_conflicts(&docs, &units, &groups, src);
    let (quotes, speaker_conflicts) = quote_units(&docs, src);
    conflicts.extend(speaker_conflicts);
    let (figures, figure_conflicts) = figure_rows(&docs, &units, &group_of, src);
    conflicts.extend(figure_conflicts);
    conflicts.extend(age_conflicts(&docs, src));

    let brief = crate::summarize::summarize_refs(&docs, BRIEF_WORDS)
        .into_iter()
        .map(|c| {
            let unit = unit_at(&units, c.doc, c.span);
            let also = unit
                .and_then(|u| group_of[u])
                .map(|g| groups[g].iter().filter(|&&o| src(units[o].doc) != src(c.doc)).map(|&o| cite(docs[units[o].doc], units[o].span)).collect())
                .unwrap_or_default();
            BriefSentence { text: docs[c.doc].span_text(c.span).to_string(), cite: cite(docs[c.doc], c.span), also }
        })
        .collect();

    let mut statements = statements;
    for st in &mut statements {
        drop_repeated_text(&st.text, &mut st.citations);
    }
    let mut timeline = timeline;
    for t in &mut timeline {
        drop_repeated_text(&t.text, &mut t.citations);
    }
    let mut quotes = quotes;
    for q in &mut quotes {
        for v in &mut q.variants {
            if v.cite.text == q.text {
                v.cite.text.clear();
            }
        }
    }
    let headline = docs.iter().find_map(|d| d.title.clone()).unwrap_or_else(|| {
        units.first().map(|u| docs[u.doc].span_text(u.span).to_string()).unwrap_or_default()
    });
    Story {
        id,
        headline,
        documents: docs.iter().map(|d| d.id.clone()).collect(),
        sources: story_sources,
        entities: entity_rows(&docs),
        quotes,
        statements,
        figures,
        conflicts,
        timeline,
        outlets,
        brief,
    }
}

fn drop_repeated_text(text: &str, cites: &mut [Cite]) {
    for c in cites {
        if c.text == text {
            c.text.clear();
        }
    }
}

fn centroid(units: &[Unit]) -> Vector {
    let mut sum: BTreeMap<u32, f32> = BTreeMap::new();
    for u in units {
        for &(t, x) in &u.vector {
            *sum.entry(t).or_insert(0.0) += x;
        }
    }
    let mut v: Vector = sum.into_iter().collect();
    normalize(&mut v);
    v
}

/// The member closest to the story (ties: the earliest).
fn representative(group: &[usize], units: &[Unit], centroid: &Vector) -> usize {
    let mut best = group[0];
    let mut best_score = f32::MIN;
    for &u in group {
        let s = dot(&units[u].vector, centroid) + 0.05 / (1.0 + units[u].position as f32);
        if s > best_score {
            best = u;
            best_score = s;
        }
    }
    best
}

fn entity_rows(docs: &[&Document]) -> Vec<EntityRow> {
    struct Acc<'a> {
        labels: BTreeMap<EntityLabel, usize>,
        aliases: BTreeMap<&'a str, usize>,
        mentions: usize,
        docs: BTreeSet<usize>,
    }
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for m in &doc.mentions {
            let Some(name) = m.entity.as_deref() else { continue };
            let a = acc.entry(name).or_insert_with(|| Acc { labels: BTreeMap::new(), aliases: BTreeMap::new(), mentions: 0, docs: BTreeSet::new() });
            *a.labels.entry(m.label).or_insert(0) += 1;
            *a.aliases.entry(doc.span_text(m.span)).or_insert(0) += 1;
            a.mentions += 1;
            a.docs.insert(d);
        }
    }
    let mut rows: Vec<EntityRow> = acc
        .into_iter()
        .map(|(name, a)| {
            let mut aliases: Vec<(&str, usize)> = a.aliases.into_iter().collect();
            aliases.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let label = a.labels.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).map(|x| *x.0).unwrap_or_default();
            EntityRow { name: name.to_string(), label, aliases: aliases.into_iter().map(|x| x.0.to_string()).collect(), mentions: a.mentions, documents: a.docs.len() }
        })
        .collect();
    rows.sort_by(|a, b| b.documents.cmp(&a.documents).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)));
    rows.truncate(MAX_ROWS);
    rows
}

#[allow(clippy::too_many_arguments)]
fn outlet_views(
    docs: &[&Document],
    units: &[Unit],
    groups: &[Vec<usize>],
    group_of: &[Option<usize>],
    centroid: &Vector,
    story_sources: &[usize],
    src: impl Fn(usize) -> usize,
    sources: &[Source],
) -> Vec<OutletView> {
    if story_sources.len() < 2 {
        return Vec::new();
    }
    let group_sources: Vec<BTreeSet<usize>> = groups.iter().map(|g| g.iter().map(|&u| src(units[u].doc)).collect()).collect();
    // A statement most sources carry: more than half of them, and at least three.
    let majority = (story_sources.len() / 2 + 1).max(3);
    story_sources
        .iter()
        .map(|&s| {
            let mut only: Vec<(f32, usize)> = units
                .iter()
                .enumerate()
                .filter(|(_, u)| src(u.doc) == s && !u.vector.is_empty())
                .filter(|(i, _)| group_of[*i].is_none_or(|g| group_sources[g].len() == 1))
                .map(|(i, u)| (dot(&u.vector, centroid), i))
                .collect();
            only.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            // Copies within one source repeat the same sentences: keep each text once.
            let mut seen = BTreeSet::new();
            let only_here = only
                .into_iter()
                .filter(|&(_, i)| seen.insert(docs[units[i].doc].span_text(units[i].span)))
                .take(MAX_ROWS / 4)
                .map(|(_, i)| cite(docs[units[i].doc], units[i].span))
                .collect();
            let omits = groups
                .iter()
                .zip(&group_sources)
                .filter(|(_, gs)| gs.len() >= majority && !gs.contains(&s))
                .map(|(g, _)| {
                    let best = representative(g, units, centroid);
                    docs[units[best].doc].span_text(units[best].span).to_string()
                })
                .take(MAX_ROWS / 4)
                .collect();
            OutletView { source: s, name: sources[s].name.clone(), only_here, omits }
        })
        .collect()
}

/// A TimeML value's calendar part and its granularity, for values that name
/// a calendar period (`2025-05-19`, `2025-05`, `2025`, `2025-W20`).
fn calendar_value(value: &str) -> Option<(String, &'static str)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && digits(5..7) && digits(8..10) {
        return Some((value[..10].to_string(), "day"));
    }
    if b.len() >= 8 && &value[4..6] == "-W" && digits(6..8) {
        return Some((value[..8].to_string(), "week"));
    }
    if b.len() == 7 && b[4] == b'-' && digits(5..7) {
        return Some((value.to_string(), "month"));
    }
    if b.len() == 4 {
        return Some((value.to_string(), "year"));
    }
    None
}

/// A TimeML value that names a day, whether or not its year or week is
/// known: `2025-05-19`, `XXXX-10-16`, `XXXX-WXX-5`, `2025-W20-1`.
fn names_a_day(value: &str) -> bool {
    let b = value.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let year = b.len() >= 4 && (value.starts_with("XXXX") || (0..4).all(digit));
    if !year || b.get(4) != Some(&b'-') {
        return false;
    }
    let rest = &value[5..];
    let month_day = rest.len() >= 5 && rest.as_bytes()[2] == b'-' && digit(5) && digit(6) && digit(8) && digit(9);
    let weekday = rest.starts_with('W') && rest.len() >= 5 && rest.as_bytes()[3] == b'-' && rest.as_bytes()[4].is_ascii_digit();
    month_day || weekday
}

/// The unit (sentence) that contains a span. Units are in document order, then text order.
fn unit_at(units: &[Unit], doc: usize, span: Span) -> Option<usize> {
    let first = units.partition_point(|u| u.doc < doc);
    let end = units.partition_point(|u| u.doc <= doc);
    let i = first + units[first..end].partition_point(|u| u.span.end <= span.start);
    (i < end && units[i].span.contains(span)).then_some(i)
}

fn timeline(docs: &[&Document], units: &[Unit], group_of: &[Option<usize>], src: impl Fn(usize) -> usize) -> Vec<TimelineEntry> {
    // Sentences that say which day their event happened ("Friday", "on
    // Oct. 16"), resolved or not: a year they also mention is background
    // ("arrested him Friday ... after he seized power in 1973"), not the
    // event's date.
    let mut day_told: BTreeSet<usize> = BTreeSet::new();
    for (d, doc) in docs.iter().enumerate() {
        for t in doc.times.iter().filter(|t| t.kind.is_calendar() && names_a_day(&t.value)) {
            day_told.extend(unit_at(units, d, t.span));
        }
    }
    // Date -> the sentences that mention it.
    let mut by_date: BTreeMap<(String, &'static str), Vec<usize>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for t in &doc.times {
            if !t.kind.is_calendar() {
                continue;
            }
            let Some(key) = calendar_value(&t.value) else { continue };
            if let Some(u) = unit_at(units, d, t.span).filter(|u| key.1 != "year" || !day_told.contains(u)) {
                let list = by_date.entry(key).or_default();
                if !list.contains(&u) {
                    list.push(u);
                }
            }
        }
    }
    let mut entries = Vec::new();
    for ((date, granularity), list) in by_date {
        // Sentences about one date that resemble each other are one event.
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for &u in &list {
            let same = |o: usize| (group_of[o].is_some() && group_of[o] == group_of[u]) || dot(&units[o].vector, &units[u].vector) >= SAME_EVENT;
            // Compared with each event's first few sentences: linear enough for a date
            // that thousands of reports mention.
            match clusters.iter_mut().find(|c| c.iter().take(EVENT_LEADERS).any(|&o| same(o))) {
                Some(c) => c.push(u),
                None => clusters.push(vec![u]),
            }
        }
        for c in clusters {
            let n = c.iter().map(|&u| src(units[u].doc)).collect::<BTreeSet<_>>().len();
            // The entry's text: the sentence of the earliest-positioned mention.
            let best = *c.iter().min_by_key(|&&u| (units[u].position, u)).unwrap_or(&c[0]);
            entries.push(TimelineEntry {
                date: date.clone(),
                granularity: granularity.to_string(),
                text: docs[units[best].doc].span_text(units[best].span).to_string(),
                independent_sources: n,
                citations: c.iter().map(|&u| cite(docs[units[u].doc], units[u].span)).collect(),
            });
        }
    }
    // Chronological; the best-supported entry of a date first.
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(b.independent_sources.cmp(&a.independent_sources)));
    entries
}

/// Aligned sentences that date their event differently ("on Monday" vs "late on Sunday").
fn date_conflicts(docs: &[&Document], units: &[Unit], groups: &[Vec<usize>], src: impl Fn(usize) -> usize) -> Vec<Conflict> {
    let mut out = Vec::new();
    for g in groups {
        let mut sides: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        // Units whose day is certain: written out, or counted from a date the source gave.
        let mut certain: BTreeSet<usize> = BTreeSet::new();
        // Units whose day is counted from a publication date the source gave.
        let mut relative: BTreeSet<usize> = BTreeSet::new();
        for &u in g {
            let doc = docs[units[u].doc];
            let days: Vec<&newsfuse_doc::TimeExpr> = doc
                .times
                .iter()
                .filter(|t| units[u].span.contains(t.span) && t.kind.is_calendar())
                .filter(|t| calendar_value(&t.value).is_some_and(|(_, g)| g == "day"))
                .collect();
            let values: BTreeSet<String> = days.iter().filter_map(|t| calendar_value(&t.value).map(|v| v.0)).collect();
            if values.len() == 1 {
                // A timestamp line ("21 July 2013 Last updated at 11:11 GMT") dates
                // the report, not an event: certain only with a clause around the date.
                let outside = units[u].span.len() - days.iter().map(|t| t.span.len()).sum::<usize>();
                if outside >= MIN_DATED_CLAUSE && days.iter().all(|t| t.anchor == newsfuse_doc::TimeAnchor::None) {
                    certain.insert(u);
                } else if outside >= MIN_DATED_CLAUSE && source_dated(doc) && days.iter().all(|t| t.anchor == newsfuse_doc::TimeAnchor::Dct) {
                    relative.insert(u);
                }
                sides.entry(values.into_iter().next().unwrap_or_default()).or_default().push(u);
            }
        }
        if sides.len() < 2 {
            continue;
        }
        // Only sentences that closely say the same thing can disagree on its date:
        // a looser match may be a different event ("a post on Saturday", "a May 19 post").
        let values: Vec<&Vec<usize>> = sides.values().collect();
        // The closest pair of sentences across two sides, from different sources.
        let mut best: Option<(f32, usize, usize)> = None;
        for (i, a) in values.iter().enumerate() {
            for b in &values[i + 1..] {
                for &x in a.iter().take(MAX_ASSESSED) {
                    for &y in b.iter().take(MAX_ASSESSED) {
                        if src(units[x].doc) == src(units[y].doc) {
                            continue;
                        }
                        let sim = dot(&units[x].vector, &units[y].vector);
                        if best.is_none_or(|(s, _, _)| sim > s) {
                            best = Some((sim, x, y));
                        }
                    }
                }
            }
        }
        let Some((sim, x, y)) = best.filter(|b| b.0 >= SAME_DATED_EVENT) else { continue };
        // Relative days ("on Friday") counted from a date newsfuse inferred are
        // often a day or a week off: such a disagreement is not shown.
        // A day counted from a publication date ("Monday", "today") is a day off
        // whenever a report went out after midnight: two days apart at least.
        let gap = |a: usize, b: usize| {
            let day = |u: usize| sides.iter().find(|(_, us)| us.contains(&u)).and_then(|(v, _)| v.parse::<jiff::civil::Date>().ok());
            match (day(a), day(b)) {
                (Some(p), Some(q)) => i64::from((q - p).get_days()).abs(),
                _ => 0,
            }
        };
        let dated = |u: usize| certain.contains(&u) || relative.contains(&u);
        // A misdated event is misdated by days, in reports of about one time; sentences
        // a month apart in time, or many dates for one sentence ("— Donald J. Trump
        // (@realDonaldTrump) June 4, 2018"), are recurring things, not one event.
        let same_time = days_apart(docs[units[x].doc], docs[units[y].doc]).is_some_and(|d| d <= MAX_REPORT_DAYS);
        let sure = sim >= SURE_DATED_EVENT
            && sides.len() == 2
            && same_time
            && gap(x, y) <= MAX_MISDATE_DAYS
            && dated(x)
            && dated(y)
            && ((certain.contains(&x) && certain.contains(&y)) || gap(x, y) >= 2);
        // Even then, on real news two alike sentences with two dates are far more often
        // two events of one kind (a debate and the next, "held Tuesday" / "will decide on
        // Tuesday") than one event misdated: none is shown until newsfuse can tell them apart.
        let confidence = if sure { 0.45 } else { 0.3 };
        let why = format!(
            "date: two sentences about one event (similarity {sim:.2}) give different days{}",
            if sure { "; two events of one kind are as likely as one misdated event, so it is not shown" } else if sides.len() > 2 || !same_time || gap(x, y) > MAX_MISDATE_DAYS { "; many dates, dates far apart or reports of different times: perhaps recurring events, so it is not shown" } else if sim < SURE_DATED_EVENT { "; the sentences are only loosely alike, so it is not shown" } else { "; a day is counted from a publication date newsfuse inferred or does not know, so it is not shown" }
        );
        let sides: Vec<Side> = sides
            .into_iter()
            .map(|(value, us)| Side {
                value,
                independent_sources: us.iter().map(|&u| src(units[u].doc)).collect::<BTreeSet<_>>().len(),
                citations: us.iter().map(|&u| cite(docs[units[u].doc], units[u].span)).collect(),
            })
            .collect();
        let about = sides[0].citations[0].text.clone();
        out.push(Conflict { kind: "date".into(), about, update: false, confidence, why, sides });
    }
    out
}

/// Cosine above which the sentences of two figures of one quantity are about
/// the same thing, so that different values are a conflict.
const RELATED: f32 = 0.2;
/// Sentences of a timeline event that a new sentence about its date is compared with.
const EVENT_LEADERS: usize = 4;
/// Figures sharing a key that each figure is compared with, at most.
const MAX_FIGURE_PEERS: usize = 200;

struct FigureRef {
    doc: usize,
    unit: Option<usize>,
    figure: newsfuse_doc::Figure,
}

fn figure_text(docs: &[&Document], r: &FigureRef) -> String {
    docs[r.doc].span_text(r.figure.span).to_string()
}

fn quantity_name(f: &newsfuse_doc::Figure) -> String {
    match (f.counted.is_empty(), f.unit.is_empty()) {
        (false, false) => format!("{} ({})", f.counted, f.unit),
        (false, true) if !f.predicate.is_empty() => format!("{} {}", f.counted, f.predicate),
        (false, true) => f.counted.clone(),
        (true, false) => f.unit.clone(),
        (true, true) => f.predicate.clone(),
    }
}

/// The figures of a story that say what they count, each once per source
/// (copies of one figure within one source add nothing: the first is kept).
fn figure_refs(docs: &[&Document], units: &[Unit], src: &dyn Fn(usize) -> usize) -> Vec<FigureRef> {
    let mut refs: Vec<FigureRef> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        // The figures stage ran on every document (`Document::figures`).
        for f in &doc.figures {
            if f.counted.is_empty() && f.predicate.is_empty() && f.unit.is_empty() {
                continue;
            }
            refs.push(FigureRef { doc: d, unit: unit_at(units, d, f.span), figure: f.clone() });
        }
    }
    let mut kept = BTreeSet::new();
    refs.retain(|r| kept.insert((src(r.doc), r.figure.value.to_bits(), r.figure.counted.clone(), r.figure.unit.clone(), r.figure.predicate.clone())));
    refs
}

/// The figures' texts as printed, each once, in order.
fn distinct_texts(docs: &[&Document], refs: &[FigureRef], members: &[usize]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for &m in members {
        let v = figure_text(docs, &refs[m]);
        if !values.contains(&v) {
            values.push(v);
        }
    }
    values
}

/// Figures of one quantity across documents: rows for those the sources agree
/// on, conflicts (or updates) for those they do not.
fn figure_rows(docs: &[&Document], units: &[Unit], group_of: &[Option<usize>], src: impl Fn(usize) -> usize) -> (Vec<FigureRow>, Vec<Conflict>) {
    use newsfuse_figures::{compatible, same_quantity};
    let refs = figure_refs(docs, units, &src);
    // Only figures sharing a quantity key (head noun, modifier, predicate) can be one quantity.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in refs.iter().enumerate() {
        for key in newsfuse_figures::quantity_keys(&r.figure) {
            buckets.entry(key).or_default().push(i);
        }
    }
    let related = |a: &FigureRef, b: &FigureRef| -> bool {
        match (a.unit, b.unit) {
            (Some(x), Some(y)) => (group_of[x].is_some() && group_of[x] == group_of[y]) || dot(&units[x].vector, &units[y].vector) >= RELATED,
            _ => false,
        }
    };
    // The calendar dates each sentence mentions: figures in sentences about
    // different dates are about different events ("14 killed on Saturday",
    // "nine dead in April").
    let unit_dates = |u: Option<usize>| -> BTreeSet<String> {
        let Some(u) = u else { return BTreeSet::new() };
        let doc = docs[units[u].doc];
        doc.times.iter().filter(|t| units[u].span.contains(t.span)).filter_map(|t| calendar_value(&t.value).map(|v| v.0)).collect()
    };
    let dates: Vec<BTreeSet<String>> = refs.iter().map(|r| unit_dates(r.unit)).collect();
    let mut parent: Vec<usize> = (0..refs.len()).collect();
    let mut compared: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for members in buckets.values() {
        for (k, &i) in members.iter().enumerate() {
            // A very common key ("people" in a story of thousands of articles): each
            // figure is compared with its next MAX_FIGURE_PEERS only.
            for &j in members[k + 1..].iter().take(MAX_FIGURE_PEERS) {
                let (a, b) = (&refs[i], &refs[j]);
                if a.doc == b.doc || !compared.insert((i, j)) {
                    continue;
                }
                if !same_quantity(&a.figure, &b.figure) || !specific(&a.figure) || !specific(&b.figure) {
                    continue;
                }
                let agree = compatible(&a.figure, &b.figure);
                // Agreeing figures of a specific quantity ("1,000 prisoners of war") corroborate
                // each other anywhere in the story; disagreeing ones only in related sentences.
                let dated_apart = !dates[i].is_empty() && !dates[j].is_empty() && dates[i].is_disjoint(&dates[j]);
                // The same thing counted the same way happening in one story ("people
                // evacuated"), though told in unrelated sentences.
                let events = !a.figure.predicate.is_empty() && a.figure.predicate == b.figure.predicate && a.figure.counted == b.figure.counted;
                if !dated_apart && ((agree && !a.figure.counted.is_empty()) || events || related(a, b)) {
                    let (x, y) = (crate::units::find(&mut parent, i), crate::units::find(&mut parent, j));
                    // Clusters join only if their first figures are one quantity too: no chains
                    // from "12 people died" through "people" to "4,000 people evacuated".
                    if x != y && same_quantity(&refs[x].figure, &refs[y].figure) {
                        parent[x.max(y)] = x.min(y);
                    }
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..refs.len() {
        let r = crate::units::find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let date_of = |r: &FigureRef| when_published(docs[r.doc]);
    // How sure a disagreement (or update) between sides is: the best pair of
    // figures from two sides and two independent sources.
    let assess = |sides: &[Vec<usize>], update: bool| -> (f32, String) {
        let mut best: Option<(f32, usize, usize, String)> = None;
        for (k, a) in sides.iter().enumerate() {
            for b in &sides[k + 1..] {
                for &i in a.iter().take(MAX_ASSESSED) {
                    for &j in b.iter().take(MAX_ASSESSED) {
                        let (x, y) = (&refs[i], &refs[j]);
                        if src(x.doc) == src(y.doc) {
                            continue;
                        }
                        let close = match (x.unit, y.unit) {
                            (Some(p), Some(q)) => (group_of[p].is_some() && group_of[p] == group_of[q]) || dot(&units[p].vector, &units[q].vector) >= SAME_SCOPE,
                            _ => false,
                        };
                        let (c, reason) = pair_confidence(&x.figure, &y.figure, close, days_apart(docs[x.doc], docs[y.doc]), update);
                        if best.as_ref().is_none_or(|b| c > b.0) {
                            best = Some((c, i, j, reason));
                        }
                    }
                }
            }
        }
        // Many values of one quantity are many scopes (places, groups, days) more
        // often than many outlets disagreeing.
        let many = sides.len() > 2;
        match best {
            Some((c, i, j, reason)) => (
                if many { c.min(MANY_SIDES_CONFIDENCE) } else { c },
                format!(
                    "{}: {} — “{}” ({}) vs “{}” ({}); {reason}{}",
                    if update { "update" } else { "figure" },
                    quantity_name(&refs[i].figure),
                    figure_text(docs, &refs[i]),
                    docs[refs[i].doc].id,
                    figure_text(docs, &refs[j]),
                    docs[refs[j].doc].id,
                    if many { format!("; {} different values: perhaps different scopes, so it is not shown", sides.len()) } else { String::new() }
                ),
            ),
            None => (0.0, "the sides are from one source".to_string()),
        }
    };
    let mut rows = Vec::new();
    let mut conflicts = Vec::new();
    for members in clusters.into_values() {
        let n_sources = members.iter().map(|&m| src(refs[m].doc)).collect::<BTreeSet<_>>().len();
        if n_sources < 2 {
            continue;
        }
        // Sides: figures that agree with every other figure of their side.
        let mut sides: Vec<Vec<usize>> = Vec::new();
        for &m in &members {
            match sides.iter_mut().find(|side| side.iter().all(|&o| compatible(&refs[o].figure, &refs[m].figure))) {
                Some(side) => side.push(m),
                None => sides.push(vec![m]),
            }
        }
        let quantity = quantity_name(&refs[members[0]].figure);
        let cites = |ms: &[usize]| ms.iter().map(|&m| cite(docs[refs[m].doc], refs[m].figure.span)).collect::<Vec<_>>();
        let values = distinct_texts(docs, &refs, &members);
        if sides.len() == 1 {
            // Agreeing values that still differ ("at least 12", then "14") may be an update.
            let points: BTreeSet<u64> = members.iter().map(|&m| refs[m].figure.value.to_bits()).collect();
            if points.len() > 1 {
                let mut by_value: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
                for &m in &members {
                    by_value.entry(refs[m].figure.value.to_bits()).or_default().push(m);
                }
                let parts: Vec<Vec<usize>> = by_value.into_values().collect();
                if first_told_in_turn(&parts, &refs, &date_of) {
                    let (confidence, why) = assess(&parts, true);
                    conflicts.push(figure_conflict(&quantity, true, confidence, why, &parts, &refs, docs, &src));
                }
            }
            rows.push(FigureRow { quantity, values, independent_sources: n_sources, citations: cites(&members) });
        } else {
            let update = is_update(&sides, &refs, &date_of);
            let (confidence, why) = assess(&sides, update);
            conflicts.push(figure_conflict(&quantity, update, confidence, why, &sides, &refs, docs, &src));
        }
    }
    rows.sort_by(|a, b| b.independent_sources.cmp(&a.independent_sources).then(a.quantity.cmp(&b.quantity)));
    rows.truncate(MAX_ROWS);
    (rows, conflicts)
}

/// A figure whose quantity is known: it counts a named thing ("prisoners of
/// war"), or generic people with what happened to them ("12 people died").
fn specific(f: &newsfuse_doc::Figure) -> bool {
    const GENERIC: &[&str] = &["", "people", "person", "persons"];
    !GENERIC.contains(&f.counted.as_str()) || !f.predicate.is_empty()
}

/// Whether the source gave the document's date (metadata, dateline, URL),
/// rather than newsfuse inferring it from the text.
fn source_dated(doc: &Document) -> bool {
    use newsfuse_doc::DateProvenance::*;
    doc.published.date.is_some() && matches!(doc.published.provenance, Metadata | Dateline | Url)
}

/// Days between two documents' publication dates, when the sources gave both.
fn days_apart(a: &Document, b: &Document) -> Option<i64> {
    if !source_dated(a) || !source_dated(b) {
        return None;
    }
    let day = |d: &Document| d.published.date.as_deref().and_then(|s| s.parse::<jiff::civil::Date>().ok());
    let (x, y) = (day(a)?, day(b)?);
    Some(i64::from((y - x).get_days()).abs())
}

/// When a document was published, as a sortable UTC instant (`2025-03-10T12:05:00Z`);
/// a date alone counts as its noon; empty when unknown.
fn when_published(doc: &Document) -> String {
    if let Some(ts) = doc.published.datetime.as_deref().and_then(|d| d.parse::<jiff::Timestamp>().ok()) {
        return ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    }
    doc.published.date.as_deref().map(|d| format!("{d}T12:00:00Z")).unwrap_or_default()
}

/// Values that agree but differ ("at least 12", later "14"): an update when
/// each value was first told after the previous one was.
fn first_told_in_turn(parts: &[Vec<usize>], refs: &[FigureRef], date_of: &dyn Fn(&FigureRef) -> String) -> bool {
    let mut firsts: Vec<String> = parts.iter().map(|p| p.iter().map(|&m| date_of(&refs[m])).min().unwrap_or_default()).collect();
    if firsts.iter().any(String::is_empty) {
        return false;
    }
    firsts.sort();
    firsts.windows(2).all(|w| w[0] < w[1])
}

/// Sides that follow one another in time: every document of one side
/// published at least [`UPDATE_GAP_HOURS`] before every document of the next
/// (closer than that, two values are two outlets disagreeing, not news moving on).
fn is_update(sides: &[Vec<usize>], refs: &[FigureRef], date_of: &dyn Fn(&FigureRef) -> String) -> bool {
    let mut ranges: Vec<(jiff::Timestamp, jiff::Timestamp)> = Vec::new();
    for side in sides {
        let times: Option<Vec<jiff::Timestamp>> = side.iter().map(|&m| date_of(&refs[m]).parse::<jiff::Timestamp>().ok()).collect();
        let Some(times) = times else { return false };
        let (Some(lo), Some(hi)) = (times.iter().min(), times.iter().max()) else { return false };
        ranges.push((*lo, *hi));
    }
    ranges.sort();
    let gap = jiff::SignedDuration::from_hours(UPDATE_GAP_HOURS);
    ranges.windows(2).all(|w| w[1].0.duration_since(w[0].1) >= gap)
}

/// The named person an age figure belongs to: "Wang Youcai, 31", "Smith,
/// age 61", "Qin (45)", "61-year-old Sharron Smith". The mention's entity,
/// when it is a person.
fn age_owner<'a>(doc: &'a Document, f: &newsfuse_doc::Figure) -> Option<&'a str> {
    if f.kind != newsfuse_doc::FigureKind::Age || f.hedge != newsfuse_doc::Hedge::Exact || f.upper.is_some() || !(1.0..=120.0).contains(&f.value) {
        return None;
    }
    // Any label: a name followed by an age is a person ("Qin, 44" tagged as a place).
    let person = |m: &&'a newsfuse_doc::Mention| m.entity.is_some();
    let start = f.span.start as usize;
    // The name just before: only a comma, a parenthesis or "age(d)" between.
    // Mentions are sorted and disjoint: look back from the figure, no further than 8 bytes.
    let ended = doc.mentions.partition_point(|m| (m.span.end as usize) <= start);
    let before = doc.mentions[..ended].iter().rev().take_while(|m| start - (m.span.end as usize) <= 8).find(person);
    if let Some(m) = before {
        let gap = doc.text.get(m.span.end as usize..start).unwrap_or("x").trim().to_lowercase();
        if matches!(gap.as_str(), "," | "(" | ", age" | ", aged" | "age" | "aged") {
            return m.entity.as_deref();
        }
    }
    // The name just after "61-year-old": the figure counts nothing else.
    if f.counted.is_empty() {
        let end = f.span.end as usize;
        let from = doc.mentions.partition_point(|m| (m.span.start as usize) < end);
        let after = doc.mentions[from..].iter().take_while(|m| (m.span.start as usize) - end <= 1).find(person);
        if let Some(m) = after {
            if doc.text.get(end..m.span.start as usize).is_some_and(|g| g.trim().is_empty()) {
                return m.entity.as_deref();
            }
        }
    }
    None
}

/// Days within which two reports of one person's age must agree: further
/// apart, a birthday may lie between them.
const AGE_DAYS: i64 = 30;
/// Most years by which two reports of one person's age may differ and still
/// be one person at one time, misreported.
const MAX_AGE_GAP: f64 = 2.0;

/// Ages of one named person that independent reports give differently
/// ("Wang Youcai, 31" / "Wang Youcai, 32"): the person's age is one quantity
/// that cannot change within a story's weeks.
fn age_conflicts(docs: &[&Document], src: impl Fn(usize) -> usize) -> Vec<Conflict> {
    // Person -> value -> (doc, figure span).
    let mut ages: BTreeMap<&str, BTreeMap<u64, Vec<(usize, Span)>>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for f in &doc.figures {
            if let Some(who) = age_owner(doc, f) {
                ages.entry(who).or_default().entry(f.value.to_bits()).or_default().push((d, f.span));
            }
        }
    }
    // A lone name ("Wang, 31") is the one person of the story whose name has
    // that word (surnames come first in some languages: "Wang Youcai") and
    // whose given ages are near its own (not "Wang Bingzhang, 50").
    let names: Vec<&str> = ages.keys().copied().collect();
    for name in names {
        if name.contains(' ') {
            continue;
        }
        let fuller: Vec<&str> = ages.keys().copied().filter(|o| *o != name && o.split(' ').any(|w| w == name))
            .filter(|o| {
                let near = |v: &u64, w: &u64| (f64::from_bits(*v) - f64::from_bits(*w)).abs() <= MAX_AGE_GAP;
                ages[name].keys().all(|v| ages[o].keys().any(|w| near(v, w)))
            }).collect();
        if let [full] = fuller[..] {
            if let Some(values) = ages.remove(name) {
                let into = ages.entry(full).or_default();
                for (v, list) in values {
                    into.entry(v).or_default().extend(list);
                }
            }
        }
    }
    let mut out = Vec::new();
    for (who, by_value) in ages {
        if by_value.len() < 2 {
            continue;
        }
        let sides: Vec<(f64, &Vec<(usize, Span)>)> = by_value.iter().map(|(v, list)| (f64::from_bits(*v), list)).collect();
        let value_in = |d: usize| sides.iter().find(|(_, l)| l.iter().any(|e| e.0 == d)).map_or(0.0, |s| s.0);
        // The best pair from two sides and two independent sources.
        let mut best: Option<(f32, usize, usize, String)> = None;
        for (k, (_, a)) in sides.iter().enumerate() {
            for (_, b) in &sides[k + 1..] {
                for &(x, _) in a.iter().take(MAX_ASSESSED) {
                    for &(y, _) in b.iter().take(MAX_ASSESSED) {
                        if src(x) == src(y) {
                            continue;
                        }
                        let (va, vb) = (value_in(x), value_in(y));
                        let (c, reason) = match days_apart(docs[x], docs[y]) {
                            // One person at one time is not 32 in one report and 36 in another:
                            // two people of one name, or two times of one story.
                            _ if (va - vb).abs() > MAX_AGE_GAP => (0.35, format!("{va} and {vb} are too far apart for one person at one time; not shown")),
                            Some(n) if n <= AGE_DAYS => (0.8, format!("reports published {n} day(s) apart")),
                            Some(n) => (0.3, format!("reports published {n} days apart: a birthday may lie between; not shown")),
                            // Without both dates the reports may lie a year apart (a shooting
                            // and its trial, "38-year-old" then "39-year-old"): a birthday may
                            // lie between, so the difference alone is no contradiction.
                            None => (0.45, "reports of one story, publication dates not both known: a birthday may lie between; not shown".to_string()),
                        };
                        if best.as_ref().is_none_or(|b| c > b.0) {
                            best = Some((c, x, y, reason));
                        }
                    }
                }
            }
        }
        let Some((confidence, x, y, reason)) = best else { continue };
        let why = format!("age: the age of {who} — {} ({}) vs {} ({}); {reason}", value_in(x), docs[x].id, value_in(y), docs[y].id);
        out.push(Conflict {
            kind: "age".into(),
            about: format!("age of {who}"),
            update: false,
            confidence,
            why,
            sides: sides
                .iter()
                .map(|(v, list)| Side {
                    value: format!("{v}"),
                    independent_sources: list.iter().map(|e| src(e.0)).collect::<BTreeSet<_>>().len(),
                    citations: list.iter().map(|&(d, span)| cite(docs[d], span)).collect(),
                })
                .collect(),
        });
    }
    out
}

/// Most days between two reports of a toll for the later to be its update.
const MAX_UPDATE_DAYS: i64 = 60;
/// Highest confidence of a figure conflict with more than two values.
const MANY_SIDES_CONFIDENCE: f32 = 0.4;

/// Cosine above which the sentences of two figures are taken to speak of the
/// same scope (place, group, period) of one event.
const SAME_SCOPE: f32 = 0.25;

/// What happens to people in an event, counted the same way by every outlet:
/// the tolls whose disagreement an analyst wants to see.
const TOLLS: &[&str] = &["killed", "injured", "missing", "evacuated", "displaced", "rescued", "hospitalized", "detained"];

/// How sure newsfuse is that two figures of one quantity (`same_quantity`,
/// not `compatible`) are one claim made two ways, and why: a toll (people
/// killed, injured, evacuated...) told in sentences about the same thing,
/// in reports published within a day of each other (else one may be an
/// update); anything else ("13 nautical miles" / "150 nautical miles",
/// "rockets", "employees") is as often two different things in one story.
fn pair_confidence(a: &newsfuse_doc::Figure, b: &newsfuse_doc::Figure, close: bool, days: Option<i64>, update: bool) -> (f32, String) {
    // "detained four times" counts occasions, not people.
    let occasions = |f: &newsfuse_doc::Figure| f.counted.rsplit(' ').next() == Some("time") || !f.unit.is_empty();
    let toll = a.kind == newsfuse_doc::FigureKind::Count
        && !a.predicate.is_empty()
        && a.predicate == b.predicate
        && TOLLS.contains(&a.predicate.as_str())
        && !occasions(a)
        && !occasions(b);
    if !toll {
        return (0.3, "not a toll of people: often two different things counted in one story, so it is not shown".into());
    }
    if !close {
        return (0.35, format!("people {}, but in sentences not alike enough to be sure of one scope, so it is not shown", a.predicate));
    }
    match days {
        // An update's order already rests on the reports' dates (inferred ones included).
        None if update => (0.6, format!("people {} in alike sentences, revised between reports published at different times", a.predicate)),
        None => (0.4, format!("people {} in alike sentences, but the publication dates are not both known, so it may be an update; not shown", a.predicate)),
        // A toll revised years later is another event's toll ("200,000 displaced" now,
        // "750,000 Palestinians" in 1948).
        Some(d) if update && d > MAX_UPDATE_DAYS => (0.4, format!("people {} in alike sentences, but reported {d} days apart: perhaps another event; not shown", a.predicate)),
        Some(d) if update => (0.6, format!("people {} in alike sentences, reported {d} days apart", a.predicate)),
        Some(d) if d <= 1 => (0.7, format!("people {} in alike sentences of independent reports published {d} day(s) apart", a.predicate)),
        Some(d) => (0.4, format!("people {} in alike sentences, but published {d} days apart: perhaps an update; not shown", a.predicate)),
    }
}

#[allow(clippy::too_many_arguments)]
fn figure_conflict(quantity: &str, update: bool, confidence: f32, why: String, sides: &[Vec<usize>], refs: &[FigureRef], docs: &[&Document], src: &dyn Fn(usize) -> usize) -> Conflict {
    Conflict {
        kind: "figure".into(),
        about: quantity.to_string(),
        update,
        confidence,
        why,
        sides: sides
            .iter()
            .map(|side| {
                let mut values: Vec<String> = Vec::new();
                for &m in side {
                    let v = figure_text(docs, &refs[m]);
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
                Side {
                    value: values.join(" / "),
                    independent_sources: side.iter().map(|&m| src(refs[m].doc)).collect::<BTreeSet<_>>().len(),
                    citations: side.iter().map(|&m| cite(docs[refs[m].doc], refs[m].figure.span)).collect(),
                }
            })
            .collect(),
    }
}

struct QuoteRef {
    doc: usize,
    quote: usize,
    /// Sorted by term: its terms are the quote's distinct words.
    vector: Vector,
}

/// Quotes matched across documents, and the matched quotes that documents
/// give to different speakers (conflicts of attribution).
/// Pairs of statements from different documents whose words are the same
/// quote (or one holds most of the other), with their similarity; candidates
/// come from shared words that are not too common (an inverted index).
fn quote_pairs(refs: &[QuoteRef]) -> Vec<(f32, usize, usize)> {
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    let mut postings: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, r) in refs.iter().enumerate() {
        for &(w, _) in &r.vector {
            postings.entry(w).or_default().push(i);
        }
    }
    let mut seen = vec![usize::MAX; refs.len()];
    for i in 0..refs.len() {
        let candidates: Vec<usize> = refs[i]
            .vector
            .iter()
            .filter_map(|(w, _)| postings.get(w))
            .filter(|list| list.len() <= MAX_POSTING)
            .flatten()
            .copied()
            .collect();
        for j in candidates {
            if j <= i || seen[j] == i || refs[i].doc == refs[j].doc {
                continue;
            }
            seen[j] = i;
            let (a, b) = (&refs[i], &refs[j]);
            let shorter = a.vector.len().min(b.vector.len()) as f32;
            let (sim, shared) = crate::vector::dot_and_shared(&a.vector, &b.vector);
            let shared = shared as f32;
            let partial = shorter >= MIN_PARTIAL_WORDS && shared / shorter >= PARTIAL_QUOTE;
            if partial || sim >= SAME_QUOTE {
                pairs.push((if partial { sim.max(PARTIAL_QUOTE) } else { sim }, i, j));
            }
        }
    }
    pairs
}

fn quote_units(docs: &[&Document], src: impl Fn(usize) -> usize) -> (Vec<QuoteUnit>, Vec<Conflict>) {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut refs: Vec<QuoteRef> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (q, quote) in doc.quotes.iter().enumerate() {
            let text: String = quote.content.iter().map(|s| doc.span_text(*s)).collect::<Vec<_>>().join(" ");
            let counts = terms(&text, &stemmer, &mut vocab);
            // Short reported clauses ("his call with Trump") are too generic to match.
            if counts.len() < if quote.direct { MIN_DIRECT_WORDS } else { MIN_REPORTED_WORDS } {
                continue;
            }
            let mut vector: Vector = counts.into_iter().map(|(t, c)| (t, 1.0 + c.ln())).collect();
            normalize(&mut vector);
            refs.push(QuoteRef { doc: d, quote: q, vector });
        }
    }
    let speaker_of = |r: &QuoteRef| docs[r.doc].quotes[r.quote].speaker.as_ref().and_then(|s| s.entity.clone());
    let mut parent: Vec<usize> = (0..refs.len()).collect();
    let mut pairs = quote_pairs(&refs);
    // Strongest pairs first; groups merge only when their speakers agree (or
    // one is unknown), unless the words are nearly the same: then different
    // speakers are a conflict of attribution worth showing.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut speakers: Vec<BTreeSet<String>> = refs.iter().map(|r| speaker_of(r).into_iter().collect()).collect();
    for (sim, i, j) in pairs {
        let (x, y) = (crate::units::find(&mut parent, i), crate::units::find(&mut parent, j));
        if x == y {
            continue;
        }
        let agree = speakers[x].is_empty() || speakers[y].is_empty() || !speakers[x].is_disjoint(&speakers[y]);
        if !agree && sim < SAME_WORDS {
            continue;
        }
        let (root, other) = (x.min(y), x.max(y));
        parent[other] = root;
        let moved = std::mem::take(&mut speakers[other]);
        speakers[root].extend(moved);
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..refs.len() {
        let r = crate::units::find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let content_text = |r: &QuoteRef| -> (String, Span) {
        let doc = docs[r.doc];
        let q = &doc.quotes[r.quote];
        let span = Span::new(q.content.first().map_or(0, |s| s.start as usize), q.content.last().map_or(0, |s| s.end as usize));
        (q.content.iter().map(|s| doc.span_text(*s)).collect::<Vec<_>>().join(" … "), span)
    };
    let mut conflicts = Vec::new();
    let mut out: Vec<QuoteUnit> = by_root
        .into_values()
        .map(|members| {
            // The unit's text: the longest direct wording, else the longest.
            let main = *members
                .iter()
                .max_by_key(|&&m| (docs[refs[m].doc].quotes[refs[m].quote].direct, refs[m].vector.len(), std::cmp::Reverse(m)))
                .unwrap_or(&members[0]);
            let (text, _) = content_text(&refs[main]);
            let speakers: BTreeSet<String> = members.iter().filter_map(|&m| speaker_of(&refs[m])).collect();
            // Two spellings of one person ("Lanier" / "Cathy Lanier") are no conflict.
            let people = distinct_people(&speakers);
            if people >= 2 {
                let sides: Vec<Side> = speakers
                    .iter()
                    .map(|speaker| {
                        let of: Vec<usize> = members.iter().copied().filter(|&m| speaker_of(&refs[m]).as_ref() == Some(speaker)).collect();
                        Side {
                            value: speaker.clone(),
                            independent_sources: of.iter().map(|&m| src(refs[m].doc)).collect::<BTreeSet<_>>().len(),
                            citations: of.iter().map(|&m| {
                                let (t, span) = content_text(&refs[m]);
                                Cite { doc: docs[refs[m].doc].id.clone(), span, text: t }
                            }).collect(),
                        }
                    })
                    .collect();
                let why = format!(
                    "speaker: one quote matched across {} sources is attributed to {}; attributions are often a tagging error, so it is not shown",
                    sides.iter().map(|s| s.independent_sources).sum::<usize>(),
                    sides.iter().map(|s| s.value.as_str()).collect::<Vec<_>>().join(" / ")
                );
                conflicts.push(Conflict { kind: "speaker".into(), about: content_text(&refs[main]).0, update: false, confidence: SPEAKER_CONFIDENCE, why, sides });
            }
            let variants = members
                .iter()
                .map(|&m| {
                    let r = &refs[m];
                    let q = &docs[r.doc].quotes[r.quote];
                    let (t, span) = content_text(r);
                    let form = if !q.direct {
                        "reported"
                    } else if normalize_words(&t) == normalize_words(&text) {
                        "verbatim"
                    } else if normalize_words(&text).contains(&normalize_words(&t)) {
                        "partial"
                    } else {
                        "reworded"
                    };
                    QuoteVariant {
                        cite: Cite { doc: docs[r.doc].id.clone(), span, text: t },
                        direct: q.direct,
                        form: form.to_string(),
                        speaker: speaker_of(r),
                        source: q.source.and_then(|sp| docs[r.doc].text.get(sp.range())).map(str::to_string),
                        channel: q.channel.as_ref().map(|c| c.name.clone().unwrap_or_else(|| c.kind.clone())),
                    }
                })
                .collect();
            QuoteUnit {
                speaker: if speakers.len() == 1 { speakers.into_iter().next() } else { None },
                text,
                independent_sources: members.iter().map(|&m| src(refs[m].doc)).collect::<BTreeSet<_>>().len(),
                variants,
            }
        })
        .collect();
    // Most widely carried first; then in order of first appearance.
    out.sort_by(|a, b| b.independent_sources.cmp(&a.independent_sources).then(b.variants.len().cmp(&a.variants.len())));
    (out, conflicts)
}

/// Confidence of a conflict of attribution: the quotes stage's speakers are
/// right about three times in four, so two speakers for one quote are more
/// often an attribution error than two outlets disagreeing.
const SPEAKER_CONFIDENCE: f32 = 0.3;

/// How many different people a set of speaker names is, counting two names
/// as one person when one's words are all in the other ("Lanier", "Cathy
/// Lanier") or their last words are near spellings ("Lockart", "Joe Lockhart").
fn distinct_people(names: &BTreeSet<String>) -> usize {
    let names: Vec<&String> = names.iter().collect();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            if one_person(names[i], names[j]) {
                let (x, y) = (crate::units::find(&mut parent, i), crate::units::find(&mut parent, j));
                parent[x.max(y)] = x.min(y);
            }
        }
    }
    (0..names.len()).filter(|&i| crate::units::find(&mut parent, i) == i).count()
}

fn one_person(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect::<Vec<_>>();
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.is_empty() {
        return false;
    }
    if short.iter().all(|w| long.contains(w)) {
        return true;
    }
    match (wa.last(), wb.last()) {
        (Some(x), Some(y)) => x.chars().count() >= 5 && y.chars().count() >= 5 && strsim::jaro_winkler(x, y) >= 0.9,
        _ => false,
    }
}

fn normalize_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
