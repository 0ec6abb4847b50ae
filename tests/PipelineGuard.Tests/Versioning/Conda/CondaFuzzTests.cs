using PipelineGuard.Versioning.Conda;

namespace PipelineGuard.Tests.Versioning.Conda;

/// <summary>Readers never throw: random strings over the characters that matter to conda's grammar.</summary>
public sealed class CondaFuzzTests
{
    private const string Alphabet = "01279.*+!_-abdevpostrcAZ =<>~,|()[]'\":/#^$@{} \t";

    [Test]
    public void Random_text_never_throws()
    {
        var random = new Random(99);
        var probe = CondaVersion.Parse("1.2");
        var parsed = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[1 + random.Next(24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = random.Next(3) == 0 ? "numpy" + new string(chars) : new string(chars);
            var result = CondaMatchSpec.Parse(text);
            if (result.Success)
            {
                parsed++;
                _ = result.Spec.AdmitsAtOrAbove(probe);
                _ = result.Spec.Version?.Contains(probe);
                _ = result.Spec.IsExactPin;
                Assert.That(result.Spec.NameRange.Start + result.Spec.NameRange.Length, Is.LessThanOrEqualTo(text.Length));
            }
            else
            {
                Assert.That(result.Error.Offset + result.Error.Length, Is.LessThanOrEqualTo(text.Length), text);
                Assert.That(result.Error.Offset, Is.GreaterThanOrEqualTo(0), text);
            }

            if (CondaVersionSpec.TryParse(new string(chars), out var spec, out _))
            {
                _ = spec.AdmitsAtOrAbove(probe);
                _ = spec.Contains(probe);
            }

            _ = CondaVersion.TryParse(new string(chars), out _, out _);
        }

        Assert.That(parsed, Is.GreaterThan(100));
    }
}
