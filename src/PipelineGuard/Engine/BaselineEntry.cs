namespace PipelineGuard.Engine;

/// <summary>One recorded finding: what matching needs (rule, file and fingerprint), never the line or the message.</summary>
internal sealed record BaselineEntry(string RuleId, string File, string Fingerprint);
