namespace PipelineGuard.Environments;

internal enum ReferenceStatus
{
    Exists,
    Missing,
    OutsideRoot,

    /// <summary>
    /// Inside the root as written, but a symbolic link takes it out of the root, into a <c>.git</c> folder or round a
    /// loop: the guard refused it, and <see cref="FileReference.Refusal"/> says why.
    /// </summary>
    Refused,

    /// <summary>A template placeholder (<c>{{…}}</c>) or a URL: nothing to check on disk.</summary>
    NotChecked,
}
