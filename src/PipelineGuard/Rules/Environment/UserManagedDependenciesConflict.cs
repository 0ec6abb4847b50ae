using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Environment;

/// <summary>
/// PG105: <c>userManagedDependencies</c> contradicts the rest of the definition. When it is true, Azure ML
/// ignores the conda dependencies and uses the image's own Python, so it needs an image or Dockerfile that
/// has one; when it is false, <c>interpreterPath</c> is not used. Guide (2020 edition):
/// "user_managed_dependencies=True with custom images"; 2026: "Missing conda dependencies".
/// </summary>
internal sealed class UserManagedDependenciesConflict : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG105", "user-managed-dependencies-conflict", Severity.Warning,
        "userManagedDependencies contradicts the conda dependencies, the base image or the interpreter path.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        if (environment.UserManagedDependencies is not { } flag)
        {
            yield break;
        }

        if (flag.Value)
        {
            if (environment.Conda is { } conda && (conda.Dependencies.Count > 0 || conda.HasPipPackages))
            {
                yield return Report(flag.Span,
                    "userManagedDependencies is true, so Azure ML ignores the conda dependencies given with it and installs nothing: " +
                    "the packages you listed will be missing at run time. Set it to false, or install the packages in the image.");
            }

            if (!environment.HasCustomDocker)
            {
                yield return Report(flag.Span,
                    "userManagedDependencies is true but no custom base image or Dockerfile is given, so no Python environment " +
                    "of yours exists in the image. Give a base image that has one, or set it to false and list the conda dependencies.");
            }
        }
        else if (environment.InterpreterPath is { } interpreter && interpreter.Value.Trim() is { Length: > 0 } path && path != "python")
        {
            yield return Report(interpreter.Span,
                $"interpreterPath '{path}' is only used when userManagedDependencies is true; with false, Azure ML builds its " +
                "own conda environment and ignores it. Set userManagedDependencies to true, or remove interpreterPath.");
        }
    }
}
