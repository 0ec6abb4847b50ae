using PipelineGuard.Analysis;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG117: one package is pinned to two different exact versions in one environment (conda dependencies, the
/// <c>pip:</c> list, requirement and constraint files). No install satisfies both: pip stops with
/// ResolutionImpossible ("The conflict is caused by: The user requested x==1 / The user requested x==2"), conda
/// with an unsatisfiable spec, and between the two pip replaces conda's copy under the conda packages built on it.
/// Reported on the later pin, with the earlier one as related location.
/// </summary>
internal sealed class ConflictingPins : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG117", "conflicting-pins", Severity.Error,
        "One package is pinned to two different exact versions in one environment.");

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        var seen = new Dictionary<string, List<ExactPin>>(StringComparer.Ordinal);
        foreach (var pin in ExactPin.Of(environment))
        {
            if (!seen.TryGetValue(pin.Key, out var earlier))
            {
                seen[pin.Key] = earlier = [];
            }

            var clash = earlier.FirstOrDefault(e => e.Marker == pin.Marker && !e.AgreesWith(pin));

            // The same version written again adds nothing to compare against: keeps a long file linear.
            if (!earlier.Any(e => e.Marker == pin.Marker && e.Origin == pin.Origin && e.Version == pin.Version))
            {
                earlier.Add(pin);
            }

            if (clash is null)
            {
                continue;
            }

            var finding = Report(pin.Span,
                $"'{pin.Written}' pins {pin.Name} to {pin.Version}, but {Where(clash)} pins it to {clash.Version} ('{clash.Written}'): " +
                $"{Consequence(clash, pin)} Keep one pin for '{pin.Name}' in the environment.");
            yield return finding with
            {
                Related = [new RelatedLocation(clash.Span, $"{clash.Name} is first pinned to {clash.Version} here")],
            };
        }
    }

    private static string Where(ExactPin pin) => pin.Origin switch
    {
        PinOrigin.Conda => "a conda dependency",
        PinOrigin.PipConstraint => "a pip constraint",
        _ => "an earlier pip requirement",
    };

    private static string Consequence(ExactPin first, ExactPin second) => (first.Origin, second.Origin) switch
    {
        (PinOrigin.Conda, PinOrigin.Conda) =>
            "conda cannot satisfy both and the environment cannot be solved, so the image build fails.",
        (PinOrigin.Conda, _) or (_, PinOrigin.Conda) =>
            "conda installs one version and pip then replaces it (or fails with \"Cannot uninstall\"), so the conda packages " +
            "built against the first version may break and the build is not what either line says.",
        _ => "no install satisfies both, so pip stops with ResolutionImpossible (\"The conflict is caused by: The user requested …\") " +
            "and the image build fails.",
    };
}
