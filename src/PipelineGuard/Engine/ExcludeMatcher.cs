using Microsoft.Extensions.FileSystemGlobbing;

namespace PipelineGuard.Engine;

/// <summary>The <c>exclude</c> globs (<c>legacy/**</c>, <c>**/*.dev.yml</c>) as a predicate on '/'-separated relative paths.</summary>
internal static class ExcludeMatcher
{
    public static Func<string, bool>? Create(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns)
        {
            matcher.AddInclude(pattern.Trim().TrimStart('/'));

            // "legacy" or "legacy/" means the folder and everything below it, as in .gitignore.
            if (!pattern.Contains('*', StringComparison.Ordinal))
            {
                matcher.AddInclude(pattern.Trim().Trim('/') + "/**");
            }
        }

        return path => matcher.Match(path).HasMatches;
    }
}
