using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Tests.Versioning.Pep508;

public sealed class Pep508RequirementTests
{
    [Test]
    public void Parts_and_their_offsets_are_exposed()
    {
        const string Text = "Requests[security, socks] (>=2.8.1, ==2.8.*) ; python_version < \"2.7\"";
        Assert.That(Pep508Requirement.TryParse(Text, out var r, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(r!.NormalizedName, Is.EqualTo("requests"));
            Assert.That(r.NameSpan, Is.EqualTo(new TextSpan(0, 8)));
            Assert.That(r.Extras.Select(e => (e.Value, e.Span.Offset)), Is.EqualTo(new[] { ("security", 9), ("socks", 19) }));
            Assert.That(r.SpecifierSpan, Is.EqualTo(new TextSpan(27, 16)));
            Assert.That(r.Specifier.Specifiers.Select(s => (s.ToString(), s.Offset, s.Length)), Is.EqualTo(new[] { (">=2.8.1", 27, 7), ("==2.8.*", 36, 7) }));
            Assert.That(r.MarkerSpan, Is.EqualTo(TextSpan.FromBounds(Text.IndexOf("python", StringComparison.Ordinal), Text.Length)));
            Assert.That(r.Marker!.ToString(), Is.EqualTo("python_version < \"2.7\""));
            Assert.That(r.ToString(), Is.EqualTo("Requests[security,socks]==2.8.*,>=2.8.1; python_version < \"2.7\""));
        });
    }

    [TestCase("Foo.Bar__baz-Qux", "foo-bar-baz-qux")]
    [TestCase("a-_-.b", "a-b")]
    public void Names_are_normalised_per_pep_503(string name, string expected) =>
        Assert.That(Pep508Requirement.Normalize(name), Is.EqualTo(expected));

    [TestCase("numpy=1.19", "numpy==1.19", 5)]
    [TestCase("numpy = 1.19", "numpy == 1.19", 6)]
    public void A_single_equals_sign_gets_the_conda_hint_and_a_fix(string text, string fix, int offset)
    {
        Assert.That(Pep508Requirement.TryParse(text, out _, out var error), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Offset, Is.EqualTo(offset));
            Assert.That(error.Message, Does.Contain("conda"));
            Assert.That(error.SuggestedFix, Is.EqualTo(fix));
            Assert.That(Pep508Requirement.TryParse(error.SuggestedFix!, out _, out _), Is.True);
        });
    }

    [TestCase("numpy===")]
    [TestCase("azureml-core=={{latest-pypi-version}}")]
    [TestCase("foo>=abc")]
    [TestCase("foo (===1.0)")]
    [TestCase("x @ file:/a")]
    public void Invalid_requirements_give_a_positioned_error(string text)
    {
        Assert.That(Pep508Requirement.TryParse(text, out _, out var error), Is.False);
        Assert.That(error!.Offset + error.Length, Is.LessThanOrEqualTo(text.Length));
    }

    [Test]
    public void Template_placeholders_are_called_out()
    {
        Pep508Requirement.TryParse("azureml-core=={{latest-pypi-version}}", out _, out var error);
        Assert.That(error!.Message, Does.Contain("template"));
        Assert.That(error.Offset, Is.EqualTo(14));
    }

    [Test]
    public void Url_form_and_marker()
    {
        const string Text = "pip @ https://github.com/pypa/pip/archive/1.3.1.zip ; os_name == 'nt'";
        Assert.That(Pep508Requirement.TryParse(Text, out var r, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(r!.Url!.Value, Is.EqualTo("https://github.com/pypa/pip/archive/1.3.1.zip"));
            Assert.That(r.Url.Span.Offset, Is.EqualTo(6));
            Assert.That(r.Specifier.Specifiers, Is.Empty);
            Assert.That(r.Marker!.Evaluate(new Dictionary<string, string> { ["os_name"] = "nt" }), Is.True);
        });
    }

    [Test]
    public void Markers_evaluate_versions_as_versions_and_and_binds_tighter()
    {
        Assert.That(MarkerParser.TryParse("python_version >= '3.8' and python_version < '3.10' or extra == 'gpu'", out var m, out _), Is.True);
        var env = new Dictionary<string, string> { ["python_version"] = "3.9", ["extra"] = "" };
        Assert.Multiple(() =>
        {
            Assert.That(m!.Evaluate(env), Is.True);
            env["python_version"] = "3.10";
            Assert.That(m.Evaluate(env), Is.False);
            env["extra"] = "gpu";
            Assert.That(m.Evaluate(env), Is.True);
            Assert.That(m, Is.InstanceOf<MarkerBoolean>());
            Assert.That(m.TryEvaluate(new Dictionary<string, string>(), out _, out var error), Is.False);
            Assert.That(error, Does.Contain("python_version"));
            Assert.Throws<MarkerEvaluationException>(() => m.Evaluate(new Dictionary<string, string>()));
        });
    }

    [Test]
    public void Long_inputs_parse_in_one_pass_without_throwing()
    {
        var longName = "a" + string.Concat(Enumerable.Repeat("-b", 5000));
        var longSpecs = "x" + string.Join(',', Enumerable.Repeat(">=1.0", 1666));
        var longMarker = "x; " + string.Join(" and ", Enumerable.Repeat("os_name == 'a'", 600));
        var deepMarker = "x; " + new string('(', 5000) + "os_name == 'a'" + new string(')', 5000);
        var garbage = new string('[', 10000);
        Assert.Multiple(() =>
        {
            Assert.That(Pep508Requirement.TryParse(longName, out _, out _), Is.True);
            Assert.That(Pep508Requirement.TryParse(longSpecs, out _, out _), Is.True);
            Assert.That(Pep508Requirement.TryParse(longMarker, out _, out _), Is.True);
            Assert.That(Pep508Requirement.TryParse(deepMarker, out _, out _), Is.False);
            Assert.That(Pep508Requirement.TryParse(garbage, out _, out _), Is.False);
            Assert.That(Pep508Requirement.TryParse("x===" + new string('a', 10000), out _, out _), Is.True);
        });
    }
}
