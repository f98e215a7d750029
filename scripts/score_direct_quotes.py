#!/usr/bin/env python3
"""Scores only direct quotes: attributions whose Content is in quotation marks.

  python3 scripts/score_direct_quotes.py GOLD_DIR PRED_DIR --text TEXT_DIR [--json]

An attribution is direct when at least half of its Content's characters lie between
quotation marks. Gold and predicted .ann
files are filtered the same way into temporary folders, then scored with the
canonical scorer (../shared/scorers/score_attribution.py, or $SCORER).
"""
import argparse, glob, os, re, subprocess, sys, tempfile

OPEN, CLOSE = '“"«„‹‘', '”"»“›’'
T_LINE = re.compile(r'^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t')


def inside_mask(text):
    """Per character: between quotation marks (a paragraph break ends an unclosed quote
    unless the next paragraph reopens it)."""
    mask = bytearray(len(text))
    depth = 0
    for i, c in enumerate(text):
        prev = text[i - 1] if i else ' '
        nxt = text[i + 1] if i + 1 < len(text) else ' '
        if c in '“«„‹' or (c == '"' and depth == 0):
            depth = 1
        elif c in '”»›' or (c == '"' and depth == 1):
            depth = 0
        elif c == '\n' and nxt == '\n':
            depth = 0
        else:
            mask[i] = depth
    return mask


def is_direct(text, frags, mask):
    inside = total = 0
    for a, b in frags:
        for i in range(a, min(b, len(text))):
            if not text[i].isspace() and text[i] not in OPEN + CLOSE:
                total += 1
                inside += mask[i]
    return total > 0 and inside >= 0.5 * total


def filter_ann(path, text, out):
    mask = inside_mask(text)
    lines = open(path, encoding='utf8').read().splitlines()
    spans = {}
    for l in lines:
        m = T_LINE.match(l)
        if m:
            spans[m.group(1)] = (m.group(2), [tuple(map(int, f.split())) for f in m.group(3).split(';')])
    keep = set()
    for l in lines:
        if l.startswith('E'):
            args = dict(a.split(':', 1) for a in l.split('\t', 1)[1].split() if ':' in a)
            cid = args.get('Content')
            if cid in spans and is_direct(text, spans[cid][1], mask):
                keep.add(l.split('\t')[0])
                keep.update(args.values())
    with open(out, 'w', encoding='utf8') as f:
        for l in lines:
            if l.split('\t')[0] in keep:
                f.write(l + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('gold'); ap.add_argument('pred'); ap.add_argument('--text', required=True); ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    scorer = os.environ.get('SCORER', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../shared/scorers/score_attribution.py'))
    if not os.path.exists(scorer):
        scorer = '/work/shared/scorers/score_attribution.py'
    with tempfile.TemporaryDirectory() as tmp:
        for side, src in (('gold', a.gold), ('pred', a.pred)):
            os.makedirs(os.path.join(tmp, side))
            for p in glob.glob(os.path.join(src, '*.ann')):
                stem = os.path.basename(p)[:-4]
                tp = os.path.join(a.text, stem + '.txt')
                if not os.path.exists(tp):
                    tp = os.path.join(a.text, re.sub(r'_[^_]+$', '', stem) + '.txt')
                filter_ann(p, open(tp, encoding='utf8').read(), os.path.join(tmp, side, os.path.basename(p)))
        cmd = [sys.executable, scorer, os.path.join(tmp, 'gold'), os.path.join(tmp, 'pred'), '--text', a.text] + (['--json'] if a.json else [])
        print('Direct quotes only (Content in quotation marks)')
        sys.exit(subprocess.call(cmd))


if __name__ == '__main__':
    main()
