namespace PipelineGuard.Tests.Security;

/// <summary>Everything one CLI run produced: exit code, standard output and error, and every file it wrote.</summary>
internal sealed record RunOutput(int Code, string Out, string Err, IReadOnlyList<(string Name, string Text)> Files)
{
    public string All => string.Join("\n", [Out, Err, .. Files.Select(f => f.Name + ":\n" + f.Text)]);
}
