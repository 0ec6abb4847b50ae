using PipelineGuard.Rules.Documents;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Documents;

public sealed class MissingReferencedFileTests
{
    [Test]
    public void Pg114_reports_a_missing_conda_file_on_its_value()
    {
        var findings = Lint.Findings(("env.yml", "name: e\nimage: python:3.11.9\nconda_file: conda.yml\n"));
        Assert.That(findings.Only(MissingReferencedFile.Rule).Places(), Is.EqualTo(new[] { "env.yml:3:13-3:22" }));
    }

    [Test]
    public void Pg114_reports_a_path_that_leaves_the_root()
    {
        var fs = Lint.Repo(("env.yml", "name: e\nimage: python:3.11.9\nconda_file: ../../etc/conda.yml\n"));
        fs.Add("/etc/conda.yml", "dependencies: [python=3.11.9]\n");
        var findings = Lint.Run(fs).Findings.Only(MissingReferencedFile.Rule);
        Assert.That(findings.Single().Message, Does.Contain("outside the repository root"));
    }

    [Test]
    public void Pg114_reports_a_missing_build_context_and_a_missing_dockerfile()
    {
        var fs = Lint.Repo(
            ("a/env.yml", "name: a\nbuild:\n  path: ctx\n"),
            ("b/env.yml", "name: b\nbuild:\n  path: ctx\n  dockerfile_path: docker/Dockerfile\n"),
            ("b/ctx/requirements.txt", "numpy==1.26.4\n"));
        var findings = Lint.Run(fs).Findings.Only(MissingReferencedFile.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "a/env.yml:3:9-3:12", "b/env.yml:4:20-4:37" }));
    }

    [TestCase("conda_file: \"{{conda_file}}\"")]
    [TestCase("build:\n  path: \"{{image.context.path}}\"\n  dockerfile_path: \"{{image.dockerfile.path}}\"")]
    [TestCase("build:\n  path: https://github.com/Azure/azureml-examples.git#main:cli/assets")]
    public void Pg114_leaves_templates_and_urls_alone(string yaml)
    {
        var findings = Lint.Findings(("spec.yaml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: e\n" + yaml + "\n"));
        Assert.That(findings.Only(MissingReferencedFile.Rule), Is.Empty);
    }
}
