using PipelineGuard.Model;
namespace PipelineGuard.Versioning.Pep508;

/// <summary><c>left op right</c>; <see cref="Operator"/> is one of == != &lt; &lt;= &gt; &gt;= ~= === in, not in.</summary>
internal sealed record MarkerComparison(MarkerOperand Left, string Operator, MarkerOperand Right, TextSpan Span) : MarkerExpression(Span);
