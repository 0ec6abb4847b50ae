using PipelineGuard.Documents.Pip;
using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class InvalidWheelFilenameTests
{
    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg133(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(InvalidWheelFilename.Rule);

    [TestCase("./wheels/contoso-features-latest.whl", "requirements.txt:1:10-1:37")]
    [TestCase("my-package @ https://example.com/pkgs/my-package-1.0-py3-none-any.whl#sha256=abc", "requirements.txt:1:39-1:70")]
    [TestCase("https://example.com/model%20v2-1.0-py3-none-any.whl", "requirements.txt:1:21-1:52")]
    public void A_bad_wheel_name_in_a_requirements_file_is_reported_on_the_file_name(string line, string place)
    {
        Assert.That(Pg133(("requirements.txt", line + "\n")).Places(), Is.EqualTo(new[] { place }));
    }

    [Test]
    public void The_message_names_the_decoded_file_the_reason_and_the_convention()
    {
        var finding = Pg133(("requirements.txt", "https://example.com/my-package-1.0-py3-none-any.whl\n")).Single();
        Assert.That(finding.Message, Is.EqualTo(
            "'my-package-1.0-py3-none-any.whl' is not a valid wheel file name: the version part 'package' is not a valid PEP 440 " +
            "version; a '-' inside the project name must be written '_' (my_package-1.0-…). pip stops with " +
            "\"my-package-1.0-py3-none-any.whl is not a valid wheel filename.\" and the image build fails. Keep the name the " +
            "wheel was built with: {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl, e.g. " +
            "my_package-1.0.0-py3-none-any.whl."));
    }

    [Test]
    public void The_pip_list_of_a_conda_spec_is_read()
    {
        var findings = Pg133(("env.yml", "dependencies:\n  - pip=24.2\n  - pip:\n      - ./dist/mypkg.whl\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:4:16-4:25" }));
        Assert.That(findings[0].Message, Does.Contain("it has 1 '-'-separated parts where 5 or 6 are needed"));
    }

    [Test]
    public void Dockerfile_pip_install_arguments_are_read()
    {
        var findings = Pg133(("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-deps /tmp/wheels/foo-1.0-x1-py3-none-any.whl\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:2:39-2:66" }));
        Assert.That(findings[0].Message, Does.Contain("the build tag 'x1' does not start with a digit"));
    }

    // Found by the same reader as PG116 and PG118: a zsh -c script and an ONBUILD trigger are pip installs too.
    [TestCase("RUN zsh -c \"pip install /tmp/foo-latest.whl\"\n", "Dockerfile:2:30-2:44")]
    [TestCase("ONBUILD RUN pip install /tmp/foo-latest.whl\n", "Dockerfile:2:30-2:44")]
    public void Dockerfile_installs_in_any_shell_or_trigger_are_read(string line, string place)
    {
        Assert.That(Pg133(("Dockerfile", "FROM python:3.11-slim\n" + line)).Places(), Is.EqualTo(new[] { place }));
    }

    [TestCase("./wheels/contoso_features-1.4.0-py3-none-any.whl")]
    [TestCase("https://download.pytorch.org/whl/cu121/torch-2.3.1%2Bcu121-cp311-cp311-linux_x86_64.whl")]
    [TestCase("foo @ file:///wheels/foo-1.0-1-py3-none-any.whl")]
    [TestCase("./dist/foo-1.0.tar.gz")]
    [TestCase("numpy==1.26.4")]
    public void Valid_wheel_names_and_other_requirements_are_not_reported(string line)
    {
        Assert.That(Pg133(("requirements.txt", line + "\n")), Is.Empty);
    }

    [TestCase("RUN pip install dist/*.whl\n")]
    [TestCase("RUN pip install /tmp/${WHEEL}.whl\n")]
    [TestCase("RUN cp /tmp/a.whl /tmp/b.whl\n")]
    public void Globs_variables_and_other_commands_are_not_reported(string line)
    {
        Assert.That(Pg133(("Dockerfile", "FROM python:3.11-slim\n" + line)), Is.Empty);
    }

    [TestCase("foo-1.0-py3-none-any.whl", null)]
    [TestCase("foo-1.0-1-py3-none-any.whl", null)]
    [TestCase("foo-1.0-1b-py3-none-any.whl", null)]
    [TestCase("Foo.Bar_baz-1.0.post1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", null)]
    [TestCase("torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl", null)]
    [TestCase("foo-1.0-py3-none.whl", "it has 4 '-'-separated parts")]
    [TestCase("foo-1.0-1-2-py3-none-any.whl", "it has 7 '-'-separated parts")]
    [TestCase("foo__bar-1.0-py3-none-any.whl", "the distribution part 'foo__bar'")]
    [TestCase("-1.0-py3-none-any.whl", "the distribution part ''")]
    [TestCase("foo-latest-py3-none-any.whl", "the version part 'latest' is not a valid PEP 440 version")]
    [TestCase("foo-1.0-x1-py3-none-any.whl", "the build tag 'x1' does not start with a digit")]
    [TestCase("foo-1.0-py3--any.whl", "a python, abi or platform tag is empty")]
    [TestCase("foo bar-1.0-py3-none-any.whl", "it contains whitespace")]
    [TestCase("foo-1.0-py3-none-any.zip", "the extension must be '.whl'")]
    public void Wheel_names_are_checked_as_packaging_and_pip_check_them(string name, string? problem)
    {
        var actual = WheelFileName.Problem(name);
        if (problem is null)
        {
            Assert.That(actual, Is.Null);
        }
        else
        {
            Assert.That(actual, Does.StartWith(problem));
        }
    }
}
