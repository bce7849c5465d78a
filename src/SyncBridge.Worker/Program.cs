using SyncBridge.Worker.Cli;

return await SyncBridgeCli.InvokeAsync(args, CliContext.Console()).ConfigureAwait(false);
