using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// A conda environment specification (the <c>environment.yml</c> shape), wherever it was written:
/// its own file, inline under a v2 <c>conda_file:</c>, or as v1 <c>condaDependencies</c> JSON.
/// </summary>
internal sealed record CondaSpec(
    Located<string>? Name,
    IReadOnlyList<Located<string>>? Channels,
    SourceSpan? ChannelsKey,
    IReadOnlyList<CondaDependency> Dependencies,
    SourceSpan DependenciesKey,
    PipList? Pip)
{
    /// <summary>The conda dependency named <paramref name="name"/> (conda names compare case-insensitively).</summary>
    public IEnumerable<CondaDependency> Named(string name) =>
        Dependencies.Where(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool HasPipPackages => Pip is { Entries.Count: > 0 };
}
