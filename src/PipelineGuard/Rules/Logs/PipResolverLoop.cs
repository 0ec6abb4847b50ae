using PipelineGuard.Analysis;
using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG307: pip's resolver backtracking: <c>ResolutionTooDeep</c> (it gave up), <c>INFO: pip is looking at multiple versions of
/// X</c> and <c>This is taking longer than usual</c> (context that can fail a build by itself when it runs into the time limit).
/// </summary>
internal sealed class PipResolverLoop : LogRule
{
    public static readonly RuleInfo Rule = new("PG307", "pip-resolver-loop", Severity.Error,
        "pip's resolver backtracked through many versions (ResolutionTooDeep, or the build timed out while it did).");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 160, ["ResolutionTooDeep"], TooDeep) { ReachedThroughTheirLine = ["ResolutionTooDeep"] },
        new(Families.Pip, 170, ["looking at multiple versions"], MultipleVersions)
        {
            LineStarts = ["INFO: "],
            ReachedThroughTheirLine = ["looking at multiple versions"],
        },
        new(Families.Pip, 180, ["taking longer than usual"], TakingLonger) { ReachedThroughTheirLine = ["taking longer than usual"] },
    ];

    private static bool TooDeep(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "ResolutionTooDeep"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.ResolutionTooDeep, Strength.Decisive, line,
            "pip's resolver gave up after too many backtracking rounds (ResolutionTooDeep): the requirements leave it too many versions to try. " +
            "Pin the packages it was looking at (the 'pip is looking at multiple versions of …' lines), or add a constraints file."));
        return true;
    }

    private static bool MultipleVersions(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "looking at multiple versions of "))
        {
            return false;
        }

        var package = LogText.RequirementName(LogText.After(text, "multiple versions of "));
        context.Emit(new LogSignal(Rule, LogKinds.ResolverBacktracking, Strength.Context, line,
            $"pip's resolver is backtracking through versions of '{package}': with pip 20.3 or newer a loose pip list (above all with conda-forge first) " +
            $"can backtrack for hours. Pin '{package}' and what depends on it; with conda-forge first, pin {PipReleaseFacts.GenericAdvice}, whose " +
            "resolver fails fast (see PG103).")
            with { Package = package });
        return true;
    }

    private static bool TakingLonger(LogLine line, LogContext context)
    {
        if (!Has(line.Text, "taking longer than usual"))
        {
            return false;
        }

        if (context.Store.Last(Rule, line.Segment) is null)
        {
            context.Emit(new LogSignal(Rule, LogKinds.ResolverBacktracking, Strength.Context, line,
                "pip's resolver is taking longer than usual: it is backtracking through many versions. Pin the packages it is looking at."));
        }

        return true;
    }
}
