using System.Text.Json;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Cli;

/// <summary>Silencing rules from the command line, the action's inputs and the configuration, by ID or name.</summary>
public sealed class SelectIgnoreTests
{
    // pip 20.2.4 cannot run on Python 3.12 (PG135), and numpy and requests are left free (PG106 twice).
    private const string Spec = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n  - numpy\n  - pip:\n      - requests>=2.32\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, Dictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        env ??= [];
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), false, fs, FixedClock.SessionDay, [.. env]));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Rules(IFileSystem fs, Dictionary<string, string>? env, params string[] args)
    {
        var (_, stdout, stderr) = Run(fs, env, ["check", "--format", "json", "--fail-on", "none", .. args]);
        Assert.That(stderr, Is.Empty);
        using var doc = JsonDocument.Parse(stdout);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order()];
    }

    [Test]
    public void Select_and_ignore_take_ids_and_names_repeated_or_comma_separated()
    {
        var fs = Lint.Repo(("env.yml", Spec));
        Assert.Multiple(() =>
        {
            Assert.That(Rules(fs, null), Is.EqualTo(new[] { "PG106", "PG135" }));
            Assert.That(Rules(fs, null, "--select", "PG135"), Is.EqualTo(new[] { "PG135" }));
            Assert.That(Rules(fs, null, "--select", "dependency-unpinned", "."), Is.EqualTo(new[] { "PG106" }));
            Assert.That(Rules(fs, null, "--select=pg106,PG135", "--ignore", "pip-incompatible-with-python"), Is.EqualTo(new[] { "PG106" }));
            Assert.That(Rules(fs, null, "--ignore", "PG106", "--ignore", "PG135"), Is.Empty);
        });
    }

    [Test]
    public void The_command_line_select_replaces_the_files_and_ignore_adds_to_it()
    {
        var fs = Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "select: [dependency-unpinned]\nignore: [PG101]\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Rules(fs, null), Is.EqualTo(new[] { "PG106" }));
            Assert.That(Rules(fs, null, "--select", "PG135,PG106"), Is.EqualTo(new[] { "PG106", "PG135" }));
            Assert.That(Rules(fs, null, "--select", "PG135,PG106", "--ignore", "PG135"), Is.EqualTo(new[] { "PG106" }));
            Assert.That(Run(fs, null, "config").Out, Does.Contain("select").And.Contain("PG106  (.pipelineguard.yml)"));
        });
    }

    [Test]
    public void Action_inputs_and_environment_variables_take_rule_lists_separated_by_spaces_or_commas()
    {
        var fs = Lint.Repo(("env.yml", Spec));
        Assert.Multiple(() =>
        {
            Assert.That(Rules(fs, new() { ["INPUT_IGNORE"] = "PG106 pip-incompatible-with-python" }), Is.Empty);
            Assert.That(Rules(fs, new() { ["INPUT_SELECT"] = "PG135" }), Is.EqualTo(new[] { "PG135" }));
            Assert.That(Rules(fs, new() { ["PIPELINEGUARD_IGNORE"] = "dependency-unpinned,PG135" }), Is.Empty);
            Assert.That(Run(fs, new() { ["INPUT_SELECT"] = "PG1006" }, "check").Err,
                Is.EqualTo("pipelineguard: invalid configuration: INPUT_* (action input): select.0: unknown rule 'PG1006'; did you mean PG106 (dependency-unpinned)?\n"));
        });
    }

    [Test]
    public void The_configuration_takes_rule_names_in_rules()
    {
        var fs = Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "rules:\n  dependency-unpinned: off\n  pip-incompatible-with-python: warning\n"));
        var (code, stdout, _) = Run(fs, null, "check", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, "PG135 is only a warning now");
            Assert.That(stdout, Does.Contain("\"PG135\"").And.Not.Contain("\"PG106\""));
            Assert.That(Run(Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "rules:\n  PG106: off\n  dependency-unpinned: error\n")), null, "check").Err,
                Does.Contain("'dependency-unpinned' and 'PG106' both name PG106").Or.Contain("'PG106' and 'dependency-unpinned' both name PG106"));
        });
    }

    [Test]
    public void Inline_comments_take_names_and_a_misspelt_one_is_a_warning_on_its_line()
    {
        var yaml = "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - numpy  # pipelineguard: ignore dependency-unpinned\n" +
            "  - pandas  # pipelineguard: ignre PG106\n  - scipy  # pipelineguard: ignore PG1006\n";
        var (_, stdout, _) = Run(Lint.Repo(("env.yml", yaml)), null, "check", "--format", "json", "--fail-on", "none");
        using var doc = JsonDocument.Parse(stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), Line: f.GetProperty("line").GetInt32(), Severity: f.GetProperty("severity").GetString(), Message: f.GetProperty("message").GetString()!))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(findings.Select(f => (f.Rule, f.Line)), Is.EqualTo(new[] { ("PG106", 5), ("PG134", 5), ("PG106", 6), ("PG134", 6) }));
            Assert.That(findings.Where(f => f.Rule == "PG134").Select(f => f.Severity), Is.All.EqualTo("warning"));
            Assert.That(findings[1].Message, Does.StartWith("'pipelineguard: ignre' is not a directive; did you mean 'ignore'?"));
            Assert.That(findings[3].Message, Does.StartWith("unknown rule 'PG1006'; did you mean PG106 (dependency-unpinned)?"));
            Assert.That(doc.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Write_baseline_writes_says_how_many_and_exits_0_storing_only_what_matching_needs()
    {
        var fs = Lint.Repo(("env.yml", Spec));
        var (code, stdout, stderr) = Run(fs, null, "check", "--write-baseline", "pg-baseline.json");
        var json = System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/pg-baseline.json"));
        var entries = json.Split('\n').Where(l => l.Contains("\"ruleId\"", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((code, stdout, stderr), Is.EqualTo((0, "wrote 3 findings to pg-baseline.json\n", string.Empty)));
            Assert.That(entries, Has.Count.EqualTo(3), "one line per finding");
            Assert.That(entries[0].Trim().TrimEnd(','), Does.Match("^\\{\"ruleId\":\"PG106\",\"file\":\"env.yml\",\"fingerprint\":\"[0-9a-f]+\"\\}$"));
            Assert.That(json, Does.Not.Contain("message"));
            Assert.That(Run(fs, null, "check", "--baseline", "pg-baseline.json").Code, Is.Zero);
        });
    }

    [Test]
    public void A_baseline_written_with_messages_and_rule_names_still_matches()
    {
        var fs = Lint.Repo(("env.yml", Spec));
        Run(fs, null, "check", "--write-baseline", "new.json");
        using var doc = JsonDocument.Parse(fs.ReadAllBytes("/repo/new.json"));
        var old = "{\n  \"version\": 1,\n  \"tool\": \"PipelineGuard\",\n  \"findings\": [\n" + string.Join(",\n", doc.RootElement.GetProperty("findings").EnumerateArray().Select(e =>
            $"    {{\n      \"ruleId\": \"{(e.GetProperty("ruleId").GetString() == "PG106" ? "dependency-unpinned" : e.GetProperty("ruleId").GetString())}\",\n" +
            $"      \"file\": \"{e.GetProperty("file").GetString()}\",\n      \"fingerprint\": \"{e.GetProperty("fingerprint").GetString()}\",\n" +
            "      \"message\": \"a whole message, as 0.1.0 wrote it\"\n    }")) + "\n  ]\n}\n";
        fs.Add("old.json", old);
        var (code, stdout, _) = Run(fs, null, "check", "--baseline", "old.json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("(3 suppressed)"));
        });
    }
}
