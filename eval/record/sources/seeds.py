"""The founding example: SHARED/seeds/*.txt, five outlets' reports of one phone call
(May 2025). Text as it is in the file (read as UTF-8, newlines kept); id = file stem.
No dates, outlets or URLs in the data.
"""
import pathlib


def documents(shared, spec):
    out = []
    for p in sorted((pathlib.Path(shared) / 'seeds').glob('*.txt')):
        out.append({'id': p.stem, 'text': p.read_text(encoding='utf8')})
    return out
