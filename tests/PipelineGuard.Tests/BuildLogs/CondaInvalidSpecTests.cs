using PipelineGuard.Model;
using static PipelineGuard.Tests.BuildLogs.LogRuleTestSupport;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG327 conda-invalid-spec: the spec or version conda rejected, and the conda dependency written that way.</summary>
public sealed class CondaInvalidSpecTests
{
    [Test]
    public void An_invalid_version_points_at_the_conda_dependency_that_holds_it()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "docker-classic-conda-invalid-spec.log"), Spec(TrainSpec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(root.RuleId, Is.EqualTo("PG327"));
            Assert.That(root.Message, Does.Contain("'1.5.3='").And.Contain("version must not end with '='"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:6:5-6:18" }));
            Assert.That(root.Related[0].Message, Does.Contain("pandas=1.5.3="));
        });
    }

    [Test]
    public void An_invalid_match_spec_points_at_the_dependency_written_that_way()
    {
        var spec = "name: x\ndependencies:\n  - python=3.10\n  - numpy=>1.19\n  - numpy-base\n";
        var root = Root(ClassicStep("", "InvalidMatchSpec: Invalid spec 'numpy=>1.19': Invalid version '>1.19': invalid operator", ""), Spec(spec));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG327", 6)));
            Assert.That(root.Message, Does.Contain("the spec 'numpy=>1.19'").And.Contain("invalid operator"));
            Assert.That(root.Finding.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:4:5-4:16" }));
        });
    }

    [Test]
    public void An_invalid_spec_that_the_spec_does_not_hold_relates_nothing()
    {
        var root = Root(ClassicStep("InvalidMatchSpec: Invalid spec 'scipy=>1.0': Invalid version '>1.0': invalid operator"), Spec(TrainSpec));
        Assert.That(root.Finding.Related, Is.Empty);
    }
}
