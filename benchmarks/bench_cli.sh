#!/usr/bin/env bash
# `arnewsparse parse` at corpus scale: throughput of -j 1 against -j N, peak RSS, output order.
#
# Usage: benchmarks/bench_cli.sh [CORPUS.jsonl.gz] [N-articles|all] [JOBS]
#   defaults: ../shared/corpus/bench.jsonl.gz, all, 2
# Runs `python3 -m arnewsparse.cli`, so PYTHONPATH=SNAPSHOT/src times a frozen copy (say, from
# `git archive HEAD src | tar -x -C SNAPSHOT`) while the working tree changes under you.
# Needs GNU time (/usr/bin/time; Debian: apt-get install time).  Peak RSS is
# GNU time's "Maximum resident set size": the largest single process (the parent
# or one worker), not their sum.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/bench.jsonl.gz}
n=${2:-all}
jobs=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

input=$corpus
if [ "$n" != all ]; then
  input=$work/subset.jsonl
  zcat -f "$corpus" | head -n "$n" > "$input"
fi
expected=$(zcat -f "$input" | grep -c .)

run() {  # run JOBS: prints "seconds rss_kb cpu_seconds" (cpu: user+sys of the parent and its workers)
  /usr/bin/time -v -o "$work/time.$1" python3 -m arnewsparse.cli parse "$input" -o "$work/out.$1.jsonl" -j "$1" --no-progress \
    2> "$work/err.$1"
  local wall rss user sys
  wall=$(grep "Elapsed (wall clock)" "$work/time.$1" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time.$1" | awk '{print $NF}')
  user=$(grep "User time" "$work/time.$1" | awk '{print $NF}')
  sys=$(grep "System time" "$work/time.$1" | awk '{print $NF}')
  python3 - "$wall" "$rss" "$user" "$sys" <<'PY'
import sys
parts = [float(x) for x in sys.argv[1].split(":")]
secs = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
print(f"{secs:.2f} {sys.argv[2]} {float(sys.argv[3]) + float(sys.argv[4]):.2f}")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
read -r t1 rss1 cpu1 < <(run 1)
read -r tn rssn cpun < <(run "$jobs")
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/out.1.jsonl" "$work/out.$jobs.jsonl" "$input" <<'PY'
import gzip, json, sys
def ids(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f if line.strip()]
one, many, src = (ids(p) for p in sys.argv[1:])
assert one == src, "-j 1 output ids are not in input order"
assert many == src, "-j N output ids are not in input order"
print(f"order: {len(src)} ids in input order with both runs")
PY
cmp -s "$work/out.1.jsonl" "$work/out.$jobs.jsonl" && echo "outputs: byte-identical"

python3 - "$expected" "$t1" "$rss1" "$cpu1" "$tn" "$rssn" "$cpun" "$jobs" <<'PY'
import sys
n = int(sys.argv[1])
t1, r1, c1, tn, rn, cn = map(float, sys.argv[2:8])
j = sys.argv[8]
print(f"articles:        {n}")
for name, t, r, c in ((" 1", t1, r1, c1), (f" {j}", tn, rn, cn)):
    print(f"-j{name}: {t:7.1f} s wall {n / t:6.0f} articles/s  peak RSS {r / 1024:4.0f} MB  CPU {c:6.1f} s")
print(f"speed-up:        {t1 / tn:.2f}x (wall); CPU overhead of -j {j}: {cn / c1:.2f}x the CPU of -j 1")
PY
