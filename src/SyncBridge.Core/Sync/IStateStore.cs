namespace SyncBridge.Core.Sync;

/// <summary>
/// Where SyncBridge keeps what must survive a restart. Cursors here; identity and decisions are added by the
/// areas that own them.
/// </summary>
public interface IStateStore
{
    /// <summary>The cursor last saved for <paramref name="source"/>, or null before the first run.</summary>
    Task<SourceCursor?> GetCursorAsync(string source, CancellationToken cancellationToken);

    /// <summary>Saves the cursor after a page has been processed.</summary>
    Task SaveCursorAsync(string source, SourceCursor cursor, CancellationToken cancellationToken);
}
