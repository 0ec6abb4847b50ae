using PipelineGuard.Model;
using static PipelineGuard.Tests.BuildLogs.LogRuleTestSupport;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG328 conda-link-failed: the package, the reason before or after the rollback, and a full disk as the reason.</summary>
public sealed class CondaLinkFailedTests
{
    [Test]
    public void A_link_failure_names_the_package_and_the_reason_and_points_at_its_dependency()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "serverless-conda-link-failed.log"), Spec(TrainSpec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG328", 14)));
            Assert.That(root.Message, Does.Contain("'conda-forge::pyqt-5.15.9-py310h04931ad_5'").And.Contain("post-link script failed"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:7:5-7:16" }));
        });
    }

    [Test]
    public void A_link_failure_with_the_reason_before_the_rollback_keeps_it()
    {
        // The shape of Azure/MachineLearningNotebooks#956 (ACR era): reason, then "Attempting to roll back.".
        var root = Root(ClassicStep(
            "Executing transaction: ...working... failed",
            "ERROR conda.core.link:_execute(502): An error occurred while installing package 'defaults::tornado-6.1-py38h27cfd23_0'.",
            "FileNotFoundError(2, \"No such file or directory: '/azureml-envs/azureml_1/bin/python3.8'\")",
            "Attempting to roll back.",
            "",
            "Rolling back transaction: ...working... done"));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG328", 6)));
            Assert.That(root.Message, Does.Contain("tornado-6.1-py38h27cfd23_0").And.Contain("FileNotFoundError"));
        });
    }

    [Test]
    public void A_link_failure_caused_by_a_full_disk_is_reported_as_disk_full_on_the_reason()
    {
        var root = Root(ClassicStep(
            "ERROR conda.core.link:_execute(938): An error occurred while installing package 'nvidia::cuda-toolkit-12.1.0-0'.",
            "Rolling back transaction: ...working... done",
            "",
            "[Errno 28] No space left on device: '/opt/conda/envs/train/lib/libcublasLt.so.12'",
            "()"));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG326", 8)));
            Assert.That(root.Message, Does.Contain("while installing 'cuda-toolkit'").And.Contain("libcublasLt.so.12"));
        });
    }
}
