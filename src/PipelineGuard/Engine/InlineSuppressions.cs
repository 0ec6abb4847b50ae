using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Engine;

/// <summary>
/// Finds suppression comments in YAML, requirements files and Dockerfiles (all use <c>#</c> comments). Rules are
/// given by ID or name; a misspelt directive or an unknown rule is kept as a problem of the comment, to be reported.
/// </summary>
internal static class InlineSuppressions
{
    private const string Marker = "pipelineguard:";
    private const string Ignore = "ignore";
    private const string IgnoreFile = "ignore-file";

    public static IReadOnlyList<SuppressionComment> Parse(SourceText source)
    {
        var result = new List<SuppressionComment>();
        if (!source.Content.Contains(Marker, StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLine(line);
            var hash = FindComment(text);
            if (hash < 0)
            {
                continue;
            }

            var body = text[(hash + 1)..].TrimStart();
            if (!body.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            body = body[Marker.Length..].TrimStart();
            var ownLine = text[..hash].Trim().Length == 0;
            var span = new SourceSpan(source.Path, line, hash + 1, line, text.TrimEnd().Length + 1);
            var directive = new string(body.TakeWhile(c => char.IsLetter(c) || c is '-' or '_').ToArray());
            var fileLevel = directive.Equals(IgnoreFile, StringComparison.OrdinalIgnoreCase);
            if (!fileLevel && !directive.Equals(Ignore, StringComparison.OrdinalIgnoreCase))
            {
                // `# pipelineguard: ignre PG106` would otherwise suppress nothing, silently.
                var nearest = RuleCatalogLookup.Closest(directive, [Ignore, IgnoreFile]);
                var problem = $"'pipelineguard: {directive}' is not a directive; " +
                    (nearest is null ? $"write '{Ignore} RULE' or '{IgnoreFile} RULE'" : $"did you mean '{nearest}'?");
                result.Add(new SuppressionComment(span, [], null, false, line) { Problems = [problem] });
                continue;
            }

            body = body[directive.Length..];
            string? reason = null;
            var dashes = body.IndexOf("--", StringComparison.Ordinal);
            if (dashes >= 0)
            {
                reason = body[(dashes + 2)..].Trim();
                reason = reason.Length == 0 ? null : reason;
                body = body[..dashes];
            }

            // IDs or names; one that is neither is reported (with the nearest rule), not read as a stale ID.
            var ids = new List<string>();
            var problems = new List<string>();
            foreach (var token in body.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (RuleCatalogLookup.Resolve(token) is { } rule)
                {
                    ids.Add(rule.Id);
                }
                else
                {
                    problems.Add(RuleCatalogLookup.Unknown(token));
                }
            }

            if (ids.Count == 0 && problems.Count == 0)
            {
                problems.Add($"'{directive}' names no rule; write '{directive} PG106' or '{directive} dependency-unpinned'");
            }

            result.Add(new SuppressionComment(span, ids, reason, fileLevel, ownLine ? line + 1 : line) { Problems = problems });
        }

        return result;
    }

    /// <summary>The index of a '#' that starts a comment: at the start of the line or after whitespace (as YAML, pip and Docker read them).</summary>
    private static int FindComment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
