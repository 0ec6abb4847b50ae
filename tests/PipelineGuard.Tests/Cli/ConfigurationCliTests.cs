using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Cli;

public sealed class ConfigurationCliTests
{
    private const string Spec = "channels: [defaults]\ndependencies:\n  - python=3.11\n  - numpy\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, Dictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        env ??= [];
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), false, fs, FixedClock.SessionDay, [.. env]));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void The_config_file_in_the_working_directory_is_used()
    {
        var fs = Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "fail-on: warning\n"));
        Assert.That(Run(fs, null, "check").Code, Is.EqualTo(1));
    }

    [Test]
    public void Config_prints_each_setting_with_its_origin()
    {
        var fs = Lint.Repo((".pipelineguard.yml", "fail-on: warning\nrules:\n  PG106: off\n"));
        var (code, stdout, _) = Run(fs, new() { ["PIPELINEGUARD_ALLOW_INLINE_IGNORES"] = "false" }, "config");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("fail-on").And.Contain("warning  (.pipelineguard.yml)"));
            Assert.That(stdout, Does.Contain("rules.PG106").And.Contain("off  (.pipelineguard.yml)"));
            Assert.That(stdout, Does.Contain("allow-inline-ignores").And.Contain("false  (PIPELINEGUARD_* (environment))"));
            Assert.That(stdout, Does.Contain("online.index-url").And.Contain("(default)"));
            Assert.That(Run(fs, null, "check", "--show-config", "--fail-on", "none").Out, Does.Contain("none  (command line)"));
        });
    }

    [TestCase(".pipelineguard.yml", "fail-on: loud\n", "pipelineguard: invalid configuration: .pipelineguard.yml:1:1: fail-on: 'loud' is not one of error, warning, notice, none")]
    [TestCase("ci/pg.yml", "rules:\n  PG106: loud\n", "pipelineguard: invalid configuration: ci/pg.yml:2:3: rules.PG106: 'loud'")]
    public void Invalid_configuration_exits_2_naming_file_line_and_key(string path, string content, string message)
    {
        var fs = Lint.Repo(("env.yml", Spec), (path, content));
        var args = path == ".pipelineguard.yml" ? new[] { "check" } : ["check", "--config", path];
        var (code, stdout, stderr) = Run(fs, null, args);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith(message));
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public void A_missing_config_file_named_explicitly_exits_2()
    {
        Assert.That(Run(Lint.Repo(("env.yml", Spec)), null, "check", "--config", "nope.yml").Err, Does.Contain("nope.yml: configuration file not found"));
    }

    [Test]
    public void The_action_input_for_the_config_file_is_honoured()
    {
        var fs = Lint.Repo(("env.yml", Spec), ("ci/pg.yml", "fail-on: warning\n"));
        Assert.That(Run(fs, new() { ["INPUT_CONFIG"] = "ci/pg.yml" }, "check").Code, Is.EqualTo(1));
    }

    [Test]
    public void Write_baseline_then_baseline_reports_only_new_findings()
    {
        const string file = "pipelineguard-baseline.json";
        {
            var fs = Lint.Repo(("env.yml", Spec));
            Assert.That(Run(fs, null, "check", "--fail-on", "warning", "--write-baseline", file).Code, Is.Zero);
            Assert.That(Run(fs, null, "check", "--fail-on", "warning", "--baseline", file).Code, Is.Zero);
            fs.Add("env.yml", Spec + "  - scipy\n");
            var (code, stdout, _) = Run(fs, null, "check", "--fail-on", "warning", "--baseline", file);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(stdout, Does.Contain("'scipy'").And.Not.Contain("'numpy'"));
                Assert.That(stdout, Does.Contain("(1 suppressed)"));
            });
        }
    }

    [Test]
    public void Exclude_globs_skip_files()
    {
        var fs = Lint.Repo(("legacy/env.yml", Spec), ("new/env.yml", Spec), (".pipelineguard.yml", "exclude: [legacy]\nfail-on: warning\n"));
        var (_, stdout, _) = Run(fs, null, "check");
        Assert.That(stdout, Does.Contain("new/env.yml").And.Not.Contain("legacy/env.yml"));
    }

    [Test]
    public void The_configured_format_reports_on_standard_output_next_to_file_outputs()
    {
        var fs = Lint.Repo(("env.yml", Spec), (".pipelineguard.yml", "format: json\n"));
        var (_, stdout, _) = Run(fs, null, "check", "--format", "sarif", "--output", "pg.sarif");
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.StartWith("{").And.Contain("\"summary\""));
            Assert.That(System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/pg.sarif")), Does.Contain("\"version\": \"2.1.0\""));
        });
    }
}
