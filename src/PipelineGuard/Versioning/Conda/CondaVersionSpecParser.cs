using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// Parses a conda version spec as VersionSpec does in
/// https://github.com/conda/conda/blob/main/conda/models/version.py: <c>treeify</c> (',' binds
/// tighter than '|', parentheses group) and <c>get_matcher</c> for each term. Hand-written and
/// linear; errors are returned, never thrown.
/// </summary>
internal static class CondaVersionSpecParser
{
    private const string OperatorChars = "=<>!~";

    // conda's version_relation_re alternation, in its order: ^(=|==|!=|<=|>=|<|>|~=)(?![=<>!~])(\S+)$
    private static readonly string[] Operators = ["=", "==", "!=", "<=", ">=", "<", ">", "~="];

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static CondaSpecNode? Parse(string text, out string? error)
    {
        // conda only builds a tree when one of ()|,^$ occurs (regex_split_re); otherwise the whole text is one term.
        if (text.AsSpan().IndexOfAny("()|,^$") < 0)
        {
            return ParseTerm(text, out error);
        }

        var tokens = Tokenize(text);
        return BuildTree(tokens, out error);
    }

    /// <summary>
    /// conda's VSPEC_TOKENS on "(" + text + ")": a regex "^...$" (up to the first '$'), one of
    /// ()|, (both with leading whitespace), or a run of anything else.
    /// </summary>
    private static List<string> Tokenize(string spec)
    {
        var text = "(" + spec + ")";
        var nextDollar = new int[text.Length + 1];
        nextDollar[text.Length] = -1;
        for (var k = text.Length - 1; k >= 0; k--)
        {
            nextDollar[k] = text[k] == '$' ? k : nextDollar[k + 1];
        }

        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var afterSpace = i;
            while (afterSpace < text.Length && char.IsWhiteSpace(text[afterSpace]))
            {
                afterSpace++;
            }

            if (afterSpace < text.Length && text[afterSpace] == '^' && nextDollar[afterSpace] >= 0)
            {
                var end = nextDollar[afterSpace] + 1;
                tokens.Add(text[i..end].Trim());
                i = end;
            }
            else if (afterSpace < text.Length && text[afterSpace] is '(' or ')' or '|' or ',')
            {
                tokens.Add(text[afterSpace].ToString());
                i = afterSpace + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && text[end] is not ('(' or ')' or '|' or ','))
                {
                    end++;
                }

                tokens.Add(text[i..end].Trim());
                i = end;
            }
        }

        return tokens;
    }

    /// <summary>conda's treeify: an operator stack where '|' has lower precedence than ','.</summary>
    private static CondaSpecNode? BuildTree(List<string> tokens, out string? error)
    {
        var output = new Stack<CondaSpecNode>();
        var stack = new Stack<char>();

        string? ApplyOps(string stopAt)
        {
            while (stack.Count > 0 && !stopAt.Contains(stack.Peek()))
            {
                if (output.Count < 2)
                {
                    return "cannot join single expression";
                }

                var op = stack.Pop();
                var right = output.Pop();
                var left = output.Pop();
                output.Push(Join(op, left, right));
            }

            return null;
        }

        foreach (var item in tokens)
        {
            string? failure = null;
            switch (item)
            {
                case "|":
                    failure = ApplyOps("(");
                    stack.Push('|');
                    break;
                case ",":
                    failure = ApplyOps("|(");
                    stack.Push(',');
                    break;
                case "(":
                    stack.Push('(');
                    break;
                case ")":
                    failure = ApplyOps("(");
                    if (failure is null && (stack.Count == 0 || stack.Peek() != '('))
                    {
                        failure = "unbalanced parentheses: expression must start with '('";
                    }
                    else if (failure is null)
                    {
                        stack.Pop();
                    }

                    break;
                default:
                    var term = ParseTerm(item, out failure);
                    if (term is not null)
                    {
                        output.Push(term);
                    }

                    break;
            }

            if (failure is not null)
            {
                error = failure;
                return null;
            }
        }

        if (stack.Count > 0)
        {
            error = "unbalanced parentheses: unable to convert to expression tree";
            return null;
        }

        if (output.Count == 0)
        {
            error = "unable to determine version from spec";
            return null;
        }

        error = null;
        return output.Pop();
    }

    /// <summary>Fuses nested nodes with the same operator, as treeify does.</summary>
    private static CondaSpecNode Join(char op, CondaSpecNode left, CondaSpecNode right)
    {
        if (op == '|')
        {
            return new CondaAnyOf([.. Flatten<CondaAnyOf>(left, n => n.Terms), .. Flatten<CondaAnyOf>(right, n => n.Terms)]);
        }

        return new CondaAllOf([.. Flatten<CondaAllOf>(left, n => n.Terms), .. Flatten<CondaAllOf>(right, n => n.Terms)]);
    }

    private static ImmutableArray<CondaSpecNode> Flatten<T>(CondaSpecNode node, Func<T, ImmutableArray<CondaSpecNode>> terms)
        where T : CondaSpecNode => node is T same ? terms(same) : [node];

    /// <summary>conda's VersionSpec.get_matcher for one term (no ',', '|' or parentheses).</summary>
    private static CondaSpecNode? ParseTerm(string raw, out string? error)
    {
        error = null;
        var text = raw.Trim();
        if (text.Length == 0)
        {
            error = "empty version expression";
            return null;
        }

        if (text[0] == '^' || text[^1] == '$')
        {
            return ParseRegex(text, out error);
        }

        if (OperatorChars.Contains(text[0]))
        {
            return ParseRelation(text, out error);
        }

        if (text == "*")
        {
            return new CondaAnyVersionTerm();
        }

        if (text.TrimEnd('*').Contains('*'))
        {
            return ParseGlob(text, out error);
        }

        if (text[^1] == '*')
        {
            // '1.2*' and '1.2.*' both mean "starts with 1.2".
            var prefixText = text.TrimEnd('*').TrimEnd('.');
            return Version(prefixText, out error) is { } prefix ? new CondaStartsWithTerm(prefix, Negated: false) : null;
        }

        if (text.Contains('@'))
        {
            error = "'@' versions (exact string match) are not supported";
            return null;
        }

        // A bare version: conda's VersionSpec reads it as '=='.
        return Version(text, out error) is { } exact ? new CondaRelationTerm(CondaRelation.Equal, exact) : null;
    }

    private static CondaSpecNode? ParseRelation(string text, out string? error)
    {
        string? op = null;
        foreach (var candidate in Operators)
        {
            if (text.Length > candidate.Length
                && text.StartsWith(candidate, StringComparison.Ordinal)
                && !OperatorChars.Contains(text[candidate.Length])
                && !HasWhiteSpace(text, candidate.Length))
            {
                op = candidate;
                break;
            }
        }

        if (op is null)
        {
            error = $"invalid operator in '{text}'";
            return null;
        }

        var operand = text[op.Length..];
        var startsWith = op == "=";
        var negatedStartsWith = false;
        if (operand.EndsWith(".*", StringComparison.Ordinal))
        {
            switch (op)
            {
                case "~=":
                    error = "invalid operator with '.*': '~=' takes a plain version";
                    return null;
                case "!=":
                    negatedStartsWith = true;
                    break;
                default:
                    // '=1.2.*' is '=1.2'; conda ignores '.*' after the other operators (with a deprecation warning).
                    break;
            }

            operand = operand[..^2];
        }

        if (Version(operand, out error) is not { } version)
        {
            return null;
        }

        if (startsWith || negatedStartsWith)
        {
            return new CondaStartsWithTerm(version, negatedStartsWith);
        }

        if (op == "~=")
        {
            // conda: VersionOrder(".".join(str(y).split(".")[:-1]))
            var dot = version.NormalizedText.LastIndexOf('.');
            if (dot <= 0 || Version(version.NormalizedText[..dot], out _) is not { } prefix)
            {
                error = $"'~={operand}' needs a version with at least two components";
                return null;
            }

            return new CondaCompatibleTerm(version, prefix);
        }

        return new CondaRelationTerm(
            op switch
            {
                "==" => CondaRelation.Equal,
                "!=" => CondaRelation.NotEqual,
                "<" => CondaRelation.Less,
                "<=" => CondaRelation.LessOrEqual,
                ">" => CondaRelation.Greater,
                _ => CondaRelation.GreaterOrEqual,
            },
            version);
    }

    private static CondaSpecNode? ParseRegex(string text, out string? error)
    {
        if (text[0] != '^' || text[^1] != '$')
        {
            error = "regex specs must start with '^' and end with '$'";
            return null;
        }

        try
        {
            error = null;
            return new CondaRegexTerm(new Regex(text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = $"unsupported regular expression '{text}': {ex.Message}";
            return null;
        }
    }

    private static CondaGlobTerm? ParseGlob(string text, out string? error)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '*' or '.' or '+' or '!' or '_' or '-'))
            {
                error = $"invalid character '{c}' in version pattern '{text}'";
                return null;
            }
        }

        error = null;
        return new CondaGlobTerm(text);
    }

    private static bool HasWhiteSpace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static CondaVersion? Version(string text, out string? error)
    {
        if (CondaVersion.TryParse(text, out var version, out var reason))
        {
            error = null;
            return version;
        }

        error = $"invalid version '{text}': {reason}";
        return null;
    }
}
