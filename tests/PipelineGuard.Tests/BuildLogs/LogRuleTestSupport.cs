using PipelineGuard.Environments;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.BuildLogs;

/// <summary>What the tests of one log rule share: a classic-builder step that fails around the lines under test, the single root cause, a conda spec to link to.</summary>
internal static class LogRuleTestSupport
{
    public const string TrainSpec = """
        name: train
        channels:
          - conda-forge
        dependencies:
          - python=3.10.14
          - pandas=1.5.3=
          - pyqt=5.15.9
          - pip=23.3.1
          - pip:
              - torch==2.1.2
              - apex==0.9.10dev
        """;

    private const string Failed = "The command '/bin/sh -c conda env create -f env.yml' returned a non-zero code: 1";

    /// <summary>A classic-builder log whose step 2 prints <paramref name="output"/> (from line 5) and then fails.</summary>
    public static string ClassicStep(params string[] output) =>
        string.Join('\n', ["Step 1/2 : FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1", " ---> 3b2a1f0e9d8c",
            "Step 2/2 : RUN conda env create -f env.yml", " ---> Running in 9d8c7b6a5f4e", .. output, Failed, string.Empty]);

    /// <summary>The only error of <paramref name="log"/> (the test fails when there is not exactly one).</summary>
    public static RankedRoot Root(string log, Workspace? workspace = null)
    {
        var diagnosis = LogTestSupport.Analyze(log, workspace);
        var errors = diagnosis.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", diagnosis.Findings.Select(f => $"{f.Severity} {f.RuleId}@{f.Span.Line} {f.Message}")));
        return new RankedRoot(errors[0].RuleId, errors[0].Span.Line, errors[0].Message, errors[0]);
    }

    public static Workspace Spec(string conda) => Lint.Run(Lint.Repo(("env/conda.yml", conda))).Workspace;
}
