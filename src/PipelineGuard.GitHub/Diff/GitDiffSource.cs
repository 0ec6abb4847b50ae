namespace PipelineGuard.GitHub.Diff;

/// <summary>
/// Changed lines from the local repository: <c>git diff --unified=0 REF...HEAD</c> (three dots: against the merge base,
/// what a PR shows). Needs the history down to the merge base (<c>actions/checkout</c> with <c>fetch-depth: 0</c>).
/// </summary>
internal sealed class GitDiffSource(IProcessRunner runner, string workingDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The changed lines, or null and a problem (git missing, unknown ref, shallow clone).</summary>
    public (ChangedLines? Lines, string? Problem) Read(string baseRef)
    {
        if (string.IsNullOrWhiteSpace(baseRef) || baseRef.StartsWith('-'))
        {
            return (null, $"--diff-base: '{baseRef}' is not a git revision");
        }

        // Paths in the output are relative to the repository root; --no-ext-diff/--no-color keep the format plain;
        // core.quotePath=false keeps non-ASCII names readable (names with quotes or control characters stay quoted).
        var result = runner.Run(
            "git",
            ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", $"{baseRef}...HEAD", "--"],
            workingDirectory,
            Timeout);
        if (result.ExitCode != 0)
        {
            var reason = result.StandardError.Trim();
            return (null, $"git diff {baseRef}...HEAD failed ({(reason.Length == 0 ? $"exit code {result.ExitCode}" : FirstLine(reason))}); with actions/checkout, set fetch-depth: 0");
        }

        return (UnifiedDiff.ParseGitDiff(result.StandardOutput), null);
    }

    /// <summary>The repository root (<c>git rev-parse --show-toplevel</c>), which git diff's paths are relative to.</summary>
    public string? TopLevel()
    {
        var result = runner.Run("git", ["rev-parse", "--show-toplevel"], workingDirectory, Timeout);
        var path = result.StandardOutput.Trim();
        return result.ExitCode == 0 && path.Length > 0 ? path : null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
