namespace PipelineGuard.GitHub;

/// <summary>
/// The last guard before anything GitHub-related is printed: removes the token from a text (an exception message
/// can quote a URL or a header). The token is also masked for the runner with <c>::add-mask::</c>.
/// </summary>
internal sealed class SecretRedactor(string? secret)
{
    public const string Mask = "***";

    public string Redact(string text) =>
        string.IsNullOrEmpty(secret) || secret.Length < 4 ? text : text.Replace(secret, Mask, StringComparison.Ordinal);
}
