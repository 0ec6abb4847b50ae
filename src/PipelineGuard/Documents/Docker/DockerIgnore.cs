using System.Collections.Immutable;
using PipelineGuard.Model;

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

/// <summary>Whether a context path is sent to the builder, and which pattern decided.</summary>
internal sealed record DockerIgnoreVerdict(bool Excluded, DockerIgnorePattern? By);

/// <summary>
/// A .dockerignore read and matched as BuildKit does: moby/patternmatcher <c>ignorefile.ReadAll</c> (comments, trimming,
/// <c>filepath.Clean</c>, leading '/' dropped, '!' exceptions) and <c>MatchesUsingParentResults</c>, which tonistiigi/fsutil
/// calls while it walks the context, each directory passing its per-pattern results down to its entries.
/// https://github.com/moby/patternmatcher/blob/main/patternmatcher.go
/// </summary>
internal sealed class DockerIgnore
{
    private DockerIgnore(ImmutableArray<DockerIgnorePattern> patterns, SourceSpan? error)
    {
        Patterns = patterns;
        Error = error;
    }

    public static DockerIgnore None { get; } = new([], null);

    public ImmutableArray<DockerIgnorePattern> Patterns { get; }

    /// <summary>The line BuildKit would refuse (<c>illegal exclusion pattern: "!"</c>, <c>syntax error in pattern</c>); null when valid.</summary>
    public SourceSpan? Error { get; }

    public bool IsValid => Error is null;

    public bool HasExceptions => Patterns.Any(p => p.IsException);

    public static DockerIgnore Read(SourceText? text)
    {
        if (text is null)
        {
            return None;
        }

        var patterns = ImmutableArray.CreateBuilder<DockerIgnorePattern>();
        for (var line = 1; line <= text.LineCount; line++)
        {
            var pattern = text.GetLine(line).Trim();
            if (pattern.Length == 0 || pattern[0] == '#')
            {
                continue;
            }

            var written = pattern;
            var isException = pattern[0] == '!';
            if (isException)
            {
                pattern = pattern[1..].Trim();
            }

            if (pattern.Length > 0)
            {
                pattern = GoPath.Clean(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            var compiled = pattern.Length == 0 ? null : DockerIgnorePattern.Create(written, pattern, isException, line);
            if (compiled is null)
            {
                return new DockerIgnore([], text.SpanOfLine(line));
            }

            patterns.Add(compiled);
        }

        return new DockerIgnore(patterns.ToImmutable(), null);
    }

    /// <summary>Whether <paramref name="path"/> (relative to the context, '/'-separated, cleaned) is left out of the context.</summary>
    public DockerIgnoreVerdict Evaluate(string path)
    {
        if (Patterns.IsEmpty)
        {
            return new DockerIgnoreVerdict(false, null);
        }

        bool[]? parent = null;
        var verdict = new DockerIgnoreVerdict(false, null);
        var end = 0;
        while (end < path.Length)
        {
            var slash = path.IndexOf('/', end);
            end = slash < 0 ? path.Length : slash;
            (verdict, parent) = Step(path[..end], parent);
            end++;
        }

        return verdict;
    }

    /// <summary>One level of <c>MatchesUsingParentResults</c>: the parent's per-pattern matches carry down.</summary>
    private (DockerIgnoreVerdict Verdict, bool[] Matched) Step(string file, bool[]? parentMatched)
    {
        var matched = false;
        DockerIgnorePattern? by = null;
        var info = new bool[Patterns.Length];
        for (var i = 0; i < Patterns.Length; i++)
        {
            var pattern = Patterns[i];
            var match = parentMatched?[i] ?? false;
            if (!match)
            {
                if (pattern.IsException != matched)
                {
                    continue;
                }

                match = pattern.Matches(file);
            }

            info[i] = match;
            if (match)
            {
                matched = !pattern.IsException;
                by = pattern;
            }
        }

        return (new DockerIgnoreVerdict(matched, matched ? by : null), info);
    }
}
