using System.Text.Encodings.Web;
using System.Text.Json;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Reporting;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning reads it
/// (<see href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning">SARIF support</see>):
/// one run, <c>tool.driver.rules</c> with every rule (descriptions, help page, default level, tags), one result per
/// finding with <c>ruleIndex</c>, <c>level</c>, a repository-relative location with its full region,
/// <c>partialFingerprints</c>, <c>relatedLocations</c> and, for a finding with a fix, <c>fixes</c>. A run without findings still has <c>results: []</c>.
/// Checked against the OASIS JSON schema (TestData/sarif-schema-2.1.0.json) and, once, the SARIF Multitool.
/// </summary>
internal sealed class SarifReporter(ReporterOptions options) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base the relative URIs are resolved against: the repository root (the code scanning convention).</summary>
    public const string UriBaseId = "%SRCROOT%";

    private const string InformationUri = "https://github.com/pipelineguard/pipelineguard";
    private const int MaxDescription = 1024;

    private readonly CiPaths _paths = new(options.WorkingDirectory, options.GetEnvironmentVariable);

    public void Write(CheckResult result, TextWriter output)
    {
        var rules = RulesOf(result);
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            var fingerprints = new SarifFingerprint();
            foreach (var finding in result.Findings)
            {
                WriteResult(json, finding, result, index[finding.RuleId], fingerprints, suppression: null);
            }

            // Suppressed findings stay in the log, marked as such, so code scanning shows them as dismissed with the reason.
            foreach (var suppressed in result.SuppressedFindings)
            {
                WriteResult(json, suppressed.Finding, result, index[suppressed.Finding.RuleId], fingerprints, suppressed);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private List<RuleInfo> RulesOf(CheckResult result) =>
        (options.Rules ?? RuleCatalog.Infos)
            .Concat(result.Findings.Select(f => f.Rule))
            .Concat(result.SuppressedFindings.Select(f => f.Finding.Rule))
            .DistinctBy(r => r.Id, StringComparer.Ordinal)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleInfo> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleInfo rule)
    {
        var page = RuleDocs.Page(rule.Id);
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", Limit(rule.Summary));
        WriteText(json, "fullDescription", Limit(page is null ? rule.Summary : AbsoluteLinks(WhyParagraph(page) ?? rule.Summary)));
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Summary} See {rule.HelpUri}");
        json.WriteString("markdown", page is null ? $"{rule.Summary} [{rule.Id}]({rule.HelpUri})" : AbsoluteLinks(page));
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("azure-ml");
        json.WriteStringValue(Group(rule.Id));
        json.WriteEndArray();
        json.WriteString("precision", "very-high");
        json.WriteString("problem.severity", rule.DefaultSeverity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "recommendation",
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter json, Finding finding, CheckResult result, int ruleIndex, SarifFingerprint fingerprints, SuppressedFinding? suppression)
    {
        var (span, message) = AnnotationPlace.For(finding, result);
        var related = new List<RelatedLocation>();
        if (span != finding.Span)
        {
            related.Add(new RelatedLocation(finding.Span, "Seen here."));
        }

        related.AddRange(finding.Related.Where(r => r.Span != span));
        var file = _paths.RepositoryRelative(span.File);
        var lineText = result.Source(span.File) is { } source && span.Line >= 1 && span.Line <= source.LineCount ? source.GetLine(span.Line) : message;

        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        WriteText(json, "message", message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, span);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", fingerprints.Next(finding.RuleId, file, lineText));
        json.WriteEndObject();
        if (related.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < related.Count; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i + 1);
                WritePhysicalLocation(json, related[i].Span);
                WriteText(json, "message", related[i].Message.Length > 0 ? related[i].Message : "Related place.");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (suppression is not null)
        {
            // SARIF 2.1.0 §3.35: an inline comment is "inSource", a baseline entry is "external".
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.Inline ? "inSource" : "external");
            json.WriteString("status", "accepted");
            if (suppression.Reason is { Length: > 0 } reason)
            {
                json.WriteString("justification", reason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (finding.Fix is { } fix)
        {
            // Only a replacement in a checked file is a SARIF fix; a log rule's fix is advice, and stays a property.
            // Nor is one over a credential: the fix carries it masked, and applying it would write the mask.
            if (result.Source(finding.FixTarget.File) is { } fixedFile && finding.FixTarget.EndLine <= fixedFile.LineCount &&
                finding.Secret is null && !HoldsCredential(fixedFile, finding.FixTarget))
            {
                WriteFix(json, finding.FixTarget, fix);
            }

            json.WriteStartObject("properties");
            json.WriteString("fix", fix);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// SARIF 2.1.0 §3.55: one fix, one artifact change, one replacement of the fix's target (an empty
    /// <c>deletedRegion</c> is an insertion point), in the region conventions of the locations.
    /// </summary>
    private void WriteFix(Utf8JsonWriter json, SourceSpan target, string fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        WriteText(json, "description", $"Replace with: {fix}");
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, target);
        json.WriteStartArray("replacements");
        json.WriteStartObject();
        WriteRegion(json, "deletedRegion", target);
        json.WriteStartObject("insertedContent");
        json.WriteString("text", fix);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static bool HoldsCredential(SourceText source, SourceSpan span) =>
        Enumerable.Range(span.Line, span.EndLine - span.Line + 1).Select(source.GetLine).Any(line => UrlCredentials.RedactAll(line) != line);

    private void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, span);
        WriteRegion(json, "region", span);
        json.WriteEndObject();
    }

    private void WriteArtifactLocation(Utf8JsonWriter json, SourceSpan span)
    {
        var path = _paths.RepositoryRelative(span.File);
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(path))
        {
            json.WriteString("uri", new Uri(path).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", RelativeUri(path));
            json.WriteString("uriBaseId", UriBaseId);
        }

        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, string name, SourceSpan span)
    {
        json.WriteStartObject(name);
        var line = Math.Max(1, span.Line);
        var column = Math.Max(1, span.Column);
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        var endLine = Math.Max(line, span.EndLine);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endLine == line ? Math.Max(column, span.EndColumn) : Math.Max(1, span.EndColumn));
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference: each path segment percent-encoded (spaces, '#', '%', '?', non-ASCII), '/' kept.</summary>
    internal static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text.Length > 0 ? text : "(no message)");
        json.WriteEndObject();
    }

    /// <summary>SARIF levels: <c>error</c>, <c>warning</c>, <c>note</c> (§3.27.10).</summary>
    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Group(string ruleId) => ruleId.Length >= 3 ? ruleId[2] switch
    {
        '2' => "online",
        '3' => "build-log",
        _ => "environment-definition",
    } : "environment-definition";

    private static string Limit(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";

    /// <summary>The first paragraph under <c>## Why</c> of a rule page, on one line.</summary>
    internal static string? WhyParagraph(string page)
    {
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "## Why");
        if (start < 0)
        {
            return null;
        }

        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        var text = string.Join(' ', paragraph.Select(l => l.Trim()));
        return text.Length > 0 ? text : null;
    }

    /// <summary>Rule pages link each other as <c>PG101.md</c>; in a code scanning alert those links must be absolute.</summary>
    private static string AbsoluteLinks(string page) => page.Replace("](PG", "](" + RuleInfo.DocsBase + "PG", StringComparison.Ordinal);
}
