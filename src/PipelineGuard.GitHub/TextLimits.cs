using System.Text;

namespace PipelineGuard.GitHub;

/// <summary>
/// GitHub's size limits (Checks API: annotation title 255 characters, message and raw_details 64 KB, output summary
/// 65535 characters; review comment body 65536 characters). Cuts are counted in UTF-8 bytes, which is the stricter
/// reading, and never split a surrogate pair.
/// </summary>
internal static class TextLimits
{
    public const int TitleChars = 255;
    public const int MessageBytes = 64 * 1000;
    public const int SummaryBytes = 65_000;
    public const int CommentBytes = 60_000;
    private const string Ellipsis = "…";

    public static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var budget = maxBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        var used = 0;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(i, width));
            if (used + bytes > budget)
            {
                break;
            }

            used += bytes;
            i += width;
        }

        return text[..i] + Ellipsis;
    }

    public static string TruncateChars(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }
}
