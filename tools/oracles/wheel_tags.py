#!/usr/bin/env python3
"""Generate the wheel-tag compatibility table, judged by pip's vendored packaging 21.3 (packaging.tags).

For each CPython minor and manylinux platform, packaging's own cpython_tags() + compatible_tags() (what sys_tags()
yields on such a machine) decide whether each wheel file name installs there. The glibc of the platform is given to
packaging's _manylinux.platform_tags by replacing its probe of the running system, so the table does not depend on the
machine that runs the script. Deterministic. Writes tests/PipelineGuard.Tests/Vectors/wheel-tags/compatibility.jsonl.
Run: python3 tools/oracles/wheel_tags.py   (checked by tests/PipelineGuard.Tests/Online/WheelTagVectorTests.cs)
"""
import itertools
import json
import os

from pip._vendor import packaging as _packaging
from pip._vendor.packaging import _manylinux, tags
from pip._vendor.packaging.utils import parse_wheel_filename

assert _packaging.__version__ == "21.3", _packaging.__version__

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "PipelineGuard.Tests", "Vectors", "wheel-tags")

PYTHONS = [(3, 6), (3, 7), (3, 8), (3, 9), (3, 10), (3, 11), (3, 12), (3, 13)]
PLATFORMS = [("x86_64", 35), ("x86_64", 31), ("x86_64", 17), ("aarch64", 35)]

PY_TAGS = ["cp36", "cp37", "cp38", "cp39", "cp310", "cp311", "cp312", "cp313", "py3", "py2.py3", "py38", "py310", "py2",
           "cp27", "pp39", "cp311.cp312", "py30", "py313"]
ABI_TAGS = ["none", "abi3", "cp36m", "cp37m", "cp38", "cp39", "cp310", "cp311", "cp312", "cp313", "cp37", "cp38d",
            "cp313t", "pypy39_pp73"]
PLAT_TAGS = ["any", "manylinux1_x86_64", "manylinux2010_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64",
             "manylinux_2_17_x86_64.manylinux2014_x86_64", "manylinux_2_28_x86_64", "manylinux_2_31_x86_64",
             "manylinux_2_34_x86_64", "manylinux_2_35_x86_64", "manylinux_2_39_x86_64", "linux_x86_64",
             "musllinux_1_1_x86_64", "win_amd64", "macosx_10_9_x86_64", "macosx_11_0_arm64", "manylinux2014_aarch64",
             "manylinux_2_28_aarch64", "manylinux_2_17_aarch64.manylinux2014_aarch64", "linux_aarch64", "manylinux2014_i686"]


def platforms(arch, glibc_minor):
    _manylinux._have_compatible_abi = lambda _arch: True
    _manylinux._get_glibc_version = lambda: (2, glibc_minor)
    linux = "linux_" + arch
    return list(_manylinux.platform_tags(linux, arch)) + [linux]


def supported(python, plats):
    # abis=None: packaging's own _cpython_abis for that version (cp37m before 3.8).
    return set(tags.cpython_tags(python, None, plats)) | set(tags.compatible_tags(python, "cp%d%d" % python, plats))


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    names = ["demo-1.0-%s-%s-%s.whl" % combo for combo in itertools.product(PY_TAGS, ABI_TAGS, PLAT_TAGS)]
    # A few real shapes, a build tag among them.
    names += ["numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
              "torch-2.1.0-1-cp311-cp311-manylinux1_x86_64.whl", "six-1.16.0-py2.py3-none-any.whl"]
    targets = []
    for (arch, glibc), python in itertools.product(PLATFORMS, PYTHONS):
        targets.append(("%d.%d manylinux_2_%d_%s" % (python + (glibc, arch)), supported(python, platforms(arch, glibc))))
    # One row per wheel: every target (python and platform) is judged; "on" lists those where it installs.
    for name in names:
        wheel_tags = parse_wheel_filename(name)[3]
        rows.append({"wheel": name, "on": [target for target, ok in targets if wheel_tags & ok]})
    with open(os.path.join(OUT, "compatibility.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps({"targets": [t for t, _ in targets]}) + "\n")
        for row in rows:
            f.write(json.dumps(row, sort_keys=True) + "\n")
    print(len(rows), "wheels,", len(targets), "targets,", sum(len(r["on"]) for r in rows), "compatible pairs")


if __name__ == "__main__":
    main()
