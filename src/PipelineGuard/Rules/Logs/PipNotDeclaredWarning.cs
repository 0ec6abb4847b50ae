using PipelineGuard.BuildLogs;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG305: conda-env's warning that the spec has a <c>pip:</c> list but does not list pip itself (the log side of PG101).
/// Context: conda goes on, but may run another pip.
/// </summary>
internal sealed class PipNotDeclaredWarning : LogRule
{
    public static readonly RuleInfo Rule = new("PG305", "pip-not-declared", Severity.Error,
        "conda warned that the spec has pip packages but does not list pip itself.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Conda, 120, ["do not list pip itself"], Warning)
        {
            LineStarts = ["Warning: you have pip"],
            ReachedThroughTheirLine = ["do not list pip itself"],
        },
    ];

    public override void Link(LogSignal signal, SpecLinks links)
    {
        foreach (var pip in links.Workspace.Environments.Where(e => e.Conda is { } c && !c.Named("pip").Any()).Select(e => e.Conda!.Pip).OfType<PipList>())
        {
            links.Add(pip.Key, "this pip: list has no 'pip' among the conda dependencies");
        }
    }

    private static bool Warning(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "do not list pip itself"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.PipNotDeclared, Strength.Context, line,
            "conda warned that the spec has a pip: list but does not list pip itself among its dependencies: conda may then run another pip " +
            "(the base image's) and install the packages in the wrong place. Add 'pip=<version>' to the dependencies (see PG101)."));
        return true;
    }
}
