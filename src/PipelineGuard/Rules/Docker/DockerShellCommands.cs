using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// One simple command a Dockerfile runs, and the quote of the <c>sh -c "…"</c> word it was found in (0 at the top level):
/// a fix that adds quotes must then use the other kind.
/// </summary>
internal sealed record RunCommand(ShellCommand Command, char EnclosingQuote);

/// <summary>
/// Every simple command of a Dockerfile's RUN instructions: the shell form, heredoc scripts, exec form, the
/// triggers of ONBUILD, and the scripts of <c>bash -c "…"</c> / <c>sh -ec '…'</c> (read again as shell).
/// </summary>
internal static class DockerShellCommands
{
    private const int MaxNesting = 4;

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    public static IEnumerable<RunCommand> All(DockerfileDocument dockerfile)
    {
        foreach (var instruction in dockerfile.Instructions)
        {
            var run = instruction.Run ?? instruction.OnBuildInner?.Run;
            foreach (var command in run?.Commands ?? [])
            {
                foreach (var found in WithNested(command, '\0', 0))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The file name of a program path: <c>/opt/conda/bin/pip</c> → <c>pip</c>.</summary>
    public static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static IEnumerable<RunCommand> WithNested(ShellCommand command, char quote, int depth)
    {
        yield return new RunCommand(command, quote);
        if (depth >= MaxNesting || ScriptWord(command) is not { } script)
        {
            yield break;
        }

        var innerQuote = script.Raw.Length > 0 && script.Raw[0] is '"' or '\'' ? script.Raw[0] : '\0';
        foreach (var inner in script.ParseValueAsScript())
        {
            foreach (var found in WithNested(inner, innerQuote, depth + 1))
            {
                yield return found;
            }
        }
    }

    /// <summary>
    /// The script of <c>bash -c SCRIPT</c>: the first operand after an option cluster holding 'c'
    /// (<c>-c</c>, <c>-ec</c>, <c>-lc</c>); <c>-o name</c> / <c>-O name</c> take the next word (bash(1) "OPTIONS").
    /// </summary>
    private static ShellWord? ScriptWord(ShellCommand command)
    {
        var args = command.EffectiveArguments;
        if (args.IsEmpty || !Shells.Contains(BaseName(args[0].Value)))
        {
            return null;
        }

        var sawC = false;
        for (var i = 1; i < args.Length; i++)
        {
            var value = args[i].Value;
            if (value.Length > 1 && value[0] is '-' or '+' && !value.StartsWith("--", StringComparison.Ordinal))
            {
                sawC |= value[0] == '-' && value.Contains('c', StringComparison.Ordinal);
                if (value.AsSpan(1).IndexOfAny('o', 'O') >= 0)
                {
                    i++;
                }

                continue;
            }

            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            return sawC ? args[i] : null;
        }

        return null;
    }
}
