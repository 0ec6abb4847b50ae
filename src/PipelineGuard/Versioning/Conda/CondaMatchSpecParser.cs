using System.Collections.Frozen;
using System.Text;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// Reads a conda dependency string the way conda's <c>_parse_spec_str</c> does
/// (https://github.com/conda/conda/blob/main/conda/models/match_spec.py), step by step, while
/// keeping track of where each token was in the input. Hand-written scanners, linear time, no
/// exceptions. Where conda silently drops text ('numpy=', a '(...)' part, an unparsable bracket)
/// or keeps a build string that cannot match ('numpy 1.2 3 4'), this reader reports an error instead.
/// </summary>
internal static class CondaMatchSpecParser
{
    // conda.base.constants.KNOWN_SUBDIRS
    private static readonly FrozenSet<string> KnownSubdirs = FrozenSet.ToFrozenSet(
    [
        "noarch", "emscripten-wasm32", "wasi-wasm32", "freebsd-64", "linux-32", "linux-64", "linux-aarch64",
        "linux-armv6l", "linux-armv7l", "linux-ppc64", "linux-ppc64le", "linux-riscv64", "linux-s390x",
        "osx-64", "osx-arm64", "win-32", "win-64", "win-arm64", "zos-z",
    ]);

    // MatchSpec.FIELD_NAMES: any other key in brackets is an error in conda.
    private static readonly FrozenSet<string> FieldNames = FrozenSet.ToFrozenSet(
    [
        "channel", "subdir", "name", "version", "build", "build_number", "track_features", "features",
        "url", "md5", "sha256", "license", "license_family", "fn", "when", "extras", "flags",
    ]);

    private const string NameStopChars = " =<>!~";

    public static CondaMatchSpecParseResult Parse(string text)
    {
        // Step 1: a '#' starts a comment; step 1b: ' if ' starts a condition conda ignores.
        var end = text.IndexOf('#');
        end = end < 0 ? text.Length : end;
        var condition = text.IndexOf(" if ", 0, end, StringComparison.Ordinal);
        end = condition < 0 ? end : condition;
        var start = 0;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return CondaMatchSpecParseResult.Fail("empty package spec", 0, text.Length);
        }

        for (var i = start; i < end; i++)
        {
            if (char.IsControl(text[i]))
            {
                return CondaMatchSpecParseResult.Fail("control character in package spec", i, 1);
            }
        }

        // Step 2: a package file or URL.
        var body = text[start..end];
        if (body.EndsWith(".tar.bz2", StringComparison.Ordinal) || body.EndsWith(".conda", StringComparison.Ordinal))
        {
            return ParsePackageFile(text, start, end);
        }

        // Step 3: the bracket section, from the last '[' before the last ']' to that ']'.
        var brackets = new BracketValues();
        var close = text.LastIndexOf(']', end - 1, end - start);
        var open = close >= 0 ? text.LastIndexOf('[', close, close - start + 1) : -1;
        if (open >= 0 && ParseBrackets(text, open, close, brackets) is { } bracketError)
        {
            return bracketError;
        }

        // The rest of the text without the bracket section, with a map back to input offsets.
        var restBuilder = new StringBuilder(end - start);
        var map = new List<int>(end - start + 1);
        for (var i = start; i < end; i++)
        {
            if (open >= 0 && i >= open && i <= close)
            {
                continue;
            }

            restBuilder.Append(text[i]);
            map.Add(i);
        }

        map.Add(open >= 0 && close == end - 1 ? open : end);
        var rest = restBuilder.ToString();

        // Step 4: conda strips a '(...)' part (legacy "(optional)"); it would silently drop a version in it.
        var closeParen = rest.LastIndexOf(')');
        var openParen = closeParen >= 0 ? rest.LastIndexOf('(', closeParen) : -1;
        if (openParen >= 0)
        {
            return CondaMatchSpecParseResult.Fail(
                "conda drops a parenthesised part outside [...] from a package spec; write a grouped version as name[version='...']",
                map[openParen],
                map[closeParen] - map[openParen] + 1);
        }

        // Step 5: channel::name (rsplit(':', 2)); a single ':' separates a namespace conda ignores.
        var nameStart = 0;
        string? channelText = null;
        var lastColon = rest.LastIndexOf(':');
        if (lastColon >= 0)
        {
            var previousColon = lastColon > 0 ? rest.LastIndexOf(':', lastColon - 1) : -1;
            if (previousColon >= 0)
            {
                channelText = rest[..previousColon];
            }

            nameStart = lastColon + 1;
        }

        var (channel, subdir) = SplitChannel(channelText);
        if (brackets.Channel is { Length: > 0 })
        {
            var (bracketChannel, bracketSubdir) = SplitChannel(brackets.Channel);
            channel = bracketChannel ?? channel;
            subdir = bracketSubdir ?? subdir;
        }

        subdir = brackets.Subdir ?? subdir;

        // Step 6: the name runs up to the first of ' =<>!~'.
        var nameEnd = nameStart;
        while (nameEnd < rest.Length && !NameStopChars.Contains(rest[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart)
        {
            var at = map[nameStart];
            return CondaMatchSpecParseResult.Fail("no package name found", at, end - at);
        }

        var name = rest[nameStart..nameEnd];
        var nameRange = RangeOf(map, nameStart, nameEnd);
        if (CondaPackageName.Validate(name) is { } nameError)
        {
            return CondaMatchSpecParseResult.Fail(WithTemplateHint(nameError, name), nameRange.Start, nameRange.Length);
        }

        // Step 7: version and build.
        string? versionText = null;
        string? condaVersion = null;
        (int Start, int Length)? versionRange = null;
        string? build = null;
        var tail = rest[nameEnd..];
        if (tail.Length == 1 && tail != " ")
        {
            // conda's regex needs two characters here and silently ignores a lone operator ('numpy=').
            return CondaMatchSpecParseResult.Fail($"'{tail}' without a version", map[nameEnd], 1);
        }

        var vbStart = nameEnd;
        var vbEnd = rest.Length;
        while (vbStart < vbEnd && char.IsWhiteSpace(rest[vbStart]))
        {
            vbStart++;
        }

        while (vbEnd > vbStart && char.IsWhiteSpace(rest[vbEnd - 1]))
        {
            vbEnd--;
        }

        if (vbStart < vbEnd)
        {
            var versionAndBuild = rest[vbStart..vbEnd];
            if (versionAndBuild.Contains('['))
            {
                var at = map[vbStart + versionAndBuild.IndexOf('[')];
                return CondaMatchSpecParseResult.Fail("multiple bracket sections not allowed", at, 1);
            }

            var versionLength = SplitVersionAndBuild(versionAndBuild);
            var versionEnd = vbStart + versionLength;
            while (versionEnd > vbStart && char.IsWhiteSpace(rest[versionEnd - 1]))
            {
                versionEnd--;
            }

            versionText = rest[vbStart..versionEnd].Replace(" ", string.Empty);
            versionRange = RangeOf(map, vbStart, versionEnd);
            if (versionLength < versionAndBuild.Length)
            {
                var buildStart = vbStart + versionLength + 1;
                while (buildStart < vbEnd && char.IsWhiteSpace(rest[buildStart]))
                {
                    buildStart++;
                }

                build = rest[buildStart..vbEnd];
                var space = build.IndexOf(' ');
                if (space >= 0)
                {
                    var buildRange = RangeOf(map, buildStart, vbEnd);
                    return CondaMatchSpecParseResult.Fail(
                        $"too many fields: build string '{build}' contains a space (expected 'name [version [build]]')",
                        buildRange.Start,
                        buildRange.Length);
                }
            }

            condaVersion = Sanitize(versionText, build);
        }

        // Anything in brackets overrides the same field outside them (except the name).
        if (brackets.Version is { } bracketVersion)
        {
            versionText = bracketVersion.Trim();
            versionRange = brackets.VersionRange;
            condaVersion = Sanitize(bracketVersion, build: null);
        }

        build = brackets.Build ?? build;

        CondaVersionSpec? version = null;
        if (versionText is not null)
        {
            if (!CondaVersionSpec.TryCreate(versionText, condaVersion, out version, out var versionError))
            {
                var range = versionRange ?? nameRange;
                return CondaMatchSpecParseResult.Fail(WithTemplateHint(versionError, versionText), range.Start, range.Length);
            }
        }

        return CondaMatchSpecParseResult.Ok(new CondaMatchSpec
        {
            Text = text,
            Channel = channel,
            Subdir = subdir,
            Name = name.ToLowerInvariant(),
            NameRange = nameRange,
            VersionText = versionText,
            VersionRange = versionRange,
            Version = version,
            Build = build,
        });
    }

    /// <summary>
    /// conda's _VERSION_BUILD_RE, ((?:.+?)[^&gt;&lt;!,|]?)(?:(?&lt;![=!|,&lt;&gt;~])(?:[\ =])([^-=,|&lt;&gt;~]+?))?$,
    /// followed the way the regex engine backtracks: the shortest version such that the rest is a
    /// ' ' or '=' (not right after an operator) and a build string free of -=,|&lt;&gt;~.
    /// Returns the length of the version part; the whole text when there is no build.
    /// </summary>
    internal static int SplitVersionAndBuild(string text)
    {
        var n = text.Length;
        var buildCharsFrom = new bool[n + 1];
        buildCharsFrom[n] = true;
        for (var i = n - 1; i >= 0; i--)
        {
            buildCharsFrom[i] = buildCharsFrom[i + 1] && text[i] is not ('-' or '=' or ',' or '|' or '<' or '>' or '~');
        }

        for (var k = 1; k <= n; k++)
        {
            // The lazy '.+?' takes k characters; the greedy '[^><!,|]?' first tries one more.
            if (k < n && text[k] is not ('>' or '<' or '!' or ',' or '|') && HasBuildAfter(text, k + 1, buildCharsFrom))
            {
                return k + 1;
            }

            if (HasBuildAfter(text, k, buildCharsFrom))
            {
                return k;
            }

            if (k == n)
            {
                break;
            }
        }

        return n;
    }

    private static bool HasBuildAfter(string text, int versionLength, bool[] buildCharsFrom) =>
        versionLength <= text.Length - 2
        && text[versionLength] is ' ' or '='
        && text[versionLength - 1] is not ('=' or '!' or '|' or ',' or '<' or '>' or '~')
        && buildCharsFrom[versionLength + 1];

    /// <summary>
    /// conda's _sanitize_version_str: '==1.2' means '1.2' and '=1.2' means '1.2*' (starts with),
    /// except with a build string, where '=1.2=build' pins the version to '1.2'.
    /// </summary>
    internal static string Sanitize(string version, string? build)
    {
        if (version is "==" or "=" || !version.StartsWith('='))
        {
            return version;
        }

        var withoutEquals = version.TrimStart('=');
        if (version.StartsWith("==", StringComparison.Ordinal) && build is null)
        {
            return withoutEquals;
        }

        if (withoutEquals.AsSpan().IndexOfAny("=,|") < 0)
        {
            return build is null && !withoutEquals.EndsWith('*') ? withoutEquals + "*" : withoutEquals;
        }

        return version;
    }

    private static (string? Channel, string? Subdir) SplitChannel(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var trimmed = text.TrimEnd('/');
        string? subdir = null;
        var slash = trimmed.LastIndexOf('/');
        if (slash >= 0 && KnownSubdirs.Contains(trimmed[(slash + 1)..]))
        {
            subdir = trimmed[(slash + 1)..];

            // "pytorch//linux-64" is the channel "pytorch", as "pytorch/" is: no trailing '/' either side of the subdir.
            trimmed = trimmed[..slash].TrimEnd('/');
        }

        return (trimmed is "" or "*" ? null : trimmed, subdir);
    }

    /// <summary>
    /// The key=value pairs in brackets, found the way conda's _BRACKETS_KV_RE.finditer finds them:
    /// key, '=', a value in matching quotes or up to the next ',' or ' ', then a ',' or ' ' or the end.
    /// </summary>
    private static CondaMatchSpecParseResult? ParseBrackets(string text, int open, int close, BracketValues values)
    {
        var contentStart = open + 1;
        var content = text[contentStart..close];
        var found = false;
        var pos = 0;
        while (pos < content.Length)
        {
            if (!IsKeyChar(content[pos]))
            {
                pos++;
                continue;
            }

            var keyEnd = pos;
            while (keyEnd < content.Length && IsKeyChar(content[keyEnd]))
            {
                keyEnd++;
            }

            if (keyEnd >= content.Length || content[keyEnd] != '=')
            {
                pos = keyEnd;
                continue;
            }

            if (!TryBracketValue(content, keyEnd + 1, out var valueStart, out var valueEnd, out var matchEnd))
            {
                pos = keyEnd + 1;
                continue;
            }

            found = true;
            var key = content[pos..keyEnd];
            var value = content[valueStart..valueEnd];
            if (value.Length == 0)
            {
                return CondaMatchSpecParseResult.Fail($"key-value mismatch in brackets: '{key}' has no value", contentStart + pos, keyEnd - pos + 1);
            }

            if (!FieldNames.Contains(key))
            {
                return CondaMatchSpecParseResult.Fail($"cannot match on field '{key}'", contentStart + pos, keyEnd - pos);
            }

            switch (key)
            {
                case "version":
                    values.Version = value;
                    values.VersionRange = (contentStart + valueStart, valueEnd - valueStart);
                    break;
                case "build":
                    values.Build = value;
                    break;
                case "channel":
                    values.Channel = value;
                    break;
                case "subdir":
                    values.Subdir = value;
                    break;
                default:
                    // name (conda keeps the one outside brackets), md5, build_number, ...: not needed here.
                    break;
            }

            pos = matchEnd;
        }

        if (!found && content.Trim().Length > 0)
        {
            return CondaMatchSpecParseResult.Fail("no key=value pairs in brackets (conda would ignore them)", open, close - open + 1);
        }

        return null;
    }

    private static bool TryBracketValue(string s, int q, out int valueStart, out int valueEnd, out int matchEnd)
    {
        // A quoted value: up to the first quote of either kind, which must be the same quote and be followed by ',', ' ' or the end.
        if (q < s.Length && s[q] is '\'' or '"')
        {
            var k = q + 1;
            while (k < s.Length && s[k] is not ('\'' or '"'))
            {
                k++;
            }

            if (k < s.Length && s[k] == s[q] && (k + 1 == s.Length || s[k + 1] is ',' or ' '))
            {
                valueStart = q + 1;
                valueEnd = k;
                matchEnd = Math.Min(s.Length, k + 2);
                return true;
            }
        }

        // An unquoted value: up to the first ',' or ' ' or the end, with no quote in it.
        var d = q;
        while (d < s.Length && s[d] is not (',' or ' '))
        {
            if (s[d] is '\'' or '"')
            {
                valueStart = valueEnd = matchEnd = 0;
                return false;
            }

            d++;
        }

        valueStart = q;
        valueEnd = d;
        matchEnd = Math.Min(s.Length, d + 1);
        return true;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>A package file or URL ending in .tar.bz2 or .conda: name-version-build from the file name (conda's _parse_legacy_dist).</summary>
    private static CondaMatchSpecParseResult ParsePackageFile(string text, int start, int end)
    {
        var fileStart = Math.Max(text.LastIndexOf('/', end - 1, end - start), text.LastIndexOf('\\', end - 1, end - start)) + 1;
        fileStart = Math.Max(fileStart, start);
        var extension = text.AsSpan(start, end - start).EndsWith(".conda", StringComparison.Ordinal) ? ".conda".Length : ".tar.bz2".Length;
        var stemEnd = end - extension;
        var buildDash = stemEnd > fileStart ? text.LastIndexOf('-', stemEnd - 1, stemEnd - fileStart) : -1;
        var versionDash = buildDash > fileStart ? text.LastIndexOf('-', buildDash - 1, buildDash - fileStart) : -1;
        if (versionDash <= fileStart || buildDash - versionDash < 2 || stemEnd - buildDash < 2)
        {
            return CondaMatchSpecParseResult.Fail("package file name is not name-version-build", fileStart, end - fileStart);
        }

        var name = text[fileStart..versionDash];
        if (CondaPackageName.Validate(name) is { } nameError)
        {
            return CondaMatchSpecParseResult.Fail(nameError, fileStart, name.Length);
        }

        string? subdir = null;
        var parentEnd = fileStart - 1;
        if (parentEnd > start)
        {
            var parentStart = text.LastIndexOf('/', parentEnd - 1, parentEnd - start) + 1;
            var parent = text[Math.Max(parentStart, start)..parentEnd];
            subdir = KnownSubdirs.Contains(parent) ? parent : null;
        }

        var versionText = Uri.UnescapeDataString(text[(versionDash + 1)..buildDash]);
        if (!CondaVersionSpec.TryCreate(versionText, versionText, out var version, out var versionError))
        {
            return CondaMatchSpecParseResult.Fail(versionError, versionDash + 1, buildDash - versionDash - 1);
        }

        return CondaMatchSpecParseResult.Ok(new CondaMatchSpec
        {
            Text = text,
            Subdir = subdir,
            Name = name.ToLowerInvariant(),
            NameRange = (fileStart, name.Length),
            VersionText = versionText,
            VersionRange = (versionDash + 1, buildDash - versionDash - 1),
            Version = version,
            Build = text[(buildDash + 1)..stemEnd],
        });
    }

    private static (int Start, int Length) RangeOf(List<int> map, int from, int to) =>
        to > from ? (map[from], map[to - 1] - map[from] + 1) : (map[from], 0);

    private static string WithTemplateHint(string message, string value) =>
        value.Contains("{{", StringComparison.Ordinal) || value.Contains("${", StringComparison.Ordinal) || value.Contains("}}", StringComparison.Ordinal)
            ? $"unexpanded template placeholder in '{value}': {message}"
            : message;

    private sealed class BracketValues
    {
        public string? Version { get; set; }

        public (int Start, int Length)? VersionRange { get; set; }

        public string? Build { get; set; }

        public string? Channel { get; set; }

        public string? Subdir { get; set; }
    }
}
