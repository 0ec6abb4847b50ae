namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Program names as a Dockerfile RUN writes them: shells, <c>pip</c>/<c>python</c> with a version suffix, conda's
/// front ends. One list, so the heredoc reader and the install recogniser agree on what a shell is.
/// </summary>
internal static class ShellPrograms
{
    /// <summary>POSIX-like shells that take <c>-c SCRIPT</c> and read a script from standard input.</summary>
    public static IReadOnlySet<string> Shells { get; } = new HashSet<string>(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    /// <summary>conda and its drop-in front ends, which take the same sub-commands.</summary>
    public static IReadOnlySet<string> Condas { get; } = new HashSet<string>(StringComparer.Ordinal) { "conda", "mamba", "micromamba" };

    /// <summary>The file name of a program path: <c>/opt/conda/bin/pip</c> → <c>pip</c>.</summary>
    public static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.10</c>; <c>python</c>, <c>python3.11</c>: the name, then only digits and dots.</summary>
    public static bool IsVersioned(string program, string name) =>
        program.StartsWith(name, StringComparison.Ordinal) && program.AsSpan(name.Length).IndexOfAnyExcept("0123456789.") < 0;

    /// <summary>
    /// <c>conda run [-n env | -p prefix] [--no-capture-output] [--cwd DIR] CMD…</c> runs CMD in an environment: the index of
    /// CMD (of the innermost one when they are chained), or <paramref name="i"/> when the command is no <c>conda run</c>.
    /// </summary>
    public static int SkipCondaRun(IReadOnlyList<ShellWord> args, int i)
    {
        while (i + 1 < args.Count && Condas.Contains(BaseName(args[i].Value)) && args[i + 1].Value == "run")
        {
            i += 2;
            while (i < args.Count && args[i].Value.StartsWith('-'))
            {
                i += args[i].Value is "-n" or "--name" or "-p" or "--prefix" or "--cwd" ? 2 : 1;
            }
        }

        return i;
    }
}
