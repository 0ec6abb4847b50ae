namespace PipelineGuard.Documents.Docker;

/// <summary>The instruction keywords BuildKit knows (frontend/dockerfile/command/command.go).</summary>
internal static class DockerKeywords
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    public static bool IsKnown(string keyword) => Known.Contains(keyword);

    /// <summary>Instructions whose arguments may contain heredocs (parser.go <c>heredocDirectives</c>).</summary>
    public static bool AllowsHeredocs(string keyword) =>
        keyword.Equals("RUN", StringComparison.OrdinalIgnoreCase)
        || keyword.Equals("COPY", StringComparison.OrdinalIgnoreCase)
        || keyword.Equals("ADD", StringComparison.OrdinalIgnoreCase);
}
