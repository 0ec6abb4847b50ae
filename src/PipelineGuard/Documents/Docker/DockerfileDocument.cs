using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>A Dockerfile as <see cref="DockerfileReader"/> read it.</summary>
/// <param name="Source">The text it was read from.</param>
/// <param name="Directives">Parser directives at the top.</param>
/// <param name="EscapeCharacter">'\\' or '`' (from <c># escape=</c>).</param>
/// <param name="Instructions">In file order.</param>
/// <param name="Comments">Comment lines (text after '#', trimmed), also those dropped inside continuations.</param>
/// <param name="EmptyContinuationLines">1-based lines that were blank inside a continuation (BuildKit warns about them).</param>
/// <param name="Problems">Syntax problems, positioned.</param>
internal sealed record DockerfileDocument(
    SourceText Source,
    ImmutableArray<ParserDirective> Directives,
    char EscapeCharacter,
    ImmutableArray<DockerInstruction> Instructions,
    ImmutableArray<Located<string>> Comments,
    ImmutableArray<int> EmptyContinuationLines,
    ImmutableArray<ParseProblem> Problems)
{
    /// <summary>The FROM instructions, one per build stage.</summary>
    public IEnumerable<DockerInstruction> Stages => Instructions.Where(i => i.From is not null);

}
