using System.Collections.Immutable;

namespace PipelineGuard.Versioning.Conda;

/// <summary>
/// Splits a version string exactly as VersionOrder.__init__ does in
/// https://github.com/conda/conda/blob/main/conda/models/version.py. A hand-written scanner
/// (linear time) instead of conda's two regular expressions.
/// </summary>
internal static class CondaVersionParser
{
    /// <summary>Returns null on success, otherwise the reason the text is not a conda version.</summary>
    public static string? Parse(
        string text,
        out string? normalized,
        out ImmutableArray<ImmutableArray<CondaVersionPart>> release,
        out ImmutableArray<ImmutableArray<CondaVersionPart>> local)
    {
        normalized = null;
        release = [];
        local = [];

        // version comparison is case-insensitive
        var version = text.Trim().ToLowerInvariant();
        if (version.Length == 0)
        {
            return "empty version string";
        }

        var valid = IsValid(version);
        if (!valid && version.Contains('-') && !version.Contains('_'))
        {
            // conda allows dashes as long as there are no underscores, by turning them into underscores.
            version = version.Replace('-', '_');
            valid = IsValid(version);
        }

        if (!valid)
        {
            return "invalid character(s)";
        }

        normalized = version;

        var bang = version.Split('!');
        string epoch;
        if (bang.Length == 1)
        {
            epoch = "0";
        }
        else if (bang.Length == 2)
        {
            if (bang[0].Length == 0 || !bang[0].All(char.IsAsciiDigit))
            {
                return "epoch must be an integer";
            }

            epoch = bang[0];
        }
        else
        {
            return "duplicated epoch separator '!'";
        }

        var plus = bang[^1].Split('+');
        string[] localTexts;
        if (plus.Length == 1)
        {
            localTexts = [];
        }
        else if (plus.Length == 2)
        {
            localTexts = plus[1].Replace('_', '.').Split('.');
        }
        else
        {
            return "duplicated local version separator '+'";
        }

        var main = plus[0];
        if (main.Length == 0)
        {
            return "missing version before the local version separator '+'";
        }

        string[] mainTexts;
        if (main[^1] == '_')
        {
            // A trailing underscore is kept on the last component: conda's work-around for
            // openssl-like versions, 1.0.1_ < 1.0.1a.
            mainTexts = main[..^1].Replace('_', '.').Split('.');
            mainTexts[^1] += "_";
        }
        else
        {
            mainTexts = main.Replace('_', '.').Split('.');
        }

        var releaseBuilder = ImmutableArray.CreateBuilder<ImmutableArray<CondaVersionPart>>(mainTexts.Length + 1);
        foreach (var component in mainTexts.Prepend(epoch))
        {
            if (component.Length == 0)
            {
                return "empty version component";
            }

            releaseBuilder.Add(SplitComponent(component));
        }

        var localBuilder = ImmutableArray.CreateBuilder<ImmutableArray<CondaVersionPart>>(localTexts.Length);
        foreach (var component in localTexts)
        {
            if (component.Length == 0)
            {
                return "empty version component";
            }

            localBuilder.Add(SplitComponent(component));
        }

        release = releaseBuilder.MoveToImmutable();
        local = localBuilder.MoveToImmutable();
        return null;
    }

    /// <summary>conda's version_check_re: ^[\*\.\+!_0-9a-z]+$.</summary>
    private static bool IsValid(string version)
    {
        foreach (var c in version)
        {
            if (!(char.IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || c is '*' or '.' or '+' or '!' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>conda's version_split_re: ([0-9]+|[*]+|[^0-9*]+), with 'post' and 'dev' made special and a 0 put before a leading string.</summary>
    private static ImmutableArray<CondaVersionPart> SplitComponent(string component)
    {
        var parts = ImmutableArray.CreateBuilder<CondaVersionPart>();
        if (!char.IsAsciiDigit(component[0]))
        {
            // keep numbers and strings in phase: 1.1.a1 == 1.1.0a1
            parts.Add(CondaVersionPart.Zero);
        }

        var i = 0;
        while (i < component.Length)
        {
            var start = i;
            var kind = Classify(component[i]);
            while (i < component.Length && Classify(component[i]) == kind)
            {
                i++;
            }

            var run = component[start..i];
            parts.Add(kind switch
            {
                0 => CondaVersionPart.Number(run),
                _ when run == "post" => CondaVersionPart.Post,
                _ when run == "dev" => CondaVersionPart.String("DEV"),
                _ => CondaVersionPart.String(run),
            });
        }

        return parts.ToImmutable();
    }

    private static int Classify(char c) => char.IsAsciiDigit(c) ? 0 : c == '*' ? 1 : 2;
}
