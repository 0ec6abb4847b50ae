// TEMPORARY: stand-ins for the helpers' types until their branches are merged.
namespace PipelineGuard.Versioning.Conda;

    internal sealed class CondaVersion : IComparable<CondaVersion>
    {
        private readonly int[] _parts;
        private CondaVersion(int[] parts) => _parts = parts;
        public static bool TryParse(string text, out CondaVersion? version, out string? error)
        {
            var parts = text.Split('.');
            var ints = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], out ints[i])) { version = null; error = "bad"; return false; }
            }
            version = new CondaVersion(ints); error = null; return true;
        }
        public static CondaVersion Parse(string text) => TryParse(text, out var v, out _) ? v! : throw new FormatException(text);
        public int CompareTo(CondaVersion? other)
        {
            for (var i = 0; i < Math.Max(_parts.Length, other!._parts.Length); i++)
            {
                var a = i < _parts.Length ? _parts[i] : 0; var b = i < other._parts.Length ? other._parts[i] : 0;
                if (a != b) return a.CompareTo(b);
            }
            return 0;
        }
    }
    internal sealed class CondaVersionSpec
    {
        public string Text { get; init; } = "";
        public bool IsExactPin => !Text.Contains('*') && !Text.Contains('<') && !Text.Contains('>') && !Text.Contains('|') && !Text.Contains(',') && !Text.Contains('!');
        public bool AdmitsAtOrAbove(CondaVersion v) => !Text.StartsWith('<') && !IsExactPin;
        public bool Contains(CondaVersion v) => true;
    }
    internal sealed class CondaMatchSpec
    {
        public string? Channel { get; init; }
        public string Name { get; init; } = "";
        public string? VersionText { get; init; }
        public CondaVersionSpec? Version { get; init; }
        public (int Start, int Length) NameRange { get; init; }
        public (int Start, int Length) VersionRange { get; init; }
        public bool IsExactPin => Version?.IsExactPin ?? false;
        public static CondaMatchSpecParseResult Parse(string text) => CondaMatchSpecParseResult.Parse(text);
    }
    internal sealed record CondaSpecError(string Message, int Offset, int Length);
    internal sealed record CondaMatchSpecParseResult(CondaMatchSpec? Spec, CondaSpecError? Error)
    {
        public static CondaMatchSpecParseResult Parse(string text)
        {
            var t = text.Trim();
            var i = t.IndexOfAny(['=', '<', '>', '!', ' ']);
            var name = i < 0 ? t : t[..i];
            var ch = name.Contains("::") ? name[..name.IndexOf("::")] : null;
            if (ch != null) name = name[(name.IndexOf("::") + 2)..];
            var ver = i < 0 ? null : t[i..].TrimStart('=', ' ');
            return new(new CondaMatchSpec { Channel = ch, Name = name.ToLowerInvariant(), VersionText = ver, Version = ver is null ? null : new CondaVersionSpec { Text = t[i..].Trim() }, NameRange = (text.IndexOf(name), name.Length) }, null);
        }
    }

