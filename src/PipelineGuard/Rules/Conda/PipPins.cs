using PipelineGuard.Environments;
using PipelineGuard.Rules.Python;
using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Rules.Conda;

/// <summary>
/// What PG102, PG103 and PG135 read of a conda spec's pip: which versions it admits, where it comes from, which
/// Python it must run on, and which of the three rules speaks for it. One token gets one finding: a pip that cannot
/// run on the Python (PG135) fails the build before any resolver runs; a hang risk (PG103) already says to pin it.
/// </summary>
internal static class PipPins
{
    public static CondaVersionSet Admitted(CondaDependency pip) => pip.Spec?.Version?.Set ?? CondaVersionSet.Everything;

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

    /// <summary>PG103's case: conda-forge first, pip packages to resolve, and a pip whose resolver can hang admitted.</summary>
    public static bool HangRisk(CondaSpec conda, CondaDependency pip) =>
        conda.HasPipPackages && pip.Spec is not null && FromCondaForge(conda, pip) && !CannotRun(conda, pip) &&
        PipReleaseFacts.AdmitsHangRisk(Admitted(pip));

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

        var admitted = Admitted(pip);
        var releases = PipReleaseFacts.Releases.Where(admitted.Contains).ToList();
        return releases.Count > 0 && releases.All(v => v.CompareTo(PipReleaseFacts.FirstHangRisk) < 0);
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
