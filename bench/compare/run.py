#!/usr/bin/env python3
"""Whole-process benchmark: PipelineGuard in its shipped forms against the tools users already run, side by side in
one run, on generated corpora. Prints the ratios of docs/performance.md and whether each target holds.

  bench/compare/run.py [--runs N] [--forms image,binary] [--work DIR] [--no-publish]

Forms (built here exactly as they ship; all three are Native AOT executables):
  image   the Dockerfile's publish command (the action's and the Azure template's container; the RID-specific .NET
          tool package holds the same executable, packed by `dotnet pack -r RID -p:RidToolPackages=true`)
  binary  the release binary, built by .github/scripts/publish-binary.sh
Peers: yamllint (Debian's package) on the same YAML files; `grep -c -E -f` (LC_ALL=C, its fastest mode) with every
keyword of PipelineGuard's log signatures on the same log. Each measurement is the median wall time of N runs that
alternate between PipelineGuard and the peer, so both see the same machine. Ratio = peer time / PipelineGuard time
(above 1: PipelineGuard is faster). Exit code 0 when every target holds for every form.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(REPO, "bench", "PipelineGuard.Bench")


def sh(args, **kw):
    return subprocess.run(args, check=True, **kw)


def publish(form, out):
    if form == "image":
        sh(["dotnet", "publish", os.path.join(REPO, "src/PipelineGuard.Cli/PipelineGuard.Cli.csproj"), "-c", "Release",
            "-r", "linux-x64", "-p:PublishAot=true", "-o", out, "-nologo", "-v", "quiet"],
           stdout=subprocess.DEVNULL)
        return os.path.join(out, "pipelineguard")
    sh([os.path.join(REPO, ".github/scripts/publish-binary.sh"), "linux-x64", out], stdout=subprocess.DEVNULL)
    return os.path.join(out, "stage-linux-x64", "pipelineguard")


def run(cmd, cwd):
    """Wall seconds and peak resident megabytes of one process. Its output goes to a pipe that is read to the end, not
    to /dev/null: GNU grep notices /dev/null and stops at the first match."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, LC_ALL="C") if cmd[0] == "grep" else None)
    while proc.stdout.read(1 << 16):
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit code {code}")
    return seconds, usage.ru_maxrss / 1024


def side_by_side(ours, peer, cwd, runs):
    a, b, mem = [], [], []
    for _ in range(runs):
        s, m = run(ours, cwd)
        a.append(s)
        mem.append(m)
        b.append(run(peer, cwd)[0])
    return statistics.median(a), statistics.median(b), max(mem)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each short measurement (the monorepo and the logs take ceil(N/2))")
    parser.add_argument("--forms", default="image,binary")
    parser.add_argument("--work", help="folder for the builds and corpora (kept); default: a temporary folder, removed")
    parser.add_argument("--log-mb", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("yamllint") is None:
        sys.exit("yamllint is not installed (Debian: apt-get install yamllint)")

    work = args.work or tempfile.mkdtemp(prefix="pipelineguard-compare-")
    os.makedirs(work, exist_ok=True)
    try:
        corpus = os.path.join(work, "corpus")
        if not os.path.isdir(os.path.join(corpus, "mono")):
            sh([sys.executable, os.path.join(REPO, "bench/compare/corpus.py"), corpus], stdout=subprocess.DEVNULL)
        sh(["dotnet", "build", BENCH, "-c", "Release", "-nologo", "-v", "quiet"], stdout=subprocess.DEVNULL)
        bench = ["dotnet", "run", "--project", BENCH, "-c", "Release", "--no-build", "--"]
        logs = {}
        for mb in (args.log_mb, args.log_mb * 4):
            path = os.path.join(corpus, f"build-{mb}MB.log")
            if not os.path.exists(path):
                sh(bench + ["logs-generate", path, str(mb)], stdout=subprocess.DEVNULL)
            logs[mb] = path
        keywords = os.path.join(corpus, "keywords.txt")
        with open(keywords, "w", encoding="utf-8") as f:
            sh(bench + ["keywords"], stdout=f)
        empty = os.path.join(corpus, "empty")
        os.makedirs(empty, exist_ok=True)

        ok = True
        rows = []
        slow_runs = max(1, (args.runs + 1) // 2)
        for form in args.forms.split(","):
            exe = publish(form, os.path.join(work, "publish-" + form))
            check = [exe, "check", "--fail-on", "none"]
            one = side_by_side(check + ["one/conda.yml"], ["yamllint", "one/conda.yml"], corpus, args.runs)
            mono = side_by_side(check + ["mono"], ["yamllint", "mono"], corpus, slow_runs)
            log = side_by_side(check + ["--build-log", logs[args.log_mb]], ["grep", "-c", "-E", "-f", keywords, logs[args.log_mb]], empty, slow_runs)
            big = run(check + ["--build-log", logs[args.log_mb * 4]], empty)[1]
            mb = os.path.getsize(logs[args.log_mb]) / 1048576
            for name, (ours, peer, mem), target, note in [
                ("one conda file vs yamllint", one, 1.0, ""),
                ("10k-file monorepo vs yamllint", mono, 5.0, ""),
                (f"{args.log_mb} MB log vs grep -c -E", log, 1.0, f"{mb / log[0]:.0f} vs {mb / log[1]:.0f} MB/s"),
            ]:
                ratio = peer / ours
                met = ratio >= target
                ok &= met
                rows.append((form, name, f"{ours * 1000:.0f} ms", f"{peer * 1000:.0f} ms", f"{ratio:.2f}x", f">= {target:.1f}x",
                             "met" if met else "NOT MET", f"peak {mem:.0f} MB" + (f"; {note}" if note else "")))
            flat = big / log[2]
            met = flat <= 1.25
            ok &= met
            rows.append((form, f"memory, {args.log_mb} MB vs {args.log_mb * 4} MB log", f"{log[2]:.0f} MB", f"{big:.0f} MB",
                         f"{flat:.2f}x", "<= 1.25x", "met" if met else "NOT MET", "flat in the log size"))

        widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
        for r in [HEADER] + rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        print("all targets met" if ok else "some targets NOT met")
        return 0 if ok else 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


HEADER = ("form", "measure", "PipelineGuard", "peer", "ratio", "target", "", "notes")

if __name__ == "__main__":
    sys.exit(main())
