using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Python;

/// <summary>
/// PG111: a conda spec does not pin Python. conda then picks the newest Python its channels offer, which
/// changes under you and can differ from the interpreter the code was tested with (and break packages pinned
/// for an older Python). Guide: "Python version missing" (D20).
/// </summary>
internal sealed class PythonUnpinned : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG111", "python-unpinned", Severity.Warning,
        "A conda spec does not pin the Python version.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
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
                    "Python can then differ from the one you tested with and break pinned packages. Add e.g. '- python=3.11'.");
            }

            yield break;
        }

        foreach (var python in pythons.Where(p => p.Spec is not null && PythonSpec.MinorVersion(p) is null))
        {
            yield return Report(python.ValueSpan,
                $"'{python.Text.Value.Trim()}' does not pin one Python version; conda picks the newest that matches, which can " +
                "change between builds. Pin the minor version, e.g. 'python=3.11'.");
        }
    }
}
