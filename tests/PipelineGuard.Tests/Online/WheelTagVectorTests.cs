using System.Text.Json;
using PipelineGuard.Online.Pip;

namespace PipelineGuard.Tests.Online;

/// <summary>
/// <see cref="WheelTags"/> against the committed table of packaging.tags' answers (tools/oracles/wheel_tags.py):
/// every wheel name of the table, on every CPython and manylinux platform of it.
/// </summary>
public sealed class WheelTagVectorTests
{
    [Test]
    public void Every_wheel_is_judged_as_packaging_tags_judges_it_on_every_target()
    {
        var lines = File.ReadLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", "wheel-tags", "compatibility.jsonl")).ToList();
        using var header = JsonDocument.Parse(lines[0]);
        var targets = header.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList();
        var tags = targets.ToDictionary(t => t, t =>
        {
            var (python, platform) = (t.Split(' ')[0].Split('.'), t.Split(' ')[1]);
            return WheelTags.For(int.Parse(python[0]), int.Parse(python[1]), platform);
        });
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var line in lines.Skip(1))
        {
            using var row = JsonDocument.Parse(line);
            var wheel = row.RootElement.GetProperty("wheel").GetString()!;
            var on = row.RootElement.GetProperty("on").EnumerateArray().Select(t => t.GetString()!).ToHashSet();
            rows++;
            foreach (var target in targets)
            {
                if (tags[target].Accepts(wheel) != on.Contains(target))
                {
                    mismatches.Add($"{wheel} on {target}: packaging says {on.Contains(target)}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.GreaterThan(5000));
            Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches.Take(20)));
        });
    }

    [Test]
    public void The_platforms_of_a_glibc_run_down_to_manylinux1_with_the_legacy_aliases()
    {
        var platforms = WheelTags.Platforms("manylinux_2_17_x86_64");
        Assert.That(platforms.Take(2).Concat(platforms.TakeLast(3)), Is.EqualTo(new[]
        {
            "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64",
        }));
    }
}
