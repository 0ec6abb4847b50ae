using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Versioning.Conda;

/// <summary>Cases from conda's tests/models/test_version.py and the PipelineGuard contract (AdmitsAtOrAbove, IsExactPin).</summary>
public sealed class CondaVersionSpecTests
{
    private static CondaVersion V(string text) => CondaVersion.Parse(text);

    private static CondaVersionSpec S(string text) => CondaVersionSpec.Parse(text);

    // test_ver_eval, test_local_identifier, test_not_eq_star, test_compatible_release_versions
    [TestCase("1.7.0", "==1.7", true)]
    [TestCase("1.7.0", "<=1.7", true)]
    [TestCase("1.7.0", "<1.7", false)]
    [TestCase("1.7.0", ">=1.7", true)]
    [TestCase("1.7.0", ">1.7", false)]
    [TestCase("1.6.7", ">=1.7", false)]
    [TestCase("2013a", ">2013b", false)]
    [TestCase("2013k", ">2013b", true)]
    [TestCase("3.0.0", ">2013b", false)]
    [TestCase("1.0.0", ">1.0.0a", true)]
    [TestCase("1.0.0", ">1.0.0*", true)]
    [TestCase("1.0", "1.0*", true)]
    [TestCase("1.0.0", "1.0*", true)]
    [TestCase("1.0", "1.0.0*", true)]
    [TestCase("1.0.1", "1.0.0*", false)]
    [TestCase("2013a", "2013a*", true)]
    [TestCase("2013a", "2013b*", false)]
    [TestCase("2013ab", "2013a*", true)]
    [TestCase("1.3.4", "1.2.4*", false)]
    [TestCase("1.2.3+4.5.6", "1.2.3*", true)]
    [TestCase("1.2.3+4.5.6", "1.2.3+4*", true)]
    [TestCase("1.2.3+4.5.6", "1.2.3+5*", false)]
    [TestCase("1.2.3+4.5.6", "1.2.4+5*", false)]
    [TestCase("1.7.0.post123.gabcdef9", "1.7.0.post123.gabcdef9", true)]
    [TestCase("1.7.0.post123+gabcdef9", "1.7.0.post123+gabcdef9", true)]
    [TestCase("3.3.1", "=3.3", true)]
    [TestCase("3.3", "=3.3", true)]
    [TestCase("3.4", "=3.3", false)]
    [TestCase("3.3.1", "3.3.*", true)]
    [TestCase("3.3", "3.3.*", true)]
    [TestCase("3.4", "3.3.*", false)]
    [TestCase("3.3.1", "=3.3.*", true)]
    [TestCase("3.4", "=3.3.*", false)]
    [TestCase("3.3.1", "!=3.3.*", false)]
    [TestCase("3.4", "!=3.3.*", true)]
    [TestCase("3.4.1", "!=3.3.*", true)]
    [TestCase("3.3.1", "!=3.3", true)]
    [TestCase("3.3.0.0", "!=3.3", false)]
    [TestCase("3.3.0.0", "!=3.3.*", false)]
    [TestCase("1.11.0", "~=1.10", true)]
    [TestCase("1.11.0", "~=1.10.0", false)]
    [TestCase("3.4.0", "~=3.3.2", false)]
    [TestCase("3.3.1", "~=3.3.2", false)]
    [TestCase("3.3.2.0", "~=3.3.2", true)]
    [TestCase("3.3.3", "~=3.3.2", true)]
    [TestCase("2.2.0", "~=3.3.2|==2.2", true)]
    [TestCase("3.3.3", "~=3.3.2|==2.2", true)]
    [TestCase("2.2.1", "~=3.3.2|==2.2", false)]
    [TestCase("2.6.8", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", false)]
    [TestCase("2.7.2", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", true)]
    [TestCase("3.3", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", false)]
    [TestCase("3.3.4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", false)]
    [TestCase("3.4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", true)]
    [TestCase("3.4a", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", true)]
    [TestCase("1.0.1", "<1.0.1a", false)]
    [TestCase("1.0.1a.vc11", "<1.0.1", true)]
    [TestCase("1.0.1z", ">=1.0.1a", true)]
    public void Contains_like_ver_eval(string version, string spec, bool expected)
    {
        var parsed = S(spec);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.Contains(V(version)), Is.EqualTo(expected));
            Assert.That(parsed.Set.Contains(V(version)), Is.EqualTo(expected), "interval set");
        }
    }

    // test_match: every spec against version 1.7.1
    [TestCase("1.7.*", true)]
    [TestCase("1.7.1", true)]
    [TestCase("1.7.0", false)]
    [TestCase("1.7", false)]
    [TestCase("1.5.*", false)]
    [TestCase(">=1.5", true)]
    [TestCase("!=1.5", true)]
    [TestCase("!=1.7.1", false)]
    [TestCase("==1.7.1", true)]
    [TestCase("==1.7", false)]
    [TestCase("==1.7.2", false)]
    [TestCase("==1.7.1.0", true)]
    [TestCase("1.7.*|1.8.*", true)]
    [TestCase(">1.7,<1.8", true)]
    [TestCase(">1.7.1,<1.8", false)]
    [TestCase("^1.7.1$", true)]
    [TestCase(@"^1\.7\.1$", true)]
    [TestCase(@"^1\.7\.[0-9]+$", true)]
    [TestCase(@"^1\.8.*$", false)]
    [TestCase(@"^1\.[5-8]\.1$", true)]
    [TestCase(@"^[^1].*$", false)]
    [TestCase(@"^[0-9+]+\.[0-9+]+\.[0-9]+$", true)]
    [TestCase("^$", false)]
    [TestCase("^.*$", true)]
    [TestCase("1.7.*|^0.*$", true)]
    [TestCase("1.6.*|^0.*$", false)]
    [TestCase("1.6.*|^0.*$|1.7.1", true)]
    [TestCase("^0.*$|1.7.1", true)]
    [TestCase(@"1.6.*|^.*\.7\.1$|0.7.1", true)]
    [TestCase("*", true)]
    [TestCase("1.*.1", true)]
    [TestCase("1.5.*|>1.7,<1.8", true)]
    [TestCase("1.5.*|>1.7,<1.7.1", false)]
    [TestCase("( (1.5|((1.6|1.7), 1.8), 1.9 |2.0))|2.1", false)]
    [TestCase("(1.7.1|1.8),>1", true)]
    [TestCase(">=1,*.7.*", true)]
    [TestCase("*.7.*,>=1", true)]
    [TestCase(">=1,*.8.*", false)]
    [TestCase(">=2,*.7.*", false)]
    public void Matches_1_7_1_like_test_match(string spec, bool expected) =>
        Assert.That(S(spec).Contains(V("1.7.1")), Is.EqualTo(expected));

    [Test]
    public void Comma_binds_tighter_than_bar()
    {
        // "1.5|(1.6|1.7),1.8,1.9|2.0|2.1" is 1.5 | ((1.6|1.7),1.8,1.9) | 2.0 | 2.1
        var spec = S("1.5|(1.6|1.7),1.8,1.9|2.0|2.1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(spec.Contains(V("1.5")), Is.True);
            Assert.That(spec.Contains(V("1.6")), Is.False);
            Assert.That(spec.Contains(V("2.1")), Is.True);
            Assert.That(S(">=1,<2|>=3").Contains(V("3.5")), Is.True);
            Assert.That(S(">=1,<2|>=3").Contains(V("2.5")), Is.False);
        }
    }

    [TestCase("~")]
    [TestCase("^")]
    [TestCase("1.2+")]
    [TestCase("+1.2")]
    [TestCase("+1.2+")]
    [TestCase("++")]
    [TestCase("c +, 0/|0 *")]
    [TestCase("a[version=)|(")]
    [TestCase("a=)(=b")]
    [TestCase("==")]
    [TestCase("=")]
    [TestCase(">=")]
    [TestCase("<=")]
    [TestCase("(1.5")]
    [TestCase("1.5)")]
    [TestCase("1.5||1.6")]
    [TestCase("^1.5")]
    [TestCase("~=3.3.2.*")]
    [TestCase("===3.3.2")]
    [TestCase("><2.4.5")]
    [TestCase("!!2.4.5")]
    [TestCase("!")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("1.5,")]
    [TestCase("1.5, ")]
    [TestCase("~=1")]
    [TestCase(">= 1.0")]
    [TestCase("1.0@abc")]
    [TestCase("{{latest-pypi-version}}")]
    [TestCase("()")]
    public void Rejects_invalid_specs(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CondaVersionSpec.TryParse(text, out var spec, out var error), Is.False);
            Assert.That(spec, Is.Null);
            Assert.That(error, Is.Not.Null.And.Not.Empty);
        }

        Assert.Throws<FormatException>(() => CondaVersionSpec.Parse(text));
    }

    // The PipelineGuard contract, for pip and 20.3 (and a few more).
    [TestCase("=20", "20.3", true)]
    [TestCase("20*", "20.3", true)]
    [TestCase("20.*", "20.3", true)]
    [TestCase("20", "20.3", false)] // conda's VersionSpec reads a bare '20' as '==20' (20.0)
    [TestCase("<=20.3", "20.3", true)]
    [TestCase("<=20.3.0", "20.3", true)]
    [TestCase("!=20.3", "20.3", true)]
    [TestCase(">=20.2,<20.3", "20.3", false)]
    [TestCase("<20.3", "20.3", false)]
    [TestCase("<20.3.0", "20.3", false)]
    [TestCase("20.2.4", "20.3", false)]
    [TestCase("==20.2.4", "20.3", false)]
    [TestCase("20.2.*", "20.3", false)]
    [TestCase("=20.2", "20.3", false)]
    [TestCase(">=19|<20", "20.3", true)]
    [TestCase("<19|<20", "20.3", false)]
    [TestCase(">20.3", "20.3", true)]
    [TestCase("==20.3", "20.3", true)]
    [TestCase("==20.3.0.0", "20.3", true)]
    [TestCase("20.3", "20.3", true)]
    [TestCase("~=20.2", "20.3", true)]
    [TestCase("~=20.2.0", "20.3", false)]
    [TestCase("!=20.3.*,<20.4", "20.3", true)] // 20.4a1 is below 20.4 in conda's order
    [TestCase("!=20.3.*,<20.3.9", "20.3", false)]
    [TestCase("20.2.*|20.3.*", "20.3", true)]
    [TestCase("(20.1|20.2),<21", "20.3", false)]
    [TestCase("1.7.*,1.8.*", "0", false)]
    [TestCase(">=1.8,<1.7", "0", false)]
    [TestCase("1.7.*|1.8.*", "1.8.5", true)]
    [TestCase("1.7.*|1.8.*", "1.9", false)]
    [TestCase(">1.7.*,<1.8", "1.7.5", true)]
    [TestCase("2013a*", "2013b", false)]
    [TestCase("2013a*", "2013ab", true)]
    [TestCase("<2013b", "2013az", true)]
    [TestCase("1.0.1_", "1.0.1a", false)]
    [TestCase("*", "99", true)]
    [TestCase("1.*.1", "99", true)] // a glob: over-approximated as admitting everything
    [TestCase("^1\\.2$", "99", true)]
    [TestCase("<20.3+local", "20.3", false)] // 20.3+local < 20.3 in conda's order
    [TestCase("<=20.3+local", "20.3", false)]
    [TestCase("<=20.3+1", "20.3", true)]
    [TestCase("1!1.0", "20.3", true)]
    [TestCase("<1!0", "20.3", true)]
    [TestCase("<1!0", "1!0.1", false)]
    public void AdmitsAtOrAbove(string spec, string version, bool expected) =>
        Assert.That(S(spec).AdmitsAtOrAbove(V(version)), Is.EqualTo(expected));

    [TestCase("=1.21.2", true)]
    [TestCase("==1.21.2", true)]
    [TestCase("1.21.2", true)]
    [TestCase(" 1.21.2 ", true)]
    [TestCase("1!1.0+local", true)]
    [TestCase("1.21.*", false)]
    [TestCase("1.21*", false)]
    [TestCase("=1.21*", false)]
    [TestCase(">=1", false)]
    [TestCase("<1", false)]
    [TestCase("!=1", false)]
    [TestCase("1|2", false)]
    [TestCase("1,2", false)]
    [TestCase("(1)", false)]
    [TestCase("~=1.2", false)]
    [TestCase("*", false)]
    [TestCase("^1.2$", false)]
    public void IsExactPin(string spec, bool expected) => Assert.That(S(spec).IsExactPin, Is.EqualTo(expected));

    [Test]
    public void Text_is_kept()
    {
        var spec = S(">=1.0, <2");
        Assert.That(spec.Text, Is.EqualTo(">=1.0, <2"));
        Assert.That(spec.ToString(), Is.EqualTo(">=1.0, <2"));
    }

    /// <summary>
    /// The interval sets agree with conda's matcher on random specs and versions, and
    /// AdmitsAtOrAbove never says "no" when a sampled version at or above says "yes".
    /// </summary>
    [Test]
    public void Interval_sets_agree_with_matching_on_random_specs()
    {
        var random = new Random(1234);
        var versions = Enumerable.Range(0, 300).Select(_ => CondaVersionGenerator.Next(random)).ToList();
        var failures = new List<string>();
        var specs = 0;
        for (var n = 0; n < 500 && failures.Count < 10; n++)
        {
            var text = RandomSpec(random, versions);
            if (!CondaVersionSpec.TryParse(text, out var spec, out _))
            {
                continue;
            }

            specs++;
            var intervals = spec.Set.Intervals;
            for (var i = 0; i < intervals.Length; i++)
            {
                if (!(intervals[i].Low < intervals[i].High) || (i > 0 && !(intervals[i - 1].High < intervals[i].Low)))
                {
                    failures.Add($"malformed set for {text}: {spec.Set}");
                }
            }

            foreach (var v in versions)
            {
                var contains = spec.Contains(v);
                if (spec.Set.Contains(v) != contains)
                {
                    failures.Add($"{text} on {v}: matcher {contains}, set {spec.Set}");
                }

                var w = versions[random.Next(versions.Count)];
                if (contains && w <= v && !spec.AdmitsAtOrAbove(w))
                {
                    failures.Add($"{text} admits {v} but not 'at or above {w}'");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(specs, Is.GreaterThan(300));
    }

    [Test]
    public void Long_and_deep_inputs_are_handled()
    {
        var longOr = string.Join("|", Enumerable.Range(0, 1500).Select(i => $"{i}.*"));
        var longAnd = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"!={i}.1"));
        var deep = string.Concat(Enumerable.Repeat("(1|", 2500)) + "2" + new string(')', 2500);
        var alternating = string.Concat(Enumerable.Range(0, 1500).Select(i => i % 2 == 0 ? "(1|" : "(1,")) + "2" + new string(')', 1500);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(longOr, Has.Length.GreaterThan(9_000));
            Assert.That(S(longOr).AdmitsAtOrAbove(V("1499.5")), Is.True);
            Assert.That(S(longOr).AdmitsAtOrAbove(V("1500")), Is.False);
            Assert.That(S(longAnd).AdmitsAtOrAbove(V("5")), Is.True);
            Assert.That(S(longAnd).Contains(V("5.1")), Is.False);
            Assert.That(S(deep).Contains(V("2")), Is.True);
            Assert.That(S(alternating).AdmitsAtOrAbove(V("1")), Is.True);
            Assert.That(CondaVersionSpec.TryParse(new string('(', 10_000), out _, out _), Is.False);
            Assert.That(CondaVersionSpec.TryParse(new string('^', 10_000), out _, out _), Is.False);
            Assert.That(CondaVersionSpec.TryParse(new string('|', 10_000), out _, out _), Is.False);
            Assert.That(CondaVersionSpec.TryParse(string.Concat(Enumerable.Repeat("1.*", 3400)), out var glob, out _), Is.True);
            Assert.That(glob!.Contains(V("1.2")), Is.False);
        }
    }

    private static string RandomSpec(Random random, List<CondaVersion> versions)
    {
        string[] operators = ["==", "!=", "<", "<=", ">", ">=", "=", "", "~=", ""];
        string Term()
        {
            var op = operators[random.Next(operators.Length)];
            // A '*' inside a version would make a glob, which the interval sets over-approximate on purpose.
            var version = versions[random.Next(versions.Count)].Text.Replace("*", string.Empty);
            var star = op is "" or "=" or "!=" && random.Next(3) == 0 ? ".*" : string.Empty;
            return op + version + star;
        }

        string And() => string.Join(",", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Term()));
        var text = string.Join("|", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => And()));
        return random.Next(5) == 0 ? $"({text}),{Term()}" : text;
    }
}
