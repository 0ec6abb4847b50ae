using PipelineGuard.Model;
using static PipelineGuard.Tests.BuildLogs.LogRuleTestSupport;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG326 disk-full: every wording of a full disk, and the file being written.</summary>
public sealed class DiskFullTests
{
    [TestCase("ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device: '/opt/conda/pkgs/cudatoolkit-11.8.0'", "/opt/conda/pkgs/cudatoolkit-11.8.0")]
    [TestCase("[Errno 28] No space left on device: '/azureml-envs/azureml_1/lib/libcusparse.so.11'", "/azureml-envs/azureml_1/lib/libcusparse.so.11")]
    [TestCase("failed to register layer: Error processing tar file(exit status 1): write /opt/conda/pkgs/mkl-2023.1.0/lib/libmkl_core.so.2: no space left on device", "/opt/conda/pkgs/mkl-2023.1.0/lib/libmkl_core.so.2")]
    [TestCase("E: Write error - write (28: No space left on device)", "No space left on device")]
    [TestCase("OSError: [Errno 28] No space left on device", "Errno 28")]
    public void Disk_full_is_found_in_every_wording(string line, string names)
    {
        var root = Root(ClassicStep("Collecting package metadata (repodata.json): ...working... done", line));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG326", 6)));
            Assert.That(root.Message, Does.Contain(names).And.Contain("--no-cache-dir"));
        });
    }

    [Test]
    public void Disk_full_names_the_file_being_written()
    {
        var log = LogTestSupport.TestData("logs", "acr-conda-disk-full.log");
        var workspace = Spec(TrainSpec);
        var root = LogTestSupport.AnalyzeFile(log, workspace).Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(root.RuleId, Is.EqualTo("PG326"));
            Assert.That(root.Message, Does.Contain("torch-1.13.1-cp38-cp38-manylinux1_x86_64.whl"));
        });
    }
}
