using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class PipUnpinnedTests
{
    private const string Pinned = """
        name: ok
        channels:
          - conda-forge
        dependencies:
          - python=3.11.9
          - pip=20.2.4
          - pip:
              - requests==2.32.3
        """;

    [TestCase("pip", true)]
    [TestCase("pip>=20", true)]
    [TestCase("pip<27", true)]
    [TestCase("pip=26.*", true)]
    [TestCase("pip 26.*", true)]
    [TestCase("pip<=20.3", false)]
    [TestCase("pip<=23.2.1", false)]
    [TestCase("pip=24.*", false)]
    [TestCase("pip 24.*", false)]
    [TestCase("pip>=20.2,<20.3", false)]
    [TestCase("pip=24.2", false)]
    [TestCase("pip==24.2", false)]
    [TestCase("pip 24.2", false)]
    [TestCase("conda-forge::pip=24.2", false)]
    public void Pg102_fires_unless_pip_is_pinned_to_one_version(string pip, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"dependencies:\n  - {pip}\n")).Only(PipUnpinned.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:2:5-2:{5 + pip.Length}" } : Array.Empty<string>()));
    }

    [Test]
    public void Pg102_never_suggests_a_pip_the_entry_itself_excludes()
    {
        var spec = "channels:\n  - defaults\ndependencies:\n  - python=3.12.7\n  - pip>=26.1\n  - pip:\n      - mlflow==2.17.0\n";
        var finding = Lint.Findings(("env.yml", spec)).Only(PipUnpinned.Rule).Single();
        Assert.That(finding.Fix, Is.Null);
        Assert.That(finding.Message, Does.Not.Contain("26.0.1"));
    }

    [Test]
    public void A_fully_pinned_spec_has_no_pip_finding()
    {
        var findings = Lint.Findings(("env.yml", Pinned));
        Assert.That(findings.Where(f => f.RuleId is "PG101" or "PG102" or "PG103"), Is.Empty);
    }
}
