using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class ChannelsMissingTests
{
    [TestCase("name: e\ndependencies:\n  - python=3.11\n", "env.yml:2:1-2:13")]
    [TestCase("channels: []\ndependencies:\n  - python=3.11\n", "env.yml:1:1-1:9")]
    [TestCase("channels:\ndependencies:\n  - python=3.11\n", "env.yml:1:1-1:9")]
    public void A_spec_without_channels_is_reported(string yaml, string place)
    {
        Assert.That(Lint.Findings(("env.yml", yaml)).Only(ChannelsMissing.Rule).Places(), Is.EqualTo(new[] { place }));
    }

    [TestCase("channels: [conda-forge]\ndependencies:\n  - python=3.11\n")]
    [TestCase("dependencies:\n  - pip:\n      - numpy==1.26.4\n")]
    public void Channels_given_or_nothing_from_conda_is_fine(string yaml)
    {
        Assert.That(Lint.Findings(("env.yml", yaml)).Only(ChannelsMissing.Rule), Is.Empty);
    }
}
