using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// <c>--format compact</c>: one line per finding and nothing else, <c>path:line:col: severity PGxxx message</c>, the
/// form compilers print and editors, <c>grep</c> and problem matchers read. Every finding, never grouped; no colour.
/// </summary>
internal sealed class CompactReporter : IReporter
{
    public void Write(CheckResult result, TextWriter output)
    {
        foreach (var finding in result.Findings)
        {
            var span = finding.Span;
            output.WriteLine(
                $"{TextSanitizer.ForTerminal(span.File)}:{span.Line}:{span.Column}: {finding.Severity.ToName()} {finding.RuleId} {TextSanitizer.ForTerminal(finding.Message)}");
        }
    }
}
