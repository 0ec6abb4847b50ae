using System.Collections.Immutable;
using PipelineGuard.Model;

namespace PipelineGuard.Documents.Docker;

/// <summary>
/// One simple command of a shell script: the words between two of <c>&amp;&amp; || ; | &amp;</c>,
/// a newline, or a subshell parenthesis. Leading reserved words (<c>if then else elif do while
/// until ! {</c>) are left out so <see cref="Name"/> is the program that runs.
/// </summary>
internal sealed class ShellCommand
{
    // Commands that run the rest of their arguments as another command (see EffectiveArguments).
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "sudo", "env", "nohup", "exec", "command", "time", "nice", "xargs", "stdbuf", "timeout",
    };

    private Dictionary<ShellWord, int>? _indexes;

    public ShellCommand(ImmutableArray<ShellWord> words, string terminator)
    {
        Words = words;
        Terminator = terminator;
        var assignments = ImmutableArray.CreateBuilder<ShellWord>();
        var arguments = ImmutableArray.CreateBuilder<ShellWord>();
        var redirections = ImmutableArray.CreateBuilder<ShellWord>();
        foreach (var word in words)
        {
            if (word.Kind != ShellWordKind.Word)
            {
                if (word.IsRedirection)
                {
                    redirections.Add(word);
                }

                continue;
            }

            if (arguments.Count == 0 && IsAssignment(word))
            {
                assignments.Add(word);
            }
            else
            {
                arguments.Add(word);
            }
        }

        Assignments = assignments.ToImmutable();
        Arguments = arguments.ToImmutable();
        Redirections = redirections.ToImmutable();
        var first = words.IsEmpty ? null : words[0];
        var last = words.IsEmpty ? null : words[^1];
        Span = first is null || last is null ? new SourceSpan(string.Empty, 1, 1, 1, 1) : first.Span.To(last.Span);
    }

    /// <summary>Every token in order, redirection operators and their targets included.</summary>
    public ImmutableArray<ShellWord> Words { get; }

    /// <summary>Leading <c>NAME=value</c> words.</summary>
    public ImmutableArray<ShellWord> Assignments { get; }

    /// <summary>The command name and its arguments: no assignments, no redirections.</summary>
    public ImmutableArray<ShellWord> Arguments { get; }

    /// <summary>Redirection operators (<c>&lt;</c>, <c>&gt;</c>, <c>2&gt;&amp;1</c>...), in order.</summary>
    public ImmutableArray<ShellWord> Redirections { get; }

    /// <summary>The program, or null for a command that is only assignments or redirections.</summary>
    public ShellWord? Name => Arguments.IsEmpty ? null : Arguments[0];

    /// <summary>The operator that ended the command: "&amp;&amp;", "||", ";", "|", "&amp;", "\n", or "" at the end.</summary>
    public string Terminator { get; }

    public SourceSpan Span { get; }

    /// <summary>
    /// <see cref="Arguments"/> with leading wrappers dropped: <c>sudo -u x</c>, <c>env -i A=1</c>,
    /// <c>nohup</c>, <c>exec</c>, <c>time</c>... so <c>sudo env PIP_X=1 pip install y</c> gives
    /// <c>pip install y</c>.
    /// </summary>
    public ImmutableArray<ShellWord> EffectiveArguments
    {
        get
        {
            var args = Arguments;
            var i = 0;
            while (i < args.Length && Wrappers.Contains(args[i].Value))
            {
                var wrapper = args[i].Value;
                i++;
                while (i < args.Length)
                {
                    var value = args[i].Value;
                    if (value == "--")
                    {
                        i++;
                        break;
                    }

                    if (value.StartsWith('-'))
                    {
                        i += TakesArgument(wrapper, value) ? 2 : 1;
                        continue;
                    }

                    if (wrapper == "env" && IsAssignment(args[i]))
                    {
                        i++;
                        continue;
                    }

                    if (wrapper is "timeout" or "nice" && char.IsDigit(value[0]))
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }

            return i == 0 ? args : args[Math.Min(i, args.Length)..];
        }
    }

    /// <summary>
    /// The index in <see cref="Words"/> of one of its words (by reference), or -1. A table built on first use: rules ask this
    /// for every package of a <c>pip install</c> of thousands of packages, and a linear search each time was quadratic.
    /// </summary>
    public int IndexOf(ShellWord word)
    {
        if (_indexes is null)
        {
            var indexes = new Dictionary<ShellWord, int>(Words.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Words.Length; i++)
            {
                indexes[Words[i]] = i;
            }

            _indexes = indexes;
        }

        return _indexes.TryGetValue(word, out var index) ? index : -1;
    }

    public override string ToString() => string.Join(' ', Words.Select(w => w.Raw));

    /// <summary>A POSIX assignment word: an unquoted name, then '='.</summary>
    public static bool IsAssignment(ShellWord word)
    {
        var raw = word.Raw;
        if (raw.Length < 2 || !(char.IsAsciiLetter(raw[0]) || raw[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] == '=')
            {
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit(raw[i]) || raw[i] == '_'))
            {
                return false;
            }
        }

        return false;
    }

    // Options of the wrappers that consume the next word (sudo(8), env(1), nice(1)).
    private static bool TakesArgument(string wrapper, string option) => wrapper switch
    {
        "sudo" => option is "-u" or "-g" or "-C" or "-h" or "-p" or "-r" or "-t" or "-U" or "-D" or "-R" or "-T",
        "env" => option is "-u" or "-C" or "-S" or "--unset" or "--chdir" or "--split-string",
        "nice" => option is "-n",
        "timeout" => option is "-s" or "-k" or "--signal" or "--kill-after",
        _ => false,
    };
}
