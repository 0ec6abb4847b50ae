using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Registry;

/// <summary>
/// PG115: a password or token written literally in an environment definition: v1
/// <c>docker.baseImageRegistry.password</c>, or credentials inside a pip index URL
/// (<c>--index-url https://user:token@host/simple</c>). Anyone who can read the repository can use them, and
/// Azure ML refuses credentials in the definition. Guide: "Secrets in base image registry" (D8).
/// The registry password is an error (Azure ML refuses the definition); a token in an index URL is a warning: pip
/// uses it and the build passes, but the secret is exposed to every reader of the repository.
/// The secret is never copied into the message, and reporters mask it in source snippets.
/// </summary>
internal sealed class PlaintextRegistryCredentials : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG115", "plaintext-registry-credentials", Severity.Error,
        "A registry password or token is written literally in an environment definition.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Registry?.Password is { Value.Length: > 0 } password && !IsReference(password.Value))
        {
            yield return Report(password.Span,
                "docker.baseImageRegistry.password holds a password in plain text; anyone who can read the repository can " +
                "use it, and Azure ML no longer accepts credentials in the environment. Delete it and use a workspace " +
                "connection ('az ml connection create', or ws.set_connection(... \"ACR\" ...)).") with { Secret = password.Span };
        }

        foreach (var option in environment.PipRequirements.SelectMany(d => d.AllOptions))
        {
            if (option.Value is { } url && UrlCredentials.SecretRange(url.Value) is { } secret && !IsReference(url.Value.Substring(secret.Start, secret.Length)))
            {
                var span = SpanInside(url, secret.Start, secret.Length);
                yield return Report(span,
                    $"the pip index URL of {option.Name.Value} carries a password or token ({UrlCredentials.Redact(url.Value)}); anyone who " +
                    "can read the repository can use it. Remove it and give the feed's credentials through a workspace " +
                    "connection of type PythonFeed.") with { Secret = span, Severity = Severity.Warning };
            }
        }
    }

    /// <summary><c>${TOKEN}</c>, <c>$(token)</c>, <c>{{token}}</c>: filled in at build time, not a literal secret.</summary>
    private static bool IsReference(string value) =>
        value.Contains("${", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal) ||
        (value.StartsWith('$') && value.Length > 1);

    private static SourceSpan SpanInside(Located<string> value, int start, int length)
    {
        var span = value.Span;
        var quote = span.EndColumn - span.Column - value.Value.Length == 2 ? 1 : 0;
        return span.Line == span.EndLine && span.EndColumn - span.Column >= value.Value.Length
            ? span with { Column = span.Column + quote + start, EndColumn = span.Column + quote + start + length }
            : span;
    }
}
