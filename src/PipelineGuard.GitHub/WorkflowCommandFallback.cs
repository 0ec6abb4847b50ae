using PipelineGuard.Engine;
using PipelineGuard.Model;
using PipelineGuard.GitHub.Checks;
using PipelineGuard.Reporting;

namespace PipelineGuard.GitHub;

/// <summary>
/// The minimal <c>::error file=…::message</c> annotations written when the API refused: used only when no reporter
/// named "github" is registered (escaping per actions/toolkit command.ts: data %, CR, LF; properties also ':' and ',').
/// Annotations go on the spec line for build-log findings, like the check run.
/// </summary>
internal sealed class WorkflowCommandFallback(RepositoryPaths paths) : IReporter
{
    public void Write(CheckResult result, TextWriter output)
    {
        foreach (var target in FindingTargets.Of(result, paths))
        {
            var f = target.Finding;
            var command = f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var properties = new List<string>();
            if (target.Path is { } path)
            {
                properties.Add($"file={Property(path)}");
                properties.Add($"line={Math.Max(1, target.Span.Line)}");
                properties.Add($"endLine={Math.Max(target.Span.Line, target.Span.EndLine)}");
                if (target.Span.Line == target.Span.EndLine && target.Span.EndColumn > target.Span.Column && target.Span.Column >= 1)
                {
                    properties.Add($"col={target.Span.Column}");
                    properties.Add($"endColumn={target.Span.EndColumn - 1}");
                }
            }

            properties.Add($"title={Property($"{f.RuleId} {f.Rule.Name}")}");
            output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(Annotations.Message(target))}");
        }
    }

    public static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
