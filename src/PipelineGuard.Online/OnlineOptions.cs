namespace PipelineGuard.Online;

/// <summary>
/// What the online step needs to know, resolved by the CLI from the settings and the environment. The URLs may carry
/// credentials (<c>https://user:token@feed/…</c>); the transport takes them out before any request is logged or cached.
/// </summary>
internal sealed record OnlineOptions
{
    /// <summary>The pip index when the environment names none (config, else <c>PIP_INDEX_URL</c>, else PyPI).</summary>
    public string IndexUrl { get; init; } = "https://pypi.org/simple";

    /// <summary>The channel alias: a channel named <c>conda-forge</c> is <c>{alias}/conda-forge</c>.</summary>
    public string CondaChannelAlias { get; init; } = "https://conda.anaconda.org";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public int Concurrency { get; init; } = 8;

    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The folder of the on-disk cache, or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Answer from the cache alone; make no request.</summary>
    public bool Offline { get; init; }

    /// <summary>The platform tag whose wheels the image can install (PG203).</summary>
    public string Platform { get; init; } = "manylinux_2_35_x86_64";

    /// <summary>
    /// Retries attempted after a failed request (429, 5xx, a dropped connection). Each waits for the
    /// <c>Retry-After</c> the server gave, else for a doubling back-off.
    /// </summary>
    public int Retries { get; init; } = 3;
}
