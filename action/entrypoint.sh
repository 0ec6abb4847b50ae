#!/bin/sh
# Entry point of the PipelineGuard container action (action.yml). POSIX sh: the runtime image has no bash.
#
# GitHub passes each input as an environment variable INPUT_<NAME> with the name upper-cased and hyphens kept
# (actions/runner Handler.AddInputsToEnvironment), e.g. INPUT_FAIL-ON. A shell cannot expand such a name, so
# inputs are read from the environment block itself (see input() below). An empty input means "not set": it adds
# no flag, so .pipelineguard.yml and the program's own defaults decide (docs/configuration.md).
#
# PIPELINEGUARD_BIN: the program (default /app/pipelineguard, where the root Dockerfile puts it).
set -eu

bin="${PIPELINEGUARD_BIN:-/app/pipelineguard}"

# Given a command line (docker run IMAGE check --format azure .), the image is simply the CLI.
if [ "$#" -gt 0 ]; then
    exec "$bin" "$@"
fi

input() {
    # dash (the image's /bin/sh) does not pass variables whose names are not shell names (INPUT_FAIL-ON) on to its
    # children, so `printenv 'INPUT_FAIL-ON'` finds nothing there. The shell's own initial environment still has
    # them: read /proc/$$/environ (NUL-separated, so values may span lines). printenv is the fallback elsewhere.
    # Trailing newlines of a YAML block scalar are dropped by the $(...) substitution.
    if [ -r "/proc/$$/environ" ]; then
        sed -z -n "s/^INPUT_$1=//p" "/proc/$$/environ" | tr -d '\000'
    else
        printenv "INPUT_$1" 2>/dev/null || true
    fi
}

is_true() {
    case "$1" in
        [Tt][Rr][Uu][Ee] | 1 | [Yy][Ee][Ss]) return 0 ;;
        *) return 1 ;;
    esac
}

# Runner containers start in /github/workspace (docker run --workdir), but the docs say not to rely on WORKDIR.
if [ -n "${GITHUB_WORKSPACE:-}" ] && [ -d "$GITHUB_WORKSPACE" ]; then
    cd "$GITHUB_WORKSPACE"
fi

# The token reaches the program through the environment, never the command line (visible in process lists).
token="$(input GITHUB-TOKEN)"
if [ -n "$token" ] && [ -z "${GITHUB_TOKEN:-}" ]; then
    GITHUB_TOKEN="$token"
    export GITHUB_TOKEN
fi
unset token

set -- check

# Paths and build logs: separated by spaces or newlines; no glob expansion (set -f), the program walks folders.
set -f
paths="$(input PATHS)"
for path in $paths; do
    set -- "$@" "$path"
done

logs="$(input BUILD-LOG)"
for log in $logs; do
    set -- "$@" --build-log "$log"
done
set +f

format="$(input FORMAT)"
sarif="$(input SARIF-FILE)"
# An empty `format` input passes no --format: .pipelineguard.yml's `format:` (else auto-detection: github here,
# azure in Azure Pipelines) then applies, as for every empty input. A `sarif-file` alone goes to the
# file, and the CLI still writes its standard-output report.
if [ -n "$sarif" ] && [ "$format" = "sarif" ]; then
    set -- "$@" --format sarif --output "$sarif"
else
    if [ -n "$format" ]; then set -- "$@" --format "$format"; fi
    if [ -n "$sarif" ]; then
        set -- "$@" --format sarif --output "$sarif"
    fi
fi

value="$(input FAIL-ON)"
if [ -n "$value" ]; then set -- "$@" --fail-on "$value"; fi

# Rule lists: IDs or names, separated by commas, spaces or newlines; the CLI splits the commas.
set -f
rules="$(input SELECT)"
for rule in $rules; do
    set -- "$@" --select "$rule"
done

rules="$(input IGNORE)"
for rule in $rules; do
    set -- "$@" --ignore "$rule"
done
set +f

value="$(input CONFIG)"
if [ -n "$value" ]; then set -- "$@" --config "$value"; fi

value="$(input ONLY-CHANGED)"
if is_true "$value"; then set -- "$@" --only-changed; fi

value="$(input CHECKS)"
if is_true "$value"; then set -- "$@" --github-checks; fi

value="$(input REVIEW)"
if is_true "$value"; then set -- "$@" --github-review; fi

value="$(input ONLINE)"
if is_true "$value"; then set -- "$@" --online; fi

exec "$bin" "$@"
