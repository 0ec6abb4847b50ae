using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Reporting;

namespace PipelineGuard.Tests.Cli;

/// <summary>The README's first command runs on examples/: these are the findings a new user sees.</summary>
public sealed class ExamplesTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PipelineGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PipelineGuard.sln not found above the test directory");
    }

    private static CheckResult Check(string path) =>
        new Checker(new PhysicalFileSystem(RepositoryRoot()), Support.FixedClock.SessionDay).Run(new CheckOptions([path]));

    [Test]
    public void The_examples_show_each_rule_of_the_foundation()
    {
        var findings = Check("examples").Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.Line}").ToList();
        Assert.That(findings, Is.EquivalentTo(new[]
        {
            "PG113 examples/broken/conda.yml:2",
            "PG103 examples/conda-forge-loop/environment.yml:8",
            "PG106 examples/conda-forge-loop/environment.yml:10",
            "PG104 examples/custom-image/context/Dockerfile:6",
            "PG114 examples/job-inline/job.yml:6",
            "PG101 examples/pip-not-declared/conda.yaml:7",
            "PG122 examples/pip-not-declared/conda.yaml:10",
            "PG135 examples/old-pip-new-python/environment.yml:7",
            "PG104 examples/v1-user-managed/azureml_environment.json:15",
            "PG105 examples/v1-user-managed/azureml_environment.json:6",
            "PG124 examples/v1-user-managed/azureml_environment.json:14",
            "PG121 examples/v1-user-managed/azureml_environment.json:22",
        }));
    }

    [Test]
    public void The_clean_example_gives_no_finding()
    {
        var result = Check("examples/clean");
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Files, Is.EqualTo(5));
        });
    }
}
