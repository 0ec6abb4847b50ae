using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary><c>-r file</c> / <c>-c file</c>: pip reads that file next, relative to this one's folder (or URL).</summary>
internal sealed record IncludeLine : RequirementsEntry
{
    public IncludeLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments, PipOption include)
        : base(line, options, ignoredArguments)
    {
        Include = include;
    }

    /// <summary>The option that wins (pip follows only one per line).</summary>
    public PipOption Include { get; }

    public Located<string> Path => Include.Value!;

    public bool IsConstraint => Include.Spec == PipOptions.Constraint;
}
