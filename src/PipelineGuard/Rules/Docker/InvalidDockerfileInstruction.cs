using PipelineGuard.Documents.Docker;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// PG132: a Dockerfile instruction BuildKit does not know (a typo, arguments glued to the keyword, a line that lost
/// its trailing '\'), or a Dockerfile that is not UTF-8 (the reader decoded invalid bytes as U+FFFD).
/// Guide: "Unknown Docker instruction" and "Unexpected Dockerfile Format" (save the file as UTF-8).
/// </summary>
internal sealed class InvalidDockerfileInstruction : IRule
{
    public static readonly RuleInfo Rule = new("PG132", "invalid-dockerfile-instruction", Severity.Error,
        "A Dockerfile has an unknown instruction, or is not UTF-8.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var notUtf8 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in context.Workspace.Documents.Where(d => d.Kind == DocumentKind.Dockerfile))
        {
            var invalid = document.Text.Content.IndexOf('\uFFFD', StringComparison.Ordinal);
            if (invalid >= 0)
            {
                notUtf8.Add(document.Text.Path);
                yield return Finding(document.Text.SpanOf(invalid, 1), NotUtf8Message(document.Text.Content), null);
            }
        }

        // A file in another encoding also has garbled keywords: the encoding finding says it all.
        var dockerfiles = context.Workspace.Environments
            .Select(e => e.Build?.Dockerfile)
            .OfType<DockerfileDocument>()
            .Distinct()
            .Where(d => !notUtf8.Contains(d.Source.Path));
        foreach (var dockerfile in dockerfiles)
        {
            DockerInstruction? previous = null;
            foreach (var instruction in dockerfile.Instructions)
            {
                foreach (var unknown in new[] { instruction, instruction.OnBuildInner }.OfType<DockerInstruction>().Where(i => !i.IsKnown))
                {
                    var (hint, fix) = Hint(unknown, previous);
                    yield return Finding(unknown.Keyword.Span,
                        $"unknown instruction '{unknown.Keyword.Value}': the build stops at once with 'dockerfile parse error on line " +
                        $"{unknown.Keyword.Span.Line}: unknown instruction: {unknown.Keyword.Value}'. {hint}",
                        fix);
                }

                previous = instruction;
            }
        }
    }

    private static string NotUtf8Message(string content) =>
        "the Dockerfile is not UTF-8: this byte sequence is not valid UTF-8 " +
        (content.Contains('\0', StringComparison.Ordinal) ? "(the file looks like UTF-16, which Windows editors and PowerShell's '>' write)" : "(probably Windows-1252 or Latin-1)") +
        ", and Docker reads it as garbage ('Unexpected Dockerfile Format', 'unknown instruction'). Save the file as UTF-8.";

    /// <summary>What probably went wrong, and the replacement for the keyword when it is mechanical.</summary>
    private static (string Hint, string? Fix) Hint(DockerInstruction unknown, DockerInstruction? previous)
    {
        var keyword = unknown.Keyword.Value;
        var glued = DockerKeywords.Known
            .Where(k => keyword.Length > k.Length && keyword.StartsWith(k, StringComparison.OrdinalIgnoreCase) && !char.IsLetter(keyword[k.Length]))
            .MaxBy(k => k.Length);
        if (glued is not null)
        {
            var fix = $"{keyword[..glued.Length]} {keyword[glued.Length..]}";
            return ($"Put a space between the instruction and its arguments: '{fix}'.", fix);
        }

        if (NearestKeyword(keyword) is { } nearest)
        {
            return ($"Did you mean '{nearest}'?", nearest);
        }

        if (previous is not null && previous.Span.EndLine < unknown.Keyword.Span.Line &&
            (keyword.StartsWith("&&", StringComparison.Ordinal) || keyword.StartsWith('|') || keyword.Any(char.IsLower)))
        {
            return ($"If this line continues the {previous.KeywordUpper} above (line {previous.Span.EndLine}), end that line with '\\'.", null);
        }

        return ($"Valid instructions are {string.Join(", ", DockerKeywords.Known.Order(StringComparer.Ordinal))}.", null);
    }

    /// <summary>A known keyword one edit away (two for longer ones), case ignored: RUNN, COPPY, WORKDIRR, ENTRYPIONT.</summary>
    private static string? NearestKeyword(string keyword)
    {
        if (keyword.Length is < 3 or > 14 || !keyword.All(char.IsAsciiLetter))
        {
            return null;
        }

        var upper = keyword.ToUpperInvariant();
        var best = DockerKeywords.Known
            .Select(k => (Keyword: k, Distance: EditDistance.Between(upper, k)))
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Keyword, StringComparer.Ordinal)
            .First();
        return best.Distance <= (best.Keyword.Length <= 4 ? 1 : 2) ? best.Keyword : null;
    }

    private static Finding Finding(SourceSpan span, string message, string? fix) => new(Rule, Rule.DefaultSeverity, message, span, fix);
}
