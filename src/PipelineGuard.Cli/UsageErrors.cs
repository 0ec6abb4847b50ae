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
    /// <summary>Every verb of the program, found by its attribute so that a new verb is suggested without being listed here.</summary>
    public static IReadOnlyList<string> VerbNames { get; } = [.. typeof(UsageErrors).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<VerbAttribute>()?.Name).OfType<string>().Order(StringComparer.Ordinal)];

    public static string OneLine(IReadOnlyList<Error> errors, Type? verbType)
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

    public static string UnknownVerb(string token)
    {
        var nearest = RuleCatalogLookup.Closest(token, VerbNames);
        return $"unknown command '{token}'; " + (nearest is null ? $"use one of {string.Join(", ", VerbNames)}" : $"did you mean '{nearest}'?");
    }

    private static string Dashes(string name) => name.Length == 1 ? "-" + name : "--" + name;

    /// <summary>"; did you mean '--format'?" over the verb's long options, or nothing when none is near.</summary>
    private static string Suggestion(string token, Type? verbType)
    {
        var names = (verbType?.GetProperties() ?? []).Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName)
            .OfType<string>().Where(n => n.Length > 0).Append("help").Append("version");
        return token.Length > 1 && RuleCatalogLookup.Closest(token, names) is { } nearest ? $"; did you mean '--{nearest}'?" : string.Empty;
    }
}
