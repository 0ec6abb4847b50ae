namespace PipelineGuard.Rules;

/// <summary>The rule pages of docs/rules/, embedded in the assembly at build time.</summary>
internal static class RuleDocs
{
    public static string? Page(string ruleId)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules/{ruleId}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
