using System.Collections.Concurrent;
using SyncBridge.Core.Sync;

namespace SyncBridge.Testing;

/// <summary>
/// An in-memory <see cref="IStateStore"/> that also counts saves: the fake of our own port that connector tests share
/// (linked into each test project that needs it).
/// </summary>
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
