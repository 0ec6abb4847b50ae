using PipelineGuard.Model;

namespace PipelineGuard.Environments;

/// <summary>
/// The files of a Docker build context, as paths relative to the context with '/' separators, listed once by
/// discovery (at most <see cref="MaxEntries"/>; <see cref="Truncated"/> says when there were more).
/// </summary>
internal sealed record BuildContextSnapshot(
    string DisplayPath,
    IReadOnlySet<string> Files,
    IReadOnlySet<string> Directories,
    bool Truncated,
    SourceText? DockerIgnore)
{
    public const int MaxEntries = 20_000;
}
