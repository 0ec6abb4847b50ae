using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Versioning.Conda;

/// <summary>Random but realistic conda versions (epochs, letters, dev/post, '_', '*', locals) for property tests.</summary>
internal static class CondaVersionGenerator
{
    private static readonly string[] Words = ["a", "b", "rc", "dev", "post", "alpha", "g", "z", "*", "pre"];

    public static CondaVersion Next(Random random)
    {
        var text = Text(random);
        return CondaVersion.TryParse(text, out var version, out var error)
            ? version
            : throw new InvalidOperationException($"generator made '{text}': {error}");
    }

    public static string Text(Random random)
    {
        var epoch = random.Next(8) == 0 ? random.Next(3) + "!" : string.Empty;
        var main = Components(random, 1 + random.Next(4));
        var local = random.Next(8) == 0 ? "+" + Components(random, 1 + random.Next(2)) : string.Empty;
        return epoch + main + local;
    }

    private static string Components(Random random, int count) =>
        string.Join(random.Next(6) == 0 ? "_" : ".", Enumerable.Range(0, count).Select(_ => Component(random)));

    private static string Component(Random random)
    {
        var number = random.Next(5) == 0 ? random.Next(100).ToString() : random.Next(3).ToString();
        return random.Next(4) switch
        {
            0 => number + Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? random.Next(3).ToString() : string.Empty),
            1 when random.Next(3) == 0 => Words[random.Next(Words.Length - 2)] + random.Next(3),
            _ => number,
        };
    }
}
