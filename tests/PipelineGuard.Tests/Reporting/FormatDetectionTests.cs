using PipelineGuard.Cli;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Reporting;

public sealed class FormatDetectionTests
{
    [TestCase(null, null, "text")]
    [TestCase("true", null, "github")]
    [TestCase("TRUE", "True", "github")]
    [TestCase(null, "True", "azure")]
    [TestCase(null, "true", "azure")]
    [TestCase("false", "False", "text")]
    public void The_ci_system_is_detected_from_its_variables(string? githubActions, string? tfBuild, string expected)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = githubActions, ["TF_BUILD"] = tfBuild };
        Assert.Multiple(() =>
        {
            Assert.That(ReporterFactory.Detect(k => env.GetValueOrDefault(k)), Is.EqualTo(expected));
            Assert.That(ReporterFactory.Resolve("auto", k => env.GetValueOrDefault(k)), Is.EqualTo(expected));
            Assert.That(ReporterFactory.Resolve(" JSON ", k => env.GetValueOrDefault(k)), Is.EqualTo("json"), "an explicit format wins");
        });
    }

    [Test]
    public void The_cli_prints_workflow_commands_under_github_actions_unless_a_format_is_named()
    {
        var fs = Lint.Repo(("env.yml", "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n  - pip:\n      - requests>=2.32\n"));
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        string Run(params string[] args)
        {
            var stdout = new StringWriter();
            CliApp.Run(args, new CliConsole(stdout, new StringWriter(), k => env.GetValueOrDefault(k), OutputIsTerminal: false, fs));
            return stdout.ToString();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Run("check"), Does.Contain("::error file=env.yml,line=4,endLine=4,col=5,endColumn=15,title=PG135 pip-incompatible-with-python::"));
            Assert.That(Run("check", "--format", "text"), Does.StartWith("env.yml\n  4:5  error    PG135"));
            Assert.That(Run("check", "--format", "markdown"), Does.StartWith("## PipelineGuard"));
        });
    }
}
