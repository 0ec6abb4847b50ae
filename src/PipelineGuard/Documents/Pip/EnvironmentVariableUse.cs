using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A <c>${NAME}</c> reference (pip expands only this form, NAME of [A-Z0-9_]).
/// <see cref="Value"/> is what it was replaced by, or null when it was kept as written
/// (no lookup given, or the variable unset or empty: pip then keeps it too).
/// </summary>
internal sealed record EnvironmentVariableUse(Located<string> Name, SourceSpan Span, string? Value);
