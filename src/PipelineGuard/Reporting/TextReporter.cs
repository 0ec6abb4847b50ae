using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// The human format: <c>path:line:col: severity PGxxx name: message</c>, the source line with a caret
/// under the offending token, and a summary line. Colour only when asked (a terminal without NO_COLOR).
/// </summary>
internal sealed class TextReporter(bool color) : IReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public void Write(CheckResult result, TextWriter output)
    {
        WriteFindings(result, output);
        WriteSummary(result, output);
    }

    /// <summary>The findings' blocks without the summary line (the CI formats echo them in a collapsed log group).</summary>
    public void WriteFindings(CheckResult result, TextWriter output)
    {
        foreach (var finding in result.Findings)
        {
            WriteFinding(result, finding, output);
        }
    }

    private void WriteFinding(CheckResult result, Finding finding, TextWriter output)
    {
        var span = finding.Span;
        var location = $"{TextSanitizer.ForTerminal(span.File)}:{span.Line}:{span.Column}";
        var severity = finding.Severity.ToName();
        output.WriteLine(
            $"{Paint(Bold, location)}: {Paint(SeverityColour(finding.Severity), severity)} " +
            $"{Paint(Bold, finding.RuleId)} {finding.Rule.Name}: {TextSanitizer.ForTerminal(finding.Message)}");

        if (result.Source(span.File) is { } source && span.Line <= source.LineCount)
        {
            var line = TextSanitizer.ForTerminal(SecretMask.Apply(source.GetLine(span.Line), span.Line, finding.Secret));
            var gutter = span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"{Paint(Dim, $" {gutter} |")} {line}");
            output.WriteLine($"{Paint(Dim, $" {new string(' ', gutter.Length)} |")} {Caret(line, span)}");
        }

        foreach (var related in finding.Related)
        {
            output.WriteLine($"    {Paint(Dim, "related:")} {TextSanitizer.ForTerminal(related.Span.File)}:{related.Span.Line}:{related.Span.Column}: {TextSanitizer.ForTerminal(related.Message)}");
        }

        if (finding.Fix is { } fix)
        {
            output.WriteLine($"    {Paint(Dim, "fix:")} {TextSanitizer.ForTerminal(fix)}");
        }
    }

    private string Caret(string line, SourceSpan span)
    {
        var start = Math.Clamp(span.Column - 1, 0, line.Length);
        var end = span.EndLine == span.Line ? Math.Clamp(span.EndColumn - 1, start, line.Length) : line.TrimEnd().Length;
        var sb = new StringBuilder();
        for (var i = 0; i < start; i++)
        {
            sb.Append(line[i] == '\t' ? '\t' : ' ');
        }

        return sb + Paint(Bold, new string('^', Math.Max(1, end - start)));
    }

    private void WriteSummary(CheckResult result, TextWriter output)
    {
        var verdict = result.Failed ? Paint(SeverityColour(Severity.Error), RunSummary.Verdict(result)) : RunSummary.Verdict(result);
        if (result.Findings.Count > 0)
        {
            output.WriteLine();
        }

        output.WriteLine($"{RunSummary.Files(result)} checked: {RunSummary.Counts(result)}{RunSummary.Suppressed(result)}; {verdict}");
    }

    private static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31;1m",
        Severity.Warning => "\u001b[33;1m",
        _ => "\u001b[36;1m",
    };

    private string Paint(string code, string text) => color ? code + text + Reset : text;
}
