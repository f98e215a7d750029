#!/usr/bin/env bash
# Record-level evaluation: prepare the sets, run newsfuse on each, score.
#   eval/record/run.sh [score.py options: --errors, --json, --min KEY=VALUE, --only ID,ID, --heldout exclude ...]
# Environment: NEWSFUSE (binary, default target/release/newsfuse), SHARED (default ../shared),
# OUT (work folder, default target/record-eval), JOBS (parallel newsfuse runs, default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
NF=${NEWSFUSE:-target/release/newsfuse}
SHARED=${SHARED:-../shared}
OUT=${OUT:-target/record-eval}
JOBS=${JOBS:-2}
[ -x "$NF" ] || { echo "run.sh: no newsfuse binary at $NF (set NEWSFUSE)" >&2; exit 2; }
[ -d "$SHARED" ] || { echo "run.sh: no shared data at $SHARED (set SHARED)" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT/prepared" "$OUT/nodates" "$OUT/analyses" "$OUT/dated"
python3 eval/record/prepare.py "$SHARED" "$OUT/prepared"
python3 eval/record/prepare.py "$SHARED" "$OUT/nodates" --strip-dates
export NF OUT
one() {
  s=$1
  "$NF" analyze "$OUT/prepared/$s.jsonl" --format json -o "$OUT/analyses/$s.json" 2>/dev/null
  "$NF" read "$OUT/prepared/$s.jsonl" 2>/dev/null \
    | python3 -c 'import json,sys; [print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False)) for d in map(json.loads, sys.stdin)]' \
    > "$OUT/analyses/$s.read.jsonl"
  if cmp -s "$OUT/prepared/$s.jsonl" "$OUT/nodates/$s.jsonl"; then
    cp "$OUT/analyses/$s.json" "$OUT/dated/$s.json"          # no dates in the data: the same run
  else
    "$NF" analyze "$OUT/nodates/$s.jsonl" --format json -o "$OUT/dated/$s.json" 2>/dev/null
  fi
}
export -f one
ls "$OUT/prepared" | sed -n 's/\.jsonl$//p' | xargs -P "$JOBS" -I{} bash -c 'one {}'
python3 eval/record/score.py --sets eval/record/sets --prepared "$OUT/prepared" --analyses "$OUT/analyses" \
  --dated "$OUT/dated" --judgments eval/record/judgments "$@"
