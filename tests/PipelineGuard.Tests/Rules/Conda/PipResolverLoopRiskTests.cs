using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class PipResolverLoopRiskTests
{
    // conda installs the newest pip every entry admits: the range decides only through that newest version.
    [TestCase("pip", false)]
    [TestCase("pip=20", true)]
    [TestCase("pip<=20.3", true)]
    [TestCase("pip!=20.3", false)]
    [TestCase("pip>=20.2", false)]
    [TestCase("pip=21.2.4", true)]
    [TestCase("pip=23.0.1", true)]
    [TestCase("pip<23", true)]
    [TestCase("pip>=20,<23.1", true)]
    [TestCase("pip<=23.1", false)]
    [TestCase("pip<=24.2", false)]
    [TestCase("pip>=20.2,<20.3", false)]
    [TestCase("pip<20.3", false)]
    [TestCase("pip=20.2.4", false)]
    [TestCase("pip==20.2.4", false)]
    [TestCase("pip=23.1.2", false)]
    [TestCase("pip>=23.1", false)]
    [TestCase("pip=26.0.1", false)]
    public void Pg103_fires_when_the_pip_conda_installs_is_from_20_3_to_23_0(string pip, bool fires)
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

    [TestCase("channels:\n  - defaults\n  - conda-forge\n", "pip=22.3.1", false)]
    [TestCase("channels:\n  - defaults\n", "conda-forge::pip=22.3.1", true)]
    [TestCase("channels:\n  - https://conda.anaconda.org/conda-forge/\n", "pip=22.3.1", true)]
    [TestCase("channels:\n  - conda-forge\n", "defaults::pip=22.3.1", false)]
    [TestCase("", "pip=22.3.1", false)]
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

    [TestCase("      - transformers==4.44.2\n      - datasets==2.21.0\n", "warning")]
    [TestCase("      - transformers==4.44.2\n      - https://example.com/wheels/tool-1.0-py3-none-any.whl\n", "warning")]
    [TestCase("      - transformers==4.44.2\n      - datasets>=2.20\n", "warning")]
    [TestCase("      - transformers\n", "warning")]
    public void Pg103_is_a_warning_however_the_pip_packages_are_pinned(string packages, string severity)
    {
        var spec = $"channels:\n  - conda-forge\ndependencies:\n  - python=3.11.9\n  - pip=22.3.1\n  - pip:\n{packages}";
        var findings = Lint.Findings(("env.yml", spec)).Only(PipResolverLoopRisk.Rule);
        Assert.That(findings.Select(f => PipelineGuard.Model.SeverityNames.ToName(f.Severity)), Is.EqualTo(new[] { severity }));
        Assert.That(findings[0].Fix, Is.EqualTo("pip=26.0.1"));
    }

    [Test]
    public void Pip_entries_of_one_spec_are_read_together()
    {
        // conda intersects the entries: the exact pin on line 5 pins pip, and the hang risk is that pin's alone.
        var spec = "channels:\n  - conda-forge\ndependencies:\n  - python=3.8.18\n  - pip=20.3.4\n  - numpy=1.24.4\n  - pip\n  - pip:\n      - mlflow>=2\n";
        var findings = Lint.Findings(("env.yml", spec)).Where(f => f.RuleId is "PG102" or "PG103").ToList();
        Assert.That(findings.Select(f => $"{f.RuleId} {f.Span.Line}"), Is.EqualTo(new[] { "PG103 5" }));
        Assert.That(findings[0].Fix, Is.EqualTo("pip=25.0.1"));
    }
}
