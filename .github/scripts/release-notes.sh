#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (Keep a Changelog: "## [X.Y.Z] - date" up to the next "## ["),
# without its heading: the GitHub release's notes. Fails when the section is missing or empty.
#
#   .github/scripts/release-notes.sh 0.1.0 > notes.md
set -euo pipefail
version="$1"
cd "$(dirname "$0")/../.."
notes="$(awk -v v="$version" '
  /^## \[/ { if (found) exit; if (index($0, "## [" v "]") == 1) { found = 1; next } }
  found && /^\[[^]]+\]: / { exit }
  found { print }
' CHANGELOG.md)"
if [ -z "$(printf '%s' "$notes" | tr -d '[:space:]')" ]; then
  echo "CHANGELOG.md has no notes for $version (a '## [$version] - YYYY-MM-DD' section)" >&2
  exit 1
fi
printf '%s\n' "$notes"
