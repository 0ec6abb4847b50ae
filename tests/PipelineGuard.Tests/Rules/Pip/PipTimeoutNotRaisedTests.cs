using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class PipTimeoutNotRaisedTests
{
    private const string From = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240908.v1\n";

    private static IReadOnlyList<PipelineGuard.Model.Finding> Pg112(params (string Path, string Content)[] files) =>
        Lint.Findings(files).Only(PipTimeoutNotRaised.Rule);

    [Test]
    public void The_first_large_package_of_a_dockerfile_pip_install_is_reported_once()
    {
        var findings = Pg112(("Dockerfile", From + "RUN pip install torch==2.3.1 tensorflow==2.16.1\nRUN pip install jaxlib==0.4.30\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:2:17-2:22" }));
        Assert.That(findings[0].Message, Is.EqualTo(
            "'torch' is a download of hundreds of MB and pip waits only 15 s for data by default: one stall fails the build with " +
            "\"ReadTimeoutError … Read timed out. (read timeout=15)\". Raise the timeout: 'ENV PIP_DEFAULT_TIMEOUT=100' in the " +
            "Dockerfile, or 'pip install --timeout 100'."));
    }

    // Found by the same reader as PG116 and PG118: a zsh -c script and an ONBUILD trigger are pip installs too.
    [TestCase("RUN zsh -c \"pip install torch==2.3.1\"\n", "Dockerfile:2:25-2:30")]
    [TestCase("ONBUILD RUN pip install torch==2.3.1\n", "Dockerfile:2:25-2:30")]
    [TestCase("RUN conda run -n env bash -lc \"python -m pip install tensorflow==2.16.1\"\n", "Dockerfile:2:54-2:64")]
    public void A_large_package_in_any_shell_or_trigger_is_reported(string lines, string place)
    {
        Assert.That(Pg112(("Dockerfile", From + lines)).Places(), Is.EqualTo(new[] { place }));
    }

    [TestCase("RUN zsh -c \"pip install --timeout 100 torch==2.3.1\"\n")]
    [TestCase("ONBUILD RUN pip install --default-timeout=100 torch==2.3.1\n")]
    [TestCase("ONBUILD RUN PIP_DEFAULT_TIMEOUT=100 pip install torch==2.3.1\n")]
    [TestCase("RUN zsh -c \"cd /tmp && export PIP_DEFAULT_TIMEOUT=100 && pip install torch==2.3.1\"\n")]
    public void A_timeout_in_any_shell_or_trigger_counts(string lines)
    {
        Assert.That(Pg112(("Dockerfile", From + lines)), Is.Empty);
    }

    [Test]
    public void A_large_package_of_a_conda_pip_list_is_reported_on_its_name()
    {
        var findings = Pg112(("env.yml", "dependencies:\n  - python=3.11.9\n  - pip=24.2\n  - pip:\n      - mlflow==2.17.0\n      - TensorFlow[and-cuda]==2.16.1\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "env.yml:6:9-6:19" }));
        Assert.That(findings[0].Message, Does.Contain("a conda spec alone cannot set it"));
    }

    [Test]
    public void A_requirements_file_is_read()
    {
        var findings = Pg112(("requirements.txt", "numpy==1.26.4\npyspark==3.5.1\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:8" }));
        Assert.That(findings[0].Message, Does.EndWith("(a requirements file cannot set it)."));
    }

    [TestCase("ENV PIP_DEFAULT_TIMEOUT=100\nRUN pip install torch==2.3.1\n")]
    [TestCase("ENV PIP_TIMEOUT 100\nRUN pip install torch==2.3.1\n")]
    [TestCase("ARG PIP_DEFAULT_TIMEOUT=100\nRUN pip install torch==2.3.1\n")]
    [TestCase("RUN PIP_DEFAULT_TIMEOUT=100 pip install torch==2.3.1\n")]
    [TestCase("RUN export PIP_DEFAULT_TIMEOUT=100 && pip install torch==2.3.1\n")]
    [TestCase("RUN pip install --timeout 100 torch==2.3.1\n")]
    [TestCase("RUN pip install --default-timeout=100 torch==2.3.1\n")]
    [TestCase("RUN pip --timeout=100 install torch==2.3.1\n")]
    [TestCase("RUN pip config set global.timeout 100 && pip install torch==2.3.1\n")]
    [TestCase("RUN pip install transformers==4.44.2 jax==0.4.30 torchvision==0.18.1\n")]
    [TestCase("RUN conda install -y pytorch=2.3.1\n")]
    public void A_raised_timeout_or_small_packages_are_not_reported(string lines)
    {
        Assert.That(Pg112(("Dockerfile", From + lines)), Is.Empty);
    }

    [Test]
    public void A_pip_conf_in_the_build_context_counts()
    {
        Assert.That(Pg112(("Dockerfile", From + "COPY pip.conf /etc/pip.conf\nRUN pip install torch==2.3.1\n"), ("pip.conf", "[global]\ntimeout = 100\n")), Is.Empty);
    }

    [Test]
    public void Another_file_whose_name_ends_in_pip_conf_does_not_count()
    {
        var findings = Pg112(("Dockerfile", From + "RUN pip install torch==2.3.1\n"), ("mypip.conf", "x\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:2:17-2:22" }));
    }

    [Test]
    public void A_timeout_on_one_pip_command_does_not_cover_another()
    {
        var findings = Pg112(("Dockerfile", From + "RUN pip install --timeout 100 numpy==1.26.4\nRUN pip install /wheels/torch-2.3.1-cp311-cp311-linux_x86_64.whl\n"));
        Assert.That(findings.Places(), Is.EqualTo(new[] { "Dockerfile:3:25-3:30" }));
    }

    [Test]
    public void The_list_of_large_packages_can_be_replaced()
    {
        // The setting reaches the rule through its context: large-packages names are normalised by the engine.
        var settings = PipelineGuard.Configuration.Settings.Default with { LargePackages = ["My_Big.Model"] };
        var fs = Lint.Repo(("requirements.txt", "torch==2.3.1\nMy_Big.Model==1.0\n"));
        var findings = new PipelineGuard.Engine.Checker(fs, [new PipTimeoutNotRaised()], FixedClock.SessionDay)
            .Run(new PipelineGuard.Engine.CheckOptions([]) { Settings = settings }).Findings;
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:13" }));
    }
}
