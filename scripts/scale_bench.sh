#!/usr/bin/env bash
# Scaling benchmark for `analyze` (issue 13): the same kinds of input at 1x,
# 10x and 100x; time must grow at most 15x and 150x (n log n allows that).
# Shapes: one document of N one-word paragraphs; one document of N/10 news
# sentences; a JSONL of N/100 short articles. Usage:
#   scripts/scale_bench.sh [BASE_PARAGRAPHS=10000] [NEWSFUSE=target/release/newsfuse]
# SHAPES="paragraphs articles" picks shapes; LIMIT_S (default 300) stops a run.
# Prints seconds and peak RSS per size, the ratios, and exits 1 if a ratio is over.
set -euo pipefail
base=${1:-10000}
bin=${2:-target/release/newsfuse}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$base" <<'PY'
import json, random, sys
out, base = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = "ab cd ef gh ij kl mn op qr st uv wx".split()
names = ["Mara Voss", "Omar Haddad", "Ines Moreau", "the council", "the governor"]
def sentence():
    return f"{random.choice(names)} said on Monday that {random.randint(1, 5000)} people had left the town after the {random.choice(['flood', 'storm', 'fire'])}."
for scale in (1, 10, 100):
    n = base * scale
    with open(f"{out}/paragraphs-{scale}.txt", "w") as f:
        f.write("Title\n\n" + "".join(random.choice(words) + ".\n\n" for _ in range(n)))
    with open(f"{out}/sentences-{scale}.txt", "w") as f:
        f.write("Title\n\n" + "".join(sentence() + "\n\n" for _ in range(n // 10)))
    with open(f"{out}/articles-{scale}.jsonl", "w") as f:
        for i in range(n // 100):
            f.write(json.dumps({"id": f"a{i}", "title": "T", "text": sentence() + "\n\n" + sentence()}) + "\n")
PY
fail=0
for shape in ${SHAPES:-paragraphs sentences articles}; do
  ext=txt; [ "$shape" = articles ] && ext=jsonl
  declare -A secs=()
  for scale in 1 10 100; do
    if ! timeout "${LIMIT_S:-300}" /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" analyze "$tmp/$shape-$scale.$ext" --format json -o "$tmp/out.json" --no-progress 2>/dev/null; then
      echo "$shape ${scale}x: over ${LIMIT_S:-300} s or failed"; fail=1; continue 2
    fi
    read -r s kb < <(tail -1 "$tmp/time")
    secs[$scale]=$s
    printf '%-10s %4sx  %8s s  %6d MB\n' "$shape" "$scale" "$s" $((kb / 1024))
  done
  python3 - "$shape" "${secs[1]}" "${secs[10]}" "${secs[100]}" <<'PY' || fail=1
import sys
shape, t1, t10, t100 = sys.argv[1], *map(float, sys.argv[2:])
floor = max(t1, 0.05)  # process start-up dominates tiny runs
r10, r100 = t10 / floor, t100 / floor
ok = r10 <= 15 and r100 <= 150
print(f"{shape:10s} 10x: {r10:.1f}x (<= 15), 100x: {r100:.1f}x (<= 150) {'ok' if ok else 'TOO SLOW'}")
sys.exit(0 if ok else 1)
PY
done
exit $fail
