namespace PipelineGuard.Reporting;

/// <summary>
/// The short "why" of a finding for its first line: the message's first clause (up to the first <c>; </c> or the end of
/// its first sentence), cut at a word to fit what the line has left. The whole message, with its remedies, is one
/// <c>--verbose</c> or <c>explain</c> away.
/// </summary>
internal static class ShortMessage
{
    /// <summary>About what a terminal, a pull request's log view and a code review show without wrapping.</summary>
    public const int FirstLineLength = 160;

    /// <summary>A long prefix must not squeeze the why to nothing: the line may then run a little over.</summary>
    public const int MinimumLength = 40;

    public static string Of(string message, int budget)
    {
        var clause = FirstClause(message);
        budget = Math.Max(budget, MinimumLength);
        if (clause.Length <= budget)
        {
            return clause;
        }

        var cut = clause.LastIndexOf(' ', budget - 1);
        var kept = (cut > budget / 2 ? clause[..cut] : clause[..(budget - 1)]).TrimEnd(' ', ',', ';', ':', '(');
        return kept + "…";
    }

    private static string FirstClause(string message)
    {
        var end = message.Length;
        var semicolon = message.IndexOf("; ", StringComparison.Ordinal);
        if (semicolon > 0)
        {
            end = semicolon;
        }

        // A sentence ends at ". " before a capital; "e.g. 'x'" and "3.11. " before a lower-case word do not count.
        for (var i = 1; i + 2 < end; i++)
        {
            if (message[i] == '.' && message[i + 1] == ' ' && char.IsUpper(message[i + 2]) && !message.AsSpan(0, i + 1).EndsWith("e.g.", StringComparison.Ordinal))
            {
                end = i;
                break;
            }
        }

        return message[..end].TrimEnd('.', ' ');
    }
}
