using System.Text.Encodings.Web;
using System.Text.Json;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Engine;

/// <summary>
/// The <c>--write-baseline</c> / <c>--baseline</c> file: stable, sorted JSON with one finding per line, so a PR that
/// changes it reads well. It stores only what matching needs (rule, file, fingerprint); files written before kept
/// each message too, and still read. Entries are a multiset: two identical findings need two entries.
/// </summary>
internal sealed class Baseline(IReadOnlyList<BaselineEntry> entries)
{
    public IReadOnlyList<BaselineEntry> Entries { get; } = entries;

    public static Baseline From(IReadOnlyList<Finding> findings, Func<string, SourceText?> sources)
    {
        var fingerprints = Fingerprint.OfAll(findings, sources);
        return new Baseline(findings.Select((f, i) => new BaselineEntry(f.RuleId, f.Span.File, fingerprints[i]))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());
    }

    public string ToJson()
    {
        var text = new System.Text.StringBuilder();
        text.Append("{\n  \"version\": 1,\n  \"tool\": \"PipelineGuard\",\n  \"findings\": [");
        for (var i = 0; i < Entries.Count; i++)
        {
            text.Append(i == 0 ? "\n    " : ",\n    ").Append(EntryJson(Entries[i]));
        }

        text.Append(Entries.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return text.ToString();
    }

    private static string EntryJson(BaselineEntry entry)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", entry.RuleId);
            json.WriteString("file", entry.File);
            json.WriteString("fingerprint", entry.Fingerprint);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a baseline; a malformed one is an error naming the file (exit 2), never a silent empty baseline.</summary>
    public static Baseline Parse(string text, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            // A hand-edited entry may name its rule; older files also hold a message, which matching never needed.
            var entries = doc.RootElement.GetProperty("findings").EnumerateArray().Select(e =>
            {
                var rule = e.GetProperty("ruleId").GetString()!;
                return new BaselineEntry(RuleCatalogLookup.Resolve(rule)?.Id ?? rule, e.GetProperty("file").GetString()!, e.GetProperty("fingerprint").GetString()!);
            }).ToList();
            return new Baseline(entries);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new Model.UsageException($"{path}: not a PipelineGuard baseline ({e.Message})");
        }
    }
}
