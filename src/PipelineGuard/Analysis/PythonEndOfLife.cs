namespace PipelineGuard.Analysis;

/// <summary>
/// End-of-life dates of CPython minor versions. Source: the Python developer's guide, "Status of Python versions",
/// https://devguide.python.org/versions/ (taken 2026-11-28). Update this table when a new version ships.
/// </summary>
internal static class PythonEndOfLife
{
    public const string Source = "https://devguide.python.org/versions/ (taken 2026-11-28)";

    /// <summary>Within this many days of its end of life a version is "near" it.</summary>
    public const int NearDays = 180;

    public static readonly IReadOnlyDictionary<(int Major, int Minor), DateOnly> Dates = new Dictionary<(int, int), DateOnly>
    {
        [(2, 7)] = new(2020, 1, 1),
        [(3, 5)] = new(2020, 9, 30),
        [(3, 6)] = new(2021, 12, 23),
        [(3, 7)] = new(2023, 6, 27),
        [(3, 8)] = new(2024, 10, 7),
        [(3, 9)] = new(2025, 10, 31),
        [(3, 10)] = new(2026, 10, 31),
        [(3, 11)] = new(2027, 10, 31),
        [(3, 12)] = new(2028, 10, 31),
        [(3, 13)] = new(2029, 10, 31),
        [(3, 14)] = new(2030, 10, 31),
    };
}
