using PipelineGuard.Model;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// The signals found so far, one per <see cref="LogSignal.Key"/> (repeats only raise <see cref="LogSignal.Count"/>),
/// at most <see cref="MaxSignals"/>: a log of retries or resolver INFO lines keeps memory flat.
/// </summary>
internal sealed class SignalStore
{
    public const int MaxSignals = 5_000;

    private readonly List<LogSignal> _signals = [];
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private int _nextGroup = 1;

    public IReadOnlyList<LogSignal> All => _signals;

    public int NewGroup() => _nextGroup++;

    public void Add(LogSignal signal)
    {
        if (_byKey.TryGetValue(signal.Key, out var index))
        {
            _signals[index] = _signals[index] with { Count = _signals[index].Count + 1 };
            return;
        }

        if (_signals.Count >= MaxSignals)
        {
            return;
        }

        _byKey[signal.Key] = _signals.Count;
        _signals.Add(signal);
    }

    /// <summary>The latest signal of <paramref name="rule"/> in <paramref name="segment"/> that satisfies <paramref name="match"/>.</summary>
    public LogSignal? Last(RuleInfo rule, int segment, Func<LogSignal, bool>? match = null)
    {
        for (var i = _signals.Count - 1; i >= 0; i--)
        {
            var s = _signals[i];
            if (s.Rule.Id == rule.Id && s.Segment == segment && (match is null || match(s)))
            {
                return s;
            }
        }

        return null;
    }

    public bool AnyAfter(int segment, int line, Strength atLeast) =>
        _signals.Any(s => s.Segment == segment && s.Line.Number > line && s.Strength >= atLeast);
}
