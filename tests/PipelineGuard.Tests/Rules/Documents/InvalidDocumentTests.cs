using PipelineGuard.Rules.Documents;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Documents;

public sealed class InvalidDocumentTests
{
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
