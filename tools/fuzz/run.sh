#!/usr/bin/env bash
# Fuzzes one reader with AFL++ through SharpFuzz:  tools/fuzz/run.sh TARGET SECONDS
# Builds the harness into tools/fuzz/out/TARGET/bin, instruments PipelineGuard.Engine.dll there with `sharpfuzz`,
# seeds from the repository's fixtures, runs afl-fuzz for SECONDS, prints executions, paths, crashes and hangs,
# then runs each finding again without AFL. Exits 1 on a crash or a hang that comes back without AFL, 2 on a usage
# or setup error.
# Needs: the .NET SDK, afl-fuzz (Debian/Ubuntu: apt-get install afl++). See tools/fuzz/README.md.
set -euo pipefail

# The targets, one per reader (the harness's --list must name the same; a unit test checks it).
TARGETS="yaml-tree json-tree requirements dockerfile image-reference pep440-508 conda-matchspec build-log"

usage() { echo "usage: $0 TARGET SECONDS   (TARGET: ${TARGETS// /, })" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1 seconds=$2
case " $TARGETS " in *" $target "*) ;; *) usage ;; esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${FUZZ_OUT:-$here/out}/$target"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

rm -rf "$out"; mkdir -p "$out"
echo "== build ($out/bin)"
dotnet build "$here/PipelineGuard.Fuzz/PipelineGuard.Fuzz.csproj" -c Release -o "$out/bin" -nologo -v quiet >"$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 2; }
# Instrumented code runs only under afl-fuzz (it writes to AFL's shared memory): seeding and reproducing use a plain copy.
cp -r "$out/bin" "$out/plain"
echo "== instrument PipelineGuard.Engine.dll"
(cd "$here" && dotnet tool restore >/dev/null && dotnet tool run sharpfuzz "$out/bin/PipelineGuard.Engine.dll")
harness=(dotnet "$out/bin/PipelineGuard.Fuzz.dll")
plain=(dotnet "$out/plain/PipelineGuard.Fuzz.dll")
echo "== seeds"
"${plain[@]}" --seeds "$target" "$root" "$out/seeds"

echo "== afl-fuzz $target for ${seconds}s"
# No UI on CI; no CPU binding (shared machines); a crash is seen through SharpFuzz's status, not core dumps.
# -t 5000+: a run over 5 s is a hang (the readers are linear: ms per input); '+' skips seeds that time out.
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -i "$out/seeds" -o "$out/findings" -t 5000+ -m none -V "$seconds" -- "${harness[@]}" "$target" \
  >"$out/afl.log" 2>&1 || { tail -n 40 "$out/afl.log"; echo "afl-fuzz failed" >&2; exit 2; }

stats="$out/findings/default/fuzzer_stats"
[ -f "$stats" ] || { tail -n 40 "$out/afl.log"; echo "no fuzzer_stats" >&2; exit 2; }
stat() { sed -nE "s/^$1 *: *//p" "$stats"; }
crashes=$(find "$out/findings/default/crashes" -type f -name 'id:*' 2>/dev/null | sort)
hangs=$(find "$out/findings/default/hangs" -type f -name 'id:*' 2>/dev/null | sort)
echo "target=$target seconds=$seconds execs=$(stat execs_done) execs_per_sec=$(stat execs_per_sec) paths=$(stat corpus_count) crashes=$(stat saved_crashes) hangs=$(stat saved_hangs)"

# Each finding is run again without AFL on the plain build: a crash counts when the exception (or the death of the
# process) comes back, a hang when the input still takes over 20 s. A finding that does not come back is listed as
# unconfirmed (under AFL it is also what a child process killed on a loaded machine looks like) and kept for the artifact.
status=0 unconfirmed=0
for f in $crashes; do
  echo "== crash: $f"
  if "${plain[@]}" "$target" "$f" >"$out/repro.txt" 2>&1; then
    unconfirmed=$((unconfirmed + 1)); echo "   unconfirmed: the input reads fine without AFL"
  else
    status=1; head -n 30 "$out/repro.txt"
  fi
done
for f in $hangs; do
  echo "== hang (over 5 s under AFL): $f"
  if timeout 20 "${plain[@]}" "$target" "$f" >/dev/null 2>&1; then
    unconfirmed=$((unconfirmed + 1)); echo "   unconfirmed: the input reads in under 20 s without AFL"
  else
    status=1; echo "   confirmed: still running after 20 s (or failed) without AFL"
  fi
done
[ "$unconfirmed" -eq 0 ] || echo "unconfirmed findings: $unconfirmed (see tools/fuzz/README.md)"
exit $status
