using PipelineGuard.Diagnosis;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>A log finding carries, as Related[0], the spec line it comes from: the N-th pip: entry, the declaration, the requiring package.</summary>
public sealed class SpecLinkTests
{
    /// <summary>The spec the logs under test were built from; the online tests look its entries up too.</summary>
    internal const string Spec = """
        name: train
        channels:
          - conda-forge
        dependencies:
          - python=3.8.10
          - libcxx=10.0.0
          - llvm-openmp=10.0.0
          - pip=20.2.4
          - pip:
              - azureml-defaults==1.38.0
              - numpy=1.19
              - azureml-samples==0+unknown
              - good-package==1.0
        """;

    private static Workspace Workspace(params (string Path, string Content)[] extra) =>
        Lint.Run(Lint.Repo([("env/conda.yml", Spec), .. extra])).Workspace;

    private static Finding Root(string file, Workspace workspace)
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", file), workspace);
        return diagnosis.Findings.First(f => f.Severity == Severity.Error);
    }

    [Test]
    public void The_generated_requirements_line_maps_to_that_entry_of_the_pip_list()
    {
        var root = Root("acr-conda-pip-not-found.log", Workspace());
        Assert.Multiple(() =>
        {
            Assert.That(root.Span.File, Is.EqualTo("acr-conda-pip-not-found.log"), "the primary span stays on the log");
            Assert.That(root.Related.Select(r => r.Span.ToString()).First(), Is.EqualTo("env/conda.yml:12:9-12:35"));
            Assert.That(root.Related[0].Message, Does.Contain("line 3"));
        });
    }

    [Test]
    public void Each_missing_conda_package_points_at_its_dependency()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "acr-conda-resolve-package-not-found.log"), Workspace());
        var places = diagnosis.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Related[0].Span.ToString());
        Assert.That(places, Is.EqualTo(new[] { "env/conda.yml:6:5-6:18", "env/conda.yml:7:5-7:23" }));
    }

    [Test]
    public void An_invalid_requirement_points_at_the_entry_and_carries_the_fix()
    {
        var root = Root("acr-invalid-requirement-bare-codes.log", Workspace());
        Assert.Multiple(() =>
        {
            Assert.That(root.Related[0].Span.ToString(), Is.EqualTo("env/conda.yml:11:9-11:19"));
            Assert.That(root.Fix, Is.EqualTo("numpy==1.19"));
        });
    }

    [Test]
    public void A_nested_requirement_points_at_the_package_that_requires_it()
    {
        var root = Root("acr-pip-nested-not-found.log", Workspace());
        Assert.Multiple(() =>
        {
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:13:9-13:26" }));
            Assert.That(root.Related.Select(r => r.Message), Has.Some.Contain("requires 'shared-dep'"));
        });
    }

    [Test]
    public void A_requirements_file_line_maps_to_that_file()
    {
        var workspace = Lint.Run(Lint.Repo(("requirements.txt", "mlflow-skinny==9.9.9\npandas==2.2.2\n"))).Workspace;
        var root = Root("ado-stacked-pip-not-found.log", workspace);
        Assert.That(root.Related[0].Span.ToString(), Is.EqualTo("requirements.txt:1:1-1:14"));
    }

    [Test]
    public void A_missing_base_image_points_at_the_image_of_the_definition()
    {
        var workspace = Lint.Run(Lint.Repo(("env.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
            name: serve
            image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.1
            """))).Workspace;
        var root = Root("serverless-manifest-unknown.log", workspace);
        Assert.That(root.Related.Select(r => r.Span.Line), Does.Contain(3));
    }

    [Test]
    public void Python_incompatibility_also_points_at_the_python_pin()
    {
        var root = Root("acr-conda-python-incompatible.log", Workspace());
        Assert.That(root.Related.Select(r => r.Span.ToString()), Does.Contain("env/conda.yml:5:5-5:18"));
    }

    [Test]
    public void Without_a_workspace_nothing_is_related()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "acr-conda-pip-not-found.log"));
        Assert.That(diagnosis.Findings.SelectMany(f => f.Related), Is.Empty);
    }

    [Test]
    public void The_public_entry_point_returns_the_findings()
    {
        using var stream = File.OpenRead(LogTestSupport.TestData("logs", "acr-conda-pip-not-found.log"));
        var findings = BuildLogDiagnoser.Diagnose(stream, "20_image_build_log.txt", Workspace());
        Assert.That(findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId), Is.EqualTo(new[] { "PG303" }));
    }
}
