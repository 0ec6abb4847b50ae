using PipelineGuard.Cli;
using PipelineGuard.Rules.Registry;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Registry;

public sealed class PlaintextRegistryCredentialsTests
{
    private static string V1(string registry) =>
        "{\n  \"name\": \"e\",\n  \"docker\": {\n    \"baseImage\": \"myacr.azurecr.io/train:1.0\",\n    \"baseImageRegistry\": " + registry + "\n  }\n}\n";

    [Test]
    public void A_registry_password_is_reported_on_the_value_and_never_printed()
    {
        const string Json = "{\"address\": \"myacr.azurecr.io\", \"username\": \"myacr\", \"password\": \"Sup3rS3cret\"}";
        var fs = Lint.Repo(("azureml_environment.json", V1(Json)));
        var finding = Lint.Run(fs).Findings.Only(PlaintextRegistryCredentials.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Span.ToString(), Is.EqualTo("azureml_environment.json:5:91-5:104"));
            Assert.That(finding.Message, Does.Not.Contain("Sup3rS3cret"));
        });

        foreach (var format in new[] { "text", "json" })
        {
            var stdout = new StringWriter();
            CliApp.Run(["check", "--format", format], new CliConsole(stdout, new StringWriter(), _ => null, false, fs, FixedClock.SessionDay));
            Assert.That(stdout.ToString(), Does.Not.Contain("Sup3rS3cret"), format);
        }
    }

    [TestCase("https://build:AbCdEf123@pkgs.dev.azure.com/org/_packaging/feed/pypi/simple/", "AbCdEf123")]
    [TestCase("https://ghp_0123456789abcdef@pypi.example.com/simple", "ghp_0123456789abcdef")]
    public void A_token_in_an_index_url_is_reported_and_masked(string url, string secret)
    {
        var fs = Lint.Repo(("requirements.txt", $"--extra-index-url {url}\nnumpy==1.26.4\n"));
        var finding = Lint.Run(fs).Findings.Only(PlaintextRegistryCredentials.Rule).Single();
        var stdout = new StringWriter();
        CliApp.Run(["check"], new CliConsole(stdout, new StringWriter(), _ => null, false, fs, FixedClock.SessionDay));
        Assert.Multiple(() =>
        {
            Assert.That(finding.Message, Does.Not.Contain(secret));
            Assert.That(finding.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Warning), "pip uses the token: the build passes");
            Assert.That(stdout.ToString(), Does.Not.Contain(secret));
            Assert.That(stdout.ToString(), Does.Contain("***@"));
        });
    }

    [TestCase("{\"address\": null, \"username\": null, \"password\": null}")]
    [TestCase("{\"address\": \"myacr.azurecr.io\", \"username\": \"myacr\", \"password\": \"${ACR_PASSWORD}\"}")]
    public void Empty_or_referenced_passwords_are_fine(string registry)
    {
        Assert.That(Lint.Findings(("azureml_environment.json", V1(registry))).Only(PlaintextRegistryCredentials.Rule), Is.Empty);
    }

    [Test]
    public void Index_urls_without_credentials_are_fine()
    {
        Assert.That(Lint.Findings(("requirements.txt", "--index-url https://pypi.org/simple\nnumpy==1.26.4\n")).Only(PlaintextRegistryCredentials.Rule), Is.Empty);
    }
}
