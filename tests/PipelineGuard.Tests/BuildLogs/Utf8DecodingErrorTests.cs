using PipelineGuard.Model;
using static PipelineGuard.Tests.BuildLogs.LogRuleTestSupport;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>PG329 utf8-decoding-error: a UTF-16 spec and its first invalid byte, a Latin-1 byte.</summary>
public sealed class Utf8DecodingErrorTests
{
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
}
