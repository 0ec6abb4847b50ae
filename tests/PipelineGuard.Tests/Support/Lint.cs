using PipelineGuard.Engine;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Reporting;
using PipelineGuard.Rules;

namespace PipelineGuard.Tests.Support;

/// <summary>Runs the whole pipeline on an in-memory repository rooted at /repo.</summary>
internal static class Lint
{
    public static InMemoryFileSystem Repo(params (string Path, string Content)[] files)
    {
        var fs = new InMemoryFileSystem("/repo");
        foreach (var (path, content) in files)
        {
            fs.Add(path, content);
        }

        return fs;
    }

    public static CheckResult Run(IFileSystem fs, params string[] paths) => new Checker(fs, FixedClock.SessionDay).Run(new CheckOptions(paths));

    public static IReadOnlyList<Finding> Findings(params (string Path, string Content)[] files) => Run(Repo(files)).Findings;

    public static IReadOnlyList<Finding> Only(this IReadOnlyList<Finding> findings, RuleInfo rule) =>
        findings.Where(f => f.RuleId == rule.Id).ToList();

    /// <summary>"file:line:col-endLine:endCol" of each finding, for compact assertions.</summary>
    public static string[] Places(this IEnumerable<Finding> findings) => findings.Select(f => f.Span.ToString()).ToArray();

    public static IReadOnlyList<Finding> Rule(this IRule rule, IFileSystem fs) =>
        new Checker(fs, [rule], FixedClock.SessionDay).Run(new CheckOptions([])).Findings;
}
