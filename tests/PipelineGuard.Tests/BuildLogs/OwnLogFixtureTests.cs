using System.Text;
using PipelineGuard.Diagnosis;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// The hand-written logs of TestData/logs (conda classic and libmamba, Docker classic and BuildKit, Azure ML service
/// messages; ACR 2020, serverless 2024 and Azure DevOps forms), each with its expected findings beside it in
/// <c>&lt;name&gt;.expected</c>: the root causes (<c>error RULE@LINE</c>, in order) must not change when the log is
/// re-written into every other log generation or gzip-compressed; the other findings (<c>notice RULE@LINE</c>) are those of
/// the log as written; <c>says TEXT</c> is a word the first root cause's message must contain.
/// </summary>
public sealed class OwnLogFixtureTests
{
    private static IEnumerable<LogFixture> Fixtures() =>
        Directory.GetFiles(LogTestSupport.TestData("logs"), "*.log").Order(StringComparer.Ordinal).Select(LogFixture.Read);

    public static IEnumerable<TestCaseData> Cases() =>
        from fixture in Fixtures()
        from generation in Enum.GetValues<LogGeneration>()
        select new TestCaseData(fixture.File, generation, fixture.Roots, fixture.Says).SetName($"{fixture.File} as {generation}");

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

    public static IEnumerable<string> GzipCases() => Fixtures().Select(f => f.File);

    [TestCaseSource(nameof(GzipCases))]
    public void The_log_as_written_gives_its_expected_notices(string file)
    {
        var fixture = LogFixture.Read(LogTestSupport.TestData("logs", file));
        var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", file));
        var notices = diagnosis.Findings.Where(f => f.Severity != Severity.Error).Select(f => $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId}@{f.Span.Line}");
        Assert.That(notices, Is.EqualTo(fixture.Others), string.Join("\n", diagnosis.Findings.Select(f => $"{f.Severity} {f.RuleId}@{f.Span.Line} {f.Message}")));
    }

    [Test]
    public void Every_log_fixture_has_its_expected_findings_beside_it()
    {
        var logs = Directory.GetFiles(LogTestSupport.TestData("logs")).Where(f => !f.EndsWith(LogFixture.Suffix, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(logs.Where(f => !f.EndsWith(".log", StringComparison.Ordinal)).Select(Path.GetFileName), Is.Empty, "fixtures end in .log");
            Assert.That(logs.Where(f => !File.Exists(Path.ChangeExtension(f, LogFixture.Suffix))).Select(Path.GetFileName), Is.Empty, "a .log without its .expected");
        });
    }

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
        foreach (var file in GzipCases())
        {
            var diagnosis = LogTestSupport.AnalyzeFile(LogTestSupport.TestData("logs", file));
            Assert.That(diagnosis.Findings.Select(f => f.Message), Has.None.Contains("\u001b").And.None.Contains("[91m"), file);
        }
    }

    [Test]
    public void The_fixtures_are_valid_utf8_text()
    {
        foreach (var file in GzipCases())
        {
            var bytes = File.ReadAllBytes(LogTestSupport.TestData("logs", file));
            Assert.That(() => new UTF8Encoding(false, true).GetString(bytes), Throws.Nothing, file);
        }
    }
}
