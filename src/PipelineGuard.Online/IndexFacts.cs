using PipelineGuard.Online.Pip;

namespace PipelineGuard.Online;

/// <summary>
/// Everything the online rules know after the lookups, immutable: what each index said about each project (by index
/// URL and normalised name), what each conda channel has, and which image references exist. The rules are pure
/// functions of the workspace and these facts; what was not verified is absent, and a rule stays silent on it.
/// </summary>
internal sealed record IndexFacts
{
    public static IndexFacts Empty { get; } = new();

    /// <summary>Keyed by (index URL without a trailing '/', normalised project name).</summary>
    public IReadOnlyDictionary<(string Index, string Name), ProjectLookup> Projects { get; init; } = new Dictionary<(string, string), ProjectLookup>();

    /// <summary>Keyed by (channel URL, lower-case package name): the versions the channel has for linux-64 and noarch; absent when not verified.</summary>
    public IReadOnlyDictionary<(string Channel, string Name), IReadOnlyList<string>> CondaPackages { get; init; } = new Dictionary<(string, string), IReadOnlyList<string>>();

    /// <summary>The channels whose repodata was read (a package absent from one of them is not on it).</summary>
    public IReadOnlySet<string> ReadChannels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Manifest URLs of pinned base images and whether the registry has them; absent when not verified.</summary>
    public IReadOnlyDictionary<string, bool> Images { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    public ProjectLookup Project(string index, string name) => Projects.GetValueOrDefault((index, name)) ?? ProjectLookup.Unknown;
}
