using System.Diagnostics.CodeAnalysis;

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

    /// <summary>
    /// What CommandLineParser and the usage errors read from a verb type by reflection. The native build keeps these
    /// members of every type this table names (the trimmer follows the annotation from the <c>typeof</c>s below).
    /// </summary>
    public const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    /// <summary>The verb type called <paramref name="name"/>, or null (the same pairs as <see cref="All"/>; a test checks it).</summary>
    [return: DynamicallyAccessedMembers(Members)]
    public static Type? Named(string? name) => name switch
    {
        "check" => typeof(CheckVerb),
        "config" => typeof(ConfigVerb),
        "explain" => typeof(ExplainVerb),
        "fix" => typeof(FixVerb),
        "rules" => typeof(RulesVerb),
        _ => null,
    };
}
