using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Python;

/// <summary>
/// PG111: a conda spec does not pin Python. conda then picks the newest Python its channels offer, which
/// changes under you and can differ from the interpreter the code was tested with (and break packages pinned
/// for an older Python). Guide: "Python version missing" (D20).
/// </summary>
internal sealed class PythonUnpinned : IRule
{
    public static readonly RuleInfo Rule = new("PG111", "python-unpinned", Severity.Warning,
        "A conda spec does not pin the Python version.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context) => context.Workspace.Environments.SelectMany(e => Check(e, context.Today));

    private static IEnumerable<Finding> Check(AmlEnvironment environment, DateOnly today)
    {
        if (environment.Conda is not { } conda || environment.UserManagedDependencies?.Value == true)
        {
            yield break;
        }

        var pythons = PythonSpec.Of(conda);
        if (pythons.Count == 0)
        {
            if (conda.Dependencies.Count > 0 || conda.HasPipPackages)
            {
                yield return Report(conda.DependenciesKey,
                    "the spec does not list python, so conda installs whatever Python is newest on its channels; the image's " +
                    "Python can then differ from the one you tested with and break pinned packages. Add the minor version you test " +
                    $"with, e.g. '- python={Example(PythonEndOfLife.Dates.Keys, today)}'.");
            }

            yield break;
        }

        foreach (var python in pythons.Where(p => p.Spec is not null && PythonSpec.MinorVersion(p) is null))
        {
            var admitted = PythonSpec.AdmittedMinors(python).Where(PythonEndOfLife.Dates.ContainsKey).ToList();
            var example = admitted.Count > 0 ? $", e.g. 'python={Example(admitted, today)}'" : string.Empty;
            yield return Report(python.ValueSpan,
                $"'{python.Text.Value.Trim()}' does not pin one Python version; conda picks the newest that matches, which can " +
                $"change between builds. Pin the minor version you test with{example}.");
        }
    }

    private static Finding Report(SourceSpan span, string message) => new(Rule, Rule.DefaultSeverity, message, span);

    /// <summary>
    /// The minor to show as an example, from those the spec admits: the oldest still supported on
    /// <paramref name="today"/> (the one most pinned packages still resolve on), else the newest admitted.
    /// </summary>
    private static string Example(IEnumerable<(int Major, int Minor)> admitted, DateOnly today)
    {
        var ordered = admitted.Order().ToList();
        var supported = ordered.Where(m => PythonEndOfLife.Dates[m] > today).ToList();
        var (major, minor) = supported.Count > 0 ? supported[0] : ordered[^1];
        return $"{major}.{minor}";
    }
}
