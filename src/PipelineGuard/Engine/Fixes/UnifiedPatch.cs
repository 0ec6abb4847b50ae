using System.Text;

namespace PipelineGuard.Engine.Fixes;

/// <summary>
/// A <see cref="FilePatch"/> as a unified diff that <c>git apply</c> and <c>patch -p1</c> accept: <c>--- a/path</c>,
/// <c>+++ b/path</c> (paths from the repository root), hunks with three lines of context, and
/// <c>\ No newline at end of file</c> where a last line has no line end. Lines keep their own ends, so a CRLF file
/// gives CRLF lines, and a UTF-8 byte-order mark stays on the first line, as git shows it.
/// </summary>
internal static class UnifiedPatch
{
    public const int Context = 3;

    public static string Of(FilePatch patch)
    {
        var mark = patch.Encoding.Preamble.Length > 0 && patch.Encoding.IsUtf8 ? "\uFEFF" : string.Empty;
        var oldLines = Lines(mark + patch.Original);
        var shift = mark.Length;
        var blocks = Blocks(patch, oldLines, shift);
        var output = new StringBuilder();
        output.Append("--- a/").Append(patch.RepositoryPath).Append('\n');
        output.Append("+++ b/").Append(patch.RepositoryPath).Append('\n');
        var newLineDelta = 0;
        var i = 0;
        while (i < blocks.Count)
        {
            // Blocks closer than two contexts share a hunk, as diff does.
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].First - blocks[j].Last - 1 <= 2 * Context)
            {
                j++;
            }

            var from = Math.Max(0, blocks[i].First - Context);
            var to = Math.Min(oldLines.Count - 1, blocks[j].Last + Context);
            var body = new StringBuilder();
            int oldCount = 0, newCount = 0;
            var line = from;
            var hunkDelta = 0;
            for (var k = i; k <= j; k++)
            {
                for (; line < blocks[k].First; line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', oldLines[line]);
                }

                for (; line <= blocks[k].Last; line++, oldCount++)
                {
                    AppendLine(body, '-', oldLines[line]);
                }

                foreach (var added in blocks[k].NewLines)
                {
                    AppendLine(body, '+', added);
                    newCount++;
                }

                hunkDelta += blocks[k].NewLines.Count - (blocks[k].Last - blocks[k].First + 1);
            }

            for (; line <= to; line++, oldCount++, newCount++)
            {
                AppendLine(body, ' ', oldLines[line]);
            }

            var oldStart = from + 1;
            var newStart = from + 1 + newLineDelta;
            output.Append($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n").Append(body);
            newLineDelta += hunkDelta;
            i = j + 1;
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : count == 0 ? $"{start - 1},0" : $"{start},{count}";

    private static void AppendLine(StringBuilder body, char kind, string line)
    {
        body.Append(kind).Append(line);
        if (!line.EndsWith('\n'))
        {
            body.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>Consecutive old lines [First, Last] that the edits change, with the lines that replace them.</summary>
    private static List<(int First, int Last, List<string> NewLines)> Blocks(FilePatch patch, List<string> oldLines, int shift)
    {
        var starts = new List<int>();
        var at = 0;
        foreach (var line in oldLines)
        {
            starts.Add(at);
            at += line.Length;
        }

        int LineOf(int offset)
        {
            var index = starts.BinarySearch(offset);
            return Math.Min(oldLines.Count - 1, index >= 0 ? index : ~index - 1);
        }

        var text = string.Concat(oldLines);
        var blocks = new List<(int First, int Last, List<FixEdit> Edits)>();
        foreach (var edit in patch.Edits.OrderBy(e => e.Start))
        {
            var first = LineOf(edit.Start + shift);

            // An edit that ends just after a line end changes nothing of the next line.
            var endOffset = edit.End + shift;
            var last = edit.End > edit.Start && endOffset > 0 && text[endOffset - 1] == '\n' ? LineOf(endOffset - 1) : LineOf(endOffset);
            if (blocks.Count > 0 && first <= blocks[^1].Last + 1)
            {
                blocks[^1] = (blocks[^1].First, Math.Max(last, blocks[^1].Last), [.. blocks[^1].Edits, edit]);
            }
            else
            {
                blocks.Add((first, last, [edit]));
            }
        }

        var result = new List<(int, int, List<string>)>();
        foreach (var (first, last, edits) in blocks)
        {
            var blockStart = starts[first];
            var blockEnd = starts[last] + oldLines[last].Length;
            var replaced = new StringBuilder();
            var position = blockStart;
            foreach (var edit in edits)
            {
                replaced.Append(text, position, edit.Start + shift - position).Append(edit.Replacement);
                position = edit.End + shift;
            }

            replaced.Append(text, position, blockEnd - position);
            result.Add((first, last, Lines(replaced.ToString())));
        }

        return result;
    }

    /// <summary>The lines of a text, each with its own line end; a last line without one is kept, an empty tail is not a line.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
