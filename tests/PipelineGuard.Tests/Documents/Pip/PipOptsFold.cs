using System.Text.Json.Nodes;
using PipelineGuard.Documents.Pip;

namespace PipelineGuard.Tests.Documents.Pip;

/// <summary>
/// Folds a line's options into the optparse Values pip would hold (only what differs from the
/// defaults), in the oracle's JSON shape, so the reader's options can be compared with pip's.
/// </summary>
internal static class PipOptsFold
{
    public static JsonObject Fold(IEnumerable<PipOption> options)
    {
        var result = new JsonObject();
        var noBinary = new SortedSet<string>(StringComparer.Ordinal);
        var onlyBinary = new SortedSet<string>(StringComparer.Ordinal);
        var formatControlSeen = false;
        foreach (var option in options)
        {
            var spec = option.Spec;
            var value = option.Value?.Value;
            switch (spec.Action)
            {
                case PipOptionAction.Store:
                    result[spec.Dest] = value;
                    break;
                case PipOptionAction.Append:
                    ListOf(result, spec.Dest).Add(value);
                    break;
                case PipOptionAction.Flag:
                    result[spec.Dest] = true;
                    break;
                case PipOptionAction.Hash:
                    var colon = value!.IndexOf(':', StringComparison.Ordinal);
                    var hashes = result["hashes"] as JsonObject ?? [];
                    result["hashes"] = hashes;
                    ListOf(hashes, value[..colon]).Add(value[(colon + 1)..]);
                    break;
                case PipOptionAction.ConfigSetting:
                    var equals = value!.IndexOf('=', StringComparison.Ordinal);
                    var settings = result["config_settings"] as JsonObject ?? [];
                    result["config_settings"] = settings;
                    var key = value[..equals];
                    var val = value[(equals + 1)..];
                    settings[key] = settings[key] switch
                    {
                        null => val,
                        JsonArray list => Append(list, val),
                        var single => new JsonArray(single.GetValue<string>(), val),
                    };
                    break;
                case PipOptionAction.FormatControl:
                    formatControlSeen = true;
                    if (spec == PipOptions.NoBinary)
                    {
                        MutualExcludes(value!, noBinary, onlyBinary);
                    }
                    else
                    {
                        MutualExcludes(value!, onlyBinary, noBinary);
                    }

                    break;
            }
        }

        if (formatControlSeen && (noBinary.Count > 0 || onlyBinary.Count > 0))
        {
            result["format_control"] = new JsonObject
            {
                ["no_binary"] = new JsonArray([.. noBinary.Select(n => (JsonNode?)n)]),
                ["only_binary"] = new JsonArray([.. onlyBinary.Select(n => (JsonNode?)n)]),
            };
        }

        // The oracle lists optparse's attributes sorted by name.
        var sorted = new JsonObject();
        foreach (var key in result.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var node = result[key];
            result.Remove(key);
            sorted[key] = node;
        }

        return sorted;
    }

    private static JsonArray Append(JsonArray list, string value)
    {
        list.Add(value);
        return list;
    }

    private static JsonArray ListOf(JsonObject owner, string key)
    {
        if (owner[key] is not JsonArray list)
        {
            list = [];
            owner[key] = list;
        }

        return list;
    }

    /// <summary>pip's FormatControl.handle_mutual_excludes (models/format_control.py).</summary>
    private static void MutualExcludes(string value, SortedSet<string> target, SortedSet<string> other)
    {
        var names = value.Split(',').ToList();
        while (names.Contains(":all:"))
        {
            other.Clear();
            target.Clear();
            target.Add(":all:");
            names.RemoveRange(0, names.IndexOf(":all:") + 1);
            if (!names.Contains(":none:"))
            {
                return;
            }
        }

        foreach (var name in names)
        {
            if (name == ":none:")
            {
                target.Clear();
                continue;
            }

            var canonical = RequirementTargetScanner.Normalize(name);
            other.Remove(canonical);
            target.Add(canonical);
        }
    }
}
