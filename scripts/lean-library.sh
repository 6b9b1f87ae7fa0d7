#!/usr/bin/env bash
# Lays Lean.MarketMaking out as a lean CLI library: ./scripts/lean-library.sh <lean CLI root>/Library/LeanMarketMaking
#
# Writes the library's csproj and config.json (templates/lean-library/LeanMarketMaking) and the plugin's source
# (Models/, Indicators/, Risk/, Algorithms/: the .cs files only, with their folders) into the destination, which must be
# new or empty. Then `lean library add <project> Library/LeanMarketMaking` accepts it (a csproj directly in the folder,
# a config.json with algorithm-language) and `lean backtest <project>` compiles it with the project. The same .cs files
# are what a QuantConnect Cloud library takes (Cloud compiles source only, with MathNet.Numerics on its package list).
# Exit codes: 0 written, 2 bad usage or destination not empty.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-}"
[[ -n "$dest" && $# -eq 1 ]] || { echo "usage: $0 <lean CLI root>/Library/<name>" >&2; exit 2; }
if [[ -e "$dest" && -n "$(ls -A "$dest")" ]]; then
  echo "lean-library: $dest is not empty" >&2
  exit 2
fi
mkdir -p "$dest"
cp "$root/templates/lean-library/LeanMarketMaking/LeanMarketMaking.csproj" "$root/templates/lean-library/LeanMarketMaking/config.json" "$dest/"
cd "$root"
find Models Indicators Risk Algorithms -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -print0 | xargs -0 -I{} cp --parents {} "$dest/"
echo "lean-library: wrote $dest ($(find "$dest" -name '*.cs' | wc -l) source files)" >&2
