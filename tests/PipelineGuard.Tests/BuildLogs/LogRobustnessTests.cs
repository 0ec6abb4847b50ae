using System.Text;
using PipelineGuard.BuildLogs;
using PipelineGuard.Diagnosis;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>No input makes the diagnoser crash or hang: empty, binary, one huge line, endless repeats; and a log with no failure yields no error.</summary>
public sealed class LogRobustnessTests
{
    [Test]
    public void An_empty_log_yields_nothing()
    {
        using var stream = new MemoryStream([]);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "empty.log");
        Assert.Multiple(() =>
        {
            Assert.That(diagnosis.Findings, Is.Empty);
            Assert.That(diagnosis.Read.Lines, Is.Zero);
        });
    }

    [Test]
    public void Binary_input_does_not_crash()
    {
        var random = new Random(301);
        var bytes = new byte[3_000_000];
        random.NextBytes(bytes);
        using var stream = new MemoryStream(bytes);
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "random.bin");
        Assert.That(diagnosis.Findings.Where(f => f.Severity == Severity.Error), Is.Empty);
    }

    [Test]
    public void A_single_20_MB_line_is_read_in_bounded_memory_and_later_lines_still_count()
    {
        using var stream = new GeneratedStream(20_000_000, "\nERROR: No matching distribution found for after-the-long-line\n");
        var diagnosis = BuildLogDiagnoser.Analyze(stream, "long.log");
        Assert.Multiple(() =>
        {
            Assert.That(diagnosis.Roots(), Is.EqualTo(new[] { "PG303@2" }));
            Assert.That(diagnosis.Read.TruncatedLines, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_signature_inside_an_overlong_line_is_still_seen_when_it_is_near_its_start()
    {
        var text = "ERROR: Could not find a version that satisfies the requirement nothing-here (from versions: none) " + new string('.', 300_000);
        Assert.That(LogTestSupport.Analyze(text).Roots(), Is.EqualTo(new[] { "PG303@1" }));
    }

    [Test]
    public void Many_repeats_of_a_signature_become_one_finding_with_a_count()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("INFO: pip is looking at multiple versions of botocore to determine which version is compatible with other requirements. This could take a while.\n");
        }

        builder.Append("Successfully installed botocore-1.31.0\n");
        var diagnosis = LogTestSupport.Analyze(builder.ToString());
        var only = diagnosis.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(only.Severity, Is.EqualTo(Severity.Notice));
            Assert.That(only.Message, Does.Contain("seen 20000 times"));
        });
    }

    [Test]
    public void Many_distinct_signatures_stay_bounded()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < SignalStore.MaxSignals * 2; i++)
        {
            builder.Append("INFO: pip is looking at multiple versions of pkg").Append(i).Append(" to determine which version\n");
        }

        var diagnosis = LogTestSupport.Analyze(builder.ToString());
        Assert.That(diagnosis.Findings, Has.Count.EqualTo(SignalStore.MaxSignals));
    }

    [TestCase("Step 1/3 : FROM python:3.11\n ---> abc\nStep 2/3 : RUN echo hi\nhi\nSuccessfully built abc\n")]
    [TestCase("just some text\nwith no failure at all\n")]
    [TestCase("Collecting numpy==1.26.4\nSuccessfully installed numpy-1.26.4\n")]
    [TestCase("#5 [2/2] RUN pip install x\n#5 1.2 Successfully installed x-1.0\n#5 DONE 3.4s\n")]
    [TestCase("Step 2/3 : RUN pip install x || true\nERROR: No matching distribution found for x\nRemoving intermediate container 1\n ---> 2\nStep 3/3 : CMD [\"bash\"]\nSuccessfully built 3\n")]
    public void A_successful_or_unrecognised_log_yields_no_error(string text)
    {
        Assert.That(LogTestSupport.Analyze(text).Findings.Where(f => f.Severity == Severity.Error), Is.Empty);
    }

    [Test]
    public void Pathological_punctuation_is_linear()
    {
        var text = string.Concat(Enumerable.Repeat("[[[[ ((( '\"'\" ERROR: Invalid requirement: '", 20_000)) + "\n" +
                   string.Concat(Enumerable.Repeat("Could not fetch URL ://", 20_000));
        Assert.That(() => LogTestSupport.Analyze(text), Throws.Nothing);
    }

    /// <summary>Produces a long run of 'x' without storing it, then a tail.</summary>
    private sealed class GeneratedStream(long length, string tail) : Stream
    {
        private readonly byte[] _tail = Encoding.ASCII.GetBytes(tail);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written] = _position < length ? (byte)'x' : _tail[_position - length];
                written++;
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
