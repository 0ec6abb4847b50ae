namespace PipelineGuard.Environments;

/// <summary>The five ways an Azure ML environment is written down, plus the two file kinds that stand alone.</summary>
internal enum EnvironmentKind
{
    /// <summary>A conda specification YAML that no other definition refers to.</summary>
    CondaSpec,

    /// <summary>An Azure ML v2 environment YAML (<c>environment.schema.json</c>).</summary>
    AzureMlV2,

    /// <summary>An Azure ML SDK v1 <c>azureml_environment.json</c>.</summary>
    AzureMlV1,

    /// <summary>An <c>environment:</c> mapping inside a job or deployment YAML.</summary>
    Inline,

    /// <summary>A Dockerfile that no environment definition refers to.</summary>
    Dockerfile,

    /// <summary>A pip requirements file that no environment definition refers to.</summary>
    Requirements,
}
