namespace PipelineGuard.BuildLogs;

/// <summary>
/// Cuts the log into steps. Segment 0 is everything outside a step (ACR Tasks and Azure ML wrapper lines, a raw pip
/// or conda log); classic steps get 1, 2, 3, … in order of appearance (a log may hold several builds); BuildKit
/// step <c>#n</c> is segment −n. Bounded: after <see cref="MaxSteps"/> steps new headers reuse segment 0.
/// </summary>
internal sealed class BuildSteps
{
    public const int MaxSteps = 10_000;

    private readonly Dictionary<int, BuildStep> _steps = [];
    private int _classicCount;

    public BuildSteps() => _steps[0] = new BuildStep(0, "(outside any build step)");

    /// <summary>The classic step whose output is being read (0 between steps).</summary>
    public int CurrentClassic { get; private set; }

    /// <summary>A marker said the build as a whole failed (BuildKit "failed to solve", ACR "failed to run step", Azure ML "Image build failed").</summary>
    public bool BuildFailed { get; set; }

    public int? BuildExitCode { get; set; }

    /// <summary>The line of the first build-level failure marker.</summary>
    public int BuildFailureLine { get; set; }

    public IEnumerable<BuildStep> All => _steps.Values;

    public BuildStep this[int segment] => _steps.TryGetValue(segment, out var step) ? step : _steps[0];

    public int StartClassic(string header, int line)
    {
        if (CurrentClassic != 0 && this[CurrentClassic].Status == StepStatus.Unknown)
        {
            this[CurrentClassic].Status = StepStatus.Succeeded;
        }

        if (_steps.Count >= MaxSteps)
        {
            CurrentClassic = 0;
            return 0;
        }

        var segment = ++_classicCount;
        _steps[segment] = new BuildStep(segment, header);
        CurrentClassic = segment;
        return segment;
    }

    /// <summary>"Successfully built", or the end of a step's output after its failure line.</summary>
    public void EndClassic(bool succeeded)
    {
        if (succeeded && CurrentClassic != 0 && this[CurrentClassic].Status == StepStatus.Unknown)
        {
            this[CurrentClassic].Status = StepStatus.Succeeded;
        }

        CurrentClassic = 0;
    }

    public void StartBuildKit(int segment, string header, int line)
    {
        if (!_steps.ContainsKey(segment) && _steps.Count < MaxSteps)
        {
            _steps[segment] = new BuildStep(segment, header);
        }
    }

    public void Set(int segment, StepStatus status, int line = 0, int? exitCode = null)
    {
        if (!_steps.TryGetValue(segment, out var step))
        {
            if (_steps.Count >= MaxSteps)
            {
                return;
            }

            step = new BuildStep(segment, $"#{-segment}");
            _steps[segment] = step;
        }

        if (step.Status == StepStatus.Failed && status != StepStatus.Failed)
        {
            return;
        }

        step.Status = status;
        if (status == StepStatus.Failed)
        {
            step.FailureLine = step.FailureLine == 0 ? line : step.FailureLine;
            step.ExitCode ??= exitCode;
        }
    }

    public void Succeeded(int segment, int line)
    {
        var step = this[segment];
        step.LastSuccessLine = Math.Max(step.LastSuccessLine, line);
    }

    /// <summary>The BuildKit step whose header runs <paramref name="command"/> (for "failed to solve: process …" without a <c>#n ERROR</c> line).</summary>
    public BuildStep? BuildKitStepRunning(string command) =>
        _steps.Values.FirstOrDefault(s => s.Segment < 0 && command.Length > 0 && s.Header.Contains(command, StringComparison.Ordinal));
}
