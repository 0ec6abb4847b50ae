using System.Globalization;
using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// The human format. By default the findings under their file's path, one line per finding,
/// <c>line:col  severity  PGxxx name  why</c>, of at most about <see cref="ShortMessage.FirstLineLength"/> characters;
/// repeated findings of one rule in one file as the first one and a line that lists the others; then a closing summary (findings per rule, the files with the most) and the verdict.
/// With <c>--verbose</c> (and in the CI formats' log group, <see cref="WriteFindings"/>) every finding in full: the
/// whole message, the source line with a caret under the offending token, related places and the fix.
/// Colour only when asked (a terminal without NO_COLOR).
/// </summary>
internal sealed class TextReporter(bool color, bool verbose = false) : IReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    /// <summary>How many files the closing summary names.</summary>
    private const int TopFiles = 5;

    /// <summary>The longest severity name, "warning", so the rule IDs of a file line up.</summary>
    private const int SeverityWidth = 7;

    /// <summary>How many line numbers a grouped line lists before it says "…".</summary>
    private const int ListedLines = 12;

    public void Write(CheckResult result, TextWriter output)
    {
        if (verbose)
        {
            WriteFindings(result, output);
        }
        else
        {
            WriteGrouped(result, output);
        }

        WriteClosingSummary(result, output);
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

    /// <summary>
    /// The findings under their file's path: one line per finding, <c>line:col  severity  PGxxx name  why</c>, the
    /// second and later findings of a rule in a file only by their line numbers. The path stands once on its own line,
    /// so a deep monorepo path does not squeeze the why (the one-line <c>path:line:col</c> form is <c>--format compact</c>).
    /// </summary>
    private void WriteGrouped(CheckResult result, TextWriter output)
    {
        foreach (var file in ByFile(result.Findings))
        {
            output.WriteLine(Paint(Bold, TextSanitizer.ForTerminal(file[0].Span.File)));
            var byRule = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            foreach (var finding in file)
            {
                if (!byRule.TryGetValue(finding.RuleId, out var same))
                {
                    byRule[finding.RuleId] = same = [];
                }

                same.Add(finding);
            }

            var positionWidth = file.Max(f => Position(f).Length);
            foreach (var finding in file)
            {
                var same = byRule[finding.RuleId];
                if (!ReferenceEquals(same[0], finding))
                {
                    continue;
                }

                output.WriteLine(FindingLine(finding, positionWidth));
                if (same.Count > 1)
                {
                    output.WriteLine(Paint(Dim, $"  {new string(' ', positionWidth)}  … and {same.Count - 1} more {finding.RuleId} at {LineList(same.Skip(1))}"));
                }
            }
        }
    }

    /// <summary>The findings of each file in turn: they come sorted by file, so a file's findings are neighbours.</summary>
    private static IEnumerable<ArraySegment<Finding>> ByFile(IReadOnlyList<Finding> findings)
    {
        var all = findings as Finding[] ?? [.. findings];
        var start = 0;
        for (var i = 1; i <= all.Length; i++)
        {
            if (i == all.Length || !string.Equals(all[i].Span.File, all[start].Span.File, StringComparison.Ordinal))
            {
                yield return new ArraySegment<Finding>(all, start, i - start);
                start = i;
            }
        }
    }

    private static string Position(Finding finding) =>
        string.Create(CultureInfo.InvariantCulture, $"{finding.Span.Line}:{finding.Span.Column}");

    private static string LineList(IEnumerable<Finding> findings)
    {
        var lines = findings.Select(f => f.Span.Line).Distinct().ToList();
        var shown = string.Join(", ", lines.Take(ListedLines).Select(l => l.ToString(CultureInfo.InvariantCulture)));
        return (lines.Count == 1 ? "line " : "lines ") + shown + (lines.Count > ListedLines ? ", …" : string.Empty);
    }

    /// <summary><c>  line:col  severity  PGxxx name  why</c>, the why cut to fit the line.</summary>
    private string FindingLine(Finding finding, int positionWidth)
    {
        var position = Position(finding).PadRight(positionWidth);
        var severity = finding.Severity.ToName().PadRight(SeverityWidth);
        var plain = $"  {position}  {severity}  {finding.RuleId} {finding.Rule.Name}  ";
        var why = ShortMessage.Of(TextSanitizer.ForTerminal(finding.Message), ShortMessage.FirstLineLength - plain.Length);
        return $"  {position}  {Paint(SeverityColour(finding.Severity), severity)}  {Paint(Bold, finding.RuleId)} {finding.Rule.Name}  {why}";
    }

    /// <summary>Findings per rule and the files with the most, so a long run ends with what to look at first.</summary>
    private void WriteClosingSummary(CheckResult result, TextWriter output)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var tallies = RuleTally.Of(result.Findings);
        var idWidth = tallies.Max(t => t.Rule.Id.Length + 1 + t.Rule.Name.Length);
        output.WriteLine();
        output.WriteLine(Paint(Bold, "Findings per rule:"));
        foreach (var tally in tallies)
        {
            var rule = $"{tally.Rule.Id} {tally.Rule.Name}".PadRight(idWidth);
            output.WriteLine($"  {rule}  {Paint(SeverityColour(tally.Highest), tally.Counts)}");
        }

        var files = ByFile(result.Findings)
            .Select(g => (File: g[0].Span.File, Count: g.Count))
            .OrderByDescending(f => f.Count).ThenBy(f => f.File, StringComparer.Ordinal)
            .ToList();
        if (files.Count > 1)
        {
            output.WriteLine(Paint(Bold, files.Count > TopFiles ? $"Files with the most findings ({TopFiles} of {files.Count}):" : "Files with findings:"));
            var countWidth = files[0].Count.ToString(CultureInfo.InvariantCulture).Length;
            foreach (var (file, count) in files.Take(TopFiles))
            {
                output.WriteLine($"  {count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)}  {TextSanitizer.ForTerminal(file)}");
            }
        }

        if (!verbose)
        {
            output.WriteLine(Paint(Dim, $"A rule in full: pipelineguard explain {tallies[0].Rule.Id}; every finding with its source line and fix: --verbose."));
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
