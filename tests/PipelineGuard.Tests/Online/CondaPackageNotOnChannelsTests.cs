using PipelineGuard.Model;

namespace PipelineGuard.Tests.Online;

[CancelAfter(30_000)]
public sealed class CondaPackageNotOnChannelsTests
{
    private static readonly FakeChannel CondaForge = new FakeChannel("conda-forge")
        .With("python", "3.10.14").With("python", "3.11.9")
        .With("libcxx", "16.0.6").With("libcxx", "17.0.6")
        .With("pip", "24.0", "noarch")
        .With("numpy", "1.26.4");

    private static readonly FakeChannel Pytorch = new FakeChannel("pytorch").With("pytorch", "2.1.0");

    private static FakeIndexServer Server() => new(r => CondaForge.Answer(r) ?? Pytorch.Answer(r) ?? IndexAnswer.NotFound);

    private static string Spec(string channels, params string[] dependencies) =>
        $"name: t\nchannels:\n{channels}dependencies:\n" + string.Concat(dependencies.Select(d => $"  - {d}\n"));

    private static IReadOnlyList<Finding> Findings(FakeIndexServer server, string spec) =>
        OnlineRun.Findings(server, ("conda.yml", spec)).Where(f => f.RuleId == "PG204").ToList();

    [Test]
    public void A_pin_the_channel_never_had_is_reported_on_the_whole_dependency()
    {
        using var server = Server();
        var finding = Findings(server, Spec("  - conda-forge\n", "python=3.10", "libcxx=10.0.0")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("conda.yml:6:5-6:18"));
            Assert.That(finding.Message, Does.Contain("no version of libcxx on conda-forge").And.Contain("17.0.6"));
        });
    }

    [Test]
    public void A_package_on_no_channel_is_reported_on_its_name()
    {
        using var server = Server();
        var finding = Findings(server, Spec("  - conda-forge\n", "numpyy=1.26")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("conda.yml:5:5-5:11"));
            Assert.That(finding.Message, Does.Contain("'numpyy' is on none of the channels conda-forge"));
        });
    }

    [Test]
    public void Packages_and_versions_the_channels_have_give_nothing_noarch_included()
    {
        using var server = Server();
        Assert.That(Findings(server, Spec("  - pytorch\n  - conda-forge\n", "python=3.11", "pip=24.0", "pytorch=2.1.0", "numpy", "libcxx>=16", "__cuda")), Is.Empty);
    }

    [Test]
    public void The_current_repodata_is_enough_when_it_has_every_pin()
    {
        using var server = Server();
        Findings(server, Spec("  - conda-forge\n", "python=3.11", "numpy=1.26.4"));
        Assert.That(server.Requests.Select(r => r.Path).Where(p => p.StartsWith("/conda/", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "/conda/conda-forge/linux-64/current_repodata.json", "/conda/conda-forge/noarch/current_repodata.json" }));
    }

    [Test]
    public void An_older_pin_is_looked_up_in_the_full_repodata()
    {
        using var server = Server();
        Assert.That(Findings(server, Spec("  - conda-forge\n", "python=3.10.14")), Is.Empty, "3.10.14 is not the newest, so only repodata.json has it");
    }

    [Test]
    public void A_channel_written_on_the_dependency_is_the_only_one_searched()
    {
        using var server = Server();
        Assert.That(Findings(server, Spec("  - conda-forge\n", "pytorch::numpy=1.26.4")).Single().Message, Does.Contain("on none of the channels pytorch"));
    }

    [TestCase("  - defaults\n")]
    [TestCase("  - conda-forge\n  - defaults\n")]
    [TestCase("")]
    public void Specs_that_use_defaults_or_no_channel_are_not_verified(string channels)
    {
        using var server = Server();
        var spec = channels.Length == 0 ? "name: t\ndependencies:\n  - libcxx=10.0.0\n" : Spec(channels, "libcxx=10.0.0");
        Assert.Multiple(() =>
        {
            Assert.That(Findings(server, spec), Is.Empty);
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public void An_unreachable_channel_gives_the_notice_and_no_finding()
    {
        using var server = new FakeIndexServer(_ => new IndexAnswer(503, "down"));
        var (outcome, _) = OnlineRun.Verify(OnlineRun.Workspace(("conda.yml", Spec("  - conda-forge\n", "libcxx=10.0.0"))), OnlineRun.Options(server));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Findings, Is.Empty);
            Assert.That(outcome.Notices.Single(), Does.Contain("not verified: conda packages libcxx"));
        });
    }
}
