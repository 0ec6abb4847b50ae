using PipelineGuard.Rules.Documents;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Documents.Tree;

/// <summary>Azure ML reads a v1 azureml_environment.json with Python's json module: what it refuses is a PG113 here, on its place.</summary>
public sealed class JsonStrictnessTests
{
    private const string Docker = "\"docker\": {\"baseImage\": \"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\"}";

    [TestCase("{\n  \"name\": \"e\",\n  \"python\": {\"userManagedDependencies\": false,},\n  " + Docker + "\n}\n", "azureml_environment.json:3:47-3:48", "trailing comma")]
    [TestCase("{\n  \"name\": \"e\",\n  " + Docker + ",\n}\n", "azureml_environment.json:4:1-4:2", "trailing comma")]
    [TestCase("{\n  // the training environment\n  \"name\": \"e\",\n  " + Docker + "\n}\n", "azureml_environment.json:2:3-2:4", "a comment")]
    [TestCase("{\n  \"name\": \"e\" /* x */,\n  " + Docker + "\n}\n", "azureml_environment.json:2:15-2:16", "a comment")]
    public void Comments_and_trailing_commas_are_positioned_errors(string json, string place, string words)
    {
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(InvalidDocument.Rule);
        Assert.Multiple(() =>
        {
            Assert.That(findings.Places(), Is.EqualTo(new[] { place }));
            Assert.That(findings[0].Message, Does.Contain(words).And.Contain("Python's json module"));
        });
    }

    [Test]
    public void A_strict_v1_file_reads_as_before()
    {
        var json = "{\n  \"name\": \"e\",\n  \"python\": {\"userManagedDependencies\": false},\n  " + Docker + "\n}\n";
        Assert.That(Lint.Findings(("azureml_environment.json", json)).Only(InvalidDocument.Rule), Is.Empty);
    }
}
