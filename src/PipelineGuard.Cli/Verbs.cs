namespace PipelineGuard.Cli;

/// <summary>
/// Every verb of the program by name. Written out rather than found by a scan of the assembly's attributes, which cost
/// milliseconds of every run's start-up (docs/performance.md); a test checks it against the <c>[Verb]</c> attributes.
/// </summary>
internal static class Verbs
{
    public static IReadOnlyList<(string Name, Type Type)> All { get; } =
    [
        ("check", typeof(CheckVerb)),
        ("config", typeof(ConfigVerb)),
        ("explain", typeof(ExplainVerb)),
        ("fix", typeof(FixVerb)),
        ("rules", typeof(RulesVerb)),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(v => v.Name)];

    public static Type[] Types { get; } = [.. All.Select(v => v.Type)];

    /// <summary>The verb type called <paramref name="name"/>, or null.</summary>
    public static Type? Named(string? name)
    {
        foreach (var (verb, type) in All)
        {
            if (verb == name)
            {
                return type;
            }
        }

        return null;
    }
}
