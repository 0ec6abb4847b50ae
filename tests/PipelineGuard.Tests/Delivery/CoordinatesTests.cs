using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// What users copy must match what the release publishes. One version (Directory.Build.props) and one set of
/// coordinates (docs/install.md: repository pipelineguard/pipelineguard, image ghcr.io/pipelineguard/pipelineguard,
/// NuGet PipelineGuard) across the README, action.yml, docs/ci, the Azure template and the pre-commit hooks; the
/// action's inputs, its entry point and their documentation name the same things; the workflows stay pinned.
/// </summary>
public sealed partial class CoordinatesTests
{
    /// <summary>Files a user copies coordinates from.</summary>
    private static readonly string[] UserFacing =
    [
        "README.md", "action.yml", "action/entrypoint.sh", "action/azure-pipelines/pipelineguard.yml", ".pre-commit-hooks.yaml",
        "docs/install.md", "docs/releasing.md", "docs/ci/github.md", "docs/ci/github-api.md", "docs/ci/azure-pipelines.md", "docs/ci/pre-commit.md",
        "SECURITY.md", "Dockerfile", ".github/workflows/ci.yml", ".github/workflows/release.yml",
    ];

    private static IEnumerable<(string File, string Text)> UserFacingTexts() => UserFacing.Select(f => (f, Shipped.Read(f)));

    [Test]
    public void Every_image_reference_is_the_one_image_at_a_tag_the_release_pushes()
    {
        var version = Shipped.Version;
        var parts = version.Split('.');
        var tags = new[] { version, $"{parts[0]}.{parts[1]}", parts[0] };
        var references = UserFacingTexts().SelectMany(t => Shipped.ImageReferences(t.Text).Select(r => (t.File, Reference: r))).ToList();
        Assert.That(references.Select(r => r.File), Does.Contain("README.md").And.Contain("action.yml").And.Contain(".pre-commit-hooks.yaml")
            .And.Contain("action/azure-pipelines/pipelineguard.yml").And.Contain("docs/ci/azure-pipelines.md"));
        Assert.Multiple(() =>
        {
            foreach (var (file, reference) in references)
            {
                var (image, tag) = reference.Contains(':', StringComparison.Ordinal) ? (reference[..reference.IndexOf(':', StringComparison.Ordinal)], reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..]) : (reference, string.Empty);
                Assert.That(image, Is.EqualTo(Shipped.Image), $"{file}: {reference}");
                if (!tag.StartsWith('$'))
                {
                    // A literal tag; a $variable is computed from the version by the script around it.
                    Assert.That(tag == string.Empty ? tags[0] : tag, Is.AnyOf(tags), $"{file}: {reference} (the version is {version})");
                }
            }

            Assert.That(Shipped.ActionImage(), Is.EqualTo(Shipped.PinnedImage), "action.yml pins the full version");
            Assert.That(AzureTemplate().At("parameters") is YamlSequenceNode p && p.Children.OfType<YamlMappingNode>()
                .Single(n => n.At("name").Text() == "image").At("default").Text() == Shipped.PinnedImage, Is.True, "the Azure template's image default");
            Assert.That(Shipped.Read(".pre-commit-hooks.yaml"), Does.Contain($" {Shipped.PinnedImage} "), "the docker_image hook");
        });
    }

    [Test]
    public void Every_action_reference_and_hook_revision_names_this_repository_at_a_released_tag()
    {
        var version = Shipped.Version;
        Assert.Multiple(() =>
        {
            foreach (var (file, text) in UserFacingTexts())
            {
                foreach (Match use in ActionUse().Matches(text))
                {
                    Assert.That(use.Groups["repo"].Value, Is.EqualTo(Shipped.Repository), $"{file}: {use.Value}");
                    Assert.That(use.Groups["ref"].Value, Is.AnyOf(Shipped.MajorTag, $"v{version}"), $"{file}: {use.Value}");
                }

                foreach (Match url in GitHubUrl().Matches(text))
                {
                    Assert.That(url.Groups["repo"].Value, Is.EqualTo(Shipped.Repository), $"{file}: {url.Value}");
                }

                foreach (Match rev in HookRevision().Matches(text))
                {
                    Assert.That(rev.Groups["rev"].Value, Is.EqualTo($"v{version}"), $"{file}: {rev.Value}");
                }
            }

            Assert.That(Shipped.Read("README.md"), Does.Contain($"uses: {Shipped.Repository}@{Shipped.MajorTag}")
                .And.Contain($"dotnet tool install -g {Shipped.NuGetId}")
                .And.Contain($"pipelineguard-{version}-linux-x64.tar.gz"));
            Assert.That(Shipped.Read("docs/install.md"), Does.Contain($"| GitHub repository | `{Shipped.Repository}` |")
                .And.Contain($"| Image | `{Shipped.Image}` |").And.Contain($"| NuGet package | `{Shipped.NuGetId}` |"));
            Assert.That(Shipped.Read("CHANGELOG.md"), Does.Contain($"## [{version}] - "), "the release notes come from this section");
        });
    }

    [Test]
    public void The_action_inputs_the_entry_point_and_docs_ci_github_agree()
    {
        var action = Shipped.Yaml("action.yml");
        var inputs = ((YamlMappingNode)action.At("inputs")).Children.Keys.Select(k => k.ToString()).ToList();
        var outputs = ((YamlMappingNode)action.At("outputs")).Children.Keys.Select(k => k.ToString()).ToList();
        var read = EntryPointInput().Matches(Shipped.Read("action/entrypoint.sh")).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();
        var docs = Shipped.Read("docs/ci/github.md");
        var documented = TableFirstColumn(docs, "## Inputs");
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EquivalentTo(inputs), "every input is read by action/entrypoint.sh, and nothing else");
            Assert.That(documented, Is.EqualTo(inputs), "docs/ci/github.md's Inputs table, in action.yml's order");
            foreach (var output in outputs)
            {
                Assert.That(docs, Does.Contain($"`{output}`"), $"output {output} is documented");
            }

            foreach (var input in inputs.Where(i => i != "github-token"))
            {
                Assert.That(((YamlMappingNode)action.At("inputs", input)).Children.ContainsKey(new YamlScalarNode("default")), Is.False,
                    $"{input}: an input the configuration file can also set has no default (an empty input is unset)");
            }
        });
    }

    [Test]
    public void The_Azure_template_parameters_and_docs_ci_azure_pipelines_agree()
    {
        var parameters = ((YamlSequenceNode)AzureTemplate().At("parameters")).Children.Select(p => p.At("name").Text()).ToList();
        var documented = TableFirstColumn(Shipped.Read("docs/ci/azure-pipelines.md"), "## Template parameters");
        Assert.That(documented, Is.EqualTo(parameters), "docs/ci/azure-pipelines.md's parameter table, in the template's order");
    }

    [Test]
    public void The_workflows_pin_their_actions_and_limit_permissions_and_concurrency()
    {
        Assert.Multiple(() =>
        {
            foreach (var file in new[] { ".github/workflows/ci.yml", ".github/workflows/release.yml", ".github/workflows/fuzz.yml" })
            {
                var text = Shipped.Read(file);
                var workflow = Shipped.Yaml(file);
                Assert.That(workflow.Children.ContainsKey(new YamlScalarNode("permissions")), Is.True, $"{file}: top-level permissions");
                Assert.That(workflow.At("permissions").At("contents").Text(), Is.EqualTo("read"), $"{file}: read-only by default");
                Assert.That(workflow.Children.ContainsKey(new YamlScalarNode("concurrency")), Is.True, $"{file}: concurrency");
                foreach (Match use in WorkflowUse().Matches(text))
                {
                    var target = use.Groups[1].Value;
                    Assert.That(target == "./" || PinnedRef().IsMatch(target), Is.True, $"{file}: {target} is not pinned to a full version or commit");
                }
            }
        });
    }

    [Test]
    public void The_shipped_files_stand_alone()
    {
        Assert.Multiple(() =>
        {
            foreach (var (file, text) in UserFacingTexts())
            {
                // Spelled in two parts so that this test is not itself a citation.
                Assert.That(text, Does.Not.Contain("PRODUCT" + ".md").And.Not.Contain("shared" + "/").And.Not.Contain("ARCHITECTURE" + ".md"), file);
            }
        });
    }

    private static YamlMappingNode AzureTemplate() => Shipped.Yaml("action/azure-pipelines/pipelineguard.yml");

    /// <summary>The backticked first cells of the first Markdown table after a heading.</summary>
    private static List<string> TableFirstColumn(string markdown, string heading) =>
        markdown[markdown.IndexOf(heading, StringComparison.Ordinal)..].Split('\n')
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'))
            .Select(l => Regex.Match(l, @"^\| `([^`]+)` \|")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"uses: (?<repo>[A-Za-z0-9_.-]+/pipelineguard)@(?<ref>[A-Za-z0-9_.-]+)")]
    private static partial Regex ActionUse();

    [GeneratedRegex(@"github\.com/(?<repo>[A-Za-z0-9_.-]+/pipelineguard)\b")]
    private static partial Regex GitHubUrl();

    [GeneratedRegex(@"rev: (?<rev>v[0-9][0-9A-Za-z.-]*)")]
    private static partial Regex HookRevision();

    [GeneratedRegex(@"\binput ([A-Z][A-Z-]*)\)")]
    private static partial Regex EntryPointInput();

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex WorkflowUse();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")]
    private static partial Regex PinnedRef();
}
