namespace PipelineGuard.Versioning.Pep440;

/// <summary>Why a text is not a PEP 440 version: <see cref="Offset"/> is 0-based into the text given to TryParse.</summary>
internal sealed record VersionError(int Offset, string Message);
