using PipelineGuard.Configuration;
using PipelineGuard.Discovery;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Rules;

namespace PipelineGuard.Cli;

/// <summary>Finds the configuration file and loads the layered settings for a command.</summary>
internal static class SettingsResolver
{
    public static (Settings Settings, IReadOnlyList<SettingValue> Values) Load(CliConsole console, string? configPath, IReadOnlyDictionary<string, string?> flags)
    {
        var file = ReadFile(console, configPath);
        try
        {
            return SettingsLoader.Load(new SettingsSources(file, console.EnvironmentVariables, flags), RuleCatalog.Infos.Select(r => r.Id));
        }
        catch (ConfigurationError e)
        {
            throw new UsageException("invalid configuration: " + e.Message);
        }
    }

    private static SourceText? ReadFile(CliConsole console, string? configPath)
    {
        var fs = console.FileSystem;
        var cwd = Path.GetFullPath(fs.CurrentDirectory);

        // The action passes its `config` input through INPUT_CONFIG; an explicit --config wins.
        var explicitPath = string.IsNullOrWhiteSpace(configPath) ? console.GetEnvironmentVariable("INPUT_CONFIG") : configPath;
        var path = string.IsNullOrWhiteSpace(explicitPath) ? Path.Combine(cwd, SettingsLoader.FileName) : Path.GetFullPath(Path.Combine(cwd, explicitPath));
        var real = new NamedFileGuard(fs).Allow(path, explicitPath ?? SettingsLoader.FileName);
        if (!fs.FileExists(real))
        {
            return string.IsNullOrWhiteSpace(explicitPath) ? null : throw new UsageException($"{explicitPath}: configuration file not found");
        }

        try
        {
            return new SourceText(PathUtil.Display(path, cwd), TextDecoder.Decode(fs.ReadAllBytes(real)).Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{explicitPath ?? SettingsLoader.FileName}: cannot read the configuration: {e.Message}");
        }
    }
}
