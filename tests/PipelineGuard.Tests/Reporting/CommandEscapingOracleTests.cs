using System.Text.Json;
using PipelineGuard.Reporting;

namespace PipelineGuard.Tests.Reporting;

/// <summary>
/// PipelineGuard's command lines against the real libraries' on every row of Vectors/escaping/commands.json
/// (written by tools/oracles/escaping/generate-vectors.mjs from @actions/core and azure-pipelines-task-lib).
/// </summary>
public sealed class CommandEscapingOracleTests
{
    private sealed record Row(string Input, JsonElement GitHub, JsonElement Azure);

    private static readonly Lazy<List<Row>> Rows = new(() =>
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", "escaping", "commands.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new Row(r.GetProperty("input").GetString()!, r.GetProperty("github").Clone(), r.GetProperty("azure").Clone()))
            .ToList();
    });

    private static string Expected(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    [Test]
    public void The_table_has_hundreds_of_hostile_rows()
    {
        Assert.That(Rows.Value, Has.Count.GreaterThan(500));
    }

    [Test]
    public void GitHub_lines_match_the_actions_toolkit_on_every_row()
    {
        var failures = new List<string>();
        foreach (var row in Rows.Value)
        {
            var s = row.Input;
            Check(failures, row, Expected(row.GitHub, "error"), CommandEscaping.GitHubCommand(
                "error",
                [new("title", s), new("file", s), new("line", "3"), new("endLine", "3"), new("col", "5"), new("endColumn", "9")],
                s));
            Check(failures, row, Expected(row.GitHub, "warning"), CommandEscaping.GitHubCommand("warning", [new("file", s), new("line", "7")], s));
            Check(failures, row, Expected(row.GitHub, "notice"), CommandEscaping.GitHubCommand("notice", [], s));
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Azure_lines_match_the_task_library_on_every_row()
    {
        var failures = new List<string>();
        foreach (var row in Rows.Value)
        {
            var s = row.Input;
            Check(failures, row, Expected(row.Azure, "logIssue"), CommandEscaping.AzureCommand(
                "task.logissue",
                [new("type", "error"), new("code", "PG102"), new("sourcepath", s), new("linenumber", "12"), new("columnnumber", "3")],
                s));
            Check(failures, row, Expected(row.Azure, "command"), CommandEscaping.AzureCommand(
                "task.logissue",
                [new("type", "warning"), new("sourcepath", s), new("linenumber", "7"), new("columnnumber", "1"), new("code", s)],
                s));
            Check(failures, row, Expected(row.Azure, "complete"), CommandEscaping.AzureCommand("task.complete", [new("result", "Failed")], s));
        }

        Assert.That(failures, Is.Empty);
    }

    /// <summary>
    /// Annotations carry user text exactly as the toolkit writes it (a message quoting <c>##[error]</c> included); the
    /// only rows that differ are those whose text starts with a mark or an invisible character, which could glue to the
    /// <c>::</c> separator (<see cref="CommandEscaping.GitHubUserCommand"/>).
    /// </summary>
    [Test]
    public void Annotation_lines_are_the_toolkits_unless_the_text_would_glue_to_the_separator()
    {
        var differing = new List<string>();
        foreach (var row in Rows.Value)
        {
            var s = row.Input;
            if (CommandEscaping.GitHubUserCommand("warning", [new("file", s), new("line", "7")], s) != Expected(row.GitHub, "warning"))
            {
                differing.Add(s);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(Rows.Value.Count(r => r.Input.Contains("##[", StringComparison.Ordinal) && !differing.Contains(r.Input)), Is.GreaterThan(50));
            Assert.That(differing, Is.All.Matches<string>(s => s.Length > 0 && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(s, 0) is
                System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or
                System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Format or
                System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.LineSeparator or
                System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate));
        });
    }

    /// <summary>
    /// Both parsers split a property at its first '=' with empty entries removed, so a value that starts with '='
    /// loses it (a platform quirk without an escape; it can drop a property but never add one).
    /// </summary>
    [Test]
    public void Every_row_round_trips_through_the_platforms_parsers()
    {
        foreach (var row in Rows.Value.Where(r => r.Input.Length > 0 && !r.Input.StartsWith('=')))
        {
            var github = CiLogSimulator.GitHub(CommandEscaping.GitHubCommand("error", [new("file", row.Input), new("line", "1")], row.Input) + "\n");
            var azure = CiLogSimulator.Azure(CommandEscaping.AzureCommand("task.logissue", [new("type", "error"), new("sourcepath", row.Input)], row.Input) + "\n");
            Assert.Multiple(() =>
            {
                Assert.That(github.Select(c => (c.Name, c.Properties.GetValueOrDefault("file"), c.Data)), Is.EqualTo(new[] { ("error", row.Input, row.Input) }), row.Input);
                Assert.That(azure.Select(c => (c.Name, c.Properties.GetValueOrDefault("sourcepath"), c.Data)), Is.EqualTo(new[] { ("task.logissue", row.Input, row.Input) }), row.Input);
            });
        }
    }

    private static void Check(List<string> failures, Row row, string expected, string actual)
    {
        if (expected != actual)
        {
            failures.Add($"input {JsonSerializer.Serialize(row.Input)}: expected {JsonSerializer.Serialize(expected)}, got {JsonSerializer.Serialize(actual)}");
        }
    }
}
