using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class DependencyUnpinnedTests
{
    private static string[] Places(string conda, string pipEntry) =>
        Lint.Findings(("env.yml", $"channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - pip=24.2\n  - {conda}\n  - pip:\n      - {pipEntry}\n"))
            .Only(DependencyUnpinned.Rule).Places();

    [TestCase("numpy", "mlflow")]
    [TestCase("numpy>=1.24", "scikit-learn~=1.2.2")]
    [TestCase("numpy=1.26.*", "pandas==2.*")]
    [TestCase("numpy 1.26|1.27", "requests>=2,<3")]
    public void Unpinned_conda_and_pip_packages_are_reported_on_their_text(string conda, string pip)
    {
        Assert.That(Places(conda, pip), Is.EqualTo(new[] { $"env.yml:5:5-5:{5 + conda.Length}", $"env.yml:7:9-7:{9 + pip.Length}" }));
    }

    [TestCase("numpy=1.26.4", "mlflow==2.17.0")]
    [TestCase("numpy==1.26.4", "mlflow===2.17.0")]
    [TestCase("numpy 1.26.4 py311_0", "azureml-core=={{latest-pypi-version}}")]
    [TestCase("conda-forge::numpy=1.26.4", "git+https://github.com/apple/coremltools@v2.1")]
    [TestCase("numpy=1.26.4", "--extra-index-url=https://download.pytorch.org/whl/cpu")]
    public void Pinned_packages_urls_and_templates_are_not_reported(string conda, string pip)
    {
        Assert.That(Places(conda, pip), Is.Empty);
    }

    [Test]
    public void Python_and_pip_are_left_to_their_own_rules()
    {
        var findings = Lint.Findings(("env.yml", "dependencies:\n  - python\n  - pip\n  - pip:\n      - pip>=24\n"));
        Assert.That(findings.Only(DependencyUnpinned.Rule), Is.Empty);
    }

    [Test]
    public void Requirements_files_are_checked()
    {
        var findings = Lint.Findings(("requirements.txt", "numpy==1.26.4\ntorch>=2.1 --hash=sha256:abc\n"));
        Assert.That(findings.Only(DependencyUnpinned.Rule).Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:11" }));
    }
}
