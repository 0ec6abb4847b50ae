using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// packaging 21.3's <c>_evaluate_markers</c> and <c>_eval_op</c>. Like packaging, every comparison is evaluated
/// (no short-circuit), so an unknown variable is an error even where the result is already decided.
/// A comparison first tries to read <c>op + right</c> as a PEP 440 specifier (so python_version &lt; '3.10'
/// compares versions, not strings); if that is not a specifier it falls back to Python string operators.
/// </summary>
internal static class MarkerEvaluator
{
    internal readonly record struct Outcome(bool Value, string? Error);

    public static Outcome Evaluate(MarkerExpression expression, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        switch (expression)
        {
            case MarkerGroup group:
                return Evaluate(group.Inner, environment);
            case MarkerBoolean boolean:
                var value = !boolean.IsOr;
                foreach (var operand in boolean.Operands)
                {
                    var outcome = Evaluate(operand, environment);
                    if (outcome.Error is not null)
                    {
                        return outcome;
                    }

                    value = boolean.IsOr ? value | outcome.Value : value & outcome.Value;
                }

                return new Outcome(value, null);
            case MarkerComparison comparison:
                return Compare(comparison, environment);
            default:
                return new Outcome(false, "unknown marker node");
        }
    }

    private static Outcome Compare(MarkerComparison comparison, IReadOnlyDictionary<string, string> environment)
    {
        // packaging looks up whichever side is on the left if it is a variable, otherwise the right side's text,
        // even when that text was a quoted string ('a' == 'b' looks up a variable named "b").
        string lhs;
        string rhs;
        if (comparison.Left.IsVariable)
        {
            if (!environment.TryGetValue(comparison.Left.Value, out lhs!))
            {
                return Undefined(comparison.Left.Value);
            }

            rhs = comparison.Right.Value;
        }
        else
        {
            lhs = comparison.Left.Value;
            if (!environment.TryGetValue(comparison.Right.Value, out rhs!))
            {
                return Undefined(comparison.Right.Value);
            }
        }

        return EvaluateOperator(lhs, comparison.Operator, rhs);
    }

    internal static Outcome EvaluateOperator(string lhs, string op, string rhs)
    {
        var specText = op + rhs;
        if (Pep440Specifier.TryParseRange(specText, 0, specText.Length, out var specifier, out _, allowEmptyArbitrary: true))
        {
            return new Outcome(SpecifierContains(specifier, lhs), null);
        }

        var c = PythonText.CompareCodePoints(lhs, rhs);
        return op switch
        {
            "in" => new Outcome(rhs.Contains(lhs, StringComparison.Ordinal), null),
            "not in" => new Outcome(!rhs.Contains(lhs, StringComparison.Ordinal), null),
            "<" => new Outcome(c < 0, null),
            "<=" => new Outcome(c <= 0, null),
            "==" => new Outcome(c == 0, null),
            "!=" => new Outcome(c != 0, null),
            ">=" => new Outcome(c >= 0, null),
            ">" => new Outcome(c > 0, null),
            _ => new Outcome(false, $"Undefined comparison: '{op}' on '{lhs}' and '{rhs}' (not PEP 440 versions)"),
        };
    }

    /// <summary><c>Specifier.contains(lhs)</c> where lhs may not be a PEP 440 version (packaging then uses a LegacyVersion).</summary>
    private static bool SpecifierContains(Pep440Specifier specifier, string lhs)
    {
        if (Pep440Version.TryParse(lhs, out var version))
        {
            return specifier.Contains(version);
        }

        // A LegacyVersion is never a pre-release and only '===' compares it (as its original text).
        return specifier.Operator == SpecifierOperator.Arbitrary
            && string.Equals(PythonText.Lower(lhs), PythonText.Lower(specifier.VersionText), StringComparison.Ordinal);
    }

    private static Outcome Undefined(string name) => new(false, $"'{name}' does not exist in evaluation environment.");
}
