"""ECB+ topics: SHARED/data/clustering/ecbplus/<topic>/<topic>_<n>(ecb|ecbplus).xml.

Text = tokens detokenised exactly as SHARED/scorers/ecbplus_to_jsonl.py does it (imported
from there, so both stay identical), one sentence per line. No dates, outlets or URLs in
the data. spec["inputs"]["topic"] names the topic; spec["inputs"].get("docs") may restrict
the documents (default: all of the topic's documents).
"""
import importlib.util, pathlib, re

_mod = None


def _conv(shared):
    global _mod
    if _mod is None:
        path = pathlib.Path(shared) / 'scorers' / 'ecbplus_to_jsonl.py'
        spec = importlib.util.spec_from_file_location('ecbplus_to_jsonl', path)
        _mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_mod)
    return _mod


def _key(stem):
    m = re.fullmatch(r'(\d+)_(\d+)(ecbplus|ecb)', stem)
    return (m.group(3) == 'ecbplus', int(m.group(2)))


def documents(shared, spec):
    conv = _conv(shared)
    topic = str(spec['inputs']['topic'])
    tdir = pathlib.Path(shared) / 'data' / 'clustering' / 'ecbplus' / topic
    only = set(spec['inputs'].get('docs') or [])
    stems = [p.stem for p in tdir.glob('*.xml') if re.fullmatch(r'\d+_\d+(ecbplus|ecb)', p.stem)]
    out = []
    for stem in sorted(stems, key=_key):
        if only and stem not in only:
            continue
        out.append({'id': stem, 'text': conv.read_doc(str(tdir / f'{stem}.xml'))})
    return out
