using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Versioning.Conda;

/// <summary>
/// Dependency strings as `conda env create` reads them; expectations from conda's
/// tests/models/test_match_spec.py (_parse_spec_str results) and the PipelineGuard brief.
/// Columns: text, channel, subdir, name, version as written, version conda evaluates, build, pinned.
/// </summary>
public sealed class CondaMatchSpecTests
{
    private static CondaMatchSpec Ok(string text)
    {
        var result = CondaMatchSpec.Parse(text);
        Assert.That(result.Success, Is.True, () => $"{text}: {result.Error}");
        return result.Spec!;
    }

    [TestCase("numpy", null, null, "numpy", null, null, null, false)]
    [TestCase("numpy=1.2", null, null, "numpy", "=1.2", "1.2*", null, true)]
    [TestCase("numpy==1.2.3", null, null, "numpy", "==1.2.3", "1.2.3", null, true)]
    [TestCase("numpy>=1,<2", null, null, "numpy", ">=1,<2", ">=1,<2", null, false)]
    [TestCase("numpy 1.2.* py39_0", null, null, "numpy", "1.2.*", "1.2.*", "py39_0", false)]
    [TestCase("numpy=1.2=build", null, null, "numpy", "=1.2", "1.2", "build", true)]
    [TestCase("numpy =1.2", null, null, "numpy", "=1.2", "1.2*", null, true)]
    [TestCase("numpy ==1.7", null, null, "numpy", "==1.7", "1.7", null, true)]
    [TestCase("numpy 1.7", null, null, "numpy", "1.7", "1.7", null, true)]
    [TestCase("numpy !=1.7", null, null, "numpy", "!=1.7", "!=1.7", null, false)]
    [TestCase("conda-forge::numpy", "conda-forge", null, "numpy", null, null, null, false)]
    [TestCase("conda-forge/linux-64::numpy>=1.0", "conda-forge", "linux-64", "numpy", ">=1.0", ">=1.0", null, false)]
    [TestCase("*/win-32::numpy", null, "win-32", "numpy", null, null, null, false)]
    [TestCase("https://repo.anaconda.com/pkgs/free::numpy", "https://repo.anaconda.com/pkgs/free", null, "numpy", null, null, null, false)]
    [TestCase("numpy[version='>=1.8']", null, null, "numpy", ">=1.8", ">=1.8", null, false)]
    [TestCase("numpy[version='>=1.8', build=py*]", null, null, "numpy", ">=1.8", ">=1.8", "py*", false)]
    [TestCase("numpy[version='1.7']", null, null, "numpy", "1.7", "1.7", null, true)]
    [TestCase("numpy[version=1.7.*]", null, null, "numpy", "1.7.*", "1.7.*", null, false)]
    [TestCase("numpy[version='=1.7']", null, null, "numpy", "=1.7", "1.7*", null, true)]
    [TestCase("numpy[channel=defaults,subdir=osx-64]", "defaults", "osx-64", "numpy", null, null, null, false)]
    [TestCase("numpy=1.8*", null, null, "numpy", "=1.8*", "1.8*", null, false)]
    [TestCase("numpy 1.2|1.4", null, null, "numpy", "1.2|1.4", "1.2|1.4", null, false)]
    [TestCase("PyJWT < 2.0.0", null, null, "pyjwt", "<2.0.0", "<2.0.0", null, false)]
    [TestCase("pytorch::pytorch=1.4.0", "pytorch", null, "pytorch", "=1.4.0", "1.4.0*", null, true)]
    [TestCase("foo >=1.0 , < 2.0", null, null, "foo", ">=1.0,<2.0", ">=1.0,<2.0", null, false)]
    [TestCase("foo >= 1.0", null, null, "foo", ">=1.0", ">=1.0", null, false)]
    [TestCase("FOO-Bar >=1.0", null, null, "foo-bar", ">=1.0", ">=1.0", null, false)]
    [TestCase("numpy >1.8,<2|==1.7,!=1.9,~=1.7.1 py34_0", null, null, "numpy", ">1.8,<2|==1.7,!=1.9,~=1.7.1", ">1.8,<2|==1.7,!=1.9,~=1.7.1", "py34_0", false)]
    [TestCase("numpy>1.8,<2|==1.7", null, null, "numpy", ">1.8,<2|==1.7", ">1.8,<2|==1.7", null, false)]
    [TestCase("* 2.7.4", null, null, "*", "2.7.4", "2.7.4", null, true)]
    [TestCase("* >=1.3 2", null, null, "*", ">=1.3", ">=1.3", "2", false)]
    [TestCase("* 1 *", null, null, "*", "1", "1", "*", true)]
    [TestCase("* * openblas_0", null, null, "*", "*", "*", "openblas_0", false)]
    [TestCase("* * *", null, null, "*", "*", "*", "*", false)]
    [TestCase("numpy!=1.10=py38_0", null, null, "numpy", "!=1.10", "!=1.10", "py38_0", false)]
    [TestCase("numpy !=1.10 py38_0", null, null, "numpy", "!=1.10", "!=1.10", "py38_0", false)]
    [TestCase("numpy ~=1.10.1 py38_0", null, null, "numpy", "~=1.10.1", "~=1.10.1", "py38_0", false)]
    [TestCase("numpy=1.7=py3*_2", null, null, "numpy", "=1.7", "1.7", "py3*_2", true)]
    [TestCase("numpy=1.7.*=py37_2", null, null, "numpy", "=1.7.*", "1.7.*", "py37_2", false)]
    [TestCase("numpy==1.7=py3*_2", null, null, "numpy", "==1.7", "1.7", "py3*_2", true)]
    [TestCase("numpy=1.10.*,!=1.10.2", null, null, "numpy", "=1.10.*,!=1.10.2", "=1.10.*,!=1.10.2", null, false)]
    [TestCase("openssl=1.1.1_", null, null, "openssl", "=1.1.1_", "1.1.1_*", null, true)]
    [TestCase("foo=1.0=2", null, null, "foo", "=1.0", "1.0", "2", true)]
    [TestCase("defaults::numpy 1.8 py27_0", "defaults", null, "numpy", "1.8", "1.8", "py27_0", true)]
    [TestCase("defaults::numpy=1.8=py27_0 [channel=anaconda,version=1.9, build=3]", "anaconda", null, "numpy", "1.9", "1.9", "3", true)]
    [TestCase("defaults::numpy=1.8=py27_0 [channel='anaconda',version=\">=1.8,<2|1.9\", build='3']", "anaconda", null, "numpy", ">=1.8,<2|1.9", ">=1.8,<2|1.9", "3", false)]
    [TestCase("tensorflow[name=pytorch]", null, null, "tensorflow", null, null, null, false)]
    [TestCase("numpy # comment", null, null, "numpy", null, null, null, false)]
    [TestCase("python 3.8 if __unix", null, null, "python", "3.8", "3.8", null, true)]
    [TestCase("zope.int>=1.3,<3.0", null, null, "zope.int", ">=1.3,<3.0", ">=1.3,<3.0", null, false)]
    [TestCase("_openmp_mutex", null, null, "_openmp_mutex", null, null, null, false)]
    [TestCase("__glibc>=2.17", null, null, "__glibc", ">=2.17", ">=2.17", null, false)]
    [TestCase("  numpy=1.2  ", null, null, "numpy", "=1.2", "1.2*", null, true)]
    [TestCase("https://conda.anaconda.org/conda-forge/linux-64/numpy-1.21.2-py39h_0.tar.bz2", null, "linux-64", "numpy", "1.21.2", "1.21.2", "py39h_0", true)]
    [TestCase("x264-1%21164.3095-h166bdaf_2.conda", null, null, "x264", "1!164.3095", "1!164.3095", "h166bdaf_2", true)]
    public void Parses(string text, string? channel, string? subdir, string name, string? versionText, string? condaText, string? build, bool pinned)
    {
        var spec = Ok(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(spec.Channel, Is.EqualTo(channel), "channel");
            Assert.That(spec.Subdir, Is.EqualTo(subdir), "subdir");
            Assert.That(spec.Name, Is.EqualTo(name), "name");
            Assert.That(spec.VersionText, Is.EqualTo(versionText), "version text");
            Assert.That(spec.Version?.CondaText, Is.EqualTo(condaText), "conda version");
            Assert.That(spec.Version?.Text, Is.EqualTo(versionText), "spec text");
            Assert.That(spec.Build, Is.EqualTo(build), "build");
            Assert.That(spec.IsExactPin, Is.EqualTo(pinned), "pinned");
            Assert.That(spec.Text, Is.EqualTo(text));
            Assert.That(spec.VersionRange.HasValue, Is.EqualTo(versionText is not null));
        }
    }

    // test_match_1: every spec against numpy-1.7.1-py27_0 (version part only; build strings are not matched here)
    [TestCase("numpy 1.7*", true)]
    [TestCase("numpy 1.7.1", true)]
    [TestCase("numpy 1.7", false)]
    [TestCase("numpy 1.5*", false)]
    [TestCase("numpy >=1.5", true)]
    [TestCase("numpy >=1.5,<2", true)]
    [TestCase("numpy >=1.8,<1.9", false)]
    [TestCase("numpy >1.5,<2,!=1.7.1", false)]
    [TestCase("numpy >1.8,<2|==1.7", false)]
    [TestCase("numpy >1.8,<2|>=1.7.1", true)]
    [TestCase("numpy >=1.8|1.7*", true)]
    [TestCase("numpy ==1.7", false)]
    [TestCase("numpy >=1.5,>1.6", true)]
    [TestCase("numpy ==1.7.1", true)]
    [TestCase("numpy ==1.7.1.0", true)]
    [TestCase("numpy==1.7.1.0.0", true)]
    [TestCase("numpy >=1,*.7.*", true)]
    [TestCase("numpy *.7.*,>=1", true)]
    [TestCase("numpy >=1,*.8.*", false)]
    [TestCase("numpy >=2,*.7.*", false)]
    [TestCase("numpy 1.6*|1.7*", true)]
    [TestCase("numpy 1.6*|1.8*", false)]
    [TestCase("numpy 1.6.2|1.7*", true)]
    [TestCase("numpy 1.6.2|1.7.1", true)]
    [TestCase("numpy 1.6.2|1.7.0", false)]
    [TestCase("numpy 1.7.1 py27_0", true)]
    [TestCase("numpy >1.7.1a", true)]
    [TestCase("numpy=1.7", true)]
    [TestCase("numpy=1.7=py27_0", false)]
    public void Version_matches_1_7_1(string text, bool expected) =>
        Assert.That(Ok(text).Version!.Contains(CondaVersion.Parse("1.7.1")), Is.EqualTo(expected));

    [TestCase("pip", true)]
    [TestCase("pip=20", true)]
    [TestCase("pip 20.*", true)]
    [TestCase("pip 20", false)] // conda reads 'pip 20' as pip==20 (20.0)
    [TestCase("pip<=20.3", true)]
    [TestCase("pip!=20.3", true)]
    [TestCase("pip>=20.2,<20.3", false)]
    [TestCase("pip<20.3", false)]
    [TestCase("pip 20.2.4", false)]
    [TestCase("pip==20.2.4", false)]
    [TestCase("pip 20.2.*", false)]
    [TestCase("pip=20.2.4=py_0", false)]
    [TestCase("pip >=19|<20", true)]
    [TestCase("pip[version='<20.3']", false)]
    public void AdmitsAtOrAbove_20_3(string text, bool expected) =>
        Assert.That(Ok(text).AdmitsAtOrAbove(CondaVersion.Parse("20.3")), Is.EqualTo(expected));

    [TestCase("PyJWT < 2.0.0", 0, 5, 6, 7)]
    [TestCase("numpy[version='>=1.8']", 0, 5, 15, 5)]
    [TestCase("conda-forge::numpy>=1.0", 13, 5, 18, 5)]
    [TestCase("numpy=1.2=build", 0, 5, 5, 4)]
    [TestCase("  numpy 1.2.* py39_0", 2, 5, 8, 5)]
    [TestCase("numpy >=1.0 , < 2.0 py34_0", 0, 5, 6, 13)]
    [TestCase("numpy[build=py*] >=1.8", 0, 5, 17, 5)]
    public void Ranges_point_into_the_text(string text, int nameStart, int nameLength, int versionStart, int versionLength)
    {
        var spec = Ok(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(spec.NameRange, Is.EqualTo((nameStart, nameLength)));
            Assert.That(spec.VersionRange, Is.EqualTo(((int, int)?)(versionStart, versionLength)));
            Assert.That(text.Substring(spec.NameRange.Start, spec.NameRange.Length), Is.EqualTo(text.Substring(nameStart, nameLength)));
        }
    }

    [TestCase("numpy==", 5, 2)]
    [TestCase("numpy>=", 5, 2)]
    [TestCase("numpy<=", 5, 2)]
    [TestCase("numpy=", 5, 1)]
    [TestCase("numpy>", 5, 1)]
    [TestCase("=1.2", 0, 4)]
    [TestCase(">=1.2", 0, 5)]
    [TestCase("numpy 1.2 3 4", 10, 3)]
    [TestCase("", 0, 0)]
    [TestCase("   ", 0, 3)]
    [TestCase("# only a comment", 0, 16)]
    [TestCase("!xyz 1.3", 0, 8)]
    [TestCase("blas [optional", 5, 1)]
    [TestCase("blas [test=]", 6, 5)]
    [TestCase("blas[invalid=\"1\"]", 5, 7)]
    [TestCase("numpy[>=1.0]", 5, 7)]
    [TestCase("azureml-core=={{latest-pypi-version}}", 12, 25)]
    [TestCase("{{ name }}", 0, 2)]
    [TestCase("'package'", 0, 9)]
    [TestCase("pack@ge", 0, 7)]
    [TestCase("pkg..name", 0, 9)]
    [TestCase("pkg--name", 0, 9)]
    [TestCase(".pkg", 0, 4)]
    [TestCase("-pkg", 0, 4)]
    [TestCase("numpy (1.5|1.6)", 6, 9)]
    [TestCase("numpy ~=1", 6, 3)]
    [TestCase("numpy >=1.0,", 6, 6)]
    [TestCase("numpy 1.2+", 6, 4)]
    [TestCase("numpy\t1.2", 5, 1)]
    [TestCase("numpy-1.2.tar.bz2", 0, 17)]
    [TestCase("conda-forge::", 13, 0)]
    public void Rejects(string text, int offset, int length)
    {
        var result = CondaMatchSpec.Parse(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Success, Is.False, () => $"parsed as {result.Spec}");
            Assert.That(result.Spec, Is.Null);
            Assert.That(result.Error!.Message, Is.Not.Empty);
            Assert.That((result.Error.Offset, result.Error.Length), Is.EqualTo((offset, length)), result.Error.Message);
        }
    }

    [Test]
    public void Template_placeholder_is_an_error_that_says_so()
    {
        var result = CondaMatchSpec.Parse("azureml-core=={{latest-pypi-version}}");
        Assert.That(result.Error!.Message, Does.Contain("template placeholder"));
    }

    [Test]
    public void Null_is_an_error() => Assert.That(CondaMatchSpec.Parse(null).Success, Is.False);

    [Test]
    public void Long_inputs_are_handled()
    {
        var longOr = "numpy " + string.Join("|", Enumerable.Range(0, 1500).Select(i => $"{i}.*"));
        var manySpaces = "numpy" + new string(' ', 10_000) + "1.0";
        var manyBrackets = "numpy" + new string('[', 5_000) + new string(']', 5_000);
        var manyKeys = "numpy[" + string.Concat(Enumerable.Repeat("a=", 5_000)) + "]";
        var manyColons = new string(':', 10_000) + "numpy";
        var manyEquals = "numpy" + new string('=', 10_000);
        var manyTokens = "numpy " + string.Concat(Enumerable.Repeat("1 ", 5_000)) + "x";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ok(longOr).AdmitsAtOrAbove(CondaVersion.Parse("1499.1")), Is.True);
            Assert.That(Ok(manySpaces).VersionText, Is.EqualTo("1.0"));
            Assert.That(CondaMatchSpec.Parse(manyBrackets).Success, Is.False);
            Assert.That(CondaMatchSpec.Parse(manyKeys).Success, Is.False);
            Assert.That(Ok(manyColons).Name, Is.EqualTo("numpy"));
            Assert.That(CondaMatchSpec.Parse(manyEquals).Success, Is.False);
            Assert.That(CondaMatchSpec.Parse(manyTokens).Success, Is.False);
        }
    }
}
