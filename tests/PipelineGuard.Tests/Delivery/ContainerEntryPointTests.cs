using System.Text.Json;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The container action without Docker: the program published exactly as the image's Dockerfile publishes it (from a
/// copy of what its COPY steps take, by its own RUN steps: Native AOT, with the machine's clang), run through
/// action/entrypoint.sh with the environment the runner gives a container action (INPUT_* with hyphens kept,
/// GITHUB_ACTIONS=true, a GITHUB_WORKSPACE that is not the repository, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files).
/// </summary>
[Category("Container")]
public sealed class ContainerEntryPointTests
{
    [Test]
    public void The_entry_point_maps_inputs_and_the_published_program_annotates_summarises_and_fails()
    {
        if (ExternalProcess.HostRid is null)
        {
            Assert.Ignore("the image is linux/amd64 and linux/arm64");
        }

        var root = Shipped.Root;
        var app = PublishedApp();
        var temp = Directory.CreateTempSubdirectory("pg-action-");
        try
        {
            var workspace = Directory.CreateDirectory(Path.Combine(temp.FullName, "github", "workspace")).FullName;
            ExternalProcess.CopyDirectory(Path.Combine(root, "examples"), Path.Combine(workspace, "examples"));
            var summary = Path.Combine(temp.FullName, "step_summary");
            var outputs = Path.Combine(temp.FullName, "set_output");
            var env = new Dictionary<string, string>
            {
                ["INPUT_PATHS"] = "examples",
                ["INPUT_BUILD-LOG"] = string.Empty,
                ["INPUT_FORMAT"] = string.Empty,
                ["INPUT_FAIL-ON"] = string.Empty,
                ["INPUT_CONFIG"] = string.Empty,
                ["INPUT_ONLY-CHANGED"] = "false",
                ["INPUT_GITHUB-TOKEN"] = "ghs_not_a_real_token_0123456789",
                ["INPUT_CHECKS"] = string.Empty,
                ["INPUT_REVIEW"] = string.Empty,
                ["INPUT_SARIF-FILE"] = "pipelineguard.sarif",
                ["GITHUB_ACTIONS"] = "true",
                ["CI"] = "true",
                ["GITHUB_WORKSPACE"] = workspace,
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_OUTPUT"] = outputs,
                ["PIPELINEGUARD_BIN"] = Path.Combine(app, "pipelineguard"),
            };

            var (code, stdout, stderr) = Run(Path.Combine(root, "action", "entrypoint.sh"), env, workingDirectory: temp.FullName);
            var sarifPath = Path.Combine(workspace, "pipelineguard.sarif");
            Assert.That(File.Exists(sarifPath), Is.True, $"no SARIF file; exit {code}; stderr: {stderr}; stdout: {stdout}");
            var sarif = File.ReadAllText(sarifPath);
            var errors = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Count(r => r.GetProperty("level").GetString() == "error");
            var outputText = File.ReadAllText(outputs);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1), stderr);
                Assert.That(stdout, Does.Contain("::error file=examples/pip-not-declared/conda.yaml,line=10,endLine=10,col=17,endColumn=18,title=PG122 invalid-pip-requirement::"));
                Assert.That(stdout, Does.Not.Contain(workspace), "paths are relative to the workspace");
                Assert.That(stdout + stderr, Does.Not.Contain("ghs_not_a_real_token"));
                Assert.That(File.ReadAllText(summary), Does.StartWith("## PipelineGuard\n\n:x: **Failed**"));
                Assert.That(outputText, Does.Match($"^errors<<(ghadelimiter_[0-9a-f]{{32}})\n{errors}\n\\1\n"));
                Assert.That(outputText, Does.Match("sarif-file<<(ghadelimiter_[0-9a-f]{32})\npipelineguard.sarif\n\\1\n$"));
                Assert.That(Reporting.SarifReporterTests.SchemaErrors(sarif), Is.Empty);
                Assert.That(JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString(),
                    Is.EqualTo(Shipped.Version), "SARIF tool.driver.version is the one version");
            });

            env["INPUT_FAIL-ON"] = "none";
            env["INPUT_SARIF-FILE"] = string.Empty;
            env["INPUT_FORMAT"] = "json";
            var (passCode, json, _) = Run(Path.Combine(root, "action", "entrypoint.sh"), env, workingDirectory: temp.FullName);
            Assert.Multiple(() =>
            {
                Assert.That(passCode, Is.Zero, "--fail-on none from the fail-on input");
                Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(errors));
            });
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The image's build stage without Docker: a folder holding exactly what the Dockerfile's COPY instructions take
    /// from the context (outside the repository, so nothing else is found by accident), and its RUN steps run there
    /// by /bin/sh with /app replaced by a local folder. A path the RUN steps use but the COPY steps forgot fails here.
    /// The folder is kept between runs (under the temporary folder, or PG_ACTION_PUBLISH_DIR) so rebuilds are
    /// incremental.
    /// </summary>
    internal static string PublishedApp()
    {
        var work = Environment.GetEnvironmentVariable("PG_ACTION_PUBLISH_DIR") is { Length: > 0 } given
            ? given
            : Shipped.WorkFolder("image");
        var context = Path.Combine(work, "src");
        var app = Path.Combine(work, "app");
        var dockerfile = ImageDockerfile.Load();
        dockerfile.LayOutBuildStage(context);
        var arch = ExternalProcess.HostRid == "linux-arm64" ? "arm64" : "amd64";
        foreach (var step in dockerfile.BuildStageRunSteps())
        {
            if (step.StartsWith("apt-get update", StringComparison.Ordinal))
            {
                // The C toolchain Native AOT links with: the SDK image lacks it, this machine has it.
                Assert.That(step, Does.Contain("apt-get install -y --no-install-recommends clang zlib1g-dev"));
                continue;
            }

            Assert.That(step, Does.Contain(" -o /app"), "the build stage publishes to /app, which the runtime stage copies");
            var script = step.Replace(" -o /app", $" -o '{app}'", StringComparison.Ordinal);
            var run = ExternalProcess.Run("/bin/sh", new Dictionary<string, string> { ["TARGETARCH"] = arch, ["PATH"] = DotnetOnPath() }, context, "-c", script);
            Assert.That(run.Code, Is.Zero, $"RUN {step}\n{run.Describe()}");
        }

        return app;
    }

    /// <summary>PATH with the dotnet running these tests first, as `dotnet` in the image's SDK stage.</summary>
    private static string DotnetOnPath() =>
        (Path.IsPathRooted(ExternalProcess.Dotnet) ? Path.GetDirectoryName(ExternalProcess.Dotnet) + ":" : string.Empty) + Environment.GetEnvironmentVariable("PATH");

    private static (int Code, string Stdout, string Stderr) Run(string script, Dictionary<string, string> env, string workingDirectory)
    {
        var result = ExternalProcess.Run("/bin/sh", env, workingDirectory, script);
        return (result.Code, result.Stdout, result.Stderr);
    }
}
