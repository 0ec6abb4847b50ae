using System.Text.Json.Nodes;
using PipelineGuard.Tests.GitHub;

namespace PipelineGuard.Tests.Security;

/// <summary>
/// Check runs and review comments go through the API, where the runner masks nothing: a pull request that plants a
/// link to the checkout's credentials must get nothing of them back, in any request body.
/// </summary>
[CancelAfter(30_000)]
[NonParallelizable]
public sealed class ApiLeakTests
{
    [Test]
    public void A_link_to_git_config_or_outside_posts_nothing_of_its_target_to_the_API()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links need privileges on Windows");
        using var tree = new HostileTree();
        tree.Link("requirements.txt", ".git/config");
        tree.Link("envs/requirements.txt", "../../outside/secret.txt");
        tree.Write("envs/conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip\n  - pip:\n    - -r inc.txt\n");
        tree.Link("envs/inc.txt", "../via/secret.txt");
        tree.Link("via", "../outside");
        var eventPath = Path.Combine(tree.Top, "event.json");
        File.WriteAllText(eventPath, GitHubTestData.PullRequestEvent());
        using var server = new FakeGitHubServer
        {
            Files =
            [
                Changed("requirements.txt"), Changed("envs/requirements.txt"), Changed("envs/conda.yml"), Changed("envs/inc.txt"),
            ],
        };
        var env = GitHubTestData.ActionsEnvironment(server.BaseUrl, eventPath);
        env.Remove("GITHUB_WORKSPACE");

        var run = tree.Run(env, "check", "--github-checks", "--github-review");

        var bodies = string.Join("\n", server.Requests.Select(r => r.Body));
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Where(r => r.Method == "POST"), Is.Not.Empty, "findings were posted");
            Assert.That(bodies, Does.Contain("points into a .git folder"));
            Assert.That(bodies, Does.Contain("points outside the repository"));
            Assert.That(bodies, Does.Not.Contain(HostileTree.Marker).IgnoreCase);
            Assert.That(bodies, Does.Not.Contain("extraheader").IgnoreCase);
            Assert.That(run.All, Does.Not.Contain(HostileTree.Marker).IgnoreCase);
        });
    }

    private static JsonObject Changed(string file) =>
        new() { ["filename"] = file, ["status"] = "added", ["changes"] = 1, ["patch"] = "@@ -0,0 +1 @@\n+x" };
}
