namespace PipelineGuard.Model;

/// <summary>Why a finding is not reported.</summary>
internal enum SuppressionKind
{
    Inline,
    Baseline,
}
