using PipelineGuard.Model;
using PipelineGuard.Tests.BuildLogs;

namespace PipelineGuard.Tests.Online;

/// <summary>
/// The "done when": every real lookup failure of the build-log fixtures that came from a spec (a missing conda
/// pin, a missing pip version, a misspelt or local package) is reported by <c>--online</c> on the spec line the log
/// diagnosis links it to, before any build, against a fake index that serves the same data as the logs show.
/// </summary>
[CancelAfter(30_000)]
public sealed class BuildLogFixtureTests
{
    // The spec of the log fixtures (SpecLinkTests), and a requirements file for the two logs that name one.
    private const string Spec = SpecLinkTests.Spec;

    private const string Requirements = "mlflow-skinny==9.9.9\ntorchvison==0.15.2\n";

    /// <summary>What the logs show the indexes had: conda-forge without the 10.0.0 builds; PyPI with mlflow-skinny 2.16–2.17 and neither torchvison nor azureml-samples.</summary>
    private static FakeIndexServer Index()
    {
        var channel = new FakeChannel("conda-forge")
            .With("python", "3.8.10").With("pip", "20.2.4", "noarch")
            .With("libcxx", "14.0.6").With("libcxx", "16.0.6").With("llvm-openmp", "14.0.6").With("llvm-openmp", "16.0.6");
        var pypi = new FakePypi()
            .With("azureml-defaults", new FakeFile("azureml_defaults-1.38.0-py3-none-any.whl"))
            .With("good-package", new FakeFile("good_package-1.0-py3-none-any.whl"))
            .With("mlflow-skinny", new FakeFile("mlflow_skinny-2.16.0-py3-none-any.whl"), new FakeFile("mlflow_skinny-2.16.1-py3-none-any.whl"),
                new FakeFile("mlflow_skinny-2.16.2-py3-none-any.whl"), new FakeFile("mlflow_skinny-2.17.0-py3-none-any.whl"))
            .With("torchvision", new FakeFile("torchvision-0.15.2-cp38-cp38-manylinux1_x86_64.whl"));
        return new FakeIndexServer(r => channel.Answer(r) ?? pypi.Answer(r));
    }

    [TestCase("acr-conda-resolve-package-not-found.log", "PG204")]
    [TestCase("acr-conda-pip-not-found.log", "PG201")]
    [TestCase("buildkit-pip-not-found.log", "PG201")]
    [TestCase("ado-stacked-pip-not-found.log", "PG202")]
    public void Each_lookup_failure_of_the_log_is_reported_online_on_the_spec_line_it_came_from(string log, string rule)
    {
        using var server = Index();
        var workspace = OnlineRun.Workspace(("env/conda.yml", Spec), ("requirements.txt", Requirements));
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", log), workspace);
        var failedLines = diagnosis.Findings.Where(f => f.Severity == Severity.Error && f.Related.Length > 0)
            .Select(f => (f.Related[0].Span.File, f.Related[0].Span.Line)).Distinct().ToList();
        var online = OnlineRun.Verify(workspace, OnlineRun.Options(server)).Outcome;
        var reported = online.Findings.Where(f => f.RuleId == rule && f.Severity == Severity.Error).Select(f => (f.Span.File, f.Span.Line)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failedLines, Is.Not.Empty, "the log's failures link to the spec");
            Assert.That(reported, Is.SupersetOf(failedLines));
            Assert.That(online.Notices, Is.Empty);
        });
    }

    [Test]
    public void Nothing_else_in_the_spec_is_reported()
    {
        using var server = Index();
        var online = OnlineRun.Verify(OnlineRun.Workspace(("env/conda.yml", Spec), ("requirements.txt", Requirements)), OnlineRun.Options(server)).Outcome;
        Assert.That(online.Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.Line}"), Is.EquivalentTo(new[]
        {
            "PG204 env/conda.yml:6", "PG204 env/conda.yml:7", "PG201 env/conda.yml:12", "PG202 requirements.txt:1", "PG201 requirements.txt:2",
        }));
    }
}
