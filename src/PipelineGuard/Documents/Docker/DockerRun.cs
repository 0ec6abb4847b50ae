using System.Collections.Immutable;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// RUN: the simple commands of its shell form (and of heredoc bodies that are shell scripts), or
/// one command made of the exec-form elements.
/// </summary>
/// <param name="Commands">In file order: the instruction line first, then heredoc bodies.</param>
/// <param name="Mounts">The <c>--mount</c> flags.</param>
internal sealed record DockerRun(ImmutableArray<ShellCommand> Commands, ImmutableArray<DockerFlag> Mounts);
