using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Online.Pip;

/// <summary>A project's page on a simple index: its files, and the version each file is of.</summary>
internal sealed record ProjectPage(string Name, IReadOnlyList<DistributionFile> Files)
{
    private static readonly string[] SdistExtensions = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar"];

    /// <summary>The files of one version (PEP 440 equality: <c>1.0</c> is <c>1.0.0</c>).</summary>
    public IReadOnlyList<DistributionFile> FilesOf(Pep440Version version) =>
        [.. Files.Where(f => VersionOf(f.FileName) is { } v && v == version)];

    /// <summary>Every version some file is of, oldest first.</summary>
    public IReadOnlyList<Pep440Version> Versions =>
        [.. Files.Select(f => VersionOf(f.FileName)).OfType<Pep440Version>().Distinct().Order()];

    /// <summary>
    /// The version in a wheel's or an sdist's file name, or null for other files (eggs, installers) and names that
    /// do not start with the project's name. An sdist's name may itself hold '-' (<c>azureml-core-1.38.0.tar.gz</c>).
    /// </summary>
    public Pep440Version? VersionOf(string fileName)
    {
        if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = fileName[..^4].Split('-');
            return parts.Length is 5 or 6 && Pep440Version.TryParse(parts[1], out var wheel) ? wheel : null;
        }

        var extension = SdistExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null)
        {
            return null;
        }

        var stem = fileName[..^extension.Length];
        var normalized = Pep508Requirement.Normalize(Name);
        for (var dash = stem.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = stem.IndexOf('-', dash + 1))
        {
            if (Pep508Requirement.Normalize(stem[..dash]) == normalized)
            {
                return Pep440Version.TryParse(stem[(dash + 1)..], out var sdist) ? sdist : null;
            }
        }

        return null;
    }

    public static bool IsSdist(string fileName) => SdistExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
