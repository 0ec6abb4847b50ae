namespace PipelineGuard.Tests.Support;

/// <summary>A clock that always says the same instant, so date-dependent rules test the same every day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock SessionDay = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
