using System.Text;

namespace PipelineGuard.IO;

/// <summary>Decodes file bytes as UTF-8 (BOM accepted). Invalid bytes never stop a run: they decode as U+FFFD and the offset of the first is kept.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static (string Text, long? FirstInvalidByte) Decode(byte[] bytes)
    {
        try
        {
            return (Strict.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            return (Lenient.GetString(bytes), e.Index >= 0 ? e.Index : 0);
        }
    }
}
