using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Regressions;

/// <summary>Cases found by reviewing the CLI with hostile and odd inputs: each once gave a wrong or silent result.</summary>
public sealed class InputEdgeCaseTests
{
    private static (int Code, string Out, string Err) Run(IFileSystem fs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, _ => null, false, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void A_named_conda_file_of_the_wrong_shape_is_reported_by_a_folder_walk_too()
    {
        var fs = Lint.Repo(("env.yml", "name: e\nimage: python:3.11.9\nconda_file: deps.yml\n"), ("deps.yml", "dependencies: {numpy: 1.0}\n"));
        Assert.That(Lint.Run(fs).Findings.Select(f => f.RuleId), Does.Contain("PG113"));
    }

    [Test]
    public void A_token_in_a_url_never_reaches_a_message_or_the_baseline()
    {
        var fs = Lint.Repo(("requirements.txt", "bar @ git+https://tok_GIT@github.com/o/bar@v1\nfoo==1.0 --hash=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"));
        foreach (var format in new[] { "text", "json", "sarif", "github", "azure", "markdown" })
        {
            Assert.That(Run(fs, "check", "--format", format).Out, Does.Not.Contain("tok_GIT"), format);
        }

        Run(fs, "check", "--write-baseline", "baseline.json");
        Assert.That(System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes("/repo/baseline.json")), Does.Not.Contain("tok_GIT"));
    }

    [TestCase("conda_file: \"a\\0b.yml\"")]
    [TestCase("build:\n  path: ctx\n  dockerfile_path: \"a\\0b\"")]
    public void A_path_with_a_nul_is_a_missing_file_not_an_internal_error(string yaml)
    {
        var fs = Lint.Repo(("env.yml", "name: e\nimage: python:3.11.9\n" + yaml + "\n"), ("ctx/Dockerfile", "FROM python:3.11.9\n"));
        var (code, _, err) = Run(fs, "check");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(err, Is.Empty);
        });
    }

    [Test]
    public void A_requirements_include_with_a_nul_is_not_an_internal_error()
    {
        var (code, _, err) = Run(Lint.Repo(("requirements.txt", "-r a\0b.txt\nnumpy==1.26.4\n")), "check");
        Assert.That((code, err), Is.EqualTo((1, string.Empty)));
    }

    [TestCase("--output=")]
    [TestCase("-o", "")]
    public void An_empty_output_is_a_usage_error(params string[] option)
    {
        var (code, _, err) = Run(Lint.Repo(("requirements.txt", "numpy==1.26.4\n")), ["check", "--format", "json", .. option]);
        Assert.That((code, err.StartsWith("pipelineguard: --output needs a value", StringComparison.Ordinal)), Is.EqualTo((2, true)));
    }

    [TestCase("-fjson")]
    [TestCase("-f=json")]
    public void Attached_short_option_values_are_read(string option)
    {
        Assert.That(Run(Lint.Repo(("requirements.txt", "numpy==1.26.4\n")), "check", option).Out, Does.StartWith("{"));
    }

    [Test]
    public void A_second_output_for_one_format_is_a_usage_error()
    {
        Assert.That(Run(Lint.Repo(("requirements.txt", "numpy==1.26.4\n")), "check", "--format", "json", "-o", "a", "-o", "b").Code, Is.EqualTo(2));
    }

    [Test]
    public void A_big_data_file_in_a_walked_folder_is_not_a_finding()
    {
        var fs = Lint.Repo(("requirements.txt", "numpy==1.26.4\n"));
        fs.Add("data/annotations.json", new byte[DocumentLoaderLimit + 1]);
        Assert.That(Lint.Run(fs).Findings, Is.Empty);
    }

    [Test]
    public void A_binary_requirements_file_gives_one_finding()
    {
        var fs = Lint.Repo();
        var random = new Random(7);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        fs.Add("requirements.txt", bytes);
        var finding = Lint.Run(fs).Findings.Single();
        Assert.That((finding.RuleId, finding.Message.Contains("not UTF-8", StringComparison.Ordinal)), Is.EqualTo(("PG113", true)));
    }

    [Test]
    public void A_v1_environment_file_that_is_not_an_object_is_pg113()
    {
        var finding = Lint.Findings(("azureml_environment.json", "[1, 2]\n")).Single();
        Assert.That((finding.RuleId, finding.Span.Line), Is.EqualTo(("PG113", 1)));
    }

    [Test]
    public void A_link_to_a_file_outside_the_root_is_not_read()
    {
        var dir = Directory.CreateTempSubdirectory("pg-links-");
        try
        {
            var repo = dir.CreateSubdirectory("repo");
            var secret = Path.Combine(dir.FullName, "secret.txt");
            File.WriteAllText(secret, "hunter2-secret-line\n");
            File.CreateSymbolicLink(Path.Combine(repo.FullName, "requirements.txt"), secret);
            File.WriteAllText(Path.Combine(repo.FullName, "env.yml"), "name: e\nimage: python:3.11.9\nconda_file: conda.yml\n");
            File.CreateSymbolicLink(Path.Combine(repo.FullName, "conda.yml"), secret);
            var (code, stdout, _) = Run(new PhysicalFileSystem(repo.FullName), "check", "--verbose");
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(stdout, Does.Not.Contain("hunter2"));
                Assert.That(stdout, Does.Contain("outside the repository root"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void References_may_go_above_the_working_directory_inside_the_repository()
    {
        var fs = new InMemoryFileSystem("/repo/envs")
            .Add("/repo/.git/HEAD", "ref: refs/heads/main\n")
            .Add("/repo/envs/train/env.yml", "name: e\nimage: python:3.11.9\nconda_file: ../../common/conda.yml\n")
            .Add("/repo/common/conda.yml", "channels: [defaults]\ndependencies: [python=3.11]\n");
        Assert.That(Lint.Run(fs, "train").Findings.Where(f => f.RuleId == "PG114"), Is.Empty);
    }

    [Test]
    public void Without_a_repository_the_working_directory_is_the_root()
    {
        var fs = new InMemoryFileSystem("/work/envs")
            .Add("/work/envs/train/env.yml", "name: e\nimage: python:3.11.9\nconda_file: ../../common/conda.yml\n")
            .Add("/work/common/conda.yml", "channels: [defaults]\ndependencies: [python=3.11]\n");
        Assert.That(Lint.Run(fs, "train").Findings.Single(f => f.RuleId == "PG114").Message, Does.Contain("outside the repository root"));
    }

    private const int DocumentLoaderLimit = (int)PipelineGuard.Discovery.DocumentLoader.MaxFileBytes;
}
