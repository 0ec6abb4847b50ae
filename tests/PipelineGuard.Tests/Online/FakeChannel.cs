using System.Text.Json;

namespace PipelineGuard.Tests.Online;

/// <summary>
/// A conda channel for <see cref="FakeIndexServer"/> under <c>/conda/{channel}/{subdir}/(current_)repodata.json</c>.
/// Packages are (name, version, subdir); current_repodata holds only each name's newest version, as conda's does.
/// </summary>
internal sealed class FakeChannel(string name)
{
    private readonly List<(string Name, string Version, string Subdir)> _packages = [];

    public string Name { get; } = name;

    public FakeChannel With(string package, string version, string subdir = "linux-64")
    {
        _packages.Add((package, version, subdir));
        return this;
    }

    public IndexAnswer? Answer(IndexRequest request)
    {
        var parts = request.Path.Trim('/').Split('/');
        if (parts.Length != 4 || parts[0] != "conda" || parts[1] != Name || parts[3] is not ("repodata.json" or "current_repodata.json"))
        {
            return null;
        }

        var packages = _packages.Where(p => p.Subdir == parts[2]).ToList();
        if (parts[3] == "current_repodata.json")
        {
            packages = [.. packages.GroupBy(p => p.Name).Select(g => g.Last())];
        }

        var document = new Dictionary<string, object>
        {
            ["info"] = new Dictionary<string, string> { ["subdir"] = parts[2] },
            ["packages"] = packages.ToDictionary(p => $"{p.Name}-{p.Version}-h0_0.tar.bz2", p => new Dictionary<string, object> { ["name"] = p.Name, ["version"] = p.Version, ["build"] = "h0_0", ["depends"] = Array.Empty<string>() }),
            ["packages.conda"] = new Dictionary<string, object>(),
        };
        return new IndexAnswer(200, JsonSerializer.Serialize(document), "application/json");
    }
}
