using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG306: pip's hash checking (operations/prepare.py): <c>THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS
/// FILE</c>, <c>Hashes are required in --require-hashes mode</c>, <c>Can't verify hashes … versions pinned with ==</c>. The
/// requirement lines (and <c>Expected</c>/<c>Got</c>) that follow the header are captured.
/// </summary>
internal sealed class HashMismatch : LogRule
{
    public static readonly RuleInfo Rule = new("PG306", "hash-mismatch", Severity.Error,
        "pip refused a download whose hash does not match, or a requirement without a hash in hash-checking mode.");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 90, ["DO NOT MATCH THE HASHES", "require-hashes", "Can't verify hashes"], Hashes)
        {
            ReachedThroughTheirLine = ["DO NOT MATCH THE HASHES", "require-hashes", "Can't verify hashes"],
        },
    ];

    private static bool Hashes(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "DO NOT MATCH THE HASHES") && !Has(text, "require-hashes") && !Has(text, "Can't verify hashes"))
        {
            return false;
        }

        var mismatch = Has(text, "DO NOT MATCH THE HASHES");
        var kind = mismatch ? LogKinds.HashMismatch : LogKinds.HashesRequired;
        var header = new LogSignal(Rule, kind, Strength.Decisive, line, string.Empty);
        var packages = new List<string>();
        var details = new List<string>();
        PipReference? reference = null;
        string? fixLine = null;

        context.StartCapture(next =>
        {
            var t = next.Trimmed;
            if (t.Length == 0 || Starts(t, "ERROR") || Starts(t, "WARNING"))
            {
                return false;
            }

            if (Starts(t, "Expected ") || Starts(t, "Got "))
            {
                details.Add(t.Replace("        ", " ", StringComparison.Ordinal));
                return true;
            }

            var name = LogText.RequirementName(t);
            if (name is not null && packages.Count < 20)
            {
                packages.Add(LogText.Until(t, " from ", " (from ", " --hash").Trim());
                reference ??= PipReference.Parse(t);
                if (Has(t, "--hash="))
                {
                    fixLine ??= t;
                }
            }

            return true;
        }, () =>
        {
            var names = packages.Count == 0 ? "a requirement" : string.Join(", ", packages);
            var message = mismatch
                ? $"the downloaded file of {names} does not match the --hash given in the requirements{(details.Count > 0 ? $" ({string.Join("; ", details.Take(2))})" : string.Empty)}: " +
                  "either the pinned hash is wrong (copied from another file or version) or the file was changed. Recompute the hash of the exact file (pip hash, pip-compile --generate-hashes) and compare."
                : Has(text, "versions pinned")
                    ? $"in hash-checking mode every requirement must be pinned with '==', and {names} is not. Pin it (and give its --hash), or drop --hash everywhere."
                    : $"hash-checking mode is on (one requirement has a --hash, which turns it on for all) and {names} has no --hash. " +
                      "Give every requirement its --hash (pip-compile --generate-hashes), or none of them.";
            context.Emit(header with
            {
                Message = message,
                Package = packages.Count > 0 ? LogText.RequirementName(packages[0]) : null,
                OtherPackages = [.. packages.Skip(1).Select(p => LogText.RequirementName(p)!).Where(p => p is not null)],
                RequirementsFile = reference?.File,
                RequirementsLine = reference?.Line,
                Fix = fixLine,
            });
        }, lines: 24);
        return true;
    }
}
