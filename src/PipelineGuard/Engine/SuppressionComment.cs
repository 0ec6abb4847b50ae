using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>
/// One <c># pipelineguard: ignore PG106, PG107 -- reason</c> comment. <see cref="TargetLine"/> is the line it
/// covers: its own line for a trailing comment, the next line for a comment alone on its line; a file-level
/// <c>ignore-file</c> covers every line. <see cref="RuleIds"/> are IDs, whether the comment gave IDs or names.
/// </summary>
internal sealed record SuppressionComment(SourceSpan Span, IReadOnlyList<string> RuleIds, string? Reason, bool FileLevel, int TargetLine)
{
    /// <summary>What is wrong with the comment (a misspelt directive, an unknown rule), each reported as a warning on it.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
