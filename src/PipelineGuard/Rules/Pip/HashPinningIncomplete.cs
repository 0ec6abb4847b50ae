using PipelineGuard.Analysis;
using PipelineGuard.Documents.Pip;
using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Rules.Pip;

/// <summary>
/// PG107: pip's hash-checking mode, checked before the build. pip 23.2.1 turns the mode on for the whole install
/// when any requirement or constraint carries <c>--hash</c>, or <c>--require-hashes</c> is given
/// (cli/req_command.py <c>get_requirements</c>: "If any requirement has hash options, enable hash checking").
/// Then every requirement it installs (constraints only restrict, so they need none) must have a known-good hash:
/// a <c>--hash</c> option or a <c>#sha256=</c> URL fragment (a constraint's hash does not count), and a named
/// requirement must be pinned with exactly one <c>==</c>/<c>===</c> specifier (operations/prepare.py
/// <c>_get_linked_req_hashes</c>: <c>HashUnpinned</c>, <c>HashMissing</c>, <c>VcsHashUnsupported</c>,
/// <c>DirectoryUrlHashUnsupported</c>; editables: "cannot be installed when requiring hashes").
/// pip checks only the operator, so <c>==1.*</c> passes, as it does here.
/// </summary>
internal sealed class HashPinningIncomplete : EnvironmentRule
{
    public static readonly RuleInfo Rule = new("PG107", "hash-pinning-incomplete", Severity.Error,
        "Some pip requirements carry --hash (or --require-hashes is set) and others lack a hash or an == pin.");

    /// <summary>pip's <c>Link._hash_re</c>: the URL fragments that give a hash.</summary>
    private static readonly string[] UrlHashNames = ["sha1=", "sha224=", "sha384=", "sha256=", "sha512=", "md5="];

    private static readonly string[] ArchiveExtensions =
        [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.gz", ".tgz", ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"];

    public override RuleInfo Info => Rule;

    protected override IEnumerable<Finding> Check(AmlEnvironment environment)
    {
        var sources = PipSources.Of(environment);
        if (Trigger(sources) is not { } trigger)
        {
            yield break;
        }

        foreach (var source in sources.Where(s => !s.IsConstraint))
        {
            foreach (var requirement in source.Document.Requirements)
            {
                if (Problem(requirement) is { } problem)
                {
                    var text = requirement.Requirement.Value.Trim();
                    var span = requirement.SpanOf(0, requirement.Requirement.Value.TrimEnd().Length);
                    yield return Report(span,
                        $"'{text}' {problem}, but hash-checking mode is on ({trigger.What}): pip refuses the whole install, so " +
                        "the image build fails. Give every requirement a --hash and an exact '==' pin (pip-compile " +
                        "--generate-hashes does both), or remove the hashes everywhere.")
                        with { Related = [new RelatedLocation(trigger.Span, $"hash-checking mode is turned on here ({trigger.What})")] };
                }
            }
        }
    }

    /// <summary>The first thing that turns hash-checking mode on: a <c>--hash</c> (also on a constraint) or <c>--require-hashes</c>.</summary>
    private static (SourceSpan Span, string What)? Trigger(IReadOnlyList<PipSource> sources)
    {
        foreach (var source in sources)
        {
            foreach (var entry in source.Document.Entries)
            {
                if (entry is RequirementLine { IsEditable: false, Hashes: [var hash, ..] })
                {
                    return (hash.Option.Span, "a requirement carries --hash");
                }

                if (entry.OptionsOf(PipOptions.RequireHashes).FirstOrDefault() is { } require)
                {
                    return (require.Span, "--require-hashes");
                }
            }
        }

        return null;
    }

    /// <summary>What pip would refuse about this requirement in hash-checking mode, or null.</summary>
    private static string? Problem(RequirementLine requirement)
    {
        var text = requirement.Requirement.Value;
        if (requirement.IsEditable)
        {
            return "is editable (-e) and \"cannot be installed when requiring hashes, because there is no single file to hash\"";
        }

        if (requirement.Kind == RequirementKind.Vcs)
        {
            return "is a version-control URL, and pip \"can't verify hashes for\" those";
        }

        var target = requirement.Target?.Value ?? string.Empty;
        var path = target.Split('#', '?')[0];
        if (requirement.Kind == RequirementKind.LocalPath && !ArchiveExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return "is a local folder, and pip \"can't verify hashes for\" requirements that point to directories";
        }

        var hashed = requirement.Hashes.Count > 0 || HasUrlHash(target);
        if (requirement.Kind == RequirementKind.Named && !IsPinned(text))
        {
            return hashed
                ? "is not pinned with '==' (\"In --require-hashes mode, all requirements must have their versions pinned with ==\")"
                : "has no --hash and is not pinned with '==' (\"all requirements must have their versions pinned with ==\")";
        }

        return hashed ? null : "has no --hash (\"Hashes are required in --require-hashes mode, but they are missing from some requirements\")";
    }

    /// <summary>pip's <c>is_pinned</c>: exactly one specifier, '==' or '==='. Unreadable and templated lines are PG122's business.</summary>
    private static bool IsPinned(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains('$', StringComparison.Ordinal) ||
        !Pep508Requirement.TryParse(text, out var parsed, out _) || parsed.Url is not null ||
        parsed.Specifier.Specifiers is [{ Operator: SpecifierOperator.Equal or SpecifierOperator.Arbitrary }];

    private static bool HasUrlHash(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 && url[(hash + 1)..].Split('&').Any(p => UrlHashNames.Any(n => p.StartsWith(n, StringComparison.Ordinal) && p.Length > n.Length));
    }
}
