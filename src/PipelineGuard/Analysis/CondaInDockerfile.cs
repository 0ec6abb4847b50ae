using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Analysis;

/// <summary>
/// Finds where a Dockerfile decides which conda it gets: a Miniconda or Anaconda installer name, a
/// <c>conda install conda=…</c> (read by <see cref="PackageInstallReader"/>, so also in <c>bash -c</c> and ONBUILD),
/// a <c>CONDA_VERSION</c>/<c>MINICONDA_VERSION</c> ENV or ARG, or a <c>continuumio/miniconda3:TAG</c> base image. Hand-written scanning, no regex: linear on any input.
/// </summary>
internal static class CondaInDockerfile
{
    /// <summary>Anaconda 5.2.0 (May 2018) was the first Anaconda to ship conda 4.5.4; Miniconda versions are conda versions.</summary>
    public static readonly CondaVersion FirstAnacondaWithConda454 = CondaVersion.Parse("5.2.0");

    public static IEnumerable<CondaVersionInDockerfile> Find(DockerfileDocument dockerfile)
    {
        // conda|mamba|micromamba install|update|upgrade; create makes a new environment, not the conda that runs.
        using var installs = PackageInstallReader.Find(dockerfile)
            .Where(i => i.Installer == PackageInstaller.Conda && i.Subcommand.Value is "install" or "update" or "upgrade")
            .GetEnumerator();
        var more = installs.MoveNext();
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.From is { } from)
            {
                foreach (var found in FromImage(from.Image))
                {
                    yield return found;
                }
            }

            foreach (var kv in instruction.KeyValues)
            {
                if (kv.Value is { } value && IsCondaVersionVariable(kv.Key.Value) && ParseVersion(LastVersionPart(value.Value)) is { } v)
                {
                    yield return new CondaVersionInDockerfile(value.Span, $"{kv.Key.Value}={value.Value}", v, null);
                }
            }

            // In file order within the instruction: the installer names its commands download and the conda=V its
            // conda installs ask for (those read by the one install reader, so also in bash -c scripts and ONBUILD).
            var inRun = new List<(int At, CondaVersionInDockerfile Found)>();
            foreach (var word in (instruction.Run?.Commands ?? []).SelectMany(c => c.Words))
            {
                if (Installer(word.Value) is { } installer)
                {
                    inRun.Add((word.SourceStart, new CondaVersionInDockerfile(
                        word.SpanOfValue(installer.Start, installer.Length), installer.Name, installer.CondaEquivalent, null)));
                }
            }

            while (more && installs.Current.Run.Instruction == instruction)
            {
                foreach (var word in installs.Current.Packages)
                {
                    if (CondaMatchSpec.Parse(word.Value).Spec is { Name: "conda" } condaSpec && condaSpec.Version is { } spec)
                    {
                        inRun.Add((word.SourceStart, new CondaVersionInDockerfile(word.Span, $"'{word.Value}'", null, spec)));
                    }
                }

                more = installs.MoveNext();
            }

            foreach (var (_, found) in inRun.OrderBy(f => f.At))
            {
                yield return found;
            }
        }
    }

    /// <summary>
    /// <c>Miniconda3-4.5.1-Linux-x86_64.sh</c>, <c>Miniconda3-py39_4.10.3-Linux-x86_64.sh</c>,
    /// <c>Anaconda3-5.1.0-Linux-x86_64.sh</c>: the version is the part after the first '-' (and after <c>pyXY_</c>).
    /// For Anaconda, a version before 5.2.0 means a conda before 4.5.4, so it is reported as 4.5.3 or less.
    /// </summary>
    private static (int Start, int Length, string Name, CondaVersion CondaEquivalent)? Installer(string word)
    {
        // Only the file name counts: "repo.anaconda.com/miniconda/Miniconda3-…" has the product name in its path too.
        var fileStart = word.LastIndexOf('/') + 1;
        var fileName = word[fileStart..];
        foreach (var product in new[] { "Miniconda", "Anaconda" })
        {
            if (!fileName.StartsWith(product, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var dash = fileName.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                continue;
            }

            var start = dash + 1;
            var nextDash = fileName.IndexOf('-', start);
            var end = nextDash < 0 ? fileName.Length : nextDash;
            var underscore = fileName.IndexOf('_', start);
            if (underscore > start && underscore < end && fileName.AsSpan(start).StartsWith("py", StringComparison.OrdinalIgnoreCase))
            {
                start = underscore + 1;
            }

            if (ParseVersion(fileName[start..end]) is not { } version)
            {
                continue;
            }

            var equivalent = product == "Anaconda"
                ? (version.CompareTo(FirstAnacondaWithConda454) < 0 ? CondaVersion.Parse("4.5.3") : CondaVersion.Parse("4.5.4"))
                : version;
            return (fileStart, fileName.Length, $"the installer '{fileName}'", equivalent);
        }

        return null;
    }

    private static IEnumerable<CondaVersionInDockerfile> FromImage(Located<string> image)
    {
        var reference = image.Value;
        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        if (colon <= slash)
        {
            yield break;
        }

        var repository = reference[(slash + 1)..colon].ToLowerInvariant();
        var tag = reference[(colon + 1)..].Split('@')[0];
        if (repository is not ("miniconda" or "miniconda2" or "miniconda3" or "anaconda" or "anaconda2" or "anaconda3") ||
            ParseVersion(tag) is not { } version)
        {
            yield break;
        }

        var equivalent = repository.StartsWith("anaconda", StringComparison.Ordinal)
            ? (version.CompareTo(FirstAnacondaWithConda454) < 0 ? CondaVersion.Parse("4.5.3") : CondaVersion.Parse("4.5.4"))
            : version;
        yield return new CondaVersionInDockerfile(image.Span, $"the base image '{reference}'", equivalent, null);
    }

    private static bool IsCondaVersionVariable(string key) =>
        key.Equals("CONDA_VERSION", StringComparison.OrdinalIgnoreCase) || key.Equals("MINICONDA_VERSION", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>py39_4.10.3</c> → <c>4.10.3</c>; <c>4.5.1</c> stays.</summary>
    private static string LastVersionPart(string value)
    {
        var underscore = value.LastIndexOf('_');
        return underscore >= 0 ? value[(underscore + 1)..] : value;
    }

    /// <summary>Only plain dotted numbers count (<c>latest</c>, <c>$VERSION</c> and templates are unknown, not old).</summary>
    private static CondaVersion? ParseVersion(string text) =>
        text.Length is > 0 and < 64 && char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Contains('.') &&
        CondaVersion.TryParse(text, out var version, out _) ? version : null;
}
