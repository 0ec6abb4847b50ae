using System.Text;

namespace PipelineGuard.BuildLogs;

/// <summary>Receives one line of a log: its 1-based number, its text (at most <see cref="LogLineReader.MaxLineChars"/>
/// characters, line end removed) and how many characters beyond that cap were dropped.</summary>
internal delegate void LogLineHandler(int number, ReadOnlySpan<char> text, long droppedChars);

/// <summary>What reading a log saw: lines, bytes, lines cut to the cap, and the error that stopped reading early, if any.</summary>
internal sealed record LogReadSummary(int Lines, long Bytes, int TruncatedLines, string? Error);

/// <summary>
/// Splits a log into lines in constant memory, whatever its size: bytes are decoded in fixed-size blocks
/// (invalid UTF-8 becomes U+FFFD, never an exception) and a line longer than <see cref="MaxLineChars"/> keeps only
/// its first characters; the rest is counted, not stored, so a single 100 MB line costs no more than a short one.
/// </summary>
internal static class LogLineReader
{
    /// <summary>The most a line keeps. Every signature PipelineGuard matches sits well inside the first 64 K characters.</summary>
    public const int MaxLineChars = 64 * 1024;

    private const int ByteBlock = 256 * 1024;

    public static LogReadSummary Read(Stream stream, LogLineHandler onLine)
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
            var block = chars.AsSpan(0, charCount);
            if (first && block.Length > 0)
            {
                first = false;
                if (block[0] == '\uFEFF')
                {
                    block = block[1..];
                }
            }

            while (!block.IsEmpty)
            {
                var newline = block.IndexOf('\n');
                var piece = newline < 0 ? block : block[..newline];
                if (newline < 0)
                {
                    Append(piece);
                    break;
                }

                if (pending)
                {
                    Append(piece);
                    Emit(carry.AsSpan(0, carryLength), carryDropped);
                    carryLength = 0;
                    carryDropped = 0;
                    pending = false;
                }
                else if (piece.Length > MaxLineChars)
                {
                    Emit(piece[..MaxLineChars], piece.Length - MaxLineChars);
                }
                else
                {
                    Emit(piece, 0);
                }

                block = block[(newline + 1)..];
            }

            if (flush)
            {
                break;
            }
        }

        if (pending)
        {
            Emit(carry.AsSpan(0, carryLength), carryDropped);
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

        void Emit(ReadOnlySpan<char> line, long dropped)
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
            onLine(number, line, dropped);
        }
    }
}
