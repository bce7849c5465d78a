using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>
/// One store instance of either provider with its sibling ports, over the backend's database (as one worker process has
/// them). It is itself the <see cref="IStateStore"/> and <see cref="IIdentityStore"/>, as both concrete stores are.
/// </summary>
public sealed class StoreSet : IStateStore, IIdentityStore, IDisposable
{
    public required IStateStore State { get; init; }

    public required IIdentityStore Identity { get; init; }

    public required IOutboxStore Outbox { get; init; }

    public required IAppliedUpdateStore Ledger { get; init; }

    public required IContactStore Contacts { get; init; }

    public required IReportStore Reports { get; init; }

    public required Func<CancellationToken, Task> Initialize { get; init; }

    public required IDisposable Owner { get; init; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Initialize(cancellationToken);

    public Task<SourceCursor?> GetCursorAsync(string source, CancellationToken cancellationToken) => State.GetCursorAsync(source, cancellationToken);

    public Task SaveCursorAsync(string source, SourceCursor cursor, CancellationToken cancellationToken) => State.SaveCursorAsync(source, cursor, cancellationToken);

    public Task SavePersonsAsync(IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken) => Identity.SavePersonsAsync(persons, cancellationToken);

    public Task<PersonRecord?> GetPersonAsync(string personId, CancellationToken cancellationToken) => Identity.GetPersonAsync(personId, cancellationToken);

    public Task<string?> FindPersonBySourceAsync(SourceRef source, CancellationToken cancellationToken) => Identity.FindPersonBySourceAsync(source, cancellationToken);

    public Task<string?> FindPersonByKeyAsync(IdentityKey key, CancellationToken cancellationToken) => Identity.FindPersonByKeyAsync(key, cancellationToken);

    public Task<int> CountPersonsAsync(CancellationToken cancellationToken) => Identity.CountPersonsAsync(cancellationToken);

    public Task SaveConflictsAsync(IReadOnlyList<MergeConflict> conflicts, CancellationToken cancellationToken) => Identity.SaveConflictsAsync(conflicts, cancellationToken);

    public Task<IReadOnlyList<MergeConflict>> ListConflictsAsync(string? personId, int limit, CancellationToken cancellationToken) =>
        Identity.ListConflictsAsync(personId, limit, cancellationToken);

    public void Dispose() => Owner.Dispose();
}
