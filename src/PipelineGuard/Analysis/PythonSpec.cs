using PipelineGuard.Environments;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Analysis;

/// <summary>The <c>python</c> dependencies of a conda spec, and the minor version a pin names.</summary>
internal static class PythonSpec
{
    public static IReadOnlyList<CondaDependency> Of(CondaSpec conda) => conda.Named("python").ToList();

    /// <summary>
    /// The (major, minor) of a spec that admits one minor version: <c>python=3.8</c>, <c>python==3.8.12</c>,
    /// <c>python 3.8.*</c>, <c>python=3.8.12=h12debd9_0</c>, and ranges that leave one minor open
    /// (<c>python&gt;=3.10,&lt;3.11</c>, <c>python~=3.10.4</c>): conda can only install a 3.10 for those, so they pin
    /// the interpreter as well as <c>=3.10</c> does. Ranges over several minors (<c>&gt;=3.8</c>, <c>3.8|3.9</c>) name none.
    /// </summary>
    public static (int Major, int Minor)? MinorVersion(CondaDependency python)
    {
        var text = python.Spec?.VersionText;
        if (text is null)
        {
            return null;
        }

        if (text.IndexOfAny(['<', '>', '!', '|', ',', '~']) < 0)
        {
            var parts = text.TrimStart('=').Split('.');
            return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1].TrimEnd('*'), out var minor)
                ? (major, minor)
                : null;
        }

        return AdmittedMinors(python) is [var single] ? single : null;
    }

    /// <summary>
    /// The minors a python spec admits, oldest first, among those of the end-of-life table and the two after its newest
    /// (so that <c>&gt;=3.14</c> is seen to admit more than 3.14). A spec without a version admits them all. Judged on
    /// release versions (3.10, 3.10.0 to 3.10.40), so the pre-release corner that <c>&lt;3.11</c> leaves open
    /// (<c>3.11.0a1</c> sorts below 3.11) does not count as admitting 3.11.
    /// </summary>
    public static IReadOnlyList<(int Major, int Minor)> AdmittedMinors(CondaDependency python)
    {
        var version = python.Spec?.Version;
        return version is null
            ? Candidates.Select(c => c.Minor).ToList()
            : Candidates.Where(c => c.Releases.Any(version.Contains)).Select(c => c.Minor).ToList();
    }

    // Built on first use of a python range, not when the first python pin is read.
    private static readonly Lazy<IReadOnlyList<((int Major, int Minor) Minor, CondaVersion[] Releases)>> LazyCandidates = new(BuildCandidates);

    private static IReadOnlyList<((int Major, int Minor) Minor, CondaVersion[] Releases)> Candidates => LazyCandidates.Value;

    private static List<((int Major, int Minor), CondaVersion[])> BuildCandidates()
    {
        var known = PythonEndOfLife.Dates.Keys.Order().ToList();
        var newest = known[^1];
        known.Add((newest.Major, newest.Minor + 1));
        known.Add((newest.Major + 1, 0));
        return known.Select(m => (m, Releases(m).ToArray())).ToList();
    }

    /// <summary>The releases of one minor: 3.10, then 3.10.0 to 3.10.40 (no CPython line has had more patch releases).</summary>
    private static IEnumerable<CondaVersion> Releases((int Major, int Minor) minor) =>
        new[] { $"{minor.Major}.{minor.Minor}" }.Concat(Enumerable.Range(0, 41).Select(p => $"{minor.Major}.{minor.Minor}.{p}"))
            .Select(CondaVersion.Parse);
}
