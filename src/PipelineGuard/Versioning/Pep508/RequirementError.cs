namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// Why a line is not a PEP 508 requirement. <see cref="Offset"/>/<see cref="Length"/> are 0-based into the text;
/// <see cref="SuggestedFix"/> is the whole corrected requirement when the mistake is a known habit (e.g. conda's single '=').
/// </summary>
internal sealed record RequirementError(int Offset, int Length, string Message, string? SuggestedFix = null);
