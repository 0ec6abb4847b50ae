using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Environment;

public sealed class DeprecatedDockerSettingTests
{
    [Test]
    public void Settings_away_from_their_defaults_are_reported_on_their_keys()
    {
        var json = "{\"name\": \"e\", \"docker\": {\"enabled\": true, \"baseImage\": \"a:1\", \"sharedVolumes\": false, \"arguments\": [\"--ipc=host\"], \"shmSize\": \"16g\", \"gpuSupport\": true}}";
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(DeprecatedDockerSetting.Rule);
        Assert.That(findings.Select(f => f.Message.Split(' ')[0]), Is.EquivalentTo(new[] { "docker.enabled", "docker.sharedVolumes", "docker.arguments", "docker.shmSize", "docker.gpuSupport" }));
    }

    [TestCase("null")]
    [TestCase("\"2g\"")]
    public void The_sdk_scaffold_defaults_are_fine(string shmSize)
    {
        var json = "{\"name\": \"e\", \"docker\": {\"enabled\": false, \"baseImage\": \"a:1\", \"sharedVolumes\": true, \"arguments\": [], \"shmSize\": " + shmSize + "}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(DeprecatedDockerSetting.Rule), Is.Empty);
    }
}
