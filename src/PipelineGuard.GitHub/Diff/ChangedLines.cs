using System.Collections.Immutable;

namespace PipelineGuard.GitHub.Diff;

/// <summary>
/// The lines that a change adds or modifies, per repository-relative path ('/' separators), on the new side of the diff.
/// A deleted line has no new-side number and so is never "changed" here: a finding can only sit on a line that exists.
/// </summary>
internal sealed class ChangedLines
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<int>> _lines;
    private readonly ImmutableHashSet<string> _wholeFiles;

    /// <param name="lines">Added lines per file.</param>
    /// <param name="wholeFiles">Files whose every line counts as changed: GitHub sends no <c>patch</c> for a diff too large to show.</param>
    public ChangedLines(IReadOnlyDictionary<string, ImmutableHashSet<int>> lines, IEnumerable<string>? wholeFiles = null)
    {
        _lines = lines.ToImmutableDictionary(StringComparer.Ordinal);
        _wholeFiles = (wholeFiles ?? []).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public static ChangedLines None { get; } = new(ImmutableDictionary<string, ImmutableHashSet<int>>.Empty);

    public IEnumerable<string> Files => _lines.Keys.Concat(_wholeFiles).Distinct(StringComparer.Ordinal);

    public bool Contains(string path, int line) =>
        _wholeFiles.Contains(path) || (_lines.TryGetValue(path, out var set) && set.Contains(line));

    /// <summary>True when any line of <paramref name="first"/>..<paramref name="last"/> changed.</summary>
    public bool ContainsAny(string path, int first, int last)
    {
        for (var line = first; line <= Math.Max(first, last); line++)
        {
            if (Contains(path, line))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlySet<int> LinesOf(string path) => _lines.TryGetValue(path, out var set) ? set : ImmutableHashSet<int>.Empty;
}
