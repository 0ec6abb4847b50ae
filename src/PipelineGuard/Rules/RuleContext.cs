using PipelineGuard.Environments;

namespace PipelineGuard.Rules;

/// <summary>
/// What a rule is given: the workspace (every file read once, and the environments built from them), the day of
/// the run (from the injected clock) and the settings that rules take. Rules read nothing else: no file system, no
/// configuration, no clock of their own.
/// </summary>
internal sealed record RuleContext(Workspace Workspace, RuleSettings Settings)
{
    public DateOnly Today => Workspace.Today;

    /// <summary>A context with the default settings, for tests and tools that run a rule on a workspace alone.</summary>
    public static RuleContext Of(Workspace workspace) => new(workspace, RuleSettings.Default);
}
