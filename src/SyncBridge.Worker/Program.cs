using SyncBridge.Worker.Cli;

using var signals = TerminationSignals.Register(Console.Error);
return await SyncBridgeCli.InvokeAsync(args, CliContext.Console(), signals.Token).ConfigureAwait(false);
