namespace PipelineGuard.Reporting;

/// <summary>
/// "pipelineguard: checking 12/40 rules…" on standard error, redrawn in place, and only where a person waits for
/// it: when standard error is a terminal (never in a log or a pipe) and the run has lasted more than
/// <see cref="Delay"/> (a short run shows nothing). <see cref="Finish"/> erases it before the report is written.
/// </summary>
internal sealed class ProgressIndicator(TextWriter error, bool isTerminal, TimeProvider clock)
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    /// <summary>Redraw at most this often: a terminal that scrolls thousands of updates slows the run it reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly long _start = clock.GetTimestamp();
    private long _drawnAt;
    private int _width;

    public void Report(string what, int done, int total)
    {
        if (!isTerminal)
        {
            return;
        }

        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(_start, now) < Delay || (_width > 0 && clock.GetElapsedTime(_drawnAt, now) < Interval))
        {
            return;
        }

        var text = $"pipelineguard: checking {done}/{total} {what}…";
        error.Write("\r" + text.PadRight(_width));
        error.Flush();
        _width = Math.Max(_width, text.Length);
        _drawnAt = now;
    }

    /// <summary>Erases the indicator, if it was drawn, so the report starts on a clean line.</summary>
    public void Finish()
    {
        if (_width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            error.Flush();
            _width = 0;
        }
    }
}
