using System.Text;
using PipelineGuard.BuildLogs;
using PipelineGuard.Diagnosis;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>The streaming layer: line numbers, the line cap, prefixes of every log generation, colour codes, gzip, bad bytes.</summary>
public sealed class LogReaderTests
{
    private static List<(int Number, string Text, long Dropped)> Lines(byte[] bytes)
    {
        var lines = new List<(int, string, long)>();
        using var stream = new MemoryStream(bytes);
        LogLineReader.Read(stream, (n, text, dropped, _) => lines.Add((n, text.ToString(), dropped)));
        return lines;
    }

    [Test]
    public void Lines_are_numbered_from_one_with_lf_and_crlf_ends()
    {
        var lines = Lines(Encoding.UTF8.GetBytes("a\r\nb\n\nc"));
        Assert.That(lines.Select(l => $"{l.Number}:{l.Text}"), Is.EqualTo(new[] { "1:a", "2:b", "3:", "4:c" }));
    }

    [Test]
    public void A_bom_is_dropped_and_a_final_newline_adds_no_line()
    {
        var lines = Lines([0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n']);
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public void Invalid_utf8_becomes_replacement_characters()
    {
        var lines = Lines([(byte)'o', (byte)'k', 0xC3, 0x28, 0xFF, (byte)'\n', (byte)'z']);
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "ok\uFFFD(\uFFFD", "z" }));
    }

    [Test]
    public void A_line_longer_than_the_cap_keeps_its_start_and_counts_the_rest()
    {
        var length = LogLineReader.MaxLineChars * 5 + 17;
        var bytes = Encoding.ASCII.GetBytes(new string('x', length) + "\nnext\n");
        var lines = Lines(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0].Text, Has.Length.EqualTo(LogLineReader.MaxLineChars));
            Assert.That(lines[0].Dropped, Is.EqualTo(length - LogLineReader.MaxLineChars));
            Assert.That(lines[1], Is.EqualTo((2, "next", 0L)));
        });
    }

    [TestCase("2020/05/24 04:28:33 Step 1/15 : FROM x", "Step 1/15 : FROM x")]
    [TestCase("2024-09-05T15:26:38: Login Succeeded", "Login Succeeded")]
    [TestCase("2024-09-16T14:54:17.8090937Z 2024-09-16T14:52:52: Step 1/9 : FROM x", "Step 1/9 : FROM x")]
    [TestCase("2024-09-16T14:54:17.8090937Z ##[error]Building docker image failed", "Building docker image failed")]
    [TestCase("2024-09-16T14:54:17Z done", "done")]
    [TestCase("2024-09-05T15:26:38:", "")]
    [TestCase("2024-09-05 text", "2024-09-05 text")]
    [TestCase("2024/05/24 text", "2024/05/24 text")]
    [TestCase("#5 [2/4] RUN x", "#5 [2/4] RUN x")]
    public void Timestamps_of_every_generation_are_stripped(string line, string rest)
    {
        Assert.That(line[LinePrefix.Length(line)..], Is.EqualTo(rest));
    }

    [TestCase("\u001b[91mERROR: x\u001b[0m", "ERROR: x")]
    [TestCase("[91mERROR: x[0m [91m", "ERROR: x ")]
    [TestCase("\u001b[1;31mred\u001b[0m and \u001b(Bplain", "red and plain")]
    [TestCase("#5 [2/4] RUN pip install x[gpu]", "#5 [2/4] RUN pip install x[gpu]")]
    [TestCase("array[0] [12]", "array[0] [12]")]
    [TestCase("unterminated \u001b[", "unterminated ")]
    public void Colour_codes_are_removed_also_without_their_escape_byte(string text, string plain)
    {
        var buffer = new char[text.Length];
        var length = AnsiText.Strip(text, buffer);
        Assert.That(new string(buffer, 0, length), Is.EqualTo(plain));
    }

    [Test]
    public void Gzip_is_detected_by_its_magic_bytes_on_a_stream_that_cannot_seek()
    {
        var gz = LogTestSupport.Gzip("line one\nERROR: No matching distribution found for nothing-here\n");
        using var stream = new NonSeekable(gz);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "-");
        Assert.That(diagnosis.Roots(), Is.EqualTo(new[] { "PG303@2" }));
    }

    [Test]
    public void A_truncated_gzip_log_is_diagnosed_as_far_as_it_goes()
    {
        var gz = LogTestSupport.Gzip("ERROR: No matching distribution found for pkg-a\n" + new string('x', 200_000));
        using var stream = new MemoryStream(gz[..(gz.Length / 2)]);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "cut.gz");
        Assert.That(diagnosis.Roots(), Is.EqualTo(new[] { "PG303@1" }));
    }

    [TestCase("-r /azureml-environment-setup/condaenv.dxi_0178.requirements.txt (line 39)", "/azureml-environment-setup/condaenv.dxi_0178.requirements.txt", 39, null, true)]
    [TestCase("(from line 2 of requirements.txt)", "requirements.txt", 2, null, false)]
    [TestCase("(from good-package==1.0)", null, null, "good-package", false)]
    [TestCase("(from azureml-train-automl==1.0.48->-r /x/condaenv.a1.requirements.txt (line 3))", "/x/condaenv.a1.requirements.txt", 3, "azureml-train-automl", true)]
    [TestCase("(from versions: 1.0, 2.0)", null, null, null, false)]
    public void Pip_references_are_read(string text, string? file, int? line, string? from, bool conda)
    {
        var reference = PipReference.Parse(text);
        Assert.That((reference.File, reference.Line, reference.FromPackage, reference.IsCondaPipList), Is.EqualTo((file, line, from, conda)));
    }

    private sealed class NonSeekable(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
