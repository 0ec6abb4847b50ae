using System.IO.Compression;
using System.Xml.Linq;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// The .NET tool as a user gets it: `dotnet pack` as the release packs it (RID-specific Native AOT packages),
/// `dotnet tool install --tool-path ... --add-source ...`, then the installed command. Packed for this machine's RID
/// only (the release packs four; the mechanism is the same), into a build folder outside the repository that is
/// kept between runs.
/// </summary>
[Category("Delivery")]
public sealed class ToolPackageTests
{
    private static readonly string Work = Shipped.WorkFolder("tool");

    [Test]
    public void The_packed_tool_installs_reports_the_version_and_checks_the_examples()
    {
        var rid = ExternalProcess.HostRid;
        if (rid is null)
        {
            Assert.Ignore("the tests pack the linux-x64 or linux-arm64 tool package");
        }

        var nupkg = Path.Combine(Work, "nupkg");
        var tools = Path.Combine(Work, "tools");
        foreach (var dir in new[] { nupkg, tools })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        // As the release does on each platform's runner: the native package for this machine, then the pointer package.
        var packRid = ExternalProcess.Run(ExternalProcess.Dotnet, Shipped.Root,
            "pack", "src/PipelineGuard.Cli/PipelineGuard.Cli.csproj", "-c", "Release", "-o", nupkg, "-r", rid,
            "-p:RidToolPackages=true", $"-p:RuntimeIdentifiers={rid}", "--artifacts-path", Path.Combine(Work, "artifacts"), "-nologo");
        Assert.That(packRid.Code, Is.Zero, packRid.Describe());
        var pack = ExternalProcess.Run(ExternalProcess.Dotnet, Shipped.Root,
            "pack", "src/PipelineGuard.Cli/PipelineGuard.Cli.csproj", "-c", "Release", "-o", nupkg,
            "-p:RidToolPackages=true", $"-p:RuntimeIdentifiers={rid}", "--artifacts-path", Path.Combine(Work, "artifacts"), "-nologo");
        Assert.That(pack.Code, Is.Zero, pack.Describe());

        var version = Shipped.Version;
        var pointer = Path.Combine(nupkg, $"{Shipped.NuGetId}.{version}.nupkg");
        var ridPackage = Path.Combine(nupkg, $"{Shipped.NuGetId}.{rid}.{version}.nupkg");
        Assert.That(File.Exists(pointer) && File.Exists(ridPackage), Is.True, string.Join(", ", Directory.GetFiles(nupkg).Select(Path.GetFileName)));

        var install = ExternalProcess.Run(ExternalProcess.Dotnet, Work,
            "tool", "install", "--tool-path", tools, "--add-source", nupkg, Shipped.NuGetId, "--version", version);
        Assert.That(install.Code, Is.Zero, install.Describe());

        var command = Path.Combine(tools, "pipelineguard");
        var printed = ExternalProcess.Run(command, Work, "--version");
        var check = ExternalProcess.Run(command, Shipped.Root, "check", "examples", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(printed.Stdout.Trim(), Is.EqualTo($"pipelineguard {version}"), printed.Describe());
            Assert.That(check.Code, Is.EqualTo(1), "examples/ has errors: " + check.Describe());
            Assert.That(check.Stdout, Does.Contain("\"PG103\""));
            Assert.That(Entries(ridPackage).Where(e => e.EndsWith("/pipelineguard", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1), "the native executable");
            Assert.That(Entries(ridPackage).Where(e => e.EndsWith(".dll", StringComparison.Ordinal)), Is.Empty, "no assemblies: the package holds the Native AOT executable");
        });
    }

    [Test]
    public void The_package_describes_itself()
    {
        // The metadata a user sees on nuget.org, read from the project as `dotnet pack` writes it.
        var project = XDocument.Load(Path.Combine(Shipped.Root, "src", "PipelineGuard.Cli", "PipelineGuard.Cli.csproj"));
        var props = XDocument.Load(Path.Combine(Shipped.Root, "Directory.Build.props"));
        string Property(string name) =>
            project.Descendants(name).Concat(props.Descendants(name)).Select(e => e.Value).FirstOrDefault() ?? string.Empty;

        Assert.Multiple(() =>
        {
            Assert.That(Property("PackageId"), Is.EqualTo(Shipped.NuGetId));
            Assert.That(Property("ToolCommandName"), Is.EqualTo("pipelineguard"));
            Assert.That(Property("Description"), Is.Not.Empty.And.Not.EqualTo("Package Description"));
            Assert.That(Property("PackageLicenseExpression"), Is.EqualTo("MIT"));
            Assert.That(Property("PackageProjectUrl"), Is.EqualTo($"https://github.com/{Shipped.Repository}"));
            Assert.That(Property("RepositoryUrl"), Is.EqualTo($"https://github.com/{Shipped.Repository}"));
            Assert.That(Property("PackageReadmeFile"), Is.EqualTo("README.md"));
            Assert.That(Property("PackageTags"), Does.Contain("azure-ml"));
            Assert.That(Property("PublishRepositoryUrl"), Is.EqualTo("true"), "SourceLink");
            Assert.That(Property("ToolPackageRuntimeIdentifiers"), Is.Not.Empty, "RID-specific Native AOT tool packages");
            Assert.That(File.ReadAllText(Path.Combine(Shipped.Root, "LICENSE")), Does.StartWith("MIT License"));
        });
    }

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }
}
