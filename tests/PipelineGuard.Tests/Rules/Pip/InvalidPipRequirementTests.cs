using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class InvalidPipRequirementTests
{
    private const string FoldedListHead = "channels:\n  - defaults\ndependencies:\n  - python=3.11.9\n  - pip=26.0.1\n  - pip:\n";

    private static string Conda(string entry) =>
        $"channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=24.2\n  - pip:\n      - {entry}\n";

    [Test]
    public void A_single_equals_in_a_pip_list_is_reported_with_the_fix()
    {
        var finding = Lint.Findings(("conda.yml", Conda("numpy=1.19"))).Only(InvalidPipRequirement.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.Line, Is.EqualTo(6));
            Assert.That(finding.Span.Column, Is.GreaterThanOrEqualTo(9));
            Assert.That(finding.Fix, Is.EqualTo("numpy==1.19"));
            Assert.That(finding.Message, Does.Contain("numpy==1.19"));
        });
    }

    [TestCase("numpy===")]
    [TestCase("numpy>=")]
    [TestCase("numpy[extra")]
    [TestCase("numpy==1.0; python_version <")]
    public void Invalid_requirements_are_reported(string entry)
    {
        Assert.That(Lint.Findings(("conda.yml", Conda($"\"{entry}\""))).Only(InvalidPipRequirement.Rule), Has.Count.EqualTo(1));
    }

    [TestCase("numpy==1.26.4")]
    [TestCase("scikit-learn~=1.2.2")]
    [TestCase("azureml-dataset-runtime[fuse]==1.57.0")]
    [TestCase("\"pkg==1.0; python_version < '3.8'\"")]
    [TestCase("azureml-core=={{latest-pypi-version}}")]
    [TestCase("--extra-index-url=https://download.pytorch.org/whl/cpu")]
    [TestCase("git+https://github.com/apple/coremltools@v2.1")]
    [TestCase("https://aka.ms/automl-resources/packages/en_core_web_sm-2.1.0.tar.gz")]
    [TestCase("torch @ https://download.pytorch.org/whl/cpu/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl")]
    public void Valid_pip_entries_are_not_reported(string entry)
    {
        Assert.That(Lint.Findings(("conda.yml", Conda(entry))).Only(InvalidPipRequirement.Rule), Is.Empty);
    }

    [Test]
    public void Requirements_files_are_checked_on_the_exact_line()
    {
        var finding = Lint.Findings(("requirements.txt", "# pins\nrequests==2.32.3\npandas=2.2.3 \\\n    --hash=sha256:abc\n")).Only(InvalidPipRequirement.Rule).Single();
        Assert.That((finding.Span.Line, finding.Fix), Is.EqualTo((3, "pandas==2.2.3")));
    }

    // A pip item that YAML folded into the one before it (it was indented deeper): pip 23.2.1 silently drops it.
    [Test]
    public void A_deeper_item_folded_into_the_one_before_is_reported_on_that_entry()
    {
        var findings = Lint.Findings(("env.yml", FoldedListHead + "    - numpy==1.26.4\n      - pandas==2.2.3\n    - scipy==1.13.1\n")).Only(InvalidPipRequirement.Rule);
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
        Assert.That(Lint.Findings(("env.yml", FoldedListHead + items)).Only(InvalidPipRequirement.Rule).Where(f => f.Message.Contains("folded", StringComparison.Ordinal)), Is.Empty);
    }
}
