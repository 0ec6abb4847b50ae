#!/usr/bin/env bash
# Publishes the native pipelineguard for one runtime identifier and packs it as a release asset:
# pipelineguard-<version>-<rid>.tar.gz (pipelineguard inside), or .zip for Windows (pipelineguard.exe).
# The release workflow calls it once per RID, each on a runner of that OS and architecture (Native AOT compiles
# for the machine it runs on); tests/PipelineGuard.Tests/Delivery calls it for this machine.
#
#   .github/scripts/publish-binary.sh RID OUT_DIR [extra dotnet publish arguments...]
#
# Native AOT: one executable with no .NET runtime to load and no JIT, so a one-file check starts in tens of
# milliseconds instead of hundreds (docs/performance.md). It needs the platform's C toolchain (clang or gcc and
# zlib on Linux, Xcode on macOS, Visual C++ on Windows), which the runners have. The debug symbols stay out of the
# archive (DebugType in the project).
set -euo pipefail
rid="$1"; out="$2"; shift 2
cd "$(dirname "$0")/../.."
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"
stage="$out/stage-$rid"
rm -rf "$stage"
dotnet publish src/PipelineGuard.Cli/PipelineGuard.Cli.csproj -c Release -r "$rid" -p:PublishAot=true \
  -o "$stage" -nologo "$@"
rm -f "$stage"/*.dbg  # left in the intermediate folder by an earlier build with symbols, which publish would copy
cp LICENSE README.md CHANGELOG.md "$stage/"
name="pipelineguard-$version-$rid"
mkdir -p "$out"
case "$rid" in
  win-*)
    rm -f "$out/$name.zip"
    if command -v zip > /dev/null; then
      (cd "$stage" && zip -q -9 "../$name.zip" pipelineguard.exe LICENSE README.md CHANGELOG.md)
    else
      # Git Bash on the Windows runners has no zip; PowerShell's archive is the same format.
      (cd "$stage" && powershell -NoProfile -Command "Compress-Archive -Path pipelineguard.exe,LICENSE,README.md,CHANGELOG.md -DestinationPath ../$name.zip")
    fi ;;
  *)     tar -C "$stage" -czf "$out/$name.tar.gz" pipelineguard LICENSE README.md CHANGELOG.md ;;
esac
echo "$out/$name"
