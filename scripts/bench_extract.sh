#!/usr/bin/env bash
# Extraction speed side by side with trafilatura (the peer), on the same
# machine in the same run: rounds alternate between the two so load affects
# both alike. Prints each round, the medians and the ratio (pages/s per core).
#   scripts/bench_extract.sh [HTML_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${NEWSFUSE_SHARED:-../shared}
DIR=${1:-$SHARED/data/extraction/aeb/html}
ROUNDS=${2:-3}
V=${PEERS_VENV:-/tmp/peers-venv}
[ -x "$V/bin/python" ] || bash "$SHARED/peers/setup.sh" >/dev/null
cargo build --release -q
ours=(); theirs=()
for i in $(seq "$ROUNDS"); do
  t=$("$V/bin/python" "$SHARED/peers/run_trafilatura.py" "$DIR" /tmp/newsfuse-bench-traf.json | awk '/pages\/s/ {print $1}')
  n=$(target/release/newsfuse bench extract "$DIR" --passes 3 | python3 -c 'import json,sys; print(json.load(sys.stdin)["pages_per_s_median"])')
  echo "round $i: trafilatura $t pages/s, newsfuse $n pages/s"
  theirs+=("$t"); ours+=("$n")
done
python3 - "${theirs[*]}" "${ours[*]}" <<'PY'
import statistics, sys
t = [float(x) for x in sys.argv[1].split()]
n = [float(x) for x in sys.argv[2].split()]
mt, mn = statistics.median(t), statistics.median(n)
print(f"median: trafilatura {mt:.1f} pages/s, newsfuse {mn:.1f} pages/s, ratio {mn / mt:.1f}x (one core each)")
PY
