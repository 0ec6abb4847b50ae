using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Python;

/// <summary>PG123: more than one <c>python</c> spec in one conda spec. Azure ML refuses it at registration. Guide: "Multiple Python versions" (D21).</summary>
internal sealed class MultiplePythonVersions : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG123", "multiple-python-versions", Severity.Error,
        "More than one python spec in one environment.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.Conda is not { } conda)
        {
            yield break;
        }

        var pythons = PythonSpec.Of(conda);
        foreach (var extra in pythons.Skip(1))
        {
            yield return Report(extra.ValueSpan,
                $"'{extra.Text.Value.Trim()}' is a second python spec (the first is '{pythons[0].Text.Value.Trim()}' on line " +
                $"{pythons[0].Text.Span.Line}); Azure ML refuses an environment with several Python versions. Keep one.")
                with { Related = [new RelatedLocation(pythons[0].ValueSpan, "first python spec")] };
        }
    }
}
