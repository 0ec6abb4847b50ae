using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Environment;

public sealed class UserManagedDependenciesConflictTests
{
    private static string V1(string python, string docker = "\"docker\": {\"baseImage\": \"myacr.azurecr.io/train:1.0\"}") =>
        "{\n  \"name\": \"train\",\n  \"python\": " + python + ",\n  " + docker + "\n}\n";

    [Test]
    public void Pg105_user_managed_with_conda_dependencies_points_at_the_flag()
    {
        var json = V1("{\"userManagedDependencies\": true, \"condaDependencies\": {\"dependencies\": [\"python=3.11.9\"]}}");
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(UserManagedDependenciesConflict.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "azureml_environment.json:3:41-3:45" }));
        Assert.That(findings[0].Message, Does.Contain("ignores the conda dependencies"));
    }

    [Test]
    public void Pg105_user_managed_without_a_custom_image()
    {
        var json = V1("{\"userManagedDependencies\": true}", "\"docker\": {\"baseImage\": null}");
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(UserManagedDependenciesConflict.Rule);
        Assert.That(findings.Select(f => f.Message), Has.One.Contains("no custom base image"));
    }

    [Test]
    public void Pg105_interpreter_path_without_user_managed_points_at_the_path()
    {
        var json = V1("{\"userManagedDependencies\": false, \"interpreterPath\": \"/opt/venv/bin/python\"}");
        var findings = Lint.Findings(("azureml_environment.json", json)).Only(UserManagedDependenciesConflict.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "azureml_environment.json:3:67-3:89" }));
    }

    [TestCase("{\"userManagedDependencies\": true, \"interpreterPath\": \"/opt/venv/bin/python\"}")]
    [TestCase("{\"userManagedDependencies\": false, \"interpreterPath\": \"python\", \"condaDependencies\": {\"dependencies\": [\"python=3.11.9\"]}}")]
    [TestCase("{\"userManagedDependencies\": false}")]
    public void Pg105_is_quiet_on_consistent_definitions(string python)
    {
        Assert.That(Lint.Findings(("azureml_environment.json", V1(python))).Only(UserManagedDependenciesConflict.Rule), Is.Empty);
    }
}
