using System.Runtime.CompilerServices;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.Demo;

/// <summary>Passes a source's pages through unchanged and reports how many records each page carried.</summary>
internal sealed class ProgressReportingSource(IContactSource inner, Action<int> onPage) : IContactSource
{
    public string Name => inner.Name;

    public async IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in inner.ReadChangesAsync(since, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
            onPage(page.Contacts.Count + page.Deleted.Count + page.Errors.Count);
        }
    }
}
