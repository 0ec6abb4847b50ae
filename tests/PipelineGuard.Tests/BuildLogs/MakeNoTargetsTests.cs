using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG330 make-no-targets: the RUN that calls make.</summary>
public sealed class MakeNoTargetsTests
{
    [Test]
    public void Make_without_a_makefile_points_at_the_run_that_calls_make()
    {
        var workspace = Lint.Run(Lint.Repo(
            ("env/environment.yml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: featurizer\nbuild:\n  path: docker\n"),
            ("env/docker/Dockerfile", "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1\nWORKDIR /opt/featurizer\nRUN make && make install\n"))).Workspace;
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "docker-classic-make-no-makefile.log"), workspace);
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG330", 17)));
            Assert.That(root.Message, Does.Contain("'make'").And.Contain("make -f"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/docker/Dockerfile:3:5-3:9" }), "one location per line");
        });
    }
}
