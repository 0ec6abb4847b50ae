namespace PipelineGuard.Versioning.Conda;

/// <summary>Why a conda dependency string is invalid, with the 0-based offset and length of the offending text in the input.</summary>
internal sealed record CondaSpecError(string Message, int Offset, int Length);
