namespace PipelineGuard.Reporting;

/// <summary><c>--format markdown</c>: the summary table alone (what the <c>github</c> format appends to the job summary).</summary>
internal sealed class MarkdownReporter(ReporterOptions options) : IReporter
{
    public void Write(CheckResult result, TextWriter output)
    {
        var paths = new CiPaths(options.WorkingDirectory, options.GetEnvironmentVariable);
        output.Write(new MarkdownSummary(paths, options.GetEnvironmentVariable).Build(result));
    }
}
