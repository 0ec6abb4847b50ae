using System.Text;
using PipelineGuard.Engine;
using PipelineGuard.GitHub;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.GitHub;

/// <summary>Repositories and settings shared by the GitHub tests.</summary>
internal static class GitHubTestData
{
    public const string Token = "ghs_S3cretT0kenValue1234567890";
    public const string HeadSha = "1111111111111111111111111111111111111111";
    public const string MergeSha = "2222222222222222222222222222222222222222";

    /// <summary>A requirements file of <paramref name="count"/> unpinned packages: one PG106 warning per line.</summary>
    public static InMemoryFileSystem UnpinnedRequirements(int count)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            text.Append($"package{i}\n");
        }

        return Lint.Repo(("requirements.txt", text.ToString()));
    }

    public static CheckResult Check(IFileSystem fs, Severity? failOn = Severity.Error) =>
        new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions([], failOn));

    public static GitHubSettings Settings(int? pullRequest = 5, bool fork = false) =>
        new(new Uri("https://api.github.com"), "octo", "ml", Token, HeadSha) { PullRequest = pullRequest, FromFork = fork };

    public static string PullRequestEvent(int number = 5, string headRepository = "octo/ml") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            action = "synchronize",
            number,
            pull_request = new { number, head = new { sha = HeadSha, repo = new { full_name = headRepository } }, @base = new { sha = "3333" } },
        });

    /// <summary>The variables GitHub Actions sets for a pull_request workflow, aimed at <paramref name="apiUrl"/>.</summary>
    public static Dictionary<string, string> ActionsEnvironment(string apiUrl, string eventPath = "/events/event.json") => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_API_URL"] = apiUrl,
        ["GITHUB_REPOSITORY"] = "octo/ml",
        ["GITHUB_SHA"] = MergeSha,
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = eventPath,
        ["GITHUB_WORKSPACE"] = "/repo",
        ["GITHUB_TOKEN"] = Token,
    };
}
