namespace PipelineGuard.Rules.Docker;

/// <summary>
/// The options of one command line tool: which ones take a value (so the next word is not a package).
/// Long options may be abbreviated to a unique prefix, as optparse (pip) and argparse (conda, pipx) allow;
/// short options may be clustered (<c>-Ur req.txt</c>, <c>-yc conda-forge</c>) or carry their value (<c>-rreq.txt</c>).
/// </summary>
internal sealed class CommandLineOptions(IEnumerable<string> longWithValue, IEnumerable<string> longFlags, string shortWithValue)
{
    private readonly HashSet<string> _withValue = new(longWithValue, StringComparer.Ordinal);
    private readonly string[] _all = [.. longWithValue.Concat(longFlags).Distinct(StringComparer.Ordinal)];

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
            "--dry-run", "--no-python-version-warning", "--require-virtualenv", "--help", "--version", "--force",
        ],
        "rcetifCb");

    /// <summary>conda 24 <c>conda install --help</c> / <c>conda create --help</c> (mamba takes the same).</summary>
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
        "npc");

    /// <summary>pipx 1.7 <c>pipx install --help</c>.</summary>
    public static CommandLineOptions PipxInstall { get; } = new(
        ["--index-url", "--python", "--pip-args", "--suffix", "--preinstall", "--spec", "--backend"],
        [
            "--include-deps", "--verbose", "--quiet", "--force", "--system-site-packages", "--editable", "--global",
            "--fetch-missing-python", "--help",
        ],
        "i");

    /// <summary>How many words option <paramref name="word"/> uses: 1 for a flag or <c>--opt=value</c>, 2 when the value is the next word.</summary>
    public int WordsTaken(string word)
    {
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            if (word.Contains('=', StringComparison.Ordinal))
            {
                return 1;
            }

            return TakesValue(word) ? 2 : 1;
        }

        // A short cluster: the first letter that takes a value uses the rest of the word, or the next word.
        for (var i = 1; i < word.Length; i++)
        {
            if (shortWithValue.Contains(word[i], StringComparison.Ordinal))
            {
                return i == word.Length - 1 ? 2 : 1;
            }
        }

        return 1;
    }

    private bool TakesValue(string name)
    {
        if (_withValue.Contains(name))
        {
            return true;
        }

        if (_all.Contains(name, StringComparer.Ordinal))
        {
            return false;
        }

        var candidates = _all.Where(o => o.StartsWith(name, StringComparison.Ordinal)).Take(2).ToList();
        return candidates.Count == 1 && _withValue.Contains(candidates[0]);
    }
}
