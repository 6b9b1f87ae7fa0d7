#!/usr/bin/env bash
# Performance check of the Avellaneda–Stoikov example backtest (issue 4) on LEAN's EURUSD tick sample days:
#
#   scripts/measure-backtest.sh [runs] [key=value ...]
#
# 1. Wall time: runs, alternately and `runs` times each (default 3), through ./run.sh:
#      SubscriptionOnlyAlgorithm  the same subscription and nothing else (LEAN reading and dispatching the data);
#      RestingQuotesAlgorithm     the same plus two limit orders resting far from the market, never filled, no plugin
#                                 module: LEAN's own cost of any quoter (its backtesting brokerage re-checks every
#                                 open order at every time step);
#      AvellanedaStoikovAlgorithm the full market maker (alpha, portfolio construction, risk, execution, fill model);
#    and prints each run's times and the medians:
#      engine = LEAN's own wall time, from its first log line to "Exiting Lean" (start-up, data loop, results written);
#      loop   = LEAN's "completed in X seconds" (the data loop alone);
#      total  = the whole run.sh call (adds the incremental restore/build of the runner, the same for all).
#    Issue 4's goal is median engine(AS) / median engine(SubscriptionOnly) <= 1.5; engine(AS) / engine(RestingQuotes)
#    is the part the plugin controls.
# 2. Memory: one more run of each of RestingQuotes and AS with as-log-heap=true, which logs
#    GC.GetTotalMemory(forceFullCollection: true) at the end of each day and after the last one; prints the heap per
#    day and the order events of the AS run (LEAN keeps every order event and update request in memory until the end
#    of the backtest, so the heap grows with the order traffic whatever the algorithm keeps; the RestingQuotes run,
#    with no order traffic, shows LEAN's heap without it). The goal is last day <= first day.
# Extra key=value arguments go to every algorithm (e.g. as-end-day=5 for a shorter check).
#
# Needs what run.sh needs: LEAN_BIN_DIR (a LEAN Launcher/bin/Release folder) or NuGet access to QuantConnect.Lean
# (this script never builds LEAN), and MM_DATA_FOLDER naming LEAN's data folder (default ../shared/data/lean).
# The machine's load average is printed before and after: other processes inflate every run's time.
# Logs and results go to results/measure/ (git-ignored).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
[[ $# -gt 0 ]] && shift
export MM_DATA_FOLDER="${MM_DATA_FOLDER:-$root/../shared/data/lean}"
if ! ls "$MM_DATA_FOLDER"/forex/oanda/tick/eurusd/*_quote.zip >/dev/null 2>&1; then
  echo "measure-backtest.sh: no EURUSD tick data in $MM_DATA_FOLDER/forex/oanda/tick/eurusd; set MM_DATA_FOLDER" >&2
  exit 1
fi
out="$root/results/measure"
mkdir -p "$out"

# seconds between the first and the last LEAN log line ("yyyyMMdd HH:mm:ss.fff TRACE:: ...") of a log
engine_seconds() {
  awk '/^[0-9]+ [0-9]+:[0-9]+:[0-9]+\.[0-9]+ / {
         split($2, t, ":"); s = t[1] * 3600 + t[2] * 60 + t[3]
         if (first == "") first = s
         last = s
       }
       END { d = last - first; if (d < 0) d += 86400; printf "%.2f", d }' "$1"
}
loop_seconds() { sed -n 's/.*completed in \([0-9.]*\) seconds.*/\1/p' "$1" | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_one() { # algorithm label extra-args...
  local algorithm=$1 label=$2; shift 2
  local log="$out/$label.log" start end
  start=$(date +%s.%N)
  if ! MM_RESULTS_FOLDER="$out/$label" "$root/run.sh" "$algorithm" "$@" >"$log" 2>&1; then
    echo "measure-backtest.sh: $algorithm failed; see $log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  total=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  engine=$(engine_seconds "$log")
  loop=$(loop_seconds "$log")
  printf '%-28s engine %7.2f s  loop %7.2f s  total %7.2f s\n' "$label" "$engine" "$loop" "$total"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
declare -a base_engine=() base_loop=() rest_engine=() rest_loop=() as_engine=() as_loop=()
for ((i = 1; i <= runs; i++)); do
  run_one SubscriptionOnlyAlgorithm "baseline-$i" "$@"
  base_engine+=("$engine"); base_loop+=("$loop")
  run_one RestingQuotesAlgorithm "resting-$i" "$@"
  rest_engine+=("$engine"); rest_loop+=("$loop")
  run_one AvellanedaStoikovAlgorithm "as-$i" "$@"
  as_engine+=("$engine"); as_loop+=("$loop")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

be=$(median "${base_engine[@]}"); re=$(median "${rest_engine[@]}"); ae=$(median "${as_engine[@]}")
bl=$(median "${base_loop[@]}"); rl=$(median "${rest_loop[@]}"); al=$(median "${as_loop[@]}")
awk -v be="$be" -v re="$re" -v ae="$ae" -v bl="$bl" -v rl="$rl" -v al="$al" 'BEGIN {
  printf "median engine: empty %.2f s, resting quotes %.2f s (%.2fx), AS %.2f s (%.2fx empty, %.2fx resting; goal <= 1.5x empty)\n", be, re, re / be, ae, ae / be, ae / re
  printf "median loop:   empty %.2f s, resting quotes %.2f s (%.2fx), AS %.2f s (%.2fx empty, %.2fx resting)\n", bl, rl, rl / bl, al, al / bl, al / rl }'

heap_table() { # log label
  grep -o 'heap [0-9-]* [0-9:]* [0-9]* bytes [0-9]* order events' "$1" \
    | awk -v label="$2" '{ printf "  %s %s  %8.1f MB  %8d order events\n", $2, $3, $4 / 1048576, $6
                           n++; x[n] = $6; y[n] = $4; if (n == 1) first = $4; last = $4 }
      END {
        printf "%s: first day %.1f MB, last day %.1f MB (goal: last <= first)\n", label, first / 1048576, last / 1048576
        # least squares heap = a + b * events: b is what each order event costs; the residual is what is left once
        # LEAN'\''s order records are taken out (a per-tick leak would make it grow day after day)
        for (i = 1; i <= n; i++) { sx += x[i]; sy += y[i] }
        mx = sx / n; my = sy / n
        for (i = 1; i <= n; i++) { sxx += (x[i] - mx) ^ 2; sxy += (x[i] - mx) * (y[i] - my) }
        if (sxx > 0) {
          b = sxy / sxx; a = my - b * mx
          printf "%s: heap = %.1f MB + %.0f B x order events; residual by day (MB):", label, a / 1048576, b
          for (i = 1; i <= n; i++) printf " %+.1f", (y[i] - a - b * x[i]) / 1048576
          printf "\n"
        }
      }'
}
run_one RestingQuotesAlgorithm resting-heap as-log-heap=true "$@"
echo "managed heap after a full collection, end of each day (RestingQuotes: LEAN with two resting orders, no order traffic):"
heap_table "$out/resting-heap.log" RestingQuotes
run_one AvellanedaStoikovAlgorithm as-heap as-log-heap=true "$@"
echo "managed heap after a full collection, end of each day (AS example):"
heap_table "$out/as-heap.log" AvellanedaStoikov
# LEAN keeps every order event (and every ticket's update requests) in memory until the end of the backtest
events="$out/as-heap/AvellanedaStoikovAlgorithm-order-events.json"
if [[ -f "$events" ]]; then
  grep -o '"status":"[a-zA-Z]*"' "$events" | cut -d'"' -f4 | sort | uniq -c \
    | awk '{ printf "%s %s, ", $2, $1 } END { print "order events kept by LEAN in that run" }'
fi
