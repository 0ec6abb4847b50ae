using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG320: Docker could not use the Dockerfile: its syntax (<c>Dockerfile parse error line N: unknown instruction: X</c>,
/// BuildKit's <c>dockerfile parse error on line N</c>) or a COPY/ADD source missing from the build context (<c>COPY failed:
/// stat …: file does not exist</c>, <c>failed to compute cache key: … "/app": not found</c>, <c>failed to read dockerfile</c>).
/// </summary>
internal sealed class DockerfileBuildError : LogRule
{
    public static readonly RuleInfo Rule = new("PG320", "dockerfile-build-error", Severity.Error,
        "Docker could not parse the Dockerfile or find a COPY/ADD source in the build context.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.DockerfileLine;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Docker, 20, ["arse error", "unknown instruction"], Syntax) { ReachedThroughTheirLine = ["arse error", "unknown instruction"] },

        // BuildKit's summary "ERROR: failed to solve: failed to compute cache key: …" reaches the family by "failed to solve" too.
        new(Families.Docker, 30,
            ["COPY failed", "ADD failed", "failed to compute cache key", "failed to calculate checksum", "error from sender", "failed to read dockerfile", "failed to solve"],
            SourceMissing),
    ];

    public override void Link(LogSignal signal, SpecLinks links)
    {
        if (signal.RequirementText is not { } source)
        {
            return;
        }

        foreach (var copy in links.Dockerfiles().SelectMany(d => d.Instructions).Where(i => i.Copy is not null))
        {
            foreach (var s in copy.Copy!.Sources.Where(s => SpecLinks.EndsWithPath(s.Value.TrimStart('.', '/'), source) || SpecLinks.EndsWithPath(source, s.Value.TrimStart('.', '/'))))
            {
                links.Add(s.Span, $"'{s.Value}' is copied here");
            }
        }
    }

    private static bool Syntax(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "arse error") && !Has(text, "unknown instruction"))
        {
            return false;
        }

        var lineNumber = LogText.IntegerAfter(text, "line ");
        var detail = LogText.After(text, "unknown instruction:")?.Trim();
        context.Emit(new LogSignal(Rule, LogKinds.DockerfileSyntax, Strength.Decisive, line,
            $"Docker could not parse the Dockerfile{(lineNumber is null ? string.Empty : $" at line {lineNumber}")}" +
            (detail is null ? $": {LogText.Clip(LogText.After(text, "error")?.TrimStart(':', ' ') ?? text, 120)}" : $": '{detail}' is not a Dockerfile instruction") +
            ". Fix the instruction (a space between the keyword and its arguments, a continuation '\\' at the end of the previous line) and save the file as UTF-8.")
            with { RequirementText = detail, RequirementsLine = lineNumber });
        return true;
    }

    private static bool SourceMissing(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!(Has(text, "COPY failed") || Has(text, "ADD failed") || Has(text, "failed to compute cache key") || Has(text, "failed to calculate checksum") ||
              Has(text, "error from sender") || Has(text, "failed to read dockerfile")))
        {
            return false;
        }

        var file = CopySource(text);
        var dockerfile = Has(text, "failed to read dockerfile");
        context.Emit(new LogSignal(Rule, LogKinds.CopySourceMissing, Strength.Decisive, line,
            dockerfile
                ? $"Docker could not read the Dockerfile{(file is null ? string.Empty : $" '{file}'")}: the Dockerfile path must be relative to the build context (Azure ML v2: build.dockerfile_path is relative to build.path)."
                : $"the COPY/ADD source {(file is null ? string.Empty : $"'{file}' ")}is not in the build context, or .dockerignore excludes it. Sources are relative to the context folder " +
                  "(Azure ML v2: build.path), not to the Dockerfile; a comment at the end of a COPY line is read as one more source. Fix the path, or move the file into the context.")
            with { RequirementText = file });
        return true;
    }

    /// <summary>The missing path of a COPY failure: <c>stat requirements.txt: file does not exist</c>, <c>"/app": not found</c>, <c>lstat deploy: no such file</c>.</summary>
    private static string? CopySource(string text)
    {
        var notFound = text.LastIndexOf("\": not found", StringComparison.Ordinal);
        if (notFound > 0)
        {
            var open = text.LastIndexOf('"', notFound - 1);
            if (open >= 0)
            {
                return text[(open + 1)..notFound].TrimStart('/');
            }
        }

        var stat = LogText.After(text, "lstat ") ?? LogText.After(text, "stat ") ?? LogText.After(text, "open ");
        if (stat is null)
        {
            return null;
        }

        var path = LogText.Until(stat, ": ").Trim();
        var builder = path.IndexOf("docker-builder", StringComparison.Ordinal);
        if (builder >= 0)
        {
            var slash = path.IndexOf('/', builder);
            path = slash < 0 ? path : path[(slash + 1)..];
        }

        return path.Length == 0 ? null : path;
    }
}
