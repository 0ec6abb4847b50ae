using System.Globalization;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// <c>--format azure</c>: Azure Pipelines logging commands
/// (<see href="https://learn.microsoft.com/en-us/azure/devops/pipelines/scripts/logging-commands">logging commands</see>):
/// one <c>##vso[task.logissue]</c> per error or warning, and <c>##vso[task.complete result=Failed;]</c> when the run
/// fails (the docs: log the issue and fail the task, besides the exit code). Azure Pipelines has no notice level:
/// notices are plain lines. The findings with their source lines are echoed in a collapsed group; the agent has no
/// <c>stop-commands</c>, so every echoed line is neutralised (<see cref="CommandEscaping.Neutralise"/>).
/// </summary>
internal sealed class AzureReporter(ReporterOptions options) : IReporter
{
    private readonly CiPaths _paths = new(options.WorkingDirectory, options.GetEnvironmentVariable);

    public void Write(CheckResult result, TextWriter output)
    {
        if (result.Findings.Count > 0)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            new TextReporter(color: false).WriteFindings(result, text);
            output.WriteLine("##[group]PipelineGuard: findings with their source lines");
            foreach (var line in text.ToString().Split('\n'))
            {
                if (line.Length > 0)
                {
                    output.WriteLine(CommandEscaping.Neutralise(line.TrimEnd('\r')));
                }
            }

            output.WriteLine("##[endgroup]");
        }

        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding.Severity == Severity.Notice ? NoticeLine(finding, result) : Issue(finding, result));
        }

        output.WriteLine($"PipelineGuard: {RunSummary.Line(result)}");
        if (result.Failed)
        {
            var threshold = result.FailOn!.Value;
            var count = result.Findings.Count(f => f.Severity >= threshold);
            output.WriteLine(CommandEscaping.AzureCommand(
                "task.complete",
                [new("result", "Failed")],
                $"PipelineGuard: {count} {(count == 1 ? "finding" : "findings")} at or above --fail-on {threshold.ToName()}"));
        }
    }

    private string Issue(Finding finding, CheckResult result)
    {
        var (span, message) = AnnotationPlace.For(finding, result);
        return CommandEscaping.AzureCommand(
            "task.logissue",
            [
                new("type", finding.Severity == Severity.Error ? "error" : "warning"),
                new("sourcepath", _paths.AzureSourcePath(span.File)),
                new("linenumber", span.Line >= 1 ? Number(span.Line) : null),
                new("columnnumber", span.Line >= 1 && span.Column >= 1 ? Number(span.Column) : null),
                new("code", finding.RuleId),
            ],
            // Only the task library's escaping: the agent reads one command per line, this one, from its start.
            $"{finding.RuleId} {finding.Rule.Name}: {message}");
    }

    private static string NoticeLine(Finding finding, CheckResult result)
    {
        var (span, message) = AnnotationPlace.For(finding, result);
        return CommandEscaping.Neutralise($"PipelineGuard notice {finding.RuleId} {finding.Rule.Name}: {span.File}:{span.Line}:{span.Column}: {message}");
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
