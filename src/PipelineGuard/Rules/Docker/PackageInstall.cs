using System.Collections.Immutable;
using PipelineGuard.Documents.Docker;

namespace PipelineGuard.Rules.Docker;

internal enum PackageInstaller
{
    Pip,
    Conda,
    Pipx,
}

/// <summary>
/// A shell command that installs packages: <c>pip install</c> (also <c>pip3</c>, <c>pip3.10</c>, <c>/opt/conda/bin/pip</c>,
/// <c>python -m pip</c>), <c>conda|mamba|micromamba install|create</c>, <c>pipx install</c>, after the wrappers
/// <see cref="ShellCommand.EffectiveArguments"/> drops (<c>sudo</c>, <c>env</c>…) and after <c>conda run -n env</c>.
/// <see cref="Packages"/> are the operands: option values (<c>-i URL</c>, <c>-r file</c>, <c>-c channel</c>) are not among them.
/// </summary>
internal sealed record PackageInstall(PackageInstaller Installer, string Invocation, ImmutableArray<ShellWord> Packages)
{
    private static readonly HashSet<string> CondaPrograms = new(StringComparer.Ordinal) { "conda", "mamba", "micromamba" };

    public static PackageInstall? Recognize(ShellCommand command)
    {
        var args = command.EffectiveArguments;
        var i = SkipCondaRun(args, 0);
        if (i >= args.Length)
        {
            return null;
        }

        var program = DockerShellCommands.BaseName(args[i].Value);
        if (IsVersioned(program, "python") && PipModuleAt(args, i + 1) is { } afterModule)
        {
            return Install(args, afterModule, PackageInstaller.Pip, CommandLineOptions.PipInstall, "install");
        }

        if (IsVersioned(program, "pip"))
        {
            return Install(args, i + 1, PackageInstaller.Pip, CommandLineOptions.PipInstall, "install");
        }

        if (CondaPrograms.Contains(program))
        {
            return Install(args, i + 1, PackageInstaller.Conda, CommandLineOptions.CondaInstall, "install", "create");
        }

        return program == "pipx" ? Install(args, i + 1, PackageInstaller.Pipx, CommandLineOptions.PipxInstall, "install") : null;
    }

    /// <summary>Options before the subcommand, the subcommand, then its options and operands (<c>--</c> ends the options).</summary>
    private static PackageInstall? Install(
        ImmutableArray<ShellWord> args, int i, PackageInstaller installer, CommandLineOptions options, params string[] subcommands)
    {
        while (i < args.Length && args[i].Value.StartsWith('-'))
        {
            i += options.WordsTaken(args[i].Value);
        }

        if (i >= args.Length || !subcommands.Contains(args[i].Value, StringComparer.Ordinal))
        {
            return null;
        }

        var invocation = installer switch
        {
            PackageInstaller.Pip => "pip install",
            PackageInstaller.Pipx => "pipx install",
            _ => $"conda {args[i].Value}",
        };
        var packages = ImmutableArray.CreateBuilder<ShellWord>();
        var optionsEnded = false;
        for (i++; i < args.Length; i++)
        {
            var value = args[i].Value;
            if (!optionsEnded && value == "--")
            {
                optionsEnded = true;
            }
            else if (!optionsEnded && value.Length > 1 && value[0] == '-')
            {
                i += options.WordsTaken(value) - 1;
            }
            else
            {
                packages.Add(args[i]);
            }
        }

        return new PackageInstall(installer, invocation, packages.ToImmutable());
    }

    /// <summary><c>conda run [-n env | -p prefix] [--no-capture-output] CMD…</c> runs CMD: skips to it.</summary>
    private static int SkipCondaRun(ImmutableArray<ShellWord> args, int i)
    {
        while (i + 1 < args.Length && CondaPrograms.Contains(DockerShellCommands.BaseName(args[i].Value)) && args[i + 1].Value == "run")
        {
            i += 2;
            while (i < args.Length && args[i].Value.StartsWith('-'))
            {
                i += args[i].Value is "-n" or "--name" or "-p" or "--prefix" or "--cwd" ? 2 : 1;
            }
        }

        return i;
    }

    /// <summary>After <c>python [-u -E …] -m pip</c>: the index of the word after <c>pip</c>, or null for any other module.</summary>
    private static int? PipModuleAt(ImmutableArray<ShellWord> args, int i)
    {
        for (; i < args.Length; i++)
        {
            var value = args[i].Value;
            if (value == "-m")
            {
                return i + 1 < args.Length && args[i + 1].Value == "pip" ? i + 2 : null;
            }

            if (value.StartsWith("-m", StringComparison.Ordinal))
            {
                return value == "-mpip" ? i + 1 : null;
            }

            if (!value.StartsWith('-') || value == "-c")
            {
                return null;
            }

            if (value is "-W" or "-X")
            {
                i++;
            }
        }

        return null;
    }

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.10</c>; <c>python</c>, <c>python3.11</c>.</summary>
    private static bool IsVersioned(string program, string name) =>
        program.StartsWith(name, StringComparison.Ordinal) && program.AsSpan(name.Length).IndexOfAnyExcept("0123456789.") < 0;

    /// <summary>Every package-installing command of an environment's Dockerfile, with the RUN command it sits in.</summary>
    public static IEnumerable<(RunCommand Run, PackageInstall Install)> InDockerfileOf(Environments.AmlEnvironment environment) =>
        environment.Build?.Dockerfile is not { } dockerfile
            ? []
            : DockerShellCommands.All(dockerfile)
                .Select(run => (Run: run, Install: Recognize(run.Command)))
                .Where(x => x.Install is not null)
                .Select(x => (x.Run, x.Install!));
}
