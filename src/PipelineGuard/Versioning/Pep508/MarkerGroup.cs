using PipelineGuard.Model;
namespace PipelineGuard.Versioning.Pep508;

/// <summary>A parenthesised expression.</summary>
internal sealed record MarkerGroup(MarkerExpression Inner, TextSpan Span) : MarkerExpression(Span);
