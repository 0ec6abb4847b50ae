namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Every simple command of a Dockerfile's RUN instructions: the shell form (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>,
/// pipes, continuation lines), heredoc scripts, the exec form, the triggers of ONBUILD, and the scripts of
/// <c>bash -c "…"</c>, <c>sh -ec '…'</c>, <c>zsh -lc …</c> (also after <c>conda run -n env</c>), read again as shell.
/// </summary>
internal static class DockerRunCommands
{
    // bash -c "sh -c '…'" nests; past this depth a script is not opened (a bound, not a shell).
    private const int MaxNesting = 4;

    public static IEnumerable<DockerRunCommand> All(DockerfileDocument dockerfile)
    {
        foreach (var instruction in dockerfile.Instructions)
        {
            var run = instruction.Run ?? instruction.OnBuildInner?.Run;
            foreach (var command in run?.Commands ?? [])
            {
                foreach (var found in WithNested(instruction, command, '\0', 0))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<DockerRunCommand> WithNested(DockerInstruction instruction, ShellCommand command, char quote, int depth)
    {
        yield return new DockerRunCommand(instruction, command, quote, depth);
        if (depth >= MaxNesting || ScriptWord(command) is not { } script)
        {
            yield break;
        }

        var innerQuote = script.Raw.Length > 0 && script.Raw[0] is '"' or '\'' ? script.Raw[0] : '\0';
        foreach (var inner in script.ParseValueAsScript())
        {
            foreach (var found in WithNested(instruction, inner, innerQuote, depth + 1))
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
        var shell = ShellPrograms.SkipCondaRun(args, 0);
        if (shell >= args.Length || !ShellPrograms.Shells.Contains(ShellPrograms.BaseName(args[shell].Value)))
        {
            return null;
        }

        var sawC = false;
        for (var i = shell + 1; i < args.Length; i++)
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
