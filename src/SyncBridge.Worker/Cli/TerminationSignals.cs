using System.Runtime.InteropServices;

namespace SyncBridge.Worker.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for the syncbridge process. The first signal cancels <see cref="Token"/>, which every
/// verb stops on: <c>run</c> stops its host, which waits up to <c>SyncBridge:Scheduler:ShutdownTimeout</c> for the
/// page in hand and the writes in flight. A second signal ends the process at once.
/// </summary>
/// <remarks>
/// This replaces System.CommandLine's own handler, which exits with 130/143 two seconds after the signal whatever the
/// verb is doing: shorter than a throttled page takes, so <c>run</c> was cut off in the middle of its graceful stop.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private TerminationSignals(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Handles SIGINT and SIGTERM until disposed; notices go to <paramref name="error"/>.</summary>
    public static TerminationSignals Register(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new TerminationSignals(error);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            // The second signal ends the process now, with the shell's code for death by that signal (130, 143). Nothing
            // read is lost: each page's cursor is saved with the page, and an update not yet acknowledged is delivered
            // again. (Leaving the signal to the runtime's default does not end it: that waits for Main to return.)
            Environment.Exit(context.Signal == PosixSignal.SIGINT ? 130 : 143);
        }

        context.Cancel = true;
        _error.WriteLine($"{context.Signal}: stopping after the work in hand; send it again to exit at once.");
        _ = _stop.CancelAsync(); // the stop runs on the thread pool, not on the signal handler's thread
    }
}
