namespace PipelineGuard.Analysis;

/// <summary>
/// The pip packages whose download is large enough that pip's default 15-second read timeout is a real risk on a
/// build agent: a file of about 100 MB or more for Linux x86_64 on PyPI (sizes of recent releases, 2024), where a
/// single stall fails the build with <c>ReadTimeoutError … Read timed out. (read timeout=15)</c>.
/// Names are PEP 503 normalised. Left out on purpose: <c>jax</c> and <c>transformers</c> (pure-Python wheels of a
/// few MB; jax's weight is jaxlib), <c>mxnet</c> (CPU wheel about 50 MB; its CUDA builds are listed),
/// <c>torchvision</c>/<c>torchaudio</c> (tens of MB). PG112 takes another list through its constructor.
/// </summary>
internal static class LargePackages
{
    public static readonly IReadOnlySet<string> Default = new HashSet<string>(StringComparer.Ordinal)
    {
        "torch",               // 750+ MB (CUDA build)
        "tensorflow",          // ~ 590 MB
        "tensorflow-gpu",      // ~ 580 MB (last release 2.12)
        "tensorflow-cpu",      // ~ 210 MB
        "tf-nightly",          // ~ 600 MB
        "jaxlib",              // 80 MB CPU, far more with CUDA: the heaviest part of jax
        "mxnet-cu101",         // ~ 500 MB each (CUDA builds of mxnet)
        "mxnet-cu102",
        "mxnet-cu110",
        "mxnet-cu112",
        "cntk",                // ~ 200 MB
        "cntk-gpu",            // ~ 450 MB
        "paddlepaddle",        // ~ 125 MB
        "paddlepaddle-gpu",    // ~ 700 MB
        "pyspark",             // ~ 310 MB (source distribution only)
        "onnxruntime-gpu",     // ~ 200 MB
        "xgboost",             // ~ 300 MB (manylinux2014 wheel with CUDA)
        "triton",              // ~ 200 MB
        "vllm",                // ~ 150+ MB
        "nvidia-cudnn-cu11",   // ~ 720 MB; the nvidia-* wheels are what torch and tensorflow pull in
        "nvidia-cudnn-cu12",   // ~ 730 MB
        "nvidia-cublas-cu11",  // ~ 420 MB
        "nvidia-cublas-cu12",  // ~ 410 MB
        "nvidia-nccl-cu12",    // ~ 190 MB
        "nvidia-cusparse-cu12", // ~ 200 MB
        "nvidia-cusolver-cu12", // ~ 125 MB
        "nvidia-cufft-cu12",   // ~ 120 MB
    };
}
