#!/usr/bin/env bash
# Publishes the self-contained single-file pipelineguard for one runtime identifier and packs it as a release
# asset: pipelineguard-<version>-<rid>.tar.gz (pipelineguard inside), or .zip for Windows (pipelineguard.exe).
# The release workflow calls it once per RID; tests/PipelineGuard.Tests/Delivery calls it for linux-x64.
#
#   .github/scripts/publish-binary.sh RID OUT_DIR [extra dotnet publish arguments...]
#
# ReadyToRun: the program's own code is precompiled like the framework's, so start-up does not wait for the JIT
# (figures in docs/install.md). Native AOT is not used: Octokit and CommandLineParser fail under it.
set -euo pipefail
rid="$1"; out="$2"; shift 2
cd "$(dirname "$0")/../.."
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"
stage="$out/stage-$rid"
rm -rf "$stage"
dotnet publish src/PipelineGuard.Cli/PipelineGuard.Cli.csproj -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:DebugType=embedded -o "$stage" -nologo "$@"
cp LICENSE README.md CHANGELOG.md "$stage/"
name="pipelineguard-$version-$rid"
mkdir -p "$out"
case "$rid" in
  win-*) (cd "$stage" && rm -f "../$name.zip" && zip -q -9 "../$name.zip" pipelineguard.exe LICENSE README.md CHANGELOG.md) ;;
  *)     tar -C "$stage" -czf "$out/$name.tar.gz" pipelineguard LICENSE README.md CHANGELOG.md ;;
esac
echo "$out/$name"
