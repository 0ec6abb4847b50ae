using PipelineGuard.Rules.Python;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Python;

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
    public void User_managed_environments_are_not_checked()
    {
        var json = "{\"name\": \"e\", \"python\": {\"userManagedDependencies\": true, \"condaDependencies\": {\"dependencies\": [\"numpy=1.26.4\"]}}, \"docker\": {\"baseImage\": \"x:1\"}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(PythonUnpinned.Rule), Is.Empty);
    }
}
