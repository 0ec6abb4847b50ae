using System.Text;
using PipelineGuard.BuildLogs;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// The hand-written logs of TestData/logs (conda classic and libmamba, Docker classic and BuildKit, Azure ML service
/// messages; ACR 2020, serverless 2024 and Azure DevOps forms), each also re-written into every other log generation
/// and gzip-compressed: the root causes must not change.
/// </summary>
public sealed class OwnLogFixtureTests
{
    /// <summary>file, expected root causes "rule@line" in order, a word the first root cause's message must contain.</summary>
    private static readonly (string File, string Roots, string Says)[] Table =
    [
        ("acr-conda-resolve-package-not-found.log", "PG302@22 PG302@23", "libcxx=10.0.0"),
        ("acr-conda-unsatisfiable.log", "PG312@25", "numpy"),
        ("acr-conda-python-incompatible.log", "PG318@21", "tensorflow==1.15.5"),
        ("acr-conda-pip-not-found.log", "PG303@27", "azureml-samples==0+unknown"),
        ("acr-invalid-requirement-bare-codes.log", "PG314@21", "'numpy==1.19'"),
        ("acr-pip-nested-not-found.log", "PG303@22", "good-package"),
        ("acr-conda-solve-timeout.log", "PG317@19", "Solving environment"),
        ("acr-push-denied.log", "PG323@21", "contosoml0a1b2c.azurecr.io"),
        ("acr-pull-unauthorized.log", "PG309@9", "privateregistry9.azurecr.io"),
        ("docker-classic-apt-locate.log", "PG321@9", "libgomp1"),
        ("docker-classic-apt-dns.log", "PG301@7", "archive.ubuntu.com"),
        ("docker-classic-conda-not-found.log", "PG319@5", "conda"),
        ("docker-classic-parse-error.log", "PG320@2", "RUNN"),
        ("buildkit-pip-not-found.log", "PG303@18", "torchvison==0.15.2"),
        ("buildkit-copy-missing.log", "PG320@12", "src/score.py"),
        ("buildkit-oom.log", "PG316@5", "scipy"),
        ("buildkit-exit-137-only.log", "PG316@2", "137"),
        ("buildkit-compile-gcc.log", "PG315@15", "psutil"),
        ("serverless-manifest-unknown.log", "PG324@8", "openmpi4.1.0-ubuntu22.04:20240909.1"),
        ("serverless-libmamba-not-found.log", "PG302@18", "scikit-lern"),
        ("serverless-libmamba-conflict.log", "PG312@9", "python"),
        ("serverless-impimporter.log", "PG318@18", "numpy"),
        ("serverless-image-build-compute.log", "PG310@2", "image build compute"),
        ("serverless-interactive-auth.log", "PG322@9", "pkgs.dev.azure.com"),
        ("acr-success-with-warnings.log", "", ""),
        ("pip23-uninstall-distutils.log", "PG304@6", "ruamel-yaml"),
        ("conda-http-000.log", "PG301@3", "conda.anaconda.org"),
        ("pip-resolution-too-deep.log", "PG307@6", "ResolutionTooDeep"),
        ("serverless-storage-forbidden.log", "PG311@2", "storage"),
        ("ado-stacked-pip-not-found.log", "PG303@4", "2.17.0"),
        ("acr-conda-disk-full.log", "PG326@21", "/tmp/pip-unpack-q8w1x2yz/torch-1.13.1-cp38-cp38-manylinux1_x86_64.whl"),
        ("docker-classic-conda-invalid-spec.log", "PG327@10", "'1.5.3='"),
        ("serverless-conda-link-failed.log", "PG328@14", "conda-forge::pyqt-5.15.9-py310h04931ad_5"),
        ("docker-classic-utf8-decode.log", "PG329@17", "0xff in position 0"),
        ("docker-classic-make-no-makefile.log", "PG330@17", "Makefile"),
        ("acr-pip-module-not-found.log", "PG331@34", "'torch'"),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from row in Table
        from generation in Enum.GetValues<LogGeneration>()
        select new TestCaseData(row.File, generation, row.Roots, row.Says).SetName($"{row.File} as {generation}");

    [TestCaseSource(nameof(Cases))]
    public void Root_causes_are_found_in_every_generation(string file, LogGeneration generation, string roots, string says)
    {
        var text = LogTestSupport.InGeneration(File.ReadAllText(LogTestSupport.TestData("logs", file)), generation);
        var diagnosis = LogTestSupport.Analyze(text);
        var found = string.Join(' ', diagnosis.Roots());
        Assert.That(found, Is.EqualTo(roots), string.Join("\n", diagnosis.Findings.Select(f => $"{f.Severity} {f.RuleId}@{f.Span.Line} {f.Message}")));
        if (says.Length > 0)
        {
            Assert.That(diagnosis.RootCauses.First().Message, Does.Contain(says));
        }
        else
        {
            Assert.That(diagnosis.Findings.Where(f => f.Severity == Severity.Error), Is.Empty);
        }
    }

    [TestCaseSource(nameof(GzipCases))]
    public void A_gzip_compressed_log_gives_the_same_findings(string file)
    {
        var text = File.ReadAllText(LogTestSupport.TestData("logs", file));
        using var gzip = new MemoryStream(LogTestSupport.Gzip(text));
        var compressed = BuildLogDiagnoser.Analyze(gzip, "build.log.gz");
        var plain = LogTestSupport.Analyze(text, path: "build.log.gz");
        Assert.That(compressed.Findings.Select(f => $"{f.RuleId}@{f.Span} {f.Message}"), Is.EqualTo(plain.Findings.Select(f => $"{f.RuleId}@{f.Span} {f.Message}")));
    }

    public static IEnumerable<string> GzipCases() => Table.Select(t => t.File);

    [Test]
    public void Every_finding_points_at_its_log_line_and_message_column()
    {
        var diagnosis = LogTestSupport.Analyze(File.ReadAllText(LogTestSupport.TestData("logs", "ado-stacked-pip-not-found.log")), path: "logs/ado.log");
        var root = diagnosis.Findings.Single(f => f.Severity == Severity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(root.Span.File, Is.EqualTo("logs/ado.log"));
            Assert.That(root.Span.Line, Is.EqualTo(4));
            Assert.That(root.Span.Column, Is.EqualTo("2024-09-16T14:54:17.8103030Z 2024-09-16T14:52:52: \u001b[91m".Length + 1), "after both timestamps and the colour code");
            Assert.That(root.Span.EndLine, Is.EqualTo(4));
        });
    }

    [Test]
    public void BuildKit_error_summary_does_not_repeat_the_finding()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "buildkit-pip-not-found.log"));
        Assert.That(diagnosis.Findings.Count(f => f.RuleId == "PG303"), Is.EqualTo(1));
    }

    [Test]
    public void Notices_give_context_beside_the_root_cause()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "acr-conda-pip-not-found.log"));
        Assert.That(diagnosis.Findings.Where(f => f.Severity == Severity.Notice).Select(f => f.RuleId), Does.Contain("PG305"));
    }

    [Test]
    public void A_successful_build_with_warnings_has_notices_but_no_error()
    {
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", "acr-success-with-warnings.log"));
        Assert.Multiple(() =>
        {
            Assert.That(diagnosis.Findings.Select(f => f.Severity), Is.All.EqualTo(Severity.Notice));
            Assert.That(diagnosis.Findings.Select(f => f.RuleId), Is.SupersetOf(new[] { "PG301", "PG313" }));
        });
    }

    [Test]
    public void Messages_are_plain_text_without_colour_codes()
    {
        foreach (var (file, _, _) in Table)
        {
            var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", file));
            Assert.That(diagnosis.Findings.Select(f => f.Message), Has.None.Contains("\u001b").And.None.Contains("[91m"), file);
        }
    }

    [Test]
    public void The_fixtures_are_valid_utf8_text()
    {
        foreach (var (file, _, _) in Table)
        {
            var bytes = File.ReadAllBytes(LogTestSupport.TestData("logs", file));
            Assert.That(() => new UTF8Encoding(false, true).GetString(bytes), Throws.Nothing, file);
        }
    }
}
