using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Tests.Versioning.Pep440;

/// <summary>Every row of the pep440 oracle tables, compared with our implementation.</summary>
public sealed class Pep440VectorTests
{
    [Test]
    public void Versions_parse_and_normalise_like_packaging()
    {
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in VectorRows.Read("pep440", "versions.jsonl"))
        {
            rows++;
            var text = row.Str("v");
            var ok = Pep440Version.TryParse(text, out var version, out var error);
            if (row.IsInvalid())
            {
                if (ok)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: expected invalid, got {version}");
                }
                else if (error!.Offset < 0 || error.Offset > text.Length)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: error offset {error.Offset} out of range");
                }

                continue;
            }

            if (!ok)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected {row.Str("n")}, got error {error!.Message}");
                continue;
            }

            var got = $"{version} {version!.Public} {version.BaseVersion} {version.IsPrerelease} {version.IsPostrelease} {version.IsDevrelease} {version.LocalText}";
            var want = $"{row.Str("n")} {row.Str("public")} {row.Str("base")} {row.BoolOrNull("pre")} {row.BoolOrNull("post")} {row.BoolOrNull("dev")} {row.StrOrNull("local")}";
            if (got != want)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected [{want}], got [{got}]");
            }
        }

        VectorRows.AssertNone(mismatches, rows);
    }

    [Test]
    public void Versions_compare_like_packaging()
    {
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in VectorRows.Read("pep440", "version_comparisons.jsonl"))
        {
            rows++;
            var a = Pep440Version.Parse(row.Str("a"));
            var b = Pep440Version.Parse(row.Str("b"));
            var expected = row.GetProperty("cmp").GetInt32();
            var got = Math.Sign(a.CompareTo(b));
            var equal = a.Equals(b) && a.GetHashCode() == b.GetHashCode();
            if (got != expected || a.ToString() != row.Str("na") || b.ToString() != row.Str("nb") || (expected == 0) != equal)
            {
                mismatches.Add($"{VectorRows.Show(row.Str("a"))} vs {VectorRows.Show(row.Str("b"))}: expected {expected}, got {got} ({a} / {b}, equal={equal})");
            }
        }

        VectorRows.AssertNone(mismatches, rows);
    }

    [Test]
    public void Specifier_sets_contain_like_packaging()
    {
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in VectorRows.Read("pep440", "specifier_sets.jsonl"))
        {
            rows++;
            var text = row.Str("spec");
            var ok = Pep440SpecifierSet.TryParse(text, out var set, out var error);
            if (row.IsInvalid())
            {
                if (ok)
                {
                    mismatches.Add($"{VectorRows.Show(text)}: expected invalid, got {set}");
                }

                continue;
            }

            if (!ok)
            {
                mismatches.Add($"{VectorRows.Show(text)}: expected valid, got error {error!.Message}");
                continue;
            }

            if (row.TryGetProperty("str", out _))
            {
                if (set!.ToString() != row.Str("str") || set.Prereleases != row.BoolOrNull("prereleases"))
                {
                    mismatches.Add($"{VectorRows.Show(text)}: expected str {VectorRows.Show(row.Str("str"))} prereleases {row.BoolOrNull("prereleases")}, got {VectorRows.Show(set.ToString())} {set.Prereleases}");
                }

                continue;
            }

            var version = Pep440Version.Parse(row.Str("v"));
            var pre = row.BoolOrNull("pre");
            var expected = row.GetProperty("expected").GetBoolean();
            if (set!.Contains(version, pre) != expected)
            {
                mismatches.Add($"{VectorRows.Show(text)} contains {VectorRows.Show(row.Str("v"))} (prereleases={pre?.ToString() ?? "None"}): expected {expected}");
            }
        }

        VectorRows.AssertNone(mismatches, rows);
    }
}
