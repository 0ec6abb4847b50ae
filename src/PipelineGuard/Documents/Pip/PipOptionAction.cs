namespace PipelineGuard.Documents.Pip;

/// <summary>What optparse does with an option's value (pip's <c>action</c> / callback).</summary>
internal enum PipOptionAction
{
    /// <summary><c>store</c>: the last value wins.</summary>
    Store,

    /// <summary><c>append</c>: values accumulate.</summary>
    Append,

    /// <summary><c>store_true</c>: a flag, takes no value.</summary>
    Flag,

    /// <summary><c>_handle_merge_hash</c>: "alg:hex", alg one of sha256/sha384/sha512.</summary>
    Hash,

    /// <summary><c>_handle_config_settings</c>: "KEY=VAL".</summary>
    ConfigSetting,

    /// <summary><c>FormatControl.handle_mutual_excludes</c>: names, ":all:" or ":none:".</summary>
    FormatControl,
}
