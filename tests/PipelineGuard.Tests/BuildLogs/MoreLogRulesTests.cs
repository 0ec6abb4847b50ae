using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// PG326–PG331: disk full, invalid conda spec, conda link failure, UTF-8 decoding error, make without a Makefile, a module
/// missing while a package builds. Each variant of the signature, the line it is reported on, what the message names, and
/// the spec line it points to.
/// </summary>
public sealed class MoreLogRulesTests
{
    private const string Failed = "The command '/bin/sh -c conda env create -f env.yml' returned a non-zero code: 1";

    private static string ClassicStep(params string[] output) =>
        string.Join('\n', ["Step 1/2 : FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1", " ---> 3b2a1f0e9d8c",
            "Step 2/2 : RUN conda env create -f env.yml", " ---> Running in 9d8c7b6a5f4e", .. output, Failed, string.Empty]);

    private static RankedRoot Root(string log, Workspace? workspace = null)
    {
        var diagnosis = LogTestSupport.Analyze(log, workspace);
        var errors = diagnosis.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", diagnosis.Findings.Select(f => $"{f.Severity} {f.RuleId}@{f.Span.Line} {f.Message}")));
        return new RankedRoot(errors[0].RuleId, errors[0].Span.Line, errors[0].Message, errors[0]);
    }

    private sealed record RankedRoot(string Rule, int Line, string Message, Finding Finding);

    private static Workspace Spec(string conda) => Lint.Run(Lint.Repo(("env/conda.yml", conda))).Workspace;

    private const string TrainSpec = """
        name: train
        channels:
          - conda-forge
        dependencies:
          - python=3.10.14
          - pandas=1.5.3=
          - pyqt=5.15.9
          - pip=23.3.1
          - pip:
              - torch==2.1.2
              - apex==0.9.10dev
        """;

    [TestCase("ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device: '/opt/conda/pkgs/cudatoolkit-11.8.0'", "/opt/conda/pkgs/cudatoolkit-11.8.0")]
    [TestCase("[Errno 28] No space left on device: '/azureml-envs/azureml_1/lib/libcusparse.so.11'", "/azureml-envs/azureml_1/lib/libcusparse.so.11")]
    [TestCase("failed to register layer: Error processing tar file(exit status 1): write /opt/conda/pkgs/mkl-2023.1.0/lib/libmkl_core.so.2: no space left on device", "/opt/conda/pkgs/mkl-2023.1.0/lib/libmkl_core.so.2")]
    [TestCase("E: Write error - write (28: No space left on device)", "No space left on device")]
    [TestCase("OSError: [Errno 28] No space left on device", "Errno 28")]
    public void Disk_full_is_found_in_every_wording(string line, string names)
    {
        var root = Root(ClassicStep("Collecting package metadata (repodata.json): ...working... done", line));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG326", 6)));
            Assert.That(root.Message, Does.Contain(names).And.Contain("--no-cache-dir"));
        });
    }

    [Test]
    public void Disk_full_names_the_file_being_written()
    {
        var log = LogTestSupport.TestData("logs", "acr-conda-disk-full.log");
        var workspace = Spec(TrainSpec);
        var root = LogTestSupport.AnalyzeFile(log, workspace).Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(root.RuleId, Is.EqualTo("PG326"));
            Assert.That(root.Message, Does.Contain("torch-1.13.1-cp38-cp38-manylinux1_x86_64.whl"));
        });
    }

    [Test]
    public void An_invalid_version_points_at_the_conda_dependency_that_holds_it()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "docker-classic-conda-invalid-spec.log"), Spec(TrainSpec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(root.RuleId, Is.EqualTo("PG327"));
            Assert.That(root.Message, Does.Contain("'1.5.3='").And.Contain("version must not end with '='"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:6:5-6:18" }));
            Assert.That(root.Related[0].Message, Does.Contain("pandas=1.5.3="));
        });
    }

    [Test]
    public void An_invalid_match_spec_points_at_the_dependency_written_that_way()
    {
        var spec = "name: x\ndependencies:\n  - python=3.10\n  - numpy=>1.19\n  - numpy-base\n";
        var root = Root(ClassicStep("", "InvalidMatchSpec: Invalid spec 'numpy=>1.19': Invalid version '>1.19': invalid operator", ""), Spec(spec));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG327", 6)));
            Assert.That(root.Message, Does.Contain("the spec 'numpy=>1.19'").And.Contain("invalid operator"));
            Assert.That(root.Finding.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:4:5-4:16" }));
        });
    }

    [Test]
    public void An_invalid_spec_that_the_spec_does_not_hold_relates_nothing()
    {
        var root = Root(ClassicStep("InvalidMatchSpec: Invalid spec 'scipy=>1.0': Invalid version '>1.0': invalid operator"), Spec(TrainSpec));
        Assert.That(root.Finding.Related, Is.Empty);
    }

    [Test]
    public void A_link_failure_names_the_package_and_the_reason_and_points_at_its_dependency()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "serverless-conda-link-failed.log"), Spec(TrainSpec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG328", 14)));
            Assert.That(root.Message, Does.Contain("'conda-forge::pyqt-5.15.9-py310h04931ad_5'").And.Contain("post-link script failed"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:7:5-7:16" }));
        });
    }

    [Test]
    public void A_link_failure_with_the_reason_before_the_rollback_keeps_it()
    {
        // The shape of Azure/MachineLearningNotebooks#956 (ACR era): reason, then "Attempting to roll back.".
        var root = Root(ClassicStep(
            "Executing transaction: ...working... failed",
            "ERROR conda.core.link:_execute(502): An error occurred while installing package 'defaults::tornado-6.1-py38h27cfd23_0'.",
            "FileNotFoundError(2, \"No such file or directory: '/azureml-envs/azureml_1/bin/python3.8'\")",
            "Attempting to roll back.",
            "",
            "Rolling back transaction: ...working... done"));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG328", 6)));
            Assert.That(root.Message, Does.Contain("tornado-6.1-py38h27cfd23_0").And.Contain("FileNotFoundError"));
        });
    }

    [Test]
    public void A_link_failure_caused_by_a_full_disk_is_reported_as_disk_full_on_the_reason()
    {
        var root = Root(ClassicStep(
            "ERROR conda.core.link:_execute(938): An error occurred while installing package 'nvidia::cuda-toolkit-12.1.0-0'.",
            "Rolling back transaction: ...working... done",
            "",
            "[Errno 28] No space left on device: '/opt/conda/envs/train/lib/libcublasLt.so.12'",
            "()"));
        Assert.Multiple(() =>
        {
            Assert.That((root.Rule, root.Line), Is.EqualTo(("PG326", 8)));
            Assert.That(root.Message, Does.Contain("while installing 'cuda-toolkit'").And.Contain("libcublasLt.so.12"));
        });
    }

    [Test]
    public void A_utf16_spec_is_named_and_its_first_invalid_byte_is_related()
    {
        var spec = "# caf\uFFFD\uFFFD\nname: x\ndependencies:\n  - python=3.10\n";
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "docker-classic-utf8-decode.log"), Spec(spec));
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG329", 17)));
            Assert.That(root.Message, Does.Contain("0xff in position 0").And.Contain("UTF-16"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/conda.yml:1:6-1:7" }));
        });
    }

    [Test]
    public void A_latin1_byte_in_a_requirements_file_is_not_called_a_byte_order_mark()
    {
        var root = Root(ClassicStep("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 118: invalid continuation byte"));
        Assert.Multiple(() =>
        {
            Assert.That(root.Rule, Is.EqualTo("PG329"));
            Assert.That(root.Message, Does.Contain("0xe9 in position 118").And.Not.Contain("UTF-16"));
        });
    }

    [Test]
    public void Make_without_a_makefile_points_at_the_run_that_calls_make()
    {
        var workspace = Lint.Run(Lint.Repo(
            ("env/environment.yml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: featurizer\nbuild:\n  path: docker\n"),
            ("env/docker/Dockerfile", "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1\nWORKDIR /opt/featurizer\nRUN make && make install\n"))).Workspace;
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "docker-classic-make-no-makefile.log"), workspace);
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That((root.RuleId, root.Span.Line), Is.EqualTo(("PG330", 17)));
            Assert.That(root.Message, Does.Contain("'make'").And.Contain("make -f"));
            Assert.That(root.Related.Select(r => r.Span.ToString()), Is.EqualTo(new[] { "env/docker/Dockerfile:3:5-3:9" }), "one location per line");
        });
    }

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
    public void In_a_step_that_succeeded_the_new_signatures_are_notices()
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

    [TestCase("OSError: [Errno 28] No space left on device")]
    [TestCase("write /var/lib/docker/tmp/x: no space left on device")]
    [TestCase("InvalidMatchSpec: Invalid spec 'a=>1': bad")]
    [TestCase("InvalidVersionSpec: Invalid version '1=': bad")]
    [TestCase("ERROR conda.core.link:_execute(502): An error occurred while installing package 'x::y-1-0'.")]
    [TestCase("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [TestCase("make: *** No targets specified and no makefile found.  Stop.")]
    [TestCase("ModuleNotFoundError: No module named 'torch'")]
    public void The_new_signature_lines_pass_the_first_stage_of_the_prefilter(string line)
    {
        Assert.That(PipelineGuard.BuildLogs.SignatureKeywords.MayMatch(line), Is.True);
    }
}
