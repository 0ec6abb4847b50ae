#!/usr/bin/env python3
"""Writes the generated corpora that bench/compare/run.py measures PipelineGuard and its peers on.

  corpus.py OUT_DIR [FILES]

  OUT_DIR/one/conda.yml      one conda specification of the usual size (channels, python, pip, a pip list)
  OUT_DIR/mono/              FILES conda specifications (default 10,000) in 100 folders of a monorepo, of the shapes
                             found in Azure ML repositories: pinned and unpinned pip, conda-forge and defaults,
                             comments, a pip list with --extra-index-url, v2 environment YAML beside some of them
Deterministic (a fixed seed), so every run measures the same bytes.
"""
import os
import random
import sys

PACKAGES = ["numpy", "pandas", "scikit-learn", "scipy", "matplotlib", "azureml-mlflow", "mlflow", "azureml-core",
            "azure-ai-ml", "torch", "torchvision", "transformers", "datasets", "lightgbm", "xgboost", "joblib",
            "pyarrow", "fsspec", "azure-identity", "azureml-inference-server-http", "onnxruntime", "tqdm", "requests"]
VERSIONS = {"numpy": "1.26.4", "pandas": "2.2.2", "scikit-learn": "1.5.1", "scipy": "1.13.1", "matplotlib": "3.9.1",
            "azureml-mlflow": "1.57.0", "mlflow": "2.15.1", "azureml-core": "1.57.0", "azure-ai-ml": "1.19.0",
            "torch": "2.4.0", "torchvision": "0.19.0", "transformers": "4.44.0", "datasets": "2.21.0",
            "lightgbm": "4.5.0", "xgboost": "2.1.1", "joblib": "1.4.2", "pyarrow": "17.0.0", "fsspec": "2024.6.1",
            "azure-identity": "1.17.1", "azureml-inference-server-http": "1.3.2", "onnxruntime": "1.19.0",
            "tqdm": "4.66.5", "requests": "2.32.3"}


def conda_spec(rng, index):
    python = rng.choice(["3.9", "3.10", "3.10.14", "3.11", "3.8"])
    channels = rng.choice([["conda-forge"], ["defaults"], ["conda-forge", "defaults"], ["anaconda", "conda-forge"]])
    pip = rng.choice(["pip=24.2", "pip", "pip<25", "pip=20.2.4", None])
    lines = [f"# environment {index}: generated for the PipelineGuard benchmark", f"name: project-env-{index}", "channels:"]
    lines += [f"  - {c}" for c in channels]
    lines += ["dependencies:", f"  - python={python}"]
    if pip:
        lines.append(f"  - {pip}")
    for package in rng.sample(["numpy", "pandas", "scipy", "scikit-learn", "matplotlib"], rng.randint(0, 3)):
        lines.append(f"  - {package}" + (f"={VERSIONS[package]}" if rng.random() < 0.7 else ""))
    lines.append("  - pip:")
    if rng.random() < 0.1:
        lines.append("      - --extra-index-url https://pkgs.dev.azure.com/org/_packaging/feed/pypi/simple/")
    for package in rng.sample(PACKAGES, rng.randint(3, 12)):
        pinned = rng.random()
        spec = f"=={VERSIONS[package]}" if pinned < 0.6 else (f">={VERSIONS[package]}" if pinned < 0.8 else "")
        comment = "  # needed by the scoring script" if rng.random() < 0.1 else ""
        lines.append(f"      - {package}{spec}{comment}")
    return "\n".join(lines) + "\n"


def v2_environment(index):
    return ("$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\n"
            f"name: project-env-{index}\n"
            "image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\n"
            "conda_file: conda.yml\n"
            "description: generated for the PipelineGuard benchmark\n")


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(20261203)
    os.makedirs(os.path.join(out, "one"), exist_ok=True)
    with open(os.path.join(out, "one", "conda.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(conda_spec(rng, 0))
    written = 0
    folder = 0
    while written < files:
        # Each project folder holds environment folders; a conda.yml alone or with its v2 environment.yml.
        for env in range(100):
            if written >= files:
                break
            path = os.path.join(out, "mono", f"project-{folder:03d}", f"env-{env:03d}")
            os.makedirs(path, exist_ok=True)
            with open(os.path.join(path, "conda.yml"), "w", encoding="utf-8", newline="\n") as f:
                f.write(conda_spec(rng, written))
            written += 1
            if written < files and rng.random() < 0.2:
                with open(os.path.join(path, "environment.yml"), "w", encoding="utf-8", newline="\n") as f:
                    f.write(v2_environment(written))
                written += 1
        folder += 1
    print(f"{out}: one/conda.yml, mono/ with {written} files in {folder} folders")


if __name__ == "__main__":
    main()
