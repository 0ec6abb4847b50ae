using System.Text;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Docker;

/// <summary>
/// PG129: Azure ML refuses a Dockerfile over 100 KB when the environment is registered
/// (guide: "Dockerfile length over limit"). Measured as UTF-8 bytes of the text, BOM not counted.
/// </summary>
internal sealed class DockerfileTooLarge : IRule
{
    /// <summary>100 KB, read as 100 × 1024 bytes.</summary>
    public const int MaxBytes = 100 * 1024;

    public static readonly RuleInfo Rule = new("PG129", "dockerfile-too-large", Severity.Error,
        "A Dockerfile is over the 100 KB that Azure ML accepts.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var document in context.Workspace.Documents.Where(d => d.Kind == DocumentKind.Dockerfile))
        {
            var bytes = Encoding.UTF8.GetByteCount(document.Text.Content);
            if (bytes > MaxBytes)
            {
                yield return new Finding(Rule, Rule.DefaultSeverity,
                    $"the Dockerfile is {bytes} bytes, over the {MaxBytes} bytes (100 KB) Azure ML accepts: " +
                    "registering the environment fails with 'Dockerfile length over limit'. Move scripts and long file lists into " +
                    "files of the build context (COPY them and RUN them), or into a base image.",
                    document.Text.SpanOfLine(1));
            }
        }
    }
}
