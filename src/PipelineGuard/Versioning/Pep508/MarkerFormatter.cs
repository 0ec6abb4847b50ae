using System.Text;

namespace PipelineGuard.Versioning.Pep508;

/// <summary>
/// packaging 21.3's <c>_format_marker</c>: a single-element list loses its parentheses (even when nested inside a
/// larger expression, which is how "((a or b)) and c" prints as "a or b and c" there), values are printed in double
/// quotes (single quotes when the value holds a double quote, so that it parses back), variables by their canonical name.
/// </summary>
internal static class MarkerFormatter
{
    public static string Format(MarkerExpression expression) => FormatList(Flatten(expression), first: true);

    /// <summary>The flat token list packaging keeps for one parenthesis level: comparisons, groups and "and"/"or".</summary>
    private static List<object> Flatten(MarkerExpression expression)
    {
        var items = new List<object>();
        Append(expression, items);
        return items;
    }

    private static void Append(MarkerExpression expression, List<object> items)
    {
        if (expression is MarkerBoolean boolean)
        {
            for (var i = 0; i < boolean.Operands.Length; i++)
            {
                if (i > 0)
                {
                    items.Add(boolean.IsOr ? "or" : "and");
                }

                Append(boolean.Operands[i], items);
            }
        }
        else
        {
            items.Add(expression);
        }
    }

    private static string FormatList(List<object> items, bool first)
    {
        if (items.Count == 1 && items[0] is MarkerExpression only)
        {
            return FormatItem(only, first: true);
        }

        var builder = new StringBuilder();
        if (!first)
        {
            builder.Append('(');
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(items[i] is MarkerExpression e ? FormatItem(e, first: false) : (string)items[i]);
        }

        if (!first)
        {
            builder.Append(')');
        }

        return builder.ToString();
    }

    private static string FormatItem(MarkerExpression item, bool first) => item switch
    {
        MarkerComparison c => $"{Serialize(c.Left)} {c.Operator} {Serialize(c.Right)}",
        MarkerGroup g => FormatList(Flatten(g.Inner), first),
        _ => FormatList(Flatten(item), first),
    };

    // A quoted value cannot hold its own quote character (there is no escape), so one read from '...' may hold '"':
    // packaging still prints it in double quotes, which does not parse back; single quotes do.
    private static string Serialize(MarkerOperand operand) =>
        operand.IsVariable ? operand.Value
        : operand.Value.Contains('"', StringComparison.Ordinal) ? "'" + operand.Value + "'"
        : "\"" + operand.Value + "\"";
}
