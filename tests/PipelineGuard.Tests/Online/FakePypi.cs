using System.Net;
using System.Text;
using System.Text.Json;

namespace PipelineGuard.Tests.Online;

/// <summary>One file of a project on the fake index.</summary>
internal sealed record FakeFile(string FileName, string? RequiresPython = null, bool Yanked = false);

/// <summary>
/// A PyPI-like simple index for <see cref="FakeIndexServer"/>: <c>/simple/{name}/</c> answers PEP 691 JSON, or PEP 503
/// HTML when <see cref="HtmlOnly"/> (an index that predates PEP 691) or when the client asks for HTML only; unknown
/// projects are 404.
/// </summary>
internal sealed class FakePypi
{
    public Dictionary<string, List<FakeFile>> Projects { get; } = new(StringComparer.Ordinal);

    public bool HtmlOnly { get; init; }

    public FakePypi With(string name, params FakeFile[] files)
    {
        Projects[name] = [.. files];
        return this;
    }

    public IndexAnswer Answer(IndexRequest request)
    {
        var parts = request.Path.Trim('/').Split('/');
        if (parts.Length != 2 || parts[0] != "simple" || !Projects.TryGetValue(parts[1], out var files))
        {
            return IndexAnswer.NotFound;
        }

        var accept = request.Headers.GetValueOrDefault("Accept") ?? string.Empty;
        return !HtmlOnly && accept.Contains("application/vnd.pypi.simple.v1+json", StringComparison.Ordinal)
            ? new IndexAnswer(200, Json(parts[1], files), "application/vnd.pypi.simple.v1+json")
            : new IndexAnswer(200, Html(parts[1], files), "text/html");
    }

    public static string Json(string name, IEnumerable<FakeFile> files)
    {
        var document = new Dictionary<string, object>
        {
            ["meta"] = new Dictionary<string, string> { ["api-version"] = "1.0" },
            ["name"] = name,
            ["files"] = files.Select(f => new Dictionary<string, object?>
            {
                ["filename"] = f.FileName,
                ["url"] = $"https://files.example/{f.FileName}",
                ["hashes"] = new Dictionary<string, string>(),
                ["requires-python"] = f.RequiresPython,
                ["yanked"] = f.Yanked ? "broken build" : false,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document);
    }

    public static string Html(string name, IEnumerable<FakeFile> files)
    {
        var html = new StringBuilder($"<!DOCTYPE html>\n<html><head><title>Links for {name}</title></head><body><h1>Links for {name}</h1>\n");
        foreach (var f in files)
        {
            var requires = f.RequiresPython is null ? string.Empty : $" data-requires-python=\"{WebUtility.HtmlEncode(f.RequiresPython)}\"";
            var yanked = f.Yanked ? " data-yanked=\"\"" : string.Empty;
            html.Append($"<a href=\"../../files/{f.FileName}#sha256=00\"{requires}{yanked}>{f.FileName}</a><br/>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
