using PipelineGuard.Model;

namespace PipelineGuard.Configuration;

/// <summary>The effective settings of a run, after every layer (docs/configuration.md).</summary>
internal sealed record Settings(
    Severity? FailOn,
    IReadOnlyDictionary<string, RuleSetting> Rules,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string>? LargePackages,
    bool AllowInlineIgnores,
    bool OnlineEnabled,
    string IndexUrl,
    string CondaChannelUrl)
{
    /// <summary>The output format when the command line names none (<c>format</c>; null: detect from the CI).</summary>
    public string? Format { get; init; }

    /// <summary>Where that format goes (<c>output</c>; null: standard output).</summary>
    public string? Output { get; init; }

    /// <summary>The only rules that run (<c>select</c>, IDs); null: every rule.</summary>
    public IReadOnlySet<string>? Select { get; init; }

    /// <summary>Rules that do not run (<c>ignore</c>, IDs), whatever <see cref="Select"/> and <see cref="Rules"/> say.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The online rules answer from the cache alone and make no request (<c>online.offline</c>, <c>--offline</c>).</summary>
    public bool OnlineOffline { get; init; }

    /// <summary>How long one request of the online rules may take (<c>online.timeout</c>, seconds).</summary>
    public TimeSpan OnlineTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many requests of the online rules run at once (<c>online.concurrency</c>).</summary>
    public int OnlineConcurrency { get; init; } = 8;

    /// <summary>How long a cached answer is used without asking again (<c>online.cache-ttl</c>, seconds).</summary>
    public TimeSpan OnlineCacheTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The platform whose wheels PG203 accepts (<c>online.platform</c>: <c>manylinux_2_35_x86_64</c>).</summary>
    public string OnlinePlatform { get; init; } = SettingKeys.Defaults[SettingKeys.OnlinePlatform]!;

    public static Settings Default { get; } = new(Severity.Error, new Dictionary<string, RuleSetting>(), [], null, true, false,
        SettingKeys.Defaults[SettingKeys.OnlineIndexUrl]!, SettingKeys.Defaults[SettingKeys.OnlineCondaChannelUrl]!);

    public bool IsOff(string ruleId) =>
        Ignore.Contains(ruleId) || (Select is { } only && !only.Contains(ruleId)) || (Rules.TryGetValue(ruleId, out var setting) && setting == RuleSetting.Off);

    /// <summary>The severity configured for a rule, or null when the configuration leaves it alone (or turns it off).</summary>
    public Severity? ConfiguredSeverity(string ruleId) => Rules.TryGetValue(ruleId, out var setting) && setting != RuleSetting.Off
        ? (Severity)(int)setting
        : null;
}
