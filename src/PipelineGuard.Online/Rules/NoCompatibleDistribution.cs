using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Online.Pip;
using PipelineGuard.Rules;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Online.Rules;

/// <summary>
/// PG203: the pinned version exists, but pip on the environment's Python (the conda <c>python=</c> pin) and platform
/// (<see cref="OnlineOptions.Platform"/>) can install none of its files: every file's <c>Requires-Python</c> excludes
/// that Python, or there is no wheel with a supported tag and no sdist (error). Only an sdist: a notice, as pip then
/// compiles it in the build, which needs compilers and headers in the image. Silent without a Python pin.
/// </summary>
internal sealed class NoCompatibleDistribution : IOnlineRule
{
    public RuleInfo Info => RuleCatalog.NoCompatibleDistribution;

    public IEnumerable<Finding> Check(Workspace workspace, IndexFacts facts, OnlineOptions options)
    {
        var tagsByPython = new Dictionary<(int, int), WheelTags>();
        foreach (var use in PipPackageUses.Of(workspace, options.IndexUrl))
        {
            if (use.Pin is not { } pin || use.Python is not { } python)
            {
                continue;
            }

            var lookups = use.Indexes.Select(i => facts.Project(i, use.Name)).ToList();
            if (!lookups.All(l => l.Verified))
            {
                continue;
            }

            var all = lookups.Select(l => l.Page).OfType<ProjectPage>().SelectMany(p => p.FilesOf(pin)).ToList();
            // PG202 speaks for a missing version; pip skips yanked files unless nothing else is left.
            var files = all.Any(f => !f.Yanked) ? all.Where(f => !f.Yanked).ToList() : all;
            if (files.Count == 0)
            {
                continue;
            }

            var runnable = files.Where(f => RunsOn(f.RequiresPython, python, use.PythonFull)).ToList();
            var pythonName = $"Python {python.Major}.{python.Minor}";
            if (runnable.Count == 0)
            {
                var requires = string.Join("', '", files.Select(f => f.RequiresPython).Distinct());
                yield return new Finding(Info, Info.DefaultSeverity,
                    $"{use.Requirement.Name} {pin} requires Python '{requires}' (Requires-Python), and the environment pins {pythonName}: pip will " +
                    "fail the image build with 'Could not find a version that satisfies the requirement'. Pin a release that supports " +
                    $"{pythonName}, or change the Python pin.",
                    use.RequirementSpan);
                continue;
            }

            if (!tagsByPython.TryGetValue(python, out var tags))
            {
                tags = tagsByPython[python] = WheelTags.For(python.Major, python.Minor, options.Platform);
            }

            if (runnable.Any(f => f.IsWheel && tags.Accepts(f.FileName)))
            {
                continue;
            }

            var target = $"{pythonName} on {options.Platform}";
            if (runnable.Any(f => ProjectPage.IsSdist(f.FileName)))
            {
                yield return new Finding(Info, Severity.Notice,
                    $"{use.Requirement.Name} {pin} has no wheel for {target}, only an sdist: pip compiles it during the image build, which " +
                    "needs compilers and headers in the image and takes time. Pin a release with a wheel for this Python if there is one.",
                    use.RequirementSpan);
                continue;
            }

            var wheels = runnable.Where(f => f.IsWheel).Select(f => f.FileName).Take(3).ToList();
            yield return new Finding(Info, Info.DefaultSeverity,
                $"{use.Requirement.Name} {pin} has no wheel for {target} and no sdist, so pip cannot install it: the image build fails with " +
                $"'Could not find a version that satisfies the requirement'.{(wheels.Count > 0 ? $" Its wheels are for other targets ({string.Join(", ", wheels)})." : string.Empty)} " +
                "Pin a release built for this Python, or change the Python pin.",
                use.RequirementSpan);
        }
    }

    /// <summary>
    /// Whether <c>Requires-Python</c> admits the environment's Python. With only the minor pinned (<c>python=3.8</c>),
    /// conda installs some 3.8.x: admitted when an early or a late patch release is, so a bound on the patch
    /// (<c>&gt;=3.8.1</c>) never gives a false error. A specifier that does not parse admits everything, as pip does.
    /// </summary>
    internal static bool RunsOn(string? requiresPython, (int Major, int Minor) python, string? full)
    {
        if (requiresPython is null || !Pep440SpecifierSet.TryParse(requiresPython, out var set, out _))
        {
            return true;
        }

        var candidates = full is not null && full.Split('.').Length >= 3 && Pep440Version.TryParse(full, out var exact)
            ? [exact]
            : new[] { $"{python.Major}.{python.Minor}.0", $"{python.Major}.{python.Minor}.99" }.Select(Pep440Version.Parse).ToList();
        return candidates.Any(v => set.Contains(v, prereleases: true));
    }
}
