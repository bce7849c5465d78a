using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Planning;

/// <summary>Compares a plan's fingerprint with the state store now: what moved since the plan was made, or null when nothing did.</summary>
internal static class PlanStateCheck
{
    public static async Task<string?> FindChangeAsync(IServiceProvider services, PlanFile plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>(2);
        var contacts = await services.GetRequiredService<IContactStore>().ListChangedPersonsAsync(0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        if (contacts.LastSequence != plan.Fingerprint.ContactSequence)
        {
            problems.Add($"the contact store is at change {contacts.LastSequence}, the plan was made at change {plan.Fingerprint.ContactSequence}");
        }

        var targets = plan.ChangeSets.SelectMany(c => c.Changes).Select(c => c.Target).ToHashSet();
        var snapshots = await services.GetRequiredService<IOutboxStore>().GetSnapshotsAsync(targets, cancellationToken).ConfigureAwait(false);
        var hash = PlanFingerprint.HashSnapshots(targets, snapshots);
        if (!string.Equals(hash, plan.Fingerprint.SnapshotHash, StringComparison.Ordinal))
        {
            problems.Add("what SyncBridge last wrote to the planned records is no longer what the plan was compared with");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
