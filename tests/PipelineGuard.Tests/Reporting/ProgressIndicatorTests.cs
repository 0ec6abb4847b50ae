using PipelineGuard.Reporting;

namespace PipelineGuard.Tests.Reporting;

public sealed class ProgressIndicatorTests
{
    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Test]
    public void Nothing_is_drawn_when_standard_error_is_not_a_terminal()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new ProgressIndicator(error, isTerminal: false, clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report("rules", 1, 10);
        progress.Finish();
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void Nothing_is_drawn_in_a_run_shorter_than_the_delay()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new ProgressIndicator(error, isTerminal: true, clock);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        progress.Report("rules", 9, 10);
        progress.Finish();
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void A_long_run_draws_in_place_at_most_every_interval_and_erases_at_the_end()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new ProgressIndicator(error, isTerminal: true, clock);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        progress.Report("rules", 3, 40);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        progress.Report("rules", 4, 40);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        progress.Report("rules", 12, 40);
        progress.Finish();
        const string First = "pipelineguard: checking 3/40 rules…";
        Assert.That(error.ToString(), Is.EqualTo(
            "\r" + First + "\rpipelineguard: checking 12/40 rules…" + "\r" + new string(' ', First.Length + 1) + "\r"));
    }
}
