using PipelineGuard.Model;
namespace PipelineGuard.Documents.Images;

/// <summary>
/// The scanner behind <see cref="ImageReference.TryParse"/>. It accepts exactly the language of
/// distribution/reference's <c>ReferenceRegexp</c> (regexp.go), then applies reference.go's checks (name length,
/// digest algorithm and size as go-digest validates them) and normalize.go's (no 64-hex names). Instead of the
/// regex's "invalid reference format" it names the first offending part. One pass, linear time, no backtracking:
/// <code>
/// reference      := name [ ":" tag ] [ "@" digest ]
/// name           := [domain '/'] path-component ['/' path-component]*
/// domain         := (domain-name | '[' ipv6 ']') [':' port-number]
/// domain-name    := label ('.' label)*           label := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
/// path-component := [a-z0-9]+ (separator [a-z0-9]+)*     separator := [_.] | __ | [-]+
/// tag            := [\w][\w.-]{0,127}
/// digest         := algorithm ':' [0-9a-fA-F]{32,}       algorithm := [A-Za-z][A-Za-z0-9]* ([-_+.][A-Za-z][A-Za-z0-9]*)*
/// </code>
/// https://github.com/distribution/reference/blob/main/regexp.go
/// </summary>
internal static class ImageReferenceParser
{
    /// <summary>The encoded length of each digest algorithm go-digest knows (digest.Algorithm.Size() * 2).</summary>
    private static readonly Dictionary<string, int> DigestHexLengths = new(StringComparer.Ordinal)
    {
        ["sha256"] = 64,
        ["sha384"] = 96,
        ["sha512"] = 128,
    };

    public static (ImageReference? Reference, ImageReferenceError? Error) Parse(string s)
    {
        if (s.Length == 0)
        {
            return Fail(0, 0, "the image reference is empty", ImageReferenceErrorKind.Empty);
        }

        if (SchemeLength(s) is > 0 and var schemeLength)
        {
            // "https://mcr.microsoft.com/azureml/base": docker pull takes no URL.
            return Fail(0, schemeLength, $"an image reference is not a URL: drop '{s[..schemeLength]}'", ImageReferenceErrorKind.UrlScheme);
        }

        if (CheckCharacters(s) is { } characterError)
        {
            return (null, characterError);
        }

        if (s.Length == 64 && s.All(IsLowerHex))
        {
            // normalize.go ParseNormalizedNamed: a bare 64-hex string is an image ID.
            return Fail(0, s.Length, "a 64-character hexadecimal string is an image ID, not a repository name", ImageReferenceErrorKind.HexadecimalName);
        }

        var at = s.IndexOf('@', StringComparison.Ordinal);
        var nameTagEnd = at < 0 ? s.Length : at;

        // The tag's ':' is the first one after the last '/' of the name part (a registry port's ':' comes before it).
        var lastSlash = nameTagEnd == 0 ? -1 : s.LastIndexOf('/', nameTagEnd - 1);
        var colon = s.IndexOf(':', lastSlash + 1, nameTagEnd - lastSlash - 1);
        var nameEnd = colon >= 0 ? colon : nameTagEnd;
        if (nameEnd == 0)
        {
            return Fail(0, 1, $"'{s[0]}' cannot start an image reference: the repository name comes first", ImageReferenceErrorKind.MissingName);
        }

        var (domain, pathStart, nameError) = ParseName(s, nameEnd);
        if (nameError is not null)
        {
            return (null, nameError);
        }

        TextSpan? tag = null;
        if (colon >= 0)
        {
            if (TagError(s, colon, nameTagEnd) is { } tagError)
            {
                return (null, tagError);
            }

            tag = TextSpan.FromBounds(colon + 1, nameTagEnd);
        }

        TextSpan? digest = null;
        if (at >= 0)
        {
            if (DigestError(s, at) is { } digestError)
            {
                return (null, digestError);
            }

            digest = TextSpan.FromBounds(at + 1, s.Length);
        }

        if (nameEnd > ImageReference.NameTotalLengthMax)
        {
            return Fail(0, nameEnd, $"the repository name is {nameEnd} characters long, more than the {ImageReference.NameTotalLengthMax} allowed", ImageReferenceErrorKind.NameTooLong);
        }

        if (digest is { } d && DigestAlgorithmError(s, d) is { } algorithmError)
        {
            return (null, algorithmError);
        }

        return (new ImageReference(s, domain, TextSpan.FromBounds(pathStart, nameEnd), tag, digest), null);
    }

    /// <summary>Characters that no part of a reference may hold; the three common ones get their own message.</summary>
    private static ImageReferenceError? CheckCharacters(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                return new(i, 1, "a backslash '\\' is not allowed (path components are separated by '/')", ImageReferenceErrorKind.Backslash);
            }

            if (char.IsWhiteSpace(c))
            {
                return new(i, 1, "an image reference cannot contain spaces or other blanks", ImageReferenceErrorKind.Whitespace);
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '/' or ':' or '@' or '[' or ']' or '+'))
            {
                return new(i, 1, $"{Show(c)} is not allowed in an image reference", ImageReferenceErrorKind.InvalidCharacter);
            }
        }

        return null;
    }

    /// <summary>
    /// The name s[0, nameEnd). As in the regex, a registry is only possible before the first '/'; following
    /// normalize.go's <c>splitDockerDomain</c>, that part is taken as the registry when it holds '.' or ':' or is
    /// <c>localhost</c>; otherwise it is the first path component (a Docker Hub namespace).
    /// </summary>
    /// <remarks>
    /// One deliberate difference: splitDockerDomain also takes a first part with upper case (<c>MyUser/app</c>) as a
    /// registry host, which then fails to resolve at pull time. Such a part is read here as a path component, so the
    /// mistake is reported as what it almost always is: an upper-case repository name.
    /// </remarks>
    private static (TextSpan? Domain, int PathStart, ImageReferenceError? Error) ParseName(string s, int nameEnd)
    {
        var firstSlash = s.IndexOf('/', 0, nameEnd);
        if (firstSlash > 0)
        {
            var first = s.AsSpan(0, firstSlash);
            var looksLikeRegistry = first.IndexOfAny(".:[") >= 0 || first.SequenceEqual("localhost");
            var domainError = DomainError(s, 0, firstSlash);
            if (domainError is null && looksLikeRegistry)
            {
                var remoteError = PathError(s, firstSlash + 1, nameEnd);
                return (remoteError is null ? new TextSpan(0, firstSlash) : null, firstSlash + 1, remoteError);
            }

            var pathError = PathError(s, 0, nameEnd);
            if (pathError is not null && domainError is not null && first.IndexOfAny(".:[") >= 0 && domainError.Offset < firstSlash &&
                (pathError.Offset < firstSlash || pathError.Kind != domainError.Kind))
            {
                // "my_registry:5000/app": it was meant as a registry, so say what is wrong with it as one.
                return (null, 0, pathError.Offset >= firstSlash ? pathError : domainError);
            }

            return (null, 0, pathError);
        }

        return (null, 0, PathError(s, 0, nameEnd));
    }

    /// <summary>path-component ('/' path-component)* over s[start, end).</summary>
    private static ImageReferenceError? PathError(string s, int start, int end)
    {
        if (start == end)
        {
            return new(start - 1, 1, "the name ends with '/' and no repository follows", ImageReferenceErrorKind.EmptyPathComponent);
        }

        var i = start;
        while (true)
        {
            // One path component starts here.
            if (i == end || s[i] == '/')
            {
                var slash = i == end ? i - 1 : i;
                var message = i == start ? "the name starts with '/'" : i == end ? "the name ends with '/'" : "empty path component ('//')";
                return new(slash, 1, message, ImageReferenceErrorKind.EmptyPathComponent);
            }

            if (!IsLowerAlphanumeric(s[i]))
            {
                return ComponentCharacterError(s, i, atStart: true);
            }

            while (i < end && s[i] != '/')
            {
                var c = s[i];
                if (IsLowerAlphanumeric(c))
                {
                    i++;
                    continue;
                }

                if (c is not ('.' or '_' or '-'))
                {
                    return ComponentCharacterError(s, i, atStart: false);
                }

                var separatorStart = i;
                while (i < end && s[i] is '.' or '_' or '-')
                {
                    i++;
                }

                var separator = s[separatorStart..i];
                if (!(separator is "." or "_" or "__" || separator.All(ch => ch == '-')))
                {
                    return new(separatorStart, separator.Length,
                        $"'{separator}' is not a valid separator in a repository name (use one '.', one or two '_', or dashes)",
                        ImageReferenceErrorKind.InvalidSeparator);
                }

                if (i == end || s[i] == '/')
                {
                    return new(separatorStart, separator.Length,
                        $"a path component cannot end with '{separator}'", ImageReferenceErrorKind.InvalidSeparator);
                }

                if (!IsLowerAlphanumeric(s[i]))
                {
                    return ComponentCharacterError(s, i, atStart: false);
                }
            }

            if (i == end)
            {
                return null;
            }

            i++; // past '/'
        }
    }

    private static ImageReferenceError ComponentCharacterError(string s, int i, bool atStart)
    {
        var c = s[i];
        if (char.IsAsciiLetterUpper(c))
        {
            return new(i, 1, "the repository name must be lowercase", ImageReferenceErrorKind.Uppercase);
        }

        if (atStart && c is '.' or '_' or '-')
        {
            return new(i, 1, $"a path component cannot start with '{c}'", ImageReferenceErrorKind.InvalidSeparator);
        }

        return new(i, 1, $"{Show(c)} is not allowed in a repository name", ImageReferenceErrorKind.InvalidCharacter);
    }

    /// <summary>(domain-name | '[' ipv6 ']') [':' port] over s[start, end); null when valid.</summary>
    private static ImageReferenceError? DomainError(string s, int start, int end)
    {
        var i = start;
        if (s[i] == '[')
        {
            var close = s.IndexOf(']', i, end - i);
            if (close < 0)
            {
                return new(i, end - i, "an IPv6 registry address needs its closing ']'", ImageReferenceErrorKind.InvalidRegistry);
            }

            for (var k = i + 1; k < close; k++)
            {
                if (!char.IsAsciiHexDigit(s[k]) && s[k] != ':')
                {
                    return new(k, 1, $"{Show(s[k])} is not allowed in an IPv6 registry address", ImageReferenceErrorKind.InvalidRegistry);
                }
            }

            if (close == i + 1)
            {
                return new(i, 2, "the IPv6 registry address is empty", ImageReferenceErrorKind.InvalidRegistry);
            }

            i = close + 1;
        }
        else
        {
            while (true)
            {
                if (i == end || !char.IsAsciiLetterOrDigit(s[i]))
                {
                    var at = Math.Min(i, end - 1);
                    return new(at, 1, i == end || s[i] is '.' or ':' ? "empty label in the registry host name" : $"a registry host name label cannot start with {Show(s[i])}",
                        ImageReferenceErrorKind.InvalidRegistry);
                }

                while (i < end && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-'))
                {
                    i++;
                }

                if (s[i - 1] == '-')
                {
                    return new(i - 1, 1, "a registry host name label cannot end with '-'", ImageReferenceErrorKind.InvalidRegistry);
                }

                if (i < end && s[i] == '.')
                {
                    i++;
                    continue;
                }

                break;
            }
        }

        if (i < end && s[i] == ':')
        {
            var portStart = ++i;
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == portStart && i == end)
            {
                return new(portStart - 1, 1, "the registry's ':' must be followed by a port number", ImageReferenceErrorKind.InvalidRegistry);
            }

            if (i < end)
            {
                return new(i, 1, $"the registry port may only hold digits, not {Show(s[i])}", ImageReferenceErrorKind.InvalidRegistry);
            }
        }

        return i < end
            ? new(i, 1, $"{Show(s[i])} is not allowed in a registry host name", ImageReferenceErrorKind.InvalidRegistry)
            : null;
    }

    /// <summary>The tag after the ':' at <paramref name="colon"/>, up to <paramref name="end"/>: <c>[\w][\w.-]{0,127}</c>.</summary>
    private static ImageReferenceError? TagError(string s, int colon, int end)
    {
        var start = colon + 1;
        if (start == end)
        {
            return new(colon, 1, "':' is not followed by a tag", ImageReferenceErrorKind.EmptyTag);
        }

        if (!IsWord(s[start]))
        {
            return new(start, 1, $"a tag must start with a letter, a digit or '_', not {Show(s[start])}", ImageReferenceErrorKind.InvalidTag);
        }

        for (var i = start + 1; i < end; i++)
        {
            if (!IsWord(s[i]) && s[i] is not ('.' or '-'))
            {
                return new(i, 1, $"{Show(s[i])} is not allowed in a tag (letters, digits, '_', '.' and '-' are)", ImageReferenceErrorKind.InvalidTag);
            }
        }

        return end - start > ImageReference.TagMaxLength
            ? new(start, end - start, $"the tag is {end - start} characters long, more than the {ImageReference.TagMaxLength} allowed", ImageReferenceErrorKind.TagTooLong)
            : null;
    }

    /// <summary>The digest after the '@' at <paramref name="at"/>: the shape of digestPat.</summary>
    private static ImageReferenceError? DigestError(string s, int at)
    {
        var start = at + 1;
        var end = s.Length;
        if (start == end)
        {
            return new(at, 1, "'@' is not followed by a digest", ImageReferenceErrorKind.InvalidDigest);
        }

        var colon = s.IndexOf(':', start);
        if (colon < 0)
        {
            return new(start, end - start, "a digest is written 'algorithm:hex', e.g. 'sha256:' and 64 hexadecimal digits", ImageReferenceErrorKind.InvalidDigest);
        }

        // algorithm := component ([-_+.] component)*, component := [A-Za-z][A-Za-z0-9]*
        var i = start;
        while (true)
        {
            if (i == colon || !char.IsAsciiLetter(s[i]))
            {
                var bad = Math.Min(i, colon);
                return new(bad, 1, bad == colon ? "the digest algorithm is missing or ends with a separator" : $"{Show(s[bad])} cannot start a digest algorithm name",
                    ImageReferenceErrorKind.InvalidDigest);
            }

            while (i < colon && char.IsAsciiLetterOrDigit(s[i]))
            {
                i++;
            }

            if (i == colon)
            {
                break;
            }

            if (s[i] is not ('-' or '_' or '+' or '.'))
            {
                return new(i, 1, $"{Show(s[i])} is not allowed in a digest algorithm name", ImageReferenceErrorKind.InvalidDigest);
            }

            i++;
        }

        for (var k = colon + 1; k < end; k++)
        {
            if (!char.IsAsciiHexDigit(s[k]))
            {
                return new(k, 1, $"{Show(s[k])} is not a hexadecimal digit", ImageReferenceErrorKind.InvalidDigest);
            }
        }

        var hexLength = end - colon - 1;
        return hexLength < 32
            ? new(start, end - start, $"the digest has {hexLength} hexadecimal digits, fewer than the 32 any digest has", ImageReferenceErrorKind.InvalidDigest)
            : null;
    }

    /// <summary>go-digest's <c>Validate</c>: a known algorithm, and exactly its number of lower-case hex digits.</summary>
    private static ImageReferenceError? DigestAlgorithmError(string s, TextSpan digest)
    {
        var colon = s.IndexOf(':', digest.Offset);
        var algorithm = s[digest.Offset..colon];
        if (!DigestHexLengths.TryGetValue(algorithm, out var expected))
        {
            return new(digest.Offset, algorithm.Length,
                $"'{algorithm}' is not a supported digest algorithm (sha256, sha384 and sha512 are)", ImageReferenceErrorKind.UnsupportedDigestAlgorithm);
        }

        var hexLength = digest.End - colon - 1;
        if (hexLength != expected)
        {
            return new(digest.Offset, digest.Length,
                $"a {algorithm} digest has {expected} hexadecimal digits, this one has {hexLength}", ImageReferenceErrorKind.InvalidDigest);
        }

        for (var k = colon + 1; k < digest.End; k++)
        {
            if (!IsLowerHex(s[k]))
            {
                return new(k, 1, $"a {algorithm} digest is written in lower-case hexadecimal", ImageReferenceErrorKind.InvalidDigest);
            }
        }

        return null;
    }

    /// <summary>The length of a leading <c>scheme://</c> (letters, then "://"), or 0.</summary>
    private static int SchemeLength(string s)
    {
        var i = 0;
        while (i < s.Length && i < 16 && char.IsAsciiLetter(s[i]))
        {
            i++;
        }

        return i > 0 && s.AsSpan(i).StartsWith("://", StringComparison.Ordinal) ? i + 3 : 0;
    }

    private static (ImageReference?, ImageReferenceError?) Fail(int offset, int length, string message, ImageReferenceErrorKind kind) =>
        (null, new ImageReferenceError(offset, length, message, kind));

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    /// <summary>Go's <c>\w</c>: ASCII letters, digits and '_'.</summary>
    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string Show(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
