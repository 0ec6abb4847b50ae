using System.Text.Json;

namespace PipelineGuard.Tests.Versioning.Pep440;

/// <summary>Reads the committed oracle tables (JSON Lines written by tools/oracles/pep_vectors.py).</summary>
internal static class VectorRows
{
    public static IEnumerable<JsonElement> Read(string folder, string file)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", folder, file);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            yield return document.RootElement.Clone();
        }
    }

    public static string Str(this JsonElement row, string name) => row.GetProperty(name).GetString()!;

    public static string? StrOrNull(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsInvalid(this JsonElement row) => row.TryGetProperty("invalid", out var value) && value.GetBoolean();

    public static bool? BoolOrNull(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>Fails listing the first 20 mismatches, so one test covers a whole file and stays fast.</summary>
    public static void AssertNone(List<string> mismatches, int rows)
    {
        Assert.That(rows, Is.GreaterThan(0), "no vector rows read");
        if (mismatches.Count > 0)
        {
            Assert.Fail($"{mismatches.Count} of {rows} rows differ from packaging 21.3; first 20:\n" + string.Join("\n", mismatches.Take(20)));
        }
    }

    public static string Show(string s) => JsonSerializer.Serialize(s);
}
