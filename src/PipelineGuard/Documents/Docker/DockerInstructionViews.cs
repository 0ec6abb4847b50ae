using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>FROM [--platform=...] image [AS name].</summary>
/// <param name="Image">The image reference as written (variables not expanded), e.g. <c>mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1</c>.</param>
/// <param name="Platform">The <c>--platform</c> value.</param>
/// <param name="StageName">The name after AS.</param>
internal sealed record DockerFrom(Located<string> Image, Located<string>? Platform, Located<string>? StageName);

/// <summary>
/// RUN: the simple commands of its shell form (and of heredoc bodies that are shell scripts), or
/// one command made of the exec-form elements.
/// </summary>
/// <param name="Commands">In file order: the instruction line first, then heredoc bodies.</param>
/// <param name="Mounts">The <c>--mount</c> flags.</param>
internal sealed record DockerRun(ImmutableArray<ShellCommand> Commands, ImmutableArray<DockerFlag> Mounts);

/// <summary>COPY or ADD: sources and destination as written, <c>--from</c>, <c>--chown</c>, <c>--chmod</c>.</summary>
internal sealed record DockerCopy(
    bool IsAdd,
    ImmutableArray<Located<string>> Sources,
    Located<string>? Destination,
    Located<string>? From,
    Located<string>? Chown,
    Located<string>? Chmod);
