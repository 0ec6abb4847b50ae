using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG323: the built image could not be pushed: Docker's <c>failed to push</c>, <c>error pushing</c>, and a registry's
/// refusal (<c>denied:</c>, <c>unauthorized</c>) while a push is under way (after <c>The push refers to repository</c>).
/// </summary>
internal sealed class ImagePushFailed : LogRule
{
    public static readonly RuleInfo Rule = new("PG323", "image-push-failed", Severity.Error,
        "The built image could not be pushed to the registry.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Registry, 40, ["nauthorized", "UNAUTHORIZED", "authentication required", "no basic auth credentials", "denied:"], PushRefused),
        new(Families.Docker, 40, ["failed to push", "error pushing", "Failed to push"], PushFailed),
    ];

    private static bool PushRefused(LogLine line, LogContext context)
    {
        var text = line.Text;
        var push = context.PushContext || Has(text, "push");
        if (!push || RegistryLine.BelongsElsewhere(line) || RegistryLine.OtherDenial(line) || !RegistryLine.AuthRefused(text))
        {
            return false;
        }

        var registry = RegistryLine.Host(text) ?? LogText.RegistryOfRepository(text) ?? context.PushTarget;
        context.Emit(new LogSignal(Rule, LogKinds.PushFailed, Strength.Decisive, line,
            $"pushing the built image to {registry ?? "the registry"} was refused ({LogText.Clip(line.Trimmed, 100)}): the build's identity may not push there. " +
            "Retry first (ACR refuses pushes transiently); if it persists, check the workspace identity's AcrPush role and the registry's network rules (private endpoint region).")
            with { Host = registry });
        return true;
    }

    private static bool PushFailed(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "failed to push") && !Has(text, "error pushing") && !Has(text, "Failed to push"))
        {
            return false;
        }

        var registry = LogText.RegistryOfRepository(text) ?? LogText.Host(LogText.Url(text)) ?? context.PushTarget;
        context.Emit(new LogSignal(Rule, LogKinds.PushFailed, Strength.Decisive, line,
            $"the built image could not be pushed to {registry ?? "the registry"} ({LogText.Clip(line.Trimmed, 120)}). Retry first (ACR refuses pushes transiently); " +
            "if it persists, check the workspace identity's AcrPush role and the registry's network rules.")
            with { Host = registry });
        return true;
    }
}
