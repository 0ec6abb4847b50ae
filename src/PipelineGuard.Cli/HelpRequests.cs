namespace PipelineGuard.Cli;

/// <summary>
/// The spellings of a help request that CommandLineParser does not read as one: <c>-h</c> on any verb, and
/// <c>help VERB</c>, which it answers with the list of verbs instead of the verb's options.
/// </summary>
internal static class HelpRequests
{
    public static string[] Normalise(string[] args)
    {
        if (args.Length >= 2 && args[0] == "help")
        {
            return UsageErrors.VerbNames.Contains(args[1], StringComparer.Ordinal)
                ? [args[1], "--help"]
                : throw new Model.UsageException(UsageErrors.UnknownVerb(args[1]));
        }

        // Before a `--`, after which every word is a PATH.
        var end = Array.IndexOf(args, "--");
        return [.. args.Select((a, i) => a == "-h" && (end < 0 || i < end) ? "--help" : a)];
    }
}
