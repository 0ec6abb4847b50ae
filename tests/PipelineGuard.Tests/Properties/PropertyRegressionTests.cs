using PipelineGuard.Versioning.Conda;
using PipelineGuard.Versioning.Pep508;

namespace PipelineGuard.Tests.Properties;

/// <summary>The minimal counterexamples the property tests found, kept as plain cases once fixed.</summary>
public sealed class PropertyRegressionTests
{
    [TestCase("a.b===1.0 ;os.name == 'cpython'", "a.b===1.0 ; os_name == \"cpython\"")]
    [TestCase("x>=1,===2 ;python_version<'3'", "x===2,>=1 ; python_version < \"3\"")]
    [TestCase("x==1;python_version<'3'", "x==1; python_version < \"3\"")]
    public void A_requirement_with_a_marker_formats_to_text_that_parses_back(string text, string expected)
    {
        Assert.That(Pep508Requirement.TryParse(text, out var requirement, out _), Is.True);
        var format = requirement!.ToString();
        Assert.That(format, Is.EqualTo(expected));
        Assert.That(Pep508Requirement.TryParse(format, out var again, out var error), Is.True, error?.Message);
        Assert.That(again!.ToString(), Is.EqualTo(format));
    }

    [TestCase("sys_platform not in '\"cpython'", "sys_platform not in '\"cpython'")]
    [TestCase("os_name == \"it's\"", "os_name == \"it's\"")]
    public void A_marker_value_holding_a_quote_formats_in_the_other_quotes(string text, string expected)
    {
        Assert.That(MarkerParser.TryParse(text, out var marker, out _), Is.True);
        Assert.That(marker!.ToString(), Is.EqualTo(expected));
        Assert.That(MarkerParser.TryParse(marker.ToString(), out var again, out _), Is.True);
        Assert.That(again!.ToString(), Is.EqualTo(expected));
    }

    [TestCase("pytorch//linux-64::numpy<=3.7")]
    [TestCase("numpy[version='<=3.7',channel='pytorch/',subdir='linux-64']")]
    [TestCase("pytorch/linux-64/::numpy<=3.7")]
    public void A_channel_with_a_doubled_slash_before_its_subdir_is_the_plain_channel(string text)
    {
        var spec = CondaMatchSpec.Parse(text).Spec;
        Assert.That((spec?.Channel, spec?.Subdir), Is.EqualTo(("pytorch", "linux-64")));
    }
}
