using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Documents.Docker;

public sealed class DockerfileRobustnessTests
{
    // Characters that matter to the reader, so random files hit its corner cases.
    private const string Alphabet = "RUNCOPYFROMENVARGonbuild <<-EOF\"'`\\$(){};&|<>=#\n\r\t [],-:\uFFFD\0x";

    [Test]
    public void Random_inputs_never_throw_and_spans_stay_in_the_file()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new SourceText("Dockerfile", new string(chars));
            var doc = DockerfileReader.Read(text);
            var spans = doc.Problems.Select(p => p.Span)
                .Concat(doc.Instructions.Select(i => i.Span))
                .Concat(doc.Instructions.SelectMany(i => i.Run?.Commands ?? []).SelectMany(c => c.Words).Select(w => w.Span));
            foreach (var span in spans)
            {
                Assert.That(span.Line, Is.InRange(1, text.LineCount));
                Assert.That(span.EndLine, Is.InRange(span.Line, text.LineCount));
            }
        }
    }
}
