using System.Text.RegularExpressions;

namespace PipelineGuard.Tests.Rules;

/// <summary>
/// The files of one example of a rule page (its "## Bad" or its "## Good" section): each fenced block is one file.
/// A block names its file after the language (<c>```yaml conda.yml</c>, rendered as YAML); without a name it is the
/// usual file for its language: <c>environment.yml</c>, <c>requirements.txt</c>, <c>Dockerfile</c>,
/// <c>azureml_environment.json</c>.
/// </summary>
public sealed partial record RulePageExample(string RuleId, string Section, IReadOnlyList<(string Path, string Content)> Files)
{
    public static RulePageExample? Read(string ruleId, string page, string section)
    {
        var start = page.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = page.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        var text = end < 0 ? page[start..] : page[start..end];
        var files = Fence().Matches(text)
            .Select(m => (Path: m.Groups["name"].Success ? m.Groups["name"].Value : DefaultName(m.Groups["lang"].Value), Content: m.Groups["body"].Value.Replace("\r", string.Empty, StringComparison.Ordinal)))
            .Where(f => f.Path.Length > 0)
            .ToList();
        return new RulePageExample(ruleId, section, files);
    }

    private static string DefaultName(string language) => language switch
    {
        "yaml" => "environment.yml",
        "text" => "requirements.txt",
        "dockerfile" => "Dockerfile",
        "json" => "azureml_environment.json",
        _ => string.Empty,
    };

    public override string ToString() => $"{RuleId} {Section}";

    [GeneratedRegex(@"^```(?<lang>[a-z]+)(?: +(?<name>[^\s`]+))?\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
