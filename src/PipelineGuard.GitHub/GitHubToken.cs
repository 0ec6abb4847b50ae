namespace PipelineGuard.GitHub;

/// <summary>
/// Where the token comes from, first non-empty wins: <c>--github-token</c>, <c>GITHUB_TOKEN</c>, then the action input
/// <c>github-token</c> (the runner exposes inputs as <c>INPUT_&lt;NAME&gt;</c>, upper-cased with hyphens kept:
/// actions/runner Handler.AddInputsToEnvironment).
/// </summary>
internal static class GitHubToken
{
    public static string? Resolve(string? option, Func<string, string?> env)
    {
        foreach (var candidate in new[] { option, env("GITHUB_TOKEN"), env("INPUT_GITHUB-TOKEN") })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        return null;
    }
}
