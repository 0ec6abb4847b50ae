using System.Reflection;
using NetArchTest.Rules;
using PipelineGuard.Model;

namespace PipelineGuard.Tests.Layering;

/// <summary>
/// The namespaces of the core library form layers that only look down (docs/architecture.md). A type may use its own
/// namespace and the layers below it, never a sibling of its layer or a layer above: so there is no cycle between
/// namespaces, and nothing below the engine knows the configuration, the reporters or the command line.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "PipelineGuard.";

    /// <summary>Lowest first. Namespaces of one row are siblings: neither may use the other.</summary>
    private static readonly string[][] Layers =
    [
        ["Model"],
        ["Versioning", "IO"],
        ["Documents"],
        ["Environments"],
        ["BuildLogs", "Analysis"],
        ["Rules", "Discovery"],
        ["Diagnosis"],
        ["Reporting", "Configuration"],
        ["Engine"],
    ];

    private static readonly Assembly Core = typeof(Finding).Assembly;

    private static IEnumerable<TestCaseData> Namespaces() =>
        Layers.SelectMany((row, level) => row.Select(ns => new TestCaseData(ns, level).SetName($"{ns}_uses_only_the_layers_below_it")));

    [TestCaseSource(nameof(Namespaces))]
    public void A_namespace_uses_only_the_layers_below_it(string ns, int level)
    {
        var forbidden = Layers.Skip(level).SelectMany(row => row).Where(other => other != ns).Select(other => Root + other).ToArray();
        var result = Types.InAssembly(Core).That().ResideInNamespace(Root + ns).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty,
            $"{ns} may use only {string.Join(", ", Layers.Take(level).SelectMany(r => r))}; these types reach {string.Join(" or ", forbidden)}");
    }

    [Test]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        var placed = Layers.SelectMany(row => row).ToHashSet(StringComparer.Ordinal);
        var namespaces = Core.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(Root, StringComparison.Ordinal))
            .Select(n => n[Root.Length..].Split('.')[0]).Distinct().Where(n => !placed.Contains(n)).Order().ToList();
        Assert.That(namespaces, Is.Empty, "add each new namespace to a row of Layers (and to docs/architecture.md)");
    }

    [Test]
    public void The_library_knows_neither_GitHub_nor_the_command_line()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("Octokit", "CommandLine").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }
}
