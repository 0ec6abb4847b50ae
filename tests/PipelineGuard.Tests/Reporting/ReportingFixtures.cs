using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Reporting;

namespace PipelineGuard.Tests.Reporting;

/// <summary>Check results built by hand, and reporters run with an in-memory environment and files.</summary>
internal static class ReportingFixtures
{
    public const string Token = "0123456789abcdef0123456789abcdef";

    public static readonly RuleInfo ErrorRule = new("PG102", "pip-unpinned", Severity.Error, "pip is not pinned");
    public static readonly RuleInfo WarningRule = new("PG106", "dependency-unpinned", Severity.Warning, "a package is not pinned");
    public static readonly RuleInfo NoticeRule = new("PG112", "pip-timeout-not-raised", Severity.Notice, "no pip timeout");

    /// <summary>A result over documents (path, content) with the given findings; the run fails on errors.</summary>
    public static CheckResult Result(IEnumerable<(string Path, string Content)> documents, IEnumerable<Finding> findings, Severity? failOn = Severity.Error) =>
        new(
            FindingOrder.Sort(findings),
            new Workspace([.. documents.Select(d => new InputDocument(new SourceText(d.Path, d.Content), DocumentKind.CondaSpec, []))], [], []),
            failOn);

    public static Finding Finding(RuleInfo rule, string file, int line, int column, int endLine, int endColumn, string message = "message", string? fix = null) =>
        new(rule, rule.DefaultSeverity, message, new SourceSpan(file, line, column, endLine, endColumn), fix);

    /// <summary>Runs one format; returns standard output and what was appended to each file.</summary>
    public static (string Output, Dictionary<string, string> Files) Run(
        string format, CheckResult result, Dictionary<string, string>? environment = null, string workingDirectory = "/repo", string? sarifFile = null,
        Action<string, string>? append = null)
    {
        var env = environment ?? [];
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new ReporterOptions(false, k => env.GetValueOrDefault(k))
        {
            WorkingDirectory = workingDirectory,
            AppendToFile = append ?? ((path, text) => files[path] = files.GetValueOrDefault(path, string.Empty) + text),
            NewToken = () => Token,
            SarifFile = sarifFile,
        };
        var reporter = ReporterFactory.Create(format, options) ?? throw new InvalidOperationException(format);
        var output = new StringWriter();
        reporter.Write(result, output);
        return (output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), files);
    }

    public static Dictionary<string, string> GitHubEnvironment(string workspace = "/repo") => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = workspace,
        ["GITHUB_STEP_SUMMARY"] = "/runner/step_summary",
        ["GITHUB_OUTPUT"] = "/runner/set_output",
    };
}
