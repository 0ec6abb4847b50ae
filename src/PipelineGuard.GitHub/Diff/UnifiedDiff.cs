using System.Collections.Immutable;

namespace PipelineGuard.GitHub.Diff;

/// <summary>
/// Reads the added lines out of unified diffs: the per-file <c>patch</c> of GitHub's
/// <c>GET /repos/{o}/{r}/pulls/{n}/files</c> (hunks only, three lines of context) and the whole output of
/// <c>git diff --unified=0</c> (with <c>diff --git</c>/<c>+++ b/path</c> headers).
/// Format: https://www.gnu.org/software/diffutils/manual/html_node/Detailed-Unified.html and git-diff(1)
/// "Combined diff format". Hand-written scanner, linear in the input; bad input gives fewer lines, never an exception.
/// </summary>
internal static class UnifiedDiff
{
    /// <summary>The new-side numbers of the '+' lines of one file's patch (no file headers).</summary>
    public static ImmutableHashSet<int> AddedLines(string? patch)
    {
        var added = ImmutableHashSet.CreateBuilder<int>();
        if (string.IsNullOrEmpty(patch))
        {
            return added.ToImmutable();
        }

        var newLine = 0;
        var inHunk = false;
        foreach (var line in Lines(patch))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = TryReadNewStart(line, out newLine);
                continue;
            }

            if (!inHunk || line.Length == 0)
            {
                // A blank line inside a hunk is a context line whose leading space an editor or proxy stripped.
                newLine += inHunk ? 1 : 0;
                continue;
            }

            switch (line[0])
            {
                case '+':
                    added.Add(newLine++);
                    break;
                case ' ':
                    newLine++;
                    break;
                case '-':
                case '\\': // "\ No newline at end of file"
                    break;
                default:
                    inHunk = false;
                    break;
            }
        }

        return added.ToImmutable();
    }

    /// <summary>Every file of a multi-file <c>git diff</c> output, by its new path; deleted files are left out.</summary>
    public static ChangedLines ParseGitDiff(string output)
    {
        var files = new Dictionary<string, ImmutableHashSet<int>>(StringComparer.Ordinal);
        string? path = null;
        var patch = new System.Text.StringBuilder();

        void Flush()
        {
            if (path is not null)
            {
                var lines = AddedLines(patch.ToString());
                files[path] = files.TryGetValue(path, out var existing) ? existing.Union(lines) : lines;
            }

            patch.Clear();
        }

        foreach (var line in Lines(output))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                path = null;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal) && patch.Length == 0)
            {
                path = NewPath(line[4..]);
            }
            else if (path is not null && (patch.Length > 0 || line.StartsWith("@@", StringComparison.Ordinal)))
            {
                patch.Append(line).Append('\n');
            }
        }

        Flush();
        return new ChangedLines(files);
    }

    /// <summary>"@@ -a,b +c,d @@ context": c is the first new-side line (d = 0: nothing added, and c is the line before).</summary>
    internal static bool TryReadNewStart(string header, out int start)
    {
        start = 0;
        var plus = header.IndexOf(" +", 2, StringComparison.Ordinal);
        if (plus < 0)
        {
            return false;
        }

        var i = plus + 2;
        var value = 0;
        var digits = 0;
        while (i < header.Length && char.IsAsciiDigit(header[i]) && digits < 9)
        {
            value = (value * 10) + (header[i] - '0');
            i++;
            digits++;
        }

        start = value;
        return digits > 0;
    }

    /// <summary>"b/envs/conda.yml" (git's default prefix), or "/dev/null" for a deleted file; quoted names are unquoted simply.</summary>
    private static string? NewPath(string text)
    {
        text = text.TrimEnd('\r');
        var tab = text.IndexOf('\t', StringComparison.Ordinal);
        if (tab >= 0)
        {
            text = text[..tab];
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        if (text == "/dev/null")
        {
            return null;
        }

        return text.StartsWith("b/", StringComparison.Ordinal) ? text[2..] : text;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[start..end];
            yield return line.EndsWith('\r') ? line[..^1] : line;
            start = end + 1;
        }
    }
}
