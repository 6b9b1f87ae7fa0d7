#!/usr/bin/env bash
# A parameter sweep of an example on LEAN's own optimizer, locally and without Docker:
#
#   LEAN_BIN_DIR=<Lean>/Launcher/bin/Release scripts/optimize.sh <optimization.json> [AlgorithmTypeName] [key=value ...]
#
# <optimization.json> is LEAN's optimizer configuration (optimization/*.json: optimization-strategy and its settings,
# optimization-criterion, constraints, the grid of parameters, maximum-concurrent-backtests), the same keys as LEAN's
# Optimizer.Launcher/config.example.json. The script builds scripts/LeanRunner against the LEAN build (LEAN_BIN_DIR: its
# folder must hold QuantConnect.Optimizer.Launcher.dll), writes LEAN's Launcher configuration into that output folder
# (config.json: the example, the data folder, config.json's parameters plus the key=value overrides; LEAN's Launcher
# reads it from its own folder), then runs LEAN's QuantConnect.Optimizer.Launcher with the optimization configuration
# plus lean-binaries-location (LEAN's Launcher executable of that folder), which starts one LEAN process per parameter
# set with --parameters name:value,… merged over config.json's. Data: MM_DATA_FOLDER (default LEAN's sample data at
# ../shared/data/lean). Results in $MM_RESULTS_FOLDER (default results/optimization/<name>): one folder per backtest,
# LEAN's log.txt, and summary.csv (one row per backtest: its parameters, the target and the constraint's statistic,
# best first), which is printed at the end.
# Exit codes: 0 the sweep ran, 3 no LEAN build with an optimizer, 1 any other failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 1 ]] || { echo "usage: $0 <optimization.json> [AlgorithmTypeName] [key=value ...]" >&2; exit 1; }
optimization="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
algorithm=AvellanedaStoikovAlgorithm
if [[ $# -gt 0 && "$1" != *=* ]]; then algorithm="$1"; shift; fi
lean="${LEAN_BIN_DIR:-}"
[[ -n "$lean" && -f "$lean/QuantConnect.Optimizer.Launcher.dll" && -f "$lean/QuantConnect.Lean.Launcher.dll" ]] \
  || { echo "optimize.sh: LEAN_BIN_DIR must name a LEAN Launcher/bin/Release folder holding QuantConnect.Optimizer.Launcher.dll" >&2; exit 3; }
data="${MM_DATA_FOLDER:-$root/../shared/data/lean}"
results="${MM_RESULTS_FOLDER:-$root/results/optimization/$(basename "$optimization" .json)}"
bin="$results/bin"
mkdir -p "$results"

runner="$root/scripts/LeanRunner/Lean.MarketMaking.LeanRunner.csproj"
if ! dotnet build "$runner" -c Release -p:LeanReference=Local -p:LeanBinDir="$lean" -o "$bin" >"$results/build.log" 2>&1; then
  echo "optimize.sh: build failed; see $results/build.log" >&2
  exit 1
fi

overrides=()
for p in "$@"; do overrides+=(--parameter "$p"); done
dotnet "$bin/Lean.MarketMaking.LeanRunner.dll" --algorithm "$algorithm" --data-folder "$data" --results "$results/lean" \
  --project-config "$root/config.json" --write-config "$bin/config.json" ${overrides[@]+"${overrides[@]}"}

# the optimizer's own configuration: LEAN reads config.json from the working directory
python3 - "$optimization" "$results/optimizer" "$bin" "$algorithm" <<'PY'
import json, os, sys
source, folder, binaries, algorithm = sys.argv[1:]
config = json.load(open(source))
config.update({
    "optimization-launcher": "ConsoleLeanOptimizer",
    "lean-binaries-location": os.path.join(binaries, "QuantConnect.Lean.Launcher"),
    "results-destination-folder": folder,
    "algorithm-type-name": algorithm,
    "algorithm-language": "CSharp",
    "algorithm-location": os.path.join(binaries, "Lean.MarketMaking.Algorithms.dll"),
    "optimizer-close-automatically": True,
    "log-handler": "QuantConnect.Logging.CompositeLogHandler",
})
# LEAN reads the strategy settings as a JSON string (Optimizer.Launcher/Program.cs)
config["optimization-strategy-settings"] = json.dumps(config["optimization-strategy-settings"])
os.makedirs(folder, exist_ok=True)
json.dump(config, open(os.path.join(folder, "config.json"), "w"), indent=2)
PY
(cd "$results/optimizer" && dotnet "$bin/QuantConnect.Optimizer.Launcher.dll") >"$results/optimizer.log" 2>&1 \
  || { echo "optimize.sh: LEAN's optimizer failed; see $results/optimizer.log" >&2; exit 1; }

# one row per backtest from LEAN's result files, best first by the criterion
python3 - "$optimization" "$results/optimizer" "$results/summary.csv" <<'PY'
import csv, glob, json, os, sys
config = json.load(open(sys.argv[1]))
target = config["optimization-criterion"]["target"].split(".", 1)[-1]
maximise = config["optimization-criterion"].get("extremum", "max") == "max"
constraints = [c["target"].split(".", 1)[-1] for c in config.get("constraints", [])]
names = [p["name"] for p in config["parameters"]]
def number(text):
    text = str(text).replace("$", "").replace(",", "")
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)
rows = []
for path in glob.glob(os.path.join(sys.argv[2], "*", "*.json")):
    backtest = os.path.basename(os.path.dirname(path))
    if os.path.basename(path) != backtest + ".json":
        continue
    result = json.load(open(path))
    parameters = result.get("algorithmConfiguration", {}).get("parameters", {})
    statistics = result.get("statistics", {})
    rows.append([parameters.get(n, "") for n in names] + [number(statistics[target])] + [number(statistics[c]) for c in constraints] + [backtest])
rows.sort(key=lambda r: r[len(names)], reverse=maximise)
with open(sys.argv[3], "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(names + [target] + constraints + ["backtest"])
    writer.writerows(rows)
print(f"{len(rows)} backtests; best first ({'max' if maximise else 'min'} {target})")
PY
cat "$results/summary.csv"
grep -E "Optimization has ended|Best|best" "$results/optimizer.log" | tail -3 || true
