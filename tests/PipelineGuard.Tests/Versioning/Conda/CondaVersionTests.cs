using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Versioning.Conda;

/// <summary>
/// Cases from conda's own docstring and tests/models/test_version.py
/// (https://github.com/conda/conda/blob/main/tests/models/test_version.py).
/// </summary>
public sealed class CondaVersionTests
{
    private static CondaVersion V(string text) => CondaVersion.Parse(text);

    /// <summary>The order in the VersionOrder docstring; "==" marks a version equal to the one before it.</summary>
    private static readonly string[] DocstringOrder =
    [
        "0.4", "== 0.4.0", "0.4.1.rc", "== 0.4.1.RC", "0.4.1", "0.5a1", "0.5b3", "0.5C1", "0.5", "0.9.6", "0.960923",
        "1.0", "1.1dev1", "1.1_", "1.1a1", "1.1.0dev1", "== 1.1.dev1", "1.1.a1", "1.1.0rc1", "1.1.0", "== 1.1",
        "1.1.0post1", "== 1.1.post1", "1.1post1", "1996.07.12", "1!0.4.1", "1!3.1.1.6", "2!0.4.1",
    ];

    [Test]
    public void Docstring_order_holds_for_every_pair()
    {
        var ranked = new List<(CondaVersion Version, int Rank)>();
        var rank = 0;
        foreach (var entry in DocstringOrder)
        {
            var equal = entry.StartsWith("== ", StringComparison.Ordinal);
            rank += equal ? 0 : 1;
            ranked.Add((V(equal ? entry[3..] : entry), rank));
        }

        using (Assert.EnterMultipleScope())
        {
            foreach (var a in ranked)
            {
                foreach (var b in ranked)
                {
                    Assert.That(Math.Sign(a.Version.CompareTo(b.Version)), Is.EqualTo(a.Rank.CompareTo(b.Rank)), $"{a.Version} vs {b.Version}");
                    if (a.Rank == b.Rank)
                    {
                        Assert.That(a.Version.GetHashCode(), Is.EqualTo(b.Version.GetHashCode()), $"hash {a.Version} vs {b.Version}");
                    }
                }
            }
        }
    }

    // test_version_order: the text, the parse conda expects; the list is in ascending order.
    [TestCase("0.4", "[[0], [0], [4]]")]
    [TestCase("0.4.0", "[[0], [0], [4], [0]]")]
    [TestCase("0.4.1a.vc11", "[[0], [0], [4], [1, 'a'], [0, 'vc', 11]]")]
    [TestCase("0.4.1.rc", "[[0], [0], [4], [1], [0, 'rc']]")]
    [TestCase("0.4.1.vc11", "[[0], [0], [4], [1], [0, 'vc', 11]]")]
    [TestCase("0.4.1", "[[0], [0], [4], [1]]")]
    [TestCase("0.5*", "[[0], [0], [5, '*']]")]
    [TestCase("0.5a1", "[[0], [0], [5, 'a', 1]]")]
    [TestCase("0.5b3", "[[0], [0], [5, 'b', 3]]")]
    [TestCase("0.5C1", "[[0], [0], [5, 'c', 1]]")]
    [TestCase("0.5z", "[[0], [0], [5, 'z']]")]
    [TestCase("0.5za", "[[0], [0], [5, 'za']]")]
    [TestCase("0.5", "[[0], [0], [5]]")]
    [TestCase("0.5_5", "[[0], [0], [5], [5]]")]
    [TestCase("0.5-5", "[[0], [0], [5], [5]]")]
    [TestCase("0.9.6", "[[0], [0], [9], [6]]")]
    [TestCase("0.960923", "[[0], [0], [960923]]")]
    [TestCase("1.0", "[[0], [1], [0]]")]
    [TestCase("1.0.4a3", "[[0], [1], [0], [4, 'a', 3]]")]
    [TestCase("1.0.4b1", "[[0], [1], [0], [4, 'b', 1]]")]
    [TestCase("1.0.4", "[[0], [1], [0], [4]]")]
    [TestCase("1.1dev1", "[[0], [1], [1, 'DEV', 1]]")]
    [TestCase("1.1_", "[[0], [1], [1, '_']]")]
    [TestCase("1.1a1", "[[0], [1], [1, 'a', 1]]")]
    [TestCase("1.1.dev1", "[[0], [1], [1], [0, 'DEV', 1]]")]
    [TestCase("1.1.a1", "[[0], [1], [1], [0, 'a', 1]]")]
    [TestCase("1.1", "[[0], [1], [1]]")]
    [TestCase("1.1.post1", "[[0], [1], [1], [0, inf, 1]]")]
    [TestCase("1.1.1dev1", "[[0], [1], [1], [1, 'DEV', 1]]")]
    [TestCase("1.1.1rc1", "[[0], [1], [1], [1, 'rc', 1]]")]
    [TestCase("1.1.1", "[[0], [1], [1], [1]]")]
    [TestCase("1.1.1post1", "[[0], [1], [1], [1, inf, 1]]")]
    [TestCase("1.1post1", "[[0], [1], [1, inf, 1]]")]
    [TestCase("2g6", "[[0], [2, 'g', 6]]")]
    [TestCase("2.0b1pr0", "[[0], [2], [0, 'b', 1, 'pr', 0]]")]
    [TestCase("2.2be.ta29", "[[0], [2], [2, 'be'], [0, 'ta', 29]]")]
    [TestCase("2.2be5ta29", "[[0], [2], [2, 'be', 5, 'ta', 29]]")]
    [TestCase("2.2beta29", "[[0], [2], [2, 'beta', 29]]")]
    [TestCase("2.2.0.1", "[[0], [2], [2], [0], [1]]")]
    [TestCase("3.1.1.6", "[[0], [3], [1], [1], [6]]")]
    [TestCase("3.2.p.r0", "[[0], [3], [2], [0, 'p'], [0, 'r', 0]]")]
    [TestCase("3.2.pr0", "[[0], [3], [2], [0, 'pr', 0]]")]
    [TestCase("3.2.pr.1", "[[0], [3], [2], [0, 'pr'], [1]]")]
    [TestCase("5.5.kw", "[[0], [5], [5], [0, 'kw']]")]
    [TestCase("11g", "[[0], [11, 'g']]")]
    [TestCase("14.3.1", "[[0], [14], [3], [1]]")]
    [TestCase("14.3.1.post26.g9d75ca2", "[[0], [14], [3], [1], [0, inf, 26], [0, 'g', 9, 'd', 75, 'ca', 2]]")]
    [TestCase("1996.07.12", "[[0], [1996], [7], [12]]")]
    [TestCase("1!0.4.1", "[[1], [0], [4], [1]]")]
    [TestCase("1!3.1.1.6", "[[1], [3], [1], [1], [6]]")]
    [TestCase("2!0.4.1", "[[2], [0], [4], [1]]")]
    public void Parses_like_conda(string text, string expected)
    {
        var version = V(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(version.Describe(), Is.EqualTo(expected));
            Assert.That(version.NormalizedText, Is.EqualTo(text.ToLowerInvariant().Replace('-', '_')));
        }
    }

    [Test]
    public void The_test_version_order_list_is_sorted()
    {
        var texts = typeof(CondaVersionTests).GetMethod(nameof(Parses_like_conda))!
            .GetCustomAttributes(typeof(TestCaseAttribute), false).Cast<TestCaseAttribute>()
            .Select(a => (string)a.Arguments[0]!).ToList();
        Assert.That(texts, Has.Count.EqualTo(51));
        var versions = texts.Select(V).ToList();
        for (var i = 1; i < versions.Count; i++)
        {
            Assert.That(versions[i - 1], Is.LessThanOrEqualTo(versions[i]), $"{texts[i - 1]} <= {texts[i]}");
        }
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase("3.5&1")]
    [TestCase("5.5++")]
    [TestCase("5.5..mw")]
    [TestCase("!")]
    [TestCase("a!1.0")]
    [TestCase("a!b!1.0")]
    [TestCase("1.2+")]
    [TestCase("+1.2")]
    [TestCase("+1.2+")]
    [TestCase("++")]
    [TestCase("1.0.")]
    [TestCase(".1")]
    [TestCase("1-2_3!")]
    [TestCase("{{latest-pypi-version}}")]
    [TestCase("1.0 2")]
    public void Rejects_invalid_versions(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CondaVersion.TryParse(text, out var version, out var error), Is.False);
            Assert.That(version, Is.Null);
            Assert.That(error, Is.Not.Null.And.Not.Empty);
        }

        Assert.Throws<FormatException>(() => CondaVersion.Parse(text));
    }

    [Test]
    public void TryParse_accepts_null()
    {
        Assert.That(CondaVersion.TryParse(null, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("empty version string"));
    }

    [TestCase("  0.4.rc  ", "0.4.RC")]
    [TestCase("0.4", "0.4.0")]
    [TestCase("0.4.a1", "0.4.0a1")]
    [TestCase("1.1", "1.1.0.0")]
    [TestCase("0.4.1.rc", "  0.4.1.RC  ")]
    [TestCase("1.0-1", "1.0_1")]
    [TestCase("1.0+0", "1.0")]
    [TestCase("0!1.0", "1.0")]
    [TestCase("01.002", "1.2")]
    public void Equal_versions(string left, string right)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(V(left), Is.EqualTo(V(right)));
            Assert.That(V(left) == V(right), Is.True);
            Assert.That(V(left).GetHashCode(), Is.EqualTo(V(right).GetHashCode()));
        }
    }

    [TestCase("0.4", "0.4.1")]
    [TestCase("0.4.1", "0.4.1a1")]
    [TestCase("0.4.a1", "0.4.1a1")]
    public void Unequal_versions(string left, string right) => Assert.That(V(left), Is.Not.EqualTo(V(right)));

    [TestCase("4.5.4", "4.10.3")]
    [TestCase("4.5.4", "4.5.11")]
    [TestCase("4.5.1", "4.5.4")]
    [TestCase("1.0a1", "1.0")]
    [TestCase("1.0a1", "1.0.dev0")]
    [TestCase("1.0", "1.0.post1")]
    [TestCase("1.0+local", "1.0")]
    [TestCase("1.0", "1.0+1")]
    [TestCase("1.0+abc", "1.0+1")]
    [TestCase("1.2.0", "1.10.0")]
    [TestCase("99999999999999999999998", "99999999999999999999999")]
    [TestCase("1.0", "1!0.1")]
    [TestCase("0.3.0.dev", "0.3.3")]
    [TestCase("2013a", "2013b")]
    [TestCase("1.0*", "1.0dev")]
    public void Ordered_versions(string lower, string higher)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(V(lower) < V(higher), Is.True);
            Assert.That(V(higher) > V(lower), Is.True);
            Assert.That(V(lower).CompareTo(V(higher)), Is.Negative);
            Assert.That(V(higher).CompareTo(V(lower)), Is.Positive);
        }
    }

    [Test]
    public void Openssl_convention_order()
    {
        string[] expected =
        [
            "1.0.1dev", "1.0.1_", "1.0.1a", "1.0.1b", "1.0.1c", "1.0.1d", "1.0.1r", "1.0.1rc", "1.0.1rc1", "1.0.1rc2",
            "1.0.1s", "1.0.1", "1.0.1post.a", "1.0.1post.b", "1.0.1post.z", "1.0.1post.za", "1.0.2",
        ];
        AssertSortsTo(expected);
    }

    /// <summary>test_pep440: the packaging test list, which conda's order keeps sorted.</summary>
    [Test]
    public void Pep440_list_order()
    {
        string[] release =
        [
            "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
            "1.0b2.post345", "1.0c1.dev456", "1.0c1", "1.0c3", "1.0rc2", "1.0.dev456", "1.0", "1.0.post456.dev34",
            "1.0.post456", "1.1.dev1", "1.2.r32+123456", "1.2.rev33+123456", "1.2+abc", "1.2+abc123def", "1.2+abc123",
            "1.2+123abc", "1.2+123abc456", "1.2+1234.abc", "1.2+123456",
        ];
        AssertSortsTo([.. release, .. release.Select(v => "1!" + v)]);
    }

    [TestCase("0.4.1", "0", true)]
    [TestCase("0.4.1", "0.4", true)]
    [TestCase("0.4.1p1", "0.4", true)]
    [TestCase("0.4.1p1", "0.4.1p", true)]
    [TestCase("0.4.1p1", "0.4.1q1", false)]
    [TestCase("0.4", "0.4.1", false)]
    [TestCase("0.4.1+1.3", "0.4.1", true)]
    [TestCase("0.4.1+1.3", "0.4.1+1", true)]
    [TestCase("0.4.1", "0.4.1+1.3", false)]
    [TestCase("0.4.1+1", "0.4.1+1.3", false)]
    [TestCase("1.0", "1.0.0", true)]
    [TestCase("2013ab", "2013a", true)]
    public void StartsWith_like_conda(string version, string prefix, bool expected) =>
        Assert.That(V(version).StartsWith(V(prefix)), Is.EqualTo(expected));

    [Test]
    public void Random_versions_give_a_total_order()
    {
        var random = new Random(20240611);
        var versions = Enumerable.Range(0, 2000).Select(_ => CondaVersionGenerator.Next(random)).ToList();
        var failures = new List<string>();
        foreach (var a in versions)
        {
            var b = versions[random.Next(versions.Count)];
            var ab = a.CompareTo(b);
            if (Math.Sign(ab) != -Math.Sign(b.CompareTo(a)))
            {
                failures.Add($"antisymmetry {a} {b}");
            }

            if (ab == 0 && a.GetHashCode() != b.GetHashCode())
            {
                failures.Add($"hash {a} {b}");
            }

            if (a.CompareTo(a) != 0 || !a.Equals(a))
            {
                failures.Add($"reflexive {a}");
            }
        }

        var sorted = versions.OrderBy(v => v).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            // Transitivity: after sorting, every pair, not only neighbours, must be in order.
            for (var j = i + 1; j < sorted.Count; j += 7)
            {
                if (sorted[i].CompareTo(sorted[j]) > 0)
                {
                    failures.Add($"transitivity {sorted[i]} {sorted[j]}");
                }
            }
        }

        for (var k = 0; k < 20000; k++)
        {
            var (a, b, c) = (versions[random.Next(versions.Count)], versions[random.Next(versions.Count)], versions[random.Next(versions.Count)]);
            if (a <= b && b <= c && !(a <= c))
            {
                failures.Add($"transitivity {a} {b} {c}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Long_input_is_handled()
    {
        var longVersion = string.Join(".", Enumerable.Repeat("12a", 2600));
        var garbage = new string('!', 10_000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(longVersion, Has.Length.GreaterThan(9_999));
            Assert.That(CondaVersion.TryParse(longVersion, out var v, out _), Is.True);
            Assert.That(v!.CompareTo(CondaVersion.Parse(longVersion + ".1")), Is.Negative);
            Assert.That(CondaVersion.TryParse(garbage, out _, out _), Is.False);
            Assert.That(CondaVersion.TryParse(new string('9', 10_000), out var big, out _), Is.True);
            Assert.That(big!.CompareTo(CondaVersion.Parse(new string('9', 9_999))), Is.Positive);
        }
    }

    private static void AssertSortsTo(string[] expected)
    {
        var shuffled = expected.ToArray();
        new Random(7).Shuffle(shuffled);
        var sorted = shuffled.Select(V).OrderBy(v => v).Select(v => v.Text).ToArray();
        Assert.That(sorted, Is.EqualTo(expected));
    }
}
