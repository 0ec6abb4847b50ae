using System.Globalization;
using System.Text.Json;
using PipelineGuard.Cli;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;
using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

/// <summary>
/// No input makes PipelineGuard print a line that GitHub Actions or Azure Pipelines would execute as a command other
/// than its own: every hostile string of the oracle table (and a few more) goes in as a path, a message, a fix, a rule
/// name and a source line, and the output is fed to ported runner/agent parsers.
/// </summary>
public sealed class CommandInjectionTests
{
    private static readonly Lazy<List<string>> OracleInputs = new(() =>
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", "escaping", "commands.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("input").GetString()!).ToList();
    });

    /// <summary>Strings the JSON table cannot hold (lone surrogates) and bypass attempts aimed at our own neutraliser.</summary>
    private static readonly string[] Extra =
    [
        "\ud800::add-mask::x", "x\udc00##vso[task.setvariable variable=a]b", "#\u200b#vso[task.setvariable variable=a]b",
        "#\u00ad#[error]x", "##\u034fvso[task.complete]", "#\ufe0f#[set-output name=a;]b", "\u0085::add-mask::x", "\u2028::set-output name=a::b",
        "\u2029##[error]x", "a\0##vso[task.logissue type=error]b", "::stop-commands::" + Token, "::" + Token + "::", "%0A::add-mask::x",
        "%AZP25", "\r::error::x", "x\r##vso[task.setvariable variable=a]b", "#" + "\U000E0001" + "#vso[x.y]z",
    ];

    private static readonly CiPaths Paths = new("/repo", GitHubEnvironment().GetValueOrDefault);

    private static IEnumerable<string> Hostile => OracleInputs.Value.Concat(Extra);

    private static CheckResult HostileResult(string s)
    {
        var file = "envs/" + s + ".yml";
        var log = "logs/" + s + ".log";
        var content = "dependencies:\n  - " + s + "\n  - pip\n";
        var errorRule = new RuleInfo("PG102", "pip-unpinned" + s, Severity.Error, s);
        var findings = new List<Finding>
        {
            new(errorRule, Severity.Error, "'" + s + "' is bad", new SourceSpan(file, 2, 5, 2, 5 + Math.Max(1, s.Length)), s),
            new(WarningRule, Severity.Warning, s, new SourceSpan(file, 3, 5, 3, 8)),
            new(NoticeRule, Severity.Notice, s, new SourceSpan(file, 2, 1, 3, 2)),
            new Finding(ErrorRule, Severity.Error, "from the log: " + s, new SourceSpan(log, 7, 1, 7, 2))
            {
                Related = [new RelatedLocation(new SourceSpan(file, 2, 5, 2, 6), s)],
            },
        };
        return Result([(file, content)], findings);
    }

    [Test]
    public void GitHub_output_runs_only_our_commands_whatever_the_input()
    {
        foreach (var s in Hostile)
        {
            var (output, files) = Run("github", HostileResult(s), GitHubEnvironment(), sarifFile: "out/" + s + ".sarif");
            AssertInertOutsideOurCommands(output, s);
            var executed = CiLogSimulator.GitHub(output);
            var file = Paths.RepositoryRelative("envs/" + s + ".yml");
            var message = "'" + s + "' is bad";
            Assert.Multiple(() =>
            {
                Assert.That(executed.Select(c => c.Name), Is.EqualTo(new[] { "group", "stop-commands", Token, "endgroup", "error", "error", "warning", "notice" }), Show(s));
                Assert.That(executed[1].Data, Is.EqualTo(Token), Show(s));
                // Exactly the toolkit's escaping, unless the text would glue to the "::" separator (then neutralised).
                Assert.That((executed[4].Properties["file"], executed[4].Data), Is.EqualTo((file, message)).Or.EqualTo((CommandEscaping.Neutralise(file), CommandEscaping.Neutralise(message))), Show(s));
                Assert.That(executed.Where(c => c.Name is "error" or "warning" or "notice").Select(c => c.Line).Where(l => l.Contains("##[", StringComparison.OrdinalIgnoreCase)),
                    Is.All.Matches<string>(SeparatorStandsAlone), "a line the runner could fail to parse as ::error reaches the legacy parser: " + Show(s));
                Assert.That(executed[4].Properties.Keys, Is.EquivalentTo(new[] { "file", "line", "endLine", "col", "endColumn", "title" }), Show(s));
                Assert.That(executed[7].Properties.Keys, Is.EquivalentTo(new[] { "file", "line", "endLine", "title" }), "no columns on a multi-line range");
                Assert.That(NotOurCommands(output), Has.None.Contain("##[").IgnoreCase.And.None.Contain("##vso[").IgnoreCase, Show(s));
                AssertOutputsFile(files["/runner/set_output"], s);
            });
        }
    }

    [Test]
    public void Azure_output_runs_only_our_commands_whatever_the_input()
    {
        foreach (var s in Hostile)
        {
            var (output, _) = Run("azure", HostileResult(s), new() { ["TF_BUILD"] = "True", ["BUILD_SOURCESDIRECTORY"] = "/agent/s" });
            AssertInertOutsideOurCommands(output, s);
            var executed = CiLogSimulator.Azure(output);
            Assert.Multiple(() =>
            {
                Assert.That(executed.Select(c => c.Name), Is.EqualTo(new[] { "task.logissue", "task.logissue", "task.logissue", "task.complete" }), Show(s));
                Assert.That(executed[0].Properties["sourcepath"], Does.StartWith("/").Or.EqualTo("envs/" + s + ".yml"), Show(s));
                Assert.That(executed[0].Data, Is.EqualTo($"PG102 pip-unpinned{s}: '{s}' is bad"), "the task library's escaping, nothing else: " + Show(s));
                Assert.That(executed[0].Properties["code"], Is.EqualTo("PG102"));
                Assert.That(executed[3].Properties["result"], Is.EqualTo("Failed"));
                var smuggled = CiLogSimulator.Lines(output).Where(line =>
                {
                    var ours = line.StartsWith("##vso[task.logissue ", StringComparison.Ordinal) || line.StartsWith("##vso[task.complete ", StringComparison.Ordinal);
                    var group = line is "##[group]PipelineGuard: findings with their source lines" or "##[endgroup]";
                    // The agent reads one command per line, the first: ours, from the start. Text after it is only data.
                    var rest = ours || group ? string.Empty : line;
                    return rest.Contains("##vso[", StringComparison.OrdinalIgnoreCase) || rest.Contains("##[", StringComparison.OrdinalIgnoreCase);
                });
                Assert.That(smuggled, Is.Empty, Show(s));
            });
        }
    }

    [Test]
    public void Markdown_cells_hold_no_table_breaks_links_or_html()
    {
        foreach (var s in Hostile)
        {
            var (output, _) = Run("markdown", HostileResult(s));
            var lines = output.Split('\n');
            var rows = lines.Where(l => l.StartsWith("| error |", StringComparison.Ordinal) || l.StartsWith("| warning |", StringComparison.Ordinal) || l.StartsWith("| notice |", StringComparison.Ordinal)).ToList();
            var ruleRows = lines.Where(l => l.StartsWith("| [PG", StringComparison.Ordinal)).ToList();
            var summaries = lines.Where(l => l.StartsWith("<details>", StringComparison.Ordinal)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(rows, Has.Count.EqualTo(4), Show(s));
                Assert.That(rows.Select(CountCellBreaks), Is.All.EqualTo(5), Show(s));
                Assert.That(ruleRows.Select(CountCellBreaks), Is.All.EqualTo(5), Show(s));
                Assert.That(summaries.Select(l => l.Replace("<details><summary>", string.Empty, StringComparison.Ordinal).Replace("</summary>", string.Empty, StringComparison.Ordinal)),
                    Has.None.Contain("<").And.None.Contain(">"), "no HTML of the input's own in a <summary>: " + Show(s));
                AssertInert(output, s);
            });
        }
    }

    [TestCase("a##vso[b", "a# #vso[b")]
    [TestCase("##[error]x", "# #[error]x")]
    [TestCase("###[x", "## #[x")]
    [TestCase("##VsO[x", "# #VsO[x")]
    [TestCase("#\u200b#vso[x", "#?#vso[x")]
    [TestCase("a\u2028b\u0085c\0d\re\nf", "a?b?c?d?e?f")]
    [TestCase("tab\tkept, é and 🙂 too", "tab\tkept, é and 🙂 too")]
    [TestCase("##", "##")]
    [TestCase("::add-mask::x", "::add-mask::x")]
    public void Neutralise_breaks_command_prefixes_and_line_breaks(string input, string expected)
    {
        Assert.That(CommandEscaping.Neutralise(input), Is.EqualTo(expected));
    }

    [Test]
    public void Neutralise_replaces_lone_surrogates_and_keeps_pairs()
    {
        // Built at run time: a lone surrogate does not survive an attribute argument.
        var input = new string(['\ud800', 'x', '\udc00', '\ud83d', '\ude42']);
        Assert.That(CommandEscaping.Neutralise(input), Is.EqualTo("?x?\U0001F642"));
    }

    [Test]
    public void Hostile_files_through_the_whole_cli_in_github_actions()
    {
        const string Evil = "::add-mask::x ##vso[task.setvariable variable=a]b \u2028::set-output name=x::y ##[error]boom %0A::error::z";
        var fs = Lint.Repo(
            ("envs/conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip\n  - \"numpy " + Evil + "\"\n  - pip:\n      - \"requests " + Evil + "\"\n"),
            ("envs/requirements.txt", "flask " + Evil + "\n"));
        var summary = Path.Combine(Path.GetTempPath(), $"pg-summary-{Guid.NewGuid():N}.md");
        var outputs = Path.Combine(Path.GetTempPath(), $"pg-output-{Guid.NewGuid():N}");
        try
        {
            var env = new Dictionary<string, string>
            {
                ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = "/repo", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = outputs,
            };
            var stdout = new StringWriter();
            var code = CliApp.Run(["check"], new CliConsole(stdout, new StringWriter(), k => env.GetValueOrDefault(k), OutputIsTerminal: false, fs));
            var output = stdout.ToString();
            AssertInertOutsideOurCommands(output, Evil);
            var executed = CiLogSimulator.GitHub(output);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(executed.Select(c => c.Name).Distinct(), Is.SubsetOf(new[] { "group", "stop-commands", "endgroup", "error", "warning", "notice" }.Append(executed[1].Data)));
                Assert.That(executed.Count(c => c.Name == "stop-commands"), Is.EqualTo(1));
                Assert.That(output, Does.Contain(executed[1].Data + "::"), "the resume line");
                Assert.That(NotOurCommands(output), Has.None.Contain("##vso[").IgnoreCase.And.None.Contain("##[").IgnoreCase);
                Assert.That(File.ReadAllText(outputs), Does.StartWith("errors<<ghadelimiter_"));
                Assert.That(File.ReadAllText(summary), Does.StartWith("## PipelineGuard"));
            });
        }
        finally
        {
            File.Delete(summary);
            File.Delete(outputs);
        }
    }

    [Test]
    public void A_message_with_command_prefixes_arrives_unchanged_inside_an_annotation()
    {
        const string Message = "run ##[error]x and ##vso[task.complete result=Failed;]y, 100% done";
        var result = Result([("a.yml", "dependencies:\n  - pip\n")], [new Finding(ErrorRule, Severity.Error, Message, new SourceSpan("a.yml", 2, 5, 2, 8))]);
        var github = Run("github", result, GitHubEnvironment()).Output;
        var azure = Run("azure", result, new() { ["TF_BUILD"] = "True" }).Output;
        Assert.Multiple(() =>
        {
            Assert.That(github, Does.Contain("::run ##[error]x and ##vso[task.complete result=Failed;]y, 100%25 done\n"));
            Assert.That(CiLogSimulator.GitHub(github).Single(c => c.Name == "error").Data, Is.EqualTo(Message));
            Assert.That(azure, Does.Contain("]PG102 pip-unpinned: run ##[error]x and ##vso[task.complete result=Failed;]y, 100%AZP25 done\n"));
            Assert.That(CiLogSimulator.Azure(azure).Select(c => c.Name), Is.EqualTo(new[] { "task.logissue", "task.complete" }));
        });
    }

    /// <summary>
    /// Text that glues to the "::" after the properties: with ICU (the runner's globalization), the culture-sensitive
    /// <c>IndexOf("::")</c> of TryParseV2 returns -1 for these (measured), and the runner then reads the line's <c>##[</c>.
    /// Those lines fall back to the neutralised text.
    /// </summary>
    [TestCase("pip-unpinned", "\u0301##[add-mask]x")]
    [TestCase("pip-unpinned", "\u0338##[set-output name=a;]b")]
    [TestCase("pip-unpinned\u0600", "##[add-mask]x")]
    public void Text_that_would_glue_to_the_separator_is_neutralised(string ruleName, string message)
    {
        var rule = new RuleInfo("PG102", ruleName, Severity.Error, "x");
        var result = Result([("a.yml", "dependencies:\n  - pip\n")], [new Finding(rule, Severity.Error, message, new SourceSpan("a.yml", 2, 5, 2, 8))]);
        var line = Run("github", result, GitHubEnvironment()).Output.Split('\n').Single(l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.That(line, Does.Not.Contain("##["));
    }

    private static bool SeparatorStandsAlone(string line)
    {
        var separator = line.IndexOf("::", 2, StringComparison.Ordinal);
        var starts = StringInfo.ParseCombiningCharacters(line);
        return separator > 2 && new[] { separator, separator + 1, separator + 2 }.All(i => i == line.Length || Array.IndexOf(starts, i) >= 0)
            && (separator + 2 == line.Length || CharUnicodeInfo.GetUnicodeCategory(line, separator + 2) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format));
    }

    /// <summary>The lines that are not one of our own annotation commands (whose text is only escaped).</summary>
    private static List<string> NotOurCommands(string output) =>
        output.Split('\n').Where(l => !IsOurCommand(l)).ToList();

    private static bool IsOurCommand(string line) =>
        line.StartsWith("::error ", StringComparison.Ordinal) || line.StartsWith("::warning ", StringComparison.Ordinal) ||
        line.StartsWith("::notice file=", StringComparison.Ordinal) || line.StartsWith("##vso[task.logissue ", StringComparison.Ordinal);

    /// <summary>Every other line inert; our commands' lines only one line each (their text escaped as the platforms do).</summary>
    private static void AssertInertOutsideOurCommands(string output, string input)
    {
        AssertInert(string.Join('\n', NotOurCommands(output)), input);
        Assert.That(output.Split('\n').Where(IsOurCommand), Has.None.Contain("\r"), Show(input));
    }

    /// <summary>Every line is one line, and carries no character a parser could skip or split at.</summary>
    private static void AssertInert(string output, string input)
    {
        foreach (var line in output.Split('\n'))
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var category = char.GetUnicodeCategory(line, i);
                var bad = c != '\t' && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
                bad |= char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1])) &&
                       !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(line[i - 1]));
                if (bad)
                {
                    Assert.Fail($"U+{(int)c:X4} in output for {Show(input)}: {line}");
                }
            }
        }
    }

    private static void AssertOutputsFile(string text, string s)
    {
        // Each output is name<<DELIM, its value, DELIM: parse as the runner does and check nothing else appears.
        var lines = text.Split('\n');
        var names = new List<string>();
        for (var i = 0; i < lines.Length - 1;)
        {
            var header = lines[i].Split("<<", 2);
            Assert.That(header, Has.Length.EqualTo(2), Show(s));
            var end = Array.IndexOf(lines, header[1], i + 1);
            Assert.That(end, Is.GreaterThan(i), Show(s));
            names.Add(header[0]);
            i = end + 1;
        }

        Assert.That(names, Is.EqualTo(new[] { "errors", "warnings", "notices", "sarif-file" }), Show(s));
    }

    private static int CountCellBreaks(string row)
    {
        var n = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                n++;
            }
        }

        return n;
    }

    private static string Show(string s) => JsonSerializer.Serialize(s);
}
