using PipelineGuard.AzureDevOps;
using PipelineGuard.AzureDevOps.Threads;
using PipelineGuard.GitHub;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.AzureDevOps;

/// <summary>The pieces without a server: reading the agent's variables and anchoring a thread.</summary>
public sealed class AzureReposLogicTests
{
    private static readonly RuleInfo Rule = new("PG106", "dependency-unpinned", Severity.Warning, "unpinned");

    private static FindingTarget Target(SourceSpan span, string? path = "envs/conda.yml", bool moved = false) =>
        new(new Finding(Rule, Severity.Warning, "message", span), path, span, moved, "0123456789abcdef");

    [Test]
    public void The_variables_give_the_pull_request_and_a_collection_URL_with_a_trailing_slash()
    {
        var env = AzureReposTestData.PullRequestBuild("https://dev.azure.com/fabrikam");
        var (settings, problem) = AzureReposEnvironment.Read(k => env.GetValueOrDefault(k));

        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(settings!.CollectionUrl.ToString(), Is.EqualTo("https://dev.azure.com/fabrikam/"));
            Assert.That(settings.PullRequestId, Is.EqualTo(7));
            Assert.That(settings.TargetBranch, Is.EqualTo("main"));
            Assert.That(settings.SourcesDirectory, Is.EqualTo("/repo"));
            Assert.That(settings.ToString(), Does.Not.Contain(AzureReposTestData.Token));
        });
    }

    [Test]
    public void A_span_is_anchored_on_its_lines_and_offsets_with_a_leading_slash()
    {
        var context = ThreadContent.Anchor(Target(new SourceSpan("envs/conda.yml", 3, 7, 5, 2)), null);
        Assert.Multiple(() =>
        {
            Assert.That(context.FilePath, Is.EqualTo("/envs/conda.yml"));
            Assert.That(context.RightFileStart, Is.EqualTo(new PipelineGuard.AzureDevOps.Api.FilePosition(3, 7)));
            Assert.That(context.RightFileEnd, Is.EqualTo(new PipelineGuard.AzureDevOps.Api.FilePosition(5, 2)));
        });
    }

    [Test]
    public void A_span_without_width_covers_its_whole_line()
    {
        var source = new SourceText("envs/conda.yml", "a\n  - numpy\n");
        var context = ThreadContent.Anchor(Target(SourceSpan.LineOf("envs/conda.yml", 2)), p => p == "envs/conda.yml" ? source : null);
        Assert.Multiple(() =>
        {
            Assert.That(context.RightFileStart, Is.EqualTo(new PipelineGuard.AzureDevOps.Api.FilePosition(2, 1)));
            Assert.That(context.RightFileEnd, Is.EqualTo(new PipelineGuard.AzureDevOps.Api.FilePosition(2, "  - numpy".Length + 1)));
        });
    }

    [Test]
    public void A_finding_moved_from_a_build_log_says_where_it_came_from_and_keeps_its_marker()
    {
        var finding = new Finding(Rule, Severity.Warning, "pip failed", new SourceSpan("build.log", 120, 1, 120, 10));
        var target = new FindingTarget(finding, "envs/conda.yml", new SourceSpan("envs/conda.yml", 6, 9, 6, 25), Moved: true, "0123456789abcdef");
        var text = ThreadContent.CommentText(target, null);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("(from build.log:120)"));
            Assert.That(text, Does.EndWith("\n\n<!-- pipelineguard:fp=0123456789abcdef -->"));
            Assert.That(Fingerprints.Read(text), Is.EqualTo(new[] { "0123456789abcdef" }));
        });
    }
}
