using PipelineGuard.Rules.Logs;

namespace PipelineGuard.BuildLogs;

/// <summary>
/// Container registries, workspace storage and Azure ML's own service errors: 401/403 answers, <c>pull access denied</c>,
/// <c>ImageBuildComputeNotValid</c>, <c>Unable to resolve Container Registry</c>. pip's and conda's HTTP lines are left to
/// their own families.
/// </summary>
internal sealed partial class SignatureMatcher
{
    private void MatchRegistry(LogLine line)
    {
        var text = line.Text;
        var trimmed = line.Trimmed;
        if (Starts(trimmed, "Could not fetch URL") || Has(text, "HTTP error ") || Has(text, "CondaHTTPError"))
        {
            return;
        }

        var url = LogText.Url(text);
        var host = LogText.Host(url);

        if (Has(text, "ImageBuildComputeNotValid"))
        {
            Emit(Signal(LogRules.RegistryUnreachable, LogKinds.ImageBuildCompute, Strength.Decisive, line,
                "Azure ML cannot build the image: the workspace's container registry is behind a virtual network, where ACR Tasks cannot build. " +
                "Set the workspace's image build compute to a CPU compute cluster ('az ml workspace update --image-build-compute <cluster>')."));
            return;
        }

        if (Has(text, "Unable to resolve Container Registry"))
        {
            var registry = LogText.Until(LogText.After(text, "Container Registry:")?.Trim() ?? string.Empty, " ").TrimEnd('.');
            Emit(Signal(LogRules.RegistryUnreachable, LogKinds.HostNotResolved, Strength.Decisive, line,
                $"Azure ML could not resolve the workspace's container registry {registry}: with a private link, the build compute must resolve the registry's " +
                "private DNS name. Link the private DNS zone to the build's virtual network, or use a compute cluster in that network as image build compute.")
                with { Host = registry });
            return;
        }

        if (Has(text, "pull access denied") || Has(text, "repository does not exist"))
        {
            var image = LogText.Until(LogText.After(text, "pull access denied for ") ?? string.Empty, ",", " ").Trim();
            Emit(Signal(LogRules.RegistryUnreachable, LogKinds.RepositoryNotFound, Strength.Decisive, line,
                $"Docker could not pull {(image.Length == 0 ? "the base image" : $"'{image}'")}: the repository does not exist, or it is private and the build has no credentials " +
                "(Docker reports both the same way). Check the image path (registry/repository:tag); for a private registry, give the workspace access (a workspace connection or the registry's identity).")
                with { Image = image.Length == 0 ? null : image });
            return;
        }

        var push = PushContext || Has(text, "push");
        if (Has(text, "denied:") && !(Starts(trimmed, "denied:") || Has(text, "denied: requested access") || Has(text, "denied: access")))
        {
            return;
        }

        if (Has(text, "denied:") || Has(text, "nauthorized") || Has(text, "UNAUTHORIZED") || Has(text, "authentication required") || Has(text, "no basic auth credentials"))
        {
            var registry = host ?? RegistryOfRepository(text) ?? (push ? PushTarget : null);
            if (push)
            {
                Emit(Signal(LogRules.ImagePushFailed, LogKinds.PushFailed, Strength.Decisive, line,
                    $"pushing the built image to {registry ?? "the registry"} was refused ({LogText.Clip(trimmed, 100)}): the build's identity may not push there. " +
                    "Retry first (ACR refuses pushes transiently); if it persists, check the workspace identity's AcrPush role and the registry's network rules (private endpoint region).")
                    with { Host = registry });
                return;
            }

            Emit(Signal(LogRules.RegistryUnauthorized, LogKinds.RegistryUnauthorized, Strength.Decisive, line,
                $"the registry {registry ?? "of the base image"} answered 401 Unauthorized: the build has no credentials for it. For a private registry, give the workspace access " +
                "(a workspace connection, or the registry's admin user or identity); check that the image path names the registry only once.")
                with { Host = registry });
            return;
        }

        if (Has(text, "Forbidden") || Has(text, "FORBIDDEN") || Has(text, "not authorized to perform") || Has(text, "AuthenticationFailed") ||
            Has(text, "AuthorizationFailure") || Has(text, "AuthorizationPermissionMismatch"))
        {
            var storage = host is not null && host.EndsWith(".blob.core.windows.net", StringComparison.OrdinalIgnoreCase) || Has(text, "Authorization") || Has(text, "AuthenticationFailed");
            Emit(Signal(LogRules.StorageForbidden, LogKinds.Forbidden, Strength.Decisive, line,
                storage
                    ? $"the workspace storage{(host is null ? string.Empty : $" {host}")} refused the request (403): the storage account is behind a virtual network or firewall that the build compute is outside of, or a SAS token expired. Allow the build compute's network on the storage account, or regenerate the token."
                    : $"{host ?? "a server"} answered 403 Forbidden: the build's identity or network position is not allowed. Check the permissions and the network rules between the build compute and {host ?? "it"}.")
                with { Host = host });
        }
    }

    /// <summary>The registry of <c>The push refers to repository [x.azurecr.io/azureml/…]</c>-like text.</summary>
    private static string? RegistryOfRepository(string text)
    {
        var i = text.IndexOf(".azurecr.io", StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var start = i;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }

        return text[start..(i + ".azurecr.io".Length)];
    }
}
