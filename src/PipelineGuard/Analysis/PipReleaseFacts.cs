using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Analysis;

/// <summary>
/// What PipelineGuard knows about pip releases: which Python each release line runs on, which lines carry the
/// resolver's hang risk, and which exact pin to suggest for a Python. Every message and fix of PG102, PG103 and PG135
/// that names a pip version takes it from here, so no advice names a pip that cannot run on the environment's Python.
/// Taken 2026-12-02; sources and the local runs behind each row are in docs/pip-compatibility.md. Update both together
/// when pip or Python ships a new line.
/// </summary>
internal static class PipReleaseFacts
{
    /// <summary>
    /// pip 20.3 made the backtracking resolver the default; before 23.1 (resolvelib 1.0.1 with backjumping, and a
    /// 200,000-round cap instead of 2,000,000) an unresolvable pip list can keep it busy for hours (pypa/pip#9011,
    /// #9841, #11480). From 23.1 on it fails fast with ResolutionImpossible or ResolutionTooDeep.
    /// </summary>
    public static readonly CondaVersion FirstHangRisk = CondaVersion.Parse("20.3");

    /// <summary>The first pip whose resolver fails fast (see <see cref="FirstHangRisk"/>).</summary>
    public static readonly CondaVersion FirstFailFast = CondaVersion.Parse("23.1");

    /// <summary>The pip versions whose resolver can hang with conda-forge first: [20.3, 23.1).</summary>
    public static CondaVersionSet HangRisk { get; } = CondaVersionSet.Between(CondaCut.Before(FirstHangRisk), CondaCut.Before(FirstFailFast));

    /// <summary>
    /// Release lines of pip and the Python minors each runs on, from its <c>requires-python</c> up to the newest
    /// Python it was seen to install a wheel on (pip before 23.1.2, and 23.1.1, cannot run on 3.12: distutils and
    /// <c>pkgutil.ImpImporter</c> are gone, pypa/pip#12358). Lines: [From, Below).
    /// </summary>
    public static IReadOnlyList<PipReleaseLine> Lines { get; } =
    [
        // Before 20.0 only the end matters here: nothing older than 23.1 runs on 3.12 (distutils is gone).
        new("0", "20.0", (2, 7), (3, 11)),
        new("20.0", "21.0", (2, 7), (3, 11)),
        new("21.0", "22.0", (3, 6), (3, 11)),
        new("22.0", "23.1", (3, 7), (3, 11)),
        new("23.1", "23.1.1", (3, 7), (3, 13)),
        new("23.1.1", "23.1.2", (3, 7), (3, 11)),
        new("23.1.2", "24.1", (3, 7), (3, 13)),
        new("24.1", "25.1", (3, 8), (3, 13)),
        new("25.1", "25.2", (3, 9), (3, 13)),
        new("25.2", "26.1", (3, 9), (3, 14)),
        new("26.1", "26.3", (3, 10), (3, 15)),
    ];

    /// <summary>
    /// The exact pip to suggest for a Python minor: the newest release, within the fail-fast era, that runs on it and
    /// that conda-forge and defaults serve. Null where no pin is both (Python 3.6 and older) or the Python is newer than
    /// the table knows.
    /// </summary>
    public static string? SuggestedPin((int Major, int Minor)? python) => python switch
    {
        null => null,
        (3, 7) => "24.0",
        (3, 8) => "25.0.1",
        (3, >= 9 and <= 14) => "26.0.1",
        _ => null,
    };

    /// <summary>The words for "a pip pin that is safe here", for messages where the Python is not known.</summary>
    public const string GenericAdvice = "an exact pip of 23.1.2 or newer that runs on your Python (pip=26.0.1 for Python 3.9 to 3.14, pip=25.0.1 for 3.8)";

    /// <summary>
    /// Is it certain that no pip <paramref name="admitted"/> runs on <paramref name="python"/>? Judged on release-like
    /// versions (see <see cref="Releases"/>), so a conda range's pre-release corners (<c>=23.1.1</c> also admits
    /// <c>23.1.1a1</c>) do not count; versions newer than the table are given the benefit of the doubt.
    /// </summary>
    public static bool NoneRunsOn(CondaVersionSet admitted, (int Major, int Minor) python) =>
        (bool)NoneRunsOnCache.GetOrAdd($"{admitted}|{python.Major}.{python.Minor}", _ => NoneRunsOnUncached(admitted, python));

    // A monorepo repeats a handful of pip specs thousands of times, and each answer walks the whole release table:
    // answers are kept by the set's text (its intervals) and the Python. Rules run in parallel, hence concurrent.
    // Keys are strings and values objects: the framework's shared code for reference types is precompiled, while a
    // tuple key or a bool value would be compiled by the JIT at start-up (docs/performance.md).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> NoneRunsOnCache = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CondaVersion?> InstalledCache = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> OlderThanHangRiskCache = new(StringComparer.Ordinal);

    /// <summary>
    /// Does <paramref name="admitted"/> admit release-like versions, every one of them older than the resolver's hang
    /// risk (before 20.3)? Kept by the set's text, like the answers above.
    /// </summary>
    public static bool AllOlderThanHangRisk(CondaVersionSet admitted) =>
        (bool)OlderThanHangRiskCache.GetOrAdd(admitted.ToString(), _ =>
        {
            var releases = Releases.Where(admitted.Contains).ToList();
            return releases.Count > 0 && releases.All(v => v.CompareTo(FirstHangRisk) < 0);
        });

    private static bool NoneRunsOnUncached(CondaVersionSet admitted, (int Major, int Minor) python)
    {
        var candidates = Releases.Where(admitted.Contains).ToList();
        return candidates.Count > 0 && candidates.All(v => Lines.Any(l => l.Versions.Contains(v)) && !RunsOn(v, python));
    }

    /// <summary>
    /// The pip conda installs for a spec that admits <paramref name="admitted"/>: the newest release-like version it
    /// admits that runs on the Python (any, when the Python is not pinned). Versions newer than the table run on the
    /// Pythons its newest line runs on. Null when none is admitted (PG135's case, or an empty intersection).
    /// </summary>
    public static CondaVersion? Installed(CondaVersionSet admitted, (int Major, int Minor)? python) =>
        InstalledCache.GetOrAdd($"{admitted}|{python?.Major}.{python?.Minor}", _ => InstalledUncached(admitted, python));

    private static CondaVersion? InstalledUncached(CondaVersionSet admitted, (int Major, int Minor)? python)
    {
        var newestLine = Lines[^1];
        var beyond = CondaVersion.Parse(newestLine.Below);
        return Releases.Where(admitted.Contains)
            .Where(v => python is not { } py || RunsOn(v, py) || (v.CompareTo(beyond) >= 0 && newestLine.RunsOn(py)))
            .Select(v => (CondaVersion?)v)
            .LastOrDefault();
    }

    /// <summary>
    /// Does <paramref name="admitted"/> stop below the newest release line, the only one pip still ships releases in?
    /// Then the newest pip it admits is already released and never changes (<c>pip&lt;=23.2.1</c>, <c>pip&lt;25</c>):
    /// conda installs the same pip on every build, as with an exact pin.
    /// </summary>
    public static bool Settled(CondaVersionSet admitted) => !admitted.HasAnyAtOrAbove(NewestLineStart);

    private static readonly CondaVersion NewestLineStart = CondaVersion.Parse(Lines[^1].From);

    /// <summary>
    /// Every version of the form X.Y.Z with X up to 30, Y and Z up to 4: a grid that holds every pip release there has
    /// been (20.3.4, 22.3.1, 25.0.1, …) and every one a spec could mean, without pre-releases.
    /// </summary>
    public static IReadOnlyList<CondaVersion> Releases { get; } =
        [.. from major in Enumerable.Range(0, 31) from minor in Enumerable.Range(0, 5) from patch in Enumerable.Range(0, 5)
            select CondaVersion.Parse($"{major}.{minor}.{patch}")];

    private static bool RunsOn(CondaVersion version, (int Major, int Minor) python) =>
        Lines.Any(l => l.Versions.Contains(version) && l.RunsOn(python));

    /// <summary>Does the exact version run on the Python, as far as the table knows (false for versions it does not list)?</summary>
    public static bool RunsOn(string version, (int Major, int Minor) python) =>
        CondaVersion.TryParse(version, out var v, out _) && RunsOn(v, python);

}
