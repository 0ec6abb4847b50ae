using PipelineGuard.Model;
namespace PipelineGuard.Versioning.Pep508;

/// <summary>One side of a comparison: an environment variable (aliases resolved: os.name → os_name) or a quoted string.</summary>
internal sealed record MarkerOperand(string Value, bool IsVariable, TextSpan Span);
