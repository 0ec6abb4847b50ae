namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// conda's package name check (CEP-26, _validate_package_name in
/// https://github.com/conda/conda/blob/main/conda/models/match_spec.py): lower case letters,
/// digits and '.', '_', '-'; no separator right after another one (except a leading '_' then
/// '.' or '-'); '__name' for virtual packages. Names containing '*' are globs and not checked.
/// </summary>
internal static class CondaPackageName
{
    /// <summary>Null when the name is valid, otherwise why not.</summary>
    public static string? Validate(string name)
    {
        if (name.Contains('*'))
        {
            return null;
        }

        var normalized = name.ToLowerInvariant();
        var invalid = new string([.. normalized.Where(c => !IsAllowed(c)).Distinct()]);
        if (invalid.Length > 0)
        {
            return $"package name contains invalid characters ({invalid})";
        }

        return IsWellFormed(normalized) ? null : "invalid package name";
    }

    private static bool IsAllowed(char c) => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || IsSeparator(c);

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static bool IsAlphanumeric(char c) => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'z');

    // ^(([a-z0-9])|([a-z0-9_](?!_)))[._-]?([a-z0-9]+(\.|-|_|$))*$  and  ^__[a-z0-9][._-]?([a-z0-9]+(\.|-|_|$))*$
    private static bool IsWellFormed(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        int firstAfterHead;
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            if (name.Length < 3 || !IsAlphanumeric(name[2]))
            {
                return false;
            }

            firstAfterHead = 3;
        }
        else
        {
            if (!(IsAlphanumeric(name[0]) || name[0] == '_'))
            {
                return false;
            }

            firstAfterHead = 1;
        }

        // One optional separator may follow the head; after that every separator must follow a letter or digit.
        for (var i = firstAfterHead + 1; i < name.Length; i++)
        {
            if (IsSeparator(name[i]) && IsSeparator(name[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
