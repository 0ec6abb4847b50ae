using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class PipIncompatibleWithPythonTests
{
    private static string Spec(string python, string pip) =>
        $"channels:\n  - conda-forge\ndependencies:\n  - python={python}\n  - {pip}\n  - pip:\n      - mlflow==2.17.0\n";

    [Test]
    public void A_pip_too_old_for_the_python_is_reported_on_the_pip_entry()
    {
        var findings = Lint.Findings(("env.yml", Spec("3.12.7", "pip=20.2.4"))).Only(PipIncompatibleWithPython.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:5:5-5:15" }));
    }

    [Test]
    public void A_pip_that_runs_on_the_python_is_fine()
    {
        Assert.That(Lint.Findings(("env.yml", Spec("3.12.7", "pip=26.0.1"))).Only(PipIncompatibleWithPython.Rule), Is.Empty);
    }
}
