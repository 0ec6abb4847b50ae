namespace PipelineGuard.BuildLogs;

/// <summary>How much a signature says about why a step failed.</summary>
internal enum Strength
{
    /// <summary>Only explains another signal (pip's "Skipping link: none of the wheel's tags…"); never reported alone.</summary>
    Hidden = 0,

    /// <summary>Context: a retry, a resolver INFO line, a warning. Reported as a notice; a root cause only when nothing else explains a failure.</summary>
    Context = 1,

    /// <summary>A generic failure that a more specific line usually explains (a wheel that failed to build, an exit code).</summary>
    Generic = 2,

    /// <summary>A specific error that fails the step by itself.</summary>
    Decisive = 3,
}
