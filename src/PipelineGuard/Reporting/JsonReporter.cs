using System.Text.Encodings.Web;
using System.Text.Json;
using PipelineGuard.Model;

namespace PipelineGuard.Reporting;

/// <summary>The stable machine contract (docs/usage.md): tool, findings (sorted), summary.</summary>
internal sealed class JsonReporter : IReporter
{
    public void Write(CheckResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", result.Files);
            json.WriteNumber("errors", result.Count(Severity.Error));
            json.WriteNumber("warnings", result.Count(Severity.Warning));
            json.WriteNumber("notices", result.Count(Severity.Notice));
            json.WriteNumber("suppressed", result.Suppressed);
            json.WriteBoolean("failed", result.Failed);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("name", finding.Rule.Name);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("message", finding.Message);
        WriteSpan(json, finding.Span);
        json.WriteString("helpUri", finding.Rule.HelpUri);
        if (finding.Fix is { } fix)
        {
            json.WriteString("fix", fix);
        }
        else
        {
            json.WriteNull("fix");
        }

        json.WriteStartArray("related");
        foreach (var related in finding.Related)
        {
            json.WriteStartObject();
            WriteSpan(json, related.Span);
            json.WriteString("message", related.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("file", span.File);
        json.WriteNumber("line", span.Line);
        json.WriteNumber("column", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
    }
}
