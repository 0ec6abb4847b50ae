using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Recognises the signatures of conda, pip, Docker and Azure ML in the lines that <see cref="LogScanner"/> hands it
/// and records them in a <see cref="SignalStore"/>. It keeps the little state a log needs (the index pip looks in,
/// the package being built, whether an image is being pushed, whether conda is still solving) and can capture the
/// lines that follow a header (the <c>- name</c> list after <c>ResolvePackageNotFound:</c>).
/// One partial file per family: Markers, Pip, Conda, Network, Registry, Docker, System.
/// </summary>
internal sealed partial class SignatureMatcher(SignalStore store, BuildSteps steps)
{
    private const int MaxCaptureLines = 40;

    private Func<LogLine, bool>? _capture;
    private Action? _captureDone;
    private int _captureLeft;

    /// <summary>The index URLs of the last "Looking in indexes:" line.</summary>
    public string? IndexUrls { get; private set; }

    private readonly char[] _package = new char[128];
    private int _packageLength;

    /// <summary>The package pip is collecting or building now (for compile errors that do not name it).</summary>
    public string? CurrentPackage
    {
        get => _packageLength == 0 ? null : new string(_package, 0, _packageLength);
        private set
        {
            _packageLength = Math.Min(value?.Length ?? 0, _package.Length);
            value?.AsSpan(0, _packageLength).CopyTo(_package);
        }
    }

    /// <summary>Remembers the project name at the start of <paramref name="requirement"/> (PEP 508 name characters).</summary>
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

    public bool PushContext { get; private set; }

    /// <summary>The registry of the image being pushed ("The push refers to repository [x.azurecr.io/…]").</summary>
    public string? PushTarget { get; private set; }

    /// <summary>The last "Solving environment" line that has not said done or failed yet.</summary>
    public LogLine? OpenSolve { get; private set; }

    /// <summary>A task or job timeout was reported (ACR "context deadline exceeded").</summary>
    public bool TimeoutSeen { get; private set; }

    /// <summary>True while the lines after a header are being captured: every line must then be offered.</summary>
    public bool Capturing => _capture is not null;

    public SignalStore Store => store;

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

    public void Match(LogLine line, Families families)
    {
        if ((families & Families.Markers) != 0)
        {
            MatchMarkers(line);
        }

        if ((families & Families.Pip) != 0)
        {
            MatchPip(line);
        }

        if ((families & Families.Conda) != 0)
        {
            MatchConda(line);
        }

        if ((families & Families.Network) != 0)
        {
            MatchNetwork(line);
        }

        if ((families & Families.Registry) != 0)
        {
            MatchRegistry(line);
        }

        if ((families & Families.Docker) != 0)
        {
            MatchDocker(line);
        }

        if ((families & Families.System) != 0)
        {
            MatchSystem(line);
        }
    }

    private void StartCapture(Func<LogLine, bool> capture, Action? done = null, int lines = MaxCaptureLines)
    {
        EndCapture();
        _capture = capture;
        _captureDone = done;
        _captureLeft = lines;
    }

    private void Emit(LogSignal signal) => store.Add(signal);

    private static LogSignal Signal(RuleInfo rule, string kind, Strength strength, LogLine line, string message) =>
        new(rule, kind, strength, line, message);

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    private static bool Starts(string text, string part) => text.StartsWith(part, StringComparison.Ordinal);
}
