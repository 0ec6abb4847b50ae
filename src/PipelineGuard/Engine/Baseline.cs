using System.Text.Encodings.Web;
using System.Text.Json;
using PipelineGuard.Model;

namespace PipelineGuard.Engine;

/// <summary>
/// The <c>--write-baseline</c> / <c>--baseline</c> file: stable, sorted JSON with one entry per line of diff, so a
/// PR that changes it reads well. Entries are a multiset: two identical findings need two entries.
/// </summary>
internal sealed class Baseline(IReadOnlyList<BaselineEntry> entries)
{
    public IReadOnlyList<BaselineEntry> Entries { get; } = entries;

    public static Baseline From(IReadOnlyList<Finding> findings, Func<string, SourceText?> sources)
    {
        var fingerprints = Fingerprint.OfAll(findings, sources);
        return new Baseline(findings.Select((f, i) => new BaselineEntry(f.RuleId, f.Span.File, fingerprints[i], f.Message))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("tool", "PipelineGuard");
            json.WriteStartArray("findings");
            foreach (var e in Entries)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", e.RuleId);
                json.WriteString("file", e.File);
                json.WriteString("fingerprint", e.Fingerprint);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a baseline; a malformed one is an error naming the file (exit 2), never a silent empty baseline.</summary>
    public static Baseline Parse(string text, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var entries = doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => new BaselineEntry(
                e.GetProperty("ruleId").GetString()!, e.GetProperty("file").GetString()!, e.GetProperty("fingerprint").GetString()!,
                e.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty)).ToList();
            return new Baseline(entries);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new Model.UsageException($"{path}: not a PipelineGuard baseline ({e.Message})");
        }
    }
}
