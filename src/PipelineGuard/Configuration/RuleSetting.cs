namespace PipelineGuard.Configuration;

/// <summary>What a rule's configuration says: its severity, or off.</summary>
internal enum RuleSetting
{
    Off,
    Notice,
    Warning,
    Error,
}
