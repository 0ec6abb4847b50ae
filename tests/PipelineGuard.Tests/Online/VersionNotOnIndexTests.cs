using PipelineGuard.Model;

namespace PipelineGuard.Tests.Online;

[CancelAfter(30_000)]
public sealed class VersionNotOnIndexTests
{
    private static FakeIndexServer Index() => new(new FakePypi()
        .With("mlflow-skinny",
            new FakeFile("mlflow_skinny-2.16.0-py3-none-any.whl"), new FakeFile("mlflow_skinny-2.16.0.tar.gz"),
            new FakeFile("mlflow_skinny-2.17.0-py3-none-any.whl"), new FakeFile("mlflow_skinny-2.17.0.tar.gz"))
        .With("azureml-core", new FakeFile("azureml-core-1.38.0.tar.gz"), new FakeFile("azureml_core-1.38.0-py3-none-any.whl"))
        .With("oldlib", new FakeFile("oldlib-1.0-py3-none-any.whl", Yanked: true), new FakeFile("oldlib-1.1-py3-none-any.whl"))
        .Answer);

    [Test]
    public void A_pinned_version_the_index_lacks_is_an_error_on_the_requirement_naming_what_exists()
    {
        using var server = Index();
        var finding = OnlineRun.Findings(server, ("requirements.txt", "mlflow-skinny==9.9.9\n")).Single(f => f.RuleId == "PG202");
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("requirements.txt:1:1-1:21"));
            Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
            Assert.That(finding.Message, Does.Contain("mlflow-skinny 9.9.9 is not on the index").And.Contain("2.16.0, 2.17.0"));
        });
    }

    [TestCase("mlflow-skinny==2.17.0")]
    [TestCase("mlflow-skinny==2.17")]
    [TestCase("mlflow-skinny>=9")]
    [TestCase("azureml-core==1.38.0")]
    public void A_version_the_index_has_or_no_exact_pin_gives_nothing(string requirement)
    {
        using var server = Index();
        Assert.That(OnlineRun.Findings(server, ("requirements.txt", requirement + "\n")), Is.Empty);
    }

    [Test]
    public void A_yanked_pin_is_a_warning()
    {
        using var server = Index();
        var finding = OnlineRun.Findings(server, ("requirements.txt", "oldlib==1.0\n")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("PG202"));
            Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(finding.Message, Does.Contain("yanked"));
        });
    }

    [Test]
    public void A_package_missing_from_the_index_is_PG201s_not_PG202s()
    {
        using var server = Index();
        var findings = OnlineRun.Findings(server, ("requirements.txt", "nosuch==1.0\n"));
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG201" }));
    }
}
