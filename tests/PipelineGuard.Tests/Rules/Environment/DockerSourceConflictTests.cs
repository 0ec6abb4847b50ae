using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Environment;

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
