using PipelineGuard.Model;

namespace PipelineGuard.Tests.Online;

[CancelAfter(30_000)]
public sealed class NoCompatibleDistributionTests
{
    private static FakeIndexServer Index() => new(new FakePypi()
        .With("numpy",
            new FakeFile("numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", ">=3.9"),
            new FakeFile("numpy-1.26.4-cp310-cp310-win_amd64.whl", ">=3.9"),
            new FakeFile("numpy-1.26.4.tar.gz", ">=3.9"))
        .With("legacy", new FakeFile("legacy-1.0-cp27-cp27mu-manylinux1_x86_64.whl"), new FakeFile("legacy-1.0-cp310-cp310-win_amd64.whl"))
        .With("fresh", new FakeFile("fresh-3.0-py3-none-any.whl", ">=3.11"), new FakeFile("fresh-3.0.tar.gz", ">=3.11"))
        .With("sdistonly", new FakeFile("sdistonly-0.4.tar.gz"))
        .With("native", new FakeFile("native-2.0-cp38-abi3-manylinux_2_28_x86_64.whl"), new FakeFile("native-2.0-cp38-abi3-manylinux_2_39_x86_64.whl"))
        .Answer);

    private static string Spec(string python, string requirement) =>
        $"name: t\nchannels:\n  - conda-forge\ndependencies:\n  - python={python}\n  - pip=24.0\n  - pip:\n      - {requirement}\n";

    private static IReadOnlyList<Finding> Findings(string python, string requirement)
    {
        using var server = Index();
        return OnlineRun.Findings(server, ("conda.yml", Spec(python, requirement))).Where(f => f.RuleId == "PG203").ToList();
    }

    [TestCase("3.10", "numpy==1.26.4")]
    [TestCase("3.11", "native==2.0")]
    [TestCase("3.12", "fresh==3.0")]
    public void A_wheel_for_the_python_and_platform_gives_nothing(string python, string requirement) =>
        Assert.That(Findings(python, requirement), Is.Empty);

    [Test]
    public void Wheels_only_for_other_targets_and_no_sdist_are_an_error()
    {
        var finding = Findings("3.10", "legacy==1.0").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
            Assert.That(finding.Span.ToString(), Is.EqualTo("conda.yml:8:9-8:20"));
            Assert.That(finding.Message, Does.Contain("no wheel for Python 3.10 on manylinux_2_35_x86_64 and no sdist"));
        });
    }

    [Test]
    public void Requires_python_that_excludes_the_environments_python_is_an_error()
    {
        var finding = Findings("3.10", "fresh==3.0").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
            Assert.That(finding.Message, Does.Contain("requires Python '>=3.11'").And.Contain("Python 3.10"));
        });
    }

    [TestCase("3.8", "numpy==1.26.4")]
    [TestCase("3.10", "sdistonly==0.4")]
    public void Only_an_sdist_for_the_python_is_a_notice(string python, string requirement)
    {
        var findings = Findings(python, requirement);
        if (requirement.StartsWith("numpy", StringComparison.Ordinal))
        {
            // numpy 1.26.4 requires >=3.9: on 3.8 nothing installs, an error; the sdist case is the cp311 one below.
            Assert.That(findings.Single().Severity, Is.EqualTo(Severity.Error));
            return;
        }

        Assert.That(findings.Single().Severity, Is.EqualTo(Severity.Notice));
    }

    [Test]
    public void A_wheel_for_another_cpython_with_an_sdist_beside_it_is_a_notice()
    {
        var finding = Findings("3.11", "numpy==1.26.4").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(Severity.Notice));
            Assert.That(finding.Message, Does.Contain("only an sdist"));
        });
    }

    [Test]
    public void A_wheel_for_a_newer_glibc_than_the_platform_does_not_count()
    {
        // native 2.0: manylinux_2_28 (fits glibc 2.35) and 2_39 (does not); with the 2_28 one it installs.
        Assert.That(Findings("3.11", "native==2.0"), Is.Empty);
    }

    [Test]
    public void Without_a_python_pin_nothing_is_judged()
    {
        using var server = Index();
        Assert.That(OnlineRun.Findings(server, ("requirements.txt", "legacy==1.0\n")).Where(f => f.RuleId == "PG203"), Is.Empty);
    }

    [TestCase(">=3.8.1", "3.8", null, true)]
    [TestCase(">=3.8.1", "3.8", "3.8.0", false)]
    [TestCase("<3.8", "3.8", null, false)]
    [TestCase("not a specifier", "3.8", null, true)]
    public void Requires_python_is_judged_on_the_pinned_minor(string requires, string python, string? full, bool runs)
    {
        var parts = python.Split('.');
        Assert.That(PipelineGuard.Online.Rules.NoCompatibleDistribution.RunsOn(requires, (int.Parse(parts[0]), int.Parse(parts[1])), full), Is.EqualTo(runs));
    }
}
