#!/usr/bin/env python3
"""Score newsfuse's cross-checked record against the record-level gold (stdlib only).

  python3 eval/record/score.py --sets eval/record/sets --prepared DIR --analyses DIR
        [--texts DIR] [--dated DIR] [--judgments eval/record/judgments]
        [--only ID,ID] [--heldout include|exclude|only] [--errors] [--json]
        [--min KEY=VALUE ...]

DIR/<set>.jsonl     prepare.py's output (gold offsets are Python character offsets into its "text")
--analyses DIR      DIR/<set>.json: `newsfuse analyze DIR/<set>.jsonl --format json`
--texts DIR         DIR/<set>.read.jsonl: `newsfuse read DIR/<set>.jsonl`, the document text newsfuse's
                    UTF-8 byte spans point into (default: the --analyses folder). Without it only
                    citations that carry their own "text" can be mapped.
--dated DIR         analyses of a run on `prepare.py --strip-dates` output, for the dating score
                    (default: the --analyses folder)

newsfuse's text differs from the prepared text (paragraph breaks, dropped bylines), so every
citation is mapped by locating its passage in the prepared text (whitespace-normalised search,
the occurrence nearest the expected position; long passages fall back to their first and last
words) and spans are then compared by character overlap.

Scores, per set and overall (counts summed over sets; B3 averaged over sets):
  conflicts    P/R: every predicted conflict (any kind, update=false) counts; it matches a gold
               conflict when two of its sides overlap the gold's two sides (either order) and the kinds
               agree on speaker vs not (a speaker conflict matches only a gold speaker conflict).
               Predicted conflicts that hit a gold trap or show a gold update are counted and listed.
  updates      P/R: a predicted conflict with update=true matches a gold update the same way.
               Only conflicts and updates newsfuse flags count: a "confidence" below
               --min-confidence (default 0.5, newsfuse's SHOWN_CONFIDENCE: summaries do not show them)
               is left out; --min-confidence 0 scores every conflict in the JSON.
  stories      B3 F1 of newsfuse's stories against the gold "event" labels.
  dates        of documents with a gold "published": right (within 1 day) / wrong / undated.
  speakers     recall of gold statements (a quote variant overlapping the gold cite); accuracy of
               the speaker on those found (null gold speaker: right when newsfuse gives none);
               share of gold non-statements that newsfuse reports as quotes.
  entities     share of the gold entities that newsfuse has as exactly one entity in each story
               where they occur (no split, no merge with another gold entity); a gold entity none of
               whose forms is a newsfuse name or alias is "missed" (and not one); splits, merges.
  corroboration / quote matches   precision from judgments/<set>.json of the first 15 corroborated
               statements and the first 15 cross-outlet quote matches per set (unjudged = wrong,
               listed).

--stubs DIR writes, per set, judgment stubs for the unjudged items (fill in "same" and "why", then
merge them into judgments/<set>.json; a stub left at "same": null still counts as unjudged).

--min KEY=VALUE (repeatable) exits 1 when an overall score is below VALUE; keys are those of the
"overall" object of --json (e.g. conflict_precision, conflict_recall, update_recall, story_b3_f1,
date_accuracy, date_wrong_share, speaker_accuracy, statement_recall, entity_one_share, corroboration_precision,
quote_match_precision); --max KEY=VALUE likewise exits 1 when a score is above VALUE
(nonstatement_reported_share, where lower is better).
"""
import argparse, bisect, json, pathlib, re, sys, unicodedata
from collections import Counter, defaultdict
from datetime import date

HERE = pathlib.Path(__file__).resolve().parent
CAP = 15          # judged items per kind per set


# ---------------------------------------------------------------- text mapping

def _norm_with_map(text):
    """Whitespace-collapsed, NFKC-folded text plus the original index of every kept character."""
    out, idx, prev_space = [], [], True
    for i, ch in enumerate(text):
        ch = unicodedata.normalize('NFKC', ch)
        ch = {'\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-'}.get(ch, ch)
        if not ch:
            continue
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = ' ', True
        else:
            prev_space = False
        for c in ch:
            out.append(c)
            idx.append(i)
    return ''.join(out), idx


class DocMap:
    """Maps newsfuse citations of one document onto the prepared text."""

    def __init__(self, prepared_text, nf_text=None):
        self.text = prepared_text
        self.norm, self.idx = _norm_with_map(prepared_text)
        self.nf = nf_text
        self.nf_bytes = nf_text.encode('utf8') if nf_text is not None else None

    def _find(self, passage, expect):
        p, _ = _norm_with_map(passage)
        p = p.strip()
        if not p:
            return None
        hits, i = [], self.norm.find(p)
        while i >= 0:
            hits.append(i)
            i = self.norm.find(p, i + 1)
        if hits:
            i = min(hits, key=lambda h: abs(h - expect))
            s, e = self.idx[i], self.idx[i + len(p) - 1] + 1
            return (s, e)
        # fall back on the first and last words (newsfuse may join segments with an ellipsis)
        parts = [q.strip() for q in re.split(r'\s*\u2026\s*|\s*\.\.\.\s*', p) if q.strip()]
        if len(parts) > 1:
            first = self._find(parts[0], expect)
            last = self._find(parts[-1], expect if first is None else first[0])
            if first and last and last[1] > first[0]:
                return (first[0], last[1])
            return first or last
        if len(p) > 60:
            head, tail = self._find(p[:40], expect), None
            if head:
                tail = self._find(p[-40:], head[0] + len(p))
                if tail and tail[1] > head[0] and tail[1] - head[0] < 3 * len(p):
                    return (head[0], tail[1])
                return head
        return None

    def map(self, cite):
        """(start, end) in prepared characters, or None."""
        span = cite.get('span') or [0, 0]
        passage, expect = None, 0
        if self.nf_bytes is not None:
            b0, b1 = span
            passage = self.nf_bytes[b0:b1].decode('utf8', 'replace')
            expect_chars = len(self.nf_bytes[:b0].decode('utf8', 'replace'))
            expect = int(expect_chars * len(self.norm) / max(1, len(self.nf)))
        elif cite.get('text'):
            passage = cite['text']
        if not passage:
            return None
        return self._find(passage, expect)


def overlaps(a, b):
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def overlap_len(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) if a and b else 0


# ---------------------------------------------------------------- names

TITLES = {'mr', 'mrs', 'ms', 'dr', 'sgt', 'gov', 'capt', 'cpl', 'lt', 'judge', 'president', 'the', 'prime',
          'minister', 'officer', 'chief', 'secretary', 'senator', 'sen', 'rep', 'ada', 'commissioner', 'st'}
GENERIC = {'police', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources',
           'government', 'ministry', 'department', 'office', 'agency', 'company', 'statement', 'representative',
           'rep', 'authorities', 'of', 'and', 'for', 'a', 'an', 'he', 'she', 'they', 'it', 'his', 'her', 'their'}


def name_tokens(s):
    s = unicodedata.normalize('NFKD', s or '').encode('ascii', 'ignore').decode().lower()
    s = re.sub(r"'s\b", '', s)
    return [t for t in re.findall(r'[a-z0-9]+', s) if t not in TITLES]


def norm_form(s):
    return ' '.join(name_tokens(s))


def names_match(pred, gold, gold_forms=()):
    """A predicted speaker matches a gold speaker when equal, when one's distinctive words are a
    subset of the other's ("Guest" / "Peter Guest"), or when it equals a form of the gold entity."""
    p = name_tokens(pred)
    if not p:
        return False
    cands = [gold] + list(gold_forms)
    for g in cands:
        gt = name_tokens(g)
        if not gt:
            continue
        if p == gt:
            return True
        small, big = (p, gt) if len(p) <= len(gt) else (gt, p)
        if set(small) <= set(big) and set(small) - GENERIC:
            return True
    return False


# ---------------------------------------------------------------- loading

def load_jsonl(path):
    with open(path, encoding='utf8') as f:
        return [json.loads(l) for l in f if l.strip()]


def parse_day(s):
    if not s:
        return None
    m = re.match(r'(\d{4})-(\d{2})-(\d{2})', s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class SetRun:
    def __init__(self, spec, prepared, analysis, texts, dated, judgments):
        self.spec = spec
        self.sid = spec['id']
        self.text = {d['id']: d['text'] for d in prepared}
        nf = {d['id']: d.get('text') for d in texts} if texts else {}
        self.maps = {i: DocMap(t, nf.get(i)) for i, t in self.text.items()}
        self.analysis = analysis
        self.dated = dated
        self.judgments = judgments or {}
        self.unmapped = 0
        self.mapped = 0
        self.source_of = {d['id']: d.get('source') for d in analysis.get('documents', [])}
        self.stubs = {'corroborations': [], 'quote_matches': []}

    # a citation -> (doc, (s, e)) or None
    def cite(self, c):
        m = self.maps.get(c.get('doc'))
        if m is None:
            self.unmapped += 1
            return None
        r = m.map(c)
        if r is None:
            self.unmapped += 1
            return None
        self.mapped += 1
        return (c['doc'], r)

    def gcite(self, g):
        return (g['doc'], (g['start'], g['end']))

    def show(self, c):
        if c is None:
            return '(unmapped)'
        doc, (s, e) = c
        t = re.sub(r'\s+', ' ', self.text[doc][s:e])
        return f'{doc}[{s}:{e}] "{t[:160]}{"…" if len(t) > 160 else ""}"'


def hit(pc, gc):
    return pc is not None and pc[0] == gc[0] and overlaps(pc[1], gc[1])


def sides_match(sides, ga, gb):
    """sides: list of lists of mapped cites. True when side i overlaps ga and side j != i overlaps gb."""
    ia = {i for i, side in enumerate(sides) if any(hit(c, ga) for c in side)}
    ib = {i for i, side in enumerate(sides) if any(hit(c, gb) for c in side)}
    return any(i != j for i in ia for j in ib)


# ---------------------------------------------------------------- scoring one set

def b3(pred, gold):
    docs = list(gold)
    if not docs:
        return 0.0, 0.0, 0.0
    pc, gc = defaultdict(set), defaultdict(set)
    for d in docs:
        pc[pred.get(d, ('single', d))].add(d)
        gc[gold[d]].add(d)
    p = sum(len(pc[pred.get(d, ('single', d))] & gc[gold[d]]) / len(pc[pred.get(d, ('single', d))]) for d in docs) / len(docs)
    r = sum(len(pc[pred.get(d, ('single', d))] & gc[gold[d]]) / len(gc[gold[d]]) for d in docs) / len(docs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


MIN_CONFIDENCE = 0.5


def score_set(run):
    spec, an = run.spec, run.analysis
    res, errs = {}, defaultdict(list)
    stories = an.get('stories', [])

    # ---- conflicts and updates
    preds = []
    for st in stories:
        for c in st.get('conflicts', []):
            if c.get('confidence', 1.0) < MIN_CONFIDENCE:
                continue
            sides = [[run.cite(x) for x in side.get('citations', [])] for side in c.get('sides', [])]
            preds.append((c, sides, st.get('id')))
    gconf = spec.get('conflicts', [])
    gupd = spec.get('updates', [])
    gtrap = spec.get('traps', [])
    gc_pairs = [(run.gcite(g['a']), run.gcite(g['b'])) for g in gconf]
    gu_pairs = [(run.gcite(g['earlier']), run.gcite(g['later'])) for g in gupd]
    gt_pairs = [(run.gcite(g['a']), run.gcite(g['b'])) for g in gtrap]
    conf_found, upd_found, upd_as_conf = set(), set(), set()
    n_pc = n_pc_ok = n_pu = n_pu_ok = n_trap = n_upd_as_conf = 0
    for c, sides, sid in preds:
        # a speaker conflict can only be a gold speaker conflict, and the other kinds only the other kinds
        # (a many-sided speaker conflict otherwise "matches" any figure quoted in two statements)
        is_spk = c.get('kind') == 'speaker'
        mc = [i for i, (a, b) in enumerate(gc_pairs)
              if (gconf[i].get('kind') == 'speaker') == is_spk and sides_match(sides, a, b)]
        mu = [i for i, (a, b) in enumerate(gu_pairs) if not is_spk and sides_match(sides, a, b)]
        mt = [i for i, (a, b) in enumerate(gt_pairs) if sides_match(sides, a, b)]
        if c.get('update'):
            n_pu += 1
            if mu:
                n_pu_ok += 1
                upd_found.update(mu)
            else:
                errs['false_updates'].append((c, sides, mc, mt))
        else:
            n_pc += 1
            if mu:
                n_upd_as_conf += 1
                upd_as_conf.update(mu)
            if mc:
                n_pc_ok += 1
                conf_found.update(mc)
            else:
                if mt:
                    n_trap += 1
                errs['false_conflicts'].append((c, sides, mu, mt))
    for i, g in enumerate(gconf):
        if i not in conf_found:
            errs['missed_conflicts'].append(g)
    for i, g in enumerate(gupd):
        if i not in upd_found:
            errs['missed_updates'].append((g, i in upd_as_conf))
    res.update(conflicts_pred=n_pc, conflicts_pred_ok=n_pc_ok, conflicts_gold=len(gconf),
               conflicts_gold_found=len(conf_found), conflicts_on_traps=n_trap,
               updates_shown_as_conflicts=n_upd_as_conf,
               updates_pred=n_pu, updates_pred_ok=n_pu_ok, updates_gold=len(gupd), updates_gold_found=len(upd_found))

    # ---- stories
    gold_ev = {d['doc']: d['event'] for d in spec['documents']}
    pred_story = {d['id']: d.get('story') for d in an.get('documents', []) if d.get('story') is not None}
    p, r, f = b3(pred_story, gold_ev)
    res.update(story_b3_p=p, story_b3_r=r, story_b3_f1=f, stories_pred=len(stories),
               events_gold=len({d['event'] for d in spec['documents']}))

    # ---- dates
    dated = {d['id']: d for d in (run.dated or an).get('documents', [])}
    right = wrong = undated = 0
    for d in spec['documents']:
        g = parse_day(d.get('published'))
        if g is None:
            continue
        pd = dated.get(d['doc'], {}).get('date')
        pday = parse_day(pd)
        if pday is None:
            undated += 1
            errs['undated'].append((d['doc'], d['published'], pd))
        elif abs((pday - g).days) <= 1:
            right += 1
        else:
            wrong += 1
            errs['wrong_dates'].append((d['doc'], d['published'], pd, dated.get(d['doc'], {}).get('date_provenance')))
    res.update(dates_right=right, dates_wrong=wrong, dates_undated=undated)

    # ---- statements and speakers
    ent_forms = {e['name']: e.get('forms', []) for e in spec.get('entities', [])}
    variants = []
    for st in stories:
        for q in st.get('quotes', []):
            for v in q.get('variants', []):
                variants.append((run.cite(v['cite']), v.get('speaker') or (q.get('speaker') if len(q.get('variants', [])) == 1 else None), v))
    found = right_spk = nonst = nonst_hit = 0
    gold_true = [s for s in spec.get('statements', []) if s.get('statement', True)]
    for s in spec.get('statements', []):
        gc = run.gcite(s['cite'])
        cands = [(overlap_len(vc[1], gc[1]), vc, spk, v) for vc, spk, v in variants if hit(vc, gc)]
        if not s.get('statement', True):
            nonst += 1
            if cands:
                nonst_hit += 1
                errs['nonstatements_reported'].append((s, cands[0][1], cands[0][2]))
            continue
        if not cands:
            errs['missed_statements'].append(s)
            continue
        found += 1
        cands.sort(key=lambda x: -x[0])
        _, vc, spk, v = cands[0]
        gs = s.get('speaker')
        ok = (not spk) if gs is None else bool(spk) and names_match(spk, gs, ent_forms.get(gs, ()))
        if ok:
            right_spk += 1
        else:
            errs['wrong_speakers'].append((s, vc, spk, v.get('source')))
    res.update(statements_gold=len(gold_true), statements_found=found, speakers_right=right_spk,
               nonstatements_gold=nonst, nonstatements_reported=nonst_hit)

    # ---- entities
    form_owner = defaultdict(set)
    for e in spec.get('entities', []):
        for f in e.get('forms', []) + [e['name']]:
            form_owner[norm_form(f)].add(e['name'])
    per_gold = defaultdict(lambda: defaultdict(list))   # gold name -> story -> [pred entity names]
    merged = set()
    for st in stories:
        for pe in st.get('entities', []):
            forms = {norm_form(a) for a in pe.get('aliases', []) + [pe.get('name', '')]}
            owners = set().union(*[form_owner.get(f, set()) for f in forms]) if forms else set()
            for o in owners:
                per_gold[o][st.get('id')].append(pe.get('name'))
            if len(owners) > 1:
                merged |= owners
                errs['entity_merges'].append((pe.get('name'), pe.get('aliases'), sorted(owners)))
    one = split = missed = 0
    for e in spec.get('entities', []):
        byst = per_gold.get(e['name'])
        if not byst:
            missed += 1
            errs['entities_missed'].append(e['name'])
            continue
        is_split = any(len(v) > 1 for v in byst.values())
        if is_split:
            split += 1
            errs['entity_splits'].append((e['name'], {k: v for k, v in byst.items() if len(v) > 1}))
        if not is_split and e['name'] not in merged:
            one += 1
    res.update(entities_gold=len(spec.get('entities', [])), entities_one=one, entities_split=split,
               entities_merged=len(merged & {e['name'] for e in spec.get('entities', [])}), entities_missed=missed)

    # ---- judged items: corroborated statements and cross-outlet quote matches
    def judge(items, kind):
        jl = [(run.gcite(j['a']), run.gcite(j['b']), j) for j in run.judgments.get(kind, [])
              if j.get('same') is not None]          # a stub with "same": null is still unjudged
        ok = bad = unj = 0
        for a, b, label in items:
            best = None
            for ja, jb, j in jl:
                if (hit(a, ja) and hit(b, jb)) or (hit(a, jb) and hit(b, ja)):
                    sc = overlap_len(a[1], ja[1] if a[0] == ja[0] else jb[1]) + overlap_len(b[1], jb[1] if b[0] == jb[0] else ja[1])
                    if best is None or sc > best[0]:
                        best = (sc, j)
            if best is None:
                unj += 1
                errs[f'unjudged_{kind}'].append((label, a, b))
                if a and b:
                    run.stubs[kind].append({'a': {'doc': a[0], 'start': a[1][0], 'end': a[1][1]},
                                            'b': {'doc': b[0], 'start': b[1][0], 'end': b[1][1]},
                                            'same': None, 'why': ''})   # no text: judgments are committed
            elif best[1].get('same'):
                ok += 1
            else:
                bad += 1
                errs[f'wrong_{kind}'].append((label, a, b, best[1].get('why', '')))
        return ok, bad, unj

    corr_items, qm_items = [], []
    for st in stories:
        for s in st.get('statements', []):
            if len(corr_items) >= CAP:
                break
            cs = s.get('citations', [])
            if len(cs) < 2:
                continue
            src0 = run.source_of.get(cs[0]['doc'])
            other = next((c for c in cs[1:] if run.source_of.get(c['doc']) != src0), cs[1])
            corr_items.append((run.cite(cs[0]), run.cite(other), s.get('text', '')[:100]))
        for q in st.get('quotes', []):
            if len(qm_items) >= CAP:
                break
            vs = q.get('variants', [])
            srcs = {run.source_of.get(v['cite']['doc']) for v in vs}
            if len(vs) < 2 or len(srcs) < 2:
                continue
            src0 = run.source_of.get(vs[0]['cite']['doc'])
            other = next(v for v in vs[1:] if run.source_of.get(v['cite']['doc']) != src0)
            qm_items.append((run.cite(vs[0]['cite']), run.cite(other['cite']), q.get('text', '')[:100]))
    ok, bad, unj = judge(corr_items, 'corroborations')
    res.update(corroborations_items=len(corr_items), corroborations_same=ok, corroborations_not=bad, corroborations_unjudged=unj)
    ok, bad, unj = judge(qm_items, 'quote_matches')
    res.update(quote_matches_items=len(qm_items), quote_matches_same=ok, quote_matches_not=bad, quote_matches_unjudged=unj)
    res.update(citations_mapped=run.mapped, citations_unmapped=run.unmapped)
    return res, errs


# ---------------------------------------------------------------- aggregation and output

def ratio(a, b):
    return a / b if b else None


def derived(c):
    return {
        'conflict_precision': ratio(c['conflicts_pred_ok'], c['conflicts_pred']),
        'conflict_recall': ratio(c['conflicts_gold_found'], c['conflicts_gold']),
        'update_precision': ratio(c['updates_pred_ok'], c['updates_pred']),
        'update_recall': ratio(c['updates_gold_found'], c['updates_gold']),
        'date_accuracy': ratio(c['dates_right'], c['dates_right'] + c['dates_wrong'] + c['dates_undated']),
        'date_wrong_share': ratio(c['dates_wrong'], c['dates_right'] + c['dates_wrong'] + c['dates_undated']),
        'statement_recall': ratio(c['statements_found'], c['statements_gold']),
        'speaker_accuracy': ratio(c['speakers_right'], c['statements_found']),
        'nonstatement_reported_share': ratio(c['nonstatements_reported'], c['nonstatements_gold']),
        'entity_one_share': ratio(c['entities_one'], c['entities_gold']),
        'corroboration_precision': ratio(c['corroborations_same'], c['corroborations_items']),
        'quote_match_precision': ratio(c['quote_matches_same'], c['quote_matches_items']),
    }


def fmt(x, pct=True):
    if x is None:
        return '   -'
    return f'{x:4.2f}'


def table(rows, overall):
    head = ('set', 'docs', 'B3F1', 'conf P', 'conf R', 'n p/g', 'trap', 'upd P', 'upd R', 'date ok/w/u',
            'stmt R', 'spk acc', 'non-st', 'ent 1', 'spl/mrg/mis', 'corr P', 'qm P')
    lines = ['  '.join(f'{h:>11}' if i else f'{h:<10}' for i, h in enumerate(head))]

    def row(name, c, d, docs):
        cells = [name, str(docs), fmt(c.get('story_b3_f1')), fmt(d['conflict_precision']), fmt(d['conflict_recall']),
                 f"{c['conflicts_pred']}/{c['conflicts_gold']}", str(c['conflicts_on_traps']),
                 fmt(d['update_precision']), fmt(d['update_recall']),
                 f"{c['dates_right']}/{c['dates_wrong']}/{c['dates_undated']}",
                 fmt(d['statement_recall']), fmt(d['speaker_accuracy']), fmt(d['nonstatement_reported_share']),
                 fmt(d['entity_one_share']), f"{c['entities_split']}/{c['entities_merged']}/{c['entities_missed']}",
                 fmt(d['corroboration_precision']), fmt(d['quote_match_precision'])]
        return '  '.join(f'{x:>11}' if i else f'{x:<10}' for i, x in enumerate(cells))
    for name, c, docs, held in rows:
        lines.append(row(name + ('*' if held else ''), c, derived(c), docs))
    lines.append(row('ALL', overall['counts'], overall, overall['documents']))
    return '\n'.join(lines)


def print_errors(run, errs, out):
    def p(*a):
        print(*a, file=out)
    sid = run.sid
    for c, sides, mu, mt in errs.get('false_conflicts', []):
        why = ' [a gold trap]' if mt else (' [a gold UPDATE shown as a conflict]' if mu else '')
        p(f'  {sid} FALSE CONFLICT ({c.get("kind")}) about {c.get("about", "")[:80]!r}{why}')
        for side, s in zip(c.get('sides', []), sides):
            p(f'      side {side.get("value")!r}: ' + ' | '.join(run.show(x) for x in s[:3]))
    for c, sides, mc, mt in errs.get('false_updates', []):
        p(f'  {sid} FALSE UPDATE ({c.get("kind")}) about {c.get("about", "")[:80]!r}' + (' [a gold conflict]' if mc else ''))
        for side, s in zip(c.get('sides', []), sides):
            p(f'      side {side.get("value")!r}: ' + ' | '.join(run.show(x) for x in s[:3]))
    for g in errs.get('missed_conflicts', []):
        p(f'  {sid} MISSED CONFLICT ({g["kind"]}) {g["quantity"]}: {run.show(run.gcite(g["a"]))} vs {run.show(run.gcite(g["b"]))}')
    for g, as_conf in errs.get('missed_updates', []):
        p(f'  {sid} MISSED UPDATE {g["quantity"]}' + (' (shown as a conflict)' if as_conf else '') +
          f': {run.show(run.gcite(g["earlier"]))} -> {run.show(run.gcite(g["later"]))}')
    for doc, gold, pred in errs.get('undated', []):
        p(f'  {sid} UNDATED {doc}: gold {gold}')
    for doc, gold, pred, prov in errs.get('wrong_dates', []):
        p(f'  {sid} WRONG DATE {doc}: gold {gold}, newsfuse {pred} ({prov})')
    for s in errs.get('missed_statements', []):
        p(f'  {sid} MISSED STATEMENT ({s.get("speaker")}): {run.show(run.gcite(s["cite"]))}')
    for s, vc, spk, src in errs.get('wrong_speakers', []):
        p(f'  {sid} WRONG SPEAKER: gold {s.get("speaker")!r}, newsfuse {spk!r} (source words {src!r}): {run.show(run.gcite(s["cite"]))}')
    for s, vc, spk in errs.get('nonstatements_reported', []):
        p(f'  {sid} NON-STATEMENT REPORTED ({s.get("note", "")}) as said by {spk!r}: {run.show(run.gcite(s["cite"]))}')
    for name, aliases, owners in errs.get('entity_merges', []):
        p(f'  {sid} ENTITY MERGE {name!r} {aliases} holds gold entities {owners}')
    for name, byst in errs.get('entity_splits', []):
        p(f'  {sid} ENTITY SPLIT {name!r}: ' + '; '.join(f'story {k}: {v}' for k, v in byst.items()))
    for name in errs.get('entities_missed', []):
        p(f'  {sid} ENTITY MISSED {name!r} (no newsfuse entity has any of its forms)')
    for kind in ('corroborations', 'quote_matches'):
        for label, a, b, why in errs.get(f'wrong_{kind}', []):
            p(f'  {sid} WRONG {kind.rstrip("s").upper()} ({why}): {run.show(a)} / {run.show(b)}')
        for label, a, b in errs.get(f'unjudged_{kind}', []):
            p(f'  {sid} UNJUDGED {kind.rstrip("s").upper()}: {label!r}: {run.show(a)} / {run.show(b)}')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--sets', type=pathlib.Path, default=HERE / 'sets')
    ap.add_argument('--prepared', type=pathlib.Path, required=True)
    ap.add_argument('--analyses', type=pathlib.Path, required=True)
    ap.add_argument('--texts', type=pathlib.Path)
    ap.add_argument('--dated', type=pathlib.Path)
    ap.add_argument('--judgments', type=pathlib.Path, default=HERE / 'judgments')
    ap.add_argument('--only', default='')
    ap.add_argument('--heldout', choices=('include', 'exclude', 'only'), default='include')
    ap.add_argument('--errors', action='store_true')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--min', action='append', default=[], metavar='KEY=VALUE')
    ap.add_argument('--max', action='append', default=[], metavar='KEY=VALUE',
                    help='like --min for scores where lower is better (nonstatement_reported_share)')
    ap.add_argument('--stubs', type=pathlib.Path, metavar='DIR',
                    help='write DIR/<set>.json with a judgment stub ("same": null) for every unjudged item, '
                         'to be read, filled in (same: true/false, why) and merged into judgments/<set>.json')
    ap.add_argument('--min-confidence', type=float, default=0.5,
                    help='score only conflicts and updates whose "confidence" is at least this (default 0.5: '
                         'those newsfuse shows; 0 scores every conflict in the JSON)')
    a = ap.parse_args(argv)
    global MIN_CONFIDENCE
    MIN_CONFIDENCE = a.min_confidence
    texts_dir = a.texts or a.analyses
    only = {s for s in a.only.split(',') if s}
    rows, per_set, total, ndocs, b3s = [], {}, Counter(), 0, []
    out = sys.stderr if a.json else sys.stdout
    skipped = []
    for sf in sorted(a.sets.glob('*.json')):
        spec = json.loads(sf.read_text(encoding='utf8'))
        sid = spec['id']
        held = bool(spec.get('heldout'))
        if only and sid not in only:
            continue
        if (a.heldout == 'exclude' and held) or (a.heldout == 'only' and not held):
            continue
        pp, ap_ = a.prepared / f'{sid}.jsonl', a.analyses / f'{sid}.json'
        if not pp.is_file() or not ap_.is_file():
            skipped.append(sid)
            continue
        tp = texts_dir / f'{sid}.read.jsonl'
        dp = (a.dated / f'{sid}.json') if a.dated else None
        jp = a.judgments / f'{sid}.json'
        run = SetRun(spec, load_jsonl(pp), json.loads(ap_.read_text(encoding='utf8')),
                     load_jsonl(tp) if tp.is_file() else None,
                     json.loads(dp.read_text(encoding='utf8')) if dp and dp.is_file() else None,
                     json.loads(jp.read_text(encoding='utf8')) if jp.is_file() else None)
        if not tp.is_file():
            print(f'score: {sid}: no {tp} (newsfuse read output); only citations with text are mapped', file=sys.stderr)
        res, errs = score_set(run)
        for k, v in res.items():
            if not k.startswith('story_b3'):
                total[k] += v
        b3s.append(res['story_b3_f1'])
        ndocs += len(spec['documents'])
        rows.append((sid, res, len(spec['documents']), held))
        per_set[sid] = dict(res, **{k: v for k, v in derived(res).items()}, heldout=held, documents=len(spec['documents']))
        if a.errors:
            print_errors(run, errs, out)
        if a.stubs and any(run.stubs.values()):
            a.stubs.mkdir(parents=True, exist_ok=True)
            (a.stubs / f'{spec["id"]}.json').write_text(json.dumps(run.stubs, indent=1, ensure_ascii=False) + '\n',
                                                         encoding='utf8')
    if skipped:
        print(f'score: skipped (no prepared input or analysis): {", ".join(skipped)}', file=sys.stderr)
    if not rows:
        sys.exit('score: no set scored')
    counts = dict(total)
    counts['story_b3_f1'] = sum(b3s) / len(b3s)
    overall = dict(derived(counts), story_b3_f1=counts['story_b3_f1'], documents=ndocs, sets=len(rows), counts=counts)
    if a.json:
        json.dump({'overall': overall, 'sets': per_set}, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        print(table(rows, overall))
        print(f"\n{len(rows)} sets, {ndocs} documents (* held out). conflicts: {counts['conflicts_pred_ok']}/{counts['conflicts_pred']} "
              f"predicted right, {counts['conflicts_gold_found']}/{counts['conflicts_gold']} gold found, "
              f"{counts['conflicts_on_traps']} on traps, {counts['updates_shown_as_conflicts']} gold updates shown as conflicts; "
              f"citations mapped {counts['citations_mapped']}, unmapped {counts['citations_unmapped']}")
    failed = []
    for m in a.min:
        k, _, v = m.partition('=')
        x = overall.get(k)
        if x is None or x < float(v):
            failed.append(f'{k}={x if x is None else round(x, 4)} < {v}')
    for m in a.max:
        k, _, v = m.partition('=')
        x = overall.get(k)
        if x is None or x > float(v):
            failed.append(f'{k}={x if x is None else round(x, 4)} > {v}')
    if failed:
        print('score: threshold not met: ' + '; '.join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
