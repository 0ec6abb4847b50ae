using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Tests.Versioning.Pep440;

public sealed class Pep440SpecifierTests
{
    [TestCase("==1.0", true)]
    [TestCase("===1.0", true)]
    [TestCase("== 1.0+local", true)]
    [TestCase("==1.0.*", false)]
    [TestCase(">=1.0", false)]
    [TestCase("==1.0,>=0.5", false)]
    [TestCase("==1.0,==1.0.0", true)]
    [TestCase("", false)]
    public void Exact_pin(string text, bool expected) =>
        Assert.That(Pep440SpecifierSet.Parse(text).IsExactPin, Is.EqualTo(expected));

    [TestCase(">=1.0,<2.0", "1.5", true)]
    [TestCase(">=1.0,<2.0", "2.0", false)]
    [TestCase("<2.0", "3.0", false)]
    [TestCase("==1.2.*", "1.2.5", true)]
    [TestCase("==1.2.*", "1.3", false)]
    [TestCase("!=1.2.*", "1.2.5", true)]
    [TestCase(">1.0,<1.0.1", "1.0", true)]
    [TestCase(">1.0.post1,<1.0.post3", "1.0", true)]
    [TestCase("~=1.4.5", "1.4.9", true)]
    [TestCase("~=1.4.5", "1.5", false)]
    [TestCase("==1.0", "1.0", true)]
    [TestCase("==1.0", "1.0.1", false)]
    [TestCase("<1.0", "1.0a1", false)]
    [TestCase("<1.0rc1", "1.0a1", true)]
    [TestCase("===foo", "1.0", false)]
    [TestCase(">=2,<1", "0", false)]
    [TestCase("", "5.0", true)]
    public void Admits_any_at_or_above(string set, string floor, bool expected) =>
        Assert.That(Pep440SpecifierSet.Parse(set).AdmitsAnyAtOrAbove(Pep440Version.Parse(floor)), Is.EqualTo(expected));

    /// <summary>Brute force on a dense grid: whenever a grid version at or above the floor matches, we must say yes.</summary>
    [Test]
    public void Admits_any_at_or_above_never_misses_a_grid_witness()
    {
        string[] suffixes = ["", ".dev0", "a0", "a1", "rc1", ".post0", ".post1", ".post1.dev0", "+l"];
        var grid = new List<Pep440Version>();
        foreach (var release in new[] { "0", "0.9", "1", "1.0.1", "1.0.0.1", "1.1", "1.2", "1.2.1", "1.3", "2", "2.0.1", "3" })
        {
            grid.AddRange(suffixes.Select(s => Pep440Version.Parse(release + s)));
        }

        string[] ops = ["==", "!=", "<", "<=", ">", ">=", "~="];
        string[] versions = ["1", "1.0", "1.2", "1.0.post1", "1.0a1", "2.0", "1.2.*", "1.0.*"];
        var random = new Random(3);
        var misses = new List<string>();
        for (var i = 0; i < 1500 && misses.Count < 20; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => ops[random.Next(ops.Length)] + versions[random.Next(versions.Length)]);
            if (!Pep440SpecifierSet.TryParse(string.Join(',', parts), out var set, out _))
            {
                continue;
            }

            var floor = grid[random.Next(grid.Count)];
            var brute = grid.Any(g => g >= floor && set.Contains(g, true));
            var ours = set.AdmitsAnyAtOrAbove(floor);
            if (brute && !ours)
            {
                misses.Add($"{set} from {floor}");
            }
        }

        Assert.That(misses, Is.Empty);
    }

    [Test]
    public void Errors_are_positioned()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pep440SpecifierSet.TryParse(">=1.0, <2.0x", out _, out var error), Is.False);
            Assert.That(error!.Offset, Is.EqualTo(11));
            Assert.That(Pep440SpecifierSet.TryParse(">=1.0, =2.0", out _, out error), Is.False);
            Assert.That(error!.Offset, Is.EqualTo(7));
            Assert.That(error.Message, Does.Contain("'=='"));
            Assert.That(Pep440SpecifierSet.TryParse("~=1", out _, out error), Is.False);
            Assert.That(error!.Message, Does.Contain("two release numbers"));
            Assert.That(Pep440SpecifierSet.TryParse("===", out _, out _), Is.False);
        });
    }
}
