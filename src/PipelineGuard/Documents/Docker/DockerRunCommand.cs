namespace PipelineGuard.Documents.Docker;

/// <summary>
/// One simple command a Dockerfile runs, the instruction it belongs to (an <c>ONBUILD RUN</c> is the ONBUILD), and the
/// quote of the <c>sh -c "…"</c> word it was found in (0 at the top level): a fix that adds quotes must then use the other kind.
/// </summary>
/// <param name="Depth">0 for a command of the RUN itself, 1 inside <c>bash -c "…"</c>, 2 inside a script inside that…</param>
internal sealed record DockerRunCommand(DockerInstruction Instruction, ShellCommand Command, char EnclosingQuote, int Depth);
