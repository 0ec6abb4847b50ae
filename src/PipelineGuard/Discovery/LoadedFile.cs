using PipelineGuard.Documents.AzureMl;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>A file read and parsed once; later stages add the problems they find and mark it claimed by an environment.</summary>
internal sealed class LoadedFile(string fullPath, string root, SourceText text)
{
    public string FullPath { get; } = fullPath;

    public string Root { get; } = root;

    public SourceText Text { get; } = text;

    public List<ParseProblem> Problems { get; } = [];

    public DocumentKind Kind { get; set; } = DocumentKind.Unreadable;

    public DocNode? Tree { get; set; }

    public YamlKind YamlKind { get; set; }

    /// <summary>Offset of the first byte that is not UTF-8, if any (PG132 for Dockerfiles).</summary>
    public long? FirstInvalidByte { get; set; }

    /// <summary>Referred to by an environment definition: not an environment of its own.</summary>
    public bool Claimed { get; set; }

    /// <summary>The conda spec read from this file, once (several definitions may refer to it).</summary>
    public CondaSpec? Conda { get; set; }

    /// <summary>The Dockerfile read from this file, when it is one.</summary>
    public Documents.Docker.DockerfileDocument? Dockerfile { get; set; }

    /// <summary>The requirements file read from this file, when it is one.</summary>
    public Documents.Pip.RequirementsDocument? Requirements { get; set; }

    public InputDocument ToDocument() => new(Text, Kind, Problems);
}
