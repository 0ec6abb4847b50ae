namespace PipelineGuard.Tests.Online;

/// <summary>A clock the test moves forward (cache ages).</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
