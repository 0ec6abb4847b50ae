using PipelineGuard.Rules.Python;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Python;

public sealed class PythonVersionUnsupportedTests
{
    // The tests run on a fixed day, 2026-11-28 (Support/FixedClock.cs).
    [TestCase("python=2.7", true)]
    [TestCase("python=3.6", true)]
    [TestCase("python=3.8.13", true)]
    [TestCase("python==3.9.19", true)]
    [TestCase("python=3.10", true)]
    [TestCase("python=3.11", false)]
    [TestCase("python=3.12", false)]
    [TestCase("python=3.14", false)]
    [TestCase("python>=3.8", false)]
    [TestCase("python", false)]
    public void End_of_life_versions_are_reported_on_the_day_of_the_run(string python, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"channels: [defaults]\ndependencies:\n  - {python}\n")).Only(PythonVersionUnsupported.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:3:5-3:{5 + python.Length}" } : Array.Empty<string>()));
    }

    [Test]
    public void A_version_near_its_end_of_life_is_reported_with_the_date()
    {
        var fs = Lint.Repo(("env.yml", "dependencies:\n  - python=3.11\n"));
        var result = new PipelineGuard.Engine.Checker(fs, new FixedClock(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)))
            .Run(new PipelineGuard.Engine.CheckOptions([]));
        Assert.That(result.Findings.Only(PythonVersionUnsupported.Rule).Single().Message, Does.Contain("reaches its end of life on 2027-10-31"));
    }

    [Test]
    public void A_range_of_one_minor_is_judged_as_that_minor_by_pg124()
    {
        var findings = Lint.Findings(("env.yml", "channels: [defaults]\ndependencies:\n  - python>=3.8,<3.9\n")).Only(PythonVersionUnsupported.Rule);
        Assert.That(findings.Single().Message, Does.Contain("Python 3.8 reached its end of life"));
    }
}
