using System.Collections.Immutable;
using System.Text;
using PipelineGuard.Model;
using PipelineGuard.Versioning.Pep440;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// A PEP 508 dependency specification ("requests[security]>=2.8; python_version &lt; '3.8'", "pkg @ https://...")
/// parsed with exactly the acceptance of packaging 21.3's <c>Requirement</c> (pip's vendored copy), except that
/// specifiers packaging only keeps as <c>LegacySpecifier</c> ("=={{version}}", "&gt;=abc") and a bare "===" are errors.
/// Every part carries its 0-based offset and length in <see cref="Text"/>.
/// https://peps.python.org/pep-0508/, https://github.com/pypa/packaging/blob/21.3/packaging/requirements.py
/// </summary>
internal sealed class Pep508Requirement
{
    internal Pep508Requirement(
        string text,
        LocatedText name,
        ImmutableArray<LocatedText> extras,
        Pep440SpecifierSet specifier,
        TextSpan? specifierSpan,
        LocatedText? url,
        MarkerExpression? marker)
    {
        Text = text;
        Name = name.Value;
        NameSpan = name.Span;
        Extras = extras;
        Specifier = specifier;
        SpecifierSpan = specifierSpan;
        Url = url;
        Marker = marker;
    }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The project name as written.</summary>
    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>PEP 503 normalised name: lower case, every run of '-', '_', '.' replaced by one '-'.</summary>
    public string NormalizedName => Normalize(Name);

    /// <summary>The extras in the order written (duplicates kept, so each has its span).</summary>
    public ImmutableArray<LocatedText> Extras { get; }

    /// <summary>The version specifiers (empty when none); each <see cref="Pep440Specifier.Offset"/> points into <see cref="Text"/>.</summary>
    public Pep440SpecifierSet Specifier { get; }

    /// <summary>From the first specifier's operator to the last one's version (parentheses excluded); null when none.</summary>
    public TextSpan? SpecifierSpan { get; }

    /// <summary>The URL of a "name @ url" requirement.</summary>
    public LocatedText? Url { get; }

    /// <summary>The environment marker after ';', or null. Its <see cref="MarkerExpression.Span"/> points into <see cref="Text"/>.</summary>
    public MarkerExpression? Marker { get; }

    public TextSpan? MarkerSpan => Marker?.Span;

    /// <summary>PEP 503 normalisation (https://peps.python.org/pep-0503/#normalized-names).</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var inRun = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inRun)
                {
                    builder.Append('-');
                }

                inRun = true;
                continue;
            }

            inRun = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses one requirement; never throws. See <see cref="RequirementParser"/>. Several rules ask about the same
    /// requirement, and a monorepo repeats the same few hundred, so each text is parsed once per run and the (immutable)
    /// result shared (<see cref="Model.TextMemo{T}"/>).
    /// </summary>
    public static bool TryParse(
        string text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep508Requirement? requirement,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out RequirementError? error)
    {
        var parsed = Memo.Get(text ?? string.Empty, t =>
        {
            RequirementParser.TryParse(t, out var r, out var e);
            return new ParseOutcome(r, e);
        });
        (requirement, error) = (parsed.Requirement, parsed.Error);
        return parsed.Requirement is not null;
    }

    private static readonly Model.TextMemo<ParseOutcome> Memo = new(100_000);

    private sealed record ParseOutcome(Pep508Requirement? Requirement, RequirementError? Error);

    /// <summary>
    /// Like <c>str(Requirement)</c>: name, sorted extras, sorted specifiers, "@ url", "; marker"; except that a space
    /// comes before the ';' after a '===' specifier, so that the text parses back to the same requirement.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Name);
        var extras = Extras.Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        if (extras.Count > 0)
        {
            extras.Sort(PythonText.CompareCodePoints);
            builder.Append('[').AppendJoin(',', extras).Append(']');
        }

        var specifier = Specifier.ToString();
        builder.Append(specifier);
        if (Url is null && Marker is not null && Specifier.Specifiers.Any(s => s.Operator == SpecifierOperator.Arbitrary))
        {
            // packaging prints "x===1.0; m", which it cannot read back: '===' takes every character up to the next
            // space, the commas and specifiers after it and the ';' too.
            builder.Append(' ');
        }

        if (Url is not null)
        {
            builder.Append("@ ").Append(Url.Value);
            if (Marker is not null)
            {
                builder.Append(' ');
            }
        }

        if (Marker is not null)
        {
            builder.Append("; ").Append(Marker);
        }

        return builder.ToString();
    }
}
