using System.Text.Json;

namespace PipelineGuard.Online.Conda;

/// <summary>
/// Reads a channel's <c>repodata.json</c> (or <c>current_repodata.json</c>) for one subdir: every package name
/// (lower case) with the versions it has, from <c>packages</c> (.tar.bz2) and <c>packages.conda</c>. Null when the
/// document is not repodata.
/// </summary>
internal static class RepodataReader
{
    public static Dictionary<string, HashSet<string>>? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || (!root.TryGetProperty("packages", out _) && !root.TryGetProperty("packages.conda", out _)))
            {
                return null;
            }

            var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var key in new[] { "packages", "packages.conda" })
            {
                if (!root.TryGetProperty(key, out var packages) || packages.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var package in packages.EnumerateObject())
                {
                    if (package.Value.ValueKind == JsonValueKind.Object &&
                        package.Value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
                        package.Value.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String)
                    {
                        var lower = name.GetString()!.ToLowerInvariant();
                        if (!result.TryGetValue(lower, out var versions))
                        {
                            result[lower] = versions = new HashSet<string>(StringComparer.Ordinal);
                        }

                        versions.Add(version.GetString()!);
                    }
                }
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
