namespace PipelineGuard.Documents.Pip;

/// <summary>What a requirement points at (best effort, without looking at the file system).</summary>
internal enum RequirementKind
{
    /// <summary>A name from an index: "numpy>=1.24", "requests[socks]; python_version &lt; '3.8'".</summary>
    Named,

    /// <summary>An archive URL: "name @ https://.../x.tar.gz" or a bare "https://.../x.whl".</summary>
    Url,

    /// <summary>A version-control URL: "git+https://...@v1.2#egg=x", "name @ git+https://...".</summary>
    Vcs,

    /// <summary>A local directory or archive: "./pkg", ".", "../x.whl", "file:///...".</summary>
    LocalPath,
}
