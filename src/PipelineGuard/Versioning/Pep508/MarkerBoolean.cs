using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>Two or more operands joined by <c>and</c> (<see cref="IsOr"/> false) or <c>or</c>.</summary>
internal sealed record MarkerBoolean(bool IsOr, ImmutableArray<MarkerExpression> Operands, TextSpan Span) : MarkerExpression(Span);
