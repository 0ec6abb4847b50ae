namespace PipelineGuard.Documents.Docker;

/// <summary>Which file names are Dockerfiles.</summary>
internal static class DockerfileNames
{
    /// <summary>
    /// True for <c>Dockerfile</c> and, like the Docker CLI, lower-case <c>dockerfile</c> (moby
    /// builder/remotecontext/detect.go falls back to it); the common variants <c>Dockerfile.gpu</c>
    /// and <c>app.dockerfile</c> (the VS Code language association); and <c>Containerfile</c>, the
    /// Podman/Buildah name for the same format. Any case is accepted: on Windows and macOS the
    /// file system does not distinguish.
    /// </summary>
    public static bool IsDockerfileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/').TrimEnd('/'));
        if (name.Length == 0)
        {
            return false;
        }

        return IsBaseName(name, "Dockerfile")
            || IsBaseName(name, "Containerfile")
            || (name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase) && name.Length > ".dockerfile".Length)
            || (name.EndsWith(".containerfile", StringComparison.OrdinalIgnoreCase) && name.Length > ".containerfile".Length);
    }

    // "Dockerfile" itself or "Dockerfile.<suffix>" with a non-empty suffix.
    private static bool IsBaseName(string name, string baseName) =>
        name.Equals(baseName, StringComparison.OrdinalIgnoreCase)
        || (name.Length > baseName.Length + 1
            && name.StartsWith(baseName + ".", StringComparison.OrdinalIgnoreCase));
}
