using System.Buffers;
using System.Text;

namespace PipelineGuard.Reporting;

/// <summary>
/// Makes user-controlled text safe to print on a terminal: control characters (ESC, CR, …) would let a
/// crafted file move the cursor, recolour or rewrite earlier output, so they are shown as '?'.
/// </summary>
internal static class TextSanitizer
{
    // Every control character but tab (C0, DEL and C1): a vectorised search, as every message and path passes here.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c != '\t')]);

    public static string ForTerminal(string text)
    {
        if (!text.AsSpan().ContainsAny(Controls))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) && c != '\t' ? '?' : c);
        }

        return sb.ToString();
    }
}
