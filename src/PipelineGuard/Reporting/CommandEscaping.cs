using System.Globalization;
using System.Text;

namespace PipelineGuard.Reporting;

/// <summary>
/// The one place where text becomes a CI log line. Package names, messages, paths and echoed log lines are
/// user-controlled; a crafted one must never make GitHub Actions or Azure Pipelines run a command.
/// Two layers:
/// <list type="number">
/// <item>The platforms' own escaping, copied exactly and checked against their libraries on hundreds of hostile
/// strings (Vectors/escaping/commands.json): GitHub's toolkit
/// (<see href="https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts">command.ts</see>) and Azure's
/// task library (<see href="https://github.com/microsoft/azure-pipelines-task-lib/blob/master/node/taskcommand.ts">taskcommand.ts</see>).
/// It keeps a value inside its property or message.</item>
/// <item><see cref="Neutralise"/>, applied first to every user-controlled string: the escaping alone leaves
/// <c>##vso[</c> and <c>##[</c> in a message, which Azure's agent (<c>IndexOf("##vso[")</c>, anywhere in a line) and
/// the runner's legacy parser (<c>IndexOf("##[")</c>) match, and it leaves invisible characters that a
/// culture-sensitive <c>IndexOf</c> skips, so <c>#&lt;ZWSP&gt;#vso[</c> could match too.</item>
/// </list>
/// </summary>
internal static class CommandEscaping
{
    /// <summary>What replaces a character that could break a line or hide a command prefix.</summary>
    public const char Replacement = '?';

    // ---------------------------------------------------------------- layer 1: the platforms' exact escaping

    /// <summary>GitHub <c>escapeData</c>: <c>%</c> first, then CR and LF.</summary>
    public static string GitHubData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>GitHub <c>escapeProperty</c>: as data, plus <c>:</c> and <c>,</c> (the property separators).</summary>
    public static string GitHubProperty(string text) =>
        GitHubData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Azure task library <c>escapedata</c>: <c>%</c> as <c>%AZP25</c>, then CR and LF.</summary>
    public static string AzureData(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Azure task library <c>escape</c>: as data, plus <c>]</c> (ends the command) and <c>;</c> (separates properties).</summary>
    public static string AzureProperty(string text) =>
        AzureData(text)
            .Replace("]", "%5D", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal);

    /// <summary>
    /// <c>::name k=v,k=v::message</c> as the toolkit's <c>Command.toString</c> writes it: properties in the given
    /// order, those with a null or empty value left out (the runner drops them anyway).
    /// </summary>
    public static string GitHubCommand(string name, IEnumerable<KeyValuePair<string, string?>> properties, string message)
    {
        var sb = new StringBuilder("::").Append(name);
        var first = true;
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(first ? ' ' : ',').Append(key).Append('=').Append(GitHubProperty(value));
            first = false;
        }

        return sb.Append("::").Append(GitHubData(message)).ToString();
    }

    /// <summary><c>##vso[area.event k=v;k=v;]message</c> as the task library's <c>TaskCommand.toString</c> writes it.</summary>
    public static string AzureCommand(string name, IEnumerable<KeyValuePair<string, string?>> properties, string message)
    {
        var sb = new StringBuilder("##vso[").Append(name);
        var first = true;
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(first ? " " : string.Empty).Append(key).Append('=').Append(AzureProperty(value)).Append(';');
            first = false;
        }

        return sb.Append(']').Append(AzureData(message)).ToString();
    }

    // ---------------------------------------------------------------- layer 2: neutralising user text

    /// <summary>
    /// Makes user-controlled text inert for both CI systems and keeps it on one line: every character that ends a
    /// line anywhere (CR, LF, U+0085, U+2028, U+2029, VT, FF), every other control or format character (NUL, ESC,
    /// zero-width and bidi marks, BOM, soft hyphen), every lone surrogate, private-use or unassigned code point, and
    /// the few letters and marks that Unicode declares default-ignorable, become <see cref="Replacement"/>; then every
    /// <c>##[</c> and <c>##vso[</c> (any case) gets a space between its two hashes. Tabs are kept. The result contains
    /// no character that a culture-sensitive search may skip, so an ordinal search for the prefixes is complete.
    /// </summary>
    public static string Neutralise(string text)
    {
        if (IsInert(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var rune in EnumerateRunesLossy(text))
        {
            if (IsUnsafe(rune))
            {
                sb.Append(Replacement);
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return BreakCommandPrefixes(sb.ToString());
    }

    private static bool IsInert(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 ? c != '\t' : c >= 0x7F || c == '#')
            {
                return false;
            }
        }

        return true;
    }

    private static string BreakCommandPrefixes(string text)
    {
        if (!text.Contains("##", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (text[i] == '#' && i + 1 < text.Length && text[i + 1] == '#' && StartsCommand(text, i + 2))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <c>[</c> or <c>vso[</c> (any case) starts at <paramref name="at"/>.</summary>
    private static bool StartsCommand(string text, int at) =>
        at < text.Length && (text[at] == '[' ||
            (at + 3 < text.Length && string.Compare(text, at, "vso[", 0, 4, StringComparison.OrdinalIgnoreCase) == 0));

    private static IEnumerable<Rune> EnumerateRunesLossy(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            yield return status == System.Buffers.OperationStatus.Done ? rune : new Rune(0xFFFF);
            i += Math.Max(consumed, 1);
        }
    }

    private static bool IsUnsafe(Rune rune)
    {
        if (rune.Value == '\t')
        {
            return false;
        }

        if (rune.Value == 0xFFFF)
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return true;
            default:
                return IsDefaultIgnorable(rune.Value);
        }
    }

    /// <summary>
    /// Default-ignorable code points outside the control and format categories (Unicode DerivedCoreProperties.txt,
    /// Default_Ignorable_Code_Point): collation gives them no weight, so a culture-sensitive search skips them.
    /// </summary>
    private static bool IsDefaultIgnorable(int c) =>
        c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
        || c is >= 0x180B and <= 0x180F
        || c is >= 0xFE00 and <= 0xFE0F
        || c is >= 0xE0000 and <= 0xE0FFF;
}
