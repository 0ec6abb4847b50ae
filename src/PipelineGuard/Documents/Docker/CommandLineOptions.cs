namespace PipelineGuard.Documents.Docker;

/// <summary>
/// The option table of one installer's command line: which long options exist, which take a value (so the next word
/// is not a package), and what the short forms stand for. Long options may be abbreviated to a unique prefix, as
/// optparse (pip) and argparse (conda, pipx) allow; short options may be clustered (<c>-Ur req.txt</c>,
/// <c>-yc conda-forge</c>) or carry their value (<c>-rreq.txt</c>, <c>-iURL</c>). The one table per tool every rule
/// reads Dockerfile installs with, through <see cref="PackageInstallReader"/>.
/// </summary>
internal sealed class CommandLineOptions
{
    private readonly HashSet<string> _withValue;
    private readonly string[] _all;
    private readonly Dictionary<char, string> _short;

    /// <param name="longWithValue">Long options that take a value.</param>
    /// <param name="longFlags">Long options that take none.</param>
    /// <param name="shortForms">Each short letter and the long option it stands for (one of the two lists).</param>
    private CommandLineOptions(IEnumerable<string> longWithValue, IEnumerable<string> longFlags, Dictionary<char, string> shortForms)
    {
        _withValue = new HashSet<string>(longWithValue, StringComparer.Ordinal);
        _all = [.. _withValue.Concat(longFlags).Distinct(StringComparer.Ordinal)];
        _short = shortForms;
    }

    /// <summary>pip 25 <c>pip install --help</c> (install, package index and general options).</summary>
    public static CommandLineOptions PipInstall { get; } = new(
        [
            "--requirement", "--constraint", "--editable", "--target", "--platform", "--python-version", "--implementation",
            "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "--config-settings", "--global-option",
            "--install-option", "--build-option", "--no-binary", "--only-binary", "--progress-bar", "--root-user-action",
            "--report", "--group", "--index-url", "--pypi-url", "--extra-index-url", "--find-links", "--python", "--log",
            "--log-file", "--local-log", "--proxy", "--retries", "--timeout", "--default-timeout", "--exists-action",
            "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--use-feature", "--use-deprecated",
            "--keyring-provider", "--build", "--resume-retries",
        ],
        [
            "--upgrade", "--force-reinstall", "--ignore-installed", "--ignore-requires-python", "--no-deps", "--pre",
            "--user", "--no-cache-dir", "--no-build-isolation", "--use-pep517", "--no-use-pep517",
            "--check-build-dependencies", "--break-system-packages", "--compile", "--no-compile",
            "--no-warn-script-location", "--no-warn-conflicts", "--prefer-binary", "--require-hashes", "--no-clean",
            "--disable-pip-version-check", "--no-color", "--no-input", "--no-index", "--isolated", "--verbose", "--quiet",
            "--dry-run", "--no-python-version-warning", "--require-virtualenv", "--help", "--version", "--force", "--debug",
        ],
        new()
        {
            ['r'] = "--requirement", ['c'] = "--constraint", ['e'] = "--editable", ['t'] = "--target", ['i'] = "--index-url",
            ['f'] = "--find-links", ['C'] = "--config-settings", ['b'] = "--build",
            ['U'] = "--upgrade", ['I'] = "--ignore-installed", ['q'] = "--quiet", ['v'] = "--verbose", ['h'] = "--help", ['V'] = "--version",
        });

    /// <summary>conda 24 <c>conda install --help</c> / <c>conda create --help</c> (mamba and micromamba take the same).</summary>
    public static CommandLineOptions CondaInstall { get; } = new(
        [
            "--name", "--prefix", "--channel", "--file", "--repodata-fn", "--experimental", "--solver", "--clone",
            "--subdir", "--platform", "--revision", "--override-channels-url", "--root-prefix", "--rc-file",
        ],
        [
            "--yes", "--quiet", "--verbose", "--json", "--dry-run", "--override-channels", "--use-local",
            "--strict-channel-priority", "--no-channel-priority", "--no-deps", "--only-deps", "--no-pin", "--copy",
            "--offline", "--download-only", "--show-channel-urls", "--insecure", "--force-reinstall", "--freeze-installed",
            "--update-deps", "--update-all", "--all", "--satisfied-skip-solve", "--clobber", "--no-shortcuts",
            "--no-default-packages", "--dev", "--mkdir", "--use-index-cache", "--help",
        ],
        new()
        {
            ['n'] = "--name", ['p'] = "--prefix", ['c'] = "--channel",
            ['y'] = "--yes", ['q'] = "--quiet", ['v'] = "--verbose", ['d'] = "--dry-run", ['S'] = "--satisfied-skip-solve", ['h'] = "--help",
        });

    /// <summary>pipx 1.7 <c>pipx install --help</c>.</summary>
    public static CommandLineOptions PipxInstall { get; } = new(
        ["--index-url", "--python", "--pip-args", "--suffix", "--preinstall", "--spec", "--backend"],
        [
            "--include-deps", "--verbose", "--quiet", "--force", "--system-site-packages", "--editable", "--global",
            "--fetch-missing-python", "--help",
        ],
        new() { ['i'] = "--index-url", ['f'] = "--force", ['e'] = "--editable", ['v'] = "--verbose", ['q'] = "--quiet", ['h'] = "--help" });

    /// <summary>
    /// The long option <paramref name="written"/> (without <c>=value</c>) stands for: itself when it is one, else the only
    /// option it abbreviates; null when unknown or ambiguous (<c>--extra-index</c> → <c>--extra-index-url</c>).
    /// </summary>
    public string? Resolve(string written)
    {
        if (_all.Contains(written, StringComparer.Ordinal))
        {
            return written;
        }

        var candidates = _all.Where(o => o.StartsWith(written, StringComparison.Ordinal)).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Whether the long option <paramref name="written"/> (maybe abbreviated) takes a value.</summary>
    public bool TakesValue(string written) => Resolve(written) is { } name && _withValue.Contains(name);

    /// <summary>The long option a short letter stands for, or null for a letter the tool does not define.</summary>
    public string? ShortName(char letter) => _short.GetValueOrDefault(letter);

    /// <summary>Whether the short letter takes a value (in a cluster, the rest of the word or else the next word).</summary>
    public bool ShortTakesValue(char letter) => ShortName(letter) is { } name && _withValue.Contains(name);
}
