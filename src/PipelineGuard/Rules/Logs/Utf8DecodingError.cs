using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG329: Python's "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte": a file the build
/// read (the conda spec, a requirements file, a package's README) is not UTF-8.
/// </summary>
internal sealed class Utf8DecodingError : LogRule
{
    public static readonly RuleInfo Rule = new("PG329", "utf8-decoding-error", Severity.Error,
        "A file read during the build is not valid UTF-8 (UnicodeDecodeError).");

    public override RuleInfo Info => Rule;

    public override IReadOnlyList<LogSignature> Signatures { get; } = [new(Families.Conda, 30, ["UnicodeDecodeError"], Undecodable)];

    /// <summary>The first invalid byte of each spec file that is not UTF-8 (the reader replaced it with U+FFFD).</summary>
    public override void Link(LogSignal signal, SpecLinks links)
    {
        foreach (var document in links.Workspace.Documents.Where(d => d.Kind is not Environments.DocumentKind.Dockerfile))
        {
            var bad = document.Text.Content.IndexOf('\uFFFD', StringComparison.Ordinal);
            if (bad >= 0)
            {
                links.Add(document.Text.SpanOf(bad, 1), $"{Path.GetFileName(document.Text.Path)} is not UTF-8: its first invalid byte is here");
            }
        }
    }

    private static bool Undecodable(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (!Has(text, "UnicodeDecodeError"))
        {
            return false;
        }

        var codec = LogText.Quoted(text, text.IndexOf("UnicodeDecodeError", StringComparison.Ordinal)) ?? "utf-8";
        var detail = LogText.After(text, "can't decode ")?.Trim();
        var bom = detail is not null && (Has(detail, "0xff in position 0") || Has(detail, "0xfe in position 0"));
        context.Emit(new LogSignal(Rule, LogKinds.Utf8DecodingError, Strength.Decisive, line,
            $"a file read by the build is not valid {codec}{(detail is null ? string.Empty : $" (can't decode {LogText.Clip(detail, 100)})")}" +
            (bom ? ": 0xff/0xfe at position 0 is the byte-order mark of a UTF-16 file (PowerShell's '>' or an editor's 'Unicode' encoding)" : string.Empty) +
            ". Save the conda spec and the requirements files as UTF-8 (without non-ASCII characters in comments if in doubt), and rebuild.")
            with { RequirementText = detail });
        return true;
    }
}
