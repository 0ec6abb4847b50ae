namespace PipelineGuard.Documents.Docker;

/// <summary>The tool a <see cref="PackageInstall"/> runs.</summary>
internal enum PackageInstaller
{
    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.10</c>, <c>python -m pip</c>.</summary>
    Pip,

    /// <summary><c>conda</c>, <c>mamba</c>, <c>micromamba</c>.</summary>
    Conda,

    /// <summary><c>pipx</c>.</summary>
    Pipx,
}
