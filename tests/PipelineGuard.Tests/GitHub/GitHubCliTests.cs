using System.Diagnostics;
using System.Text.RegularExpressions;
using PipelineGuard.Cli;
using PipelineGuard.IO;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.GitHub;

/// <summary>The whole CLI with GitHub flags, against <see cref="FakeGitHubServer"/>.</summary>
[CancelAfter(20_000)]
public sealed class GitHubCliTests
{
    private static (int Code, string Out, string Err) Run(InMemoryFileSystem fs, Dictionary<string, string> env, params string[] args)
    {
        fs.Add("/events/event.json", GitHubTestData.PullRequestEvent());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, k => env.GetValueOrDefault(k), OutputIsTerminal: false, fs, FixedClock.SessionDay));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [TestCase(true)]
    [TestCase(false)]
    public void The_token_appears_in_no_output_even_when_GitHub_quotes_it_back(bool inActions)
    {
        using var server = new FakeGitHubServer
        {
            // A hostile or confused server echoing the credential must not make us print it.
            Override = r => r.Method == "POST" ? new FakeResponse(401, $$"""{"message":"Bad credentials: {{GitHubTestData.Token}}"}""") : null,
        };
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl);
        env["GITHUB_ACTIONS"] = inActions ? "true" : string.Empty;
        env["GITHUB_TOKEN"] = "another-token-from-env";
        var (_, stdout, stderr) = Run(GitHubTestData.UnpinnedRequirements(2), env, "check", "--format", "json", "--github-checks", "--github-review", "--github-token", GitHubTestData.Token);

        var all = stdout + stderr;
        var occurrences = Regex.Matches(all, Regex.Escape(GitHubTestData.Token)).Count;
        Assert.Multiple(() =>
        {
            Assert.That(server.To("POST", "/check-runs"), Has.Count.EqualTo(1));
            Assert.That(server.Requests[0].Headers["Authorization"], Does.EndWith(GitHubTestData.Token), "the option wins over GITHUB_TOKEN");
            Assert.That(occurrences, Is.EqualTo(inActions ? 1 : 0));
            Assert.That(stderr, Does.Contain("Bad credentials: ***"));
            Assert.That(() => System.Text.Json.JsonDocument.Parse(stdout).Dispose(), Throws.Nothing, "standard output stays valid JSON");
        });
        if (inActions)
        {
            Assert.That(stderr.Split('\n')[0], Is.EqualTo("::add-mask::" + GitHubTestData.Token), "the mask comes first");
        }
    }

    [Test]
    public void A_403_on_the_check_run_gives_a_notice_workflow_commands_and_the_same_exit_code_as_without_the_API()
    {
        using var server = new FakeGitHubServer
        {
            Override = r => r.Method == "POST" ? new FakeResponse(403, """{"message":"Resource not accessible by integration"}""") : null,
        };
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl);
        var plain = Run(GitHubTestData.UnpinnedRequirements(3), env, "check", "--format", "text", "--fail-on", "warning");
        var refused = Run(GitHubTestData.UnpinnedRequirements(3), env, "check", "--format", "text", "--fail-on", "warning", "--github-checks");
        var lines = refused.Err.TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(plain.Code, Is.EqualTo(1));
            Assert.That(refused.Code, Is.EqualTo(plain.Code));
            Assert.That(refused.Out, Is.EqualTo(plain.Out));
            Assert.That(lines.Count(l => l.StartsWith("::notice", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(lines, Has.Some.StartsWith("::warning file=requirements.txt,line=1,endLine=1,col=1,endColumn=9,title=PG106 dependency-unpinned::"));
            Assert.That(lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)), Is.EqualTo(3));
        });
    }

    [Test]
    public void Only_changed_decides_the_exit_code_from_the_kept_findings()
    {
        using var server = new FakeGitHubServer
        {
            Files = [new System.Text.Json.Nodes.JsonObject { ["filename"] = "env.yml", ["status"] = "modified", ["changes"] = 1, ["patch"] = "@@ -1 +1 @@\n-x\n+y" }],
        };
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl);
        var (code, stdout, stderr) = Run(GitHubTestData.UnpinnedRequirements(3), env, "check", "--format", "json", "--fail-on", "warning", "--only-changed");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("\"findings\": []"));
            Assert.That(stderr, Is.EqualTo("::add-mask::" + GitHubTestData.Token + "\n"));
        });
    }

    [Test]
    public void Help_lists_the_GitHub_flags()
    {
        var (_, stdout, _) = Run(Lint.Repo(), [], "check", "--help");
        Assert.That(stdout, Does.Contain("--github-checks").And.Contain("--github-review").And.Contain("--only-changed").And.Contain("--diff-base").And.Contain("--github-token"));
    }

    [Test]
    public void A_plain_check_runs_without_Octokit_on_disk()
    {
        // Copy the CLI without Octokit.dll (and without the deps manifest, which would insist on it): a plain check must
        // still work, which proves the GitHub code is off the start-up path.
        var source = TestContext.CurrentContext.TestDirectory;
        var app = Directory.CreateTempSubdirectory("pg-no-octokit-");
        try
        {
            var runtime = new[] { "pipelineguard.dll", "pipelineguard.runtimeconfig.json", "PipelineGuard.Engine.dll", "PipelineGuard.GitHub.dll", "CommandLine.dll", "YamlDotNet.dll" }
                .Concat(Directory.GetFiles(source, "Microsoft.Extensions.*.dll").Select(Path.GetFileName).OfType<string>());
            foreach (var file in runtime)
            {
                File.Copy(Path.Combine(source, file), Path.Combine(app.FullName, file));
            }

            var repo = app.CreateSubdirectory("repo");
            File.WriteAllText(Path.Combine(repo.FullName, "requirements.txt"), "numpy\n");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo.FullName };
            foreach (var arg in new[] { Path.Combine(app.FullName, "pipelineguard.dll"), "check", "--format", "text", "--fail-on", "warning" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["NO_COLOR"] = "1";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(15_000), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(stderr.Result, Is.Empty);
                Assert.That(stdout.Result, Does.Contain("PG106"));
                Assert.That(process.ExitCode, Is.EqualTo(1));
            });
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }
}
