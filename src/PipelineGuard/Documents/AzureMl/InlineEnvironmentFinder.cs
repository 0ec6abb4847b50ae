using PipelineGuard.Documents.Tree;

namespace PipelineGuard.Documents.AzureMl;

/// <summary>
/// Finds <c>environment:</c> mappings (with <c>image</c>, <c>conda_file</c> or <c>build</c>) inside a job,
/// pipeline-job or deployment YAML. An <c>environment: azureml:name:version</c> string is a reference and is left alone.
/// </summary>
internal static class InlineEnvironmentFinder
{
    /// <summary>Pipeline jobs nest jobs under jobs; deeper than this, nothing in Azure ML's schemas goes.</summary>
    private const int MaxDepth = 8;

    public static IReadOnlyList<DocEntry> Find(DocMapping root)
    {
        var found = new List<DocEntry>();
        var visited = new HashSet<DocNode>(ReferenceEqualityComparer.Instance);
        Walk(root, 0, found, visited);
        return found;
    }

    private static void Walk(DocNode node, int depth, List<DocEntry> found, HashSet<DocNode> visited)
    {
        if (depth > MaxDepth || !visited.Add(node))
        {
            return;
        }

        if (node is DocMapping map)
        {
            foreach (var entry in map.Entries)
            {
                if (entry.Key.Value == "environment" && entry.Value is DocMapping env && DocumentClassifier.IsV2Shape(env))
                {
                    found.Add(entry);
                }
                else if (entry.Value is DocMapping or DocSequence)
                {
                    Walk(entry.Value, depth + 1, found, visited);
                }
            }
        }
        else if (node is DocSequence seq)
        {
            foreach (var item in seq.Items)
            {
                Walk(item, depth + 1, found, visited);
            }
        }
    }
}
