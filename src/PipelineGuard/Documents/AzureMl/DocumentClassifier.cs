using PipelineGuard.Documents.Tree;

namespace PipelineGuard.Documents.AzureMl;

/// <summary>Decides what a parsed YAML/JSON document is by its keys (docs/usage.md, "What is read").</summary>
internal static class DocumentClassifier
{
    private static readonly string[] V2Keys = ["image", "conda_file", "build"];

    public static YamlKind Classify(DocNode? root, bool isJson, string fileName)
    {
        if (root is not DocMapping map)
        {
            // Recognised by its name, a v1 file of the wrong shape is still a v1 file: PG113 says what is wrong.
            return isJson && root is not null && fileName.Equals("azureml_environment.json", StringComparison.OrdinalIgnoreCase)
                ? YamlKind.AzureMlV1Environment
                : YamlKind.Other;
        }

        if (isJson)
        {
            return IsV1(map) || fileName.Equals("azureml_environment.json", StringComparison.OrdinalIgnoreCase)
                ? YamlKind.AzureMlV1Environment
                : YamlKind.Other;
        }

        if (map.Has("build_dependencies") || (map.Has("python") && map.Get("python") is DocScalar && !map.Has("channels")))
        {
            return YamlKind.MlflowPythonEnv;
        }

        var schema = map.Scalar("$schema")?.Value ?? string.Empty;
        if (schema.Contains("environment.schema.json", StringComparison.OrdinalIgnoreCase))
        {
            return YamlKind.AzureMlV2Environment;
        }

        if (schema.Length == 0 && IsV2Shape(map))
        {
            return YamlKind.AzureMlV2Environment;
        }

        if (IsCondaShape(map) || (map.Has("dependencies") && LooksLikeCondaFileName(fileName) && !map.Has("apiVersion")))
        {
            return YamlKind.CondaSpec;
        }

        return InlineEnvironmentFinder.Find(map).Count > 0 ? YamlKind.InlineEnvironments : YamlKind.Other;
    }

    /// <summary>
    /// Top-level <c>image</c> (a string), <c>conda_file</c> or <c>build</c> (a mapping with <c>path</c>).
    /// azureml-assets' <c>environment.yaml</c> has an <c>image:</c> mapping and is not an environment.
    /// </summary>
    public static bool IsV2Shape(DocMapping map) =>
        !map.Has("dependencies") && !map.Has("jobs") && !map.Has("services") && !map.Has("apiVersion") && !map.Has("steps") &&
        V2Keys.Any(map.Has) &&
        map.Get("image") is null or DocScalar &&
        map.Get("build") is null or DocMapping or DocScalar { IsNull: true } &&
        map.Get("conda_file") is null or DocScalar or DocMapping &&
        (map.Has("image") || map.Has("conda_file") || map.Get("build") is DocMapping b && b.Has("path"));

    /// <summary>A mapping with a <c>dependencies</c> list whose items are spec strings or a <c>pip:</c> mapping.</summary>
    public static bool IsCondaShape(DocMapping map)
    {
        if (map.Get("dependencies") is not DocSequence deps)
        {
            // A conda spec whose dependencies have the wrong shape is still a conda spec if it has channels.
            return map.Has("dependencies") && map.Get("channels") is DocSequence;
        }

        if (map.Has("apiVersion") || map.Has("kind") || map.Has("version") && !map.Has("channels"))
        {
            return false;
        }

        return deps.Items.All(i => i is DocScalar || i is DocMapping m && m.Has("pip")) || map.Has("channels");
    }

    /// <summary>A conda spec whose dependencies have the wrong shape is still reported (PG113) when its name says what it is.</summary>
    private static bool LooksLikeCondaFileName(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        return lower.Contains("conda", StringComparison.Ordinal) || lower.StartsWith("env", StringComparison.Ordinal);
    }

    private static bool IsV1(DocMapping map) =>
        map.Get("python") is DocMapping p && (p.Has("condaDependencies") || p.Has("userManagedDependencies"))
        || map.Get("docker") is DocMapping d && d.Has("baseImage");
}
