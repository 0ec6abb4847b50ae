using System.Text;

namespace PipelineGuard.Reporting;

/// <summary>
/// Makes user-controlled text safe to print on a terminal: control characters (ESC, CR, …) would let a
/// crafted file move the cursor, recolour or rewrite earlier output, so they are shown as '?'.
/// </summary>
internal static class TextSanitizer
{
    public static string ForTerminal(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\t'))
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
