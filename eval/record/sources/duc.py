"""DUC 2004 clusters as documents: spec {"cluster": "d30001t"}.

Reads SHARED/data/summaries/duc2004/docs/<cluster>/<doc> (SGML) and takes the text the way
scorers/duc_to_jsonl.py does: the <TEXT> body, tags removed, ``/'' turned into curly double quotes,
each paragraph's whitespace collapsed, paragraphs (blank line or newline+tab) joined by "\\n\\n".
Gold offsets point into this output: do not change it.
"""
import pathlib
import re

OUTLETS = {"APW": "AP", "NYT": "NYT"}


def _document(path: pathlib.Path) -> dict:
    raw = path.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", raw)
    docno = m.group(1) if m else path.name
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    text = re.sub(r"<[^>]+>", " ", body.group(1) if body else raw)
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n\t", text)]
    doc = {"id": docno, "text": "\n\n".join(p for p in paras if p)}
    head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", raw, re.S)
    if head and " ".join(head.group(1).split()):
        doc["title"] = " ".join(re.sub(r"<[^>]+>", " ", head.group(1)).split())
    date = None
    dt = re.search(r"<DATE_TIME>\s*(\d{4})-(\d{2})-(\d{2})", raw)
    d = re.match(r"([A-Z]+)(\d{4})(\d{2})(\d{2})", docno)
    if d:
        date = f"{d.group(2)}-{d.group(3)}-{d.group(4)}"
    elif dt:
        date = f"{dt.group(1)}-{dt.group(2)}-{dt.group(3)}"
    if date:
        doc["date"] = date
    if d and d.group(1) in OUTLETS:
        doc["source"] = OUTLETS[d.group(1)]
    return doc


def documents(shared, spec: dict) -> list:
    """spec: the set file ({"inputs": {"cluster": ...}, ...}) or its inputs ({"cluster": ...})."""
    inputs = spec.get("inputs", spec)
    folder = pathlib.Path(shared) / "data" / "summaries" / "duc2004" / "docs" / inputs["cluster"]
    return [_document(f) for f in sorted(folder.iterdir()) if f.is_file()]
