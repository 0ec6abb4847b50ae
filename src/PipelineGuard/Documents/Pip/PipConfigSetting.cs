using PipelineGuard.Model;

namespace PipelineGuard.Documents.Pip;

/// <summary>A <c>--config-settings KEY=VAL</c> value, split at the first '='.</summary>
internal sealed record PipConfigSetting(Located<string> Key, Located<string> Value, PipOption Option);
