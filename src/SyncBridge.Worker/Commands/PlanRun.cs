using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// The part <c>plan</c>, <c>explain</c> and <c>segments</c> share: build the host with the decision settings,
/// parse --as-of, load the inputs, decide. Errors become messages and exit codes, never stack traces.
/// </summary>
internal static class PlanRun
{
    /// <summary>Decides the inputs of <paramref name="parse"/>; returns null (with <paramref name="exitCode"/> set) when it cannot.</summary>
    public static (DecisionEngine Engine, PlanInput Input, DecisionBatch Batch)? Execute(
        CliContext context,
        ParseResult parse,
        PlanInputOptions options,
        Func<PlanInput, Func<DecisionSubject, bool>?>? traceWhen,
        out int exitCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        if (!PlanInputOptions.TryParseAsOf(parse.GetValue(options.AsOf), context.Time, out var asOf, out var asOfError))
        {
            context.Error.WriteLine(asOfError);
            exitCode = ExitCodes.Configuration;
            return null;
        }

        using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, PlanConfiguration.AddDecisionSettings);
        if (host is null)
        {
            exitCode = ExitCodes.Configuration;
            return null;
        }

        var engine = host.Services.GetRequiredService<DecisionEngine>();
        var loader = new PlanInputLoader(host.Services.GetRequiredService<ContactNormalizer>(), host.Services.GetRequiredService<PersonMerger>(), context.Error);
        PlanInput input;
        try
        {
            input = loader.Load(parse.GetRequiredValue(options.Contacts).FullName, parse.GetValue(options.Events)?.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            exitCode = ExitCodes.Failure;
            return null;
        }

        var batch = engine.DecideAll(input.Subjects, asOf, traceWhen?.Invoke(input));
        exitCode = ExitCodes.Success;
        return (engine, input, batch);
    }
}
