using PipelineGuard.Rules.Documents;
using PipelineGuard.Rules.Environment;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules;

public sealed class EnvironmentRulesTests
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

    [Test]
    public void Pg113_points_at_the_parser_position_and_the_run_goes_on()
    {
        var findings = Lint.Findings(
            ("broken/conda.yml", "name: x\ndependencies:\n  - python=3.11\n    bad: [\n"),
            ("good/conda.yml", "dependencies:\n  - pip:\n      - requests==2.32.3\n"));
        Assert.Multiple(() =>
        {
            Assert.That(findings.Only(InvalidDocument.Rule).Select(f => (f.Span.File, f.Span.Line)), Is.EqualTo(new[] { ("broken/conda.yml", 4) }));
            Assert.That(findings.Where(f => f.Span.File == "good/conda.yml"), Is.Not.Empty);
        });
    }

    [TestCase("dependencies: numpy\n", 1, 15, "'dependencies' must be a list")]
    [TestCase("dependencies:\n  - {pip: numpy}\n", 2, 11, "'pip' must be a list")]
    [TestCase("dependencies:\n  - pip:\n      - {requests: 2}\n", 3, 9, "a pip entry must be a string")]
    [TestCase("channels: conda-forge\ndependencies:\n  - numpy\n", 1, 11, "'channels' must be a list")]
    [TestCase("dependencies:\n  - [numpy]\n", 2, 5, "a dependency must be")]
    public void Pg113_reports_wrong_shapes_of_a_conda_spec(string yaml, int line, int column, string message)
    {
        var finding = Lint.Findings(("conda.yml", yaml)).Only(InvalidDocument.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That((finding.Span.Line, finding.Span.Column), Is.EqualTo((line, column)));
            Assert.That(finding.Message, Does.Contain(message));
        });
    }

    [Test]
    public void Pg113_reports_invalid_json_of_a_v1_environment_with_its_position()
    {
        var finding = Lint.Findings(("azureml_environment.json", "{\n  \"name\": \"x\",\n  \"python\": {,}\n}\n")).Only(InvalidDocument.Rule).Single();
        Assert.That((finding.Span.Line, finding.Span.Column), Is.EqualTo((3, 14)));
    }

    [Test]
    public void Pg113_reports_a_duplicate_key()
    {
        var finding = Lint.Findings(("conda.yml", "name: a\nname: b\ndependencies: [numpy]\n")).Only(InvalidDocument.Rule).Single();
        Assert.That((finding.Span.Line, finding.Message), Is.EqualTo((2, "invalid YAML: duplicate key 'name'; Azure ML cannot use this file until it is fixed.")));
    }
}
