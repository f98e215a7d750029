//! newsfuse-quotes: who said what, in PolNeAR's terms (Source, Cue, Content).
//!
//! [`find_quotes`] takes a document with text, paragraphs, sentences, tokens,
//! and (optionally) entity mentions and time expressions, and returns its
//! direct and reported statements with the speaker resolved to an entity of
//! the batch, the channel ("in a post on Truth Social") and the time ("on
//! Saturday") where the text gives them.
//!
//! - [`marks`]: quotation marks of every style, paired per paragraph,
//!   continued across paragraphs, bounded when unbalanced.
//! - `rules`: cue-verb lexicon, source phrases, reported speech.
//! - [`speaker`]: names, pronouns, role descriptions, previous quotes.
//! - [`tagger`]: the learned Source/Cue/Content tagger (PolNeAR), used where
//!   the rules find nothing.
//!
//! Library code never panics on input: every slice is checked.

pub mod lexicon;
pub mod marks;
mod rules;
pub mod speaker;

use newsfuse_doc::{Document, Quote, Span};

/// A statement plus its PolNeAR-style content: for a partial quote inside
/// reported speech ("Ruiz said the plan was “a disaster” for the town") the
/// whole reported clause, where `quote.content` holds only the quoted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub quote: Quote,
    pub clause: Vec<Span>,
    cue_tok: Option<usize>,
}

/// The statements of a document, in text order of their content.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    find_attributions(doc).into_iter().map(|a| a.quote).collect()
}

/// [`find_quotes`] with the PolNeAR-style clause content of each statement.
pub fn find_attributions(doc: &Document) -> Vec<Attribution> {
    if doc.text.len() >= u32::MAX as usize {
        return Vec::new();
    }
    let ctx = rules::Ctx::new(doc);
    let mut atts = rules::find(&ctx);
    speaker::resolve(doc, &mut atts);
    speaker::channels_and_times(doc, &mut atts);
    atts
}

#[cfg(test)]
mod tests;
