using System.IO.Compression;

namespace PipelineGuard.BuildLogs;

/// <summary>Opens a log for reading: gzip-compressed logs (as Azure ML and CI artifacts often store them) are inflated on the fly.</summary>
internal static class LogStreams
{
    /// <summary>
    /// Sniffs the gzip magic bytes 1f 8b (RFC 1952 §2.3.1) and returns a stream of the log's plain bytes.
    /// Works on streams that cannot seek (standard input).
    /// </summary>
    public static Stream Decompressed(Stream raw)
    {
        var head = new byte[2];
        var read = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var replay = new ReplayStream(head.AsMemory(0, read), raw);
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b
            ? new GZipStream(replay, CompressionMode.Decompress)
            : replay;
    }
}
