using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PipelineGuard.BuildLogs;

/// <summary>Receives one line of a log: its 1-based number, its text (at most <see cref="LogLineReader.MaxLineChars"/>
/// characters, line end removed), how many characters beyond that cap were dropped, and whether the kept text contains one
/// of the reader's anchors (always true when the reader was given none).</summary>
internal delegate void LogLineHandler(int number, ReadOnlySpan<char> text, long droppedChars, bool anchored);

/// <summary>
/// Splits a log into lines in constant memory, whatever its size: bytes are decoded in fixed-size blocks
/// (invalid UTF-8 becomes U+FFFD, never an exception) and a line longer than <see cref="MaxLineChars"/> keeps only
/// its first characters; the rest is counted, not stored, so a single 100 MB line costs no more than a short one.
/// Given anchors, it searches each block for them once (one vectorised pass per hit rather than one call per line) and
/// tells each line whether it holds one, so that the caller can skip the others at once.
/// </summary>
internal static class LogLineReader
{
    /// <summary>The most a line keeps. Every signature PipelineGuard matches sits well inside the first 64 K characters.</summary>
    public const int MaxLineChars = 64 * 1024;

    private const int ByteBlock = 256 * 1024;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LogReadSummary Read(Stream stream, LogLineHandler onLine, SearchValues<string>? anchors = null)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
        var bytes = new byte[ByteBlock];
        var chars = new char[ByteBlock + 1];
        var carry = new char[MaxLineChars];
        var carryLength = 0;
        long carryDropped = 0;
        var pending = false;
        var number = 0;
        var truncated = 0;
        long total = 0;
        string? error = null;
        var first = true;

        while (true)
        {
            int read;
            try
            {
                read = stream.Read(bytes, 0, bytes.Length);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
            {
                // A truncated gzip member, a broken pipe: diagnose what was read.
                error = e.Message;
                read = 0;
            }

            total += read;
            var flush = read == 0;
            var charCount = decoder.GetChars(bytes, 0, read, chars, 0, flush);
            var start = 0;
            if (first && charCount > 0)
            {
                first = false;
                start = chars[0] == '\uFEFF' ? 1 : 0;
            }

            var block = chars.AsSpan(0, charCount);
            var position = start;

            // The next anchor at or after `position`, or int.MaxValue; recomputed only once the lines have passed it.
            var nextAnchor = -1;
            while (position < block.Length)
            {
                var newline = block[position..].IndexOf('\n');
                if (newline < 0)
                {
                    Append(block[position..]);
                    break;
                }

                var end = position + newline;
                if (pending)
                {
                    Append(block[position..end]);
                    var line = carry.AsSpan(0, carryLength);
                    Emit(line, carryDropped, anchors is null || line.IndexOfAny(anchors) >= 0);
                    carryLength = 0;
                    carryDropped = 0;
                    pending = false;
                }
                else
                {
                    var kept = Math.Min(newline, MaxLineChars);
                    var anchored = true;
                    if (anchors is not null)
                    {
                        if (nextAnchor < position)
                        {
                            var hit = block[position..].IndexOfAny(anchors);
                            nextAnchor = hit < 0 ? int.MaxValue : position + hit;
                        }

                        anchored = nextAnchor < position + kept;
                        if (!anchored && nextAnchor < end)
                        {
                            // The anchor lies in the dropped part of an overlong line: look past it next time.
                            nextAnchor = -1;
                        }
                    }

                    Emit(block.Slice(position, kept), newline - kept, anchored);
                }

                position = end + 1;
            }

            if (flush)
            {
                break;
            }
        }

        if (pending)
        {
            var line = carry.AsSpan(0, carryLength);
            Emit(line, carryDropped, anchors is null || line.IndexOfAny(anchors) >= 0);
        }

        return new LogReadSummary(number, total, truncated, error);

        void Append(ReadOnlySpan<char> piece)
        {
            pending = true;
            var room = MaxLineChars - carryLength;
            var take = Math.Min(room, piece.Length);
            piece[..take].CopyTo(carry.AsSpan(carryLength));
            carryLength += take;
            carryDropped += piece.Length - take;
        }

        void Emit(ReadOnlySpan<char> line, long dropped, bool anchored)
        {
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (dropped > 0)
            {
                truncated++;
            }

            number = number == int.MaxValue ? number : number + 1;
            onLine(number, line, dropped, anchored);
        }
    }
}
