using PipelineGuard.Rules.Documents;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Documents;

public sealed class UnusedSuppressionTests
{
    private static string Spec(string numpy) =>
        $"channels:\n  - defaults\ndependencies:\n  - python=3.11.9\n  - {numpy}   # pipelineguard: ignore PG106\n";

    [Test]
    public void A_comment_that_suppresses_nothing_is_reported_on_the_comment()
    {
        var findings = Lint.Findings(("env.yml", Spec("numpy=1.26.4"))).Only(UnusedSuppression.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:5:20-5:49" }));
    }

    [Test]
    public void A_comment_that_suppresses_a_finding_is_fine()
    {
        // 'numpy' alone is PG106's (dependency-unpinned): the comment is in use.
        Assert.That(Lint.Findings(("env.yml", Spec("numpy"))).Only(UnusedSuppression.Rule), Is.Empty);
    }
}
