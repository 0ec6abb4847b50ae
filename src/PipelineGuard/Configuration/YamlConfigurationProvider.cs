using Microsoft.Extensions.Configuration;
using PipelineGuard.Documents.Tree;
using PipelineGuard.Model;

namespace PipelineGuard.Configuration;

internal sealed class YamlConfigurationProvider(SourceText file) : ConfigurationProvider
{
    /// <summary>Where each key was written, for error messages.</summary>
    public Dictionary<string, SourceSpan> Spans { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Path => file.Path;

    public override void Load()
    {
        var parsed = YamlTreeReader.Read(file);
        if (parsed.Problem is { } problem)
        {
            throw new ConfigurationError($"{file.Path}:{problem.Span.Line}:{problem.Span.Column}: {problem.Message}");
        }

        if (parsed.Root is null)
        {
            return;
        }

        if (parsed.Root is not DocMapping root)
        {
            throw new ConfigurationError($"{file.Path}:{parsed.Root.Span.Line}: the configuration must be a mapping of keys");
        }

        Flatten(root, prefix: null);
    }

    private void Flatten(DocMapping map, string? prefix)
    {
        foreach (var entry in map.Entries)
        {
            var key = prefix is null ? entry.Key.Value : prefix + ConfigurationPath.KeyDelimiter + entry.Key.Value;
            if (Spans.ContainsKey(key))
            {
                // Configuration keys ignore case, so `pg106` and `PG106` would silently merge.
                throw new ConfigurationError($"{file.Path}:{entry.Key.Span.Line}:{entry.Key.Span.Column}: '{key.Replace(':', '.')}' is given twice (keys ignore case)");
            }

            Spans[key] = entry.Key.Span;
            switch (entry.Value)
            {
                case DocMapping child:
                    Flatten(child, key);
                    break;
                case DocSequence list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        var itemKey = key + ConfigurationPath.KeyDelimiter + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        Spans[itemKey] = list.Items[i].Span;
                        if (list.Items[i] is DocScalar { IsNull: false } s)
                        {
                            Data[itemKey] = s.Value;
                        }
                        else
                        {
                            throw new ConfigurationError($"{file.Path}:{list.Items[i].Span.Line}:{list.Items[i].Span.Column}: '{key}' must be a list of strings");
                        }
                    }

                    break;
                case DocScalar { IsNull: false } scalar when scalar.Value.Length > 0:
                    // An empty value counts as unset at every layer (docs/configuration.md).
                    Data[key] = scalar.Value;
                    break;
            }
        }
    }
}
