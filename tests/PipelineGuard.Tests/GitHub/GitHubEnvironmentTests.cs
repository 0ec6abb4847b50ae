using PipelineGuard.GitHub;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.GitHub;

public sealed class GitHubEnvironmentTests
{
    [Test]
    public void A_pull_request_uses_the_head_sha_from_the_payload_not_the_merge_commit()
    {
        var fs = Lint.Repo().Add("/events/event.json", GitHubTestData.PullRequestEvent());
        var env = GitHubTestData.ActionsEnvironment("https://ghe.example.com/api/v3");
        var (settings, problem) = GitHubEnvironment.Read(k => env.GetValueOrDefault(k), fs, null);
        Assert.That(problem, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(settings!.HeadSha, Is.EqualTo(GitHubTestData.HeadSha));
            Assert.That(settings.PullRequest, Is.EqualTo(5));
            Assert.That(settings.Owner + "/" + settings.Repository, Is.EqualTo("octo/ml"));
            Assert.That(settings.ApiUrl, Is.EqualTo(new Uri("https://ghe.example.com/api/v3")));
            Assert.That(settings.FromFork, Is.False);
            Assert.That(settings.ToString(), Does.Not.Contain(GitHubTestData.Token));
        });
    }

    [Test]
    public void A_push_uses_GITHUB_SHA_and_the_default_api_address()
    {
        var fs = Lint.Repo().Add("/events/event.json", """{"ref":"refs/heads/main","after":"abc"}""");
        var env = GitHubTestData.ActionsEnvironment("");
        var (settings, _) = GitHubEnvironment.Read(k => env.GetValueOrDefault(k), fs, null);
        Assert.Multiple(() =>
        {
            Assert.That(settings!.HeadSha, Is.EqualTo(GitHubTestData.MergeSha));
            Assert.That(settings.PullRequest, Is.Null);
            Assert.That(settings.ApiUrl, Is.EqualTo(new Uri("https://api.github.com")));
        });
    }

    [Test]
    public void A_pull_request_from_another_repository_is_a_fork()
    {
        var fs = Lint.Repo().Add("/events/event.json", GitHubTestData.PullRequestEvent(headRepository: "someone/ml"));
        var env = GitHubTestData.ActionsEnvironment("https://api.github.com");
        Assert.That(GitHubEnvironment.Read(k => env.GetValueOrDefault(k), fs, null).Settings!.FromFork, Is.True);
    }

    [TestCase("{not json", "cannot read the event payload")]
    [TestCase("""{"pull_request":{"head":{}}}""", "has no number")]
    public void A_bad_payload_is_a_problem_not_an_exception(string payload, string expected)
    {
        var fs = Lint.Repo().Add("/events/event.json", payload);
        var env = GitHubTestData.ActionsEnvironment("https://api.github.com");
        Assert.That(GitHubEnvironment.Read(k => env.GetValueOrDefault(k), fs, null).Problem, Does.Contain(expected));
    }

    [Test]
    public void The_token_comes_from_the_option_then_GITHUB_TOKEN_then_the_action_input()
    {
        var env = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "env", ["INPUT_GITHUB-TOKEN"] = "input" };
        Assert.Multiple(() =>
        {
            Assert.That(GitHubToken.Resolve("option", k => env.GetValueOrDefault(k)), Is.EqualTo("option"));
            Assert.That(GitHubToken.Resolve(" ", k => env.GetValueOrDefault(k)), Is.EqualTo("env"));
            Assert.That(GitHubToken.Resolve(null, k => k == "INPUT_GITHUB-TOKEN" ? "input" : null), Is.EqualTo("input"));
            Assert.That(GitHubToken.Resolve(null, _ => null), Is.Null);
        });
    }
}
