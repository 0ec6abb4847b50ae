using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PipelineGuard.Tests.Reporting;

/// <summary>
/// The container action without Docker: the program published exactly as action/Dockerfile publishes it, run through
/// action/entrypoint.sh with the environment the runner gives a container action (INPUT_* with hyphens kept,
/// GITHUB_ACTIONS=true, a GITHUB_WORKSPACE that is not the repository, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files).
/// The publish output in publish/action/ is reused while it is newer than the assemblies under test.
/// </summary>
[Category("Container")]
public sealed class ContainerEntryPointTests
{
    [Test]
    public void The_entry_point_maps_inputs_and_the_published_program_annotates_summarises_and_fails()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("the action image is linux-x64");
        }

        var root = GoldenFileTests.RepositoryRoot();
        var app = PublishedApp(root);
        var temp = Directory.CreateTempSubdirectory("pg-action-");
        try
        {
            var workspace = Directory.CreateDirectory(Path.Combine(temp.FullName, "github", "workspace")).FullName;
            CopyDirectory(Path.Combine(root, "examples"), Path.Combine(workspace, "examples"));
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
                Assert.That(stdout, Does.Contain("::error file=examples/conda-forge-loop/environment.yml,line=8,endLine=8,col=5,endColumn=8,title=PG102 pip-unpinned::"));
                Assert.That(stdout, Does.Not.Contain(workspace), "paths are relative to the workspace");
                Assert.That(stdout + stderr, Does.Not.Contain("ghs_not_a_real_token"));
                Assert.That(File.ReadAllText(summary), Does.StartWith("## PipelineGuard\n\n:x: **Failed**"));
                Assert.That(outputText, Does.Match($"^errors<<(ghadelimiter_[0-9a-f]{{32}})\n{errors}\n\\1\n"));
                Assert.That(outputText, Does.Match("sarif-file<<(ghadelimiter_[0-9a-f]{32})\npipelineguard.sarif\n\\1\n$"));
                Assert.That(SarifReporterTests.SchemaErrors(sarif), Is.Empty);
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

    /// <summary>The Dockerfile's publish command, into publish/action/app (or PG_ACTION_PUBLISH_DIR), reused while fresh.</summary>
    private static string PublishedApp(string root)
    {
        var app = Environment.GetEnvironmentVariable("PG_ACTION_PUBLISH_DIR") is { Length: > 0 } given ? given : Path.Combine(root, "publish", "action", "app");
        var tested = new[] { "PipelineGuard.Engine.dll", "pipelineguard.dll" };
        var fresh = tested.All(f => File.Exists(Path.Combine(app, f)) &&
            File.GetLastWriteTimeUtc(Path.Combine(app, f)) >= File.GetLastWriteTimeUtc(Path.Combine(TestContext.CurrentContext.TestDirectory, f)));
        if (fresh && File.Exists(Path.Combine(app, "pipelineguard")))
        {
            return app;
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var (code, stdout, stderr) = Run(dotnet, [], root,
            "publish", "src/PipelineGuard.Cli/PipelineGuard.Cli.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", app, "--artifacts-path", Path.Combine(Path.GetDirectoryName(app)!, "artifacts"), "-nologo");
        Assert.That(code, Is.Zero, $"dotnet publish failed:\n{stdout}\n{stderr}");
        return app;
    }

    private static (int Code, string Stdout, string Stderr) Run(string script, Dictionary<string, string> env, string workingDirectory) =>
        Run("/bin/sh", env, workingDirectory, script);

    private static (int Code, string Stdout, string Stderr) Run(string program, Dictionary<string, string> env, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean CI environment: nothing of the machine running the tests (GITHUB_*, TF_BUILD, INPUT_*) leaks in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("INPUT_", StringComparison.Ordinal) || k is "TF_BUILD" or "NO_COLOR").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
