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
/// <item><see cref="Neutralise"/>, applied to every user-controlled line that is not itself one of our commands (the
/// echoed findings, Azure's notice lines): there <c>##vso[</c> and <c>##[</c> would be read, by Azure's agent
/// (<c>IndexOf("##vso[")</c>, anywhere in a line) and the runner's legacy parser (<c>IndexOf("##[")</c>), and invisible
/// characters that a culture-sensitive <c>IndexOf</c> skips could hide them (<c>#&lt;ZWSP&gt;#vso[</c>). Inside one of
/// our commands the text is only escaped, as the platforms' libraries do: each reads one command per line, ours, at its
/// start, and the escaped CR and LF keep the text on that line (<see cref="GitHubUserCommand"/> covers the one case
/// where the runner would look further).</item>
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

    /// <summary>
    /// A GitHub command that carries user text (an annotation): exactly <see cref="GitHubCommand"/>, so a message with
    /// <c>##[error]</c> arrives unchanged. The runner tries its <c>::</c> parser first and reads a line's <c>##[</c>
    /// (anywhere in it) only when that parser fails; it finds the <c>::</c> that ends the properties with a
    /// culture-sensitive search, which fails when the separator is glued to a neighbour (a combining mark right after
    /// it, a prepended mark such as U+0600 right before it). Only then, when the runner would fall back to its legacy
    /// parser, are the values neutralised (<see cref="Neutralise"/>), so no <c>##[</c> is left for it to read.
    /// </summary>
    public static string GitHubUserCommand(string name, IReadOnlyList<KeyValuePair<string, string?>> properties, string message)
    {
        var line = GitHubCommand(name, properties, message);
        return SeparatorStandsAlone(line)
            ? line
            : GitHubCommand(name, [.. properties.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value is null ? null : Neutralise(p.Value)))], Neutralise(message));
    }

    /// <summary>
    /// Whether the <c>::</c> after the properties is two text elements of their own, with an ordinary character (or
    /// nothing) on each side: then every search for <c>::</c>, ordinal or linguistic, finds it where it is. Text
    /// elements (UAX #29) come from .NET's own Unicode tables, so this holds under invariant globalization too.
    /// </summary>
    private static bool SeparatorStandsAlone(string line)
    {
        var separator = line.IndexOf("::", 2, StringComparison.Ordinal);
        var boundaries = System.Globalization.StringInfo.ParseCombiningCharacters(line);
        return separator > 2
            && Array.BinarySearch(boundaries, separator) >= 0
            && Array.BinarySearch(boundaries, separator + 1) >= 0
            && (separator + 2 == line.Length || Array.BinarySearch(boundaries, separator + 2) >= 0)
            && IsOrdinary(line, separator - 1)
            && (separator + 2 == line.Length || IsOrdinary(line, separator + 2));
    }

    private static bool IsOrdinary(string text, int index)
    {
        if (char.IsSurrogate(text[index]))
        {
            return Rune.TryGetRuneAt(text, char.IsLowSurrogate(text[index]) && index > 0 ? index - 1 : index, out var rune) && !IsUnsafe(rune) && !IsMark(rune);
        }

        var c = new Rune(text[index]);
        return !IsUnsafe(c) && !IsMark(c);
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

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
