namespace PipelineGuard.Documents.AzureMl;

/// <summary>What a YAML (or JSON) document is, decided by its content (docs/usage.md, "What is read").</summary>
internal enum YamlKind
{
    /// <summary>None of ours (a workflow, a k8s manifest, …): skipped silently.</summary>
    Other,
    CondaSpec,
    AzureMlV2Environment,

    /// <summary>A job, pipeline or deployment YAML that holds one or more <c>environment:</c> mappings.</summary>
    InlineEnvironments,

    /// <summary>MLflow's <c>python_env.yaml</c>: not a conda spec.</summary>
    MlflowPythonEnv,
    AzureMlV1Environment,
}
