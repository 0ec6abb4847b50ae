namespace PipelineGuard.Tests.Delivery;

/// <summary>
/// action/entrypoint.sh turns the `select` and `ignore` inputs into one <c>--select</c>/<c>--ignore</c> per word,
/// with a stand-in program that prints its arguments (the published program is tested in ContainerEntryPointTests).
/// </summary>
public sealed class EntryPointRuleListTests
{
    [Test]
    public void The_select_and_ignore_inputs_become_one_flag_per_word()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("the entry point reads /proc and runs in the Linux image");
            return;
        }

        var temp = Directory.CreateTempSubdirectory("pg-entry-");
        try
        {
            var echo = Path.Combine(temp.FullName, "echo-args");
            File.WriteAllText(echo, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
            File.SetUnixFileMode(echo, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var env = new Dictionary<string, string>
            {
                ["INPUT_SELECT"] = "PG135, pip-unpinned",
                ["INPUT_IGNORE"] = "PG106\ndependency-unpinned *",
                ["INPUT_FAIL-ON"] = string.Empty,
                ["PIPELINEGUARD_BIN"] = echo,
            };
            var result = ExternalProcess.Run("/bin/sh", env, temp.FullName, Path.Combine(Shipped.Root, "action", "entrypoint.sh"));
            Assert.That(result.Stdout.TrimEnd('\n').Split('\n'), Is.EqualTo(new[]
            {
                "check", "--select", "PG135,", "--select", "pip-unpinned", "--ignore", "PG106", "--ignore", "dependency-unpinned", "--ignore", "*",
            }), result.Stderr);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
