namespace PipelineGuard.Documents.Docker;

/// <summary>What a token of a shell command is.</summary>
internal enum ShellWordKind
{
    /// <summary>An ordinary word (command name, argument, assignment).</summary>
    Word,

    /// <summary>A redirection operator with its file descriptor: <c>&lt;</c>, <c>&gt;&gt;</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;</c>.</summary>
    Redirection,

    /// <summary>The word a redirection operator applies to: the file, or a heredoc delimiter.</summary>
    RedirectionTarget,
}
