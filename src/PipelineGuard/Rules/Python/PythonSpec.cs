using PipelineGuard.Environments;

namespace PipelineGuard.Rules.Python;

/// <summary>The <c>python</c> dependencies of a conda spec, and the minor version a pin names.</summary>
internal static class PythonSpec
{
    public static IReadOnlyList<CondaDependency> Of(CondaSpec conda) => conda.Named("python").ToList();

    /// <summary>
    /// The (major, minor) of a pin that names one minor version: <c>python=3.8</c>, <c>python==3.8.12</c>,
    /// <c>python 3.8.*</c>, <c>python=3.8.12=h12debd9_0</c>. Ranges (<c>&gt;=3.8</c>, <c>3.8|3.9</c>) name none.
    /// </summary>
    public static (int Major, int Minor)? MinorVersion(CondaDependency python)
    {
        var text = python.Spec?.VersionText;
        if (text is null || text.IndexOfAny(['<', '>', '!', '|', ',', '~']) >= 0)
        {
            return null;
        }

        var digits = text.TrimStart('=');
        var parts = digits.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1].TrimEnd('*'), out var minor)
            ? (major, minor)
            : null;
    }
}
