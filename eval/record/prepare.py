#!/usr/bin/env python3
"""Prepare the documents of every record-evaluation set (stdlib only).

  python3 eval/record/prepare.py SHARED OUTDIR [--strip-dates] [--sets DIR] [--only ID,ID]

SHARED is the shared data folder (../shared from the worktree). For each gold set file
sets/<set-id>.json, imports sources/<kind>.py and calls documents(shared, spec) -> list of
{"id", "text", and when the data has them "title", "date", "source", "url"}; writes
OUTDIR/<set-id>.jsonl. --strip-dates leaves out "date" (the text is never changed: gold
offsets are Python character offsets into this text). Kinds whose source module is not
present (another helper's, not merged yet) are skipped with a message.

Deterministic: the same data gives byte-identical output. Do not change a source module's
output once gold points into it.
"""
import argparse, importlib.util, json, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent


def load_source(kind, cache={}):
    if kind not in cache:
        path = HERE / 'sources' / f'{kind}.py'
        if not path.is_file():
            cache[kind] = None
        else:
            spec = importlib.util.spec_from_file_location(f'record_sources_{kind}', path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            cache[kind] = mod
    return cache[kind]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('shared', type=pathlib.Path)
    ap.add_argument('outdir', type=pathlib.Path)
    ap.add_argument('--strip-dates', action='store_true')
    ap.add_argument('--sets', type=pathlib.Path, default=HERE / 'sets')
    ap.add_argument('--only', default='', help='comma-separated set ids')
    a = ap.parse_args(argv)
    only = {s for s in a.only.split(',') if s}
    a.outdir.mkdir(parents=True, exist_ok=True)
    done = skipped = 0
    for sf in sorted(a.sets.glob('*.json')):
        spec = json.loads(sf.read_text(encoding='utf8'))
        sid = spec['id']
        if only and sid not in only:
            continue
        mod = load_source(spec['kind'])
        if mod is None:
            print(f'prepare: skip {sid}: no source module sources/{spec["kind"]}.py', file=sys.stderr)
            skipped += 1
            continue
        docs = mod.documents(a.shared, spec)
        wanted = [d['doc'] for d in spec.get('documents', [])]
        have = {d['id'] for d in docs}
        missing = [w for w in wanted if w not in have]
        if missing:
            sys.exit(f'prepare: {sid}: documents in gold but not in the data: {missing}')
        with open(a.outdir / f'{sid}.jsonl', 'w', encoding='utf8') as out:
            for d in docs:
                row = {k: d[k] for k in ('id', 'text', 'title', 'date', 'source', 'url') if d.get(k) is not None}
                if a.strip_dates:
                    row.pop('date', None)
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + '\n')
        done += 1
    print(f'prepare: {done} sets -> {a.outdir}' + (f' ({skipped} skipped)' if skipped else '')
          + (' [dates stripped]' if a.strip_dates else ''), file=sys.stderr)


if __name__ == '__main__':
    main()
