using System.Collections.Immutable;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// Recognises the package installs among a Dockerfile's RUN commands (<see cref="DockerRunCommands"/>): <c>pip install</c>
/// (also <c>pip3</c>, <c>pip3.10</c>, <c>/opt/conda/bin/pip</c>, <c>python [-u …] -m pip</c>, <c>-mpip</c>),
/// <c>conda|mamba|micromamba install|create|update|upgrade</c> and <c>pipx install</c>, after the wrappers
/// <see cref="ShellCommand.EffectiveArguments"/> drops (<c>sudo</c>, <c>env VAR=x</c>…) and after <c>conda run -n env</c>.
/// Each command line is split with its tool's one <see cref="CommandLineOptions"/> table; <c>--</c> ends the options.
/// The one reader of installs: every rule that looks at Dockerfile installs goes through it, so they agree on what
/// is an install, an option and a package.
/// </summary>
internal static class PackageInstallReader
{
    /// <summary>Every package install of the Dockerfile (none without one), in file order; a <c>bash -c</c> script's right after its shell.</summary>
    public static IEnumerable<PackageInstall> Find(DockerfileDocument? dockerfile) =>
        dockerfile is null ? [] : DockerRunCommands.All(dockerfile).Select(Recognize).OfType<PackageInstall>();

    /// <summary>The install <paramref name="run"/> is, or null when it installs nothing.</summary>
    public static PackageInstall? Recognize(DockerRunCommand run)
    {
        var args = run.Command.EffectiveArguments;
        var i = ShellPrograms.SkipCondaRun(args, 0);
        if (i >= args.Length)
        {
            return null;
        }

        var program = ShellPrograms.BaseName(args[i].Value);
        if (ShellPrograms.IsVersioned(program, "python") && PipModuleAt(args, i + 1) is { } afterModule)
        {
            return Read(run, args, i, afterModule, PackageInstaller.Pip, CommandLineOptions.PipInstall, "install");
        }

        if (ShellPrograms.IsVersioned(program, "pip"))
        {
            return Read(run, args, i, i + 1, PackageInstaller.Pip, CommandLineOptions.PipInstall, "install");
        }

        if (ShellPrograms.Condas.Contains(program))
        {
            return Read(run, args, i, i + 1, PackageInstaller.Conda, CommandLineOptions.CondaInstall, "install", "create", "update", "upgrade");
        }

        return program == "pipx" ? Read(run, args, i, i + 1, PackageInstaller.Pipx, CommandLineOptions.PipxInstall, "install") : null;
    }

    /// <summary>Options before the sub-command, the sub-command, then its options and operands.</summary>
    private static PackageInstall? Read(
        DockerRunCommand run,
        ImmutableArray<ShellWord> args,
        int program,
        int i,
        PackageInstaller installer,
        CommandLineOptions table,
        params string[] subcommands)
    {
        var options = ImmutableArray.CreateBuilder<CommandLineOption>();
        while (i < args.Length && args[i].Value.StartsWith('-'))
        {
            i = ReadOption(args, i, table, options);
        }

        if (i >= args.Length || !subcommands.Contains(args[i].Value, StringComparer.Ordinal))
        {
            return null;
        }

        var subcommand = args[i];
        var packages = ImmutableArray.CreateBuilder<ShellWord>();
        var optionsEnded = false;
        for (i++; i < args.Length;)
        {
            var value = args[i].Value;
            if (!optionsEnded && value == "--")
            {
                optionsEnded = true;
                i++;
            }
            else if (!optionsEnded && value.Length > 1 && value[0] == '-')
            {
                i = ReadOption(args, i, table, options);
            }
            else
            {
                packages.Add(args[i]);
                i++;
            }
        }

        return new PackageInstall(run, installer, args[program], subcommand, options.ToImmutable(), packages.ToImmutable());
    }

    /// <summary>
    /// Reads the option word at <paramref name="i"/> (and its value word, if it takes the next one) into
    /// <paramref name="options"/>; returns the index of the word after them.
    /// </summary>
    private static int ReadOption(ImmutableArray<ShellWord> args, int i, CommandLineOptions table, ImmutableArray<CommandLineOption>.Builder options)
    {
        var word = args[i];
        var value = word.Value;
        var next = i + 1 < args.Length ? args[i + 1] : null;
        if (value.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var written = equals < 0 ? value : value[..equals];
            var name = table.Resolve(written) ?? written;
            if (equals >= 0)
            {
                options.Add(new CommandLineOption(name, word, value[(equals + 1)..], word, equals + 1));
                return i + 1;
            }

            if (table.TakesValue(written))
            {
                options.Add(new CommandLineOption(name, word, next?.Value, next, 0));
                return i + 2;
            }

            options.Add(new CommandLineOption(name, word, null, null, 0));
            return i + 1;
        }

        // A short cluster: letters are flags up to the first that takes a value, which takes the rest of the word or the next word.
        for (var k = 1; k < value.Length; k++)
        {
            var letter = value[k];
            var name = table.ShortName(letter) ?? "-" + letter;
            if (!table.ShortTakesValue(letter))
            {
                options.Add(new CommandLineOption(name, word, null, null, 0));
                continue;
            }

            if (k < value.Length - 1)
            {
                options.Add(new CommandLineOption(name, word, value[(k + 1)..], word, k + 1));
                return i + 1;
            }

            options.Add(new CommandLineOption(name, word, next?.Value, next, 0));
            return i + 2;
        }

        return i + 1;
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
}
