using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Not a rule: the step ends, build-level failure and success markers, and the progress lines whose state the rules need
/// (the index pip looks in, the push under way, the open "Solving environment"). They update <see cref="LogContext"/>
/// and <see cref="BuildSteps"/>; lines holding one of their keywords reach them before any rule.
/// </summary>
internal static class BuildMarkers
{
    /// <summary>One signature for all markers: their keywords feed the prefilter like the rules' do.</summary>
    public static IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Markers, 0,
        [
            "returned a non-zero code", "did not complete successfully", "executor failed running", "failed to solve", "Error: building at STEP",
            "Successfully built", "Successfully tagged", "Successfully installed", "Successfully pushed", "was successful", "failed to run step",
            "Container failed during run", "mage build failed", "docker image failed", "failed with exit code", "EnvironmentBuildFailed",
            "failed after", "deadline exceeded", "Pip subprocess error", "CondaValueError", "CondaEnvException", "The push refers to repository",
            "Pushing image", "Looking in indexes", "Solving environment", "Preparing transaction", "Verifying transaction", "Executing transaction",
            "Downloading and Extracting", "Found conflicts",
        ], Match)
        {
            LineStarts =
            [
                "Looking in indexes", "Solving environment", "Preparing transaction", "Verifying transaction", "Executing transaction",
                "Found conflicts", "Pushing image", "The push refers to repository", "Downloading and Extracting",
            ],
            ReachedThroughTheirLine =
            [
                "was successful", "mage build failed", "EnvironmentBuildFailed", "failed after", "deadline exceeded", "Pip subprocess error",
                "CondaValueError", "Successfully built", "Successfully tagged", "Successfully installed", "Successfully pushed",
                "Error: building at STEP", "executor failed running",
            ],
        },
    ];

    public static bool Match(LogLine line, LogContext context)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;

        // Classic builder: "The command '/bin/sh -c …' returned a non-zero code: 1" ends the current step.
        if (Has(text, "returned a non-zero code"))
        {
            context.Steps.Set(line.Segment, StepStatus.Failed, line.Number, LogText.IntegerAfter(text, "non-zero code:"));
            context.Steps.EndClassic(succeeded: false);
            return true;
        }

        // BuildKit: "#12 ERROR: process "/bin/sh -c …" did not complete successfully: exit code: 1" (in the step),
        // "ERROR: failed to solve: process "…" did not complete successfully: exit code: 1" (the summary), and the
        // older "executor failed running [/bin/sh -c …]: exit code: 1".
        if (Has(text, "did not complete successfully") || Has(text, "executor failed running"))
        {
            var exit = LogText.IntegerAfter(text, "exit code:");
            if (line.Segment < 0)
            {
                context.Steps.Set(line.Segment, StepStatus.Failed, line.Number, exit);
            }
            else
            {
                context.Steps.BuildFailed = true;
                context.Steps.BuildFailureLine = context.Steps.BuildFailureLine == 0 ? line.Number : context.Steps.BuildFailureLine;
                context.Steps.BuildExitCode ??= exit;
                var command = BuildKitCommand(text);
                if (command is not null && context.Steps.BuildKitStepRunning(command) is { } step)
                {
                    context.Steps.Set(step.Segment, StepStatus.Failed, line.Number, exit);
                }
                else if (line.Segment > 0)
                {
                    context.Steps.Set(line.Segment, StepStatus.Failed, line.Number, exit);
                }
            }

            return true;
        }

        if (Has(text, "failed to solve") || Has(text, "Container failed during run") || Has(text, "failed to run step") ||
            Has(text, "mage build failed") || Has(text, "EnvironmentBuildFailed") || (Starts(trimmed, "Run ID:") && Has(text, "failed after")))
        {
            context.Steps.BuildFailed = true;
            context.Steps.BuildFailureLine = context.Steps.BuildFailureLine == 0 ? line.Number : context.Steps.BuildFailureLine;
            if (Has(text, "deadline exceeded"))
            {
                context.TimeoutSeen = true;
            }

            return true;
        }

        // Azure ML's wrapper: "Building docker image failed with exit code: 1", "Creating conda environment failed with exit code: -15".
        if (Has(text, "failed with exit code") && (Has(text, "docker image") || Has(text, "conda environment")))
        {
            context.Steps.BuildFailed = true;
            context.Steps.BuildFailureLine = context.Steps.BuildFailureLine == 0 ? line.Number : context.Steps.BuildFailureLine;
            context.Steps.BuildExitCode ??= LogText.IntegerAfter(text, "exit code:") ?? LogText.IntegerAfter(text, "exit code");
            return true;
        }

        if (Has(text, "deadline exceeded"))
        {
            context.TimeoutSeen = true;
            context.Steps.BuildFailed = true;
            context.Steps.BuildFailureLine = context.Steps.BuildFailureLine == 0 ? line.Number : context.Steps.BuildFailureLine;
            return true;
        }

        if (Has(text, "Error: building at STEP"))
        {
            context.Steps.Set(line.Segment == 0 ? context.Steps.CurrentClassic : line.Segment, StepStatus.Failed, line.Number, LogText.IntegerAfter(text, "exit status"));
            return true;
        }

        // conda's wrappers: the step failed, the cause is above them.
        if (Has(text, "CondaValueError") || Has(text, "CondaEnvException") || Has(text, "Pip subprocess error"))
        {
            context.Steps.Set(line.Segment, StepStatus.Failed, line.Number);
            context.OpenSolve = null;
            return true;
        }

        if (Starts(trimmed, "Successfully built") || Starts(trimmed, "Successfully tagged"))
        {
            context.Steps.Succeeded(line.Segment, line.Number);
            context.Steps.EndClassic(succeeded: true);
            return true;
        }

        if (Starts(trimmed, "Successfully installed") || Has(text, "was successful") || Has(text, "Successfully pushed"))
        {
            context.Steps.Succeeded(line.Segment, line.Number);
            if (Has(text, "Successfully pushed"))
            {
                context.PushContext = false;
            }

            return true;
        }

        if (Has(text, "The push refers to repository") || Has(text, "Pushing image"))
        {
            context.PushContext = true;
            context.PushTarget = LogText.RegistryOfRepository(text) ?? context.PushTarget;
            return true;
        }

        if (Starts(trimmed, "Looking in indexes:"))
        {
            context.IndexUrls = trimmed["Looking in indexes:".Length..].Trim();
            return true;
        }

        if (Starts(trimmed, "Collecting ") && !Starts(trimmed, "Collecting package metadata"))
        {
            context.CurrentPackage = LogText.RequirementName(trimmed["Collecting ".Length..]) ?? context.CurrentPackage;
            return true;
        }

        if (Starts(trimmed, "Building wheel for ") || Starts(trimmed, "Running setup.py install for "))
        {
            var name = LogText.RequirementName(LogText.After(trimmed, " for "));
            context.CurrentPackage = name ?? context.CurrentPackage;
            return true;
        }

        if (Has(text, "Solving environment"))
        {
            var status = text.TrimEnd();
            context.OpenSolve = status.EndsWith("done", StringComparison.Ordinal) || Has(status, "failed") ? null : line;
            return true;
        }

        if (Has(text, "Preparing transaction") || Has(text, "Verifying transaction") || Has(text, "Executing transaction") ||
            Has(text, "Downloading and Extracting") || Has(text, "Found conflicts"))
        {
            context.OpenSolve = null;
        }

        return true;
    }

    /// <summary>The command of <c>process "/bin/sh -c CMD" did not complete</c> or <c>executor failed running [/bin/sh -c CMD]</c>.</summary>
    private static string? BuildKitCommand(string text)
    {
        var process = LogText.After(text, "process \"/bin/sh -c ");
        if (process is not null)
        {
            var end = process.LastIndexOf("\" did not complete", StringComparison.Ordinal);
            return end < 0 ? null : process[..end];
        }

        var executor = LogText.After(text, "executor failed running [/bin/sh -c ");
        if (executor is not null)
        {
            var end = executor.LastIndexOf("]:", StringComparison.Ordinal);
            return end < 0 ? null : executor[..end];
        }

        return null;
    }
}
