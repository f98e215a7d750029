"""Accuracy gates: newsfuse's output on the shared gold sets, scored by the
canonical scorers in ../shared/scorers, must not fall below GATES. README's
results table lists the measured values; a gate below an issue's acceptance
level says so in its comment."""
import json, re, os, subprocess, sys, tempfile

GATES = {
    'aeb_f1': 0.96,               # issue 2 acceptance
    'wcxb_f1': 0.94,              # issue 2 acceptance
    'wcxb_title': 0.80,           # issue 2 acceptance
    'wcxb_date': 0.84,            # measured 0.845; issue 2 asks 0.90 (not met: see README)
    'wcxb_author': 0.75,          # issue 2 acceptance
    'tbaq_strict': 0.875,         # issue 3 asks 0.85; measured 0.8883
    'tbaq_value': 0.82,           # issue 3 asks 0.82; measured 0.8297
    'ecb_bcubed': 0.85,           # issue 6 acceptance
    'conll_f1': 0.90,             # issue 4 acceptance
    'duc_rouge1_recall': 0.38,    # issue 6 acceptance
    'duckling_overall': 0.86,     # issue 3 asks 0.70; measured 0.877
    'duckling_negative': 0.90,    # issue 3 acceptance
    'duckling_day_grain': 0.90,   # issue 3 asks 0.85; measured 0.916
    'polnear_content_partial': 0.70,  # measured 0.709; issue 5 asks 0.75 (not met)
    'polnear_content_token': 0.85,    # issue 5 asks 0.70; measured 0.856
    'polnear_source': 0.86,           # issue 5 asks 0.80; measured 0.878
    'polnear_direct_content': 0.90,   # issue 5 acceptance; measured 0.913
    'polnear_direct_source': 0.90,    # issue 5 acceptance; measured 0.922
}

shared, binary = sys.argv[1], sys.argv[2]
scorers = os.path.join(shared, 'scorers')
data = os.path.join(shared, 'data')
failures = []
tmp = tempfile.mkdtemp(prefix='newsfuse-gates-')


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        print(out.stdout[-2000:], out.stderr[-2000:])
        raise SystemExit(f'command failed: {" ".join(cmd)}')
    return out


def gate(name, value, key):
    threshold = GATES[key]
    ok = value >= threshold
    print(f'  {"ok  " if ok else "FAIL"} {name}: {value:.4f} (gate {threshold})')
    if not ok:
        failures.append(name)


def score_extraction(gold, pred):
    out = run(['python3', os.path.join(scorers, 'score_extraction.py'), gold, pred, '--json'])
    return json.loads(out.stdout.strip().splitlines()[-1])


print('-- article extraction, AEB (181 pages)')
pred = os.path.join(tmp, 'aeb.json')
run([binary, 'eval', 'aeb', os.path.join(data, 'extraction/aeb/html'), pred])
aeb = score_extraction(os.path.join(data, 'extraction/aeb/ground-truth.json'), pred)
gate('AEB F1', aeb['f1'], 'aeb_f1')

print('-- article extraction and metadata, WCXB dev (711 pages)')
pred_dir = os.path.join(tmp, 'wcxb')
run([binary, 'eval', 'wcxb', os.path.join(data, 'extraction/wcxb-dev/html'), pred_dir])
w = score_extraction(os.path.join(data, 'extraction/wcxb-dev/ground-truth'), pred_dir)
gate('WCXB word F1', w['f1'], 'wcxb_f1')
gate('WCXB title exact (pages with a title)', w['title_acc_present'], 'wcxb_title')
gate('WCXB date exact (pages with a date)', w['date_acc_present'], 'wcxb_date')
gate('WCXB author exact (pages with an author)', w['author_acc_present'], 'wcxb_author')

print('-- time expressions, TimeBank + AQUAINT (256 documents)')
gold_all, pred_all = os.path.join(tmp, 'tbaq-gold'), os.path.join(tmp, 'tbaq-pred')
os.makedirs(gold_all)
for subset in ('TimeBank', 'AQUAINT'):
    src = os.path.join(data, 'time/tbaq', subset)
    run([binary, 'timex', '--timeml', src, '--out', pred_all])
    for name in os.listdir(src):
        os.symlink(os.path.join(os.path.abspath(src), name), os.path.join(gold_all, name))
out = run(['python3', os.path.join(scorers, 'score_timex.py'), gold_all, pred_all, '--json'])
tx = json.loads(out.stdout.strip().splitlines()[-1])
gate('TBAQ strict F1', tx['strict']['f1'], 'tbaq_strict')
gate('TBAQ value F1', tx['value_f1'], 'tbaq_value')

print("-- time expressions, Duckling's English corpus (1031 cases)")
out = run(['cargo', 'run', '--release', '-q', '-p', 'newsfuse-time', '--features', 'eval', '--bin', 'newsfuse-time-eval', '--',
           'duckling', os.path.join(data, 'time/duckling-en-time.jsonl')])
rates = {}
for line in out.stdout.splitlines():
    parts = line.split()
    if len(parts) >= 3 and '/' in parts[-2]:
        print('   ', line)
        ok, total = parts[-2].split('/')
        rates[' '.join(parts[:-2])] = int(ok) / int(total)
gate('Duckling overall', rates['overall'], 'duckling_overall')
gate('Duckling negatives produce nothing', rates['negative'], 'duckling_negative')
gate('Duckling date/interval cases at day grain or coarser', rates['date/interval day+'], 'duckling_day_grain')

print('-- named entities, CoNLL-2003 dev (51,362 tokens)')
conll_dev = os.path.join(data, 'ner/conll2003/dev.txt')
conll_pred = os.path.join(tmp, 'ner-dev.conll')
open(conll_pred, 'w').write(run([binary, 'ner', '--conll', conll_dev]).stdout)
ner = json.loads(run(['python3', os.path.join(scorers, 'score_ner.py'), conll_dev, conll_pred, '--json']).stdout.strip().splitlines()[-1])
gate('CoNLL-2003 dev entity F1', ner['overall']['f1'], 'conll_f1')

print('-- story clustering, ECB+ topics 1-22 (462 documents, 40 stories)')
ecb_jsonl, ecb_gold = os.path.join(tmp, 'ecb.jsonl'), os.path.join(tmp, 'ecb-gold.json')
run(['python3', os.path.join(scorers, 'ecbplus_to_jsonl.py'), os.path.join(data, 'clustering/ecbplus'), ecb_jsonl, ecb_gold])
out = run([binary, 'cluster', ecb_jsonl])
ecb_pred = os.path.join(tmp, 'ecb-pred.jsonl')
open(ecb_pred, 'w').write(out.stdout)
sc = json.loads(run(['python3', os.path.join(scorers, 'score_clusters.py'), ecb_gold, ecb_pred, '--json']).stdout.strip().splitlines()[-1])
gate('ECB+ B-cubed F1', sc['bcubed']['f1'], 'ecb_bcubed')

print('-- multi-document summaries, DUC 2004 task 2 (25 clusters, 100 words)')
duc = os.path.join(data, 'summaries/duc2004')
duc_pred = os.path.join(tmp, 'duc-pred')
os.makedirs(duc_pred)
for cluster in sorted(os.listdir(os.path.join(duc, 'docs'))):
    cluster_jsonl = os.path.join(tmp, cluster + '.jsonl')
    open(cluster_jsonl, 'w').write(run(['python3', os.path.join(scorers, 'duc_to_jsonl.py'), os.path.join(duc, 'docs', cluster)]).stdout)
    open(os.path.join(duc_pred, cluster + '.txt'), 'w').write(run([binary, 'summarize', cluster_jsonl, '--words', '100']).stdout)
rouge = json.loads(run(['python3', os.path.join(scorers, 'score_rouge.py'), os.path.join(duc, 'models'), duc_pred, '--json']).stdout.strip().splitlines()[-1])
gate('DUC 2004 ROUGE-1 recall', rouge['rouge1']['recall'], 'duc_rouge1_recall')

print('-- attributions, PolNeAR dev (84 articles)')
polnear = os.path.join(data, 'quotes/polnear/dev')
quotes_pred = os.path.join(tmp, 'polnear-pred')
run([binary, 'quotes', '--brat', os.path.join(polnear, 'text'), '--out', quotes_pred])
att = json.loads(run(['python3', os.path.join(scorers, 'score_attribution.py'), os.path.join(polnear, 'attributions'), quotes_pred,
                      '--text', os.path.join(polnear, 'text'), '--json']).stdout.strip().splitlines()[-1])
gate('PolNeAR content span (>=50%) F1', att['content_partial']['f1'], 'polnear_content_partial')
gate('PolNeAR content token F1', att['token']['Content']['f1'], 'polnear_content_token')
gate('PolNeAR source accuracy', att['source_accuracy'], 'polnear_source')
direct = json.loads(run(['python3', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'scripts', 'score_direct_quotes.py'),
                         os.path.join(polnear, 'attributions'), quotes_pred, '--text', os.path.join(polnear, 'text'), '--json']).stdout.strip().splitlines()[-1])
gate('PolNeAR direct quotes: content span F1', direct['content_partial']['f1'], 'polnear_direct_content')
gate('PolNeAR direct quotes: source accuracy', direct['source_accuracy'], 'polnear_direct_source')

print('-- the founding seeds')
out = run([binary, 'read', os.path.join(shared, 'seeds')])
docs = [json.loads(l) for l in out.stdout.splitlines()]
seed_files = sorted(f for f in os.listdir(os.path.join(shared, 'seeds')) if f.endswith('.txt'))
checks = []
checks.append(('five documents, one per seed', len(docs) == len(seed_files) == 5))
checks.append(('all English', all(d['language']['code'] == 'en' for d in docs)))
checks.append(('exit status 0', out.returncode == 0))
for d, name in zip(docs, seed_files):
    raw = open(os.path.join(shared, 'seeds', name), encoding='utf8').read()
    lines = [l.strip() for l in raw.splitlines() if l.strip()]
    # No lost paragraphs: every line of the seed is in the text, or was moved to
    # title/byline/dateline/credits, or is page furniture the reader drops.
    moved = [d.get('title') or ''] + d.get('credits', [])
    kept = sum(1 for l in lines if l[:40] in d['text'] or any(l.strip('()')[:40] in m for m in moved))
    checks.append((f'{name}: {kept}/{len(lines)} lines kept or moved to metadata', kept >= len(lines) - 4))
# Document dates inferred from the text: May 2025, one written before the call of
# Monday 2025-05-19 (whose "10am on Monday" must resolve to the call), four after it.
dates = {d['id'][:3]: (d['published'].get('date') or '') for d in docs}
before = [i for i, dt in dates.items() if '2025-05-16' <= dt < '2025-05-19']
after = [i for i, dt in dates.items() if '2025-05-19' <= dt <= '2025-05-20']
checks.append((f'seed dates inferred {sorted(dates.items())}: one before the call, four after', len(before) == 1 and len(after) == 4))
pre = next((d for d in docs if d['id'][:3] in before), None)
ten_am = [t for t in (pre or {}).get('times', []) if t['value'].startswith('2025-05-19T10:00')]
checks.append(('"at 10am on Monday" in the pre-call report resolves to 2025-05-19T10:00', bool(ten_am)))
# One entity per person and place across the five seeds.
ents = [json.loads(l) for l in run([binary, 'entities', os.path.join(shared, 'seeds')]).stdout.splitlines()]
def entities_with(*forms):
    return [e for e in ents if any(a in forms for a in e['aliases'])]
zel = entities_with('Zelensky', 'Zelenskyy', 'Zelenskiy', 'Voldimi Zelensky', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy', 'Volodymyr Zelensky')
checks.append((f'all forms of Zelensky are one PER entity ({[(e["type"], e["canonical"]) for e in zel]})', len(zel) == 1 and zel[0]['type'] == 'PER'))
kyiv = entities_with('Kiev', 'Kyiv')
checks.append(('Kiev / Kyiv is one LOC entity', len(kyiv) == 1 and kyiv[0]['type'] == 'LOC'))
trump = [m for d in docs for m in d.get('mentions', []) if 'Trump' in d['text'].encode()[m['span'][0]:m['span'][1]].decode()]
checks.append((f'every "Trump" mention is PER ({len(trump)})', bool(trump) and all(m['label'] == 'PER' for m in trump)))
shouted = [m for d in docs for m in d.get('mentions', []) if d['text'].encode()[m['span'][0]:m['span'][1]].decode() in ('Ceasefire', 'END', 'UNLIMITED', 'War')]
checks.append(('"Ceasefire", "END", "UNLIMITED", "War" in capitalized quotes are not entities', not shouted))
vladimirs = [entities_with(*f) for f in (('Vladimir Putin', 'Putin'), ('Vladimir Medinsky', 'Medinsky'), ('Vladimir Soldatkin', 'Soldatkin'))]
checks.append(('Putin, Medinsky and Soldatkin are three entities', all(len(v) == 1 for v in vladimirs) and len({v[0]['canonical'] for v in vladimirs}) == 3))
reuters = next((d for d in docs if d['id'].startswith('003')), None)
checks.append(('003: Reuters byline', reuters is not None and reuters.get('byline') == ['Steve Holland', 'Guy Faulconbridge', 'Olena Harmash']))
checks.append(('003: Reuters dateline', reuters is not None and (reuters.get('dateline') or {}).get('agency') == 'Reuters'))
checks.append(('003: credit moved out of the body', reuters is not None and reuters.get('credits', [''])[0].startswith('Reporting by') and 'Reporting by' not in reuters['text']))
# Who said what (issue 5): speakers resolved to the batch's entities.
def quote_speakers(fragment):
    out = []
    for d in docs:
        t = d['text'].encode()
        for q in d.get('quotes', []):
            if fragment in ' '.join(t[s:e].decode() for s, e in q['content']):
                out.append((q.get('speaker') or {}).get('entity'))
    return out
for fragment, speaker in (('Hey, are you serious', 'JD Vance'), ('undoubtedly a win for Putin', 'Carl Bildt'),
                          ('Are they tapping us along', 'Marco Rubio'), ('very substantive and quite frank', 'Vladimir Putin'),
                          ('There is no indication of any kind of shift', 'Stephan Kieninger')):
    got = quote_speakers(fragment)
    checks.append((f'"{fragment}" -> {speaker} ({got})', bool(got) and all(g == speaker for g in got)))
unbalanced = quote_speakers('We just need to determine the most effective ways to move towards peace')
after = reuters is not None and 'has repeatedly called for a ceasefire after three years' in reuters['text'] and not any('has repeatedly called for a ceasefire' in ' '.join(reuters['text'].encode()[s:e].decode() for s, e in q['content']) for q in reuters.get('quotes', []) if q['direct'])
checks.append((f'003: the quote with no closing mark is found ({unbalanced}) and the text after it is kept', 'Vladimir Putin' in unbalanced and after))

# The cross-checked record of the seeds (issue 6).
out = run([binary, 'analyze', os.path.join(shared, 'seeds'), '--format', 'json'])
an = json.loads(out.stdout)
again = run([binary, 'analyze', os.path.join(shared, 'seeds'), '--format', 'json'])
checks.append(('analyze twice: byte-identical JSON', out.stdout == again.stdout))
checks.append((f'seeds are one story ({len(an["stories"])})', len(an['stories']) == 1))
story = an['stories'][0] if an['stories'] else {}
for date, what in (('2025-05-16', 'Istanbul'), ('2025-05-19', 'call')):
    entries = [t for t in story.get('timeline', []) if t['date'] == date]
    best = max((len({c['doc'] for c in t['citations']}) for t in entries), default=0)
    checks.append((f'timeline {date} ({what}): an entry cited by {best} documents', best >= 2))
trump = [q for q in story.get('quotes', []) if q.get('speaker') == 'Donald Trump' and 'immediately' in q['text'] and 'negotiations' in q['text']]
forms = sorted({v['form'] for q in trump for v in q['variants']})
n = max((q['independent_sources'] for q in trump), default=0)
checks.append((f'Trump\'s "immediately start negotiations" quote: {n} independent sources, forms {forms}', n >= 3 and 'reworded' in forms))
for counted, unit, label in (('prisoner of war', None, 'the 1,000-prisoner exchange'), ('ceasefire', 'day', 'the 30-day truce')):
    rows = [f for f in story.get('figures', []) if f['quantity'].startswith(counted) and (unit is None or f'({unit})' in f['quantity'])]
    n = max((f['independent_sources'] for f in rows), default=0)
    checks.append((f'{label}: corroborated by {n} independent sources', n >= 3))
for name, ok in checks:
    print(f'  {"ok  " if ok else "FAIL"} {name}')
    if not ok:
        failures.append(name)

print('-- the sample corpus record')
checks = []
out = run([binary, 'analyze', '--format', 'json'])
an = json.loads(out.stdout)
gold = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'examples', 'gold.json')))
doc_of = {d['id']: d for d in an['documents']}
dam = [s for s in an['stories'] if any('brezhovo' in d.lower() or 'dam' in d.lower() for d in s['documents'])]
checks.append((f'stories: the dam story and the football item ({[len(s["documents"]) for s in an["stories"]]})',
               len(an['stories']) == 2 and sorted(len(s['documents']) for s in an['stories']) == [1, 11]))
wire_ids = {c.split('#')[-1].split('/')[-1].replace('.html', '') for g in gold['wire_groups'] for c in g['copies']}
wire_sources = {d['source'] for i, d in doc_of.items() if any(w.startswith(i) or i.startswith(w) or w in i or i in w for w in wire_ids)}
checks.append((f'the wire story run by three outlets is one independent source ({wire_sources})', len(wire_sources) == 1))
big = max(an['stories'], key=lambda s: len(s['documents']))
checks.append((f'the dam story counts {len(big["sources"])} independent sources for 11 documents (gold: 8)', len(big['sources']) == 8))
date_conf = [c for c in big['conflicts'] if c['kind'] == 'date']
# Every quote of the gold and its speaker, English and German documents. A
# named speaker must resolve to its entity (a spelling variant of the gold's,
# "Vasarec", counts when that mention resolves to the same entity); a speaker
# the text only describes ("a government source", "the memo") must be that
# description as the source, with no entity guessed.
import unicodedata
def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn').lower()
read_docs = [json.loads(l) for l in run([binary, 'read']).stdout.splitlines()]
def gold_doc(o):
    name = o['file'].split('/')[-1].rsplit('.', 1)[0]
    for d in read_docs:
        if (o['item'] and d['id'] == o['item']) or (not o['item'] and (d['id'] == name or d['id'] in name)):
            return d
def last_word(s):
    words = re.findall(r'\w+', fold(s))
    return words[-1] if words else ''
found = total = 0
missed = []
for q in gold['quotes']:
    for o in q['occurrences']:
        d = gold_doc(o)
        if d is None or d['language']['code'] not in ('en', 'de'):
            continue
        total += 1
        t = d['text'].encode()
        mention_entity = {fold(t[m['span'][0]:m['span'][1]].decode()): m.get('entity') for m in d.get('mentions', [])}
        gold_name = fold(o['attributed_to'])
        words = set(re.findall(r'\w+', fold(o['text'].split('...')[0])))
        ok = False
        for qq in d.get('quotes', []):
            got = set(re.findall(r'\w+', fold(' '.join(t[a:b].decode() for a, b in qq['content']))))
            if words and len(words & got) / len(words) >= 0.5:
                speaker = (qq.get('speaker') or {}).get('entity') or ''
                source = t[qq['source'][0]:qq['source'][1]].decode() if qq.get('source') else ''
                if gold_name in mention_entity or last_word(gold_name) == last_word(speaker):
                    ok = bool(speaker) and (last_word(speaker) == last_word(gold_name) or mention_entity.get(gold_name) == speaker)
                else:
                    ok = not speaker and bool(source) and last_word(source) == last_word(gold_name)
                break
        found += ok
        if not ok:
            missed.append(f"{d['id']}: {o['text'][:40]!r} ({o['attributed_to']})")
checks.append((f'gold quotes (English and German documents) found with their speaker: {found}/{total} {missed}', found == total))
fig_conf = [c for c in big['conflicts'] if c['kind'] == 'figure']
def conflict_between(a, b):
    return any(any(a in s['value'] for s in c['sides']) and any(b in s['value'] for s in c['sides']) and all(s['citations'] for s in c['sides']) for c in fig_conf)
checks.append(('evacuated: "about 3,000" vs "more than 4,000" is a conflict, both sides cited', conflict_between('3,000', '4,000')))
checks.append(('death toll: "at least 12" vs "14" is reported (as an update), both sides cited', conflict_between('12', '14')))
checks.append(('the date of the gate failure is a conflict, both sides cited',
               any({s['value'] for s in c['sides']} >= {'2025-03-09', '2025-03-10'} and all(s['citations'] for s in c['sides']) for c in date_conf)))
for name, ok in checks:
    print(f'  {"ok  " if ok else "FAIL"} {name}')
    if not ok:
        failures.append(name)

if failures:
    print(f'{len(failures)} gates failed: {", ".join(failures)}')
    sys.exit(1)
print('all gates passed')
