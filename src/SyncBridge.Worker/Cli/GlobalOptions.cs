using System.CommandLine;

namespace SyncBridge.Worker.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    /// <summary>JSON settings files layered over appsettings.json (same keys), in order.</summary>
    public static readonly Option<string[]> Config = new("--config")
    {
        Description = "A JSON settings file layered over appsettings.json (same keys as appsettings.sample.json). Repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
