using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>Only options (<c>--index-url</c>, <c>--pre</c>, ...), possibly several.</summary>
internal sealed record OptionLine : RequirementsEntry
{
    public OptionLine(LogicalLine line, IReadOnlyList<PipOption> options, IReadOnlyList<Located<string>> ignoredArguments)
        : base(line, options, ignoredArguments)
    {
    }
}
