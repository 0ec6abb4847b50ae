using System.Collections.Immutable;
using System.Text;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// A recursive-descent parser that accepts exactly what packaging 21.3's pyparsing marker grammar accepts:
/// <c>atom ((and|or) atom)*</c>, atoms being <c>var op var</c> or a parenthesised expression; whitespace
/// " \t\r\n" between tokens; keywords and variable names matched as literals (no word boundary, so
/// "python_version&lt;'3'and os_name=='nt'" is fine); quoted strings without newlines, where "\t" "\n" "\f" "\r"
/// escapes become the characters (pyparsing's QuotedString default). Linear: each token is read once.
/// </summary>
internal sealed class MarkerParser
{
    // Order matters where pyparsing's MatchFirst is used; none of these is a prefix of a later one.
    private static readonly string[] Variables =
    [
        "implementation_version", "platform_python_implementation", "implementation_name", "python_full_version",
        "platform_release", "platform_version", "platform_machine", "platform_system", "python_version", "sys_platform",
        "os_name", "os.name", "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
        "python_implementation", "extra",
    ];

    private static readonly string[] Operators = ["===", "==", ">=", "<=", "!=", "~=", ">", "<", "not in", "in"];

    /// <summary>Deeper nesting fails (pyparsing itself dies of Python's recursion limit not far above this).</summary>
    private const int MaxDepth = 100;

    private readonly string text;
    private readonly int limit;
    private int depth;
    private int furthest;
    private string expected = "a marker";

    private MarkerParser(string text, int limit)
    {
        this.text = text;
        this.limit = limit;
    }

    /// <summary>
    /// Parses the longest marker expression starting at <paramref name="start"/> (after whitespace).
    /// Returns null with the furthest error position when none parses; <paramref name="end"/> is where the expression stops.
    /// </summary>
    public static MarkerExpression? ParseExpression(string text, int start, int limit, out int end, out int errorOffset, out string errorMessage)
    {
        var parser = new MarkerParser(text, limit);
        var expression = parser.Expression(start, out end);
        errorOffset = parser.furthest;
        errorMessage = $"expected {parser.expected}";
        return expression;
    }

    /// <summary>Parses a whole marker string like <c>Marker(text)</c>; never throws.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MarkerExpression? marker, out RequirementError? error)
    {
        marker = ParseExpression(text, 0, text.Length, out var end, out var errorOffset, out var message);
        var after = SkipWhitespace(text, end, text.Length);
        if (marker is not null && after == text.Length)
        {
            error = null;
            return true;
        }

        var at = marker is null ? errorOffset : Math.Max(after, errorOffset);
        error = new RequirementError(at, Math.Max(0, text.Length - at), $"Invalid marker: {message} at offset {at}");
        marker = null;
        return false;
    }

    internal static int SkipWhitespace(string text, int pos, int limit)
    {
        while (pos < limit && PythonText.IsParserWhitespace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private MarkerExpression? Expression(int pos, out int end)
    {
        var start = SkipWhitespace(text, pos, limit);
        var first = Atom(pos, out end);
        if (first is null)
        {
            return null;
        }

        // Flat list as pyparsing builds it, then "or" of "and"s (and binds tighter, as in _evaluate_markers).
        var orGroups = new List<List<MarkerExpression>> { new() { first } };
        while (true)
        {
            var p = SkipWhitespace(text, end, limit);
            var isOr = StartsWith(p, "or");
            if (!isOr && !StartsWith(p, "and"))
            {
                Fail(p, "'and', 'or', ')' or the end of the marker");
                break;
            }

            var next = Atom(p + (isOr ? 2 : 3), out var nextEnd);
            if (next is null)
            {
                break;
            }

            if (isOr)
            {
                orGroups.Add([]);
            }

            orGroups[^1].Add(next);
            end = nextEnd;
        }

        var span = TextSpan.FromBounds(start, end);
        var ands = orGroups.Select(g => g.Count == 1 ? g[0] : new MarkerBoolean(false, [.. g], TextSpan.FromBounds(g[0].Span.Offset, g[^1].Span.End))).ToImmutableArray();
        return ands.Length == 1 ? ands[0] : new MarkerBoolean(true, ands, span);
    }

    private MarkerExpression? Atom(int pos, out int end)
    {
        var p = SkipWhitespace(text, pos, limit);
        end = pos;
        if (p < limit && text[p] == '(')
        {
            if (depth >= MaxDepth)
            {
                Fail(p, $"at most {MaxDepth} nested parentheses");
                return null;
            }

            depth++;
            var inner = Expression(p + 1, out var innerEnd);
            depth--;
            if (inner is null)
            {
                return null;
            }

            var close = SkipWhitespace(text, innerEnd, limit);
            if (close >= limit || text[close] != ')')
            {
                Fail(close, "')'");
                return null;
            }

            end = close + 1;
            return new MarkerGroup(inner, TextSpan.FromBounds(p, end));
        }

        var left = Operand(p, out var leftEnd);
        if (left is null)
        {
            return null;
        }

        var opStart = SkipWhitespace(text, leftEnd, limit);
        var op = Operators.FirstOrDefault(o => StartsWith(opStart, o));
        if (op is null)
        {
            Fail(opStart, "a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
            return null;
        }

        var right = Operand(opStart + op.Length, out var rightEnd);
        if (right is null)
        {
            return null;
        }

        end = rightEnd;
        return new MarkerComparison(left, op, right, TextSpan.FromBounds(p, rightEnd));
    }

    private MarkerOperand? Operand(int pos, out int end)
    {
        var p = SkipWhitespace(text, pos, limit);
        end = p;
        var variable = Variables.FirstOrDefault(v => StartsWith(p, v));
        if (variable is not null)
        {
            end = p + variable.Length;
            return new MarkerOperand(Canonical(variable), true, TextSpan.FromBounds(p, end));
        }

        if (p < limit && text[p] is '\'' or '"')
        {
            var quote = text[p];
            var q = p + 1;
            while (q < limit && text[q] != quote && text[q] != '\n' && text[q] != '\r')
            {
                q++;
            }

            if (q < limit && text[q] == quote)
            {
                end = q + 1;
                return new MarkerOperand(Unescape(text.AsSpan(p + 1, q - p - 1)), false, TextSpan.FromBounds(p, end));
            }

            Fail(q, $"a closing {quote}");
            return null;
        }

        Fail(p, "a marker variable (python_version, sys_platform, ...) or a quoted string");
        return null;
    }

    /// <summary>pyparsing's convertWhitespaceEscapes: the two-character sequences \t \n \f \r become the characters.</summary>
    private static string Unescape(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('\\'))
        {
            return raw.ToString();
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && raw[i + 1] is 't' or 'n' or 'f' or 'r')
            {
                builder.Append(raw[i + 1] switch { 't' => '\t', 'n' => '\n', 'f' => '\f', _ => '\r' });
                i++;
            }
            else
            {
                builder.Append(raw[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>PEP 345 spellings and a setuptools legacy name map to the PEP 508 names (packaging's ALIASES).</summary>
    private static string Canonical(string variable) => variable switch
    {
        "os.name" => "os_name",
        "sys.platform" => "sys_platform",
        "platform.version" => "platform_version",
        "platform.machine" => "platform_machine",
        "platform.python_implementation" or "python_implementation" => "platform_python_implementation",
        _ => variable,
    };

    private bool StartsWith(int pos, string literal) =>
        pos + literal.Length <= limit && text.AsSpan(pos, literal.Length).SequenceEqual(literal);

    private void Fail(int pos, string what)
    {
        if (pos >= furthest)
        {
            furthest = pos;
            expected = what;
        }
    }
}
