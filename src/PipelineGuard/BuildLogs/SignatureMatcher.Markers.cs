namespace PipelineGuard.BuildLogs;

/// <summary>Step ends, build-level failure and success markers, and the progress lines whose state other signatures need.</summary>
internal sealed partial class SignatureMatcher
{
    private void MatchMarkers(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;

        // Classic builder: "The command '/bin/sh -c …' returned a non-zero code: 1" ends the current step.
        if (Has(text, "returned a non-zero code"))
        {
            steps.Set(line.Segment, StepStatus.Failed, line.Number, LogText.IntegerAfter(text, "non-zero code:"));
            steps.EndClassic(succeeded: false);
            return;
        }

        // BuildKit: "#12 ERROR: process "/bin/sh -c …" did not complete successfully: exit code: 1" (in the step),
        // "ERROR: failed to solve: process "…" did not complete successfully: exit code: 1" (the summary), and the
        // older "executor failed running [/bin/sh -c …]: exit code: 1".
        if (Has(text, "did not complete successfully") || Has(text, "executor failed running"))
        {
            var exit = LogText.IntegerAfter(text, "exit code:");
            if (line.Segment < 0)
            {
                steps.Set(line.Segment, StepStatus.Failed, line.Number, exit);
            }
            else
            {
                steps.BuildFailed = true;
                steps.BuildFailureLine = steps.BuildFailureLine == 0 ? line.Number : steps.BuildFailureLine;
                steps.BuildExitCode ??= exit;
                var command = BuildKitCommand(text);
                if (command is not null && steps.BuildKitStepRunning(command) is { } step)
                {
                    steps.Set(step.Segment, StepStatus.Failed, line.Number, exit);
                }
                else if (line.Segment > 0)
                {
                    steps.Set(line.Segment, StepStatus.Failed, line.Number, exit);
                }
            }

            return;
        }

        if (Has(text, "failed to solve") || Has(text, "Container failed during run") || Has(text, "failed to run step") ||
            Has(text, "mage build failed") || Has(text, "EnvironmentBuildFailed") || (Starts(trimmed, "Run ID:") && Has(text, "failed after")))
        {
            steps.BuildFailed = true;
            steps.BuildFailureLine = steps.BuildFailureLine == 0 ? line.Number : steps.BuildFailureLine;
            if (Has(text, "deadline exceeded"))
            {
                TimeoutSeen = true;
            }

            return;
        }

        // Azure ML's wrapper: "Building docker image failed with exit code: 1", "Creating conda environment failed with exit code: -15".
        if (Has(text, "failed with exit code") && (Has(text, "docker image") || Has(text, "conda environment")))
        {
            steps.BuildFailed = true;
            steps.BuildFailureLine = steps.BuildFailureLine == 0 ? line.Number : steps.BuildFailureLine;
            steps.BuildExitCode ??= LogText.IntegerAfter(text, "exit code:") ?? LogText.IntegerAfter(text, "exit code");
            return;
        }

        if (Has(text, "deadline exceeded"))
        {
            TimeoutSeen = true;
            steps.BuildFailed = true;
            steps.BuildFailureLine = steps.BuildFailureLine == 0 ? line.Number : steps.BuildFailureLine;
            return;
        }

        if (Has(text, "Error: building at STEP"))
        {
            steps.Set(line.Segment == 0 ? steps.CurrentClassic : line.Segment, StepStatus.Failed, line.Number, LogText.IntegerAfter(text, "exit status"));
            return;
        }

        // conda's wrappers: the step failed, the cause is above them.
        if (Has(text, "CondaValueError") || Has(text, "CondaEnvException") || Has(text, "Pip subprocess error"))
        {
            steps.Set(line.Segment, StepStatus.Failed, line.Number);
            OpenSolve = null;
            return;
        }

        if (Starts(trimmed, "Successfully built") || Starts(trimmed, "Successfully tagged"))
        {
            steps.Succeeded(line.Segment, line.Number);
            steps.EndClassic(succeeded: true);
            return;
        }

        if (Starts(trimmed, "Successfully installed") || Has(text, "was successful") || Has(text, "Successfully pushed"))
        {
            steps.Succeeded(line.Segment, line.Number);
            if (Has(text, "Successfully pushed"))
            {
                PushContext = false;
            }

            return;
        }

        if (Has(text, "The push refers to repository") || Has(text, "Pushing image"))
        {
            PushContext = true;
            PushTarget = RegistryOfRepository(text) ?? PushTarget;
            return;
        }

        if (Starts(trimmed, "Looking in indexes:"))
        {
            IndexUrls = trimmed["Looking in indexes:".Length..].Trim();
            return;
        }

        if (Starts(trimmed, "Collecting ") && !Starts(trimmed, "Collecting package metadata"))
        {
            CurrentPackage = LogText.RequirementName(trimmed["Collecting ".Length..]) ?? CurrentPackage;
            return;
        }

        if (Starts(trimmed, "Building wheel for ") || Starts(trimmed, "Running setup.py install for "))
        {
            var name = LogText.RequirementName(LogText.After(trimmed, " for "));
            CurrentPackage = name ?? CurrentPackage;
            return;
        }

        if (Has(text, "Solving environment"))
        {
            var status = text.TrimEnd();
            OpenSolve = status.EndsWith("done", StringComparison.Ordinal) || Has(status, "failed") ? null : line;
            return;
        }

        if (Has(text, "Preparing transaction") || Has(text, "Verifying transaction") || Has(text, "Executing transaction") ||
            Has(text, "Downloading and Extracting") || Has(text, "Found conflicts"))
        {
            OpenSolve = null;
        }
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
