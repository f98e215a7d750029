//! Cross-document entity resolution: one entity per real-world person, place
//! or organization across all documents of a batch, from the mentions the
//! tagger found (text and type, PER / ORG / LOC / MISC).
//!
//! The algorithm, in [`resolve`]:
//!
//! 1. **Normalize.** Each mention is stripped of titles and possessives
//!    ("President", "Ms.", "'s") and keyed: diacritics and case folded,
//!    common transliteration endings folded (Zelenskyy / Zelenskiy / Zelensky,
//!    Vašárek / Vasarek), exonyms mapped (Kiev → Kyiv). A leading word that
//!    stands alone elsewhere as a MISC mention ("Ukrainian") is dropped before
//!    a person's name; companies are keyed without a trailing legal form when
//!    two words are left ("Dravna Hydro Corp." / "Dravna Hydro").
//! 2. **Group.** Mentions with equal keys are one form, with its label votes
//!    and surface spellings.
//! 3. **Link** forms (union-find), each rule comparing a form only with the
//!    few that could match it (blocking), so large batches stay near-linear:
//!    near-identical spellings of the same type and number of words
//!    (Brezovo / Brezhovo, Vasarec / Vasarek: Jaro-Winkler ≥ 0.93 on every
//!    word, short words equal) and two-word persons with one surname and
//!    similar first names (Voldimi / Volodymyr Zelensky); an acronym to the
//!    longer names with its initials, never persons (EU / European Union,
//!    U.S. / United States); a lone surname to the one person whose full name
//!    ends with it, or failing that with a near spelling of it (Putin →
//!    Vladimir Putin, but Vladimir Putin is never linked to Vladimir Medinsky:
//!    first names do not link); a person's name to the one name that writes
//!    it more fully (Eric Kirkpatrick / Eric Allen Kirkpatrick, Ben / Benjamin
//!    Banky), never across different first names (Gary / Maria Gomes); a lone
//!    word that is nobody's surname to the one person whose name it opens
//!    (Tara / Tara Reid); a lone surname the batch leaves ambiguous or the
//!    tagger mislabelled, when every document that writes it names one and
//!    the same person in full; a non-person name of two words or more to the
//!    one longer name it is part of ("Civil Protection" / "National Civil
//!    Protection Directorate").
//! 4. **Name.** Each group is an entity with the majority label (a place
//!    when every spelling is one by its words — River, Dam, Lake, Road — or
//!    a country or capital; a person when its full names are persons and its
//!    other forms their surnames), every
//!    spelling as an alias, and its fullest plausible form as the canonical
//!    name: a person's full name however rarely written (at most four words),
//!    any other entity's among the forms written at least a quarter as often
//!    as its most common one. Entities are ordered by first mention.

use std::collections::BTreeMap;

pub use newsfuse_doc::EntityLabel;

/// One mention to resolve: which document, its text, its type (PER, ORG, LOC, MISC).
pub struct MentionRef<'a> {
    pub doc: usize,
    pub text: &'a str,
    pub label: EntityLabel,
}

/// A resolved entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The fullest plausible form: a person's longest name of at most four
    /// words; another entity's longest among the forms written at least a
    /// quarter as often as the most frequent.
    pub canonical: String,
    pub label: EntityLabel,
    /// Every distinct surface form, sorted.
    pub aliases: Vec<String>,
    /// Indices into the input mentions.
    pub mentions: Vec<usize>,
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "adm", "sen", "rep", "gov", "mayor", "president", "prime",
    "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "judge", "justice", "general", "senator",
    "governor", "ambassador", "spokesman", "spokeswoman", "the", "sir", "lord", "lady", "st",
];

const EXONYMS: &[(&str, &str)] = &[
    ("kiev", "kyiv"),
    ("turkey", "turkiye"),
    ("burma", "myanmar"),
    ("bombay", "mumbai"),
    ("peking", "beijing"),
    ("kharkov", "kharkiv"),
    ("odessa", "odesa"),
    ("lvov", "lviv"),
    ("holland", "netherlands"),
    ("czech republic", "czechia"),
    ("ivory coast", "cote d'ivoire"),
    ("swaziland", "eswatini"),
];

/// Strips titles and possessives, keeps the name as written.
fn strip(text: &str) -> String {
    // Dots stay: they end abbreviations ("U.N."), never sentences (the tokenizer splits those off).
    let text = text.trim().trim_end_matches("'s").trim_end_matches("’s").trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let words: Vec<&str> = text.split_whitespace().collect();
    let start = words.iter().position(|w| !TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str())).unwrap_or(words.len().saturating_sub(1));
    words[start..].join(" ")
}

/// Folds diacritics (to the base Latin letter) and case.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'č' | 'ć' | 'ç' => 'c',
            'ď' | 'đ' => 'd',
            'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ē' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'š' | 'ś' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ū' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            '.' => continue,
            other => other,
        };
        out.push(base);
    }
    out
}

/// The comparison key of a name: folded, transliteration endings unified
/// (-skyy / -skiy / -ski → -sky), exonyms mapped.
fn key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<String> = folded
        .split_whitespace()
        .map(|w| {
            for (ending, with) in [("skyy", "sky"), ("skiy", "sky"), ("skyi", "sky"), ("skij", "sky"), ("iy", "y"), ("yy", "y")] {
                if let Some(stem) = w.strip_suffix(ending) {
                    if stem.len() >= 3 {
                        return format!("{stem}{with}");
                    }
                }
            }
            w.to_string()
        })
        .collect();
    let joined = words.join(" ");
    EXONYMS.iter().find(|(from, _)| *from == joined).map_or(joined, |(_, to)| to.to_string())
}

/// Legal forms that end company names: "Dravna Hydro Corp." and "Dravna
/// Hydro Corporation" are "Dravna Hydro".
const LEGAL_FORMS: &[&str] = &["corp", "corporation", "inc", "incorporated", "ltd", "limited", "co", "company", "plc", "llc", "ag", "gmbh", "sa", "nv", "bv"];

/// A key without its trailing legal form, when a name of two words or more is left.
fn without_legal_form(key: String) -> String {
    match key.rsplit_once(' ') {
        // Two words at least are left: "Trump Corporation" is not "Trump".
        Some((rest, last)) if LEGAL_FORMS.contains(&last.trim_end_matches(',')) && rest.trim_end_matches([',', ' ']).contains(' ') => rest.trim_end_matches([',', ' ']).to_string(),
        _ => key,
    }
}

fn initials(key: &str) -> String {
    key.split_whitespace().filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de")).filter_map(|w| w.chars().next()).collect()
}

/// Two spellings of one name: word by word equal, or alike enough. Words
/// shorter than [`NEAR_MIN_CHARS`] must be equal: among short names one
/// letter is another person (Romney / Rooney / Rodney, Paul / Paula).
fn near(a: &str, b: &str) -> bool {
    let mut wa = a.split_whitespace();
    let mut wb = b.split_whitespace();
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if x != y {
                    let (lx, ly) = (x.chars().count(), y.chars().count());
                    if lx.min(ly) < NEAR_MIN_CHARS || lx.abs_diff(ly) > 2 || strsim::jaro_winkler(x, y) < 0.93 {
                        return false;
                    }
                }
            }
            _ => return false,
        }
    }
}

const NEAR_MIN_CHARS: usize = 7;

/// Longest name, in words, that a person's canonical name may have
/// ("Maria de la Cruz Lopez" is five words, rare; titles are stripped already).
const MAX_PERSON_WORDS: usize = 4;

/// Most letters by which two spellings of one name differ in length
/// ("Voldimi Zelensky" / "Volodymyr Zelensky": 2).
const MAX_LENGTH_GAP: usize = 3;

/// Resolves mentions into entities, ordered by first mention: group the
/// mentions into forms by key, link forms that name one thing (near
/// spellings, acronyms, lone surnames, short forms), and name each group.
pub fn resolve(mentions: &[MentionRef<'_>]) -> Vec<Entity> {
    let forms = group(mentions);
    let labels: Vec<EntityLabel> = forms.iter().map(Form::label).collect();
    let mut links = UnionFind::new(forms.len());
    // Every rule compares a form only with the few forms that could match it
    // (blocking), so a batch of tens of thousands of documents stays linear-ish.
    link_near_spellings(&forms, &labels, &mut links);
    link_acronyms(&forms, &labels, &mut links);
    link_fuller_names(&forms, &labels, &mut links);
    link_surnames(&forms, &labels, &mut links);
    link_surnames_in_documents(&forms, &labels, mentions, &mut links);
    link_short_forms(&forms, &labels, &mut links);
    name(&forms, &mut links)
}

/// One distinct form: the mentions with one key, with their label votes and
/// the spellings they were written in.
struct Form {
    key: String,
    label_votes: BTreeMap<EntityLabel, usize>,
    mentions: Vec<usize>,
    surfaces: BTreeMap<String, usize>,
}

impl Form {
    /// The majority label; ties go to the first label in name order.
    fn label(&self) -> EntityLabel {
        majority(&self.label_votes)
    }

    fn words(&self) -> Vec<&str> {
        self.key.split_whitespace().collect()
    }
}

fn majority(votes: &BTreeMap<EntityLabel, usize>) -> EntityLabel {
    votes.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l))).map(|(l, _)| *l).unwrap_or_default()
}

/// Mentions grouped into forms by key (normalized name), in order of first mention.
fn group(mentions: &[MentionRef<'_>]) -> Vec<Form> {
    // Words that stand alone as MISC mentions ("Ukrainian", "Russian") are
    // adjectives when they open a longer name: "Ukrainian Volodymyr Zelensky".
    let adjectives: std::collections::BTreeSet<String> =
        mentions.iter().filter(|m| m.label == EntityLabel::Misc && !m.text.trim().contains(' ')).map(|m| key(m.text)).collect();
    // Each mention's name and key, computed once: the persons' keys are needed before the forms.
    let base: Vec<(String, String)> = mentions.iter().map(|m| strip(m.text)).map(|name| (key(&name), name)).collect();
    let persons: std::collections::BTreeSet<&str> = mentions.iter().zip(&base).filter(|(m, _)| m.label == EntityLabel::Per).map(|(_, (k, _))| k.as_str()).collect();
    let mut forms: Vec<Form> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (m, (base_key, base_name))) in mentions.iter().zip(&base).enumerate() {
        let mut name = base_name.clone();
        let mut stripped = false;
        // Only before a person's name (this mention's label may be wrong, the
        // name is a person elsewhere): "Dravna Hydro Corp." and "Russian
        // Foreign Ministry" keep their first word.
        while let Some((first, rest)) = name.split_once(' ') {
            if rest.contains(' ') && adjectives.contains(&key(first)) && (m.label == EntityLabel::Per || persons.contains(key(rest).as_str())) {
                name = rest.to_string();
                stripped = true;
            } else {
                break;
            }
        }
        let k = if stripped { key(&name) } else { base_key.clone() };
        let k = if m.label == EntityLabel::Per { k } else { without_legal_form(k) };
        if k.is_empty() {
            continue;
        }
        let f = *by_key.entry(k.clone()).or_insert_with(|| {
            forms.push(Form { key: k.clone(), label_votes: BTreeMap::new(), mentions: Vec::new(), surfaces: BTreeMap::new() });
            forms.len() - 1
        });
        *forms[f].label_votes.entry(m.label).or_default() += 1;
        *forms[f].surfaces.entry(name).or_default() += 1;
        forms[f].mentions.push(i);
    }
    forms
}

/// Disjoint sets of forms; a set's representative is its smallest member,
/// so the result does not depend on the order links are made in.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        self.parent[x] = r;
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn first_char(w: &str) -> char {
    w.chars().next().unwrap_or(' ')
}

/// Near spellings and same-surname persons: same type, same number of
/// words, same first letters of the first and last words.
fn link_near_spellings(forms: &[Form], labels: &[EntityLabel], links: &mut UnionFind) {
    let mut blocks: BTreeMap<(EntityLabel, usize, char, char), Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate() {
        let w = form.words();
        if let (Some(first), Some(last)) = (w.first(), w.last()) {
            blocks.entry((labels[f], w.len(), first_char(first), first_char(last))).or_default().push(f);
        }
    }
    // Near spellings differ in length by a few letters at most: within a block,
    // forms sorted by length are compared only with those of similar length.
    for members in blocks.values_mut() {
        members.sort_by_key(|&f| (forms[f].key.chars().count(), f));
    }
    for members in blocks.values() {
        for (i, &a) in members.iter().enumerate() {
            let len_a = forms[a].key.chars().count();
            for &b in members[i + 1..].iter().take_while(|&&b| forms[b].key.chars().count() <= len_a + MAX_LENGTH_GAP) {
                let (ka, kb) = (&forms[a].key, &forms[b].key);
                // Two persons with the same surname and similar first names:
                // "Voldimi Zelensky" (a garbled translation) / "Volodymyr Zelensky".
                let same_person = labels[a] == EntityLabel::Per
                    && ka.split(' ').count() == 2
                    && ka.rsplit(' ').next() == kb.rsplit(' ').next()
                    && strsim::jaro_winkler(ka.split(' ').next().unwrap_or(""), kb.split(' ').next().unwrap_or("")) >= 0.8;
                if same_person || near(ka, kb) {
                    links.union(a, b);
                }
            }
        }
    }
}

/// Acronyms: "us" ↔ "united states", "bpa" ↔ "beacon press agency" (never persons).
fn link_acronyms(forms: &[Form], labels: &[EntityLabel], links: &mut UnionFind) {
    let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, form)| labels[f] != EntityLabel::Per && form.words().len() >= 2) {
        by_initials.entry(initials(&form.key)).or_default().push(f);
    }
    for (a, form) in forms.iter().enumerate().filter(|&(a, form)| labels[a] != EntityLabel::Per && !form.key.contains(' ') && form.key.len() >= 2) {
        for &b in by_initials.get(&form.key).map(Vec::as_slice).unwrap_or(&[]) {
            links.union(a, b);
        }
    }
}

/// Whether the person name `short` is a shorter writing of `long` (both keys
/// of two words or more, same surname): `long` ends with it ("constable tim
/// fanning" / "tim fanning"), adds middle names ("eric allen kirkpatrick" /
/// "eric kirkpatrick"), or spells the first name in full ("benjamin banky" /
/// "ben banky"). Different first names never match ("gary gomes" / "maria gomes").
fn shorter_name_of(short: &[&str], long: &[&str]) -> bool {
    let (Some(sl), Some(ll)) = (short.last(), long.last()) else { return false };
    if sl != ll || short.len() < 2 || short.len() > long.len() || short == long {
        return false;
    }
    if long.ends_with(short) {
        return true;
    }
    let (sf, lf) = (short[0], long[0]);
    let first_ok = sf == lf || sf.chars().count() >= 3 && lf.starts_with(sf) && short.len() == 2 && long.len() == 2;
    if !first_ok {
        return false;
    }
    // The middle words of the short form appear in order in the long one.
    let mut it = long[1..long.len() - 1].iter();
    short[1..short.len() - 1].iter().all(|w| it.any(|x| x == w || x.trim_end_matches('.') == w.trim_end_matches('.')))
}

/// Fuller names: a person's name of two words or more links to the one
/// longer name that writes it more fully ([`shorter_name_of`]), so a lone
/// surname later finds one owner, not a title-laden copy of it.
fn link_fuller_names(forms: &[Form], labels: &[EntityLabel], links: &mut UnionFind) {
    let mut by_last: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, form)| labels[f] == EntityLabel::Per && form.key.contains(' ')) {
        if let Some(last) = form.key.rsplit(' ').next() {
            by_last.entry(last).or_default().push(f);
        }
    }
    for members in by_last.values() {
        // Large blocks (a common surname across a big batch) are left alone: too ambiguous, too slow.
        if members.len() > 64 {
            continue;
        }
        for &a in members {
            let wa = forms[a].words();
            let owners: std::collections::BTreeSet<usize> = members.iter().filter(|&&b| shorter_name_of(&wa, &forms[b].words())).map(|&b| links.find(b)).collect();
            if let (1, Some(&owner)) = (owners.len(), owners.first()) {
                links.union(a, owner);
            }
        }
    }
}

/// Lone surnames: link to the single person whose full name ends with it.
/// The full names ending in the same word are looked up exactly; only when
/// there are none, near spellings among those whose last word starts with
/// the same two letters and has about the same length.
fn link_surnames(forms: &[Form], labels: &[EntityLabel], links: &mut UnionFind) {
    let prefix = |w: &str| -> String { w.chars().take(2).collect() };
    let mut by_last: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    let mut by_last_near: BTreeMap<(String, usize), Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, form)| labels[f] == EntityLabel::Per && form.key.contains(' ')) {
        if let Some(last) = form.key.rsplit(' ').next() {
            by_last.entry(last).or_default().push(f);
            by_last_near.entry((prefix(last), last.chars().count())).or_default().push(f);
        }
    }
    for (a, form) in forms.iter().enumerate().filter(|&(a, form)| labels[a] == EntityLabel::Per && !form.key.contains(' ')) {
        let key = form.key.as_str();
        let exact = by_last.get(key).map(Vec::as_slice).unwrap_or(&[]);
        let owners: std::collections::BTreeSet<usize> = if !exact.is_empty() {
            exact.iter().map(|&b| links.find(b)).collect()
        } else {
            let (p, len) = (prefix(key), key.chars().count());
            by_last_near
                .range((p.clone(), len.saturating_sub(MAX_LENGTH_GAP))..=(p, len + MAX_LENGTH_GAP))
                .flat_map(|(_, fs)| fs.iter().copied())
                .filter(|&b| forms[b].key.rsplit(' ').next().is_some_and(|last| near(last, key)))
                .map(|b| links.find(b))
                .collect()
        };
        if let (1, Some(&owner)) = (owners.len(), owners.first()) {
            links.union(a, owner);
        }
    }
    // A lone word that is no person's surname but the first word of exactly
    // one person's name: "Tara" / "Tara Reid", "Qin" / "Qin Yongmin" (family
    // name first). Two people who share it leave it alone.
    let mut by_first: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, form)| labels[f] == EntityLabel::Per && form.key.contains(' ')) {
        if let Some(first) = form.key.split(' ').next() {
            by_first.entry(first).or_default().push(f);
        }
    }
    for (a, form) in forms.iter().enumerate().filter(|&(a, form)| !form.key.contains(' ') && person_votes(form, labels[a])) {
        let key = form.key.as_str();
        if by_last.contains_key(key) {
            continue;
        }
        let owners: std::collections::BTreeSet<usize> = by_first.get(key).map(Vec::as_slice).unwrap_or(&[]).iter().map(|&b| links.find(b)).collect();
        if let (1, Some(&owner)) = (owners.len(), owners.first()) {
            links.union(a, owner);
        }
    }
}

/// Lone surnames the batch leaves ambiguous (two people named Banky) or the
/// tagger mislabelled ("Steinberg" as a place), settled document by
/// document: every document that writes the lone word also writes a
/// person's full name ending with it, and all those full names are one
/// entity ("Banky" where "Benjamin David Banky" is named, never where only
/// "John Banky" is).
fn link_surnames_in_documents(forms: &[Form], labels: &[EntityLabel], mentions: &[MentionRef<'_>], links: &mut UnionFind) {
    let docs_of = |f: usize| -> std::collections::BTreeSet<usize> { forms[f].mentions.iter().map(|&i| mentions[i].doc).collect() };
    let mut by_last: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, form)| form.key.contains(' ') && person_votes(form, labels[f])) {
        if let Some(last) = form.key.rsplit(' ').next() {
            by_last.entry(last).or_default().push(f);
        }
    }
    for (a, form) in forms.iter().enumerate().filter(|(_, form)| !form.key.contains(' ')) {
        let Some(owners) = by_last.get(form.key.as_str()).filter(|o| o.len() <= 64) else { continue };
        // A lone word already part of a person (linked above) is settled.
        let root = links.find(a);
        if owners.iter().any(|&b| links.find(b) == root) {
            continue;
        }
        let owner_docs: Vec<(usize, std::collections::BTreeSet<usize>)> = owners.iter().map(|&b| (b, docs_of(b))).collect();
        let mut roots = std::collections::BTreeSet::new();
        let every_doc = docs_of(a).into_iter().all(|d| {
            let local: Vec<usize> = owner_docs.iter().filter(|(_, ds)| ds.contains(&d)).map(|(b, _)| *b).collect();
            roots.extend(local.iter().map(|&b| links.find(b)));
            !local.is_empty()
        });
        if let (true, 1, Some(&owner)) = (every_doc, roots.len(), roots.first()) {
            links.union(a, owner);
        }
    }
}

/// A form that is a person: its majority label, or a quarter of its
/// mentions at least ("Qin" tagged a place as often as a person).
fn person_votes(form: &Form, label: EntityLabel) -> bool {
    let per = form.label_votes.get(&EntityLabel::Per).copied().unwrap_or(0);
    label == EntityLabel::Per || per * 4 >= form.mentions.len() && per > 0
}

/// Short forms of organizations and places: "Civil Protection" is part of
/// exactly one longer name, "National Civil Protection Directorate".
fn link_short_forms(forms: &[Form], labels: &[EntityLabel], links: &mut UnionFind) {
    let mut by_part: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate().filter(|&(f, _)| labels[f] != EntityLabel::Per) {
        let w = form.words();
        if w.len() > 6 {
            continue;
        }
        for len in 2..w.len() {
            for start in 0..=w.len() - len {
                by_part.entry(w[start..start + len].join(" ")).or_default().push(f);
            }
        }
    }
    for (a, form) in forms.iter().enumerate().filter(|&(a, form)| labels[a] != EntityLabel::Per && form.key.contains(' ')) {
        let owners: std::collections::BTreeSet<usize> =
            by_part.get(&form.key).map(Vec::as_slice).unwrap_or(&[]).iter().filter(|&&b| b != a).map(|&b| links.find(b)).collect();
        if let (1, Some(&owner)) = (owners.len(), owners.first()) {
            links.union(a, owner);
        }
    }
}

/// Each linked group of forms as one entity: its mentions, spellings, the
/// majority label of all its mentions, and a canonical name.
fn name(forms: &[Form], links: &mut UnionFind) -> Vec<Entity> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for f in 0..forms.len() {
        let r = links.find(f);
        groups.entry(r).or_default().push(f);
    }
    let mut entities: Vec<Entity> = groups
        .into_values()
        .map(|fs| {
            let mut surfaces: BTreeMap<String, usize> = BTreeMap::new();
            let mut votes: BTreeMap<EntityLabel, usize> = BTreeMap::new();
            let mut ms = Vec::new();
            for &f in &fs {
                for (s, c) in &forms[f].surfaces {
                    *surfaces.entry(s.clone()).or_default() += c;
                }
                for (l, c) in &forms[f].label_votes {
                    *votes.entry(*l).or_default() += c;
                }
                ms.extend(&forms[f].mentions);
            }
            ms.sort_unstable();
            let label = place_by_name(&surfaces).or_else(|| person_by_forms(forms, &fs)).unwrap_or_else(|| majority(&votes));
            let canonical = canonical_name(&surfaces, label);
            Entity { canonical, label, aliases: surfaces.into_keys().collect(), mentions: ms }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions[0]);
    entities
}

/// A group whose full names are persons and whose other forms are persons
/// or their surnames is a person, however often the tagger read the lone
/// surname as a place ("Steinberg" with "Alan Steinberg").
fn person_by_forms(forms: &[Form], group: &[usize]) -> Option<EntityLabel> {
    let full: Vec<&Form> = group.iter().map(|&f| &forms[f]).filter(|f| f.key.contains(' ') && f.label() == EntityLabel::Per).collect();
    let surname = |f: &Form| !f.key.contains(' ') && full.iter().any(|p| p.key.rsplit(' ').next() == Some(f.key.as_str()));
    (!full.is_empty() && group.iter().all(|&f| forms[f].label() == EntityLabel::Per || surname(&forms[f]))).then_some(EntityLabel::Per)
}

/// Words that make a name a place whatever the tagger said: "Dravna
/// River", "Brezhovo Dam", "Lake Sovin", "Gulf of Aden".
const PLACE_HEADS: &[&str] = &[
    "river", "dam", "lake", "sea", "ocean", "mountain", "mountains", "island", "islands", "bay", "valley", "gulf", "strait", "canal", "peninsula", "desert",
    "reservoir", "creek", "glacier", "volcano", "coast", "province", "county", "district", "region", "road", "street", "avenue", "boulevard", "highway",
];

/// Countries and capitals often tagged as persons or organizations ("Banda
/// Aceh" aside, a small gazetteer; names that are also common given names
/// or surnames, such as Jordan or Chad, are left out).
const PLACES: &[&str] = &[
    "afghanistan", "algeria", "amman", "ankara", "athens", "baghdad", "bangkok", "beijing", "beirut", "berlin", "brazil", "brussels", "cairo", "canada", "china",
    "colombia", "damascus", "egypt", "ethiopia", "france", "germany", "greece", "honduras", "india", "indonesia", "iran", "iraq", "islamabad", "israel", "italy",
    "jakarta", "japan", "jerusalem", "kabul", "kenya", "kyiv", "lebanon", "libya", "lisbon", "london", "madrid", "manila", "mexico", "moscow", "nairobi", "new delhi",
    "nicaragua", "nigeria", "pakistan", "paris", "portugal", "rome", "russia", "saudi arabia", "seoul", "somalia", "spain", "sudan", "syria", "taiwan", "tehran",
    "tokyo", "turkey", "ukraine", "united kingdom", "united states", "vietnam", "yemen",
];

/// The label a name itself gives: a place head word, first or last
/// ("Mount Everest", "Dravna River"), or a country or capital of the gazetteer.
fn place_by_name(surfaces: &BTreeMap<String, usize>) -> Option<EntityLabel> {
    let place = |s: &str| {
        let k = key(s);
        let words: Vec<&str> = k.split_whitespace().collect();
        let head = words.len() >= 2 && (words.last().is_some_and(|w| PLACE_HEADS.contains(w)) || matches!(words[0], "lake" | "mount" | "gulf"));
        head || PLACES.binary_search(&k.as_str()).is_ok()
    };
    // Every spelling must agree: "Bay Area Rapid Transit" has one that does not.
    (!surfaces.is_empty() && surfaces.keys().all(|s| place(s))).then_some(EntityLabel::Loc)
}

/// The fullest name, among plausible ones: a person's full name however
/// rarely written ("Vladimir Putin" over "Putin"), but not a title-laden run
/// ("Northampton County District Attorney John Morganelli"); for other
/// entities, among the forms written at least a quarter as often as the most
/// common, so a long form written once ("Eighth Amendment of the U.S.", a
/// tagging error merged in) does not name an entity written "U.S." a
/// thousand times.
fn canonical_name(surfaces: &BTreeMap<String, usize>, label: EntityLabel) -> String {
    let most = surfaces.values().copied().max().unwrap_or(0);
    let words = |s: &str| s.split_whitespace().count();
    let plausible = |s: &str, c: usize| if label == EntityLabel::Per { words(s) <= MAX_PERSON_WORDS } else { c * 4 >= most };
    let pick = |all: bool| surfaces.iter().filter(|(s, c)| all || plausible(s, **c)).max_by_key(|(s, c)| (words(s), **c, std::cmp::Reverse((*s).clone()))).map(|(s, _)| s.clone());
    pick(false).or_else(|| pick(true)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ms: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
        let refs: Vec<MentionRef> = ms.iter().map(|(t, l)| MentionRef { doc: 0, text: t, label: l.parse().unwrap() }).collect();
        resolve(&refs).into_iter().map(|e| (e.canonical, e.aliases)).collect()
    }

    #[test]
    fn spelling_variants_titles_and_surnames_merge() {
        let got = run(&[
            ("Volodymyr Zelenskyy", "PER"),
            ("Zelensky", "PER"),
            ("Zelenskiy", "PER"),
            ("President Volodymyr Zelensky", "PER"),
            ("Vladimir Putin", "PER"),
            ("Putin", "PER"),
            ("Vladimir Medinsky", "PER"),
            ("Kiev", "LOC"),
            ("Kyiv", "LOC"),
            ("Ms. Vašárek", "PER"),
            ("Ilona Vasarek", "PER"),
            ("Ilona Vasarec", "PER"),
            ("Ilona Vasarek", "PER"),
            ("Voldimi Zelensky", "PER"),
            ("Ukrainian", "MISC"),
            ("Ukrainian Volodymyr Zelensky", "ORG"),
        ]);
        // The fullest form wins, then the most frequent spelling of it.
        let names: Vec<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(names, vec!["Volodymyr Zelensky", "Vladimir Putin", "Vladimir Medinsky", "Kiev", "Ilona Vasarek", "Ukrainian"], "{got:?}");
        assert_eq!(got[0].1, vec!["Voldimi Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "Zelensky"]);
        assert_eq!(got[4].1, vec!["Ilona Vasarec", "Ilona Vasarek", "Vašárek"]);
    }

    #[test]
    fn company_names_merge_without_their_legal_form_and_keep_their_first_word() {
        let got = run(&[("Dravna", "MISC"), ("Dravna Hydro", "ORG"), ("Dravna Hydro Corp.", "ORG"), ("Dravna Hydro Corporation", "ORG"), ("Russian Foreign Ministry", "ORG"), ("Russian", "MISC"), ("Foreign Ministry", "ORG"), ("Trump", "PER"), ("Trump Corporation", "ORG")]);
        let hydro = got.iter().find(|(c, _)| c.contains("Hydro")).expect("one Dravna Hydro");
        assert_eq!(hydro.1, ["Dravna Hydro", "Dravna Hydro Corp.", "Dravna Hydro Corporation"]);
        assert!(got.iter().any(|(c, _)| c == "Russian Foreign Ministry"), "{got:?}");
        assert!(got.iter().any(|(c, a)| c == "Trump" && a.len() == 1), "{got:?}");
    }

    #[test]
    fn canonical_names_are_full_but_common() {
        let mut ms = vec![("Vladimir Putin", "PER")];
        ms.extend(std::iter::repeat_n(("Putin", "PER"), 9));
        ms.extend(std::iter::repeat_n(("Civil Protection", "ORG"), 5));
        ms.push(("National Civil Protection Directorate", "ORG"));
        let names: Vec<String> = run(&ms).into_iter().map(|(c, _)| c).collect();
        assert_eq!(names, ["Vladimir Putin", "Civil Protection"]);
        ms.push(("National Civil Protection Directorate", "ORG"));
        assert_eq!(run(&ms)[1].0, "National Civil Protection Directorate");
    }

    #[test]
    fn fuller_names_link_and_different_first_names_stay_apart() {
        let got = run(&[
            ("Eric Allen Kirkpatrick", "PER"),
            ("Eric Kirkpatrick", "PER"),
            ("Kirkpatrick", "PER"),
            ("Benjamin Banky", "PER"),
            ("Ben Banky", "PER"),
            ("Banky", "PER"),
            ("Gary Gomes", "PER"),
            ("Maria Gomes", "PER"),
            ("Gomes", "PER"),
            ("Tara Reid", "PER"),
            ("Tara", "PER"),
        ]);
        let names: Vec<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(names, ["Eric Allen Kirkpatrick", "Ben Banky", "Gary Gomes", "Maria Gomes", "Gomes", "Tara Reid"], "{got:?}");
        assert_eq!(got[1].1, ["Banky", "Ben Banky", "Benjamin Banky"]);
    }

    #[test]
    fn lone_surnames_settle_by_document() {
        let ms = [(0, "Benjamin Banky", "PER"), (0, "Banky", "PER"), (1, "John Banky", "PER"), (1, "Alan Steinberg", "PER"), (1, "Steinberg", "LOC"), (2, "Steinberg", "LOC"), (2, "Alan Steinberg", "PER")];
        let refs: Vec<MentionRef> = ms.iter().map(|(d, t, l)| MentionRef { doc: *d, text: t, label: l.parse().unwrap() }).collect();
        let got: Vec<(String, Vec<String>, EntityLabel)> = resolve(&refs).into_iter().map(|e| (e.canonical, e.aliases, e.label)).collect();
        assert_eq!(got[0].1, ["Banky", "Benjamin Banky"], "{got:?}");
        assert_eq!(got[2].1, ["Alan Steinberg", "Steinberg"], "{got:?}");
        assert_eq!(got[2].2, EntityLabel::Per, "{got:?}");
        // A lone word in a document that names no such person stays apart.
        let ms = [(0, "Alan Steinberg", "PER"), (0, "Steinberg", "LOC"), (1, "Steinberg", "LOC")];
        let refs: Vec<MentionRef> = ms.iter().map(|(d, t, l)| MentionRef { doc: *d, text: t, label: l.parse().unwrap() }).collect();
        assert_eq!(resolve(&refs).len(), 2);
    }

    #[test]
    fn names_of_places_are_places() {
        let refs: Vec<MentionRef> =
            [("Dravna River", "ORG"), ("Brezhovo Dam", "ORG"), ("Brezhovo Dam", "ORG"), ("Banda Aceh", "PER"), ("Tehran", "PER"), ("Jordan", "PER")].iter().map(|(t, l)| MentionRef { doc: 0, text: t, label: l.parse().unwrap() }).collect();
        let got: Vec<(String, EntityLabel)> = resolve(&refs).into_iter().map(|e| (e.canonical, e.label)).collect();
        assert_eq!(got[0], ("Dravna River".to_string(), EntityLabel::Loc));
        assert_eq!(got[1], ("Brezhovo Dam".to_string(), EntityLabel::Loc));
        assert_eq!(got[3], ("Tehran".to_string(), EntityLabel::Loc));
        assert_eq!(got[4], ("Jordan".to_string(), EntityLabel::Per));
    }

    #[test]
    fn acronyms_link_to_their_long_forms_only_across_non_persons() {
        let got = run(&[("United States", "LOC"), ("U.S.", "LOC"), ("European Union", "ORG"), ("EU", "ORG"), ("Beacon Press Agency", "ORG"), ("BPA", "ORG")]);
        assert_eq!(got.len(), 3, "{got:?}");
        let got = run(&[("National Civil Protection Directorate", "ORG"), ("Civil Protection", "ORG"), ("White House", "LOC")]);
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
