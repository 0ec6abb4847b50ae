namespace PipelineGuard.Configuration;

/// <summary>One effective value and the layer it came from, for <c>pipelineguard config</c>.</summary>
internal sealed record SettingValue(string Key, string Value, string Origin);
