namespace PipelineGuard.Online.Pip;

/// <summary>
/// The wheel tags a CPython of one minor version installs on one manylinux platform, as packaging's
/// <c>tags.sys_tags()</c> lists them there (<c>cpython_tags</c> then <c>compatible_tags</c>), and whether a wheel's
/// file name carries one of them. The committed table <c>Vectors/wheel-tags/compatibility.jsonl</c>, written by
/// tools/oracles/wheel_tags.py with packaging's own <c>tags</c> module, checks this.
/// </summary>
internal sealed class WheelTags
{
    private readonly HashSet<string> _supported;

    private WheelTags(HashSet<string> supported) => _supported = supported;

    /// <summary>The tags of CPython <paramref name="major"/>.<paramref name="minor"/> on <paramref name="platform"/> (<c>manylinux_2_35_x86_64</c>).</summary>
    public static WheelTags For(int major, int minor, string platform)
    {
        var platforms = Platforms(platform);
        var interpreter = $"cp{major}{minor}";
        // Before 3.8 CPython's ABI tag carries pymalloc's 'm' (cp37m); packaging's _cpython_abis.
        var abi = major == 3 && minor < 8 ? interpreter + "m" : interpreter;
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in platforms)
        {
            tags.Add($"{interpreter}-{abi}-{p}");
            // abi3 applies from 3.2 on: a stable-ABI wheel built for any earlier 3.x minor runs here.
            if (major == 3 && minor >= 2)
            {
                tags.Add($"{interpreter}-abi3-{p}");
                for (var older = minor - 1; older > 1; older--)
                {
                    tags.Add($"cp{major}{older}-abi3-{p}");
                }
            }

            tags.Add($"{interpreter}-none-{p}");
            foreach (var python in PythonRange(major, minor))
            {
                tags.Add($"{python}-none-{p}");
            }
        }

        tags.Add($"{interpreter}-none-any");
        foreach (var python in PythonRange(major, minor))
        {
            tags.Add($"{python}-none-any");
        }

        return new WheelTags(tags);
    }

    /// <summary>Whether a wheel file installs here: some tag of its (compressed) tag set is supported.</summary>
    public bool Accepts(string wheelFileName)
    {
        var stem = wheelFileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) ? wheelFileName[..^4] : wheelFileName;
        var parts = stem.Split('-');
        if (parts.Length is not (5 or 6))
        {
            return false;
        }

        var (pythons, abis, platforms) = (parts[^3].Split('.'), parts[^2].Split('.'), parts[^1].Split('.'));
        return pythons.Any(py => abis.Any(abi => platforms.Any(p => _supported.Contains($"{py.ToLowerInvariant()}-{abi.ToLowerInvariant()}-{p.ToLowerInvariant()}"))));
    }

    /// <summary>packaging's <c>_py_interpreter_range</c>: py310, py3, py39 … py30.</summary>
    private static IEnumerable<string> PythonRange(int major, int minor)
    {
        yield return $"py{major}{minor}";
        yield return $"py{major}";
        for (var older = minor - 1; older >= 0; older--)
        {
            yield return $"py{major}{older}";
        }
    }

    /// <summary>
    /// packaging's <c>_manylinux.platform_tags</c> for a glibc: every <c>manylinux_2_N</c> from it down to the oldest
    /// of the architecture, the legacy aliases (manylinux2014 = 2.17, manylinux2010 = 2.12, manylinux1 = 2.5 on
    /// x86_64), then the bare <c>linux_ARCH</c>.
    /// </summary>
    public static IReadOnlyList<string> Platforms(string platform)
    {
        var parts = platform.Split('_', 4);
        var glibc = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var arch = parts[3];
        var oldest = arch is "x86_64" or "i686" ? 5 : 17;
        var result = new List<string>();
        for (var g = glibc; g >= oldest; g--)
        {
            result.Add($"manylinux_2_{g}_{arch}");
            var legacy = g switch
            {
                17 => "manylinux2014",
                12 when arch is "x86_64" or "i686" => "manylinux2010",
                5 when arch is "x86_64" or "i686" => "manylinux1",
                _ => null,
            };
            if (legacy is not null)
            {
                result.Add($"{legacy}_{arch}");
            }
        }

        result.Add($"linux_{arch}");
        return result;
    }
}
