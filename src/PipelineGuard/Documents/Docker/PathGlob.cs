using System.Collections.Immutable;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// A path pattern compiled to tokens and matched by dynamic programming over (token, position): linear in
/// pattern length × path length, no regex, no backtracking. It speaks two dialects:
/// Go's <c>filepath.Match</c> (COPY sources; <c>*</c> and <c>?</c> never cross '/', <c>[…]</c> classes, '\' escapes)
/// and moby/patternmatcher's <c>**</c> additions for .dockerignore (<see cref="DockerIgnore"/>).
/// </summary>
internal sealed class PathGlob
{
    private readonly ImmutableArray<Token> _tokens;

    private PathGlob(ImmutableArray<Token> tokens) => _tokens = tokens;

    private enum Kind
    {
        Literal,

        /// <summary>'?': one character other than '/'.</summary>
        One,

        /// <summary>'*': any run without '/'.</summary>
        Star,

        /// <summary>'.*' of patternmatcher (a trailing '**' after other wildcards): any run.</summary>
        AnyRun,

        /// <summary>'(.*/)?' of patternmatcher ('**' or '**/' inside a pattern): nothing, or any run ending in '/'.</summary>
        Dirs,

        Class,
    }

    /// <summary>True when <paramref name="pattern"/> has a wildcard that COPY expands (BuildKit <c>containsWildcards</c>).</summary>
    public static bool HasWildcards(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compiles Go <c>filepath.Match</c> syntax; null when Go would return <c>ErrBadPattern</c>.</summary>
    public static PathGlob? FilePathMatch(string pattern) => Compile(pattern, doubleStar: false);

    /// <summary>Compiles patternmatcher's regexp dialect (used when the pattern is not exact/prefix/suffix).</summary>
    internal static PathGlob? PatternMatcher(string pattern) => Compile(pattern, doubleStar: true);

    public bool IsMatch(string path)
    {
        var t = _tokens.Length;
        var n = path.Length;

        // next[s] = tokens i+1.. match path[s..]; cur[s] = tokens i.. match path[s..]; dirs = aux for a Dirs token.
        var next = new bool[n + 1];
        var cur = new bool[n + 1];
        next[n] = true;
        for (var i = t - 1; i >= 0; i--)
        {
            var token = _tokens[i];
            var dirs = false;
            for (var s = n; s >= 0; s--)
            {
                var c = s < n ? path[s] : '\0';
                var has = s < n;
                cur[s] = token.Kind switch
                {
                    Kind.Literal => has && c == token.Char && next[s + 1],
                    Kind.One => has && c != '/' && next[s + 1],
                    Kind.Class => has && c != '/' && token.Admits(c) && next[s + 1],
                    Kind.Star => next[s] || (has && c != '/' && cur[s + 1]),
                    Kind.AnyRun => next[s] || (has && cur[s + 1]),
                    _ => next[s] || (dirs = has && ((c == '/' && next[s + 1]) || dirs)),
                };
            }

            (next, cur) = (cur, next);
        }

        return next[0];
    }

    private static PathGlob? Compile(string pattern, bool doubleStar)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when doubleStar && i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    tokens.Add(new Token(i + 1 == pattern.Length ? Kind.AnyRun : Kind.Dirs));
                    break;
                case '*':
                    tokens.Add(new Token(Kind.Star));
                    break;
                case '?':
                    tokens.Add(new Token(Kind.One));
                    break;
                case '[':
                    if (ReadClass(pattern, ref i) is not { } token)
                    {
                        return null;
                    }

                    tokens.Add(token);
                    break;
                case '\\':
                    if (i + 1 == pattern.Length)
                    {
                        // filepath.Match: a trailing '\' is ErrBadPattern; patternmatcher keeps it as a literal '\'.
                        return doubleStar ? Append(tokens, '\\') : null;
                    }

                    tokens.Add(Token.Of(pattern[++i]));
                    break;
                default:
                    tokens.Add(Token.Of(c));
                    break;
            }
        }

        return new PathGlob(tokens.ToImmutable());
    }

    private static PathGlob Append(ImmutableArray<Token>.Builder tokens, char c)
    {
        tokens.Add(Token.Of(c));
        return new PathGlob(tokens.ToImmutable());
    }

    /// <summary><c>[abc]</c>, <c>[a-z0-9]</c>, <c>[^/]</c> with '\' escapes (path/filepath match.go); null when malformed.</summary>
    private static Token? ReadClass(string pattern, ref int i)
    {
        var j = i + 1;
        var negated = j < pattern.Length && pattern[j] == '^';
        if (negated)
        {
            j++;
        }

        var ranges = ImmutableArray.CreateBuilder<(char Lo, char Hi)>();
        var first = true;
        while (true)
        {
            if (j >= pattern.Length)
            {
                return null;
            }

            if (pattern[j] == ']' && !first)
            {
                break;
            }

            first = false;
            if (!ReadClassChar(pattern, ref j, out var lo))
            {
                return null;
            }

            var hi = lo;
            if (j < pattern.Length && pattern[j] == '-' && j + 1 < pattern.Length && pattern[j + 1] != ']')
            {
                j++;
                if (!ReadClassChar(pattern, ref j, out hi) || hi < lo)
                {
                    return null;
                }
            }

            ranges.Add((lo, hi));
        }

        i = j;
        return new Token(Kind.Class) { Negated = negated, Ranges = ranges.ToImmutable() };
    }

    private static bool ReadClassChar(string pattern, ref int j, out char c)
    {
        c = pattern[j];
        if (c == '\\')
        {
            if (++j >= pattern.Length)
            {
                return false;
            }

            c = pattern[j];
        }
        else if (c is '-' or ']')
        {
            return false;
        }

        j++;
        return true;
    }

    private sealed record Token(Kind Kind)
    {
        public char Char { get; init; }

        public bool Negated { get; init; }

        public ImmutableArray<(char Lo, char Hi)> Ranges { get; init; } = [];

        public static Token Of(char c) => new(Kind.Literal) { Char = c };

        public bool Admits(char c) => Ranges.Any(r => c >= r.Lo && c <= r.Hi) != Negated;
    }
}
