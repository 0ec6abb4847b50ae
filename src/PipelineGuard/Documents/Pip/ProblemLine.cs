using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>A line pip rejects (it would stop reading the whole file there).</summary>
internal sealed record ProblemLine : RequirementsEntry
{
    public ProblemLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments, ParseProblem problem)
        : base(line, options, ignoredArguments)
    {
        Problem = problem;
    }

    public ParseProblem Problem { get; }
}
