using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// One Dockerfile instruction, possibly spread over continuation lines and followed by heredoc
/// bodies. The typed views (<see cref="From"/>, <see cref="Run"/>...) are set for the matching
/// keyword and null otherwise.
/// </summary>
internal sealed class DockerInstruction
{
    /// <summary>The keyword as written ("run", "Run", "RUN").</summary>
    public required Located<string> Keyword { get; init; }

    /// <summary>The keyword upper-cased: keywords are case-insensitive.</summary>
    public string KeywordUpper => Keyword.Value.ToUpperInvariant();

    /// <summary>True when the keyword is one BuildKit knows.</summary>
    public bool IsKnown => DockerKeywords.IsKnown(Keyword.Value);

    /// <summary>From the keyword to the end of the last continuation line or heredoc terminator.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The whole instruction, continuation lines joined as BuildKit joins them.</summary>
    public required LogicalText Text { get; init; }

    /// <summary>Leading <c>--name=value</c> flags.</summary>
    public ImmutableArray<DockerFlag> Flags { get; init; } = [];

    /// <summary>The arguments after the keyword and the flags, joined across lines and mapped to the file.</summary>
    public required LogicalText Arguments { get; init; }

    public string ArgumentText => Arguments.Text;

    /// <summary>The arguments split on blanks (quotes respected), after quote removal.</summary>
    public ImmutableArray<Located<string>> Words { get; init; } = [];

    /// <summary>True when the arguments are a JSON array of strings: <c>["pip", "install", "x"]</c>.</summary>
    public bool IsExecForm { get; init; }

    /// <summary>The JSON array elements (spans inside the quotes); empty in shell form.</summary>
    public ImmutableArray<Located<string>> ExecForm { get; init; } = [];

    public ImmutableArray<DockerHeredoc> Heredocs { get; init; } = [];

    public DockerFrom? From { get; init; }

    public DockerRun? Run { get; init; }

    public DockerCopy? Copy { get; init; }

    /// <summary>The pairs of ENV, ARG and LABEL; empty for other instructions.</summary>
    public ImmutableArray<DockerKeyValue> KeyValues { get; init; } = [];

    /// <summary>The whole argument of USER, WORKDIR, STOPSIGNAL, MAINTAINER (quotes removed).</summary>
    public Located<string>? SingleArgument { get; init; }

    /// <summary>The instruction an ONBUILD wraps.</summary>
    public DockerInstruction? OnBuildInner { get; init; }

    /// <summary>The first flag named <paramref name="name"/> (without dashes, any case).</summary>
    public DockerFlag? FindFlag(string name) =>
        Flags.FirstOrDefault(f => string.Equals(f.Name.Value, name, StringComparison.OrdinalIgnoreCase));

    public bool Is(string keyword) => string.Equals(Keyword.Value, keyword, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text.Text;
}
