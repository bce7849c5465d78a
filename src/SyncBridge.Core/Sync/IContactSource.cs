namespace SyncBridge.Core.Sync;

/// <summary>
/// A system contacts are read from (a CRM, a form tool, a file). Implementations page through changes after
/// <c>since</c> in (timestamp, id) order; the caller persists each page's cursor after processing it.
/// </summary>
public interface IContactSource
{
    /// <summary>A stable name, used as the cursor key in the state store (e.g. "hubspot:contacts").</summary>
    string Name { get; }

    /// <summary>Reads changes after <paramref name="since"/>; null means a full backfill.</summary>
    IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken);
}
