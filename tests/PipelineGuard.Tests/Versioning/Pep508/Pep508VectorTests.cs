using System.Text.Json;
using PipelineGuard.Model;
using PipelineGuard.Tests.Versioning.Pep440;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Tests.Versioning.Pep508;

/// <summary>Every row of the pep508 oracle tables, compared with our implementation.</summary>
public sealed class Pep508VectorTests
{
    [Test]
    public void Requirements_parse_like_packaging()
    {
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in VectorRows.Read("pep508", "requirements.jsonl"))
        {
            rows++;
            var text = row.Str("req");
            var ok = Pep508Requirement.TryParse(text, out var requirement, out var error);
            if (row.IsInvalid())
            {
                if (ok)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: expected invalid, got {requirement}");
                }
                else if (error!.Offset < 0 || error.Offset + error.Length > text.Length)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: error span {error.Offset}+{error.Length} outside the text");
                }

                continue;
            }

            if (!ok)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected valid, got error at {error!.Offset}: {error.Message}");
                continue;
            }

            var extras = requirement!.Extras.Select(e => e.Value).Distinct().Order(StringComparer.Ordinal);
            var specifiers = requirement.Specifier.Specifiers.Select(s => s.ToString()).Order(StringComparer.Ordinal);
            var got = $"{requirement.Name}|{string.Join(",", extras)}|{string.Join(",", specifiers)}|{requirement.Specifier}|{requirement.Url?.Value}|{requirement.Marker}";
            var wantExtras = row.GetProperty("extras").EnumerateArray().Select(e => e.GetString());
            var wantSpecifiers = row.GetProperty("specifiers").EnumerateArray().Select(e => e.GetString());
            var want = $"{row.Str("name")}|{string.Join(",", wantExtras)}|{string.Join(",", wantSpecifiers)}|{row.Str("specifier")}|{row.StrOrNull("url")}|{row.StrOrNull("marker")}";
            if (got != want)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected [{want}], got [{got}]");
            }
            else if (SpanProblem(text, requirement) is { } problem)
            {
                mismatches.Add($"{VectorRows.Show(text)}: {problem}");
            }
        }

        VectorRows.AssertNone(mismatches, rows);
    }

    [Test]
    public void Markers_parse_print_and_evaluate_like_packaging()
    {
        var environments = LoadEnvironments();
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in VectorRows.Read("pep508", "markers.jsonl"))
        {
            rows++;
            var text = row.Str("marker");
            var ok = MarkerParser.TryParse(text, out var marker, out var error);
            if (row.IsInvalid())
            {
                if (ok)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: expected invalid, got {marker}");
                }

                continue;
            }

            if (!ok)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected valid, got error {error!.Message}");
                continue;
            }

            var environment = environments[row.Str("env")];
            var expected = row.GetProperty("result");
            var evaluated = marker!.TryEvaluate(environment, out var result, out _);
            var got = evaluated ? (result ? "true" : "false") : "error";
            var want = expected.ValueKind == JsonValueKind.String ? expected.GetString() : expected.GetBoolean() ? "true" : "false";
            if (got != want || marker.ToString() != row.Str("str"))
            {
                mismatches.Add($"{VectorRows.Show(text)} on {row.Str("env")}: expected {want} / {VectorRows.Show(row.Str("str"))}, got {got} / {VectorRows.Show(marker.ToString())}");
            }
        }

        VectorRows.AssertNone(mismatches, rows);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadEnvironments()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", "pep508", "environments.json");
        var all = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path))!;
        return all.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value);
    }

    /// <summary>The exposed spans must cut exactly the parts out of the text.</summary>
    private static string? SpanProblem(string text, Pep508Requirement requirement)
    {
        if (Slice(text, requirement.NameSpan) != requirement.Name)
        {
            return "name span";
        }

        if (requirement.Extras.Any(e => Slice(text, e.Span) != e.Value))
        {
            return "extra span";
        }

        if (requirement.Url is { } url && Slice(text, url.Span) != url.Value)
        {
            return "url span";
        }

        foreach (var specifier in requirement.Specifier.Specifiers)
        {
            var cut = text.Substring(specifier.Offset, specifier.Length);
            if (!cut.StartsWith(specifier.Operator.Text(), StringComparison.Ordinal) || !cut.EndsWith(specifier.VersionText, StringComparison.Ordinal)
                || text.Substring(specifier.VersionOffset, specifier.VersionText.Length) != specifier.VersionText)
            {
                return $"specifier span {VectorRows.Show(cut)} for {specifier}";
            }

            if (requirement.SpecifierSpan is not { } set || specifier.Offset < set.Offset || specifier.Offset + specifier.Length > set.End)
            {
                return "specifier outside the specifier set span";
            }
        }

        if (requirement.Marker is { } marker)
        {
            var cut = Slice(text, marker.Span);
            if (!MarkerParser.TryParse(cut, out var again, out _) || again.ToString() != marker.ToString())
            {
                return $"marker span {VectorRows.Show(cut)}";
            }
        }

        return null;
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Offset, span.Length);
}
