using System.Runtime.ExceptionServices;

namespace PipelineGuard.Model;

/// <summary>Runs independent pieces of work across the cores, each writing its own slot, so the order of results is the input's.</summary>
internal static class ParallelWork
{
    /// <summary>Below this many pieces, starting the thread pool costs more than the work takes.</summary>
    public const int Threshold = 8;

    /// <summary>
    /// Calls <paramref name="work"/> for 0 … count − 1, in parallel when there are at least <see cref="Threshold"/> (or
    /// <paramref name="parallel"/> says so). A failure comes out as the exception a sequential loop would throw, not a wrapper.
    /// </summary>
    public static void For(int count, Action<int> work, bool? parallel = null)
    {
        if (!(parallel ?? count >= Threshold))
        {
            for (var i = 0; i < count; i++)
            {
                work(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
