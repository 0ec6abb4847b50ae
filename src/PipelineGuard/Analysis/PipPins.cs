using PipelineGuard.Environments;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Analysis;

/// <summary>
/// What PG102, PG103 and PG135 read of a conda spec's pip: which versions it admits, where it comes from, which
/// Python it must run on, and which of the three rules speaks for it. One token gets one finding: a pip that cannot
/// run on the Python (PG135) fails the build before any resolver runs; a hang risk (PG103) already says to pin it.
/// </summary>
internal static class PipPins
{
    public static CondaVersionSet Admitted(CondaDependency pip) => pip.Spec?.Version?.Set ?? CondaVersionSet.Everything;

    /// <summary>What every <c>pip</c> entry of the spec admits together: conda intersects them.</summary>
    public static CondaVersionSet Admitted(CondaSpec conda) => CondaVersionSet.IntersectAll(conda.Named("pip").Select(Admitted));

    /// <summary>What the spec's other <c>pip</c> entries admit: the room a fix of <paramref name="pip"/> has.</summary>
    public static CondaVersionSet AdmittedByOthers(CondaSpec conda, CondaDependency pip) =>
        CondaVersionSet.IntersectAll(conda.Named("pip").Where(p => !ReferenceEquals(p, pip)).Select(Admitted));

    /// <summary>Some <c>pip</c> entry of the spec is an exact pin, so the spec as a whole pins pip.</summary>
    public static bool PinnedBySpec(CondaSpec conda) => conda.Named("pip").Any(p => p.Spec is { IsExactPin: true });

    /// <summary>The Python minor the environment pins, when exactly one python spec names one.</summary>
    public static (int Major, int Minor)? Python(CondaSpec conda) =>
        PythonSpec.Of(conda) is [var single] ? PythonSpec.MinorVersion(single) : null;

    /// <summary>"Python 3.12" for messages, or null.</summary>
    public static string? PythonName(CondaSpec conda) => Python(conda) is { } p ? $"Python {p.Major}.{p.Minor}" : null;

    /// <summary>pip comes from conda-forge: taken as <c>conda-forge::pip</c>, or conda-forge is the first channel.</summary>
    public static bool FromCondaForge(CondaSpec conda, CondaDependency pip)
    {
        var channel = pip.Spec?.Channel ?? (conda.Channels is { Count: > 0 } channels ? channels[0].Value : null);
        return channel is not null && IsCondaForge(channel);
    }

    /// <summary>PG135's case: the pins make every admitted pip one that cannot run on the environment's Python.</summary>
    public static bool CannotRun(CondaSpec conda, CondaDependency pip) =>
        pip.Spec is not null && Python(conda) is { } python && PipReleaseFacts.NoneRunsOn(Admitted(pip), python);

    /// <summary>
    /// PG103's case: conda-forge first, pip packages to resolve, and the pip conda installs is one whose resolver can
    /// hang. conda installs the newest pip that every pip entry admits and that runs on the Python
    /// (<see cref="PipReleaseFacts.Installed"/>), so an unpinned pip, or a range like <c>pip&gt;=20</c> or
    /// <c>pip&lt;=24.0</c>, gets a fail-fast pip today: that is PG102's irreproducibility, not a hang. On Python 3.6 the
    /// newest pip that runs is 21.3.1, in the hang range, so there an unpinned pip is PG103's.
    /// </summary>
    public static bool HangRisk(CondaSpec conda, CondaDependency pip) =>
        conda.HasPipPackages && pip.Spec is not null && FromCondaForge(conda, pip) && !CannotRun(conda, pip) &&
        PipReleaseFacts.Installed(Admitted(conda), Python(conda)) is { } installed && PipReleaseFacts.HangRisk.Contains(installed);

    /// <summary>
    /// Every pip package is pinned to one artifact (<c>==</c>, a URL or a path), so the resolver has only their
    /// dependencies left to backtrack over: a hang risk then is a warning, not an error.
    /// </summary>
    public static bool AllPipPackagesExact(CondaSpec conda) =>
        conda.Pip is { } pip && pip.Requirements.Requirements.Any() &&
        pip.Requirements.Requirements.All(r => r.Kind != RequirementKind.Named ||
            (Pep508Requirement.TryParse(r.Requirement.Value, out var parsed, out _) && (parsed.Url is not null || parsed.Specifier.IsExactPin)));

    /// <summary>
    /// The exact pip to suggest for <paramref name="pip"/>, valid for this environment: it runs on the Python, lies
    /// outside the hang range, and is admitted by the spec's other pip entries (and, with
    /// <paramref name="keepOwnRange"/>, by this entry too: PG102 pins within what the user asked for). The preferred
    /// pin for the Python (<see cref="PipReleaseFacts.SuggestedPin"/>) when it fits, else none: the table knows
    /// which lines exist, not every release in them, so it never invents a version.
    /// </summary>
    public static string? SuggestedPin(CondaSpec conda, CondaDependency pip, bool keepOwnRange)
    {
        var pin = PipReleaseFacts.SuggestedPin(Python(conda));
        if (pin is null)
        {
            return null;
        }

        var room = keepOwnRange ? AdmittedByOthers(conda, pip).Intersect(Admitted(pip)) : AdmittedByOthers(conda, pip);
        return room.Contains(CondaVersion.Parse(pin)) ? pin : null;
    }

    /// <summary>
    /// The guide's own remedy for the conda-forge case, <c>pip&lt;20.3</c> (any spec that admits only pips older than
    /// the new resolver), is a pin in PG102's sense: it avoids the hang, and PG135 judges whether it runs.
    /// </summary>
    public static bool IsGuideRemedy(CondaSpec conda, CondaDependency pip)
    {
        if (!FromCondaForge(conda, pip))
        {
            return false;
        }

        return PipReleaseFacts.AllOlderThanHangRisk(Admitted(pip));
    }

    /// <summary>The dependency rewritten to an exact pin, keeping a channel written before '::'.</summary>
    public static string PinnedText(CondaDependency pip, string version) =>
        (pip.Spec?.Channel is { } channel && pip.Text.Value.Contains("::", StringComparison.Ordinal) ? channel + "::" : string.Empty) + "pip=" + version;

    /// <summary>conda-forge by name, or by its URL (<c>https://conda.anaconda.org/conda-forge</c>).</summary>
    private static bool IsCondaForge(string channel)
    {
        var trimmed = channel.Trim().TrimEnd('/');
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return last.Equals("conda-forge", StringComparison.OrdinalIgnoreCase);
    }
}
