using PipelineGuard.Environments;

namespace PipelineGuard.Online.Conda;

/// <summary>
/// What PG204 looks up: each conda dependency with the channels conda searches for it. A channel by name is
/// <c>{alias}/{name}</c>, a URL is itself. A spec that names no channel, or names <c>defaults</c> (Anaconda's
/// several repositories, licensed and not on the channel alias), a local or templated channel, is not verified:
/// the package may be there. Virtual packages (<c>__cuda</c>), templated specs and specs for another subdir are skipped.
/// </summary>
internal static class CondaPackageUses
{
    public static IReadOnlyList<CondaPackageUse> Of(Workspace workspace, string alias)
    {
        var uses = new List<CondaPackageUse>();
        var seen = new HashSet<CondaSpec>(ReferenceEqualityComparer.Instance);
        foreach (var conda in workspace.Environments.Select(e => e.Conda).OfType<CondaSpec>())
        {
            if (!seen.Add(conda))
            {
                continue;
            }

            var names = (conda.Channels ?? []).Select(c => c.Value.Trim()).Where(c => c.Length > 0 && c != "nodefaults").ToList();
            var channels = names.Select(c => Resolve(c, alias)).ToList();
            var specVerifiable = channels.Count > 0 && channels.All(c => c is not null);
            foreach (var dependency in conda.Dependencies)
            {
                if (dependency.Spec is not { } spec || spec.Name.StartsWith("__", StringComparison.Ordinal) || spec.Subdir is not null ||
                    dependency.Text.Value.Contains('$', StringComparison.Ordinal) || dependency.Text.Value.Contains("{{", StringComparison.Ordinal))
                {
                    continue;
                }

                if (spec.Channel is { } own)
                {
                    if (Resolve(own, alias) is { } url)
                    {
                        uses.Add(new CondaPackageUse(dependency, [url]));
                    }
                }
                else if (specVerifiable)
                {
                    uses.Add(new CondaPackageUse(dependency, [.. channels.OfType<string>().Distinct(StringComparer.Ordinal)]));
                }
            }
        }

        return uses;
    }

    /// <summary>The channel's URL, or null when it cannot be verified (defaults, a local path, a template).</summary>
    internal static string? Resolve(string channel, string alias)
    {
        var text = channel.Trim().TrimEnd('/');
        if (text.Length == 0 || text.Contains('$', StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal) ||
            text is "defaults" or "main" or "r" or "msys2" || text.StartsWith("pkgs/", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? text : null;
        }

        return text.StartsWith('/') || text.StartsWith('.') ? null : $"{alias.TrimEnd('/')}/{text}";
    }
}
