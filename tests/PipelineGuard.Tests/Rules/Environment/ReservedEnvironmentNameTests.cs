using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Environment;

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
