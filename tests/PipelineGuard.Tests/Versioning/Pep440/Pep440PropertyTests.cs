using System.Text;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Tests.Versioning.Pep440;

/// <summary>Properties on random input (fixed seed): ordering laws, round-trips, no exceptions, long input.</summary>
public sealed class Pep440PropertyTests
{
    private static readonly string[] Suffixes = ["", "a1", "b2", "rc1", ".post1", ".dev0", "a1.dev1", ".post1.dev1", "+local", "+1.a", "a0", ".post0", "-1"];

    private static List<Pep440Version> RandomVersions(int count)
    {
        var random = new Random(440);
        var versions = new List<Pep440Version>();
        while (versions.Count < count)
        {
            var release = string.Join('.', Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(0, 3)));
            var epoch = random.Next(10) == 0 ? "1!" : string.Empty;
            versions.Add(Pep440Version.Parse(epoch + release + Suffixes[random.Next(Suffixes.Length)]));
        }

        return versions;
    }

    [Test]
    public void Ordering_is_antisymmetric_transitive_and_consistent_with_equality()
    {
        var versions = RandomVersions(2000);
        var random = new Random(7);
        var problems = new List<string>();
        for (var i = 0; i < 20000 && problems.Count < 20; i++)
        {
            var a = versions[random.Next(versions.Count)];
            var b = versions[random.Next(versions.Count)];
            var c = versions[random.Next(versions.Count)];
            if (Math.Sign(a.CompareTo(b)) != -Math.Sign(b.CompareTo(a)))
            {
                problems.Add($"antisymmetry {a} {b}");
            }

            if (a <= b && b <= c && !(a <= c))
            {
                problems.Add($"transitivity {a} {b} {c}");
            }

            if ((a.CompareTo(b) == 0) != a.Equals(b) || (a.Equals(b) && a.GetHashCode() != b.GetHashCode()))
            {
                problems.Add($"equality {a} {b}");
            }
        }

        var sorted = versions.Order().ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1] > sorted[i])
            {
                problems.Add($"sort {sorted[i - 1]} {sorted[i]}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Normalised_text_parses_back_to_an_equal_version_with_the_same_text()
    {
        var problems = RandomVersions(3000)
            .Where(v => !Pep440Version.TryParse(v.ToString(), out var again) || again != v || again.ToString() != v.ToString())
            .Select(v => v.ToString())
            .Take(20)
            .ToList();
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Huge_numbers_parse_compare_and_print()
    {
        var big = Pep440Version.Parse("1.0.99999999999999999999");
        var bigger = Pep440Version.Parse("1.0.100000000000000000000");
        Assert.Multiple(() =>
        {
            Assert.That(big.ToString(), Is.EqualTo("1.0.99999999999999999999"));
            Assert.That(big, Is.LessThan(bigger));
            Assert.That(big.Release[2], Is.EqualTo(System.Numerics.BigInteger.Parse("99999999999999999999", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Pep440Version.Parse("1.0.0099").ToString(), Is.EqualTo("1.0.99"));
        });
    }

    [Test]
    public void Ten_thousand_character_inputs_parse_without_throwing()
    {
        var longVersion = "1." + string.Join('.', Enumerable.Repeat("12345", 1666)) + "a1";
        var longNumber = "1." + new string('9', 10000);
        var longBad = new string('1', 5000) + "." + new string('x', 5000);
        var longSet = string.Join(',', Enumerable.Repeat(">=1.0", 1666));
        var manySeparators = "1.0" + string.Concat(Enumerable.Repeat("-_.", 3333));
        Assert.Multiple(() =>
        {
            Assert.That(Pep440Version.TryParse(longVersion, out _), Is.True);
            Assert.That(Pep440Version.TryParse(longNumber, out _), Is.True);
            Assert.That(Pep440Version.TryParse(longBad, out _, out var error), Is.False);
            Assert.That(error!.Offset, Is.EqualTo(5000));
            Assert.That(Pep440Version.TryParse(manySeparators, out _), Is.False);
            Assert.That(Pep440SpecifierSet.TryParse(longSet, out var set, out _), Is.True);
            Assert.That(set!.Specifiers, Has.Length.EqualTo(1));
            Assert.That(Pep440SpecifierSet.TryParse("==" + longVersion + ".*", out _, out _), Is.True);
        });
    }

    [Test]
    public void Random_garbage_never_throws()
    {
        var random = new Random(508);
        const string Alphabet = "0123456789.-_+!*=<>~,;()[]@'\" \tabcdeprstvzAPRV\u00e9\u0131\u017f\u212a\u0130\u00a0\n";
        for (var i = 0; i < 5000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = builder.ToString();
            Assert.DoesNotThrow(() =>
            {
                if (Pep440Version.TryParse(text, out var v))
                {
                    _ = v.ToString();
                }

                if (Pep440SpecifierSet.TryParse(text, out var set, out _))
                {
                    _ = set.Contains(Pep440Version.Parse("1.0"), true);
                    _ = set.AdmitsAnyAtOrAbove(Pep440Version.Parse("1.0"));
                }

                if (PipelineGuard.Versioning.Pep508.Pep508Requirement.TryParse("x" + text, out var requirement, out _) && requirement.Marker is { } marker)
                {
                    _ = marker.TryEvaluate(new Dictionary<string, string>(), out _, out _);
                }
            }, text);
        }
    }
}
