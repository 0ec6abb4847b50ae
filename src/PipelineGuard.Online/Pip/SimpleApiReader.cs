using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PipelineGuard.Online.Pip;

/// <summary>
/// Reads a project page of a simple repository: the JSON form of PEP 691 (<c>application/vnd.pypi.simple.v1+json</c>)
/// or, from indexes that only speak it, the HTML of PEP 503 with PEP 592's <c>data-yanked</c> and PEP 503's
/// <c>data-requires-python</c>. Never throws: a page it cannot read is null (the lookup is then "not verified").
/// </summary>
internal static partial class SimpleApiReader
{
    /// <summary>What to ask for: JSON first, HTML as the fallback (PEP 691 "Content negotiation").</summary>
    public const string Accept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    public static ProjectPage? Read(string name, string body, string? contentType)
    {
        var json = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('{');
        return json ? ReadJson(name, body) : ReadHtml(name, body);
    }

    private static ProjectPage? ReadJson(string name, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<DistributionFile>();
            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind != JsonValueKind.Object || !file.TryGetProperty("filename", out var fileName) || fileName.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var requires = file.TryGetProperty("requires-python", out var rp) && rp.ValueKind == JsonValueKind.String ? rp.GetString() : null;
                // "yanked" is false, true, or a reason string (which means yanked).
                var yanked = file.TryGetProperty("yanked", out var y) && (y.ValueKind == JsonValueKind.True || y.ValueKind == JsonValueKind.String);
                list.Add(new DistributionFile(fileName.GetString()!, string.IsNullOrWhiteSpace(requires) ? null : requires, yanked));
            }

            return new ProjectPage(name, list);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProjectPage? ReadHtml(string name, string body)
    {
        // A page without markup (an empty 200, a proxy's plain-text error) is no answer: "no files" would be a false error.
        if (!body.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var list = new List<DistributionFile>();
        foreach (Match anchor in Anchor().Matches(body))
        {
            var attributes = anchor.Groups["attrs"].Value;
            var text = WebUtility.HtmlDecode(anchor.Groups["text"].Value).Trim();
            var href = Attribute(attributes, "href");
            var fileName = text.Length > 0 ? text : href is null ? string.Empty : Uri.UnescapeDataString(FileNameOf(href));
            if (fileName.Length == 0)
            {
                continue;
            }

            var requires = Attribute(attributes, "data-requires-python");
            list.Add(new DistributionFile(fileName, string.IsNullOrWhiteSpace(requires) ? null : requires, Attribute(attributes, "data-yanked") is not null));
        }

        return new ProjectPage(name, list);
    }

    private static string FileNameOf(string href)
    {
        var end = href.IndexOfAny(['#', '?']);
        var path = end < 0 ? href : href[..end];
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>An attribute's decoded value (an empty <c>data-yanked</c> still means yanked), or null when absent.</summary>
    private static string? Attribute(string attributes, string name)
    {
        foreach (Match match in AttributePattern().Matches(attributes))
        {
            if (match.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = match.Groups["dq"].Success ? match.Groups["dq"].Value : match.Groups["sq"].Success ? match.Groups["sq"].Value : match.Groups["bare"].Value;
                return WebUtility.HtmlDecode(value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"<a\b(?<attrs>[^>]*)>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"(?<name>[\w:-]+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s""'>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();
}
