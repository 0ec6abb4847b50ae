namespace PipelineGuard.BuildLogs;

/// <summary>
/// What one scan of a log remembers across lines, handed to every log rule: the signals found so far, the steps, the
/// lines a header captures after it (the <c>- name</c> list after <c>ResolvePackageNotFound:</c>), and the little state
/// a signature needs from earlier lines (the index pip looks in, the package being built, whether an image is being
/// pushed, whether conda is still solving). One per scan; the rules themselves hold no state.
/// </summary>
internal sealed class LogContext(SignalStore store, BuildSteps steps)
{
    private const int MaxCaptureLines = 40;

    private readonly char[] _package = new char[128];
    private int _packageLength;
    private Func<LogLine, bool>? _capture;
    private Action? _captureDone;
    private int _captureLeft;

    public SignalStore Store => store;

    public BuildSteps Steps => steps;

    /// <summary>The index URLs of the last "Looking in indexes:" line.</summary>
    public string? IndexUrls { get; set; }

    /// <summary>The package pip is collecting or building now (for compile errors that do not name it).</summary>
    public string? CurrentPackage
    {
        get => _packageLength == 0 ? null : new string(_package, 0, _packageLength);
        set
        {
            _packageLength = Math.Min(value?.Length ?? 0, _package.Length);
            value?.AsSpan(0, _packageLength).CopyTo(_package);
        }
    }

    /// <summary>An image push is under way ("The push refers to repository", until "Successfully pushed").</summary>
    public bool PushContext { get; set; }

    /// <summary>The registry of the image being pushed ("The push refers to repository [x.azurecr.io/…]").</summary>
    public string? PushTarget { get; set; }

    /// <summary>The last "Solving environment" line that has not said done or failed yet.</summary>
    public LogLine? OpenSolve { get; set; }

    /// <summary>A task or job timeout was reported (ACR "context deadline exceeded").</summary>
    public bool TimeoutSeen { get; set; }

    /// <summary>pip's error code of the last "error: uninstall-…" line, for the "Cannot uninstall" line that explains it.</summary>
    public string? UninstallCode { get; set; }

    /// <summary>True while the lines after a header are being captured: every line must then be offered.</summary>
    public bool Capturing => _capture is not null;

    public void Emit(LogSignal signal) => store.Add(signal);

    /// <summary>Remembers the project name at the start of <paramref name="requirement"/> (PEP 508 name characters), without allocating.</summary>
    public void TrackPackage(ReadOnlySpan<char> requirement)
    {
        var n = 0;
        while (n < requirement.Length && n < _package.Length && (char.IsAsciiLetterOrDigit(requirement[n]) || requirement[n] is '-' or '_' or '.'))
        {
            n++;
        }

        if (n > 0)
        {
            requirement[..n].CopyTo(_package);
            _packageLength = n;
        }
    }

    /// <summary>
    /// Hands the next lines to <paramref name="capture"/> until it refuses one or <paramref name="lines"/> were taken, then
    /// calls <paramref name="done"/> (also at the end of the log). A new capture ends the previous one.
    /// </summary>
    public void StartCapture(Func<LogLine, bool> capture, Action? done = null, int lines = MaxCaptureLines)
    {
        EndCapture();
        _capture = capture;
        _captureDone = done;
        _captureLeft = lines;
    }

    /// <summary>Hands a line to the active capture; false when the capture did not take it (then it is matched as usual).</summary>
    public bool Offer(LogLine line)
    {
        if (_capture is null)
        {
            return false;
        }

        var taken = _capture(line);
        if (!taken || --_captureLeft <= 0)
        {
            EndCapture();
        }

        return taken;
    }

    /// <summary>Ends any capture (at the end of the log).</summary>
    public void EndCapture()
    {
        var done = _captureDone;
        _capture = null;
        _captureDone = null;
        done?.Invoke();
    }
}
