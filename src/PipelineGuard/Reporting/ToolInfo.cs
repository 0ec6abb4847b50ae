using System.Reflection;

namespace PipelineGuard.Reporting;

internal static class ToolInfo
{
    public const string Name = "PipelineGuard";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
