namespace PipelineGuard.BuildLogs;

/// <summary>Which group of signatures a keyword belongs to; a line is handed only to the groups whose keywords it contains.</summary>
[Flags]
internal enum Families
{
    None = 0,
    Markers = 1,
    Pip = 2,
    Conda = 4,
    Network = 8,
    Registry = 16,
    Docker = 32,
    System = 64,
}
