namespace PipelineGuard.IO;

/// <summary>
/// The outcome of reading one file through <see cref="RepositoryFiles"/>. <see cref="Bytes"/> is set only for a file
/// inside the root that could be read and is not over the size limit; a refused path never has content.
/// </summary>
internal sealed record GuardedRead(GuardedPath Path, byte[]? Bytes, long Length, string? Failure)
{
    /// <summary>The file is there and allowed, but larger than the limit the caller gave: it was not read.</summary>
    public bool TooLarge => Path.Status == PathStatus.File && Bytes is null && Failure is null;
}
