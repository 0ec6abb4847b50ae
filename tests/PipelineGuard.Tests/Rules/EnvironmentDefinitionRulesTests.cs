using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

public sealed class ReservedEnvironmentNameTests
{
    [TestCase("AzureML-sklearn")]
    [TestCase("azureml-custom")]
    [TestCase("Microsoft.Train")]
    public void Reserved_prefixes_are_reported_on_the_name(string name)
    {
        var findings = Lint.Findings(("env.yml", $"name: {name}\nimage: python:3.11.9\n")).Only(ReservedEnvironmentName.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { $"env.yml:1:7-1:{7 + name.Length}" }));
    }

    [Test]
    public void Names_over_255_characters_are_reported()
    {
        var name = new string('a', 256);
        Assert.That(Lint.Findings(("env.yml", $"name: {name}\nimage: python:3.11.9\n")).Only(ReservedEnvironmentName.Rule).Single().Message, Does.Contain("256 characters"));
    }

    [TestCase("env.yml", "name: my-azureml-env\nimage: python:3.11.9\n")]
    [TestCase("conda.yml", "name: AzureML-like-conda-env\nchannels: [defaults]\ndependencies: [python=3.11]\n")]
    public void Other_names_and_conda_env_names_are_fine(string file, string yaml)
    {
        Assert.That(Lint.Findings((file, yaml)).Only(ReservedEnvironmentName.Rule), Is.Empty);
    }
}

public sealed class DockerSourceConflictTests
{
    [Test]
    public void Image_and_build_together_are_reported_on_the_second()
    {
        var fs = Lint.Repo(("env.yml", "name: e\nimage: python:3.11.9\nbuild:\n  path: ctx\n"), ("ctx/Dockerfile", "FROM python:3.11.9\n"));
        Assert.That(Lint.Run(fs).Findings.Only(DockerSourceConflict.Rule).Places(), Is.EqualTo(new[] { "env.yml:3:1-3:6" }));
    }

    [Test]
    public void Conda_file_with_build_is_reported_on_conda_file()
    {
        var fs = Lint.Repo(("env.yml", "name: e\nbuild:\n  path: ctx\nconda_file: conda.yml\n"), ("ctx/Dockerfile", "FROM python:3.11.9\n"), ("conda.yml", "dependencies: [python=3.11]\n"));
        var finding = Lint.Run(fs).Findings.Only(DockerSourceConflict.Rule).Single();
        Assert.That(finding.Span.ToString(), Is.EqualTo("env.yml:4:1-4:11"));
    }

    [Test]
    public void A_v1_environment_needs_exactly_one_source()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Lint.Findings(("azureml_environment.json", "{\"name\": \"e\", \"docker\": null, \"python\": {\"userManagedDependencies\": false}}"))
                .Only(DockerSourceConflict.Rule).Single().Message, Does.Contain("has no 'docker' section"));
            Assert.That(Lint.Findings(("azureml_environment.json", "{\"name\": \"e\", \"docker\": {\"baseImage\": null}}"))
                .Only(DockerSourceConflict.Rule).Single().Message, Does.Contain("names no Docker source"));
            Assert.That(Lint.Findings(("azureml_environment.json", "{\"name\": \"e\", \"docker\": {\"baseImage\": \"a:1\", \"baseDockerfile\": \"FROM a:1\"}}"))
                .Only(DockerSourceConflict.Rule), Has.Count.EqualTo(1));
            Assert.That(Lint.Findings(("azureml_environment.json", "{\"name\": \"e\", \"docker\": {\"baseImage\": \"a:1\", \"baseDockerfile\": null, \"buildContext\": null}}"))
                .Only(DockerSourceConflict.Rule), Is.Empty);
        });
    }

    [Test]
    public void A_v1_environment_without_a_docker_key_builds_on_the_default_image()
    {
        var json = "{\"name\": \"e\", \"python\": {\"userManagedDependencies\": false, \"condaDependencies\": " +
            "{\"channels\": [\"defaults\"], \"dependencies\": [\"python=3.11\"]}}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(DockerSourceConflict.Rule), Is.Empty);
    }

    [Test]
    public void An_inline_environment_with_only_a_conda_file_is_reported()
    {
        var fs = Lint.Repo(("job.yml", "command: python x.py\nenvironment:\n  conda_file: conda.yml\n"), ("conda.yml", "dependencies: [python=3.11]\n"));
        Assert.That(Lint.Run(fs).Findings.Only(DockerSourceConflict.Rule).Single().Message, Does.Contain("names no Docker source"));
    }
}

public sealed class BaseCondaEnvironmentTests
{
    [Test]
    public void Base_conda_environment_is_reported_on_its_value()
    {
        var json = "{\"name\": \"e\", \"python\": {\"baseCondaEnvironment\": \"/opt/conda/envs/base\"}, \"docker\": {\"baseImage\": \"a:1\"}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(BaseCondaEnvironment.Rule).Places(), Is.EqualTo(new[] { "azureml_environment.json:1:50-1:72" }));
    }

    [Test]
    public void Null_is_fine()
    {
        var json = "{\"name\": \"e\", \"python\": {\"baseCondaEnvironment\": null}, \"docker\": {\"baseImage\": \"a:1\"}}";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(BaseCondaEnvironment.Rule), Is.Empty);
    }
}

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
