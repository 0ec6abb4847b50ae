namespace PipelineGuard.Model;

/// <summary>What identifies a rule to users: its stable ID, its kebab-case name, its default severity and a one-line summary.</summary>
internal sealed record RuleInfo(string Id, string Name, Severity DefaultSeverity, string Summary)
{
    /// <summary>The help page of every rule lives in the repository, one Markdown file per ID.</summary>
    public const string DocsBase = "https://github.com/pipelineguard/pipelineguard/blob/main/docs/rules/";

    public string HelpUri => DocsBase + Id + ".md";
}
