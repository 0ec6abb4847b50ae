using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

public sealed class CondaPipRulesTests
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

    [Test]
    public void Pg101_points_at_the_pip_key_when_pip_is_not_a_dependency()
    {
        var findings = Lint.Findings(("env.yml", "dependencies:\n  - python=3.11\n  - pip:\n      - requests==2.32.3\n"));
        Assert.That(findings.Only(PipNotDeclared.Rule).Places(), Is.EqualTo(new[] { "env.yml:3:5-3:8" }));
    }

    [TestCase("  - pip:\n      - requests==2.32.3\n  - pip=24.2\n")]
    [TestCase("  - conda-forge::pip=24.2\n  - pip:\n      - requests==2.32.3\n")]
    [TestCase("  - PIP=24.2\n  - pip:\n      - requests==2.32.3\n")]
    [TestCase("  - numpy=1.26.4\n")]
    [TestCase("  - pip:\n")]
    public void Pg101_is_quiet_when_pip_is_declared_or_there_is_nothing_to_install(string deps)
    {
        Assert.That(Lint.Findings(("env.yml", "dependencies:\n" + deps)).Only(PipNotDeclared.Rule), Is.Empty);
    }

    [TestCase("pip", true)]
    [TestCase("pip>=20", true)]
    [TestCase("pip<=20.3", true)]
    [TestCase("pip=24.*", true)]
    [TestCase("pip 24.*", true)]
    [TestCase("pip>=20.2,<20.3", true)]
    [TestCase("pip=24.2", false)]
    [TestCase("pip==24.2", false)]
    [TestCase("pip 24.2", false)]
    [TestCase("conda-forge::pip=24.2", false)]
    public void Pg102_fires_unless_pip_is_pinned_to_one_version(string pip, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"dependencies:\n  - {pip}\n")).Only(PipUnpinned.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:2:5-2:{5 + pip.Length}" } : Array.Empty<string>()));
    }

    [TestCase("pip", true)]
    [TestCase("pip=20", true)]
    [TestCase("pip<=20.3", true)]
    [TestCase("pip!=20.3", true)]
    [TestCase("pip>=20.2", true)]
    [TestCase("pip=21.2.4", true)]
    [TestCase("pip=23.0.1", true)]
    [TestCase("pip<=23.1", true)]
    [TestCase("pip>=20.2,<20.3", false)]
    [TestCase("pip<20.3", false)]
    [TestCase("pip=20.2.4", false)]
    [TestCase("pip==20.2.4", false)]
    [TestCase("pip=23.1.2", false)]
    [TestCase("pip>=23.1", false)]
    [TestCase("pip=26.0.1", false)]
    public void Pg103_decides_whether_the_pip_spec_admits_a_pip_from_20_3_to_23_0(string pip, bool fires)
    {
        var spec = $"channels:\n  - conda-forge\n  - defaults\ndependencies:\n  - {pip}\n  - pip:\n      - azureml-core==1.57.0\n";
        var findings = Lint.Findings(("env.yml", spec)).Only(PipResolverLoopRisk.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:5:5-5:{5 + pip.Length}" } : Array.Empty<string>()));
        if (fires)
        {
            Assert.That(findings[0].Fix, Is.Null, "without a Python pin no pip can be chosen for it");
            Assert.That(findings[0].Message, Does.Contain("23.1.2 or newer"));
        }
    }

    [TestCase("channels:\n  - defaults\n  - conda-forge\n", "pip", false)]
    [TestCase("channels:\n  - defaults\n", "conda-forge::pip", true)]
    [TestCase("channels:\n  - https://conda.anaconda.org/conda-forge/\n", "pip", true)]
    [TestCase("channels:\n  - conda-forge\n", "defaults::pip", false)]
    [TestCase("", "pip", false)]
    public void Pg103_looks_at_the_highest_priority_channel_of_pip(string channels, string pip, bool fires)
    {
        var spec = $"{channels}dependencies:\n  - {pip}\n  - pip:\n      - azureml-core==1.57.0\n";
        Assert.That(Lint.Findings(("env.yml", spec)).Only(PipResolverLoopRisk.Rule), fires ? Has.Count.EqualTo(1) : Is.Empty);
    }

    [Test]
    public void Pg103_needs_pip_packages()
    {
        var spec = "channels:\n  - conda-forge\ndependencies:\n  - pip\n  - numpy=1.26.4\n";
        Assert.That(Lint.Findings(("env.yml", spec)).Only(PipResolverLoopRisk.Rule), Is.Empty);
    }

    [Test]
    public void A_fully_pinned_spec_has_no_pip_finding()
    {
        var findings = Lint.Findings(("env.yml", Pinned));
        Assert.That(findings.Where(f => f.RuleId is "PG101" or "PG102" or "PG103"), Is.Empty);
    }

    [TestCase("conda=4.5.1", true)]
    [TestCase("conda==4.4.10", true)]
    [TestCase("conda<4.5", true)]
    [TestCase("conda=4.5.4", false)]
    [TestCase("conda=4.5.11", false)]
    [TestCase("conda=4.10.3", false)]
    [TestCase("conda", false)]
    [TestCase("conda>=4.5.4", false)]
    public void Pg104_compares_conda_versions_numerically(string conda, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"dependencies:\n  - {conda}\n")).Only(CondaTooOld.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:2:5-2:{5 + conda.Length}" } : Array.Empty<string>()));
    }
}
