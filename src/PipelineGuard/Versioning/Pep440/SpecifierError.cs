namespace PipelineGuard.Versioning.Pep440;

/// <summary>Why a specifier (set) does not parse: 0-based <see cref="Offset"/> and <see cref="Length"/> into the parsed text.</summary>
internal sealed record SpecifierError(int Offset, int Length, string Message);
