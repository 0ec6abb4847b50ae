using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>What pip's per-line parser (<c>get_line_parser</c>) makes of one logical line.</summary>
internal sealed record PipLineParse(
    MappedText Arguments,
    IReadOnlyList<(PipOption Option, MappedText? Value)> Options,
    IReadOnlyList<Located<string>> IgnoredArguments,
    ParseProblem? Problem);
