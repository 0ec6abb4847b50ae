namespace PipelineGuard.Documents.Pip;

/// <summary>What optparse does with an option's value (pip's <c>action</c> / callback).</summary>
internal enum PipOptionAction
{
    /// <summary><c>store</c>: the last value wins.</summary>
    Store,

    /// <summary><c>append</c>: values accumulate.</summary>
    Append,

    /// <summary><c>store_true</c>: a flag, takes no value.</summary>
    Flag,

    /// <summary><c>_handle_merge_hash</c>: "alg:hex", alg one of sha256/sha384/sha512.</summary>
    Hash,

    /// <summary><c>_handle_config_settings</c>: "KEY=VAL".</summary>
    ConfigSetting,

    /// <summary><c>FormatControl.handle_mutual_excludes</c>: names, ":all:" or ":none:".</summary>
    FormatControl,
}

/// <summary>
/// One option a requirements file may use: pip 23.2.1's <c>SUPPORTED_OPTIONS</c> (global) and
/// <c>SUPPORTED_OPTIONS_REQ</c> (per requirement), as defined in <c>cli/cmdoptions.py</c>.
/// </summary>
internal sealed record PipOptionSpec(
    IReadOnlyList<string> LongNames,
    string? ShortName,
    string Dest,
    PipOptionAction Action,
    bool IsPerRequirement,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The main long name, e.g. "--index-url" (also for "-i" and "--pypi-url").</summary>
    public string Name => LongNames[0];

    public bool TakesValue => Action != PipOptionAction.Flag;
}

/// <summary>The option table of pip 23.2.1's requirements-file parser (<c>build_parser</c>).</summary>
internal static class PipOptions
{
    public static readonly PipOptionSpec IndexUrl = new(["--index-url", "--pypi-url"], "-i", "index_url", PipOptionAction.Store, false);
    public static readonly PipOptionSpec ExtraIndexUrl = new(["--extra-index-url"], null, "extra_index_urls", PipOptionAction.Append, false);
    public static readonly PipOptionSpec NoIndex = new(["--no-index"], null, "no_index", PipOptionAction.Flag, false);
    public static readonly PipOptionSpec Constraint = new(["--constraint"], "-c", "constraints", PipOptionAction.Append, false);
    public static readonly PipOptionSpec Requirement = new(["--requirement"], "-r", "requirements", PipOptionAction.Append, false);
    public static readonly PipOptionSpec Editable = new(["--editable"], "-e", "editables", PipOptionAction.Append, false);
    public static readonly PipOptionSpec FindLinks = new(["--find-links"], "-f", "find_links", PipOptionAction.Append, false);
    public static readonly PipOptionSpec NoBinary = new(["--no-binary"], null, "format_control", PipOptionAction.FormatControl, false);
    public static readonly PipOptionSpec OnlyBinary = new(["--only-binary"], null, "format_control", PipOptionAction.FormatControl, false);
    public static readonly PipOptionSpec PreferBinary = new(["--prefer-binary"], null, "prefer_binary", PipOptionAction.Flag, false);
    public static readonly PipOptionSpec RequireHashes = new(["--require-hashes"], null, "require_hashes", PipOptionAction.Flag, false);
    public static readonly PipOptionSpec Pre = new(["--pre"], null, "pre", PipOptionAction.Flag, false);
    public static readonly PipOptionSpec TrustedHost = new(["--trusted-host"], null, "trusted_hosts", PipOptionAction.Append, false);

    public static readonly PipOptionSpec UseFeature = new(
        ["--use-feature"], null, "features_enabled", PipOptionAction.Append, false,
        ["fast-deps", "truststore", "no-binary-enable-wheel-cache"]);

    public static readonly PipOptionSpec GlobalOption = new(["--global-option"], null, "global_options", PipOptionAction.Append, true);
    public static readonly PipOptionSpec Hash = new(["--hash"], null, "hashes", PipOptionAction.Hash, true);
    public static readonly PipOptionSpec ConfigSettings = new(["--config-settings"], "-C", "config_settings", PipOptionAction.ConfigSetting, true);

    public static readonly IReadOnlyList<PipOptionSpec> All =
    [
        IndexUrl, ExtraIndexUrl, NoIndex, Constraint, Requirement, Editable, FindLinks, NoBinary, OnlyBinary,
        PreferBinary, RequireHashes, Pre, TrustedHost, UseFeature, GlobalOption, Hash, ConfigSettings,
    ];

    /// <summary>pip's <c>STRONG_HASHES</c> (utils/hashes.py): the only algorithms --hash accepts.</summary>
    public static readonly IReadOnlyList<string> StrongHashes = ["sha256", "sha384", "sha512"];

    private static readonly Dictionary<string, PipOptionSpec> ByLongName =
        All.SelectMany(o => o.LongNames.Select(n => (n, o))).ToDictionary(p => p.n, p => p.o, StringComparer.Ordinal);

    private static readonly Dictionary<string, PipOptionSpec> ByShortName =
        All.Where(o => o.ShortName is not null).ToDictionary(o => o.ShortName!, StringComparer.Ordinal);

    public static PipOptionSpec? FindShort(string name) => ByShortName.GetValueOrDefault(name);

    /// <summary>
    /// optparse's <c>_match_abbrev</c>: an exact long name, or the only one it is a prefix of.
    /// Returns the resolved long name, or the sorted candidates when there are several (none: empty).
    /// </summary>
    public static (string? Name, IReadOnlyList<string> Candidates) MatchLong(string written)
    {
        if (ByLongName.ContainsKey(written))
        {
            return (written, []);
        }

        var candidates = ByLongName.Keys.Where(k => k.StartsWith(written, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return candidates.Count == 1 ? (candidates[0], []) : (null, candidates);
    }

    public static PipOptionSpec Long(string name) => ByLongName[name];
}
