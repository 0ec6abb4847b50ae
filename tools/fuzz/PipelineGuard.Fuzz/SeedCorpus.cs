using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PipelineGuard.Fuzz;

/// <summary>
/// The starting corpus of each target, taken from the repository's own fixtures: example and test files for the
/// file readers, and the values inside the oracle vectors and the examples for the one-line readers. Small inputs
/// only (AFL mutates small files faster and finds the same paths); at most <see cref="MaxSeeds"/> per target.
/// </summary>
internal static partial class SeedCorpus
{
    private const int MaxSeedBytes = 16 * 1024;
    private const int MaxSeeds = 200;

    private const string Tests = "tests/PipelineGuard.Tests";

    // Inputs the fixtures lack but the readers must handle; a few per target.
    private static readonly string[] ExtraImages =
    [
        "python", "python:3.10-slim", "localhost:5000/team/app:v1", "[::1]:5000/app@sha256:" + new string('a', 64),
        "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20240101.v1", "Ubuntu:latest", "https://docker.io/python",
    ];

    private static readonly string[] ExtraConda =
    [
        "numpy>=1.20,<2|1.19.*", "conda-forge::python[version='>=3.8',build=*_cpython]",
        "pytorch/linux-64::pytorch==2.0.1=py3.10_cuda11.8_0", "python 3.10.* *_cpython", "numpy=1.26 # pinned",
        "openssl!=1.1.1a", "scipy~=1.10.0", "libblas=*=*mkl", "pip[version='>=23']", "conda-forge/noarch::tqdm-4.66.1-pyhd8ed1ab_0.conda",
    ];

    private static readonly string[] ExtraPep =
    [
        "requests[security,socks]>=2.8.1,==2.8.*; python_version < \"3.11\" and (os_name == 'nt' or extra == \"test\")",
        "pkg @ https://example.invalid/pkg-1.0.tar.gz ; sys_platform == 'linux'", "name (>=1.0, <2)", "v1.0-r1.post2.dev3+ubuntu-1",
        "===foo", "~=3.1.0rc1", "1!2.0.0b1", "numpy=1.19",
    ];

    private static readonly string[] ExtraDockerfiles =
    [
        "# syntax=docker/dockerfile:1\nARG BASE=python:3.10-slim\nFROM --platform=linux/amd64 ${BASE} AS build\n" +
        "RUN <<EOF\npip install numpy==1.26.0 \\\n  pandas\nEOF\nCOPY --chown=1000 [\"a b\", \"/app/\"]\nFROM build\nCMD [\"python\"]\n",
        "# escape=`\nFROM mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest\nENV A=1 B=\"x y\"\n" +
        "RUN conda install -y -c conda-forge numpy=1.26 && \\\n    pip install -r requirements.txt `\n  && echo done\nONBUILD RUN true\n",
    ];

    public static int Write(string target, string repositoryRoot, string directory)
    {
        Directory.CreateDirectory(directory);
        var count = 0;
        foreach (var (name, bytes) in Collect(target, repositoryRoot))
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
            count++;
        }

        return count;
    }

    /// <summary>Distinct seeds named by their content hash (so reruns overwrite instead of piling up).</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Collect(string target, string repositoryRoot)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bytes in Raw(target, repositoryRoot))
        {
            if (bytes.Length == 0 || bytes.Length > MaxSeedBytes)
            {
                continue;
            }

            var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            if (seen.Add(name))
            {
                yield return (name, bytes);
                if (seen.Count == MaxSeeds)
                {
                    yield break;
                }
            }
        }
    }

    private static IEnumerable<byte[]> Raw(string target, string root) => target switch
    {
        "yaml-tree" => FilesOf(root, ["examples", $"{Tests}/TestData"], ".yml", ".yaml"),
        "json-tree" => FilesOf(root, ["examples", $"{Tests}/Vectors/pip-reqfile", $"{Tests}/TestData/golden"], ".json"),
        "requirements" => FilesOf(root, [$"{Tests}/Vectors/pip-reqfile", "examples"], ".txt"),
        "dockerfile" => [.. FilesOf(root, ["examples"], "Dockerfile"), .. Lines(ExtraDockerfiles)],
        "image-reference" => Lines([.. ImagesIn(root), .. ExtraImages]),
        "pep440-508" => Lines(
        [
            .. JsonField(root, "pep440/versions.jsonl", "v"), .. JsonField(root, "pep440/specifier_sets.jsonl", "spec"),
            .. JsonField(root, "pep508/requirements.jsonl", "req"), .. JsonField(root, "pep508/markers.jsonl", "marker"), .. ExtraPep,
        ]),
        "conda-matchspec" => Lines([.. CondaDependenciesIn(root), .. ExtraConda]),
        "build-log" => [.. FilesOf(root, [$"{Tests}/TestData/logs", $"{Tests}/TestData/pip-logs"], ".log", ".txt"), .. GzipOfFirstLog(root)],
        _ => [],
    };

    private static IEnumerable<byte[]> Lines(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).Select(v => Encoding.UTF8.GetBytes(v));

    private static IEnumerable<string> Files(string root, IEnumerable<string> folders, params string[] endings) =>
        folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => endings.Any(e => Path.GetFileName(f).EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<byte[]> FilesOf(string root, IEnumerable<string> folders, params string[] endings) =>
        Files(root, folders, endings).Select(File.ReadAllBytes);

    /// <summary>FROM images of the example Dockerfiles and <c>image:</c> values of the example YAML.</summary>
    private static IEnumerable<string> ImagesIn(string root)
    {
        foreach (var file in Files(root, ["examples"], "Dockerfile", ".yml", ".yaml"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var match = ImageLine().Match(line);
                if (match.Success)
                {
                    yield return match.Groups["image"].Value.Trim('"', '\'');
                }
            }
        }
    }

    /// <summary>The list items of the example conda files ("- numpy=1.26").</summary>
    private static IEnumerable<string> CondaDependenciesIn(string root)
    {
        foreach (var file in Files(root, ["examples", $"{Tests}/TestData"], ".yml", ".yaml"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var match = ListItem().Match(line);
                if (match.Success)
                {
                    yield return match.Groups["item"].Value;
                }
            }
        }
    }

    private static IEnumerable<string> JsonField(string root, string vectors, string field)
    {
        var file = Path.Combine(root, Tests, "Vectors", vectors);
        if (!File.Exists(file))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(file))
        {
            using var row = JsonDocument.Parse(line);
            if (row.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString()!;
            }
        }
    }

    /// <summary>The diagnoser detects gzip: one compressed log lets AFL reach that path too.</summary>
    private static IEnumerable<byte[]> GzipOfFirstLog(string root)
    {
        var first = Files(root, [$"{Tests}/TestData/logs"], ".log").FirstOrDefault();
        if (first is null)
        {
            yield break;
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(first));
        }

        yield return buffer.ToArray();
    }

    [GeneratedRegex(@"^\s*(?:FROM\s+(?:--platform=\S+\s+)?|image:\s*)(?<image>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^\s*-\s+(?<item>[^\s:#][^#]*?)\s*$")]
    private static partial Regex ListItem();
}
