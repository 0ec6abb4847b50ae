using PipelineGuard.GitHub;
using PipelineGuard.GitHub.Reviews;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.GitHub;

public sealed class SuggestionBlockTests
{
    private static readonly RuleInfo Rule = new("PG135", "pip-incompatible-with-python", Severity.Error, "pip cannot run on this Python");

    private static string? Suggest(string line, SourceSpan fixTarget, string fix, bool moved = false, SourceSpan? span = null)
    {
        var finding = new Finding(Rule, Severity.Error, "message", span ?? fixTarget, fix) { FixSpan = fixTarget };
        var target = new FindingTarget(finding, "env.yml", span ?? fixTarget, moved, "fp");
        var source = new SourceText("env.yml", "first\n" + line + "\r\nlast\n");
        return SuggestionBlock.For(target, path => path == "env.yml" ? source : null);
    }

    [Test]
    public void The_block_holds_the_whole_line_with_the_fix_in_place()
    {
        Assert.That(Suggest("  - pip=20.2.4  # ci", new SourceSpan("env.yml", 2, 5, 2, 15), "pip=26.0.1"),
            Is.EqualTo("```suggestion\n  - pip=26.0.1  # ci\n```"));
    }

    [Test]
    public void A_line_with_backticks_gets_a_longer_fence()
    {
        Assert.That(Suggest("RUN echo ```x``` && pip install a", new SourceSpan("env.yml", 2, 33, 2, 34), "b"),
            Is.EqualTo("````suggestion\nRUN echo ```x``` && pip install b\n````"));
    }

    [Test]
    public void No_block_when_the_fix_leaves_the_commented_line_or_was_moved_there()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 3, 2), "pip=26.0.1"), Is.Null, "over two lines");
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 2, 15), "pip=26.0.1", span: new SourceSpan("env.yml", 3, 1, 3, 4)), Is.Null, "another line");
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 2, 15), "pip=26.0.1", moved: true), Is.Null, "moved from a log");
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 2, 40), "pip=26.0.1"), Is.Null, "past the line's end");
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 2, 15), "pip=20.2.4"), Is.Null, "no change");
            Assert.That(Suggest("  - pip=20.2.4", new SourceSpan("env.yml", 2, 5, 2, 15), "pip=26.0.1\n  - x"), Is.Null, "a new line");
            Assert.That(Suggest("- git+https://user:tok3n@example.com/a.git@v1 # x", new SourceSpan("env.yml", 2, 50, 2, 51), "y"), Is.Null, "a line with a token");
        });
    }
}
