namespace PipelineGuard.Online.Pip;

/// <summary>One file of a project on a simple index: its name, its <c>Requires-Python</c> and whether it is yanked (PEP 592).</summary>
internal sealed record DistributionFile(string FileName, string? RequiresPython, bool Yanked)
{
    public bool IsWheel => FileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
}
