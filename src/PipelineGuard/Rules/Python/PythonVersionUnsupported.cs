using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Python;

/// <summary>
/// PG124: the pinned Python is past or near its end of life (dated table in <see cref="PythonEndOfLife"/>).
/// Azure ML warns or refuses such versions at registration, and new package releases stop shipping wheels for
/// them, so builds fail or fall back to compiling. Guide: "Python version not supported" / "not recommended" (D22, D23).
/// </summary>
internal sealed class PythonVersionUnsupported : IRule
{
    public static readonly RuleInfo Rule = new("PG124", "python-version-unsupported", Severity.Warning,
        "The pinned Python version is end-of-life or near it.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var environment in context.Workspace.Environments)
        {
            foreach (var python in environment.Conda is { } conda ? PythonSpec.Of(conda) : [])
            {
                if (PythonSpec.MinorVersion(python) is not { } version)
                {
                    continue;
                }

                if (version.Major < 3 || (version.Major == 3 && version.Minor < 5))
                {
                    yield return Report(python, $"Python {version.Major}.{version.Minor} reached its end of life long ago");
                }
                else if (PythonEndOfLife.Dates.TryGetValue(version, out var eol))
                {
                    if (eol <= context.Today)
                    {
                        yield return Report(python, $"Python {version.Major}.{version.Minor} reached its end of life on {eol:yyyy-MM-dd}");
                    }
                    else if (eol.DayNumber - context.Today.DayNumber <= PythonEndOfLife.NearDays)
                    {
                        yield return Report(python, $"Python {version.Major}.{version.Minor} reaches its end of life on {eol:yyyy-MM-dd}");
                    }
                }
            }
        }
    }

    private static Finding Report(CondaDependency python, string what) =>
        new(Rule, Rule.DefaultSeverity,
            $"{what} ({PythonEndOfLife.Source}); Azure ML flags such versions and new package releases stop shipping " +
            "wheels for them, so the build fails or compiles from source. Move to a supported version, e.g. 'python=3.12'.",
            python.ValueSpan);
}
