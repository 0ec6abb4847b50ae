using System.Diagnostics.CodeAnalysis;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Images;

/// <summary>
/// A Docker image reference (<c>[domain/]path[:tag][@digest]</c>) parsed with the acceptance of
/// github.com/distribution/reference (<c>regexp.go</c>, <c>reference.go</c>) and Docker's normalisation
/// (<c>normalize.go</c>: <c>docker.io</c> and <c>library/</c> for Docker Hub short names). Every written part
/// keeps its 0-based range in <see cref="Text"/> so findings can point at exactly the tag or the registry.
/// </summary>
/// <remarks>
/// Parsing is a hand-written single pass (<see cref="ImageReferenceParser"/>): linear time, no regex, never throws.
/// </remarks>
internal sealed class ImageReference
{
    /// <summary>Docker Hub's domain, implied when the first path component is not a registry.</summary>
    public const string DefaultDomain = "docker.io";

    /// <summary>The old Docker Hub name that normalises to <see cref="DefaultDomain"/>.</summary>
    public const string LegacyDefaultDomain = "index.docker.io";

    /// <summary>Docker Hub's namespace of official images: <c>python</c> is <c>docker.io/library/python</c>.</summary>
    public const string OfficialRepositoryPrefix = "library/";

    /// <summary><c>NameTotalLengthMax</c> of reference.go: the written name (domain and path) may not be longer.</summary>
    public const int NameTotalLengthMax = 255;

    /// <summary>A tag is <c>[\w][\w.-]{0,127}</c>: at most 128 characters.</summary>
    public const int TagMaxLength = 128;

    internal ImageReference(string text, TextSpan? domainRange, TextSpan pathRange, TextSpan? tagRange, TextSpan? digestRange)
    {
        Text = text;
        DomainRange = domainRange;
        PathRange = pathRange;
        TagRange = tagRange;
        DigestRange = digestRange;
        WrittenDomain = domainRange is { } d ? text.Substring(d.Offset, d.Length) : null;
        WrittenPath = text.Substring(pathRange.Offset, pathRange.Length);
        Tag = tagRange is { } t ? text.Substring(t.Offset, t.Length) : null;
        Digest = digestRange is { } g ? text.Substring(g.Offset, g.Length) : null;
        Domain = WrittenDomain is null or LegacyDefaultDomain ? DefaultDomain : WrittenDomain;
        Path = Domain == DefaultDomain && !WrittenPath.Contains('/', StringComparison.Ordinal)
            ? OfficialRepositoryPrefix + WrittenPath
            : WrittenPath;
    }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The registry as written (<c>mcr.microsoft.com</c>, <c>localhost:5000</c>, <c>[::1]:5000</c>), or null when implied.</summary>
    public string? WrittenDomain { get; }

    public TextSpan? DomainRange { get; }

    /// <summary>The registry after normalisation: <c>docker.io</c> when none is written (or <c>index.docker.io</c> is).</summary>
    public string Domain { get; }

    /// <summary>The repository path as written (<c>python</c>, <c>azureml/openmpi4.1.0-ubuntu20.04</c>).</summary>
    public string WrittenPath { get; }

    public TextSpan PathRange { get; }

    /// <summary>The repository path after normalisation: Docker Hub short names get <c>library/</c>.</summary>
    public string Path { get; }

    /// <summary>The tag without its ':' (null when none is written).</summary>
    public string? Tag { get; }

    public TextSpan? TagRange { get; }

    /// <summary>The digest without its '@' (<c>sha256:…</c>), or null.</summary>
    public string? Digest { get; }

    public TextSpan? DigestRange { get; }

    /// <summary>The written name: registry and path, without tag or digest.</summary>
    public TextSpan NameRange => TextSpan.FromBounds(0, PathRange.End);

    /// <summary>The fully qualified name: <c>docker.io/library/python</c>.</summary>
    public string FullName => $"{Domain}/{Path}";

    /// <summary>
    /// The name as Docker shows it (<c>FamiliarName</c> in normalize.go): without <c>docker.io/</c>, and without
    /// <c>library/</c> for official images (<c>python</c>, <c>user/app</c>, <c>mcr.microsoft.com/azureml/base</c>).
    /// </summary>
    public string FamiliarName
    {
        get
        {
            if (Domain != DefaultDomain)
            {
                return FullName;
            }

            return Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal) &&
                   Path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0
                ? Path[OfficialRepositoryPrefix.Length..]
                : Path;
        }
    }

    public bool IsDockerHub => Domain == DefaultDomain;

    /// <summary>
    /// Parses <paramref name="text"/>. Returns false with an <paramref name="error"/> when it is not a valid reference,
    /// and false with a null error when it is a template (<see cref="IsTemplate"/>): a placeholder cannot be judged.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, out ImageReferenceError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = null;
        error = null;
        if (IsTemplate(text))
        {
            return false;
        }

        (reference, error) = ImageReferenceParser.Parse(text);
        return reference is not null;
    }

    /// <summary>
    /// True when the text holds template syntax that is filled in before Docker sees it: <c>{{ACR_NAME}}</c>,
    /// <c>{name}</c>, <c>${REGISTRY}</c>, <c>$BASE_IMAGE</c>, <c>$(var)</c> (Azure Pipelines), <c>#{var}#</c>,
    /// <c>&lt;your-registry&gt;</c>. None of '{', '}', '$', '&lt;', '&gt;' can appear in a reference, so
    /// their presence means a placeholder, not a typo worth an error.
    /// </summary>
    public static bool IsTemplate(string text) => text.AsSpan().IndexOfAny("{}$<>") >= 0;

    public override string ToString() => Text;
}
