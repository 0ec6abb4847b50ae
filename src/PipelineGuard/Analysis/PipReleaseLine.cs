using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Analysis;

/// <summary>pip releases [<paramref name="From"/>, <paramref name="Below"/>) and the Python minors they run on (inclusive).</summary>
internal sealed record PipReleaseLine(string From, string Below, (int Major, int Minor) OldestPython, (int Major, int Minor) NewestPython)
{
    public CondaVersionSet Versions { get; } =
        CondaVersionSet.Between(CondaCut.Before(CondaVersion.Parse(From)), CondaCut.Before(CondaVersion.Parse(Below)));

    public bool RunsOn((int Major, int Minor) python) =>
        python.CompareTo(OldestPython) >= 0 && python.CompareTo(NewestPython) <= 0;
}
