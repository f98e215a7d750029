//! newsfuse-quotes: who said what, in PolNeAR's terms (Source, Cue, Content).
//!
//! [`find_quotes`] takes a document with text, paragraphs, sentences, tokens,
//! and (optionally) entity mentions and time expressions, and returns its
//! direct and reported statements with the speaker resolved to an entity of
//! the batch, the channel ("in a post on Truth Social") and the time ("on
//! Saturday") where the text gives them.
//!
//! ```
//! use newsfuse_doc::{Document, Paragraph, Span};
//!
//! let text = "“We will rebuild the bridge,” the mayor said on Monday.";
//! let mut doc = Document::new("example", Default::default(), text.to_string());
//! doc.paragraphs.push(Paragraph { span: Span::new(0, text.len()), kind: Default::default() });
//! newsfuse_text::annotate(&mut doc); // language, sentences, tokens
//! let quotes = newsfuse_quotes::find_quotes(&doc);
//! assert_eq!(doc.span_text(quotes[0].content[0]), "We will rebuild the bridge,");
//! assert_eq!(quotes[0].source.map(|s| doc.span_text(s)), Some("the mayor"));
//! ```
//!
//! - [`marks`]: quotation marks of every style, paired per paragraph,
//!   continued across paragraphs, bounded when unbalanced.
//! - `rules`: cue-verb lexicon, source phrases, reported speech.
//! - [`speaker`]: names, pronouns, role descriptions, previous quotes.
//! - [`german`]: German statements, by rules (the lexicon and tagger are English).
//! - [`tagger`]: the learned Source/Cue/Content tagger (PolNeAR), used where
//!   the rules find nothing.
//!
//! Library code never panics on input: every slice is checked.

pub mod german;
pub mod lexicon;
pub mod marks;
#[doc(hidden)]
pub mod rules;
pub mod speaker;
pub mod tagger;

use std::sync::OnceLock;

use newsfuse_doc::{Document, Quote, Span};

/// A statement plus its PolNeAR-style content: for a partial quote inside
/// reported speech ("Ruiz said the plan was “a disaster” for the town") the
/// whole reported clause, where `quote.content` holds only the quoted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub quote: Quote,
    pub clause: Vec<Span>,
    pub(crate) cue_tok: Option<usize>,
}

/// The statements of a document, in text order of their content.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    find_attributions(doc).into_iter().map(|a| a.quote).collect()
}

/// Which component finds the statements.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Method {
    /// The precise rules alone (quotation marks, cue lexicon, reported speech).
    Rules,
    /// The PolNeAR tagger alone.
    Tagger,
    /// The tagger, with the rules' sources where it finds a cue but no source,
    /// and the rules' direct quotes where it finds nothing (the default).
    #[default]
    Combined,
}

/// [`find_quotes`] with the PolNeAR-style clause content of each statement.
pub fn find_attributions(doc: &Document) -> Vec<Attribution> {
    find_attributions_with(doc, Method::default())
}

/// [`find_attributions`] by the given method (rules only when no model is embedded).
pub fn find_attributions_with(doc: &Document, method: Method) -> Vec<Attribution> {
    if doc.text.len() >= u32::MAX as usize {
        return Vec::new();
    }
    let ctx = rules::Ctx::new(doc);
    if doc.language.code == "de" {
        let mut atts = german::find(&ctx);
        speaker::resolve(doc, &mut atts);
        speaker::channels_and_times(doc, &mut atts);
        return atts;
    }
    let rule_atts = rules::find(&ctx);
    let mut atts = match (model(), method) {
        (Some(m), Method::Tagger) => tagger::attributions(&ctx, m, &tagger::roles_of(&ctx, &rule_atts)),
        (Some(m), Method::Combined) => combine(&ctx, m, rule_atts),
        _ => rule_atts,
    };
    rules::mend_splits(&ctx, &mut atts);
    rules::repair_sources(&ctx, &mut atts);
    rules::drop_non_statements(&ctx, &mut atts);
    speaker::resolve(doc, &mut atts);
    speaker::channels_and_times(doc, &mut atts);
    atts
}

/// The tagger shipped in `models/` (rebuilt by the command in this crate's
/// README); `None` if the embedded file is empty (rules only).
pub fn model() -> Option<&'static tagger::Tagger> {
    static MODEL: OnceLock<Option<tagger::Tagger>> = OnceLock::new();
    MODEL.get_or_init(|| tagger::load(include_bytes!("../../../models/quotes-polnear.model"))).as_ref()
}

/// The tagger's statements, completed by the rules: a cue without a source
/// takes the rules' source for that cue; direct quotes the tagger missed
/// are added from the rules.
pub fn combine(ctx: &rules::Ctx, model: &tagger::Tagger, rule_atts: Vec<Attribution>) -> Vec<Attribution> {
    let roles = tagger::roles_of(ctx, &rule_atts);
    let mut out = tagger::attributions(ctx, model, &roles);
    let overlaps = |x: &[Span], y: &[Span]| x.iter().any(|a| y.iter().any(|b| a.start < b.end && b.start < a.end));
    for a in out.iter_mut() {
        // The rule that explains the same content, if any.
        let rule = rule_atts.iter().find(|r| overlaps(&r.clause, &a.clause) && r.quote.cue.is_some());
        if let Some(r) = rule {
            let precise = r.quote.direct && r.quote.source.is_some();
            let same_cue = a.quote.cue.is_none() || a.quote.cue == r.quote.cue;
            // The rules name the speaker of a direct quote where the tagger's
            // source holds no name ("made a promise to survivors: “...”").
            let named = |s: Option<Span>| s.is_some_and(|s| ctx.doc.mentions.iter().any(|m| s.contains(m.span) && m.label.can_speak()));
            let better = precise && !same_cue && named(r.quote.source) && !named(a.quote.source);
            if better {
                a.quote.source = r.quote.source;
                a.quote.cue = r.quote.cue;
            } else if same_cue && (precise || a.quote.source.is_none()) {
                a.quote.source = r.quote.source;
                a.quote.cue = a.quote.cue.or(r.quote.cue);
            }
            if r.quote.direct {
                a.quote.direct = true;
            }
        }
        if a.quote.source.is_none() {
            if let Some(t) = a.cue_tok {
                a.quote.source = rules::source_for_cue(ctx, t);
            }
        }
    }
    let n = out.len();
    for r in rule_atts {
        if r.quote.direct && !out[..n].iter().any(|a| overlaps(&a.clause, &r.clause)) {
            out.push(r);
        }
    }
    // Words in quotation marks keep their own spans as `content`.
    for a in out.iter_mut() {
        // A quote continued across paragraphs is one statement: all its
        // paragraphs, when the clause holds one of them.
        let inner: Vec<Span> = ctx
            .marked
            .iter()
            .filter(|m| m.content.iter().any(|c| a.clause.iter().any(|x| x.contains(*c))))
            .flat_map(|m| m.content.iter().copied())
            .collect();
        if !inner.is_empty() {
            a.quote.direct = true;
            a.quote.content = inner;
        }
    }
    // A single reported word ("denied it") is mostly the tagger's noise.
    let words = |a: &Attribution| a.clause.iter().map(|c| ctx.text.get(c.range()).unwrap_or("").split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).count()).sum::<usize>();
    out.retain(|a| a.quote.direct || words(a) >= 2);
    out.sort_by_key(|a| a.quote.content.first().map(|s| s.start));
    out
}

#[cfg(test)]
mod tests;
