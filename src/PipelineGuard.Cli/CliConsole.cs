using PipelineGuard.IO;

namespace PipelineGuard.Cli;

/// <summary>Everything the CLI touches in the world, injected so tests run in memory.</summary>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    bool OutputIsTerminal,
    IFileSystem FileSystem,
    TimeProvider? Clock = null,
    IReadOnlyList<KeyValuePair<string, string>>? Environment = null,
    Func<Stream>? StandardInput = null)
{
    /// <summary>Whether standard error is a terminal (then a long run shows its progress there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard input (for <c>--build-log -</c>); the process's own unless a test gives one.</summary>
    public Stream OpenStandardInput() => StandardInput?.Invoke() ?? Console.OpenStandardInput();

    /// <summary>The environment variables as a snapshot (for INPUT_* and PIPELINEGUARD_* settings).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables => Environment ?? [];
}
