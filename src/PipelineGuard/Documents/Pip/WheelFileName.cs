using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// The wheel naming convention <c>{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl</c>
/// (PEP 427, https://packaging.python.org/en/latest/specifications/binary-distribution-format/), checked as packaging
/// 21.3's <c>parse_wheel_filename</c> (pip/_vendor/packaging/utils.py) and pip 23.2.1's <c>Wheel.wheel_file_re</c>
/// (pip/_internal/models/wheel.py) check it: 4 or 5 dashes, a project name of word characters, '.' and '_'
/// without "__", a valid PEP 440 version, a build tag that starts with a digit, non-empty tags, no whitespace.
/// </summary>
internal static class WheelFileName
{
    /// <summary>The part of a path or URL that is the file name: after the last '/' (or '\'), before '#' and '?'.</summary>
    public static (int Start, int Length) FileNameRange(string pathOrUrl)
    {
        var end = pathOrUrl.IndexOfAny(['#', '?']);
        end = end < 0 ? pathOrUrl.Length : end;
        var start = end == 0 ? 0 : pathOrUrl.LastIndexOfAny(['/', '\\'], end - 1) + 1;
        return (start, end - start);
    }

    /// <summary>Why <paramref name="fileName"/> (URL-decoded) is not a valid wheel file name, or null when it is.</summary>
    public static string? Problem(string fileName)
    {
        if (!fileName.EndsWith(".whl", StringComparison.Ordinal))
        {
            return "the extension must be '.whl'";
        }

        var stem = fileName[..^4];
        if (stem.Any(char.IsWhiteSpace))
        {
            return "it contains whitespace";
        }

        var parts = stem.Split('-');
        if (parts.Length is not (5 or 6))
        {
            return $"it has {parts.Length} '-'-separated parts where 5 or 6 are needed " +
                "({distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag})";
        }

        var name = parts[0];
        if (name.Length == 0 || name.Contains("__", StringComparison.Ordinal) || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'))
        {
            return $"the distribution part '{name}' is not a valid escaped project name (letters, digits, '_' and '.', no '__')";
        }

        if (!Pep440Version.TryParse(parts[1], out _))
        {
            var hint = parts[1].Length > 0 && char.IsLetter(parts[1][0])
                ? "; a '-' inside the project name must be written '_' (my_package-1.0-…)"
                : string.Empty;
            return $"the version part '{parts[1]}' is not a valid PEP 440 version{hint}";
        }

        if (parts.Length == 6 && (parts[2].Length == 0 || !char.IsDigit(parts[2][0])))
        {
            return $"the build tag '{parts[2]}' does not start with a digit";
        }

        return parts[^3..].Any(t => t.Length == 0) ? "a python, abi or platform tag is empty" : null;
    }
}
