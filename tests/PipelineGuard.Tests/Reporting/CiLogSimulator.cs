namespace PipelineGuard.Tests.Reporting;

/// <summary>One command that a CI system would execute from a log line.</summary>
internal sealed record ExecutedCommand(string System, string Name, IReadOnlyDictionary<string, string> Properties, string Data, string Line);

/// <summary>
/// What GitHub's runner and Azure Pipelines' agent would do with our standard output, ported from their parsers:
/// actions/runner <c>ActionCommand.TryParseV2</c> (a line that starts with <c>::</c> after leading whitespace) and
/// <c>TryParse</c> (<c>##[</c> anywhere), with <c>ActionCommandManager</c>'s stop-commands handling; azure-pipelines-agent
/// <c>Command.TryParse</c> (<c>##vso[</c> anywhere). Lines end only at LF here (a line with CR fails the tests
/// elsewhere); both ports use ordinal searches, which is exact because our output carries no character that a
/// culture-sensitive search could skip (asserted separately).
/// </summary>
internal static class CiLogSimulator
{
    private static readonly HashSet<string> GitHubCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "error", "warning", "notice", "debug", "group", "endgroup", "add-mask", "set-output", "set-env", "save-state",
        "add-path", "stop-commands", "echo", "add-matcher", "remove-matcher", "internal-set-repo-path", "command", "section",
    };

    public static List<ExecutedCommand> GitHub(string output)
    {
        var executed = new List<ExecutedCommand>();
        string? stopToken = null;
        foreach (var line in Lines(output))
        {
            var registered = new HashSet<string>(GitHubCommands, StringComparer.OrdinalIgnoreCase);
            if (stopToken is not null)
            {
                registered.Add(stopToken);
            }

            var command = ParseV2(line, registered) ?? ParseLegacy(line, registered);
            if (command is null)
            {
                continue;
            }

            if (stopToken is not null)
            {
                if (string.Equals(command.Name, stopToken, StringComparison.OrdinalIgnoreCase))
                {
                    stopToken = null;
                    executed.Add(command);
                }

                continue;
            }

            if (string.Equals(command.Name, "stop-commands", StringComparison.OrdinalIgnoreCase))
            {
                stopToken = command.Data;
            }

            executed.Add(command);
        }

        return executed;
    }

    public static List<ExecutedCommand> Azure(string output)
    {
        var executed = new List<ExecutedCommand>();
        foreach (var line in Lines(output))
        {
            var prefix = line.IndexOf("##vso[", StringComparison.Ordinal);
            if (prefix < 0)
            {
                continue;
            }

            var close = line.IndexOf(']', prefix);
            if (close < 0)
            {
                continue;
            }

            var info = line[(prefix + 6)..close];
            var space = info.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? info : info[..space];
            if (name.Split('.', StringSplitOptions.RemoveEmptyEntries).Length != 2)
            {
                continue;
            }

            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (space > 0)
            {
                foreach (var part in info[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = part.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                    if (pair.Length == 2)
                    {
                        properties[pair[0]] = AzureUnescape(pair[1]);
                    }
                }
            }

            executed.Add(new ExecutedCommand("azure", name, properties, AzureUnescape(line[(close + 1)..]), line));
        }

        return executed;
    }

    public static IEnumerable<string> Lines(string output) => output.Split('\n').Where(l => l.Length > 0);

    private static ExecutedCommand? ParseV2(string line, HashSet<string> registered)
    {
        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = message[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (!registered.Contains(name))
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var part in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = part.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = Replace(pair[1], ("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"));
                }
            }
        }

        return new ExecutedCommand("github", name, properties, Replace(message[(end + 2)..], ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")), line);
    }

    private static ExecutedCommand? ParseLegacy(string line, HashSet<string> registered)
    {
        var prefix = line.IndexOf("##[", StringComparison.Ordinal);
        if (prefix < 0)
        {
            return null;
        }

        var close = line.IndexOf(']', prefix);
        if (close < 0)
        {
            return null;
        }

        var info = line[(prefix + 3)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        return registered.Contains(name)
            ? new ExecutedCommand("github-legacy", name, new Dictionary<string, string>(), line[(close + 1)..], line)
            : null;
    }

    private static string AzureUnescape(string text) =>
        Replace(text, ("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"), ("%AZP25", "%"));

    private static string Replace(string text, params (string From, string To)[] mappings)
    {
        foreach (var (from, to) in mappings)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }
}
