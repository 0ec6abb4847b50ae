using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

/// <summary>PG122 on a pip item that YAML folded into the one before it (it was indented deeper): pip 23.2.1 silently drops it.</summary>
public sealed class FoldedPipEntryTests
{
    private const string Head = "channels:\n  - defaults\ndependencies:\n  - python=3.11.9\n  - pip=26.0.1\n  - pip:\n";

    [Test]
    public void A_deeper_item_folded_into_the_one_before_is_reported_on_that_entry()
    {
        var findings = Lint.Findings(("env.yml", Head + "    - numpy==1.26.4\n      - pandas==2.2.3\n    - scipy==1.13.1\n")).Only(InvalidPipRequirement.Rule);
        Assert.Multiple(() =>
        {
            Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:7:7-8:22" }));
            Assert.That(findings[0].Message, Does.Contain("'numpy==1.26.4' and 'pandas==2.2.3' are folded into one pip entry").And.Contain("silently drops 'pandas==2.2.3'"));
        });
    }

    [TestCase("    - numpy==1.26.4\n    - pandas==2.2.3\n")]
    [TestCase("    - \"numpy==1.26.4 - pandas\"\n")]
    [TestCase("    - numpy>=1.26 ; python_version >= '3.9'\n")]
    public void Items_of_one_indentation_and_one_line_entries_are_not_folds(string items)
    {
        Assert.That(Lint.Findings(("env.yml", Head + items)).Only(InvalidPipRequirement.Rule).Where(f => f.Message.Contains("folded", StringComparison.Ordinal)), Is.Empty);
    }
}
