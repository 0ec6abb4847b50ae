namespace PipelineGuard.Online.Pip;

/// <summary>What one index said about one project: its page, "no such project", or nothing (not verified).</summary>
internal sealed record ProjectLookup(ProjectPage? Page, bool Missing)
{
    public static ProjectLookup Unknown { get; } = new(null, false);

    public static ProjectLookup NotFound { get; } = new(null, true);

    public bool Verified => Page is not null || Missing;
}
