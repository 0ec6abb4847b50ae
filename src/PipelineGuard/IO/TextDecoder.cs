using System.Text;

namespace PipelineGuard.IO;

/// <summary>
/// Decodes file bytes. <see cref="Decode(byte[])"/> reads UTF-8 (BOM accepted), as Docker, conda and Azure ML do;
/// <see cref="DecodeAsPip"/> also honours a UTF-16 or UTF-32 byte-order mark, as pip's requirements reader does
/// (pip/_internal/utils/encoding.py <c>auto_decode</c>). Invalid bytes never stop a run: they decode as U+FFFD and
/// the offset of the first is kept. Never throws.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
    private static readonly (byte[] Mark, Encoding Strict, Encoding Lenient)[] ByteOrderMarks =
    [
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false, true), new UTF32Encoding(false, false, false)),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(true, false, true), new UTF32Encoding(true, false, false)),
        ([0xFF, 0xFE], new UnicodeEncoding(false, false, true), new UnicodeEncoding(false, false, false)),
        ([0xFE, 0xFF], new UnicodeEncoding(true, false, true), new UnicodeEncoding(true, false, false)),
    ];

    public static (string Text, long? FirstInvalidByte) Decode(byte[] bytes) => Decode(bytes, 0, Strict, Lenient);

    /// <summary>As pip reads a requirements file: a UTF-16/32 byte-order mark says the encoding, otherwise UTF-8.</summary>
    public static (string Text, long? FirstInvalidByte) DecodeAsPip(byte[] bytes)
    {
        foreach (var (mark, strict, lenient) in ByteOrderMarks)
        {
            if (bytes.AsSpan().StartsWith(mark))
            {
                return Decode(bytes, mark.Length, strict, lenient);
            }
        }

        return Decode(bytes);
    }

    private static (string Text, long? FirstInvalidByte) Decode(byte[] bytes, int skip, Encoding strict, Encoding lenient)
    {
        try
        {
            return (strict.GetString(bytes, skip, bytes.Length - skip), null);
        }
        catch (DecoderFallbackException e)
        {
            // A lone surrogate in UTF-16, a truncated last character: U+FFFD, and the first bad byte is reported.
            return (lenient.GetString(bytes, skip, bytes.Length - skip), skip + (e.Index >= 0 ? e.Index : 0));
        }
    }
}
