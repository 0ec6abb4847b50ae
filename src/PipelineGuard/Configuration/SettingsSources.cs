using PipelineGuard.Model;

namespace PipelineGuard.Configuration;

/// <summary>Where the layers come from: all injected (file text, environment snapshot, flags).</summary>
internal sealed record SettingsSources(
    SourceText? File,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyDictionary<string, string?> Flags);
