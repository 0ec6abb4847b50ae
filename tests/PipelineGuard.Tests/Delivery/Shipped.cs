using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// What the repository ships and where it is published, read from the files themselves: the one version
/// (Directory.Build.props), the coordinates (docs/install.md's table), action.yml and the workflows.
/// </summary>
internal static partial class Shipped
{
    public static string Root => Reporting.GoldenFileTests.RepositoryRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Directory.Build.props' &lt;Version&gt;: the single source of the version.</summary>
    public static string Version =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>The moving major tag of the action (v0 for 0.x.y).</summary>
    public static string MajorTag => "v" + Version.Split('.')[0];

    /// <summary>The coordinates, defined once for readers in docs/install.md ("Coordinates") and checked here.</summary>
    public const string Repository = "pipelineguard/pipelineguard";
    public const string Image = "ghcr.io/pipelineguard/pipelineguard";
    public const string NuGetId = "PipelineGuard";

    public static string PinnedImage => $"{Image}:{Version}";

    /// <summary>
    /// A build folder outside the repository (nothing of the work tree is found by accident there), one per
    /// checkout and kept between runs so rebuilds are incremental.
    /// </summary>
    public static string WorkFolder(string kind) =>
        Path.Combine(Path.GetTempPath(), $"pipelineguard-{kind}-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12]);

    public static YamlMappingNode Yaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    /// <summary>The image action.yml runs, without the docker:// prefix.</summary>
    public static string ActionImage()
    {
        var image = Yaml("action.yml").At("runs", "image").Text();
        Assert.That(image, Does.StartWith("docker://"), "a released action runs a prebuilt image (docs/ci/github.md)");
        return image["docker://".Length..];
    }

    /// <summary>Every ghcr.io/... image reference in a text, with its tag.</summary>
    public static IEnumerable<string> ImageReferences(string text) => ImageReference().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"ghcr\.io/[A-Za-z0-9_./-]+(:[A-Za-z0-9_.${}-]+)?")]
    private static partial Regex ImageReference();
}
