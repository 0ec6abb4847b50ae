namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The release binary for this machine, made by the release workflow's own script (.github/scripts/publish-binary.sh):
/// a self-contained single file that runs with no .NET installed. The release compiles it ReadyToRun too; here that
/// is turned off to keep the test run short (ReadyToRun publishing is proven by ContainerEntryPointTests).
/// </summary>
[Category("Delivery")]
public sealed class SingleFileBinaryTests
{
    [Test]
    public void The_self_contained_binary_runs_without_dotnet_and_checks_the_examples()
    {
        var rid = ExternalProcess.HostRid;
        if (rid is null)
        {
            Assert.Ignore("the tests publish the linux-x64 or linux-arm64 binary");
        }

        var work = Shipped.WorkFolder("binary");
        var publish = ExternalProcess.Run("/bin/bash", Shipped.Root, ".github/scripts/publish-binary.sh", rid, Path.Combine(work, "dist"),
            "-p:PublishReadyToRun=false", "--artifacts-path", Path.Combine(work, "artifacts"));
        Assert.That(publish.Code, Is.Zero, publish.Describe());

        var version = Shipped.Version;
        var archive = Path.Combine(work, "dist", $"pipelineguard-{version}-{rid}.tar.gz");
        var binary = Path.Combine(work, "dist", $"stage-{rid}", "pipelineguard");
        var files = Directory.GetFiles(Path.GetDirectoryName(binary)!).Select(Path.GetFileName).ToList();

        // No dotnet on PATH and no DOTNET_ROOT: the binary carries its runtime.
        var bare = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = "/nonexistent" };
        var printed = ExternalProcess.Run(binary, bare, work, "--version");
        var check = ExternalProcess.Run(binary, bare, Shipped.Root, "check", "examples", "--format", "text");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(archive), Is.True, archive);
            Assert.That(files, Is.EquivalentTo(new[] { "pipelineguard", "LICENSE", "README.md", "CHANGELOG.md" }), "one file beside the documents");
            Assert.That(printed.Stdout.Trim(), Is.EqualTo($"pipelineguard {version}"), printed.Describe());
            Assert.That(check.Code, Is.EqualTo(1), check.Describe());
            Assert.That(check.Stdout, Does.Contain("error    PG122 invalid-pip-requirement"));
        });
    }
}
