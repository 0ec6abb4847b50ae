namespace PipelineGuard.Configuration;

/// <summary>
/// Every configuration key PipelineGuard knows, with its default, environment variable and CLI flag.
/// One table: the loader validates against it, <c>pipelineguard config</c> prints it, docs/configuration.md mirrors it.
/// Keys use Microsoft.Extensions.Configuration paths (<c>rules:PG106</c>, <c>online:index-url</c>).
/// </summary>
internal static class SettingKeys
{
    public const string FailOn = "fail-on";
    public const string Rules = "rules";
    public const string Exclude = "exclude";
    public const string LargePackages = "large-packages";
    public const string AllowInlineIgnores = "allow-inline-ignores";
    public const string Online = "online";
    public const string OnlineEnabled = "online:enabled";
    public const string OnlineIndexUrl = "online:index-url";
    public const string OnlineCondaChannelUrl = "online:conda-channel-url";
    public const string OnlineOffline = "online:offline";
    public const string OnlineTimeout = "online:timeout";
    public const string OnlineConcurrency = "online:concurrency";
    public const string OnlineCacheTtl = "online:cache-ttl";
    public const string OnlinePlatform = "online:platform";
    public const string Select = "select";
    public const string Ignore = "ignore";
    public const string Format = "format";
    public const string Output = "output";

    /// <summary>The top-level keys a file may hold, and the scalar or list defaults of each.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [FailOn] = "error",
        [AllowInlineIgnores] = "true",
        [OnlineEnabled] = "false",
        [OnlineIndexUrl] = "https://pypi.org/simple",
        [OnlineCondaChannelUrl] = "https://conda.anaconda.org",
        [OnlineOffline] = "false",
        [OnlineTimeout] = "20",
        [OnlineConcurrency] = "8",
        [OnlineCacheTtl] = "3600",
        [OnlinePlatform] = "manylinux_2_35_x86_64",
    };

    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        FailOn, Rules, Select, Ignore, Exclude, LargePackages, AllowInlineIgnores, Online, Format, Output,
    };

    public static readonly IReadOnlySet<string> OnlineKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "enabled", "index-url", "conda-channel-url", "offline", "timeout", "concurrency", "cache-ttl", "platform",
    };

    /// <summary>Keys that hold lists (<c>exclude:0</c>, <c>exclude:1</c>, …); from environment variables they are comma-separated.</summary>
    public static readonly IReadOnlySet<string> ListKeys = new HashSet<string>(StringComparer.Ordinal) { Select, Ignore, Exclude, LargePackages };

    /// <summary>
    /// Lists of rules. <c>select</c> is whole at each layer (the last layer that gives one wins); <c>ignore</c> adds
    /// up over the layers, so ignoring more on the command line never brings back what the file ignores.
    /// </summary>
    public static readonly IReadOnlySet<string> RuleListKeys = new HashSet<string>(StringComparer.Ordinal) { Select, Ignore };

    /// <summary>The action inputs that are settings (other inputs, such as <c>paths</c>, are arguments).</summary>
    public static readonly IReadOnlySet<string> ActionInputs = new HashSet<string>(StringComparer.Ordinal)
    {
        FailOn, Select, Ignore, Exclude, LargePackages, AllowInlineIgnores,
    };
}
