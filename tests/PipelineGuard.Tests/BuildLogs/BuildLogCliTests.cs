using System.Text.Json;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary><c>check --build-log FILE</c>: the log's findings join the static ones, with the spec line as related location.</summary>
public sealed class BuildLogCliTests
{
    private const string Spec = "name: t\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.8.10\n  - pip=20.2.4\n  - pip:\n      - azureml-defaults==1.38.0\n      - mlflow-skinny==2.17.0\n      - azureml-samples==0+unknown\n";

    private static (int Code, string Out, string Err) Run(IFileSystem fs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, _ => null, OutputIsTerminal: false, fs));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static InMemoryFileSystem Repo() =>
        Lint.Repo(("env/conda.yml", Spec), ("logs/20_image_build_log.txt", File.ReadAllText(LogTestSupport.TestData("logs", "acr-conda-pip-not-found.log"))));

    [Test]
    public void The_log_root_cause_is_an_error_on_the_log_line_related_to_the_spec_entry()
    {
        var (code, output, _) = Run(Repo(), "check", "env", "--format", "json", "--build-log", "logs/20_image_build_log.txt");
        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "PG303");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("logs/20_image_build_log.txt"));
            Assert.That(finding.GetProperty("line").GetInt32(), Is.EqualTo(27));
            var related = finding.GetProperty("related")[0];
            Assert.That((related.GetProperty("file").GetString(), related.GetProperty("line").GetInt32()), Is.EqualTo(("env/conda.yml", 10)));
        });
    }

    [Test]
    public void The_option_repeats_and_takes_one_value_so_paths_may_follow()
    {
        var fs = Repo();
        fs.Add("logs/apt.log", File.ReadAllText(LogTestSupport.TestData("logs", "docker-classic-apt-locate.log")));
        var (_, output, _) = Run(fs, "check", "--build-log", "logs/20_image_build_log.txt", "--build-log", "logs/apt.log", "env");
        Assert.That(output, Does.Contain("PG303").And.Contain("PG321"));
    }

    [Test]
    public void A_missing_log_is_a_usage_error()
    {
        var (code, _, error) = Run(Repo(), "check", "env", "--build-log", "logs/nope.log");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--build-log"));
        });
    }

    [Test]
    public void Without_a_log_nothing_changes()
    {
        var (code, output, _) = Run(Repo(), "check", "env");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Not.Contain("PG3"));
        });
    }

    [Test]
    public void A_log_on_standard_input_is_read_with_a_dash()
    {
        var log = File.ReadAllBytes(LogTestSupport.TestData("logs", "docker-classic-apt-locate.log"));
        var stdout = new StringWriter();
        var code = CliApp.Run(["check", "env", "--build-log", "-", "--format", "json"],
            new CliConsole(stdout, new StringWriter(), _ => null, OutputIsTerminal: false, Repo(), StandardInput: () => new MemoryStream(log)));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout.ToString(), Does.Contain("\"ruleId\": \"PG321\"").And.Contain("\"file\": \"-\""));
        });
    }
}
