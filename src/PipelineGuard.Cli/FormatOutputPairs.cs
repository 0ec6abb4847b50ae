namespace PipelineGuard.Cli;

/// <summary>
/// Reads the repeatable <c>--build-log</c> values and <c>--format</c>/<c>--output</c> pairs in order, as hadolint does
/// (<c>--format github --format sarif --output pg.sarif</c>: github to standard output, SARIF to the file).
/// An <c>--output</c> belongs to the <c>--format</c> before it; one before any format applies to the default format.
/// </summary>
internal static class FormatOutputPairs
{
    public static (List<FormatRequest> Requests, List<string> BuildLogs, List<string> Remaining) Extract(IReadOnlyList<string> args)
    {
        var requests = new List<FormatRequest>();
        var buildLogs = new List<string>();
        var rest = new List<string>();
        string? pendingOutput = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            if (TryOption(args, ref i, "--build-log", "--build-log", out var log))
            {
                buildLogs.Add(log);
            }
            else if (TryOption(args, ref i, "--format", "-f", out var format))
            {
                requests.Add(new FormatRequest(format, null));
            }
            else if (TryOption(args, ref i, "--output", "-o", out var output))
            {
                if (requests.Count > 0 && requests[^1].Output is null)
                {
                    requests[^1] = requests[^1] with { Output = output };
                }
                else if (requests.Count == 0 && pendingOutput is null)
                {
                    pendingOutput = output;
                }
                else
                {
                    throw new Model.UsageException($"--output {output}: each --format takes one --output; add a --format before it");
                }
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (pendingOutput is not null)
        {
            requests.Insert(0, new FormatRequest(string.Empty, pendingOutput));
        }

        return (requests, buildLogs, rest);
    }

    /// <summary>
    /// <c>--name VALUE</c>, <c>--name=VALUE</c>, and for the short form <c>-x VALUE</c>, <c>-xVALUE</c>, <c>-x=VALUE</c>
    /// (the spellings CommandLineParser accepts, so none is silently ignored). An empty value is a usage error.
    /// </summary>
    private static bool TryOption(IReadOnlyList<string> args, ref int i, string longName, string shortName, out string value)
    {
        var arg = args[i];
        value = string.Empty;
        if (arg.StartsWith(longName + "=", StringComparison.Ordinal))
        {
            value = arg[(longName.Length + 1)..];
        }
        else if (arg == longName || arg == shortName)
        {
            if (i + 1 >= args.Count)
            {
                throw new Model.UsageException($"{longName} needs a value");
            }

            value = args[++i];
        }
        else if (shortName.Length == 2 && arg.Length > 2 && arg.StartsWith(shortName, StringComparison.Ordinal) && !arg.StartsWith("--", StringComparison.Ordinal))
        {
            value = arg[2..].TrimStart('=');
        }
        else
        {
            return false;
        }

        return value.Trim().Length > 0 ? true : throw new Model.UsageException($"{longName} needs a value");
    }
}
