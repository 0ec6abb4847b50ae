namespace PipelineGuard.Tests.BuildLogs;

/// <summary>
/// A log fixture and its expected findings, read from <c>&lt;name&gt;.expected</c> beside <c>&lt;name&gt;.log</c>: one
/// <c>error RULE@LINE</c> per root cause in order, one <c>notice RULE@LINE</c> per other finding, <c>says TEXT</c> for a word of
/// the first root cause's message; <c>#</c> starts a comment.
/// </summary>
internal sealed record LogFixture(string File, string Roots, string Says, IReadOnlyList<string> Others)
{
    public const string Suffix = ".expected";

    public static LogFixture Read(string logPath)
    {
        var roots = new List<string>();
        var others = new List<string>();
        var says = string.Empty;
        foreach (var raw in System.IO.File.ReadAllLines(Path.ChangeExtension(logPath, Suffix)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var (key, value) = space < 0 ? (line, string.Empty) : (line[..space], line[(space + 1)..]);
            switch (key)
            {
                case "error":
                    roots.Add(value);
                    break;
                case "says":
                    says = value;
                    break;
                default:
                    others.Add(line);
                    break;
            }
        }

        return new LogFixture(Path.GetFileName(logPath), string.Join(' ', roots), says, others);
    }
}
