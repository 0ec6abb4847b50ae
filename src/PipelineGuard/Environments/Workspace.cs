using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>Everything the rules look at: the documents, the environments built from them, and the file references between them.</summary>
internal sealed record Workspace(
    IReadOnlyList<InputDocument> Documents,
    IReadOnlyList<AmlEnvironment> Environments,
    IReadOnlyList<FileReference> References)
{
    private Dictionary<string, SourceText>? _byPath;

    /// <summary>The date of the run, from the injected clock (end-of-life checks depend on it).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The text of an input file by its display path (for snippets and fingerprints); built once, on first use.</summary>
    public SourceText? Source(string path)
    {
        _byPath ??= Documents.GroupBy(d => d.Text.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        return _byPath.GetValueOrDefault(path);
    }
}
