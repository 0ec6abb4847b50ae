using PipelineGuard.Rules.Python;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Python;

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
