using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class ConflictingPinsTests
{
    private static string Env(string conda, params string[] pip) =>
        $"channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - {conda}\n  - pip=24.2\n  - pip:\n" +
        string.Concat(pip.Select(p => $"      - {p}\n"));

    [Test]
    public void A_conda_pin_and_a_different_pip_pin_are_reported_on_the_pip_one_with_the_conda_one_related()
    {
        var findings = Lint.Findings(("env.yml", Env("pandas=1.3.5", "pandas==1.5.3"))).Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:7:9-7:22" }));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env.yml:4:5-4:17" }));
            Assert.That(findings[0].Message, Does.StartWith("'pandas==1.5.3' pins pandas to 1.5.3, but a conda dependency pins it to 1.3.5 ('pandas=1.3.5')"));
            Assert.That(findings[0].Message, Does.Contain("pip then replaces it"));
        });
    }

    [Test]
    public void Two_pip_pins_in_the_pip_list_are_reported_with_pips_conflict_message()
    {
        var findings = Lint.Findings(("env.yml", Env("numpy=1.26.4", "Scikit_Learn==1.2.2", "mlflow==2.17.0", "scikit-learn==1.5.0")))
            .Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:9:9-9:28" }));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env.yml:7:9-7:28" }));
            Assert.That(findings[0].Message, Does.Contain("an earlier pip requirement pins it to 1.2.2"));
            Assert.That(findings[0].Message, Does.Contain("ResolutionImpossible"));
        });
    }

    [Test]
    public void Two_conda_pins_are_reported()
    {
        var findings = Lint.Findings(("env.yml", "channels: [defaults]\ndependencies:\n  - numpy=1.21.6\n  - NumPy==1.26.4\n"))
            .Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:4:5-4:18" }));
        Assert.That(findings[0].Message, Does.Contain("conda cannot satisfy both"));
    }

    [Test]
    public void A_constraint_file_counts_as_a_pin()
    {
        var findings = Lint.Findings(
            ("requirements.txt", "-c constraints.txt\nnumpy==1.26.4\n"),
            ("constraints.txt", "numpy==1.24.4\n")).Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "constraints.txt:1:1-1:14" }));
        Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "requirements.txt:2:1-2:14" }));
    }

    [Test]
    public void Pins_in_an_included_requirements_file_are_compared_with_the_including_one()
    {
        var findings = Lint.Findings(
            ("requirements.txt", "-r base/common.txt\nrequests==2.31.0\n"),
            ("base/common.txt", "requests==2.32.3\n")).Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "base/common.txt:1:1-1:17" }));
    }

    [Test]
    public void The_pip_list_and_the_requirements_file_it_includes_are_one_environment()
    {
        var findings = Lint.Findings(
            ("env.yml", Env("numpy=1.26.4", "-r requirements.txt")),
            ("requirements.txt", "numpy==1.21.6\n")).Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:1:1-1:14" }));
    }

    [TestCase("pandas==1.3.5", "pandas==1.3.5.0")]
    [TestCase("pandas==1.3", "pandas===1.3.0")]
    [TestCase("torch==2.0.1", "torch==2.0.1+cu118")]
    [TestCase("Scikit_Learn==1.2.2", "scikit.learn==1.2.2")]
    [TestCase("numpy==1.21.6; python_version < \"3.8\"", "numpy==1.26.4; python_version >= \"3.8\"")]
    [TestCase("numpy>=1.21", "numpy==1.26.4")]
    [TestCase("numpy==1.21.*", "numpy==1.26.4")]
    [TestCase("numpy=={{version}}", "numpy==1.26.4")]
    public void Pins_that_one_install_can_satisfy_are_not_reported(string first, string second)
    {
        Assert.That(Lint.Findings(("env.yml", Env("python-dateutil=2.9.0", first, second))).Only(ConflictingPins.Rule), Is.Empty);
    }

    [TestCase("numpy=1.26", "numpy==1.26.4")]
    [TestCase("numpy==1.26.4", "numpy==1.26.4")]
    [TestCase("numpy 1.26.4 py311_0", "numpy==1.26.4")]
    [TestCase("numpy=1.26.4", "numpy>=1.20")]
    public void A_conda_pin_that_admits_the_pip_version_is_not_reported(string conda, string pip)
    {
        Assert.That(Lint.Findings(("env.yml", Env(conda, pip))).Only(ConflictingPins.Rule), Is.Empty);
    }

    [Test]
    public void Three_pins_report_each_later_one_that_disagrees()
    {
        var findings = Lint.Findings(("requirements.txt", "numpy==1.21.6\nnumpy==1.26.4\nnumpy==1.21.6.0\n")).Only(ConflictingPins.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:14", "requirements.txt:3:1-3:16" }));
        Assert.That(findings[1].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "requirements.txt:2:1-2:14" }));
    }
}
