namespace PipelineGuard.Documents.Docker;

/// <summary>One pattern of a .dockerignore, cleaned as BuildKit cleans it, with the line it came from.</summary>
internal sealed class DockerIgnorePattern
{
    private readonly MatchKind _kind;
    private readonly PathGlob? _glob;

    private DockerIgnorePattern(string written, string cleaned, bool isException, int line, MatchKind kind, PathGlob? glob)
    {
        Written = written;
        Cleaned = cleaned;
        IsException = isException;
        Line = line;
        _kind = kind;
        _glob = glob;
    }

    private enum MatchKind
    {
        Exact,
        Prefix,
        Suffix,
        Glob,
    }

    /// <summary>The line as written (trimmed).</summary>
    public string Written { get; }

    /// <summary>After <c>filepath.Clean</c>, the leading '/' and the '!' removed.</summary>
    public string Cleaned { get; }

    /// <summary>A <c>!pattern</c>: puts back what earlier patterns excluded.</summary>
    public bool IsException { get; }

    public int Line { get; }

    /// <summary>
    /// patternmatcher <c>Pattern.compile</c>: a pattern without wildcards compares exactly; <c>foo/**</c> is a prefix,
    /// <c>**/foo</c> a suffix; anything else is a regexp (here a <see cref="PathGlob"/> of the same tokens).
    /// Null when <c>filepath.Match</c> would reject the pattern: BuildKit then refuses the whole file.
    /// </summary>
    public static DockerIgnorePattern? Create(string written, string cleaned, bool isException, int line)
    {
        if (PathGlob.FilePathMatch(cleaned) is null)
        {
            return null;
        }

        var kind = MatchKind.Exact;
        var tokenIndex = 0;
        for (var i = 0; i < cleaned.Length; i++, tokenIndex++)
        {
            var c = cleaned[i];
            if (c == '*' && i + 1 < cleaned.Length && cleaned[i + 1] == '*')
            {
                i++;
                if (i + 1 < cleaned.Length && cleaned[i + 1] == '/')
                {
                    i++;
                }

                kind = i + 1 == cleaned.Length && kind == MatchKind.Exact ? MatchKind.Prefix : MatchKind.Glob;
                if (tokenIndex == 0)
                {
                    kind = MatchKind.Suffix;
                }
            }
            else if (c is '*' or '?' or '[' or ']' || (c == '\\' && i + 1 < cleaned.Length))
            {
                kind = MatchKind.Glob;
                i += c == '\\' ? 1 : 0;
            }
        }

        var glob = kind == MatchKind.Glob ? PathGlob.PatternMatcher(cleaned) : null;
        return kind == MatchKind.Glob && glob is null ? null : new DockerIgnorePattern(written, cleaned, isException, line, kind, glob);
    }

    /// <summary>patternmatcher <c>Pattern.match</c> on a '/'-separated path relative to the context.</summary>
    public bool Matches(string path)
    {
        switch (_kind)
        {
            case MatchKind.Exact:
                return path == Cleaned;
            case MatchKind.Prefix:
                return path.StartsWith(Cleaned[..^2], StringComparison.Ordinal);
            case MatchKind.Suffix:
                var suffix = Cleaned[2..];
                return path.EndsWith(suffix, StringComparison.Ordinal) || (suffix.Length > 0 && suffix[0] == '/' && path == suffix[1..]);
            default:
                return _glob!.IsMatch(path);
        }
    }
}
