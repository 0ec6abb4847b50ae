using Microsoft.Extensions.Configuration;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Configuration;

/// <summary>
/// Builds the settings with Microsoft.Extensions.Configuration, later layers winning: built-in defaults,
/// <c>.pipelineguard.yml</c>, the action's <c>INPUT_*</c>, <c>PIPELINEGUARD_*</c>, command-line flags. An empty value
/// is unset at every layer. Invalid keys and values are <see cref="ConfigurationError"/>s naming file, line and key.
/// </summary>
internal static class SettingsLoader
{
    public const string FileName = ".pipelineguard.yml";

    public static (Settings Settings, IReadOnlyList<SettingValue> Values) Load(SettingsSources sources, IEnumerable<string> knownRuleIds)
    {
        var builder = new ConfigurationBuilder();
        builder.AddInMemoryCollection(SettingKeys.Defaults);
        YamlConfigurationSource? yaml = null;
        if (sources.File is { } file)
        {
            yaml = new YamlConfigurationSource(file);
            builder.Add(yaml);
        }

        builder.Add(new PrefixedVariablesSource("INPUT_", sources.Environment, onlyActionInputs: true));
        builder.Add(new PrefixedVariablesSource("PIPELINEGUARD_", sources.Environment, onlyActionInputs: false));
        builder.AddInMemoryCollection(sources.Flags.Where(f => !string.IsNullOrWhiteSpace(f.Value)));

        var root = builder.Build();
        var fileProvider = root.Providers.OfType<YamlConfigurationProvider>().FirstOrDefault();
        var layers = LayerNames(sources.File?.Path);
        // The online rules (PG2xx) run only with --online, but a file may set or ignore them either way.
        var ruleIds = new HashSet<string>(knownRuleIds.Concat(RuleCatalog.OnlineRules.Select(r => r.Id)), StringComparer.OrdinalIgnoreCase);
        var validator = new Validator(root, fileProvider, ruleIds, layers);
        var settings = validator.Read();
        return (settings, Provenance(root, layers, validator.RuleListValues));
    }

    /// <summary>The names of the layers, in the order the providers were added.</summary>
    private static List<string> LayerNames(string? filePath)
    {
        var names = new List<string> { "default", filePath ?? SettingsLoader.FileName, "INPUT_* (action input)", "PIPELINEGUARD_* (environment)", "command line" };
        if (filePath is null)
        {
            names.RemoveAt(1);
        }

        return names;
    }

    /// <summary>The index of the provider that gives <paramref name="key"/> its effective value (the last that has it), or -1.</summary>
    private static int LayerIndexOf(IConfigurationRoot root, string key)
    {
        var providers = root.Providers.ToList();
        for (var i = providers.Count - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out var v) && v is not null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The layer that gives <paramref name="key"/> its effective value (the last provider that has it).</summary>
    private static string? LayerOf(IConfigurationRoot root, List<string> names, string key)
    {
        var providers = root.Providers.ToList();
        for (var i = providers.Count - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out var v) && v is not null)
            {
                return i < names.Count ? names[i] : null;
            }
        }

        return null;
    }

    /// <summary>Every effective value and its layer; the rule lists as one line each, since their items merge by layer, not by index.</summary>
    private static List<SettingValue> Provenance(IConfigurationRoot root, List<string> names, IReadOnlyList<SettingValue> ruleLists)
    {
        var values = new List<SettingValue>(ruleLists);
        foreach (var pair in root.AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (SettingKeys.RuleListKeys.Contains(pair.Key.Split(ConfigurationPath.KeyDelimiter)[0]))
            {
                continue;
            }

            var providers = root.Providers.ToList();
            for (var i = providers.Count - 1; i >= 0; i--)
            {
                if (providers[i].TryGet(pair.Key, out var v) && v is not null)
                {
                    // An index URL may carry a feed's credentials (https://user:token@…): never print them.
                    values.Add(new SettingValue(pair.Key, UrlCredentials.Redact(pair.Value!), i < names.Count ? names[i] : "?"));
                    break;
                }
            }
        }

        return [.. values.OrderBy(v => v.Key, StringComparer.Ordinal)];
    }

    private sealed class Validator(IConfigurationRoot root, YamlConfigurationProvider? file, HashSet<string> ruleIds, List<string> layers)
    {
        public Settings Read()
        {
            foreach (var mapping in new[] { SettingKeys.Rules, SettingKeys.Online })
            {
                if (root.GetSection(mapping).Value is { } scalar)
                {
                    Fail(mapping, $"'{mapping}' must be a mapping (e.g. {(mapping == SettingKeys.Rules ? "'rules: {PG106: off}'" : "'online: {enabled: false}'")}), not '{scalar}'");
                }
            }

            foreach (var section in root.GetChildren())
            {
                if (!SettingKeys.TopLevel.Contains(section.Key))
                {
                    Fail(section.Key, $"unknown key '{section.Key}'; known keys: {string.Join(", ", SettingKeys.TopLevel.Order(StringComparer.Ordinal))}");
                }
            }

            foreach (var online in root.GetSection(SettingKeys.Online).GetChildren())
            {
                if (!SettingKeys.OnlineKeys.Contains(online.Key))
                {
                    Fail(online.Path, $"unknown key 'online.{online.Key}'; known: {string.Join(", ", SettingKeys.OnlineKeys)}");
                }
            }

            // A rule by ID or name; when two keys name one rule, the later layer wins, and within one layer it is an error.
            var rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
            var ruleLayers = new Dictionary<string, (int Layer, string Key)>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in root.GetSection(SettingKeys.Rules).GetChildren())
            {
                var id = RuleId(rule.Key) ?? Fail<string>(rule.Path, RuleCatalogLookup.Unknown(rule.Key));
                var setting = rule.Value?.Trim().ToLowerInvariant() switch
                {
                    "off" or "false" => RuleSetting.Off,
                    "notice" => RuleSetting.Notice,
                    "warning" => RuleSetting.Warning,
                    "error" => RuleSetting.Error,
                    _ => Fail<RuleSetting>(rule.Path, $"'{rule.Value}' is not one of off, notice, warning, error"),
                };
                var layer = LayerIndexOf(root, rule.Path);
                if (ruleLayers.TryGetValue(id, out var earlier))
                {
                    if (earlier.Layer == layer)
                    {
                        Fail(rule.Path, $"'{rule.Key}' and '{earlier.Key}' both name {id}; keep one");
                    }

                    if (earlier.Layer > layer)
                    {
                        continue;
                    }
                }

                ruleLayers[id] = (layer, rule.Key);
                rules[id] = setting;
            }

            var select = RuleListByLayer(SettingKeys.Select);
            var ignore = RuleListByLayer(SettingKeys.Ignore);
            if (select.Count > 0)
            {
                RuleListValues.Add(new SettingValue(SettingKeys.Select, string.Join(", ", select[^1].Ids), layers[select[^1].Layer]));
            }

            if (ignore.Count > 0)
            {
                RuleListValues.Add(new SettingValue(SettingKeys.Ignore, string.Join(", ", ignore.SelectMany(l => l.Ids).Distinct()),
                    string.Join(", ", ignore.Select(l => layers[l.Layer]).Distinct())));
            }

            return new Settings(
                FailOn(root[SettingKeys.FailOn]),
                rules,
                List(SettingKeys.Exclude),
                root.GetSection(SettingKeys.LargePackages).Exists() ? List(SettingKeys.LargePackages) : null,
                Boolean(SettingKeys.AllowInlineIgnores),
                Boolean(SettingKeys.OnlineEnabled),
                Url(SettingKeys.OnlineIndexUrl),
                Url(SettingKeys.OnlineCondaChannelUrl))
            {
                Format = root[SettingKeys.Format]?.Trim().ToLowerInvariant() is { Length: > 0 } format
                    ? (format is "auto" || OutputFormats.Names.Contains(format) ? format : Fail<string>(SettingKeys.Format, $"'{format}' is not one of auto, {string.Join(", ", OutputFormats.Names)}"))
                    : null,
                Output = root[SettingKeys.Output] is { Length: > 0 } output ? output.Trim() : null,
                OnlineOffline = Boolean(SettingKeys.OnlineOffline),
                OnlineTimeout = TimeSpan.FromSeconds(Integer(SettingKeys.OnlineTimeout, 1, 600)),
                OnlineConcurrency = Integer(SettingKeys.OnlineConcurrency, 1, 64),
                OnlineCacheTtl = TimeSpan.FromSeconds(Integer(SettingKeys.OnlineCacheTtl, 0, 30 * 24 * 3600)),
                OnlinePlatform = Platform(SettingKeys.OnlinePlatform),
                Select = select.Count > 0 ? new HashSet<string>(select[^1].Ids, StringComparer.OrdinalIgnoreCase) : null,
                Ignore = new HashSet<string>(ignore.SelectMany(l => l.Ids), StringComparer.OrdinalIgnoreCase),
            };
        }

        /// <summary>The effective <c>select</c> and <c>ignore</c>, one line each, for <c>pipelineguard config</c>.</summary>
        public List<SettingValue> RuleListValues { get; } = [];

        /// <summary>The ID of a known rule given by ID or name, else null.</summary>
        private string? RuleId(string idOrName) =>
            ruleIds.Contains(idOrName.Trim()) ? idOrName.Trim().ToUpperInvariant()
            : RuleCatalogLookup.Resolve(idOrName)?.Id is { } id && ruleIds.Contains(id) ? id
            : null;

        /// <summary>
        /// The rule IDs each layer gives a rule list (<c>select: [PG101, pip-unpinned]</c>, <c>--ignore PG106,PG108</c>),
        /// read layer by layer: configuration lists merge by index across layers, which would mix two layers' lists.
        /// </summary>
        private List<(int Layer, List<string> Ids)> RuleListByLayer(string key)
        {
            var result = new List<(int, List<string>)>();
            var providers = root.Providers.ToList();
            for (var i = 0; i < providers.Count; i++)
            {
                var entries = new List<(string Path, string Value)>();
                if (providers[i].TryGet(key, out var scalar) && !string.IsNullOrWhiteSpace(scalar))
                {
                    entries.Add((key, scalar));
                }

                foreach (var child in providers[i].GetChildKeys([], key).Distinct(StringComparer.OrdinalIgnoreCase)
                    .OrderBy(c => int.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue))
                {
                    var path = key + ConfigurationPath.KeyDelimiter + child;
                    if (providers[i].TryGet(path, out var value) && !string.IsNullOrWhiteSpace(value))
                    {
                        entries.Add((path, value));
                    }
                }

                var ids = new List<string>();
                foreach (var (path, value) in entries)
                {
                    foreach (var item in value.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var id = RuleId(item) ?? Fail<string>(path, RuleCatalogLookup.Unknown(item), i < layers.Count ? layers[i] : null);
                        if (!ids.Contains(id, StringComparer.Ordinal))
                        {
                            ids.Add(id);
                        }
                    }
                }

                if (ids.Count > 0)
                {
                    result.Add((i, ids));
                }
            }

            return result;
        }

        private Severity? FailOn(string? value) => value?.Trim().ToLowerInvariant() switch
        {
            "none" => null,
            _ when SeverityNames.TryParse(value, out var s) => s,
            _ => Fail<Severity?>(SettingKeys.FailOn, $"'{value}' is not one of error, warning, notice, none"),
        };

        private List<string> List(string key)
        {
            var section = root.GetSection(key);
            if (section.Value is { } single)
            {
                return [single];
            }

            return section.GetChildren().Select(c => c.Value ?? Fail<string>(c.Path, $"'{key}' must be a list of strings")).ToList();
        }

        private bool Boolean(string key) => root[key]?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            var other => Fail<bool>(key, $"'{other}' is not true or false"),
        };

        private int Integer(string key, int min, int max) =>
            int.TryParse(root[key]?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : Fail<int>(key, $"'{root[key]}' is not a whole number from {min} to {max}");

        /// <summary>A manylinux platform tag (PEP 600): the glibc and the architecture whose wheels an image can install.</summary>
        private string Platform(string key)
        {
            var value = root[key]!.Trim();
            return System.Text.RegularExpressions.Regex.IsMatch(value, "^manylinux_2_[0-9]{1,3}_(x86_64|aarch64)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)
                ? value
                : Fail<string>(key, $"'{value}' is not a platform like manylinux_2_35_x86_64 (manylinux_2_<glibc minor>_x86_64 or _aarch64)");
        }

        private string Url(string key)
        {
            var value = root[key]!;

            // The defaults are known to be valid; parsing a Uri costs a few milliseconds of start-up the first time.
            if (SettingKeys.Defaults.TryGetValue(key, out var fallback) && value == fallback)
            {
                return value;
            }

            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? value
                : Fail<string>(key, $"'{value}' is not an http(s) URL");
        }

        private void Fail(string key, string message) => Fail<bool>(key, message);

        private T Fail<T>(string key, string message, string? givenBy = null)
        {
            // Name the layer that gave the bad value: the file with its line, or the environment / command line.
            var layer = givenBy ?? LayerOf(root, layers, key);
            var fromFile = file is not null && (layer == file.Path || (layer is null && file.Spans.ContainsKey(key)));
            var where = fromFile
                ? file!.Spans.TryGetValue(key, out var span) ? $"{file.Path}:{span.Line}:{span.Column}: " : $"{file.Path}: "
                : layer is null or "default" ? string.Empty : $"{layer}: ";
            throw new ConfigurationError($"{where}{key.Replace(':', '.')}: {message}");
        }
    }
}
