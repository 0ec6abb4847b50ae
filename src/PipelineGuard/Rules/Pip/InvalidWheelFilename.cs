using PipelineGuard.Documents.Docker;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG133: a wheel referenced by path or URL (requirement files, the <c>pip:</c> list, Dockerfile <c>pip install</c>)
/// has a file name that breaks the wheel naming convention, usually after a rename (<c>mypkg-latest.whl</c>,
/// <c>my-pkg-1.0-py3-none-any.whl</c>). pip stops with "&lt;file&gt; is not a valid wheel filename." before it
/// installs anything. Guide: "Invalid wheel filename". The name is URL-decoded first (<c>%2B</c> is '+').
/// </summary>
internal sealed class InvalidWheelFilename : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG133", "invalid-wheel-filename", Severity.Error,
        "A wheel referenced by path or URL does not follow the wheel naming convention.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        foreach (var requirement in environment.PipRequirements.SelectMany(d => d.Requirements))
        {
            if (requirement is not { IsWheel: true, Target: { } target })
            {
                continue;
            }

            var offset = requirement.Requirement.Value.IndexOf(target.Value, StringComparison.Ordinal);
            var (start, length) = WheelFileName.FileNameRange(target.Value);
            if (offset >= 0 && Check(target.Value.Substring(start, length)) is { } message)
            {
                yield return Report(requirement.SpanOf(offset + start, length), message);
            }
        }

        if (environment.Build?.Dockerfile is not { } dockerfile)
        {
            yield break;
        }

        foreach (var word in PackageInstallReader.Find(dockerfile).Where(i => i.Installer == PackageInstaller.Pip).SelectMany(i => i.Packages))
        {
            var (start, length) = WheelFileName.FileNameRange(word.Value);
            if (!word.HasExpansion && Check(word.Value.Substring(start, length)) is { } message)
            {
                yield return Report(word.SpanOfValue(start, length), message);
            }
        }
    }

    /// <summary>The message for a written file name that ends in ".whl" and is not a valid wheel name; null otherwise.</summary>
    private static string? Check(string written)
    {
        // Shell globs (dist/*.whl) and templates are expanded before pip sees them.
        if (!written.EndsWith(".whl", StringComparison.Ordinal) || written.AsSpan().IndexOfAny("*[{$") >= 0)
        {
            return null;
        }

        var decoded = Uri.UnescapeDataString(written);
        if (WheelFileName.Problem(decoded) is not { } problem)
        {
            return null;
        }

        return $"'{decoded}' is not a valid wheel file name: {problem}. pip stops with \"{decoded} is not a valid wheel " +
            "filename.\" and the image build fails. Keep the name the wheel was built with: " +
            "{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl, e.g. my_package-1.0.0-py3-none-any.whl.";
    }
}
