using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CommandLine;
using CommandLine.Text;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

/// <summary>
/// Turns CommandLineParser's errors into one line for standard error, with "did you mean" for verbs and options
/// (the README promises one line; a screen of help would bury the error). The help stays one <c>--help</c> away.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> VerbNames => Verbs.Names;

    public static string OneLine(IReadOnlyList<Error> errors, [DynamicallyAccessedMembers(Verbs.Members)] Type? verbType)
    {
        var verb = verbType?.GetCustomAttribute<VerbAttribute>()?.Name;
        var prefix = verb is null ? string.Empty : verb + ": ";
        var more = verb is null ? "pipelineguard --help" : $"pipelineguard {verb} --help";
        var error = errors.OfType<BadVerbSelectedError>().Cast<Error>().Concat(errors.OfType<UnknownOptionError>()).FirstOrDefault() ?? errors[0];
        return error switch
        {
            NoVerbSelectedError => $"no command given; use one of {string.Join(", ", VerbNames)} (pipelineguard --help)",
            BadVerbSelectedError bad => UnknownVerb(bad.Token),
            UnknownOptionError unknown => $"{prefix}unknown option '{Dashes(unknown.Token)}'{Suggestion(unknown.Token, verbType)} ({more} lists them)",
            MissingRequiredOptionError or SequenceOutOfRangeError when verbType == typeof(ExplainVerb) => $"{prefix}name a rule: an ID (PG101) or a name (pip-not-declared); 'pipelineguard rules' lists them",
            MissingValueOptionError missing => $"{prefix}{Dashes(missing.NameInfo.LongName)} needs a value",
            _ => prefix + SentenceBuilder.Create().FormatError(error) + $" ({more})",
        };
    }

    /// <summary>
    /// A string option with nothing after it (<c>check --fail-on</c>, <c>check --config --baseline b.json</c>), which
    /// CommandLineParser lets through as unset: the run would go on with the default and the user never learn why.
    /// </summary>
    public static void ThrowOnMissingValue(IReadOnlyList<string> args)
    {
        var verbType = args.Count == 0 ? null : Verbs.Named(args[0]);
        if (verbType is null)
        {
            return;
        }

        var options = verbType.GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => p.GetCustomAttribute<OptionAttribute>()).OfType<OptionAttribute>().ToList();
        for (var i = 1; i < args.Count && args[i] != "--"; i++)
        {
            var option = options.FirstOrDefault(o => args[i] == "--" + o.LongName || (o.ShortName.Length > 0 && args[i] == "-" + o.ShortName));
            if (option is not null && (i + 1 == args.Count || args[i + 1].StartsWith('-')))
            {
                throw new Model.UsageException($"{args[0]}: --{option.LongName} needs a value");
            }
        }
    }

    public static string UnknownVerb(string token)
    {
        if (token.StartsWith('-'))
        {
            // `pipelineguard --format json .`: the options belong to a command.
            return $"unknown option '{token}'; options come after a command: pipelineguard check {token} ... (commands: {string.Join(", ", VerbNames)})";
        }

        var nearest = RuleCatalogLookup.Closest(token, VerbNames);
        return $"unknown command '{token}'; " + (nearest is null ? $"use one of {string.Join(", ", VerbNames)}" : $"did you mean '{nearest}'?");
    }

    private static string Dashes(string name) => name.Length == 1 ? "-" + name : "--" + name;

    /// <summary>"; did you mean '--format'?" over the verb's long options, or nothing when none is near.</summary>
    private static string Suggestion(string token, [DynamicallyAccessedMembers(Verbs.Members)] Type? verbType)
    {
        var names = (verbType?.GetProperties() ?? []).Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName)
            .OfType<string>().Where(n => n.Length > 0).Append("help").Append("version");
        return token.Length > 1 && RuleCatalogLookup.Closest(token, names) is { } nearest ? $"; did you mean '--{nearest}'?" : string.Empty;
    }
}
