using System.Diagnostics.CodeAnalysis;
using CsCheck;

namespace PipelineGuard.Tests.Properties;

/// <summary>
/// Generators for the property tests: text assembled from a grammar's tokens with stray characters mixed in, so most
/// samples are near-valid (deep paths) and some are not (error paths). CsCheck shrinks a failing sample to a short one.
/// </summary>
internal static class PropertyGen
{
    /// <summary>Iterations per property: enough to reach the grammar's corners, cheap on a shared 2-core machine.</summary>
    public const int Iterations = 4000;

    /// <summary>Up to <paramref name="maxParts"/> tokens and stray characters, concatenated.</summary>
    public static Gen<string> Text(string[] tokens, string stray, int maxParts = 10) =>
        Gen.Frequency(
                (5, Gen.OneOf(tokens)),
                (1, Gen.Char[stray].Select(c => c.ToString())))
            .Array[0, maxParts]
            .Select(parts => string.Concat(parts));

    /// <summary>
    /// Mostly <paramref name="valid"/> samples; the rest have a token inserted or a character removed at a random place
    /// (near-misses reach the error paths deep inside the grammar), and some are plain token soup.
    /// </summary>
    public static Gen<string> NearlyValid(Gen<string> valid, string[] tokens, string stray) =>
        Gen.Frequency(
            (6, Gen.Select(valid, Gen.Int[0, 3], Gen.Int[0, 1000], Gen.OneOf([.. tokens, .. stray.Select(c => c.ToString())]), Mutate)),
            (1, Text(tokens, stray)));

    /// <summary>A dot-separated release of 1 to 4 small numbers ("1", "3.10.2").</summary>
    public static Gen<string> Release { get; } = Gen.Int[0, 12].Array[1, 4].Select(parts => string.Join('.', parts));

    private static string Mutate(string text, int kind, int at, string token) => kind switch
    {
        0 or 1 => text,
        2 => text.Insert(at % (text.Length + 1), token),
        _ => text.Length == 0 ? text : text.Remove(at % text.Length, 1),
    };

    /// <summary>Throws (so CsCheck shrinks the sample) unless <paramref name="condition"/> holds.</summary>
    public static void Require([DoesNotReturnIf(false)] bool condition, string what)
    {
        if (!condition)
        {
            throw new PropertyFailedException(what);
        }
    }

    /// <summary>A 0-based [offset, offset + length) that lies inside a text of <paramref name="textLength"/> characters.</summary>
    public static void RequireInside(int offset, int length, int textLength, string what) =>
        Require(offset >= 0 && length >= 0 && offset + length <= textLength, $"{what} [{offset}, +{length}) is outside the input (length {textLength})");
}
