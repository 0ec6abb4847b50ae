using PipelineGuard.Rules.Python;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

public sealed class PythonUnpinnedTests
{
    [Test]
    public void A_spec_without_python_is_reported_on_the_dependencies_key()
    {
        var findings = Lint.Findings(("env.yml", "channels: [defaults]\ndependencies:\n  - numpy=1.26.4\n")).Only(PythonUnpinned.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:2:1-2:13" }));
    }

    [TestCase("python", true)]
    [TestCase("python>=3.8", true)]
    [TestCase("python 3.8|3.9", true)]
    [TestCase("python=3.11", false)]
    [TestCase("python==3.11.9", false)]
    [TestCase("python 3.11.*", false)]
    [TestCase("python=3.7.3=h510b542_1", false)]
    [TestCase("python>=3.10,<3.11", false)]
    [TestCase("python>=3.10.4,<3.11", false)]
    [TestCase("python~=3.10.4", false)]
    [TestCase("python>=3.14", true)]
    [TestCase("python>=3.10,<3.12", true)]
    public void Python_must_name_one_minor_version(string python, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"channels: [defaults]\ndependencies:\n  - {python}\n")).Only(PythonUnpinned.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:3:5-3:{5 + python.Length}" } : Array.Empty<string>()));
    }

    [TestCase("python>=3.8,<3.11", "e.g. 'python=3.10'")]
    [TestCase("python>=3.8", "e.g. 'python=3.11'")]
    [TestCase("python>=3.12,<3.14", "e.g. 'python=3.12'")]
    [TestCase("python 3.8|3.9", "e.g. 'python=3.9'")]
    public void The_example_is_a_minor_the_range_admits(string python, string example)
    {
        var finding = Lint.Findings(("env.yml", $"channels: [defaults]\ndependencies:\n  - {python}\n")).Only(PythonUnpinned.Rule).Single();
        Assert.That(finding.Message, Does.Contain(example));
    }

    [Test]
    public void A_range_of_one_minor_is_judged_as_that_minor_by_pg124()
    {
        var findings = Lint.Findings(("env.yml", "channels: [defaults]\ndependencies:\n  - python>=3.8,<3.9\n")).Only(PythonVersionUnsupported.Rule);
        Assert.That(findings.Single().Message, Does.Contain("3.8"));
    }

    [Test]
    public void User_managed_environments_are_not_checked()
    {
        var json = "{\"name\": \"e\", \"python\": {\"userManagedDependencies\": true, \"condaDependencies\": {\"dependencies\": [\"numpy=1.26.4\"]}}, \"docker\": {\"baseImage\": \"x:1\"}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(PythonUnpinned.Rule), Is.Empty);
    }
}

public sealed class MultiplePythonVersionsTests
{
    [Test]
    public void The_second_python_is_reported_with_the_first_as_related()
    {
        var finding = Lint.Findings(("env.yml", "dependencies:\n  - python=3.10\n  - numpy=1.26.4\n  - python=3.11\n")).Only(MultiplePythonVersions.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("env.yml:4:5-4:16"));
            Assert.That(finding.Related.Single().Span.Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void One_python_is_fine()
    {
        Assert.That(Lint.Findings(("env.yml", "dependencies:\n  - python=3.11\n  - pip:\n      - python-dateutil==2.9.0\n")).Only(MultiplePythonVersions.Rule), Is.Empty);
    }
}

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
}
