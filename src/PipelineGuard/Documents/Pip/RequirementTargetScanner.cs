using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Documents.Pip;

/// <summary>
/// A small scanner that tells what a requirement points at and finds its name, following the
/// order of pip's <c>parse_req_from_line</c> / <c>parse_editable</c> (req/constructors.py)
/// without the file system. It is NOT a PEP 508 parser: specifiers, extras and markers are
/// left to that parser.
/// </summary>
internal static class RequirementTargetScanner
{
    // pip's is_url(): "http", "https", "file", "ftp" and vcs.all_schemes.
    private static readonly string[] VcsNames = ["git", "hg", "svn", "bzr"];

    // pip's utils/filetypes.py ARCHIVE_EXTENSIONS.
    private static readonly string[] ArchiveExtensions =
        [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.gz", ".tgz", ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"];

    public static (RequirementKind Kind, Located<string>? Name, Located<string>? Target, bool IsWheel) Scan(MappedText requirement, bool isEditable)
    {
        var text = requirement.Text;
        if (isEditable)
        {
            var end = StripExtras(text, text.Length);
            // parse_editable: a VCS URL ("git+https://...", "git:...") or else a local project.
            return Result(requirement, KindOfUrl(text) ?? RequirementKind.LocalPath, null, 0, end);
        }

        if (KindOfUrl(text) is { } urlKind)
        {
            // pip splits a URL from its markers at "; " (with the space).
            var end = text.IndexOf("; ", StringComparison.Ordinal);
            return Result(requirement, urlKind, null, 0, TrimEnd(text, end < 0 ? text.Length : end));
        }

        var name = ScanName(text, 0);
        if (name is { } n)
        {
            var i = SkipSpaces(text, n.Start + n.Length);
            if (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                i = close < 0 ? text.Length : SkipSpaces(text, close + 1);
            }

            if (i < text.Length && text[i] == '@')
            {
                var from = SkipSpaces(text, i + 1);
                var to = from;
                while (to < text.Length && !PythonText.IsWhitespace(text[to]))
                {
                    to++;
                }

                var kind = KindOfUrl(text[from..to]) ?? RequirementKind.Url;
                return Result(requirement, kind, requirement.Locate(n.Start, n.Length), from, to);
            }
        }

        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        var pathEnd = StripExtras(text, TrimEnd(text, semicolon < 0 ? text.Length : semicolon));
        var path = text[..pathEnd];
        if (LooksLikePath(path) || ArchiveExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return Result(requirement, RequirementKind.LocalPath, null, 0, pathEnd);
        }

        return (RequirementKind.Named, name is { } found ? requirement.Locate(found.Start, found.Length) : null, null, false);
    }

    /// <summary>PEP 503 normalisation: lower case, runs of '-', '_', '.' become one '-'.</summary>
    public static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (builder.Length == 0 || builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A PEP 508 name at <paramref name="start"/> (after spaces): letters/digits, with
    /// '.', '_', '-' inside but not at either end.</summary>
    public static (int Start, int Length)? ScanName(string text, int start)
    {
        start = SkipSpaces(text, start);
        if (start >= text.Length || !IsNameEnd(text[start]))
        {
            return null;
        }

        var end = start;
        while (end < text.Length && (IsNameEnd(text[end]) || text[end] is '.' or '_' or '-'))
        {
            end++;
        }

        while (!IsNameEnd(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static (RequirementKind, Located<string>?, Located<string>?, bool) Result(
        MappedText requirement, RequirementKind kind, Located<string>? name, int from, int to)
    {
        var target = requirement.Locate(from, to - from);
        var url = target.Value;
        var pathEnd = url.IndexOfAny(['#', '?']);
        var path = pathEnd < 0 ? url : url[..pathEnd];
        var isWheel = path.EndsWith(".whl", StringComparison.Ordinal);
        name ??= EggName(requirement, from, to) ?? (isWheel ? WheelName(requirement, from, from + path.Length) : null);
        return (kind, name, target, isWheel);
    }

    /// <summary>pip's Link egg fragment: <c>[#&amp;]egg=([^&amp;]*)</c>, the name part of it.</summary>
    private static Located<string>? EggName(MappedText requirement, int from, int to)
    {
        var text = requirement.Text;
        var hash = text.IndexOf('#', from, to - from);
        if (hash < 0)
        {
            return null;
        }

        var egg = text.IndexOf("egg=", hash, to - hash, StringComparison.Ordinal);
        if (egg < 0 || (text[egg - 1] != '#' && text[egg - 1] != '&'))
        {
            return null;
        }

        var name = ScanName(text[..to], egg + 4);
        return name is { } n && n.Start == egg + 4 ? requirement.Locate(n.Start, n.Length) : null;
    }

    /// <summary>A wheel's distribution name: its file name up to the first '-'.</summary>
    private static Located<string>? WheelName(MappedText requirement, int from, int pathEnd)
    {
        var text = requirement.Text;
        var fileStart = Math.Max(text.LastIndexOf('/', pathEnd - 1, pathEnd - from), text.LastIndexOf('\\', pathEnd - 1, pathEnd - from)) + 1;
        fileStart = Math.Max(fileStart, from);
        var dash = text.IndexOf('-', fileStart, pathEnd - fileStart);
        return dash > fileStart ? requirement.Locate(fileStart, dash - fileStart) : null;
    }

    /// <summary>The kind a URL scheme implies, null when <paramref name="text"/> is not a URL pip knows.</summary>
    private static RequirementKind? KindOfUrl(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var scheme = text[..colon].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" or "ftp" => RequirementKind.Url,
            "file" => RequirementKind.LocalPath,
            _ when scheme.IndexOf('+', StringComparison.Ordinal) is var plus and > 0 && VcsNames.Contains(scheme[..plus]) => RequirementKind.Vcs,
            _ when VcsNames.Contains(scheme) => RequirementKind.Vcs,
            _ => null,
        };
    }

    /// <summary>pip's <c>_looks_like_path</c> (either separator: the file may be used on Windows too).</summary>
    private static bool LooksLikePath(string text) => text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal) || text.StartsWith('.');

    /// <summary>pip's <c>_strip_extras</c>: a trailing "[...]" is extras, not part of the path.</summary>
    private static int StripExtras(string text, int end)
    {
        if (end > 0 && text[end - 1] == ']')
        {
            var open = text.LastIndexOf('[', end - 1);
            if (open > 0 && end - 1 - open > 1 && text.IndexOf(']', open, end - 1 - open) < 0)
            {
                return open;
            }
        }

        return end;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && PythonText.IsWhitespace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && PythonText.IsWhitespace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsNameEnd(char c) => char.IsAsciiLetterOrDigit(c);
}
