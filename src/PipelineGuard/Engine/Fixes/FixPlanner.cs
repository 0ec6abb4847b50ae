using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Engine.Fixes;

/// <summary>
/// Chooses the machine-safe fixes of a check and applies them in memory. A fix is machine-safe when its
/// <see cref="Finding.Fix"/> is an exact replacement of its <see cref="Finding.FixTarget"/>: the target lies in a file the
/// check read, inside the repository root, and the file on disk still holds exactly the text the check saw, in an
/// encoding that gives back the same bytes; the range starts and ends on whole characters (never inside a CRLF or a
/// surrogate pair); and no earlier fix of the same file touches it (the first, in finding order, wins). Everything
/// else is left alone and listed in <see cref="FixPlan.Skipped"/>. Files are read as the check reads them, through
/// <see cref="RepositoryFiles"/>, so a symbolic link never leads a write out of the root or into <c>.git</c>.
/// </summary>
internal sealed class FixPlanner(IFileSystem fs)
{
    public FixPlan Plan(CheckResult result)
    {
        var cwd = Path.GetFullPath(fs.CurrentDirectory);
        var root = RepositoryRoot.Find(fs, cwd) ?? cwd;
        var guard = new RepositoryFiles(fs);
        var files = new List<FilePatch>();
        var skipped = new List<SkippedFix>();
        var fixable = result.Findings.Where(f => f.Fix is not null).GroupBy(f => f.FixTarget.File, StringComparer.Ordinal);
        foreach (var group in fixable.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (patch, reasons) = PlanFile(group.Key, [.. group], result, guard, cwd, root);
            skipped.AddRange(reasons);
            if (patch is null)
            {
                continue;
            }

            // A link inside the repository makes one file two documents: fix it once, by its first name.
            if (files.FirstOrDefault(f => f.RealPath == patch.RealPath) is { } same)
            {
                skipped.AddRange(patch.Applied.Select(f => new SkippedFix(f, $"the file is {same.Display} (through a symbolic link), whose fixes are applied first; run fix again")));
                continue;
            }

            files.Add(patch);
        }

        return new FixPlan(files, skipped);
    }

    private static (FilePatch? Patch, List<SkippedFix> Skipped) PlanFile(
        string display, IReadOnlyList<Finding> findings, CheckResult result, RepositoryFiles guard, string cwd, string root)
    {
        List<SkippedFix> All(string reason) => [.. findings.Select(f => new SkippedFix(f, reason))];

        var checkedText = result.Source(display);
        if (checkedText is null)
        {
            return (null, All("the fix is for a file the check did not read"));
        }

        var full = Path.GetFullPath(display, cwd);
        if (!PathUtil.IsUnder(full, root))
        {
            return (null, All("the file is outside the repository root; fix changes only files inside it"));
        }

        var read = guard.Read(full, root, DocumentLoader.MaxFileBytes);
        if (read.Path.IsRefused)
        {
            return (null, All("the file " + read.Path.Reason));
        }

        if (read.Bytes is not { } bytes)
        {
            return (null, All(read.Failure is { } failure ? "cannot read the file: " + failure : "the file is not a regular file PipelineGuard reads"));
        }

        var encoding = TextFileEncoding.Of(bytes);
        var text = encoding.Decode(bytes);
        if (text is null || text != checkedText.Content)
        {
            return (null, All(text is null
                ? $"the file is not valid {encoding.Name}, so it cannot be written back unchanged around the fix"
                : "the file is not the text the check read (changed since, or read in another encoding)"));
        }

        var lineStarts = LineStarts(text);
        var lineEnd = LineEnding(text);
        var edits = new List<FixEdit>();
        var skipped = new List<SkippedFix>();
        foreach (var finding in findings)
        {
            var (edit, reason) = Place(finding, text, lineStarts, lineEnd);
            if (edit is null)
            {
                skipped.Add(new SkippedFix(finding, reason!));
            }
            else if (edits.FirstOrDefault(e => e.Conflicts(edit)) is { } earlier)
            {
                skipped.Add(new SkippedFix(finding, $"it overlaps the fix of {earlier.Finding.RuleId} at {earlier.Finding.Span.Line}:{earlier.Finding.Span.Column}, applied first; run fix again"));
            }
            else
            {
                edits.Add(edit);
            }
        }

        if (edits.Count == 0)
        {
            return (null, skipped);
        }

        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var edit in edits)
        {
            builder.Append(text, at, edit.Start - at).Append(edit.Replacement);
            at = edit.End;
        }

        builder.Append(text, at, text.Length - at);
        // The diff names the real file: git applies a patch to a file, never through a link.
        var repositoryPath = PathUtil.ToDisplay(Path.GetRelativePath(guard.RealRoot(root), read.Path.RealPath));
        return (new FilePatch(display, repositoryPath, read.Path.RealPath, encoding, text, builder.ToString(), edits), skipped);
    }

    /// <summary>The fix as an edit of the text, or the reason it is not an exact replacement there.</summary>
    private static (FixEdit? Edit, string? Reason) Place(Finding finding, string text, int[] lineStarts, string? lineEnd)
    {
        var target = finding.FixTarget;
        var start = Offset(target.Line, target.Column, text, lineStarts);
        var end = Offset(target.EndLine, target.EndColumn, text, lineStarts);
        if (start is null || end is null || end < start)
        {
            return (null, $"its target {target.Line}:{target.Column}-{target.EndLine}:{target.EndColumn} is not a range of the file");
        }

        if (SplitsCharacter(text, start.Value) || SplitsCharacter(text, end.Value))
        {
            return (null, "its target starts or ends inside a line break or a character");
        }

        // The engine masks URL credentials in every fix; over a target that holds one, the fix would write the mask.
        var replaced = text[start.Value..end.Value];
        if (UrlCredentials.RedactAll(replaced) != replaced)
        {
            return (null, "its target holds a credential that the fix shows masked; fix it by hand");
        }

        var replacement = finding.Fix!;
        if (replacement.Contains('\r', StringComparison.Ordinal))
        {
            return (null, "the fix holds a carriage return");
        }

        if (replacement.Contains('\n', StringComparison.Ordinal))
        {
            // The fix is written with '\n'; the file keeps its own line ends.
            if (lineEnd is null)
            {
                return (null, "the fix adds a line break to a file with mixed line endings");
            }

            replacement = replacement.Replace("\n", lineEnd, StringComparison.Ordinal);
        }

        return replaced == replacement
            ? (null, "the text already reads as the fix")
            : (new FixEdit(finding, start.Value, end.Value, replacement), null);
    }

    /// <summary>The 0-based offset of a 1-based line and column, or null when the column is past the line's end.</summary>
    private static int? Offset(int line, int column, string text, int[] lineStarts)
    {
        if (line < 1 || line > lineStarts.Length || column < 1)
        {
            return null;
        }

        var offset = lineStarts[line - 1] + column - 1;
        var limit = line < lineStarts.Length ? lineStarts[line] : text.Length;
        return offset <= limit ? offset : null;
    }

    private static bool SplitsCharacter(string text, int offset) =>
        offset > 0 && offset < text.Length &&
        ((text[offset - 1] == '\r' && text[offset] == '\n') || (char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset])));

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>"\r\n" or "\n" when every line of the file ends so (or it has one line); null for a mix.</summary>
    private static string? LineEnding(string text)
    {
        var crlf = 0;
        var lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                if (i > 0 && text[i - 1] == '\r')
                {
                    crlf++;
                }
                else
                {
                    lf++;
                }
            }
        }

        return crlf > 0 && lf > 0 ? null : crlf > 0 ? "\r\n" : "\n";
    }
}
