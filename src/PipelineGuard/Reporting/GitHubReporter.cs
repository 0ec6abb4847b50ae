using System.Globalization;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// <c>--format github</c>: workflow commands that GitHub Actions turns into annotations
/// (<see href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">workflow commands</see>),
/// the findings with their source lines in a collapsed log group (inside <c>::stop-commands::</c>, so echoed file
/// text is never read as a command), a Markdown table appended to <c>$GITHUB_STEP_SUMMARY</c> and the counts written
/// to <c>$GITHUB_OUTPUT</c>. All text passes through <see cref="CommandEscaping"/>.
/// </summary>
internal sealed class GitHubReporter(ReporterOptions options) : IReporter
{
    /// <summary>
    /// The runner attaches at most 10 annotations of each level per step and silently drops the rest
    /// (actions/runner ExecutionContext <c>_maxCountPerIssueType = 10</c>); the toolkit's problem-matchers.md says the same.
    /// </summary>
    public const int AnnotationsPerLevel = 10;

    private readonly CiPaths _paths = new(options.WorkingDirectory, options.GetEnvironmentVariable);

    public void Write(CheckResult result, TextWriter output)
    {
        WriteLogGroup(result, output);
        WriteAnnotations(result, output);
        output.WriteLine($"PipelineGuard: {RunSummary.Line(result)}");
        WriteSummaryFile(result, output);
        WriteOutputsFile(result, output);
    }

    private void WriteLogGroup(CheckResult result, TextWriter output)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        new TextReporter(color: false).WriteFindings(result, text);
        var token = options.NewToken();
        output.WriteLine(CommandEscaping.GitHubCommand("group", [], $"PipelineGuard: {RunSummary.Plural(result.Findings.Count, "finding")} with their source lines"));
        output.WriteLine(CommandEscaping.GitHubCommand("stop-commands", [], token));
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                output.WriteLine(CommandEscaping.Neutralise(line.TrimEnd('\r')));
            }
        }

        output.WriteLine($"::{token}::");
        output.WriteLine(CommandEscaping.GitHubCommand("endgroup", [], string.Empty));
    }

    private void WriteAnnotations(CheckResult result, TextWriter output)
    {
        var ordered = AnnotationOrder.MostSevereFirst(result.Findings, f => f);
        var errors = ordered.Where(f => f.Severity == Severity.Error).ToList();
        var warnings = ordered.Where(f => f.Severity == Severity.Warning).ToList();
        var notices = ordered.Where(f => f.Severity == Severity.Notice).ToList();
        var hiddenErrors = Math.Max(0, errors.Count - AnnotationsPerLevel);
        var hiddenWarnings = Math.Max(0, warnings.Count - AnnotationsPerLevel);

        // The note about hidden findings is itself a notice: it takes the last notice slot when one is needed.
        var overflow = hiddenErrors > 0 || hiddenWarnings > 0 || notices.Count > AnnotationsPerLevel;
        var noticeSlots = overflow ? AnnotationsPerLevel - 1 : AnnotationsPerLevel;
        var hiddenNotices = Math.Max(0, notices.Count - noticeSlots);

        foreach (var finding in errors.Take(AnnotationsPerLevel).Concat(warnings.Take(AnnotationsPerLevel)).Concat(notices.Take(noticeSlots)))
        {
            output.WriteLine(Annotation(finding, result));
        }

        if (overflow)
        {
            var parts = new List<string>();
            foreach (var (hidden, level) in new[] { (hiddenErrors, "error"), (hiddenWarnings, "warning"), (hiddenNotices, "notice") })
            {
                if (hidden > 0)
                {
                    parts.Add($"{hidden} more {level}{(hidden == 1 ? string.Empty : "s")}");
                }
            }

            var where = options.SarifFile is null ? "the job summary and the PipelineGuard group of this log" : "the job summary, the PipelineGuard group of this log and the SARIF file";
            output.WriteLine(CommandEscaping.GitHubCommand(
                "notice",
                [new("title", "PipelineGuard: more findings")],
                $"{string.Join(", ", parts)} {(hiddenErrors + hiddenWarnings + hiddenNotices == 1 ? "is" : "are")} not shown as annotations " +
                $"(GitHub shows {AnnotationsPerLevel} of each level per step); {where} list all {result.Findings.Count}."));
        }
    }

    private string Annotation(Finding finding, CheckResult result)
    {
        var (span, message) = AnnotationPlace.For(finding, result);
        return CommandEscaping.GitHubUserCommand(
            finding.Severity.ToName(),
            [
                new("file", _paths.RepositoryRelative(span.File)),
                .. Position(span),
                new("title", $"{finding.RuleId} {finding.Rule.Name}"),
            ],
            message);
    }

    /// <summary>
    /// Lines and columns as the runner accepts them (ValidateLinesAndColumns): never 0, columns only on a one-line range.
    /// <c>endColumn</c> is exclusive, as in our spans and in SARIF.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> Position(SourceSpan span)
    {
        if (span.Line < 1)
        {
            yield break;
        }

        yield return new("line", Number(span.Line));
        if (span.EndLine >= span.Line)
        {
            yield return new("endLine", Number(span.EndLine));
        }

        if (span.EndLine == span.Line && span.Column >= 1)
        {
            yield return new("col", Number(span.Column));
            if (span.EndColumn > span.Column)
            {
                yield return new("endColumn", Number(span.EndColumn));
            }
        }
    }

    private void WriteSummaryFile(CheckResult result, TextWriter output)
    {
        var file = options.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (string.IsNullOrWhiteSpace(file) || options.AppendToFile is null)
        {
            return;
        }

        var markdown = new MarkdownSummary(_paths, options.GetEnvironmentVariable).Build(result, MarkdownSummary.GitHubLimitBytes);
        Append(file, markdown, "the job summary", output);
    }

    private void WriteOutputsFile(CheckResult result, TextWriter output)
    {
        var file = options.GetEnvironmentVariable("GITHUB_OUTPUT");
        if (string.IsNullOrWhiteSpace(file) || options.AppendToFile is null)
        {
            return;
        }

        var outputs = new List<KeyValuePair<string, string>>
        {
            new("errors", Number(result.Count(Severity.Error))),
            new("warnings", Number(result.Count(Severity.Warning))),
            new("notices", Number(result.Count(Severity.Notice))),
        };
        if (options.SarifFile is { } sarif)
        {
            outputs.Add(new("sarif-file", sarif));
        }

        Append(file, GitHubFileCommands.Outputs(outputs, options.NewToken), "the step outputs", output);
    }

    private void Append(string file, string text, string what, TextWriter output)
    {
        try
        {
            options.AppendToFile!(file, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.WriteLine(CommandEscaping.GitHubCommand("warning", [new("title", "PipelineGuard")], CommandEscaping.Neutralise($"could not write {what}: {e.Message}")));
        }
    }


    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

}
