namespace SyncBridge.Worker.Cli;

/// <summary>What every verb writes to and reads time from; tests pass their own writers.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Time)
{
    public static CliContext Console() => new(System.Console.Out, System.Console.Error, TimeProvider.System);
}
