using PipelineGuard.Model;

namespace PipelineGuard.Tests.Online;

[CancelAfter(30_000)]
public sealed class PackageNotOnIndexTests
{
    private static FakeIndexServer Index(bool htmlOnly = false)
    {
        var pypi = new FakePypi { HtmlOnly = htmlOnly }.With("torchvision", new FakeFile("torchvision-0.15.2-cp310-cp310-manylinux1_x86_64.whl"));
        return new FakeIndexServer(pypi.Answer);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_misspelt_package_is_reported_on_its_name(bool htmlOnly)
    {
        using var server = Index(htmlOnly);
        var findings = OnlineRun.Findings(server, ("requirements.txt", "numpy\ntorchvison==0.15.2\n"));
        var pg201 = findings.Where(f => f.RuleId == "PG201").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pg201.Select(f => f.Span.ToString()), Is.EquivalentTo(new[] { "requirements.txt:1:1-1:6", "requirements.txt:2:1-2:11" }));
            Assert.That(pg201[1].Message, Does.Contain("'torchvison' is not on the index " + server.BaseUrl + "/simple"));
            Assert.That(pg201.All(f => f.Severity == Severity.Error));
        });
    }

    [Test]
    public void A_package_the_index_has_gives_nothing()
    {
        using var server = Index();
        Assert.That(OnlineRun.Findings(server, ("requirements.txt", "torchvision==0.15.2\n")).Where(f => f.RuleId == "PG201"), Is.Empty);
    }

    [Test]
    public void Names_are_looked_up_normalised_as_pep_503_says()
    {
        using var server = Index();
        OnlineRun.Findings(server, ("requirements.txt", "TorchVision==0.15.2\n"));
        Assert.That(server.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/simple/torchvision/" }));
    }

    [Test]
    public void A_package_on_an_extra_index_is_found_there()
    {
        using var server = Index();
        using var extra = new FakeIndexServer(new FakePypi().With("private-lib", new FakeFile("private_lib-1.0-py3-none-any.whl")).Answer);
        var findings = OnlineRun.Findings(server, ("requirements.txt", $"--extra-index-url {extra.BaseUrl}/simple\nprivate-lib==1.0\n"));
        Assert.That(findings.Where(f => f.RuleId == "PG201"), Is.Empty);
    }

    [Test]
    public void The_environments_own_index_url_replaces_the_default_index()
    {
        using var server = Index();
        using var own = new FakeIndexServer(new FakePypi().Answer);
        var findings = OnlineRun.Findings(server, ("requirements.txt", $"--index-url {own.BaseUrl}/simple\ntorchvision==0.15.2\n"));
        Assert.Multiple(() =>
        {
            Assert.That(findings.Single(f => f.RuleId == "PG201").Message, Does.Contain(own.BaseUrl));
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public void Find_links_urls_paths_and_variables_are_not_looked_up()
    {
        using var server = Index();
        var findings = OnlineRun.Findings(server,
            ("a/requirements.txt", "--find-links ./wheels\nlocal-only==1.0\n"),
            ("b/requirements.txt", "./pkg\nhttps://example.com/x-1.0.tar.gz\n${LIB}==1.0\n-e ./src\n"));
        Assert.Multiple(() =>
        {
            Assert.That(findings, Is.Empty);
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public void A_pip_list_of_a_conda_spec_is_checked_on_its_entry()
    {
        using var server = Index();
        var findings = OnlineRun.Findings(server, ("conda.yml", "name: t\ndependencies:\n  - python=3.10\n  - pip:\n      - azureml-samples==0+unknown\n"));
        Assert.That(findings.Single(f => f.RuleId == "PG201").Span.ToString(), Is.EqualTo("conda.yml:5:9-5:24"));
    }
}
