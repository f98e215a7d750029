#!/usr/bin/env python3
"""Document dating with the dates stripped: right, wrong, partial, undated, per set.

usage: scripts/eval_dating.py [--shared ../shared] [--newsfuse target/release/newsfuse]
                              [--out target/dating-eval] [--sample 3000] [--sets duc,reuters,n37k,n37k-nourl,tbaq]
                              [--errors N]

Sets (each document's gold date from the data, never shown to newsfuse):
  duc       DUC 2004 clusters d30001t..: gold from the DOCNO; a cluster is one story set.
  reuters   Reuters-21578, the first --sample documents of reut2-*.sgm.gz: gold from DATE; the text
            is DATELINE + BODY (the dateline prints month and day, no year); sets are documents of
            one TOPICS label on one day.
  n37k      news-37k, a sample of --sample documents (every k-th line): "date" left out, url kept
            (a URL date is evidence); sets are documents of one topic on one day.
  n37k-nourl  the same documents without their url.
  tbaq      TimeBank + AQUAINT: gold is the TIMEX3 with functionInDocument="CREATION_TIME"; the text
            is TEXT with tags removed; sets are documents of one creation day.

Each set is run twice through `newsfuse eval dating`: every document alone (--alone), and every
story set together. Outcomes per document:
  right          a date within one day of the gold date
  wrong          a date more than a day off
  partial-right  no date, a partial value whose every known part agrees with the gold
                 (`1998`, `1998-12`, `XXXX-12-21` within a day)
  partial-wrong  a partial value that disagrees (counted in the wrong share)
  undated        nothing
wrong share = (wrong + partial-wrong) / documents: the number issue 15 gates (<= 2 %).
Deterministic: the same data gives the same sample, groups and numbers.
"""
import argparse, collections, datetime, glob, gzip, html, json, os, pathlib, re, subprocess, sys

MONTHS = {m: i + 1 for i, m in enumerate(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'])}


def safe(s):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', s)[:80] or 'x'


def duc(shared, _sample):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / 'eval/record/sources'))
    import duc as reader  # the record evaluation's DUC reader (the text as duc_to_jsonl.py makes it)
    root = pathlib.Path(shared) / 'data/summaries/duc2004/docs'
    for cluster in sorted(p for p in root.iterdir() if p.is_dir())[:25]:
        for f in sorted(cluster.iterdir()):
            row = reader._document(f)
            gold = row.pop('date', None)
            if gold:
                yield cluster.name, row, gold


def reuters(shared, sample):
    n = 0
    for path in sorted(glob.glob(os.path.join(shared, 'data/corpus/reuters21578/reut2-*.sgm.gz'))):
        raw = gzip.open(path).read().decode('latin-1')
        for art in re.findall(r'<REUTERS(.*?)</REUTERS>', raw, re.S):
            date = re.search(r'<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})', art)
            body = re.search(r'<BODY>(.*?)</BODY>', art, re.S)
            if not date or not body:
                continue
            newid = re.search(r'NEWID="(\d+)"', art).group(1)
            dateline = re.search(r'<DATELINE>(.*?)</DATELINE>', art, re.S)
            title = re.search(r'<TITLE>(.*?)</TITLE>', art, re.S)
            topic = re.search(r'<TOPICS><D>(.*?)</D>', art)
            body = html.unescape(re.sub(r'&#\d+;', '', body.group(1))).replace('Reuter\n', '').strip()
            paras = [' '.join(p.split()) for p in re.split(r'\n {3,}', body)]
            text = '\n\n'.join(p for p in paras if p)
            if dateline:
                text = ' '.join(html.unescape(dateline.group(1)).split()) + ' ' + text
            gold = f'{date.group(3)}-{MONTHS[date.group(2)]:02d}-{int(date.group(1)):02d}'
            row = {'id': f'reuters-{newid}', 'source': 'Reuters', 'text': text}
            if title:
                row['title'] = html.unescape(title.group(1)).strip()
            yield f'{topic.group(1) if topic else "none"}_{gold}', row, gold
            n += 1
            if n >= sample:
                return


def n37k(shared, sample, url=True):
    lines = gzip.open(os.path.join(shared, 'data/corpus/news-37k.jsonl.gz'), 'rt').read().splitlines()
    step = max(1, len(lines) // sample)
    for line in lines[::step][:sample]:
        d = json.loads(line)
        if not d.get('date') or not d.get('text'):
            continue
        row = {'id': d['id'], 'text': d['text']}
        for k in ('title', 'source') + (('url',) if url else ()):
            if d.get(k):
                row[k] = d[k]
        yield f'{d.get("topic") or "none"}_{d["date"][:10]}', row, d['date'][:10]


def tbaq(shared, _sample):
    for path in sorted(glob.glob(os.path.join(shared, 'data/time/tbaq/TimeBank/*.tml')) + glob.glob(os.path.join(shared, 'data/time/tbaq/AQUAINT/*.tml'))):
        raw = open(path, encoding='utf8', errors='replace').read()
        dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
        value = re.search(r'value="(\d{4}-\d{2}-\d{2})', dct.group(0)) if dct else None
        body = re.search(r'<TEXT>(.*?)</TEXT>', raw, re.S)
        if not value or not body:
            continue
        text = html.unescape(re.sub(r'<[^>]+>', '', body.group(1)))
        paras = [' '.join(p.split()) for p in re.split(r'\n\s*\n', text)]
        yield value.group(1), {'id': pathlib.Path(path).stem, 'text': '\n\n'.join(p for p in paras if p)}, value.group(1)


SETS = {'duc': duc, 'reuters': reuters, 'n37k': n37k, 'n37k-nourl': lambda s, n: n37k(s, n, url=False), 'tbaq': tbaq}


def parse_day(s):
    try:
        return datetime.date.fromisoformat(s[:10])
    except (TypeError, ValueError):
        return None


def outcome(gold, date, partial):
    g = parse_day(gold)
    if date:
        d = parse_day(date)
        return 'right' if d and abs((d - g).days) <= 1 else 'wrong'
    if partial:
        if partial.startswith('XXXX-'):
            m, d = (int(x) for x in partial[5:].split('-'))
            ok = any((g + datetime.timedelta(days=k)).timetuple()[1:3] == (m, d) for k in (-1, 0, 1))
        else:
            parts = [int(x) for x in partial.split('-')]
            ok = parts == [g.year, g.month][:len(parts)]
        return 'partial-right' if ok else 'partial-wrong'
    return 'undated'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default='../shared')
    ap.add_argument('--newsfuse', default='target/release/newsfuse')
    ap.add_argument('--out', default='target/dating-eval')
    ap.add_argument('--sample', type=int, default=3000)
    ap.add_argument('--sets', default='duc,reuters,n37k,n37k-nourl,tbaq')
    ap.add_argument('--errors', type=int, default=0, help='print this many wrong documents per set and mode')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    results = {}
    for name in a.sets.split(','):
        folder = pathlib.Path(a.out) / name
        groups = collections.defaultdict(list)
        gold = {}
        for group, row, g in SETS[name](a.shared, a.sample):
            if parse_day(g) is None:
                continue
            groups[safe(group)].append(row)
            gold[row['id']] = g
        if folder.exists():
            for f in folder.glob('*.jsonl'):
                f.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        for group, rows in groups.items():
            with open(folder / f'{group}.jsonl', 'w') as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + '\n')
        for mode in ('alone', 'together'):
            out = pathlib.Path(a.out) / f'{name}.{mode}.jsonl'
            cmd = [a.newsfuse, 'eval', 'dating', str(folder), str(out)] + (['--alone'] if mode == 'alone' else [])
            subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
            counts = collections.Counter()
            bases = collections.Counter()
            shown = 0
            for line in open(out):
                r = json.loads(line)
                if r['id'] not in gold:
                    continue
                o = outcome(gold[r['id']], r.get('date'), r.get('partial'))
                counts[o] += 1
                if r.get('date') or r.get('partial'):
                    bases[(r['provenance'], o)] += 1
                if o in ('wrong', 'partial-wrong') and shown < a.errors:
                    shown += 1
                    print(f'  {name} {mode} {o.upper()} {r["id"]}: gold {gold[r["id"]]}, newsfuse {r.get("date") or r.get("partial")} '
                          f'({r["provenance"]}) on {r.get("evidence")}', file=sys.stderr)
            n = sum(counts.values())
            results[(name, mode)] = dict(docs=n, groups=len(groups), **{k: counts[k] for k in ('right', 'wrong', 'partial-right', 'partial-wrong', 'undated')},
                                         wrong_share=round((counts['wrong'] + counts['partial-wrong']) / max(n, 1), 4),
                                         by_provenance={f'{p}/{o}': c for (p, o), c in sorted(bases.items())})
    if a.json:
        print(json.dumps({f'{k[0]}.{k[1]}': v for k, v in results.items()}, indent=1))
        return
    print('| set | mode | docs | right | wrong | partial right | partial wrong | undated | wrong share |')
    print('|---|---|---|---|---|---|---|---|---|')
    for (name, mode), r in results.items():
        pct = lambda k: f"{r[k]} ({100 * r[k] / max(r['docs'], 1):.1f} %)"
        print(f"| {name} | {mode} | {r['docs']} | {pct('right')} | {pct('wrong')} | {pct('partial-right')} | {pct('partial-wrong')} | {pct('undated')} | {100 * r['wrong_share']:.1f} % |")


if __name__ == '__main__':
    main()
