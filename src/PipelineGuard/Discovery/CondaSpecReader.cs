using PipelineGuard.Documents.Tree;
using PipelineGuard.Environments;
using PipelineGuard.Model;

namespace PipelineGuard.Discovery;

/// <summary>
/// Reads the conda specification shape (<c>name</c>, <c>channels</c>, <c>dependencies</c> with an
/// optional <c>- pip: [...]</c> entry) from a YAML or JSON tree. Shape errors become problems (PG113);
/// what can still be read is read.
/// </summary>
internal static class CondaSpecReader
{
    public static CondaSpec Read(DocMapping root, ICollection<ParseProblem> problems)
    {
        var name = root.Scalar("name")?.Located;
        var channelsEntry = root.Entry("channels");
        List<Located<string>>? channels = null;
        if (channelsEntry is not null)
        {
            channels = [];
            switch (channelsEntry.Value)
            {
                case DocSequence seq:
                    foreach (var item in seq.Items)
                    {
                        if (item is DocScalar { IsNull: false } s)
                        {
                            channels.Add(s.Located);
                        }
                        else
                        {
                            problems.Add(new ParseProblem(item.Span, "a channel must be a string"));
                        }
                    }

                    break;
                case DocScalar { IsNull: true }:
                    break;
                default:
                    problems.Add(new ParseProblem(channelsEntry.Value.Span, "'channels' must be a list of channel names"));
                    break;
            }
        }

        var dependencies = new List<CondaDependency>();
        PipList? pip = null;
        var depsEntry = root.Entry("dependencies");
        var depsKey = depsEntry?.Key.Span ?? root.Span;
        switch (depsEntry?.Value)
        {
            case DocSequence seq:
                foreach (var item in seq.Items)
                {
                    switch (item)
                    {
                        case DocScalar { IsNull: false } s:
                            dependencies.Add(CondaDependency.Read(new Located<string>(s.Value, s.Span)));
                            break;
                        case DocMapping m when m.Entry("pip") is { } pipEntry:
                            pip = ReadPip(pipEntry, pip, problems);
                            foreach (var other in m.Entries.Where(e => e.Key.Value != "pip"))
                            {
                                problems.Add(new ParseProblem(other.Key.Span, $"unexpected key '{other.Key.Value}' in dependencies: only 'pip' may hold a sub-list"));
                            }

                            break;
                        default:
                            problems.Add(new ParseProblem(item.Span, "a dependency must be a package spec string or a 'pip:' list"));
                            break;
                    }
                }

                break;
            case null:
            case DocScalar { IsNull: true }:
                break;
            default:
                problems.Add(new ParseProblem(depsEntry.Value.Span, "'dependencies' must be a list"));
                break;
        }

        foreach (var problem in pip?.Requirements.Problems ?? [])
        {
            problems.Add(problem);
        }

        return new CondaSpec(name, channels, channelsEntry?.Key.Span, dependencies, depsKey, pip);
    }

    private static PipList ReadPip(DocEntry pipEntry, PipList? earlier, ICollection<ParseProblem> problems)
    {
        var entries = new List<Located<string>>(earlier?.Entries ?? []);
        switch (pipEntry.Value)
        {
            case DocSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is DocScalar { IsNull: false } s)
                    {
                        entries.Add(s.Located);
                    }
                    else
                    {
                        problems.Add(new ParseProblem(item.Span, "a pip entry must be a string"));
                    }
                }

                break;
            case DocScalar { IsNull: true }:
                break;
            default:
                problems.Add(new ParseProblem(pipEntry.Value.Span, "'pip' must be a list of requirements"));
                break;
        }

        return new PipList(earlier?.Key ?? pipEntry.Key.Span, entries);
    }
}
