#!/usr/bin/env bash
# One-command LEAN backtest of an example market maker, without Docker.
#
#   ./run.sh [AlgorithmTypeName | path/to/main.py] [key=value ...]
#   ./run.sh --live-paper [minutes] [AlgorithmTypeName] [key=value ...]
#
# Default: AvellanedaStoikovAlgorithm on the synthetic MMCUSD ticks (generated into ./data if missing), with the
# parameters of ./config.json plus the overrides given as key=value. With MM_DATA_FOLDER set to a LEAN data folder
# (e.g. LEAN's own Data folder) nothing is generated and config.json applies as is (EURUSD on Oanda, May 2014).
# LEAN comes from the QuantConnect.Lean NuGet package (-p:LeanReference=Package), or from a local LEAN build when
# LEAN_BIN_DIR names its Launcher/bin/Release folder (-p:LeanReference=Local). Results (LEAN's <Algorithm>.json and
# <Algorithm>-summary.json) go to $MM_RESULTS_FOLDER, default ./results/<Algorithm>; at the end the Research console's
# report renders them into <results>/report/report.html (charts as PNG files beside it).
# A .py file is run as a LEAN Python algorithm (parameters from the config.json beside it, results in
# ./results/<file name>); LEAN's pythonnet loads the Python of PYTHONNET_PYDLL, default the libpython of the first of
# python3 and /usr/bin/python3 that has pandas.
# --live-paper: LEAN's live mode instead of a backtest (the runner's live-paper environment: PaperBrokerage, the live
# handlers, the synthetic market of Lean.MarketMaking.Live.SyntheticDataQueueHandler streamed in real time), stopped
# cleanly after [minutes] (default 5) by LEAN's quit command; results in ./results/<Algorithm>-live-paper (no report).
# key=value arguments starting with synthetic-market- set the market (e.g. synthetic-market-quotes-per-second=1000).
# Exit codes: 0 backtest ran and its report was written, 3 no LEAN available, 1 any other failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
live=0
minutes=5
if [[ "${1:-}" == --live-paper ]]; then
  live=1
  shift
  if [[ "${1:-}" =~ ^[0-9]+([.][0-9]+)?$ ]]; then minutes="$1"; shift; fi
fi
algorithm="${1:-AvellanedaStoikovAlgorithm}"
[[ $# -gt 0 ]] && shift
if [[ -n "${MM_DATA_FOLDER:-}" ]]; then data="$MM_DATA_FOLDER"; synthetic=0; else data="$root/data"; synthetic=1; fi
project_config="$root/config.json"
if [[ "$algorithm" == *.py ]]; then
  [[ -f "$algorithm" ]] || { echo "run.sh: no Python algorithm $algorithm" >&2; exit 1; }
  [[ -f "$(dirname "$algorithm")/config.json" ]] && project_config="$(dirname "$algorithm")/config.json"
  if [[ -z "${PYTHONNET_PYDLL:-}" ]]; then
    # LEAN's pythonnet embeds a shared libpython, and LEAN imports pandas at start (PandasConverter): take the first of
    # python3 on PATH and /usr/bin/python3 (Debian: apt-get install python3-pandas) that has pandas
    for python in python3 /usr/bin/python3; do
      if command -v "$python" >/dev/null && "$python" -c 'import pandas' 2>/dev/null; then
        PYTHONNET_PYDLL="$("$python" -c 'import os, sysconfig as s; print(os.path.join(s.get_config_var("LIBDIR"), s.get_config_var("INSTSONAME")))')"
        break
      fi
    done
    [[ -n "${PYTHONNET_PYDLL:-}" ]] || { echo "run.sh: no python3 with pandas found for LEAN's Python support (Debian: apt-get install python3-pandas), or set PYTHONNET_PYDLL" >&2; exit 1; }
    export PYTHONNET_PYDLL
  fi
  [[ -f "$PYTHONNET_PYDLL" ]] \
    || { echo "run.sh: PYTHONNET_PYDLL=$PYTHONNET_PYDLL is not a file; set it to a shared libpython3.x.so" >&2; exit 1; }
fi
name="$(basename "$algorithm" .py)"
if [[ $live == 1 ]]; then
  results="${MM_RESULTS_FOLDER:-$root/results/$name-live-paper}"
else
  results="${MM_RESULTS_FOLDER:-$root/results/$name}"
fi
logs="$root/results/logs"
mkdir -p "$logs"

no_lean() {
  cat >&2 <<MSG
run.sh: no LEAN engine available ($1).
Provide LEAN in one of two ways:
  1. NuGet access to the QuantConnect.Lean package (the default: -p:LeanReference=Package), or
  2. a local build of LEAN from its public source (QuantConnect/Lean, see its README),
     then export LEAN_BIN_DIR=<Lean>/Launcher/bin/Release and run ./run.sh again.
MSG
  exit 3
}

if [[ -n "${LEAN_BIN_DIR:-}" ]]; then
  mode=Local
  [[ -f "$LEAN_BIN_DIR/QuantConnect.Common.dll" && -f "$LEAN_BIN_DIR/QuantConnect.Lean.Launcher.dll" ]] \
    || no_lean "LEAN_BIN_DIR=$LEAN_BIN_DIR holds no QuantConnect.Common.dll / QuantConnect.Lean.Launcher.dll"
else
  mode=Package
fi

runner="$root/scripts/LeanRunner/Lean.MarketMaking.LeanRunner.csproj"
if ! dotnet restore "$runner" -p:LeanReference=$mode >"$logs/restore.log" 2>&1; then
  # NU110x: the package is not on the feeds; NU1301: no feed reachable (offline without LEAN_BIN_DIR)
  if [[ $mode == Package ]] && grep -qE "NU1301|NU110[0-9].*QuantConnect" "$logs/restore.log"; then
    no_lean "the QuantConnect.Lean package cannot be restored; see $logs/restore.log"
  fi
  echo "run.sh: restore failed; see $logs/restore.log" >&2
  exit 1
fi
if ! dotnet build "$runner" -c Release --no-restore -p:LeanReference=$mode -o "$root/results/bin" >"$logs/build.log" 2>&1; then
  echo "run.sh: build failed; see $logs/build.log" >&2
  exit 1
fi

# the synthetic data set: ticks of 1-4 Jan 2024 UTC (the backtest's last New York day ends at 05:00 UTC on the 4th), their
# minute, hour and daily bars (LEAN seeds the base currency's conversion rate from minute bars and reads hour bars for
# the benchmark) and a risk-free rate file; a data folder missing one of them (an older data set) is generated again
coinbase="$data/crypto/coinbase"
if [[ $synthetic == 1 ]] && ! [[ -f "$coinbase/tick/mmcusd/20240104_quote.zip" && -f "$coinbase/minute/mmcusd/20240101_quote.zip" \
    && -f "$coinbase/hour/mmcusd_trade.zip" && -f "$data/alternative/interest-rate/usa/interest-rate.csv" ]]; then
  echo "run.sh: generating the synthetic MMCUSD data into $data" >&2
  dotnet run -c Release --project "$root/Research" -- generate-data --out "$data" --days 4 --seed 1 >"$logs/generate-data.json"
fi

overrides=()
if [[ $synthetic == 1 && "$algorithm" == AvellanedaStoikovAlgorithm ]]; then
  # the synthetic pair instead of Oanda's EURUSD (LEAN's sample data, not shipped with the package); it trades on
  # LEAN's Coinbase model, at an illustrative market maker's fee tier (maker 0, taker 0.05 %): at LEAN's default tier
  # (maker 0.6 %) each fill would pay some 100 times the spread it captures; its trade ticks fill the quotes by the
  # queue rule (where trades are in the data the queue rule is the one to use; the intensity rule is for quote data)
  for p in as-security-type=Crypto as-market=coinbase as-ticker=MMCUSD as-session-start-hour=0 \
           as-start-year=2024 as-start-month=1 as-start-day=1 as-end-year=2024 as-end-month=1 as-end-day=3 \
           as-maker-fee=0 as-taker-fee=0.0005 as-fill-mode=Queue; do
    overrides+=(--parameter "$p")
  done
fi
for p in "$@"; do
  if [[ "$p" == synthetic-market-* ]]; then overrides+=(--launcher "$p"); else overrides+=(--parameter "$p"); fi
done

if [[ $live == 1 ]]; then
  # live mode runs until stopped: the runner writes LEAN's quit command after the minutes; LEAN then ends the
  # algorithm (OnEndOfAlgorithm) and writes its live results (<Algorithm>.json, order events, log)
  echo "run.sh: live-paper run of $algorithm for $minutes minutes on the synthetic market" >&2
  dotnet "$root/results/bin/Lean.MarketMaking.LeanRunner.dll" --algorithm "$algorithm" --data-folder "$data" \
    --results "$results" --project-config "$root/config.json" --environment live-paper --stop-after-minutes "$minutes" \
    ${overrides[@]+"${overrides[@]}"}
  echo "run.sh: live-paper results in $results" >&2
  exit 0
fi

dotnet "$root/results/bin/Lean.MarketMaking.LeanRunner.dll" --algorithm "$algorithm" --data-folder "$data" \
  --results "$results" --project-config "$project_config" ${overrides[@]+"${overrides[@]}"}

# the report: one HTML page with the run's charts and statistics, plus the charts as PNG files
if ! dotnet run -c Release --project "$root/Research" -- report "$results" >"$logs/report.json" 2>"$logs/report.log"; then
  echo "run.sh: the backtest ran but its report failed; see $logs/report.log" >&2
  exit 1
fi
echo "run.sh: report $results/report/report.html" >&2
