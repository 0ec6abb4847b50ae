using System.Text.Json.Nodes;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.GitHub;
using PipelineGuard.Tests.Online;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The release binary for this machine, made by the release workflow's own script (.github/scripts/publish-binary.sh):
/// one Native AOT executable that runs with no .NET installed. CommandLineParser and Octokit read types by reflection,
/// which the native compiler must keep, so the binary's verbs and its GitHub API calls are run here against the same
/// inputs as the JIT build, and must do exactly what it does.
/// </summary>
[Category("Delivery")]
[NonParallelizable]
public sealed class NativeBinaryTests
{
    private static readonly Dictionary<string, string> Bare = new() { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = "/nonexistent" };

    private string _binary = string.Empty;
    private string _archive = string.Empty;
    private List<string?> _files = [];

    [OneTimeSetUp]
    public void Publish()
    {
        var rid = ExternalProcess.HostRid;
        if (rid is null)
        {
            Assert.Ignore("the tests publish the linux-x64 or linux-arm64 binary");
        }

        var work = Shipped.WorkFolder("binary");
        var publish = ExternalProcess.Run("/bin/bash", Shipped.Root, ".github/scripts/publish-binary.sh", rid, Path.Combine(work, "dist"),
            "--artifacts-path", Path.Combine(work, "artifacts"));
        Assert.That(publish.Code, Is.Zero, publish.Describe());
        _archive = Path.Combine(work, "dist", $"pipelineguard-{Shipped.Version}-{rid}.tar.gz");
        _binary = Path.Combine(work, "dist", $"stage-{rid}", "pipelineguard");
        _files = [.. Directory.GetFiles(Path.GetDirectoryName(_binary)!).Select(Path.GetFileName)];
    }

    [Test]
    public void The_native_binary_runs_without_dotnet_and_checks_the_examples()
    {
        var printed = ExternalProcess.Run(_binary, Bare, Path.GetTempPath(), "--version");
        var check = ExternalProcess.Run(_binary, Bare, Shipped.Root, "check", "examples", "--format", "text");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(_archive), Is.True, _archive);
            Assert.That(_files, Is.EquivalentTo(new[] { "pipelineguard", "LICENSE", "README.md", "CHANGELOG.md" }), "one file beside the documents, no symbols");
            Assert.That(printed.Stdout.Trim(), Is.EqualTo($"pipelineguard {Shipped.Version}"), printed.Describe());
            Assert.That(check.Code, Is.EqualTo(1), check.Describe());
            Assert.That(check.Stdout, Does.Contain("error    PG122 invalid-pip-requirement"));
        });
    }

    [TestCase("check", "examples", "--format", "json")]
    [TestCase("check", "examples", "--format", "sarif")]
    [TestCase("check", "examples", "--verbose")]
    [TestCase("check", "examples", "--ignore", "PG106,pip-unpinned", "--fail-on", "warning")]
    [TestCase("fix", "examples")]
    [TestCase("rules")]
    [TestCase("explain", "PG103", "pip-unpinned")]
    [TestCase("check", "--help")]
    [TestCase("help", "check")]
    [TestCase("chek")]
    [TestCase("check", "--formt", "json")]
    [TestCase("check", "--fail-on")]
    [TestCase("check", "examples", "--select", "pip-unpined")]
    public void The_native_binary_answers_exactly_as_the_program_under_the_JIT(params string[] args)
    {
        var native = ExternalProcess.Run(_binary, Bare, Shipped.Root, args);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new Dictionary<string, string>();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: false, new PhysicalFileSystem(Shipped.Root), TimeProvider.System));
        Assert.Multiple(() =>
        {
            Assert.That(native.Code, Is.EqualTo(code), native.Describe());
            Assert.That(native.Stdout, Is.EqualTo(stdout.ToString()));
            Assert.That(native.Stderr, Is.EqualTo(stderr.ToString()));
        });
    }

    [TestCase("check", "--format", "json")]
    [TestCase("config")]
    public void The_native_binary_reads_the_configuration_file_as_the_program_under_the_JIT(params string[] args)
    {
        var repo = Directory.CreateTempSubdirectory("pg-native-config-");
        try
        {
            File.WriteAllText(Path.Combine(repo.FullName, ".pipelineguard.yml"), "fail-on: notice\nrules:\n  PG106: error\n  pip-timeout-not-raised: off\nignore: [PG108]\n");
            File.WriteAllText(Path.Combine(repo.FullName, "requirements.txt"), "numpy\ntorch==2.3.1\n");
            var native = ExternalProcess.Run(_binary, Bare, repo.FullName, args);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var env = new Dictionary<string, string>();
            var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: false, new PhysicalFileSystem(repo.FullName), TimeProvider.System));
            Assert.Multiple(() =>
            {
                Assert.That(native.Code, Is.EqualTo(code), native.Describe());
                Assert.That(native.Stdout, Is.EqualTo(stdout.ToString()));
                Assert.That(native.Stderr, Is.EqualTo(stderr.ToString()));
                Assert.That(native.Stdout, Does.Contain(args[0] == "config" ? "(.pipelineguard.yml)" : "\"severity\": \"error\""), native.Describe());
            });
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    [Test]
    public void The_native_binary_makes_the_same_GitHub_API_calls_as_the_program_under_the_JIT()
    {
        var repo = Directory.CreateTempSubdirectory("pg-native-github-");
        try
        {
            File.WriteAllText(Path.Combine(repo.FullName, "requirements.txt"), "package1\npackage2\npackage3\n");
            var eventPath = Path.Combine(repo.FullName, "event.json");
            File.WriteAllText(eventPath, GitHubTestData.PullRequestEvent());
            string[] args = ["check", "--format", "json", "requirements.txt", "--github-checks", "--github-review", "--fail-on", "warning"];

            using var nativeServer = Server();
            var nativeEnv = Environment(nativeServer, repo.FullName, eventPath);
            var native = ExternalProcess.Run(_binary, nativeEnv, repo.FullName, args);

            using var jitServer = Server();
            var jitEnv = Environment(jitServer, repo.FullName, eventPath);
            var stdout = new StringWriter();
            var code = CliApp.Run(args, new CliConsole(stdout, new StringWriter(), k => jitEnv.GetValueOrDefault(k), OutputIsTerminal: false, new PhysicalFileSystem(repo.FullName), TimeProvider.System));

            Assert.Multiple(() =>
            {
                Assert.That(native.Code, Is.EqualTo(code), native.Describe());
                Assert.That(native.Stdout, Is.EqualTo(stdout.ToString()));
                Assert.That(nativeServer.To("POST", "/check-runs"), Has.Count.EqualTo(1), native.Describe());
                Assert.That(nativeServer.To("POST", "/pulls/5/reviews"), Has.Count.EqualTo(1), native.Describe());
                Assert.That(Calls(nativeServer), Is.EqualTo(Calls(jitServer)));
            });
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    [Test]
    public void The_native_binary_asks_the_package_index_and_reports_as_the_program_under_the_JIT()
    {
        var repo = Directory.CreateTempSubdirectory("pg-native-online-");
        try
        {
            File.WriteAllText(Path.Combine(repo.FullName, "requirements.txt"), "numpy==1.26.4\nnumpy-financial==9.9\ntorchvison==0.15.2\n");
            string[] args = ["check", "--online", "--format", "json", "requirements.txt"];
            var pypi = new FakePypi()
                .With("numpy", new FakeFile("numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"))
                .With("numpy-financial", new FakeFile("numpy_financial-1.0.0-py3-none-any.whl"));

            using var nativeIndex = new FakeIndexServer(pypi.Answer);
            var nativeEnv = OnlineEnvironment(nativeIndex, Path.Combine(repo.FullName, "cache-native"));
            var native = ExternalProcess.Run(_binary, nativeEnv, repo.FullName, args);

            using var jitIndex = new FakeIndexServer(pypi.Answer);
            var jitEnv = OnlineEnvironment(jitIndex, Path.Combine(repo.FullName, "cache-jit"));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => jitEnv.GetValueOrDefault(k), OutputIsTerminal: false, new PhysicalFileSystem(repo.FullName), TimeProvider.System, [.. jitEnv]));

            Assert.Multiple(() =>
            {
                Assert.That(native.Code, Is.EqualTo(code), native.Describe());
                Assert.That(native.Stdout.Replace(nativeIndex.BaseUrl, "INDEX", StringComparison.Ordinal), Is.EqualTo(stdout.ToString().Replace(jitIndex.BaseUrl, "INDEX", StringComparison.Ordinal)));
                Assert.That(native.Stdout, Does.Contain("\"PG201\"").And.Contain("\"PG202\""), native.Describe());
                Assert.That(nativeIndex.Requests, Has.Count.EqualTo(jitIndex.Requests.Count));
            });
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> OnlineEnvironment(FakeIndexServer index, string cache) => new()
    {
        ["PIPELINEGUARD_ONLINE__INDEX_URL"] = index.BaseUrl + "/simple",
        ["XDG_CACHE_HOME"] = cache,
        ["HOME"] = cache,
    };

    private static FakeGitHubServer Server() => new()
    {
        Files = [new JsonObject { ["filename"] = "requirements.txt", ["status"] = "modified", ["changes"] = 1, ["patch"] = "@@ -1,2 +1,3 @@\n package1\n+package2\n package3" }],
    };

    private static Dictionary<string, string> Environment(FakeGitHubServer server, string workspace, string eventPath)
    {
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl, eventPath);
        env["GITHUB_WORKSPACE"] = workspace;
        return env;
    }

    /// <summary>Each call as method, path, query and body, without the times a run stamps on a check run.</summary>
    private static List<string> Calls(FakeGitHubServer server) =>
        [.. server.Requests.Select(r =>
        {
            if (r.Json is JsonObject body)
            {
                body.Remove("started_at");
                body.Remove("completed_at");
                return $"{r.Method} {r.Path}?{r.Query} {body.ToJsonString()}";
            }

            return $"{r.Method} {r.Path}?{r.Query}";
        })];
}
