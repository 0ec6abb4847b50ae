using PipelineGuard.Model;
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
