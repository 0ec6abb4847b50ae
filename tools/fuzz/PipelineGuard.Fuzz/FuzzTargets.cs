using System.Globalization;
using PipelineGuard.Diagnosis;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Images;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Documents.Tree;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Fuzz;

/// <summary>
/// The fuzz targets, one per reader. Each decodes the bytes as the product does (<see cref="TextDecoder"/>, or the
/// raw stream for build logs) and calls the reader exactly as the product does, then touches what the rules use of
/// the result (formatting, comparisons, spans), since that code runs on every parsed value too.
/// </summary>
internal static class FuzzTargets
{
    // No engine code may run here: instrumented code runs only after SharpFuzz has set up AFL's shared memory,
    // so the values the targets need are built on first use (FuzzProbes, the workspace).
    private static readonly Lazy<Environments.Workspace> LogWorkspace = new(FuzzWorkspace.Build);

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("yaml-tree", "YamlTreeReader.Read (conda and Azure ML YAML)", bytes => _ = YamlTreeReader.Read(Source("environment.yml", bytes))),
        new("json-tree", "JsonTreeReader.Read (Azure ML v1 JSON)", bytes => _ = JsonTreeReader.Read(Source("azureml_environment.json", bytes))),
        new("requirements", "RequirementsFileReader.Read (pip requirements files)", ReadRequirements),
        new("dockerfile", "DockerfileReader.Read, its global ARGs and FROM images", ReadDockerfile),
        new("image-reference", "ImageReference.TryParse (Docker image references)", bytes => ForEachPiece(bytes, ParseImageReference)),
        new("pep440-508", "PEP 440 versions and specifier sets, PEP 508 requirements and markers", bytes => ForEachPiece(bytes, ParsePep)),
        new("conda-matchspec", "CondaMatchSpec.Parse, conda versions and version specs", bytes => ForEachPiece(bytes, ParseConda)),
        new("build-log", "BuildLogDiagnoser.Analyze (the streaming build-log reader and diagnoser)", ReadBuildLog),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    private static SourceText Source(string path, byte[] bytes) => new(path, TextDecoder.Decode(bytes).Text);

    /// <summary>The one-line readers get the whole text (newlines included) and then each line, as files feed them.</summary>
    private static void ForEachPiece(byte[] bytes, Action<string> parse)
    {
        var text = TextDecoder.Decode(bytes).Text;
        parse(text);
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            foreach (var line in text.Split('\n'))
            {
                parse(line.TrimEnd('\r'));
            }
        }
    }

    private static void ReadRequirements(byte[] bytes)
    {
        // The product expands ${VAR} from the process environment; a fixed one keeps runs reproducible.
        var document = RequirementsFileReader.Read(Source("requirements.txt", bytes), name => name == "FUZZ_INDEX" ? "https://example.invalid/simple" : null);
        foreach (var requirement in document.Requirements)
        {
            _ = requirement.ToString();
        }
    }

    private static void ReadDockerfile(byte[] bytes)
    {
        var dockerfile = DockerfileReader.Read(Source("Dockerfile", bytes));
        DockerfileGlobalArgs? args = null;
        foreach (var stage in dockerfile.Stages)
        {
            args ??= DockerfileGlobalArgs.Of(dockerfile);
            var image = stage.From!.Image.Value;
            ParseImageReference(args.TryExpand(image, out var expanded) ? expanded : image);
        }
    }

    private static void ParseImageReference(string text)
    {
        if (ImageReference.TryParse(text, out var reference, out var error))
        {
            _ = reference.FullName;
            _ = reference.FamiliarName;
            _ = reference.NameRange;
        }
        else if (error is not null)
        {
            _ = error.Range;
        }
    }

    private static void ParsePep(string text)
    {
        if (Pep440Version.TryParse(text, out var version, out _))
        {
            _ = version.ToString();
            _ = version.Public;
            _ = version.BaseVersion;
            _ = version.GetHashCode();
            foreach (var probe in FuzzProbes.Pep440)
            {
                _ = version.CompareTo(probe);
            }
        }

        if (Pep440SpecifierSet.TryParse(text, out var set, out _))
        {
            UseSpecifierSet(set, version);
        }

        if (Pep508Requirement.TryParse(text, out var requirement, out _))
        {
            _ = requirement.ToString();
            _ = requirement.NormalizedName;
            UseSpecifierSet(requirement.Specifier, version);
            requirement.Marker?.TryEvaluate(FuzzProbes.MarkerEnvironment, out _, out _);
        }

        if (MarkerParser.TryParse(text, out var marker, out _))
        {
            _ = marker.ToString();
            marker.TryEvaluate(FuzzProbes.MarkerEnvironment, out _, out _);
        }
    }

    private static void UseSpecifierSet(Pep440SpecifierSet set, Pep440Version? version)
    {
        _ = set.ToString();
        _ = set.IsExactPin;
        foreach (var probe in version is null ? FuzzProbes.Pep440 : [.. FuzzProbes.Pep440, version])
        {
            _ = set.Contains(probe);
            _ = set.Contains(probe, prereleases: true);
            _ = set.AdmitsAnyAtOrAbove(probe);
        }
    }

    private static void ParseConda(string text)
    {
        var result = CondaMatchSpec.Parse(text);
        if (result.Success)
        {
            var spec = result.Spec;
            _ = spec.IsExactPin;
            foreach (var probe in FuzzProbes.Conda)
            {
                _ = spec.AdmitsAtOrAbove(probe);
                _ = spec.Version?.Contains(probe);
            }
        }

        if (CondaVersion.TryParse(text, out var version, out _))
        {
            _ = version.NormalizedText;
            _ = version.GetHashCode();
            foreach (var probe in FuzzProbes.Conda)
            {
                _ = version.CompareTo(probe);
            }
        }

        if (CondaVersionSpec.TryParse(text, out var versionSpec, out _))
        {
            _ = versionSpec.IsExactPin;
            foreach (var probe in version is null ? FuzzProbes.Conda : [.. FuzzProbes.Conda, version])
            {
                _ = versionSpec.Contains(probe);
                _ = versionSpec.AdmitsAtOrAbove(probe);
            }
        }
    }

    private static void ReadBuildLog(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "20_image_build_log.txt", LogWorkspace.Value);
        foreach (var finding in diagnosis.Findings)
        {
            _ = finding.Message.Length.ToString(CultureInfo.InvariantCulture);
        }
    }
}
