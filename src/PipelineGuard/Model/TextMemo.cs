using System.Collections.Concurrent;

namespace PipelineGuard.Model;

/// <summary>
/// Results of a pure parse kept by the text parsed, shared by threads. A monorepo repeats the same few hundred
/// requirements and versions thousands of times, and several rules ask about each; the memo stops growing at its limit.
/// A class value: the framework's shared code for reference types is precompiled (docs/performance.md).
/// </summary>
internal sealed class TextMemo<T>(int limit)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _results = new(StringComparer.Ordinal);

    public T Get(string text, Func<string, T> parse)
    {
        if (_results.TryGetValue(text, out var result))
        {
            return result;
        }

        result = parse(text);
        if (_results.Count < limit)
        {
            _results.TryAdd(text, result);
        }

        return result;
    }
}
