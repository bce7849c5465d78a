using System.Collections.Concurrent;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Tests.Support;

/// <summary>An in-memory <see cref="IStateStore"/> fake.</summary>
internal sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, SourceCursor> _cursors = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public Task<SourceCursor?> GetCursorAsync(string source, CancellationToken cancellationToken) =>
        Task.FromResult(_cursors.TryGetValue(source, out var cursor) ? cursor : null);

    public Task SaveCursorAsync(string source, SourceCursor cursor, CancellationToken cancellationToken)
    {
        _cursors[source] = cursor;
        Saves++;
        return Task.CompletedTask;
    }
}
