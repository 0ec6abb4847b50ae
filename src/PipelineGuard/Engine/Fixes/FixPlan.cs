namespace PipelineGuard.Engine.Fixes;

/// <summary>What <c>fix</c> would change: the patched files, and every fix it leaves alone with the reason.</summary>
internal sealed record FixPlan(IReadOnlyList<FilePatch> Files, IReadOnlyList<SkippedFix> Skipped)
{
    public int FixCount => Files.Sum(f => f.Edits.Count);
}
