using System.Text;

namespace PipelineGuard.Engine.Fixes;

/// <summary>
/// How a file's bytes hold its text: the encoding the check read it with and the byte-order mark in front. A fix is
/// written back in the same encoding with the same mark, so nothing but the fixed characters changes on disk.
/// </summary>
internal sealed record TextFileEncoding(Encoding Encoding, byte[] Preamble, string Name)
{
    private static readonly TextFileEncoding[] WithMarks =
    [
        // Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
        new(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), [0xFF, 0xFE, 0x00, 0x00], "UTF-32 LE"),
        new(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), [0x00, 0x00, 0xFE, 0xFF], "UTF-32 BE"),
        new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM"),
        new(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), [0xFF, 0xFE], "UTF-16 LE"),
        new(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), [0xFE, 0xFF], "UTF-16 BE"),
    ];

    private static readonly TextFileEncoding Utf8 = new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), [], "UTF-8");

    /// <summary>Git and <c>patch</c> treat UTF-8 (with or without a mark) as text; UTF-16 and UTF-32 look binary to them.</summary>
    public bool IsUtf8 => Encoding is UTF8Encoding;

    /// <summary>The encoding its byte-order mark names, else UTF-8.</summary>
    public static TextFileEncoding Of(byte[] bytes) => WithMarks.FirstOrDefault(e => bytes.AsSpan().StartsWith(e.Preamble)) ?? Utf8;

    /// <summary>The text after the mark, or null when the bytes are not exactly that encoding (then nothing is written).</summary>
    public string? Decode(byte[] bytes)
    {
        try
        {
            var text = Encoding.GetString(bytes, Preamble.Length, bytes.Length - Preamble.Length);
            return Encode(text).AsSpan().SequenceEqual(bytes) ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public byte[] Encode(string text) => [.. Preamble, .. Encoding.GetBytes(text)];
}
