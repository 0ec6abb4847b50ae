using static PipelineGuard.Tests.Reporting.ReportingFixtures;

namespace PipelineGuard.Tests.Reporting;

public sealed class AzureReporterTests
{
    private const string Spec = "dependencies:\n  - python=3.11.9\n  - pip\n  - numpy\n";

    [Test]
    public void Errors_and_warnings_are_logissue_commands_notices_plain_lines_and_a_failed_run_completes_failed()
    {
        var result = Result([("envs/a.yml", Spec)], [
            Finding(ErrorRule, "envs/a.yml", 3, 5, 3, 8, "pip; is ] not pinned"),
            Finding(WarningRule, "envs/a.yml", 4, 5, 4, 10, "numpy is not pinned"),
            Finding(NoticeRule, "envs/a.yml", 1, 1, 1, 2, "no timeout"),
        ]);
        var (output, _) = Run("azure", result, new() { ["TF_BUILD"] = "True", ["BUILD_SOURCESDIRECTORY"] = "/home/vsts/work/1/s" }, workingDirectory: "/home/vsts/work/1/s");
        var lines = output.Split('\n').SkipWhile(l => l != "##[endgroup]").Skip(1).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "PipelineGuard notice PG112 pip-timeout-not-raised: envs/a.yml:1:1: no timeout",
            "##vso[task.logissue type=error;sourcepath=/home/vsts/work/1/s/envs/a.yml;linenumber=3;columnnumber=5;code=PG102;]PG102 pip-unpinned: pip; is ] not pinned",
            "##vso[task.logissue type=warning;sourcepath=/home/vsts/work/1/s/envs/a.yml;linenumber=4;columnnumber=5;code=PG106;]PG106 dependency-unpinned: numpy is not pinned",
            "PipelineGuard: 1 file checked: 1 error, 1 warning, 1 notice; failed (--fail-on error)",
            "##vso[task.complete result=Failed;]PipelineGuard: 1 finding at or above --fail-on error",
            string.Empty,
        }));
    }

    [Test]
    public void Sourcepath_is_joined_to_the_sources_directory_when_the_container_mounts_them_elsewhere()
    {
        var result = Result([("envs/a.yml", Spec)], [Finding(WarningRule, "envs/a.yml", 4, 5, 4, 10)]);
        var (output, _) = Run("azure", result, new() { ["BUILD_SOURCESDIRECTORY"] = "/agent/s" }, workingDirectory: "/src");
        Assert.That(output, Does.Contain("sourcepath=/agent/s/envs/a.yml;"));
    }

    [Test]
    public void Without_the_sources_directory_the_path_stays_relative_and_a_passing_run_does_not_complete()
    {
        var result = Result([("envs/a.yml", Spec)], [Finding(WarningRule, "envs/a.yml", 4, 5, 4, 10)]);
        var (output, _) = Run("azure", result);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("sourcepath=envs/a.yml;"));
            Assert.That(output, Does.Not.Contain("task.complete"));
        });
    }
}
