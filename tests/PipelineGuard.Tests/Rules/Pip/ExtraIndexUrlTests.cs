using PipelineGuard.Model;
using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class ExtraIndexUrlTests
{
    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg116(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(ExtraIndexUrl.Rule);

    [Test]
    public void A_requirements_file_option_is_reported_on_the_option_and_its_value()
    {
        var findings = Pg116(("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.3.1\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:1:1-1:57" }));
        Assert.That(findings[0].Message, Does.StartWith(
            "--extra-index-url 'https://download.pytorch.org/whl/cu121' adds a second package index: pip takes the highest version"));
    }

    [Test]
    public void The_pip_list_of_a_conda_spec_is_read()
    {
        var findings = Pg116(("env.yml", "dependencies:\n  - pip=24.2\n  - pip:\n      - --extra-index-url=https://example.com/simple\n      - foo==1.0\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:4:9-4:53" }));
    }

    [Test]
    public void Credentials_in_the_url_never_reach_the_message()
    {
        var findings = Pg116(("requirements.txt", "--extra-index-url https://build:s3cr3t-t0ken@pkgs.example.com/_packaging/ml/pypi/simple/\nfoo==1.0\n"));
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Message, Does.Contain("'https://***@pkgs.example.com/_packaging/ml/pypi/simple/'"));
        Assert.That(findings[0].Message, Does.Not.Contain("s3cr3t"));
        Assert.That(findings[0].Message, Does.Not.Contain("build:"));
    }

    [TestCase("RUN pip install --extra-index-url https://example.com/simple foo==1.0\n", "Dockerfile:2:17-2:61")]
    [TestCase("RUN python3 -m pip install --no-cache-dir --extra-index-url=https://example.com/simple foo==1.0\n", "Dockerfile:2:43-2:87")]
    [TestCase("RUN pip3 install --extra-index https://example.com/simple foo==1.0\n", "Dockerfile:2:18-2:58")]
    [TestCase("RUN apt-get update && sudo pip install -U --extra-index-url https://example.com/simple foo\n", "Dockerfile:2:43-2:87")]
    [TestCase("RUN bash -c \"pip install --extra-index-url https://example.com/simple foo\"\n", "Dockerfile:2:26-2:70")]
    [TestCase("RUN zsh -c \"pip install --extra-index-url https://x/simple foo\"\n", "Dockerfile:2:25-2:59")]
    [TestCase("RUN dash -ec 'pip3 install --extra-index-url=https://x/simple foo'\n", "Dockerfile:2:28-2:62")]
    [TestCase("ONBUILD RUN pip install --extra-index-url https://x/simple bar\n", "Dockerfile:2:25-2:59")]
    [TestCase("RUN pip install -Ur req.txt --extra-index-url https://x/simple foo\n", "Dockerfile:2:29-2:63")]
    [TestCase("ENV PIP_EXTRA_INDEX_URL=https://example.com/simple\n", "Dockerfile:2:5-2:51")]
    [TestCase("ARG PIP_EXTRA_INDEX_URL\n", "Dockerfile:2:5-2:24")]
    [TestCase("RUN PIP_EXTRA_INDEX_URL=https://example.com/simple pip install foo\n", "Dockerfile:2:5-2:51")]
    [TestCase("ONBUILD RUN PIP_EXTRA_INDEX_URL=https://example.com/simple pip install foo\n", "Dockerfile:2:13-2:59")]
    [TestCase("RUN bash -c \"cd /tmp && PIP_EXTRA_INDEX_URL=https://example.com/simple pip install foo\"\n", "Dockerfile:2:25-2:71")]
    [TestCase("RUN sh -c \"PIP_EXTRA_INDEX_URL=https://example.com/simple pip install foo\"\n", "Dockerfile:2:12-2:58")]
    public void Dockerfile_uses_are_reported(string line, string place)
    {
        Assert.That(Pg116(("Dockerfile", "FROM python:3.11-slim\n" + line)).Places(), Is.EqualTo(new[] { place }));
    }

    [TestCase("RUN pip install --index-url https://example.com/simple foo==1.0\n")]
    [TestCase("RUN pip download --extra-index-url https://example.com/simple foo==1.0\n")]
    [TestCase("RUN echo --extra-index-url https://example.com/simple\n")]
    [TestCase("ENV PIP_INDEX_URL=https://example.com/simple\n")]
    public void Other_options_and_commands_are_not_reported(string line)
    {
        Assert.That(Pg116(("Dockerfile", "FROM python:3.11-slim\n" + line)), Is.Empty);
    }

    [Test]
    public void Index_url_in_requirements_is_not_reported()
    {
        Assert.That(Pg116(("requirements.txt", "-i https://example.com/simple\nfoo==1.0\n")), Is.Empty);
    }

    [TestCase("https://user:token@host.example.com/simple", "https://***@host.example.com/simple")]
    [TestCase("https://token@host.example.com", "https://***@host.example.com")]
    [TestCase("https://u:p@ss@host.example.com/a@b", "https://***@host.example.com/a@b")]
    [TestCase("https://host.example.com/simple", "https://host.example.com/simple")]
    [TestCase("/local/path", "/local/path")]
    [TestCase("", "")]
    public void Redaction_hides_only_the_user_information(string url, string expected)
    {
        Assert.That(UrlCredentials.Redact(url), Is.EqualTo(expected));
    }
}
