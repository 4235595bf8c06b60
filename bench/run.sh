#!/bin/sh
# The benchmarks of issue 5 in one run (not a test). Builds a Release tree with the bench tools,
# generates the synthetic stores once (seed 1, reference date 2026-11-25), then measures:
#   - bench_scan: a bare ordered read of every row of the tables the audit reads;
#   - the full audit of the whole catalogue (CSV to /dev/null);
#   - peak memory of both (GNU time, maximum resident set size);
#   - advise for one worker, end to end (process start, loading the rules, the store lookup);
#   - parse + check of all of rules/.
# Usage: bench/run.sh [DATA_DIR] [SIZES...]   (default: bench-data, 100000 1000000)
set -eu
cd "$(dirname "$0")/.."
DATA=${1:-bench-data}
shift || true
SIZES=${*:-"100000 1000000"}
./.ci/install-deps
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DRW_BUILD_BENCH=ON -DRW_BUILD_TESTS=OFF > /dev/null
cmake --build build-bench -j2 > /dev/null
RW=build-bench/bin/regelwerk
mkdir -p "$DATA"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
build-bench/bin/bench_rules rules 50
for n in $SIZES; do
    db="$DATA/synthetic-$n.db"
    [ -f "$db" ] || $RW generate --workers "$n" --seed 1 --db "$db" --at 2026-11-25
    echo "== $n workers ($(du -hL "$db" | cut -f1))"
    for run in 1 2 3; do
        /usr/bin/time -f "scan  run $run: %e s wall, %U s user, %M KB peak" build-bench/bin/bench_scan "$db" > /dev/null
    done
    for run in 1 2 3; do
        /usr/bin/time -f "audit run $run: %e s wall, %U s user, %M KB peak" $RW audit --db "$db" --at 2026-11-25 --format csv > /dev/null
    done
    python3 - "$RW" "$db" "$n" <<'PY'
import statistics, subprocess, sys, time
rw, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ts = []
for i in range(30):
    w = "W%07d" % (1 + (i * 33331) % n)
    t = time.perf_counter()
    subprocess.run([rw, "advise", "--db", db, "--worker", w, "--at", "2026-11-25"], stdout=subprocess.DEVNULL, check=True)
    ts.append((time.perf_counter() - t) * 1000)
ts.sort()
print(f"advise one worker: median {statistics.median(ts):.1f} ms, p90 {ts[int(0.9 * len(ts))]:.1f} ms over {len(ts)} runs")
PY
done
