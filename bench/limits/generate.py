#!/usr/bin/env python3
"""Writes the large inputs that docs/limits.md is measured on, into the folder given (default: ./limits-inputs).

Each file is a valid environment definition of the kind PipelineGuard reads, as big as a pull request could make it:
  Dockerfile                  1 MB: one RUN pip install of ~75,000 pinned packages (the stall of issue 18)
  conda.yml                   16 MB (just under the 16 MiB read limit): a conda spec with a pip list of ~700,000 entries
  requirements.txt            16 MB: ~1,000,000 pinned requirement lines
  azureml_environment.json    16 MB: an Azure ML v1 environment whose conda dependencies hold ~600,000 pip entries
  Dockerfile.lines            1 MB: ~40,000 continuation lines of one RUN (apt-get and pip words, quoted specs)
"""
import os
import sys

LIMIT = 16 * 1024 * 1024 - 4096  # just under DocumentLoader.MaxFileBytes


def fill(path, head, item, tail, limit):
    """head + item(0) + item(1) + ... + tail, stopping before the file would pass limit bytes."""
    size = len(head.encode()) + len(tail.encode())
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(head)
        n = 0
        while True:
            piece = item(n)
            if size + len(piece.encode()) > limit:
                break
            f.write(piece)
            size += len(piece.encode())
            n += 1
        f.write(tail)
    return n


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "limits-inputs"
    os.makedirs(out, exist_ok=True)
    base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240908.v1\n"
    counts = {
        "Dockerfile": fill(os.path.join(out, "Dockerfile"), base + "RUN pip install", lambda n: f" pkg{n}==1.0", "\n", 1024 * 1024),
        "Dockerfile.lines": fill(os.path.join(out, "Dockerfile.lines"), base + "RUN apt-get update && pip install \\\n",
                                 lambda n: f"    'pkg{n}>=1.0,<2' \\\n" if n % 2 else f"    pkg{n}==1.0 \\\n", "    numpy==1.26.4\n", 1024 * 1024),
        "conda.yml": fill(os.path.join(out, "conda.yml"),
                          "name: big\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11.9\n  - pip=24.0\n  - pip:\n",
                          lambda n: f"      - pkg{n}==1.0.{n % 10}\n", "", LIMIT),
        "requirements.txt": fill(os.path.join(out, "requirements.txt"), "--index-url https://pypi.org/simple\n",
                                 lambda n: f"pkg{n}==1.0.{n % 10}\n", "", LIMIT),
        "azureml_environment.json": fill(os.path.join(out, "azureml_environment.json"),
                                         '{"name": "big", "version": "1", "python": {"userManagedDependencies": false, '
                                         '"condaDependencies": {"channels": ["conda-forge"], "dependencies": '
                                         '["python=3.11.9", "pip=24.0", {"pip": [',
                                         lambda n: (", " if n else "") + f'"pkg{n}==1.0.{n % 10}"',
                                         ']}]}}, "docker": {"baseImage": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240908.v1"}}\n',
                                         LIMIT),
    }
    for name, n in counts.items():
        print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes, {n} items")


main()
