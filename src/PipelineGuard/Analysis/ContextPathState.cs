namespace PipelineGuard.Analysis;

internal enum ContextPathState
{
    Present,
    Missing,
    Excluded,
}
