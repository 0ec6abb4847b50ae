namespace PipelineGuard.Discovery;

/// <summary>A file to read: its full path, the root it must not leave, and whether the user named it.</summary>
internal sealed record Candidate(string FullPath, string Root, bool Explicit);
