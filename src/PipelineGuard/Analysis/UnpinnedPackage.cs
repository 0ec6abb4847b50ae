namespace PipelineGuard.Analysis;

/// <summary>Why a package operand of an install command is not pinned, with the name to show and the pin to suggest.</summary>
internal sealed record UnpinnedPackage(string Name, string Suggestion, string Reason);
