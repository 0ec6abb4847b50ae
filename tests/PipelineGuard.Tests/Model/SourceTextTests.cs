using PipelineGuard.Model;

namespace PipelineGuard.Tests.Model;

public sealed class SourceTextTests
{
    [Test]
    public void Bom_is_dropped_and_crlf_lines_are_split()
    {
        var text = new SourceText("a.yml", "\uFEFFname: x\r\ndependencies:\r\n  - pip\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(text.GetLine(1), Is.EqualTo("name: x"));
            Assert.That(text.GetLine(3), Is.EqualTo("  - pip"));
            Assert.That(text.PositionOf(text.Content.IndexOf("pip", StringComparison.Ordinal)), Is.EqualTo((3, 5)));
            Assert.That(text.SpanOfLine(3), Is.EqualTo(new SourceSpan("a.yml", 3, 3, 3, 8)));
        });
    }
}
