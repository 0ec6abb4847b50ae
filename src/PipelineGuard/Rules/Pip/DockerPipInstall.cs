using System.Collections.Immutable;
using PipelineGuard.Documents.Docker;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Pip;

/// <summary>One option of a <c>pip install</c> command line: its resolved long name, the word(s) and its value.</summary>
/// <param name="Name">The long name it resolves to (<c>--extra-index-url</c> also for <c>--extra-index</c>).</param>
/// <param name="Value">The value, or null for a flag; <see cref="ValueWord"/> holds it (the same word for <c>--opt=value</c>, <c>-rfile</c>).</param>
/// <param name="ValueStart">Where <see cref="Value"/> starts inside <see cref="ValueWord"/>'s value.</param>
internal sealed record PipCommandOption(string Name, ShellWord Word, string? Value, ShellWord? ValueWord, int ValueStart)
{
    public SourceSpan Span => ValueWord is null || ValueWord == Word ? Word.Span : Word.Span.To(ValueWord.Span);
}

/// <summary>
/// A <c>pip install</c> in a Dockerfile RUN: <c>pip</c>, <c>pip3</c>, <c>pip3.10</c>, <c>/opt/conda/bin/pip</c>,
/// <c>python -m pip</c>, after wrappers (<c>sudo</c>, <c>env</c>, …), <c>conda run -n env</c> and inside <c>bash -c "…"</c>.
/// Its words are split into options (pip 23.2.1's <c>pip install</c> options, abbreviations resolved as optparse does)
/// and package arguments.
/// </summary>
internal sealed record DockerPipInstall(DockerInstruction Instruction, ShellCommand Command, ImmutableArray<PipCommandOption> Options, ImmutableArray<ShellWord> Packages)
{
    // pip install's options that take a value (cli/cmdoptions.py, commands/install.py; 23.2.1).
    private static readonly string[] ValueOptions =
    [
        "--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url", "--find-links", "--target", "--platform",
        "--python-version", "--implementation", "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "--config-settings",
        "--global-option", "--install-option", "--build-option", "--no-binary", "--only-binary", "--progress-bar",
        "--root-user-action", "--report", "--log", "--log-file", "--proxy", "--retries", "--timeout", "--default-timeout",
        "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--use-feature", "--use-deprecated",
        "--keyring-provider", "--python", "--pypi-url", "--build",
    ];

    private static readonly string[] FlagOptions =
    [
        "--upgrade", "--force-reinstall", "--no-deps", "--pre", "--user", "--no-cache-dir", "--ignore-installed", "--quiet",
        "--verbose", "--no-index", "--no-build-isolation", "--use-pep517", "--no-use-pep517", "--no-warn-script-location",
        "--no-warn-conflicts", "--no-compile", "--compile", "--prefer-binary", "--require-hashes", "--dry-run", "--isolated",
        "--disable-pip-version-check", "--no-color", "--no-input", "--break-system-packages", "--ignore-requires-python",
        "--no-clean", "--check-build-dependencies", "--no-python-version-warning", "--debug", "--help",
        "--version", "--require-virtualenv",
    ];

    private static readonly Dictionary<char, string> ShortValueOptions = new()
    {
        ['r'] = "--requirement", ['c'] = "--constraint", ['e'] = "--editable", ['i'] = "--index-url", ['f'] = "--find-links",
        ['t'] = "--target", ['C'] = "--config-settings", ['b'] = "--build",
    };

    /// <summary>The first option resolved to <paramref name="longName"/>.</summary>
    public IEnumerable<PipCommandOption> OptionsNamed(string longName) => Options.Where(o => o.Name == longName);

    /// <summary>Every <c>pip install</c> of the Dockerfile, in order.</summary>
    public static IEnumerable<DockerPipInstall> Find(DockerfileDocument dockerfile)
    {
        foreach (var instruction in dockerfile.Instructions)
        {
            foreach (var command in instruction.Run?.Commands ?? [])
            {
                foreach (var install in InCommand(instruction, command, depth: 0))
                {
                    yield return install;
                }
            }
        }
    }

    private static IEnumerable<DockerPipInstall> InCommand(DockerInstruction instruction, ShellCommand command, int depth)
    {
        var args = command.EffectiveArguments;
        var i = 0;
        if (args.Length > 2 && Program(args[0].Value) is "conda" or "mamba" or "micromamba" && args[1].Value == "run")
        {
            // conda run [-n NAME | -p PREFIX] [--no-capture-output] [--live-stream] [--cwd DIR] pip install ...
            i = 2;
            while (i < args.Length && args[i].Value.StartsWith('-'))
            {
                i += args[i].Value is "-n" or "--name" or "-p" or "--prefix" or "--cwd" ? 2 : 1;
            }
        }

        if (i < args.Length && Program(args[i].Value) is "bash" or "sh" && depth < 2)
        {
            var c = i + 1;
            while (c < args.Length && args[c].Value != "-c")
            {
                c++;
            }

            if (c + 1 < args.Length)
            {
                foreach (var inner in args[c + 1].ParseValueAsScript())
                {
                    foreach (var nested in InCommand(instruction, inner, depth + 1))
                    {
                        yield return nested;
                    }
                }
            }

            yield break;
        }

        var (pip, install) = PipInstall(args, i);
        if (install < 0)
        {
            yield break;
        }

        // Options before the sub-command count too: pip --timeout 100 install x.
        var options = ImmutableArray.CreateBuilder<PipCommandOption>();
        var packages = ImmutableArray.CreateBuilder<ShellWord>();
        for (var k = pip + 1; k < args.Length; k++)
        {
            var word = args[k];
            if (k == install)
            {
                continue;
            }

            var value = word.Value;
            if (value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2)
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                var written = equals < 0 ? value : value[..equals];
                var name = ResolveLong(written) ?? written;
                if (equals >= 0)
                {
                    options.Add(new PipCommandOption(name, word, value[(equals + 1)..], word, equals + 1));
                }
                else if (ValueOptions.Contains(name) && k + 1 < args.Length)
                {
                    options.Add(new PipCommandOption(name, word, args[k + 1].Value, args[k + 1], 0));
                    k++;
                }
                else
                {
                    options.Add(new PipCommandOption(name, word, null, null, 0));
                }
            }
            else if (value.Length > 1 && value[0] == '-')
            {
                if (ShortValueOptions.TryGetValue(value[1], out var name))
                {
                    if (value.Length > 2)
                    {
                        options.Add(new PipCommandOption(name, word, value[2..], word, 2));
                    }
                    else if (k + 1 < args.Length)
                    {
                        options.Add(new PipCommandOption(name, word, args[k + 1].Value, args[k + 1], 0));
                        k++;
                    }
                }
                else
                {
                    options.Add(new PipCommandOption(value, word, null, null, 0));
                }
            }
            else
            {
                packages.Add(word);
            }
        }

        yield return new DockerPipInstall(instruction, command, options.ToImmutable(), packages.ToImmutable());
    }

    /// <summary>The index of the pip word and of <c>install</c>; install is -1 when the command is not a pip install.</summary>
    private static (int Pip, int Install) PipInstall(ImmutableArray<ShellWord> args, int i)
    {
        if (i >= args.Length)
        {
            return (i, -1);
        }

        var program = Program(args[i].Value);
        if (IsPython(program) && i + 2 < args.Length && args[i + 1].Value == "-m" && args[i + 2].Value == "pip")
        {
            i += 2;
        }
        else if (!IsPip(program))
        {
            return (i, -1);
        }

        // Global options may come before the sub-command: pip --no-cache-dir install x, pip --timeout 100 install x.
        for (var k = i + 1; k < args.Length; k++)
        {
            var value = args[k].Value;
            if (value == "install")
            {
                return (i, k);
            }

            if (!value.StartsWith('-'))
            {
                return (i, -1);
            }

            if (!value.Contains('=', StringComparison.Ordinal) && ResolveLong(value) is { } name && ValueOptions.Contains(name))
            {
                k++;
            }
        }

        return (i, -1);
    }

    /// <summary>optparse's <c>_match_abbrev</c> over pip install's long options: exact, or the only one it starts.</summary>
    private static string? ResolveLong(string written)
    {
        if (ValueOptions.Contains(written) || FlagOptions.Contains(written))
        {
            return written;
        }

        var candidates = ValueOptions.Concat(FlagOptions).Where(o => o.StartsWith(written, StringComparison.Ordinal)).Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static string Program(string word) => word[(word.LastIndexOf('/') + 1)..];

    private static bool IsPip(string program) => program == "pip" || (program.StartsWith("pip", StringComparison.Ordinal) &&
        program.Length > 3 && program.AsSpan(3).IndexOfAnyExcept("0123456789.") < 0);

    private static bool IsPython(string program) => program == "python" || (program.StartsWith("python", StringComparison.Ordinal) &&
        program.Length > 6 && program.AsSpan(6).IndexOfAnyExcept("0123456789.") < 0);
}
