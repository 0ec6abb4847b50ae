using PipelineGuard.Environments;
using PipelineGuard.Rules.Documents;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Discovery;

public sealed class RequirementsDiscoveryTests
{
    [Test]
    public void Includes_are_followed_once_and_missing_ones_are_pg114_on_the_path()
    {
        var result = Lint.Run(Lint.Repo(
            ("requirements.txt", "-r base.txt\n-c constraints/pins.txt\n-r missing.txt\nnumpy==1.26.4\n"),
            ("base.txt", "-r requirements.txt\npandas==2.2.3\n"),
            ("constraints/pins.txt", "urllib3==2.2.3\n")));
        var env = result.Workspace.Environments.Single(e => e.Kind == EnvironmentKind.Requirements);
        Assert.Multiple(() =>
        {
            Assert.That(env.Requirements.Select(r => r.Path), Is.EqualTo(new[] { "requirements.txt", "base.txt", "constraints/pins.txt" }));
            Assert.That(result.Findings.Only(MissingReferencedFile.Rule).Places(), Is.EqualTo(new[] { "requirements.txt:3:4-3:15" }));
        });
    }

    [Test]
    public void A_pip_list_include_is_relative_to_the_conda_file()
    {
        var result = Lint.Run(Lint.Repo(
            ("env/conda.yml", "channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=24.2\n  - pip:\n      - -r ../context/requirements.txt\n      - -r nope.txt\n"),
            ("context/requirements.txt", "numpy==1.26.4\n")));
        Assert.Multiple(() =>
        {
            Assert.That(result.Workspace.Environments.Single().Requirements.Select(r => r.Path), Is.EqualTo(new[] { "context/requirements.txt" }));
            Assert.That(result.Findings.Only(MissingReferencedFile.Rule).Places(), Is.EqualTo(new[] { "env/conda.yml:7:12-7:20" }));
        });
    }

    [TestCase("/opt/pins/constraints.txt")]
    [TestCase("C:/build/pins.txt")]
    public void An_absolute_include_names_a_file_where_pip_runs_and_is_not_checked(string path)
    {
        // A conda spec in a Docker context whose Dockerfile copies the constraints file to an absolute path of the image.
        var result = Lint.Run(Lint.Repo(
            ("context/conda.yml", $"channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=24.2\n  - pip:\n      - -c {path}\n      - numpy==1.26.4\n"),
            ("context/Dockerfile", "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\nCOPY pins.txt /opt/pins/constraints.txt\n"),
            ("context/pins.txt", "urllib3==2.2.3\n")));
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Only(MissingReferencedFile.Rule), Is.Empty);
            Assert.That(result.Workspace.References.Single(r => r.What == "-c").Status, Is.EqualTo(ReferenceStatus.NotChecked));
        });
    }

    [Test]
    public void An_invalid_pip_option_in_a_requirements_file_is_reported_with_its_line()
    {
        var finding = Lint.Findings(("requirements.txt", "numpy==1.26.4\n--frobnicate\n")).Only(InvalidDocument.Rule).Single();
        Assert.That(finding.Span.Line, Is.EqualTo(2));
    }

    [Test]
    public void A_constraints_file_included_by_a_requirements_file_is_not_an_environment_of_its_own()
    {
        var ws = Lint.Run(Lint.Repo(("constraints.txt", "urllib3==2.2.3\n"), ("requirements.txt", "-c constraints.txt\nrequests==2.32.3\n"))).Workspace;
        Assert.That(ws.Environments.Single().Requirements.Select(r => r.Path), Is.EqualTo(new[] { "requirements.txt", "constraints.txt" }));
    }

    [Test]
    public void An_unknown_dockerfile_instruction_is_pg132_only()
    {
        var findings = Lint.Findings(("Dockerfile", "FROM python:3.11.9\nRUNN pip install numpy==1.26.4\n"));
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "PG132" }));
    }
}
