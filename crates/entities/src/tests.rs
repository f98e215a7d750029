//! Crate-level tests on invented data: training, decoding, file format, robustness.

use crate::*;

const TINY: &str = "\
-DOCSTART- -X- -X- O

Anna NNP B-NP B-PER
Kowalski NNP I-NP I-PER
visited VBD B-VP O
Gdansk NNP B-NP B-LOC
. . O O

Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
hired VBD B-VP O
Anna NNP B-NP B-PER
in IN O O
Gdansk NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

GDANSK NNP B-NP B-LOC
1996-08-22 CD I-NP O

Polish JJ B-NP B-MISC
fans NNS I-NP O
cheered VBD B-VP O
Kowalski NNP B-NP B-PER
. . O O

the DT B-NP O
Acme NNP I-NP B-ORG
Corp NNP I-NP I-ORG
board NN I-NP O
met VBD B-VP O
in IN O O
Warsaw NNP B-NP B-LOC
. . O O
";

fn tiny_model(scheme: Scheme) -> Model {
    let docs = read_conll(TINY);
    let cfg = TrainConfig { max_epochs: 30, bits: 16, scheme, gazetteer_folds: 1, ..TrainConfig::default() };
    train(&docs, None, None, &cfg).0
}

fn t(tags: &[&str]) -> Vec<Tag> {
    tags.iter().map(|s| Tag::parse(s)).collect()
}

#[test]
fn reads_conll_documents() {
    let docs = read_conll(TINY);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].len(), 2);
    assert_eq!(docs[1][0].tokens, ["GDANSK", "1996-08-22"]);
    assert_eq!(docs[0][1].tags[0], Tag::B(Kind::Org));
}

#[test]
fn learns_training_sentences() {
    // The averaged perceptron need not fit every training token (a zero-margin
    // tie in the final weights can flip after averaging), but nearly all.
    for scheme in [Scheme::Bilou, Scheme::Iob2] {
        let m = tiny_model(scheme);
        let (mut ok, mut all) = (0, 0);
        for s in read_conll(TINY).iter().flatten() {
            let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
            let pred = m.tag(&toks);
            ok += pred.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
            all += toks.len();
        }
        assert!(ok + 1 >= all, "{scheme:?}: {ok}/{all}");
    }
}

#[test]
fn generalises_a_little() {
    let m = tiny_model(Scheme::Bilou);
    let tags = m.tag(&["Acme", "Corp", "hired", "Kowalski", "."]);
    assert_eq!(tags, t(&["B-ORG", "I-ORG", "O", "B-PER", "O"]));
}

#[test]
fn spans_from_tags() {
    let tags = t(&["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-MISC"]);
    let s = spans(&tags);
    assert_eq!(
        s,
        vec![
            Span { start: 0, end: 2, kind: Kind::Per },
            Span { start: 3, end: 4, kind: Kind::Loc },
            Span { start: 4, end: 5, kind: Kind::Org },
            Span { start: 5, end: 6, kind: Kind::Org },
            Span { start: 6, end: 7, kind: Kind::Misc },
        ]
    );
    assert!(spans(&[]).is_empty());
}

#[test]
fn serialization_round_trip() {
    let m = tiny_model(Scheme::Bilou);
    let bytes = m.save();
    let m2 = Model::load(&bytes).expect("load");
    assert_eq!(m2.save(), bytes);
    for s in read_conll(TINY).iter().flatten() {
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
        assert_eq!(m.tag(&toks), m2.tag(&toks));
    }
}

#[test]
fn load_rejects_garbage() {
    assert!(Model::load(b"").is_err());
    assert!(Model::load(b"not a model at all").is_err());
    let bytes = tiny_model(Scheme::Iob2).save();
    for cut in [8, 9, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::load(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut flipped = bytes.clone();
    flipped[13] = 0xff; // label count
    assert!(Model::load(&flipped).is_err());
}

#[test]
fn training_is_deterministic() {
    assert_eq!(tiny_model(Scheme::Bilou).save(), tiny_model(Scheme::Bilou).save());
}

#[test]
fn never_panics_on_odd_input() {
    let m = tiny_model(Scheme::Bilou);
    assert!(m.tag(&[]).is_empty());
    let huge: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
    let huge: Vec<&str> = huge.iter().map(|s| s.as_str()).collect();
    assert_eq!(m.tag(&huge).len(), huge.len());
    let long = "Ä".repeat(100_000);
    let weird = ["", " ", "\t", "\u{0}", "🙂🙂", "İstanbul", long.as_str(), "-DOCSTART-", "B-PER", "ǅ", "\u{200b}"];
    let tags = m.tag(&weird);
    assert_eq!(tags.len(), weird.len());
    // Output is always well-formed IOB2: no I- after O or another type.
    let mut prev = Tag::O;
    for tg in m.tag(&["Anna", "Acme", "Corp", "Gdansk", "Kowalski", "Warsaw", "GDANSK", "x"]) {
        if let Tag::I(k) = tg {
            assert!(matches!(prev, Tag::B(p) | Tag::I(p) if p == k));
        }
        prev = tg;
    }
}

#[test]
fn scores_match_hand_count() {
    let mut sc = Scores::default();
    sc.add(&t(&["B-PER", "I-PER", "O", "B-LOC"]), &t(&["B-PER", "I-PER", "O", "B-ORG"]));
    let (p, r, f) = sc.overall();
    assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
    assert_eq!(sc.of(Kind::Per).2, 1.0);
}

#[test]
fn generic_tagger_other_labels() {
    // The perceptron works for any label set, e.g. quote attribution tags.
    use crate::features::NerFeatures;
    use newsfuse_learn::hash::Rng;
    use newsfuse_learn::perceptron::{FeatureExtractor, Perceptron, SentenceFeatures, Trainer};
    let labels: Vec<String> = ["O", "SPEAKER", "CUE"].iter().map(|s| s.to_string()).collect();
    let fx = NerFeatures::default();
    let sents = [(vec!["Smith", "said", "yes"], vec![1u16, 2, 0]), (vec!["Jones", "said", "no"], vec![1, 2, 0])];
    let data: Vec<(SentenceFeatures, Vec<u16>)> = sents
        .iter()
        .map(|(toks, gold)| {
            let mut sf = SentenceFeatures::default();
            fx.extract(toks, &mut sf);
            (sf, gold.clone())
        })
        .collect();
    let mut tr = Trainer::new(Perceptron::new(labels, 10));
    let mut rng = Rng::new(1);
    for _ in 0..5 {
        tr.epoch(&data, &mut rng);
    }
    let m = tr.averaged();
    let mut sf = SentenceFeatures::default();
    fx.extract(&["Brown", "said", "maybe"], &mut sf);
    let (mut scores, mut out) = (Vec::new(), Vec::new());
    m.decode(&sf, &mut scores, &mut out);
    assert_eq!(out, vec![1, 2, 0]);
}


#[test]
fn document_stage_round_trip() {
    let docs = read_conll(TINY);
    let cfg = TrainConfig { max_epochs: 10, bits: 12, gazetteer_folds: 2, ..TrainConfig::default() };
    let (m, report) = train(&docs, Some(&docs), None, &cfg);
    assert!(m.has_document_stage());
    assert!(report.best_doc_epoch > 0);
    let m2 = Model::load(&m.save()).unwrap();
    assert_eq!(m2.save(), m.save());
    let sents: Vec<Vec<&str>> = docs[1].iter().map(|s| s.tokens.iter().map(|t| t.as_str()).collect()).collect();
    assert_eq!(m.tag_document(&sents), m2.tag_document(&sents));
    assert!(m.tag_document(&[]).is_empty());
    let odd = m.tag_document(&[vec![], vec!["", "GDANSK"], vec!["Gdansk"]]);
    assert_eq!(odd.iter().map(|s| s.len()).collect::<Vec<_>>(), [0, 2, 1]);
}
