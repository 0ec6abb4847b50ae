namespace PipelineGuard.Documents.Pip;

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
