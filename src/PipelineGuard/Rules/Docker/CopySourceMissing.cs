using PipelineGuard.Analysis;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// PG131: a COPY/ADD source is not in the build context, or .dockerignore leaves it out, so the build stops with
/// "COPY failed: file not found in build context or excluded by .dockerignore" (BuildKit: "failed to compute cache key:
/// … not found"). Also the guide's "remove trailing comments on the COPY line": <c>COPY a.txt . # deps</c> makes '#' and
/// 'deps' paths. Guide: "File not found (COPY)".
/// Says nothing when unsure: <c>--from</c>, URLs, heredocs, <c>$VAR</c>, a truncated snapshot, an invalid .dockerignore,
/// and a stand-alone Dockerfile none of whose sources is found (its context is then probably another folder).
/// </summary>
internal sealed class CopySourceMissing : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG131", "copy-source-missing", Severity.Error,
        "A COPY/ADD source does not exist in the build context, or is excluded by .dockerignore.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Build is not { Dockerfile: { } dockerfile } build)
        {
            return [];
        }

        var ignore = DockerIgnore.Read(build.Context?.DockerIgnore);
        var view = build.Context is { Truncated: false } snapshot && ignore.IsValid ? new BuildContextView(snapshot, ignore) : null;
        var comments = new List<Finding>();
        var missing = new List<Finding>();
        var anyFound = false;
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.Copy is not { From: null } copy)
            {
                continue;
            }

            var sources = copy.Sources;
            if (!instruction.IsExecForm && TrailingComment(copy) is { } comment)
            {
                comments.Add(Report(comment.Span,
                    $"'{comment.Text}' is not a comment: a Dockerfile comment must start its own line, so {instruction.KeywordUpper} takes " +
                    $"{string.Join(" and ", comment.Words.Select(w => $"'{w}'"))} as more paths and the build fails with " +
                    $"'{instruction.KeywordUpper} failed: file not found in build context' (BuildKit: '\"/{comment.Words[0]}\": not found'). " +
                    $"Move the comment to a line of its own above the {instruction.KeywordUpper}."));
                sources = sources[..Math.Max(0, comment.FirstIndex - 1)];
            }

            if (view is null)
            {
                continue;
            }

            // A wildcard that matches nothing is only fatal when the whole instruction copies nothing: the classic builder
            // fails with "no source files were specified" after it has summed up every source, and BuildKit allows empty
            // wildcards (AllowEmptyWildcard). Dev-container Dockerfiles rely on it: 'COPY environment.yml* noop.txt /tmp/'.
            // https://github.com/moby/moby/blob/master/builder/dockerfile/copy.go (getCopyInfosForSourcePaths)
            var found = new List<bool>();
            var emptyWildcards = new List<Finding>();
            foreach (var source in sources.Where(IsContextPath))
            {
                var finding = CheckSource(instruction.KeywordUpper, source, view);
                found.Add(finding is null);
                if (finding is not null)
                {
                    (PathGlob.HasWildcards(GoPath.InContext(source.Value)) ? emptyWildcards : missing).Add(finding);
                }
            }

            anyFound |= found.Contains(true);
            if (!found.Contains(true) && sources.All(IsContextPath))
            {
                missing.AddRange(emptyWildcards);
            }
        }

        // A stand-alone Dockerfile's context is a guess (its folder): trust it only when some source is found there.
        return environment.Kind == EnvironmentKind.Dockerfile && !anyFound ? comments : [.. comments, .. missing];
    }

    /// <summary>Sources the context must hold: not a heredoc, URL, git address, or path with variables, nor under <c>.git</c> (never listed).</summary>
    private static bool IsContextPath(Located<string> source)
    {
        var value = source.Value;
        return value.Length > 0 && !value.StartsWith("<<", StringComparison.Ordinal) && !value.Contains('$', StringComparison.Ordinal) &&
            !value.Contains("://", StringComparison.Ordinal) && !value.StartsWith("git@", StringComparison.Ordinal) &&
            !value.Contains("{{", StringComparison.Ordinal) && !GoPath.InContext(value).Split('/').Contains(".git");
    }

    private Finding? CheckSource(string keyword, Located<string> source, BuildContextView view)
    {
        var path = GoPath.InContext(source.Value);
        var context = view.DisplayPath.Length == 0 ? "." : view.DisplayPath;
        if (PathGlob.HasWildcards(path))
        {
            if (PathGlob.FilePathMatch(path) is not { } glob)
            {
                return null;
            }

            var (anyPresent, excludedPath, excludedBy) = view.Glob(glob);
            if (anyPresent)
            {
                return null;
            }

            return Report(source.Span, excludedBy is { } by
                ? $"{keyword} source '{source.Value}' matches only paths that .dockerignore leaves out of the build context " +
                  $"(line {by.Line}: '{by.Written}'), so {keyword} copies nothing: the classic builder fails with 'COPY failed: no " +
                  $"source files were specified'. Remove the pattern from .dockerignore or add an exception ('!{excludedPath}')."
                : $"{keyword} source '{source.Value}' matches nothing in the build context '{context}': the classic builder fails with " +
                  "'COPY failed: no source files were specified' and BuildKit copies nothing. Sources are relative to the " +
                  "build context folder.");
        }

        var lookup = view.Find(path);
        if (lookup.State == ContextPathState.Present)
        {
            return null;
        }

        if (lookup.ExcludedBy is { } pattern)
        {
            return Report(source.Span,
                $"{keyword} source '{source.Value}' is excluded by .dockerignore (line {pattern.Line}: '{pattern.Written}'), so the " +
                $"builder never receives it and the build fails with '{keyword} failed: file not found in build context or excluded by " +
                $".dockerignore'. Remove that pattern, or add '!{path}' after it.");
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        var candidates = view.SameName(name);
        var hint = candidates.Count == 0
            ? "Sources are relative to the build context folder, not to the Dockerfile or the repository root."
            : $"The context has {string.Join(", ", candidates.Select(c => $"'{c}'"))}; sources are relative to the build context folder (and case-sensitive).";
        return Report(source.Span,
            $"{keyword} source '{source.Value}' does not exist in the build context '{context}': the build fails with " +
            $"'{keyword} failed: file not found in build context' (BuildKit: 'failed to compute cache key: \"/{path}\": not found'). {hint}",
            candidates.Count == 1 ? candidates[0] : null);
    }

    /// <summary>The first argument starting with '#' and everything after it, when it is not a real file name in the context.</summary>
    private static TrailingCommentWords? TrailingComment(DockerCopy copy)
    {
        var items = copy.Destination is { } destination ? copy.Sources.Add(destination) : copy.Sources;
        var first = 0;
        while (first < items.Length && !items[first].Value.StartsWith('#'))
        {
            first++;
        }

        if (first == items.Length)
        {
            return null;
        }

        var words = items[first..].Select(i => i.Value).ToList();
        return new TrailingCommentWords(items[first].Span.To(items[^1].Span), string.Join(' ', words), words, first);
    }

    private sealed record TrailingCommentWords(SourceSpan Span, string Text, IReadOnlyList<string> Words, int FirstIndex);
}
