namespace SyncBridge.Worker.Cli;

/// <summary>Process exit codes of every verb.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input could not be read at all, or the work failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad configuration or bad command-line usage; the message names the setting or option.</summary>
    public const int Configuration = 2;
}
