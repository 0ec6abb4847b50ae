using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// A shell command of a Dockerfile RUN that installs packages (<see cref="PackageInstallReader"/> finds them): the tool,
/// the sub-command, every option with its value (those before the sub-command too: <c>pip --timeout 100 install x</c>)
/// and the package operands. Option values (<c>-i URL</c>, <c>-r file</c>, <c>-c channel</c>) are never packages.
/// Every word keeps its exact span in the Dockerfile.
/// </summary>
/// <param name="Run">The command it is, where it was found (ONBUILD, <c>bash -c</c> depth, enclosing quote).</param>
/// <param name="Program">The program word: <c>pip3</c>, <c>/opt/conda/bin/pip</c>, <c>python</c> of <c>python -m pip</c>, <c>mamba</c>.</param>
/// <param name="Subcommand">The <c>install</c> word (or conda's <c>create</c>, <c>update</c>, <c>upgrade</c>).</param>
internal sealed record PackageInstall(
    DockerRunCommand Run,
    PackageInstaller Installer,
    ShellWord Program,
    ShellWord Subcommand,
    ImmutableArray<CommandLineOption> Options,
    ImmutableArray<ShellWord> Packages)
{
    public ShellCommand Command => Run.Command;

    /// <summary>How messages name the command: <c>pip install</c>, <c>pipx install</c>, <c>conda install</c>, <c>conda create</c>…</summary>
    public string Invocation => Installer switch
    {
        PackageInstaller.Pip => "pip install",
        PackageInstaller.Pipx => "pipx install",
        _ => $"conda {Subcommand.Value}",
    };

    /// <summary>
    /// conda's <c>update</c>/<c>upgrade</c>: it names packages to move to their newest version, so a name without a
    /// version is the point, not a missing pin.
    /// </summary>
    public bool IsUpdate => Subcommand.Value is "update" or "upgrade";

    /// <summary>From the program word to the last argument.</summary>
    public SourceSpan Span => Program.Span.To(Command.Arguments[^1].Span);

    /// <summary>The options that resolve to <paramref name="longName"/> (<c>--extra-index-url</c>), in order.</summary>
    public IEnumerable<CommandLineOption> OptionsNamed(string longName) => Options.Where(o => o.Name == longName);
}
