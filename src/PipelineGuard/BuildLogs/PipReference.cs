namespace PipelineGuard.BuildLogs;

/// <summary>
/// Where pip says a requirement came from: <c>(from -r /azureml-environment-setup/condaenv.x1.requirements.txt (line 39))</c>,
/// <c>(from line 2 of requirements.txt)</c>, <c>(from good-package==1.0)</c>, or pip 19's chain
/// <c>(from azureml-train-automl==1.0.48-&gt;-r …requirements.txt (line 3))</c>.
/// See pip's <c>InstallRequirement.__str__</c> / <c>comes_from</c> (src/pip/_internal/req/req_install.py).
/// </summary>
internal sealed record PipReference(string? File, int? Line, string? FromPackage)
{
    public static readonly PipReference None = new(null, null, null);

    /// <summary>True for the file Azure ML (conda) writes from a spec's <c>pip:</c> list: <c>condaenv.&lt;id&gt;.requirements.txt</c>.</summary>
    public bool IsCondaPipList => File is { } f && Path.GetFileName(f).StartsWith("condaenv.", StringComparison.Ordinal) && f.EndsWith(".requirements.txt", StringComparison.Ordinal);

    public static PipReference Parse(string text)
    {
        string? file = null;
        int? line = null;
        string? from = null;

        var r = text.IndexOf("-r ", StringComparison.Ordinal);
        if (r >= 0)
        {
            var rest = text[(r + 3)..];
            var lineMark = rest.IndexOf(" (line ", StringComparison.Ordinal);
            if (lineMark > 0)
            {
                file = rest[..lineMark].Trim();
                line = LogText.IntegerAfter(rest[..Math.Min(rest.Length, lineMark + 20)], " (line ");
            }
        }

        var ofLine = text.IndexOf("(from line ", StringComparison.Ordinal);
        if (ofLine >= 0 && file is null)
        {
            var rest = text[(ofLine + 11)..];
            line = LogText.IntegerAfter("x " + rest, "x ");
            var of = rest.IndexOf(" of ", StringComparison.Ordinal);
            if (of >= 0)
            {
                var tail = rest[(of + 4)..];
                var close = tail.LastIndexOf(')');
                file = (close < 0 ? tail : tail[..close]).Trim();
            }
        }

        var search = 0;
        while (true)
        {
            var open = text.IndexOf("(from ", search, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var inner = text[(open + 6)..];
            search = open + 6;
            if (inner.StartsWith("versions:", StringComparison.Ordinal) || inner.StartsWith("-r ", StringComparison.Ordinal) ||
                inner.StartsWith("line ", StringComparison.Ordinal) || inner.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }

            from = LogText.RequirementName(inner);
            break;
        }

        return file is null && line is null && from is null ? None : new PipReference(file, line, from);
    }
}
