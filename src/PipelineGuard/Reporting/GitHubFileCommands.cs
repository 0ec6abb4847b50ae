using System.Text;

namespace PipelineGuard.Reporting;

/// <summary>
/// Step outputs in the <c>$GITHUB_OUTPUT</c> file, in the toolkit's multi-line-safe form
/// (<see href="https://github.com/actions/toolkit/blob/main/packages/core/src/file-command.ts">file-command.ts</see>
/// <c>prepareKeyValueMessage</c>): <c>name&lt;&lt;ghadelimiter_TOKEN</c>, the value, the delimiter, each on its own line.
/// The delimiter is random per run, so a value cannot end the block early and add outputs of its own.
/// </summary>
internal static class GitHubFileCommands
{
    public static string Outputs(IEnumerable<KeyValuePair<string, string>> outputs, Func<string> newToken)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            var delimiter = "ghadelimiter_" + newToken();
            while (value.Contains(delimiter, StringComparison.Ordinal) || name.Contains(delimiter, StringComparison.Ordinal))
            {
                delimiter = "ghadelimiter_" + ReporterOptions.RandomToken();
            }

            sb.Append(name).Append("<<").Append(delimiter).Append('\n')
              .Append(value).Append('\n')
              .Append(delimiter).Append('\n');
        }

        return sb.ToString();
    }
}
