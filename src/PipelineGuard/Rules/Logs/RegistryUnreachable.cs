using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG310: a registry or index that cannot be reached or has no such repository: Docker's <c>no such host</c> and
/// <c>pull access denied … repository does not exist</c>, Azure ML's <c>Unable to resolve Container Registry</c> and
/// <c>ImageBuildComputeNotValid</c>, and an index's 404 (pip's <c>Could not fetch URL …: 404</c>, <c>HTTP error 404</c>).
/// </summary>
internal sealed class RegistryUnreachable : LogRule
{
    public static readonly RuleInfo Rule = new("PG310", "registry-unreachable", Severity.Error,
        "A registry could not be reached (host not resolved) or the repository does not exist.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.CanFailAlone | LogTraits.ExplainsLookupFailure;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 63, ["Could not fetch URL"], IndexPage),
        new(Families.Pip, 73, ["HTTP error"], Download),
        new(Families.Network, 10, ["no such host"], NoSuchHost) { ReachedThroughTheirLine = ["no such host"] },
        new(Families.Registry, 10, ["ImageBuildComputeNotValid"], BuildCompute) { ReachedThroughTheirLine = ["ImageBuildComputeNotValid"] },
        new(Families.Registry, 20, ["Unable to resolve Container Registry"], PrivateRegistry),
        new(Families.Registry, 30, ["pull access denied", "repository does not exist"], NoRepository) { ReachedThroughTheirLine = ["repository does not exist"] },
    ];

    /// <summary>"Could not fetch URL https://…/simple/x/: 404 Not Found" (PyPI's 404 for a missing project is what PG303 reports).</summary>
    private static bool IndexPage(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Starts(line.Trimmed, "Could not fetch URL") || !(Has(text, ": 404 ") || Has(text, "Not Found") || Has(text, "not found")))
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        if (host is "pypi.org" or "pypi.python.org")
        {
            return true;
        }

        var package = LogText.ProjectOfUrl(url);
        context.Emit(new LogSignal(Rule, LogKinds.IndexNotFound, Strength.Context, line,
            $"the package index answered 404 Not Found for the project page {url}: either the index URL is wrong (check --index-url / --extra-index-url; " +
            $"Azure Artifacts feeds end in /pypi/simple/) or no project '{package}' exists on that index.")
            with { Package = package, Host = host });
        return true;
    }

    private static bool Download(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "HTTP error ") || LogText.IntegerAfter(text, "HTTP error ") != 404)
        {
            return false;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);
        var package = LogText.RequirementName(LogText.After(text, "install requirement ")) ?? LogText.ProjectOfUrl(url);
        context.Emit(new LogSignal(Rule, LogKinds.IndexNotFound, Strength.Decisive, line,
            $"a file of '{package}' that the index lists answered 404 Not Found on {host}: the index is out of date or misconfigured.")
            with { Package = package, Host = host });
        return true;
    }

    private static bool NoSuchHost(LogLine line, LogContext context)
    {
        if (NetworkLine.Quotes(line) || !Has(line.Text, "no such host"))
        {
            return false;
        }

        var network = NetworkLine.Of(line);
        context.Emit(new LogSignal(Rule, LogKinds.HostNotResolved, network.Strength, line,
            $"the build could not resolve the host name {network.Where} (no such host): the name is misspelt, or the build compute's DNS cannot see it " +
            "(a private endpoint whose private DNS zone is not linked to the build's virtual network). Check the registry name and the DNS setup of the build compute.")
            with { Host = network.Host, Package = network.Package });
        return true;
    }

    private static bool BuildCompute(LogLine line, LogContext context)
    {
        if (RegistryLine.BelongsElsewhere(line) || !Has(line.Text, "ImageBuildComputeNotValid"))
        {
            return false;
        }

        context.Emit(new LogSignal(Rule, LogKinds.ImageBuildCompute, Strength.Decisive, line,
            "Azure ML cannot build the image: the workspace's container registry is behind a virtual network, where ACR Tasks cannot build. " +
            "Set the workspace's image build compute to a CPU compute cluster ('az ml workspace update --image-build-compute <cluster>')."));
        return true;
    }

    private static bool PrivateRegistry(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (RegistryLine.BelongsElsewhere(line) || !Has(text, "Unable to resolve Container Registry"))
        {
            return false;
        }

        var registry = LogText.Until(LogText.After(text, "Container Registry:")?.Trim() ?? string.Empty, " ").TrimEnd('.');
        context.Emit(new LogSignal(Rule, LogKinds.HostNotResolved, Strength.Decisive, line,
            $"Azure ML could not resolve the workspace's container registry {registry}: with a private link, the build compute must resolve the registry's " +
            "private DNS name. Link the private DNS zone to the build's virtual network, or use a compute cluster in that network as image build compute.")
            with { Host = registry });
        return true;
    }

    private static bool NoRepository(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (RegistryLine.BelongsElsewhere(line) || !(Has(text, "pull access denied") || Has(text, "repository does not exist")))
        {
            return false;
        }

        var image = LogText.Until(LogText.After(text, "pull access denied for ") ?? string.Empty, ",", " ").Trim();
        context.Emit(new LogSignal(Rule, LogKinds.RepositoryNotFound, Strength.Decisive, line,
            $"Docker could not pull {(image.Length == 0 ? "the base image" : $"'{image}'")}: the repository does not exist, or it is private and the build has no credentials " +
            "(Docker reports both the same way). Check the image path (registry/repository:tag); for a private registry, give the workspace access (a workspace connection or the registry's identity).")
            with { Image = image.Length == 0 ? null : image });
        return true;
    }
}
