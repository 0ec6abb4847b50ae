using PipelineGuard.BuildLogs;
using PipelineGuard.Model;
using static PipelineGuard.BuildLogs.LogMatch;

namespace PipelineGuard.Rules.Logs;

/// <summary>
/// PG322: something asked for credentials during the build: pip's <c>User for host:</c> prompt (then <c>EOFError: EOF when
/// reading a line</c>), the Azure Artifacts credential provider's device login.
/// </summary>
internal sealed class InteractiveAuth : LogRule
{
    public static readonly RuleInfo Rule = new("PG322", "interactive-auth", Severity.Error,
        "pip asked for credentials of a private feed during a non-interactive build.");

    public override RuleInfo Info => Rule;

    public override LogTraits Traits => LogTraits.ExplainsLookupFailure;

    public override IReadOnlyList<LogSignature> Signatures { get; } =
    [
        new(Families.Pip, 220, ["User for ", "EOFError", "CredentialProvider", "devicelogin"], Prompt)
        {
            LineStarts = ["User for "],
            ReachedThroughTheirLine = ["EOFError", "devicelogin"],
        },
    ];

    private static bool Prompt(LogLine line, LogContext context)
    {
        var text = line.Text;
        if (Starts(line.Trimmed, "User for "))
        {
            var host = LogText.Until(line.Trimmed["User for ".Length..], ":", " ").Trim();
            context.Emit(new LogSignal(Rule, LogKinds.InteractiveAuth, Strength.Decisive, line,
                $"pip asked for a user name for {host}: the index needs credentials, and an image build cannot answer a prompt (it ends in EOFError). " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed, 'az ml connection create'), never in the spec.")
                with { Host = host });
            return true;
        }

        if (Has(text, "EOF when reading a line"))
        {
            if (context.Store.Last(Rule, line.Segment) is null)
            {
                context.Emit(new LogSignal(Rule, LogKinds.InteractiveAuth, Strength.Generic, line,
                    "something in the build asked for input (EOFError: EOF when reading a line) and an image build cannot answer. If pip asked for a feed's " +
                    "credentials, give them to the build through an Azure ML workspace connection (PythonFeed)."));
            }

            return true;
        }

        if (Has(text, "devicelogin") || (Has(text, "CredentialProvider") && Has(text, "DeviceFlow")))
        {
            context.Emit(new LogSignal(Rule, LogKinds.InteractiveAuth, Strength.Decisive, line,
                "the Azure Artifacts credential provider started an interactive device login, which an image build cannot complete. " +
                "Give the build the feed's credentials through an Azure ML workspace connection (PythonFeed) or a personal access token from a secret.")
                with { Host = "pkgs.dev.azure.com" });
            return true;
        }

        return false;
    }
}
