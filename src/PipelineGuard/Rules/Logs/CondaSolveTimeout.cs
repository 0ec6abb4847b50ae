using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG317: the log ends inside conda's <c>Solving environment</c> (nothing decisive happened after it in that step). Not a
/// line but the absence of one: <see cref="BuildMarkers"/> keeps the open solve, and this rule looks at it at the end.
/// </summary>
internal sealed class CondaSolveTimeout : LogRule
{
    public static readonly RuleInfo Rule = new("PG317", "conda-solve-timeout", Severity.Error,
        "The log ends while conda is still solving the environment.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [];

    public override void AtEnd(LogContext context)
    {
        if (context.OpenSolve is not { } line || context.Store.AnyAfter(line.Segment, line.Number, Strength.Decisive))
        {
            return;
        }

        context.Emit(new LogSignal(Rule, LogKinds.SolveTimeout, Strength.Decisive, line,
            "the log ends while conda is still solving the environment ('Solving environment' never finished)" +
            (context.TimeoutSeen ? " and the task reports its timeout" : string.Empty) +
            ": the solver ran until the build's time limit. Pin exact versions (above all python), remove packages the job does not need, " +
            "use fewer channels (with channel_priority strict), or a conda with the libmamba solver (23.10 or newer). See https://aka.ms/azureml/environment/improve-conda-performance."));
    }
}
