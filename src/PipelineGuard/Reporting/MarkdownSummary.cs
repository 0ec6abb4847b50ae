using System.Text;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>
/// The Markdown summary: a verdict line, the findings per rule (most severe rules first), then the findings of each
/// rule in a collapsed <c>&lt;details&gt;</c> block, errors before warnings before notices. Written to
/// <c>$GITHUB_STEP_SUMMARY</c> by the <c>github</c> format (GitHub refuses a step summary over 1 MiB: "supports content
/// up to a size of 1024k", so the blocks stop early with a note) and alone by the <c>markdown</c> format. Every
/// user-controlled cell is escaped: a crafted package name must not add table cells, links, images or HTML.
/// </summary>
internal sealed class MarkdownSummary(CiPaths paths, Func<string, string?> getEnvironmentVariable)
{
    /// <summary>Well under GitHub's 1 MiB per step, leaving room for other writers of the same step's summary.</summary>
    public const int GitHubLimitBytes = 900 * 1024;

    private const int MaxMessageLength = 1000;

    private const string TableHead = "| Severity | File | Line | Message |\n| --- | --- | --- | --- |\n";

    public string Build(CheckResult result, int maxBytes = int.MaxValue)
    {
        var sb = new StringBuilder();
        sb.Append("## PipelineGuard\n\n");
        sb.Append(Verdict(result)).Append("\n\n");
        if (result.Findings.Count == 0)
        {
            return sb.ToString();
        }

        var tallies = RuleTally.Of(result.Findings);
        sb.Append("| Rule | Errors | Warnings | Notices |\n| --- | ---: | ---: | ---: |\n");
        foreach (var tally in tallies)
        {
            sb.Append($"| [{tally.Rule.Id}]({tally.Rule.HelpUri}) {Escape(tally.Rule.Name)} | {tally.Errors} | {tally.Warnings} | {tally.Notices} |\n");
        }

        sb.Append('\n');
        var budget = maxBytes - Encoding.UTF8.GetByteCount(sb.ToString()) - 300;
        var written = 0;
        var full = false;
        foreach (var tally in tallies)
        {
            var head = $"<details><summary>{tally.Rule.Id} {Html(tally.Rule.Name)}: {tally.Counts}</summary>\n\n{TableHead}";
            const string Tail = "\n</details>\n\n";
            var fixedSize = Encoding.UTF8.GetByteCount(head) + Tail.Length;
            if (fixedSize > budget)
            {
                break;
            }

            sb.Append(head);
            budget -= fixedSize;
            var findings = result.Findings.Where(f => f.RuleId == tally.Rule.Id).OrderByDescending(f => f.Severity); // stable: sorted within a severity
            foreach (var finding in findings)
            {
                var row = Row(finding, result);
                var size = Encoding.UTF8.GetByteCount(row);
                if (size > budget)
                {
                    full = true;
                    break;
                }

                sb.Append(row);
                budget -= size;
                written++;
            }

            sb.Append(Tail);
            if (full)
            {
                break;
            }
        }

        if (written < result.Findings.Count)
        {
            var rest = result.Findings.Count - written;
            sb.Append($"{rest} more {(rest == 1 ? "finding is" : "findings are")} not listed: the summary is kept under GitHub's 1 MiB limit. ");
            sb.Append("The log of this step, and the SARIF or JSON report, list them all.\n");
        }

        return sb.ToString();
    }

    /// <summary>Text inside the raw HTML of a <c>&lt;summary&gt;</c>, where Markdown escapes do not apply.</summary>
    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(CommandEscaping.Neutralise(text));

    private static string Verdict(CheckResult result)
    {
        var counts = $"{RunSummary.Counts(result)} in {RunSummary.Files(result)}";
        var suppressed = RunSummary.Suppressed(result);
        return result.Failed
            ? $":x: **Failed** (`--fail-on {result.FailOn!.Value.ToName()}`): {counts}{suppressed}."
            : $":white_check_mark: **Passed**: {counts}{suppressed}.";
    }

    private string Row(Finding finding, CheckResult result)
    {
        var (span, message) = AnnotationPlace.For(finding, result);
        var path = paths.RepositoryRelative(span.File);
        var file = Escape(path);
        var line = span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (BlobUrl(path, span.Line) is { } url)
        {
            line = $"[{line}]({url})";
        }

        if (message.Length > MaxMessageLength)
        {
            message = message[..MaxMessageLength] + "…";
        }

        var fix = finding.Fix is { } f ? $"<br>Fix: {Escape(f)}" : string.Empty;
        return $"| {finding.Severity.ToName()} | {file} | {line} | {Escape(message)}{fix} |\n";
    }

    /// <summary>A link to the line on GitHub when the run knows its server, repository and commit.</summary>
    private string? BlobUrl(string path, int line)
    {
        var server = getEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = getEnvironmentVariable("GITHUB_REPOSITORY");
        var sha = getEnvironmentVariable("GITHUB_SHA");
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(repository) || string.IsNullOrWhiteSpace(sha) ||
            path.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(path))
        {
            return null;
        }

        var segments = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return $"{server.TrimEnd('/')}/{Uri.EscapeDataString(repository).Replace("%2F", "/", StringComparison.Ordinal)}/blob/{Uri.EscapeDataString(sha)}/{segments}#L{line}";
    }

    /// <summary>
    /// User text as one inert table cell: neutralised for the CI log (the summary is echoed nowhere, but the same
    /// rule everywhere is simpler to trust), and backslash-escaped (CommonMark §2.4) where Markdown or HTML could read
    /// it: no cell break (<c>|</c>), link or image (<c>[ ] !</c>), HTML tag or entity (<c>&lt; &gt; &amp;</c>), emphasis,
    /// code or strike-through (<c>* _ ` ~</c>) or GitHub math (<c>$</c>) can be formed.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in CommandEscaping.Neutralise(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '!' or '~' or '$')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

}
