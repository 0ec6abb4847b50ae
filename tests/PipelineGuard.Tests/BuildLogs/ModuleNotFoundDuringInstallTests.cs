using PipelineGuard.Model;
using static PipelineGuard.Tests.BuildLogs.LogRuleTestSupport;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG331 module-not-found-during-install: the module, the package whose build imports it, distutils left to PG318, a notice in a step that succeeded.</summary>
public sealed class ModuleNotFoundDuringInstallTests
{
    [Test]
    public void A_missing_module_names_the_module_and_the_package_whose_build_imports_it()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "acr-pip-module-not-found.log"), Spec(TrainSpec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG331", 34)));
            Assert.That(root.Message, Does.Contain("the build of 'apex' imports the module 'torch'"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:11:9-11:13", "env/conda.yml:10:9-10:14" }));
            Assert.That(diagnosis.Findings.Where(f => f.RuleId == "PG315").Select(f => f.Severity), Is.All.EqualTo(Severity.Notice), "the wheel that failed is context");
        });
    }

    [Test]
    public void A_missing_distutils_stays_a_python_incompatibility()
    {
        var root = Root(ClassicStep("  ModuleNotFoundError: No module named 'distutils'"));
        Assert.That(root.Rule, Is.EqualTo("PG318"));
    }

    [Test]
    public void A_dotted_module_is_named_whole_and_its_top_package_in_the_advice()
    {
        var root = Root(ClassicStep("      ModuleNotFoundError: No module named 'torch.utils.cpp_extension'"));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG331", 5)));
            Assert.That(root.Message, Does.Contain("'torch.utils.cpp_extension'").And.Contain("install 'torch' in an earlier step"));
        });
    }

    [Test]
    public void In_a_step_that_succeeded_a_missing_module_is_a_notice()
    {
        var log = string.Join('\n',
            "Step 1/2 : FROM python:3.10-slim",
            " ---> 3b2a1f0e9d8c",
            "Step 2/2 : RUN python setup.py develop",
            " ---> Running in 9d8c7b6a5f4e",
            "ModuleNotFoundError: No module named 'yaml'",
            "Successfully installed featurizer-0.1",
            "Removing intermediate container 9d8c7b6a5f4e",
            "Successfully built 1f0e9d8c7b6a",
            string.Empty);
        var diagnosis = LogTestSupport.Analyze(log);
        Assert.Multiple(() =>
        {
            Assert.That(diagnosis.Findings.Select(f => (f.RuleId, f.Severity)), Is.EqualTo(new[] { ("PG331", Severity.Notice) }));
            Assert.That(diagnosis.RootCauses, Is.Empty);
        });
    }
}
