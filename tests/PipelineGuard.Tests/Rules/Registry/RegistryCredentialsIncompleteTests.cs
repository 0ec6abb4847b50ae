using PipelineGuard.Rules.Registry;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Registry;

public sealed class RegistryCredentialsIncompleteTests
{
    private static IReadOnlyList<PipelineGuard.Model.Finding> Check(string registry) =>
        Lint.Findings(("azureml_environment.json",
            "{\"name\": \"e\", \"docker\": {\"baseImage\": \"myacr.azurecr.io/t:1\", \"baseImageRegistry\": " + registry + "}}")).Only(RegistryCredentialsIncomplete.Rule);

    [TestCase("{\"username\": \"u\", \"password\": null}", "but no password")]
    [TestCase("{\"username\": null, \"password\": \"${P}\"}", "but no username")]
    [TestCase("{\"username\": \"u\", \"password\": \"${P}\", \"registryIdentity\": {\"clientId\": \"c\", \"resourceId\": \"r\"}}", "both username/password and a registryIdentity")]
    public void Incomplete_or_mixed_credentials_are_reported(string registry, string message)
    {
        Assert.That(Check(registry).Single().Message, Does.Contain(message));
    }

    [TestCase("{\"username\": \"u\", \"password\": \"${P}\"}")]
    [TestCase("{\"registryIdentity\": {\"clientId\": \"c\", \"resourceId\": \"r\"}}")]
    [TestCase("{\"address\": null, \"username\": null, \"password\": null, \"registryIdentity\": null}")]
    public void Complete_credentials_are_fine(string registry)
    {
        Assert.That(Check(registry), Is.Empty);
    }
}
