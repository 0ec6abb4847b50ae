using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Registry;

/// <summary>
/// PG127: v1 <c>baseImageRegistry</c> has only one of username and password, or several kinds of credentials at
/// once (username/password and <c>registryIdentity</c>). Azure ML refuses it at registration. Guide: "Container
/// registry credentials missing either username or password" (D6), "Multiple credentials for base image registry" (D7).
/// </summary>
internal sealed class RegistryCredentialsIncomplete : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG127", "registry-credentials-incomplete", Severity.Error,
        "Registry credentials give only one of username/password, or several kinds of credentials at once.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Registry is not { } registry)
        {
            yield break;
        }

        if ((registry.Username is null) != (registry.Password is null))
        {
            var (given, missing) = registry.Username is not null ? ("username", "password") : ("password", "username");
            yield return Report((registry.Username ?? registry.Password)!.Span,
                $"baseImageRegistry has a {given} but no {missing}; Azure ML refuses the environment. Prefer a workspace " +
                "connection for the registry and remove both.");
        }

        if (registry.RegistryIdentity is { } identity && (registry.Username is not null || registry.Password is not null))
        {
            yield return Report(identity,
                "baseImageRegistry has both username/password and a registryIdentity; Azure ML accepts one kind of " +
                "credentials only. Keep one (better: a workspace connection) and set the others to null.");
        }
    }
}
