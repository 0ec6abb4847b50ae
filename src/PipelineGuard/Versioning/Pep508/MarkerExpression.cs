using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// An environment marker (PEP 508 "; python_version &lt; '3.8'") as a tree: comparisons combined by
/// <c>and</c> (binding tighter) and <c>or</c>, with the parentheses kept as <see cref="MarkerGroup"/> so that
/// <see cref="ToString"/> can print exactly what packaging 21.3's <c>str(Marker)</c> prints.
/// Offsets are 0-based into the text the marker was parsed from.
/// https://peps.python.org/pep-0508/#environment-markers, https://github.com/pypa/packaging/blob/21.3/packaging/markers.py
/// </summary>
internal abstract record MarkerExpression(TextSpan Span)
{
    /// <summary>
    /// Evaluates like <c>Marker.evaluate(environment)</c> when <paramref name="environment"/> holds every variable
    /// (we never fall back to this process's environment). Throws <see cref="MarkerEvaluationException"/> where
    /// packaging raises (unknown variable, '~=' or '===' on values that are not versions); see <see cref="TryEvaluate"/>.
    /// </summary>
    public bool Evaluate(IReadOnlyDictionary<string, string> environment)
    {
        var outcome = MarkerEvaluator.Evaluate(this, environment);
        return outcome.Error is null ? outcome.Value : throw new MarkerEvaluationException(outcome.Error);
    }

    /// <summary>Like <see cref="Evaluate"/> but reports packaging's exceptions as <paramref name="error"/>.</summary>
    public bool TryEvaluate(IReadOnlyDictionary<string, string> environment, out bool result, out string? error)
    {
        var outcome = MarkerEvaluator.Evaluate(this, environment);
        result = outcome.Value;
        error = outcome.Error;
        return error is null;
    }

    /// <summary>Exactly <c>str(Marker(text))</c>.</summary>
    public sealed override string ToString() => MarkerFormatter.Format(this);
}

/// <summary>One side of a comparison: an environment variable (aliases resolved: os.name → os_name) or a quoted string.</summary>
internal sealed record MarkerOperand(string Value, bool IsVariable, TextSpan Span);

/// <summary><c>left op right</c>; <see cref="Operator"/> is one of == != &lt; &lt;= &gt; &gt;= ~= === in, not in.</summary>
internal sealed record MarkerComparison(MarkerOperand Left, string Operator, MarkerOperand Right, TextSpan Span) : MarkerExpression(Span);

/// <summary>Two or more operands joined by <c>and</c> (<see cref="IsOr"/> false) or <c>or</c>.</summary>
internal sealed record MarkerBoolean(bool IsOr, ImmutableArray<MarkerExpression> Operands, TextSpan Span) : MarkerExpression(Span);

/// <summary>A parenthesised expression.</summary>
internal sealed record MarkerGroup(MarkerExpression Inner, TextSpan Span) : MarkerExpression(Span);

/// <summary>Raised by <see cref="MarkerExpression.Evaluate"/> where packaging raises UndefinedComparison / UndefinedEnvironmentName.</summary>
internal sealed class MarkerEvaluationException : Exception
{
    public MarkerEvaluationException()
    {
    }

    public MarkerEvaluationException(string message)
        : base(message)
    {
    }

    public MarkerEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
