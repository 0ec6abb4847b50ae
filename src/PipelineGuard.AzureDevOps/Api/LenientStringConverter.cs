using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineGuard.AzureDevOps.Api;

/// <summary>
/// Reads a string, or an enum sent as its number, as a string: Azure DevOps Server versions differ in how they
/// serialise enums such as a thread's status, and one odd field must not fail the whole answer.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt32(out var number) => ThreadStatusNumber(number),
        _ => SkipAndNull(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>CommentThreadStatus's numbers; any other number is kept as text.</summary>
    private static string ThreadStatusNumber(int number) => number switch
    {
        1 => "active",
        2 => "fixed",
        3 => "wontFix",
        4 => "closed",
        5 => "byDesign",
        6 => "pending",
        _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? SkipAndNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
