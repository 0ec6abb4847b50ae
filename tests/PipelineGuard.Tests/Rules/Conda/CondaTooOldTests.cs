using PipelineGuard.Rules.Conda;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Conda;

public sealed class CondaTooOldTests
{
    private static string[] Pg104(string dockerfile) =>
        Lint.Findings(("Dockerfile", dockerfile)).Only(CondaTooOld.Rule).Places();

    [TestCase("conda=4.5.1", true)]
    [TestCase("conda==4.4.10", true)]
    [TestCase("conda<4.5", true)]
    [TestCase("conda=4.5.4", false)]
    [TestCase("conda=4.5.11", false)]
    [TestCase("conda=4.10.3", false)]
    [TestCase("conda", false)]
    [TestCase("conda>=4.5.4", false)]
    public void Pg104_compares_conda_versions_numerically(string conda, bool fires)
    {
        var findings = Lint.Findings(("env.yml", $"dependencies:\n  - {conda}\n")).Only(CondaTooOld.Rule);
        Assert.That(findings.Places(), Is.EqualTo(fires ? new[] { $"env.yml:2:5-2:{5 + conda.Length}" } : Array.Empty<string>()));
    }

    [TestCase("RUN wget -q https://repo.anaconda.com/miniconda/Miniconda3-4.5.1-Linux-x86_64.sh -O /tmp/m.sh\n", "Dockerfile:1:49-1:81")]
    [TestCase("RUN curl -sLo m.sh https://repo.anaconda.com/miniconda/Miniconda2-4.3.31-Linux-x86_64.sh\n", "Dockerfile:1:56-1:89")]
    [TestCase("RUN wget https://repo.anaconda.com/archive/Anaconda3-5.1.0-Linux-x86_64.sh\n", "Dockerfile:1:44-1:75")]
    [TestCase("ENV CONDA_VERSION=4.4.10\n", "Dockerfile:1:19-1:25")]
    [TestCase("ARG MINICONDA_VERSION=py37_4.5.1\n", "Dockerfile:1:23-1:33")]
    [TestCase("RUN conda install -y conda=4.5.1 && conda clean -ay\n", "Dockerfile:1:22-1:33")]
    [TestCase("RUN bash -c \"conda install -y conda=4.5.1\"\n", "Dockerfile:1:31-1:42")]
    [TestCase("ONBUILD RUN conda install -y conda=4.5.1\n", "Dockerfile:1:30-1:41")]
    [TestCase("RUN /opt/conda/bin/conda update -n base conda=4.5.1\n", "Dockerfile:1:41-1:52")]
    [TestCase("FROM continuumio/miniconda3:4.4.10\n", "Dockerfile:1:6-1:35")]
    [TestCase("FROM continuumio/anaconda3:5.0.1\n", "Dockerfile:1:6-1:33")]
    public void Old_conda_sources_are_reported_on_their_token(string dockerfile, string place)
    {
        Assert.That(Pg104("FROM ubuntu:22.04\n" + dockerfile).Select(p => p.Replace("Dockerfile:2:", "Dockerfile:1:").Replace("-2:", "-1:")), Is.EqualTo(new[] { place }));
    }

    [TestCase("RUN wget https://repo.anaconda.com/miniconda/Miniconda3-4.5.4-Linux-x86_64.sh\n")]
    [TestCase("RUN wget https://repo.anaconda.com/miniconda/Miniconda3-py39_4.10.3-Linux-x86_64.sh\n")]
    [TestCase("RUN wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh\n")]
    [TestCase("RUN wget https://repo.anaconda.com/archive/Anaconda3-2019.10-Linux-x86_64.sh\n")]
    [TestCase("ENV CONDA_VERSION=4.12.0\n")]
    [TestCase("ARG CONDA_VERSION=latest\n")]
    [TestCase("ENV CONDA_VERSION=$VERSION\n")]
    [TestCase("RUN conda install -y conda=4.10.3 pip=20.2.4\n")]
    [TestCase("RUN pip install conda==4.3.0\n")]
    [TestCase("FROM continuumio/miniconda3:24.7.1-0\n")]
    [TestCase("FROM continuumio/miniconda3\n")]
    public void Current_or_unknown_conda_sources_are_not_reported(string dockerfile)
    {
        Assert.That(Pg104("FROM ubuntu:22.04\n" + dockerfile), Is.Empty);
    }

    [Test]
    public void An_installer_on_a_continuation_line_is_reported_on_that_line()
    {
        var dockerfile = "FROM ubuntu:22.04\nRUN apt-get update \\\n && wget -q \\\n    https://repo.anaconda.com/miniconda/Miniconda3-4.4.10-Linux-x86_64.sh\n";
        Assert.That(Pg104(dockerfile), Is.EqualTo(new[] { "Dockerfile:4:41-4:74" }));
    }

    [Test]
    public void The_dockerfile_of_a_v2_build_context_is_checked_as_part_of_the_environment()
    {
        var findings = Lint.Findings(
            ("env.yml", "name: e\nbuild:\n  path: ctx\n"),
            ("ctx/Dockerfile", "FROM continuumio/miniconda3:4.4.10\n"));
        Assert.That(findings.Only(CondaTooOld.Rule).Places(), Is.EqualTo(new[] { "ctx/Dockerfile:1:6-1:35" }));
    }
}
