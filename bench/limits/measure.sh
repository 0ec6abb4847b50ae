#!/usr/bin/env bash
# Generates the large inputs (generate.py) and measures one whole `pipelineguard check FILE` process on each:
# wall-clock seconds and peak resident memory from /usr/bin/time -v. The budget (docs/limits.md) is 2 s and 200 MB
# for any input up to 16 MB. Usage: bench/limits/measure.sh [INPUT_DIR]   (builds the CLI in Release first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
inputs="${1:-$(mktemp -d)}"
dotnet build "$repo/src/PipelineGuard.Cli" -c Release -v quiet -nologo >/dev/null
cli="$repo/src/PipelineGuard.Cli/bin/Release/net10.0/pipelineguard.dll"
python3 "$here/generate.py" "$inputs" >/dev/null
printf '%-26s %10s %8s %9s %9s\n' file bytes seconds "peak MB" findings
for name in Dockerfile Dockerfile.lines conda.yml requirements.txt azureml_environment.json; do
  file="$inputs/$name"
  # Dockerfile.lines is a Dockerfile by content, not by name: name it so on the command line.
  target="$file"
  if [[ "$name" == Dockerfile.lines ]]; then
    mkdir -p "$inputs/lines" && cp "$file" "$inputs/lines/Dockerfile" && target="$inputs/lines/Dockerfile"
  fi
  stats="$(mktemp)"
  (cd "$inputs" && /usr/bin/time -v dotnet "$cli" check --format json --fail-on none "$target" >"$stats.out" 2>"$stats") || true
  seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$stats")"
  peak_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")"
  findings="$(grep -c "\"ruleId\"" "$stats.out" || true)"
  printf '%-26s %10d %8.2f %9.0f %9d\n' "$name" "$(stat -c %s "$file")" "$seconds" "$((peak_kb / 1024))" "$findings"
  rm -f "$stats" "$stats.out"
done
