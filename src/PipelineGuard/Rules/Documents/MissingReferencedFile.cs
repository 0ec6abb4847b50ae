using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Documents;

/// <summary>
/// PG114: a <c>conda_file</c>, <c>-r</c>/<c>-c</c> include, <c>build.path</c> or <c>dockerfile_path</c> names a file
/// that does not exist, or one outside the repository root. Guide: "Missing Docker build context location",
/// "Missing Dockerfile path"; pip's "Could not open requirements file".
/// </summary>
internal sealed class MissingReferencedFile : IRule
{
    public static readonly RuleInfo Rule = new("PG114", "missing-referenced-file", Severity.Error,
        "A referenced file (conda_file, -r/-c include, build context, Dockerfile) does not exist or leaves the repository.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var reference in context.Workspace.References)
        {
            switch (reference.Status)
            {
                case ReferenceStatus.Missing:
                    yield return new Finding(Rule, Rule.DefaultSeverity,
                        $"{reference.What} '{reference.Text}' does not exist (paths are relative to the file that names them); " +
                        "Azure ML cannot register or build the environment without it. Fix the path or add the file.",
                        reference.Span);
                    break;
                case ReferenceStatus.OutsideRoot:
                    yield return new Finding(Rule, Rule.DefaultSeverity,
                        $"{reference.What} '{reference.Text}' points outside the repository root; Azure ML uploads only what is " +
                        "inside the folder it is given, and PipelineGuard does not read outside it. Move the file inside the repository.",
                        reference.Span);
                    break;
                case ReferenceStatus.Refused:
                    yield return new Finding(Rule, Rule.DefaultSeverity,
                        $"{reference.What} '{reference.Text}' {reference.Refusal}. Point it at a file inside the repository.",
                        reference.Span);
                    break;
            }
        }
    }
}
