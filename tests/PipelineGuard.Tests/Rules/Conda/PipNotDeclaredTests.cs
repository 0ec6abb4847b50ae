using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class PipNotDeclaredTests
{
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

    [TestCase("  - python=3.7.16\n", "warning", "pip=24.0")]
    [TestCase("  - python=3.12.7\n", "warning", "pip=26.0.1")]
    [TestCase("", "warning", "23.1.2 or newer")]
    public void Pg101_is_a_warning_and_suggests_a_pip_for_the_python(string python, string severity, string advice)
    {
        var spec = $"channels:\n  - defaults\ndependencies:\n{python}  - numpy=1.26.4\n  - pip:\n      - mlflow==2.17.0\n";
        var finding = Lint.Findings(("env.yml", spec)).Only(PipNotDeclared.Rule).Single();
        Assert.That(PipelineGuard.Model.SeverityNames.ToName(finding.Severity), Is.EqualTo(severity));
        Assert.That(finding.Message, Does.Contain(advice));
    }
}
