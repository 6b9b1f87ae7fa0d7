#!/usr/bin/env bash
# Order-latency sweep of an example market maker (issue 9 §2), through ./run.sh, and its README table:
#
#   scripts/measure-latency.sh AlgorithmTypeName [key=value ...]
#
# Runs the example once per latency in $LATENCIES (milliseconds, default "0 1 10 50"), passing
# <prefix>-order-latency-ms=<latency> plus the given key=value overrides (prefix: as for AvellanedaStoikovAlgorithm,
# glft for GlftOnlineCalibrationAlgorithm), then prints one markdown row per run from LEAN's <Algorithm>-summary.json:
# fills, net profit (runtime statistics), markouts at 1 s and 60 s bid / ask in ticks, and LEAN's Total Orders.
# Each run's results go to results/latency/<Algorithm>-<latency>ms[-<tag>] (git-ignored); an existing summary there is
# reused, not run again (delete the folder to re-measure). TAG names a variant (e.g. TAG=lognormal with
# as-order-latency-dispersion=0.5).
#
# Needs what run.sh needs (LEAN_BIN_DIR or NuGet access to QuantConnect.Lean; MM_DATA_FOLDER for LEAN's data, else the
# synthetic pair); this script never builds LEAN. With MM_RUN_LOCK naming a lock file each run holds it (flock), so
# backtests of several users of one machine do not overlap.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
algorithm="${1:?usage: scripts/measure-latency.sh AlgorithmTypeName [key=value ...]}"
shift
case "$algorithm" in
  AvellanedaStoikovAlgorithm) prefix=as ;;
  GlftOnlineCalibrationAlgorithm | FillRuleValidationAlgorithm) prefix=glft ;;
  CarteaJaimungalRegimeAlgorithm) prefix=cj ;;
  GueantMultiAssetAlgorithm) prefix=gm ;;
  *) echo "measure-latency.sh: unknown example $algorithm" >&2; exit 2 ;;
esac

rows=()
for ms in ${LATENCIES:-0 1 10 50}; do
  results="$root/results/latency/$algorithm-${ms}ms${TAG:+-$TAG}"
  summary="$results/$algorithm-summary.json"
  if [[ ! -f "$summary" ]]; then
    mkdir -p "$results"
    command=(env MM_RESULTS_FOLDER="$results" "$root/run.sh" "$algorithm" "$prefix-order-latency-ms=$ms" "$@")
    [[ -n "${MM_RUN_LOCK:-}" ]] && command=(flock "$MM_RUN_LOCK" "${command[@]}")
    start=$SECONDS
    "${command[@]}" >"$results/run.log" 2>&1 || { echo "measure-latency.sh: run failed; see $results/run.log" >&2; exit 1; }
    echo "measure-latency.sh: $algorithm at $ms ms ran in $((SECONDS - start)) s" >&2
  fi
  rows+=("$ms" "$summary")
done

python3 - "${rows[@]}" <<'PY'
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP

def number(section, key):
    # LEAN formats statistics as text: "1,234", "$-12.34", "0.5%"; kept decimal so that 1.615 rounds to 1.62
    return Decimal(re.sub(r"[^0-9.eE+-]", "", section[key]))

print("| latency | fills | net profit | markout 1 s bid / ask | markout 60 s bid / ask | orders |")
print("| --- | --- | --- | --- | --- | --- |")
args = sys.argv[1:]
for ms, path in zip(args[::2], args[1::2]):
    summary = json.load(open(path))
    runtime, statistics = summary["runtimeStatistics"], summary["statistics"]
    markout = lambda h: " / ".join(f"{number(runtime, f'Markout {h}s {side} (ticks)').quantize(Decimal('0.01'), ROUND_HALF_UP)}" for side in ("bid", "ask"))
    profit = number(runtime, "Net Profit")
    print(f"| {ms if ms == '0' else ms + ' ms'} | {number(runtime, 'Fills'):,.0f} | {'−' if profit < 0 else '+'}${abs(profit).quantize(Decimal(1), ROUND_HALF_UP):,} "
          f"| {markout(1)} | {markout(60)} | {number(statistics, 'Total Orders'):,.0f} |".replace("-", "−"))
PY
