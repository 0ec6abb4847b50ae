using PipelineGuard.Rules.Pip;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Pip;

public sealed class CondaPipOverlapTests
{
    private static string Env(string conda, params string[] pip) =>
        $"channels: [defaults]\ndependencies:\n  - python=3.11.9\n  - {conda}\n  - pip=24.2\n  - pip:\n" +
        string.Concat(pip.Select(p => $"      - {p}\n"));

    [TestCase("ruamel.yaml=0.17.21", "ruamel-yaml==0.17.21", "env.yml:8:9-8:29")]
    [TestCase("numpy=1.26.4", "NumPy==1.26.4", "env.yml:8:9-8:22")]
    [TestCase("conda-forge::scikit_learn=1.5.0", "scikit-learn[alldeps]>=1.5", "env.yml:8:9-8:35")]
    [TestCase("typing_extensions", "typing-extensions @ https://example.com/typing_extensions-4.12.2-py3-none-any.whl", "env.yml:8:9-8:90")]
    public void A_package_installed_by_both_is_reported_on_the_pip_entry(string conda, string pip, string place)
    {
        var findings = Lint.Findings(("env.yml", Env(conda, "mlflow==2.17.0", pip))).Only(CondaPipOverlap.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { place }));
        Assert.That(findings[0].Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { $"env.yml:4:5-4:{5 + conda.Length}" }));
    }

    [Test]
    public void The_message_names_the_package_the_conda_line_and_the_uninstall_error()
    {
        var finding = Lint.Findings(("env.yml", Env("ruamel.yaml=0.17.21", "ruamel-yaml==0.17.21"))).Only(CondaPipOverlap.Rule).Single();
        Assert.That(finding.Message, Does.StartWith(
            "'ruamel-yaml' is installed by pip and also by conda ('ruamel.yaml=0.17.21'): pip replaces conda's copy and can fail with " +
            "\"Cannot uninstall 'ruamel-yaml'. It is a distutils installed project\""));
    }

    [Test]
    public void Requirement_files_included_by_the_pip_list_are_read()
    {
        var findings = Lint.Findings(
            ("env.yml", Env("numpy=1.26.4", "-r requirements.txt")),
            ("requirements.txt", "pandas==2.2.2\nnumpy==1.26.4\n")).Only(CondaPipOverlap.Rule);
        Assert.That(findings.Places(), Is.EqualTo(new[] { "requirements.txt:2:1-2:14" }));
    }

    [TestCase("pytorch=2.3.1", "torch==2.3.1")]
    [TestCase("numpy=1.26.4", "numpyro==0.15.0")]
    [TestCase("numpy=1.26.4", "--extra-index-url https://example.com/simple")]
    public void Different_names_are_not_reported(string conda, string pip)
    {
        Assert.That(Lint.Findings(("env.yml", Env(conda, pip))).Only(CondaPipOverlap.Rule), Is.Empty);
    }

    [Test]
    public void Constraints_install_nothing_and_are_not_reported()
    {
        var findings = Lint.Findings(
            ("env.yml", Env("numpy=1.26.4", "-c constraints.txt", "pandas==2.2.2")),
            ("constraints.txt", "numpy==1.26.4\n")).Only(CondaPipOverlap.Rule);
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_requirements_file_on_its_own_has_no_conda_packages()
    {
        Assert.That(Lint.Findings(("requirements.txt", "numpy==1.26.4\n")).Only(CondaPipOverlap.Rule), Is.Empty);
    }
}
