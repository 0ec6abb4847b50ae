using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Environment;

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
