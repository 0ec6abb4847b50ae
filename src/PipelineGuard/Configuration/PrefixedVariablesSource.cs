using Microsoft.Extensions.Configuration;

namespace PipelineGuard.Configuration;

/// <summary>
/// Settings from environment variables with a prefix, from an injected snapshot of the environment:
/// the action's inputs (<c>INPUT_FAIL-ON</c>, hyphenated as GitHub writes them) and <c>PIPELINEGUARD_FAIL_ON</c>
/// (underscores for hyphens, <c>__</c> for nesting: <c>PIPELINEGUARD_RULES__PG106=off</c>). Empty values are unset;
/// list keys take comma-separated values (rule lists also space-separated). Variables that are not settings are ignored.
/// </summary>
internal sealed class PrefixedVariablesSource(string prefix, IEnumerable<KeyValuePair<string, string>> variables, bool onlyActionInputs)
    : IConfigurationSource
{
    public string Prefix { get; } = prefix;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this, variables, onlyActionInputs);

    private sealed class Provider(PrefixedVariablesSource source, IEnumerable<KeyValuePair<string, string>> variables, bool onlyActionInputs)
        : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var (name, value) in variables)
            {
                if (!name.StartsWith(source.Prefix, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                var key = ToKey(name[source.Prefix.Length..]);
                var top = key.Split(ConfigurationPath.KeyDelimiter)[0];
                if (onlyActionInputs ? !SettingKeys.ActionInputs.Contains(key) : !SettingKeys.TopLevel.Contains(top))
                {
                    continue;
                }

                if (SettingKeys.ListKeys.Contains(key))
                {
                    // Rule lists also split on spaces, as an action input is most easily written (`ignore: PG106 PG108`).
                    char[] separators = SettingKeys.RuleListKeys.Contains(key) ? [',', '\n', ' ', '\t'] : [',', '\n'];
                    var items = value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    for (var i = 0; i < items.Length; i++)
                    {
                        Data[key + ConfigurationPath.KeyDelimiter + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = items[i];
                    }
                }
                else
                {
                    Data[key] = value.Trim();
                }
            }
        }

        /// <summary><c>FAIL_ON</c> and <c>FAIL-ON</c> → <c>fail-on</c>; <c>RULES__PG106</c> → <c>rules:PG106</c> (rule IDs keep their case).</summary>
        private static string ToKey(string name)
        {
            var parts = name.Split("__");
            return string.Join(ConfigurationPath.KeyDelimiter, parts.Select((p, i) =>
                i > 0 && parts[0].Equals("RULES", StringComparison.OrdinalIgnoreCase) ? p.ToUpperInvariant() : p.Replace('_', '-').ToLowerInvariant()));
        }
    }
}
