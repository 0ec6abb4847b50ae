using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

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
