//! Word lists: attribution cues, words that may stand between a source and
//! its cue, clause boundaries, pronouns.

/// ASCII-lowercases a short word into `buf` (longer words are not in any list).
pub fn lower<'a>(w: &str, buf: &'a mut [u8; 24]) -> &'a str {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return "";
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
}

/// How strongly a word is an attribution cue.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cue {
    /// Speech verbs: said, told, wrote, warned, ...
    Speech,
    /// Cues only next to words in quotation marks ("called the deal “a win”").
    QuoteOnly,
    /// Cognition/reporting verbs that take a "that" clause: believes, thinks.
    Belief,
}

pub fn cue(lower: &str) -> Option<Cue> {
    Some(match lower {
        "said" | "says" | "say" | "saying" | "told" | "tells" | "tell" | "telling" | "added" | "adds" | "adding" | "warned" | "warns"
        | "warning" | "urged" | "urges" | "insisted" | "insists" | "denied" | "denies" | "wrote" | "writes" | "posted" | "posts"
        | "stated" | "states" | "announced" | "announces" | "noted" | "notes" | "explained" | "explains" | "argued" | "argues"
        | "claimed" | "claims" | "claiming" | "asserted" | "asserts" | "declared" | "declares" | "acknowledged" | "acknowledges"
        | "admitted" | "admits" | "stressed" | "stresses" | "emphasized" | "emphasised" | "replied" | "replies" | "responded"
        | "recalled" | "predicted" | "promised" | "vowed" | "pledged" | "confirmed" | "confirms" | "complained" | "concluded"
        | "revealed" | "alleged" | "alleges" | "tweeted" | "asked" | "asks" | "continued" | "reported" | "reports" | "reiterated"
        | "mentioned" | "commented" | "remarked" | "cautioned" | "contended" | "maintained" | "conceded" | "countered"
        | "observed" | "announcing" | "testified" | "boasted" | "charged" | "demanded" | "threatened" | "predicts" | "suggested"
        | "suggests" | "indicated" | "signaled" | "signalled" | "estimated" | "agreed" | "disclosed" | "proclaimed" | "quipped"
        | "joked" | "wondered" | "shouted" | "yelled" | "exclaimed" | "lamented" | "assured" | "advised" | "informed"
        | "reminded" | "blasted" | "slammed" | "criticized" | "praised" | "accused" | "hinted" | "tweets" | "recounted" => Cue::Speech,
        "called" | "calling" | "calls" | "described" | "describing" | "describes" | "dubbed" | "labeled" | "labelled" | "branded"
        | "termed" | "characterized" => Cue::QuoteOnly,
        "believes" | "believed" | "believe" | "thinks" | "thought" | "think" | "feels" | "felt" | "knows" | "knew" | "hopes"
        | "hoped" | "fears" | "feared" | "expects" | "expected" | "worries" | "worried" | "learned" | "found" | "concedes"
        | "argue" | "claim" | "warn" | "insist" | "deny" | "note" | "predict" | "suggest" | "acknowledge" | "admit" => Cue::Belief,
        _ => return None,
    })
}

/// Words that may stand between a source and its cue ("Ruiz also said",
/// "she has repeatedly warned").
pub fn between(lower: &str) -> bool {
    matches!(
        lower,
        "also" | "has" | "have" | "had" | "later" | "previously" | "then" | "again" | "repeatedly" | "recently" | "once" | "would"
            | "will" | "could" | "may" | "might" | "earlier" | "further" | "reportedly" | "publicly" | "privately" | "separately"
            | "frequently" | "often" | "never" | "not" | "did" | "does" | "do" | "only" | "just" | "even" | "already" | "still"
            | "openly" | "explicitly" | "clearly" | "flatly" | "initially" | "first" | "is" | "was" | "were" | "are" | "been"
            | "quickly" | "told" | "emphatically" | "simply" | "bluntly" | "angrily" | "finally" | "subsequently" | "immediately"
            | "last" | "yesterday" | "today" | "tonight" | "shortly"
    )
}

/// Words that end a source phrase going backwards (a clause boundary).
pub fn stops_source(lower: &str) -> bool {
    matches!(
        lower,
        "that" | "which" | "who" | "whom" | "and" | "but" | "or" | "when" | "while" | "as" | "because" | "after" | "before" | "if"
            | "since" | "where" | "although" | "though" | "so" | "than" | "then" | "what" | "how" | "why" | "is" | "was" | "were"
            | "are" | "be" | "to" | "has" | "have" | "had" | "also"
            | "not" | "it" | "this" | "there" | "until" | "unless" | "would" | "will" | "can" | "could" | "should"
    )
}

pub fn is_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "i" | "we" | "it" | "you")
}

pub fn is_punct(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| !c.is_alphanumeric())
}

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‘' | '’' | '\'')
}
