using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// The spec locations gathered for one signal, and what a log rule needs to find its own: the workspace, its requirements
/// documents and Dockerfiles. One location per spec line: the first (most specific) keeps its place, later messages are added to it.
/// </summary>
internal sealed class SpecLinks(Workspace workspace)
{
    private readonly List<RelatedLocation> _related = [];
    private readonly Dictionary<(string, int), int> _seen = [];

    public Workspace Workspace => workspace;

    public IReadOnlyList<RelatedLocation> Related => _related;

    public void Add(SourceSpan span, string message)
    {
        if (_seen.TryGetValue((span.File, span.Line), out var index))
        {
            if (!_related[index].Message.Contains(message, StringComparison.Ordinal) && !message.EndsWith("is declared here", StringComparison.Ordinal))
            {
                _related[index] = _related[index] with { Message = _related[index].Message + "; " + message };
            }

            return;
        }

        _seen[(span.File, span.Line)] = _related.Count;
        _related.Add(new RelatedLocation(span, message));
    }

    /// <summary>The Python pins of the conda specs.</summary>
    public void AddPythonPins()
    {
        foreach (var python in workspace.Environments.SelectMany(e => e.Conda?.Named("python") ?? []))
        {
            Add(python.ValueSpan, "the environment's Python is given here");
        }
    }

    public IEnumerable<RequirementsDocument> Documents() =>
        workspace.Environments.SelectMany(e => e.PipRequirements).Distinct();

    public IEnumerable<Documents.Docker.DockerfileDocument> Dockerfiles() =>
        workspace.Environments.Select(e => e.Build?.Dockerfile).OfType<Documents.Docker.DockerfileDocument>().Distinct();

    /// <summary>True when <paramref name="path"/> is <paramref name="tail"/> or ends with it after a '/' (either separator).</summary>
    public static bool EndsWithPath(string path, string tail)
    {
        path = path.Replace('\\', '/');
        tail = tail.Replace('\\', '/').TrimStart('.', '/');
        return tail.Length > 0 && (path == tail || path.EndsWith("/" + tail, StringComparison.Ordinal));
    }
}
