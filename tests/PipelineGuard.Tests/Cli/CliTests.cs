using System.Text.Json;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Cli;

public sealed class CliTests
{
    // pip 20.2.4, which cannot run on Python 3.12, and a pip package left free: PG135 (error) and PG106 (warning).
    private const string Unpinned = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n  - pip:\n      - requests>=2.32\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, params string[] args) => Run(fs, [], args);

    private static (int Code, string Out, string Err) Run(IFileSystem fs, Dictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: true, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Findings_at_the_threshold_exit_1_and_below_it_exit_0()
    {
        var fs = Lint.Repo(("env.yml", Unpinned));
        Assert.Multiple(() =>
        {
            Assert.That(Run(fs, "check").Code, Is.EqualTo(1));
            Assert.That(Run(fs, "check", "--fail-on", "none").Code, Is.Zero);
            Assert.That(Run(Lint.Repo(("env.yml", "channels: [defaults]\ndependencies: [python=3.11.9]\n")), "check").Code, Is.Zero);
        });
    }

    [TestCase("check", "--fail-on", "sometimes")]
    [TestCase("check", "missing-folder")]
    [TestCase("check", "--format", "xml")]
    [TestCase("check", "--unknown-flag")]
    [TestCase("frobnicate")]
    [TestCase("explain", "PG999")]
    public void Usage_errors_exit_2_with_a_message_on_standard_error(params string[] args)
    {
        var (code, stdout, stderr) = Run(Lint.Repo(("env.yml", Unpinned)), args);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Is.Not.Empty);
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public void Version_and_help_exit_0_on_standard_output()
    {
        var fs = Lint.Repo();
        var version = Run(fs, "--version");
        var help = Run(fs, "check", "--help");
        Assert.Multiple(() =>
        {
            Assert.That(version, Is.EqualTo((0, "pipelineguard 0.1.0\n", string.Empty)));
            Assert.That(help.Code, Is.Zero);
            Assert.That(help.Out, Does.Contain("--fail-on"));
            Assert.That(Run(fs, "--help").Out, Does.Contain("explain"));
        });
    }

    [Test]
    public void Verbose_text_output_shows_the_line_with_a_caret_and_a_summary_without_colour_under_no_color()
    {
        var (_, stdout, _) = Run(Lint.Repo(("env.yml", Unpinned)), new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "check", "--verbose");
        var lines = stdout.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("env.yml:4:5: error PG135 pip-incompatible-with-python: "));
            Assert.That(lines[1], Is.EqualTo(" 4 |   - pip=20.2.4"));
            Assert.That(lines[2], Is.EqualTo("   |     ^^^^^^^^^^"));
            Assert.That(stdout, Does.Contain("1 file checked: 1 error, 1 warning, 0 notices; failed (--fail-on error)"));
            Assert.That(stdout, Does.Not.Contain("\u001b["));
        });
    }

    [Test]
    public void Colour_is_used_on_a_terminal_only()
    {
        var (_, stdout, _) = Run(Lint.Repo(("env.yml", Unpinned)), "check");
        Assert.That(stdout, Does.Contain("\u001b["));
    }

    [Test]
    public void Json_output_has_the_contract_shape()
    {
        var (code, stdout, _) = Run(Lint.Repo(("envs/train/conda.yml", Unpinned)), "check", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var first = root.GetProperty("findings")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("PipelineGuard"));
            Assert.That(first.GetProperty("ruleId").GetString(), Is.EqualTo("PG135"));
            Assert.That(first.GetProperty("file").GetString(), Is.EqualTo("envs/train/conda.yml"));
            Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(4));
            Assert.That(first.GetProperty("column").GetInt32(), Is.EqualTo(5));
            Assert.That(first.GetProperty("endColumn").GetInt32(), Is.EqualTo(15));
            Assert.That(first.GetProperty("helpUri").GetString(), Does.EndWith("/docs/rules/PG135.md"));
            Assert.That(first.GetProperty("related").GetArrayLength(), Is.Zero);
            Assert.That(first.GetProperty("fix").GetString(), Is.EqualTo("pip=26.0.1"), "a pip that runs on the spec's Python 3.11");
            Assert.That(root.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("summary").GetProperty("failed").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Format_and_output_pair_in_order()
    {
        var fs = Lint.Repo(("env.yml", Unpinned));
        var noColour = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        var (_, stdout, _) = Run(fs, noColour, "check", "--format", "text", "--format", "json", "--output", "out/pg.json", ".");
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.StartWith("env.yml\n  4:5  error    PG135"));
            Assert.That(System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/out/pg.json")), Does.Contain("\"ruleId\": \"PG135\""));
        });
    }

    [Test]
    public void Rules_lists_every_rule_and_explain_prints_its_page()
    {
        var fs = Lint.Repo();
        Assert.Multiple(() =>
        {
            Assert.That(Run(fs, "rules").Out, Does.Contain("PG101  pip-not-declared"));
            Assert.That(Run(fs, "explain", "PG103").Out, Does.StartWith("# PG103 pip-resolver-loop-risk"));
            Assert.That(Run(fs, "explain", "pip-unpinned").Out, Does.StartWith("# PG102 pip-unpinned"));
        });
    }

    [Test]
    public void Control_characters_in_files_cannot_reach_the_terminal()
    {
        var (_, stdout, _) = Run(Lint.Repo(("env.yml", "dependencies:\n  - \"pip\u001b]0;owned\u0007\"\n  - pip:\n      - a==1\n")), "check");
        Assert.That(stdout, Does.Not.Contain("\u001b]0;"));
    }
}
