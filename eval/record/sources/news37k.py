"""news-37k articles by id: spec {"ids": [...]}, returned in the given order.

Reads SHARED/data/corpus/news-37k.jsonl.gz (fields id, source, date, url, title, authors, topic, text)
and keeps the text exactly as stored. Gold offsets point into this output: do not change it.
"""
import gzip
import json
import pathlib
import re


def _date(raw):
    """YYYY-MM-DD from the stored date ('2016-09-20' or '7/23/17'); None when absent or implausible."""
    raw = (raw or "").strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", raw)
        if not m:
            return None
        mo, d, y = int(m.group(1)), int(m.group(2)), 2000 + int(m.group(3))
    if y < 1990 or not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def documents(shared, spec: dict) -> list:
    """spec: the set file ({"inputs": {"ids": [...]}, ...}) or its inputs ({"ids": [...]})."""
    inputs = spec.get("inputs", spec)
    ids = list(inputs["ids"])
    wanted = set(ids)
    found = {}
    path = pathlib.Path(shared) / "data" / "corpus" / "news-37k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not wanted.difference(found):
                break
            a = json.loads(line)
            if a.get("id") in wanted and a["id"] not in found:
                found[a["id"]] = a
    missing = [i for i in ids if i not in found]
    if missing:
        raise KeyError(f"news-37k: ids not found: {missing}")
    out = []
    for i in ids:
        a = found[i]
        doc = {"id": a["id"], "text": a.get("text") or ""}
        if a.get("title"):
            doc["title"] = a["title"]
        date = _date(a.get("date"))
        if date:
            doc["date"] = date
        if a.get("source"):
            doc["source"] = a["source"]
        if a.get("url"):
            doc["url"] = a["url"]
        out.append(doc)
    return out
