using System.Collections.Immutable;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// A hand-written scanner with the acceptance of packaging 21.3's pyparsing requirement grammar:
/// <code>
/// name [ "[" extras "]" ] ( "@" url [ ";" marker ] | [ "(" specs ")" | specs ] [ ";" marker ] )
/// </code>
/// with " \t\r\n" allowed between tokens. Each specifier token is as long as the longer of packaging's two
/// regexes (PEP 440 and legacy) at that point; the tokens are then split on ',' and each part must be a PEP 440
/// specifier, which is what <c>SpecifierSet(...)</c> does afterwards. Linear time, never throws.
/// </summary>
internal static class RequirementParser
{
    public static bool TryParse(string text, out Pep508Requirement? requirement, out RequirementError? error)
    {
        requirement = null;
        text ??= string.Empty;
        var length = text.Length;
        var p = Skip(text, 0);
        var nameEnd = ReadIdentifier(text, p);
        if (nameEnd == p)
        {
            error = Error(text, p, "expected a package name (ASCII letters and digits, with '-', '_' or '.' inside)");
            return false;
        }

        var name = new LocatedText(text[p..nameEnd], TextSpan.FromBounds(p, nameEnd));
        p = nameEnd;

        var extras = ImmutableArray.CreateBuilder<LocatedText>();
        var q = Skip(text, p);
        if (q < length && text[q] == '[')
        {
            if (!ReadExtras(text, q, extras, out p, out error))
            {
                return false;
            }
        }

        q = Skip(text, p);
        if (q < length && text[q] == '@')
        {
            return ParseUrlForm(text, name, extras.ToImmutable(), q, out requirement, out error);
        }

        var tokens = new List<TextSpan>();
        if (q < length && text[q] == '(')
        {
            if (!ReadSpecifierTokens(text, q + 1, tokens, out var inner))
            {
                error = Error(text, Skip(text, q + 1), "expected a version specifier such as >=1.0 after '('");
                return false;
            }

            var close = Skip(text, inner);
            if (close >= length || text[close] != ')')
            {
                error = Error(text, close, "expected ',' or ')' after the version specifier");
                return false;
            }

            p = close + 1;
        }
        else if (ReadSpecifierTokens(text, q, tokens, out var end))
        {
            p = end;
        }

        if (!ParseMarkerTail(text, p, tokens.Count > 0, out var marker, out error))
        {
            return false;
        }

        if (!SplitSpecifiers(text, tokens, out var specifiers, out error))
        {
            return false;
        }

        TextSpan? specSpan = tokens.Count > 0 ? TextSpan.FromBounds(tokens[0].Offset, tokens[^1].End) : null;
        requirement = new Pep508Requirement(text, name, extras.ToImmutable(), specifiers, specSpan, null, marker);
        return true;
    }

    private static bool ParseUrlForm(string text, LocatedText name, ImmutableArray<LocatedText> extras, int at, out Pep508Requirement? requirement, out RequirementError? error)
    {
        requirement = null;
        var start = Skip(text, at + 1);
        var end = start;
        while (end < text.Length && text[end] != ' ')
        {
            end++;
        }

        if (end == start)
        {
            error = Error(text, start, "expected a URL after '@'");
            return false;
        }

        var url = new LocatedText(text[start..end], TextSpan.FromBounds(start, end));
        if (!ParseMarkerTail(text, end, false, out var marker, out error, afterUrl: true))
        {
            return false;
        }

        if (RequirementUrl.Check(url.Value) is { } problem)
        {
            error = new RequirementError(start, end - start, problem);
            return false;
        }

        requirement = new Pep508Requirement(text, name, extras, Pep440SpecifierSet.Empty, null, url, marker);
        return true;
    }

    /// <summary><c>Optional(";" marker) + stringEnd</c> from <paramref name="p"/>.</summary>
    private static bool ParseMarkerTail(string text, int p, bool hadSpecifier, out MarkerExpression? marker, out RequirementError? error, bool afterUrl = false)
    {
        marker = null;
        var q = Skip(text, p);
        if (q < text.Length && text[q] == ';')
        {
            marker = MarkerParser.ParseExpression(text, q + 1, text.Length, out var end, out var failAt, out var message);
            var after = marker is null ? failAt : Skip(text, end);
            if (marker is null || after != text.Length)
            {
                var at = Math.Max(after, failAt);
                error = new RequirementError(at, text.Length - at, $"invalid environment marker: {message} at offset {at}");
                marker = null;
                return false;
            }

            error = null;
            return true;
        }

        if (q == text.Length)
        {
            error = null;
            return true;
        }

        error = UnexpectedAt(text, q, hadSpecifier, afterUrl);
        return false;
    }

    private static RequirementError UnexpectedAt(string text, int q, bool hadSpecifier, bool afterUrl)
    {
        if (text[q] == '=' && (q + 1 >= text.Length || text[q + 1] != '='))
        {
            var fix = string.Concat(text.AsSpan(0, q), "=", text.AsSpan(q)).Trim();
            return new RequirementError(
                q,
                1,
                $"a single '=' is not a PEP 508 version operator (it is a conda habit); write '==' instead: {fix}",
                fix);
        }

        var what = afterUrl
            ? "unexpected text after the URL (put ' ; ' before an environment marker)"
            : hadSpecifier
                ? "expected ',' another specifier, ';' and a marker, or the end of the requirement"
                : "expected a version specifier (==, !=, <=, >=, <, >, ~=, ===), '@ url', ';' and a marker, or the end of the requirement";
        return Error(text, q, $"{what}; found '{text[q]}' at offset {q}");
    }

    private static bool ReadExtras(string text, int open, ImmutableArray<LocatedText>.Builder extras, out int end, out RequirementError? error)
    {
        end = open;
        var r = Skip(text, open + 1);
        if (r < text.Length && text[r] == ']')
        {
            end = r + 1;
            error = null;
            return true;
        }

        while (true)
        {
            var idEnd = ReadIdentifier(text, r);
            if (idEnd == r)
            {
                error = Error(text, r, "expected an extra name (ASCII letters and digits, with '-', '_' or '.' inside)");
                return false;
            }

            extras.Add(new LocatedText(text[r..idEnd], TextSpan.FromBounds(r, idEnd)));
            r = Skip(text, idEnd);
            if (r < text.Length && text[r] == ',')
            {
                r = Skip(text, r + 1);
                continue;
            }

            if (r < text.Length && text[r] == ']')
            {
                end = r + 1;
                error = null;
                return true;
            }

            error = Error(text, r, "expected ',' or ']' in the extras");
            return false;
        }
    }

    /// <summary><c>VERSION_ONE ("," VERSION_ONE)*</c>; the tokens are the raw regex matches.</summary>
    private static bool ReadSpecifierTokens(string text, int pos, List<TextSpan> tokens, out int end)
    {
        end = pos;
        var p = Skip(text, pos);
        if (ReadSpecifierToken(text, p) is not { } first)
        {
            return false;
        }

        tokens.Add(TextSpan.FromBounds(p, first));
        end = first;
        while (true)
        {
            var c = Skip(text, end);
            if (c >= text.Length || text[c] != ',')
            {
                return true;
            }

            var n = Skip(text, c + 1);
            if (ReadSpecifierToken(text, n) is not { } next)
            {
                return true;
            }

            tokens.Add(TextSpan.FromBounds(n, next));
            end = next;
        }
    }

    /// <summary>The end of the longer of packaging's PEP 440 and legacy specifier regex matches at <paramref name="p"/>, or null.</summary>
    private static int? ReadSpecifierToken(string text, int p)
    {
        var op = SpecifierOperators.Read(text, p, text.Length, out var opLength);
        switch (op)
        {
            case null:
                return null;
            case SpecifierOperator.Arbitrary:
                // PEP 440: ===\s*[^\s]*   legacy: ==\s*[^,;\s)]*  (the legacy one reads the third '=' as the version)
                var pep = RunWhile(text, SkipPythonWhitespace(text, p + 3), c => !PythonText.IsWhitespace(c));
                var legacy = RunWhile(text, SkipPythonWhitespace(text, p + 2), IsLegacyVersionChar);
                return Math.Max(pep, legacy);
            case SpecifierOperator.Compatible:
                // Only the PEP 440 regex knows '~='; unanchored, so "alpha" stops after "a" as in pyparsing.
                var start = SkipPythonWhitespace(text, p + 2);
                return VersionScanner.Scan(text, start, text.Length, SpecifierOperator.Compatible.Syntax(LetterChoice.FirstAlternative))?.End;
            default:
                // The legacy regex always reaches at least as far as the PEP 440 one for these operators.
                return RunWhile(text, SkipPythonWhitespace(text, p + opLength), IsLegacyVersionChar);
        }
    }

    private static bool SplitSpecifiers(string text, List<TextSpan> tokens, out Pep440SpecifierSet specifiers, out RequirementError? error)
    {
        specifiers = Pep440SpecifierSet.Empty;
        var parsed = new List<Pep440Specifier>();
        foreach (var token in tokens)
        {
            var start = token.Offset;
            for (var i = token.Offset; i <= token.End; i++)
            {
                if (i < token.End && text[i] != ',')
                {
                    continue;
                }

                var (s, e) = PythonText.Strip(text, start, i);
                start = i + 1;
                if (s >= e)
                {
                    continue;
                }

                if (!Pep440Specifier.TryParseRange(text, s, e, out var specifier, out var problem))
                {
                    var template = text.AsSpan(s, e - s).ContainsAny("{}$%") ? " (it looks like an unexpanded template placeholder)" : string.Empty;
                    error = new RequirementError(problem.Offset, Math.Max(problem.Length, 1), problem.Message + template);
                    return false;
                }

                parsed.Add(specifier);
            }
        }

        specifiers = Pep440SpecifierSet.Create(parsed);
        error = null;
        return true;
    }

    private static bool IsLegacyVersionChar(char c) => c is not (',' or ';' or ')') && !PythonText.IsWhitespace(c);

    private static int RunWhile(string text, int p, Func<char, bool> predicate)
    {
        while (p < text.Length && predicate(text[p]))
        {
            p++;
        }

        return p;
    }

    private static int SkipPythonWhitespace(string text, int p) => RunWhile(text, p, PythonText.IsWhitespace);

    private static int Skip(string text, int p) => MarkerParser.SkipWhitespace(text, p, text.Length);

    /// <summary><c>[A-Za-z0-9]+([-_.]+[A-Za-z0-9]+)*</c>: trailing punctuation is not part of the name.</summary>
    private static int ReadIdentifier(string text, int p)
    {
        var end = p;
        var q = p;
        while (q < text.Length)
        {
            var runStart = q;
            while (q < text.Length && char.IsAsciiLetterOrDigit(text[q]))
            {
                q++;
            }

            if (q == runStart)
            {
                break;
            }

            end = q;
            while (q < text.Length && text[q] is '-' or '_' or '.')
            {
                q++;
            }
        }

        return end;
    }

    private static RequirementError Error(string text, int at, string message) =>
        new(at, Math.Max(0, text.Length - at), message);
}
