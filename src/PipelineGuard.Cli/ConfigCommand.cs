namespace PipelineGuard.Cli;

/// <summary><c>pipelineguard config</c> and <c>check --show-config</c>: every effective setting and the layer it came from.</summary>
internal static class ConfigCommand
{
    public static int Run(string? configPath, IReadOnlyDictionary<string, string?> flags, CliConsole console)
    {
        var (_, values) = SettingsResolver.Load(console, configPath, flags);
        var width = values.Count == 0 ? 0 : values.Max(v => v.Key.Length);
        foreach (var value in values)
        {
            console.Out.WriteLine($"{value.Key.Replace(':', '.').PadRight(width)}  {Model.UrlCredentials.RedactAll(value.Value)}  ({value.Origin})");
        }

        return ExitCodes.Clean;
    }
}
