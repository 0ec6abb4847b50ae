using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Analysis;

/// <summary>
/// Decides whether one package operand pins one exact version. Pinned: <c>==V</c>/<c>===V</c> without a wildcard
/// (PEP 440), a VCS URL with <c>@ref</c>, a URL or archive (a fixed artifact), a local path; for conda the pinned
/// MatchSpec forms (<c>=V</c>, <c>==V</c>, <c>name V build</c>). Words with <c>$VAR</c> or <c>{{…}}</c> are unknown, never reported.
/// </summary>
internal static class PackagePin
{
    private static readonly string[] Archives = [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip", ".conda"];

    private static readonly string[] VcsSchemes = ["git+", "hg+", "svn+", "bzr+", "git:"];

    public static UnpinnedPackage? Pip(string word)
    {
        var text = word.Trim();
        if (IsUnknownOrLocal(text))
        {
            return null;
        }

        if (!Pep508Requirement.TryParse(text, out var requirement, out _))
        {
            // Not PEP 508: a bare URL (pip also takes 'git+https://…' without a name), or not for this rule.
            return text.Contains("://", StringComparison.Ordinal) ? VcsWithoutRef(text, NameFromEgg(text)) : null;
        }

        if (requirement.Url is { } url)
        {
            return VcsWithoutRef(url.Value, requirement.Name);
        }

        return requirement.Specifier.IsExactPin
            ? null
            : new UnpinnedPackage(requirement.Name, $"{requirement.Name}==<version>", requirement.Specifier.Specifiers.IsEmpty
                ? "has no version"
                : $"admits more than one version ('{requirement.Specifier}')");
    }

    public static UnpinnedPackage? Conda(string word)
    {
        var text = word.Trim();
        if (IsUnknownOrLocal(text) || CondaMatchSpec.Parse(text).Spec is not { } spec || spec.IsExactPin)
        {
            return null;
        }

        return new UnpinnedPackage(spec.Name, $"{spec.Name}=<version>", spec.VersionText is null
            ? "has no version"
            : $"admits more than one version ('{spec.VersionText}')");
    }

    /// <summary>Expansions and templates are unknown; paths and archives are fixed artifacts.</summary>
    private static bool IsUnknownOrLocal(string text)
    {
        if (text.Length == 0 || text.AsSpan().IndexOfAny('$', '`') >= 0 || text.Contains("{{", StringComparison.Ordinal))
        {
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.Contains(" @ ", StringComparison.Ordinal))
        {
            return false;
        }

        return text[0] is '.' or '/' or '~' || text.AsSpan().IndexOfAny('/', '\\') >= 0 ||
            Archives.Any(a => text.EndsWith(a, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A VCS URL pins only with <c>@ref</c> in its path (pip "VCS Support"); <c>user@host</c> in the authority does not count.
    /// Any other URL names one artifact, so it is pinned.
    /// </summary>
    private static UnpinnedPackage? VcsWithoutRef(string url, string? name)
    {
        if (!VcsSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : url.IndexOf('/', schemeEnd + 3);
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var path = pathStart < 0 ? string.Empty : url[pathStart..(fragment > pathStart ? fragment : url.Length)];
        if (path.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var withoutFragment = fragment < 0 ? url : url[..fragment];
        return new UnpinnedPackage(
            name ?? withoutFragment,
            $"{withoutFragment}@<tag or commit>{(fragment < 0 ? string.Empty : url[fragment..])}",
            "is a VCS URL without '@<tag or commit>', so it installs whatever the default branch holds that day");
    }

    private static string? NameFromEgg(string url)
    {
        var egg = url.IndexOf("#egg=", StringComparison.Ordinal);
        if (egg < 0)
        {
            return null;
        }

        var rest = url[(egg + 5)..];
        var end = rest.IndexOf('&', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }
}
